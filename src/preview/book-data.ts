/**
 * The preview's Book without Excel: imported files' rows kept in memory as the Book's Fills and
 * Funding tables would hold them, added by the same rules as the Excel import (src/import/
 * book-rows.ts: never a row twice), and turned into the Book template's data.
 */
import { Cell, defaultLayout, FILL_COLUMNS, FUNDING_COLUMNS, ImportPlan, planImport } from "../import/book-rows";
import { ParsedExport } from "../import/types";
import { BookData } from "../sheets/templates/book";

const FILLS = defaultLayout(FILL_COLUMNS);
const FUNDING = defaultLayout(FUNDING_COLUMNS);

export class PreviewBook {
  fills: Cell[][] = [];
  funding: Cell[][] = [];

  add(files: readonly ParsedExport[]): ImportPlan {
    const plan = planImport(files, { layout: FILLS, rows: this.fills }, { layout: FUNDING, rows: this.funding });
    this.fills.push(...plan.fills);
    this.funding.push(...plan.funding);
    return plan;
  }

  get empty(): boolean {
    return this.fills.length === 0 && this.funding.length === 0;
  }

  /** The template's data: the rows, and a mark per symbol held (its last fill's price, until one is typed). */
  data(): BookData {
    const last = new Map<string, [string, string, number | null]>();
    const [ex, sym, price] = ["Exchange", "Symbol", "Price"].map((c) => FILLS.at[c]);
    for (const r of this.fills) last.set(`${r[ex]}|${r[sym]}`, [String(r[ex]), String(r[sym]), Number(r[price])]);
    return { fills: this.fills, funding: this.funding, marks: [...last.values()] };
  }

  /** The most common P&L currency of the fills (the chart's), by fee asset. */
  mainCurrency(): string | null {
    const counts = new Map<string, number>();
    const at = FILLS.at["Fee asset"];
    for (const r of this.fills) counts.set(String(r[at]), (counts.get(String(r[at])) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
}
