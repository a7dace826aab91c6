/**
 * The preview's Book without Excel: imported files' rows kept in memory as the Book's Fills and
 * Funding tables would hold them, added by the same rules as the Excel import (src/import/
 * book-rows.ts: never a row twice), and turned into the Book template's data.
 */
import { Cell, CLOSED_COLUMNS, defaultLayout, FILL_COLUMNS, FUNDING_COLUMNS, ImportPlan, planImport } from "../import/book-rows";
import { mainCurrencyOf } from "../functions/book-views";
import { ParsedExport } from "../import/types";
import { BookData } from "../sheets/templates/book";

const FILLS = defaultLayout(FILL_COLUMNS);
const FUNDING = defaultLayout(FUNDING_COLUMNS);
const CLOSED = defaultLayout(CLOSED_COLUMNS);

export class PreviewBook {
  fills: Cell[][] = [];
  funding: Cell[][] = [];
  closed: Cell[][] = [];

  add(files: readonly ParsedExport[]): ImportPlan {
    const plan = planImport(
      files,
      { layout: FILLS, rows: this.fills },
      { layout: FUNDING, rows: this.funding },
      { layout: CLOSED, rows: this.closed },
    );
    // All or nothing, as in Excel: a stated opening position with fills before it adds nothing.
    if (plan.conflicts.length > 0) return plan;
    this.fills.push(...plan.fills);
    this.funding.push(...plan.funding);
    this.closed.push(...plan.closed);
    return plan;
  }

  get empty(): boolean {
    return this.fills.length === 0 && this.funding.length === 0 && this.closed.length === 0;
  }

  /** The template's data: the rows, and a mark per symbol held (its last fill's price, until one is typed). */
  data(): BookData {
    const last = new Map<string, [string, string, number | null]>();
    const [ex, sym, price] = ["Exchange", "Symbol", "Price"].map((c) => FILLS.at[c]);
    for (const r of this.fills) last.set(`${r[ex]}|${r[sym]}`, [String(r[ex]), String(r[sym]), Number(r[price])]);
    return { fills: this.fills, funding: this.funding, closed: this.closed, marks: [...last.values()] };
  }

  /** The chart's currency: BOOKPNL's own default, the P&L currency of most fills. */
  mainCurrency(): string | null {
    return mainCurrencyOf([[...FILL_COLUMNS], ...this.fills]);
  }
}
