/**
 * Structured table references (Legs[#All], Legs[Quantity]) → plain A1 ranges.
 *
 * Excel receives the structured form, which follows the table as the user adds rows.
 * HyperFormula has no tables, so the preview translates here, in this one place (README:
 * "Preview differences").
 */
import { parseRange, rangeRef } from "./a1";
import { SheetPlan } from "./plan";

export interface TableShape {
  name: string;
  ref: string;
  headers: readonly string[];
}

/** The tables of a plan with their header texts, read from the plan's cells. */
export function tableShapes(plan: SheetPlan): TableShape[] {
  const byRef = new Map(plan.cells.map((c) => [c.ref, c]));
  return plan.tables.map((t) => {
    const r = parseRange(t.ref);
    const headers: string[] = [];
    for (let c = r.start.col; c <= r.end.col; c++) {
      const cell = byRef.get(rangeRef({ row: r.start.row, col: c }, { row: r.start.row, col: c }));
      headers.push(String(cell?.value ?? ""));
    }
    return { name: t.name, ref: t.ref, headers };
  });
}

const STRUCTURED = /([A-Za-z_][A-Za-z0-9_]*)\[(#All|#Data|#Headers|[^[\]]+)\]/g;

/** The formula with every structured reference to one of `tables` replaced by an absolute range. */
export function structuredToA1(formula: string, tables: readonly TableShape[]): string {
  return formula.replace(STRUCTURED, (whole, name: string, part: string) => {
    const table = tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) return whole;
    const r = parseRange(table.ref);
    const dataTop = r.start.row + 1;
    switch (part.toLowerCase()) {
      case "#all":
        return rangeRef(r.start, r.end, true);
      case "#data":
        return rangeRef({ row: dataTop, col: r.start.col }, r.end, true);
      case "#headers":
        return rangeRef(r.start, { row: r.start.row, col: r.end.col }, true);
      default: {
        const c = table.headers.findIndex((h) => h.toLowerCase() === part.trim().toLowerCase());
        if (c < 0) throw new Error(`table ${table.name} has no column "${part}"`);
        const col = r.start.col + c;
        return rangeRef({ row: dataTop, col }, { row: r.end.row, col }, true);
      }
    }
  });
}
