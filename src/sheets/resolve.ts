/**
 * Fitting a plan into a workbook that already has sheets and tables: the sheet gets a name no
 * other sheet has ("Cash-and-carry (2)"), each table a workbook-unique name, and every formula
 * that refers to a renamed table is rewritten to match. Pure: the writer passes what it loaded.
 */
import { SheetPlan } from "./plan";

export interface TakenNames {
  sheets: readonly string[];
  /** Tables and workbook-level names share one namespace in Excel. */
  tables: readonly string[];
}

const MAX_SHEET_NAME = 31;

export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export function uniqueTableName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base}_${n}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function resolvePlan(plan: SheetPlan, taken: TakenNames): SheetPlan {
  const sheetName = uniqueSheetName(plan.sheetName, taken.sheets);
  const used = new Set(taken.tables.map((t) => t.toLowerCase()));
  const renames = new Map<string, string>();
  const tables = plan.tables.map((t) => {
    const name = uniqueTableName(t.name, used);
    used.add(name.toLowerCase());
    if (name !== t.name) renames.set(t.name, name);
    return { ...t, name };
  });
  if (renames.size === 0) return { ...plan, sheetName, tables };
  const pattern = new RegExp(`(?<![A-Za-z0-9_.])(${[...renames.keys()].map(escapeRegExp).join("|")})\\[`, "g");
  const rename = (formula: string) => formula.replace(pattern, (_, name: string) => `${renames.get(name)}[`);
  return {
    ...plan,
    sheetName,
    tables,
    cells: plan.cells.map((c) => (c.formula ? { ...c, formula: rename(c.formula) } : c)),
    conditionalFormats: plan.conditionalFormats.map((cf) => (cf.kind === "alert" ? { ...cf, formula: rename(cf.formula) } : cf)),
  };
}
