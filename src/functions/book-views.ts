/**
 * LEGS.BOOKDELTA(fills, [marks], [method]) and LEGS.BOOKPNL(fills, [funding], [currency], [method]):
 * net delta per strategy and asset, and P&L by day, from the Book's tables as LEDGER reads them.
 */
import { netDeltaByStrategy, pnlByDay } from "../core/book-views";
import { LedgerFill } from "../core/ledger";
import { Dec } from "../core/decimal";
import { invalid, isDomainError } from "../core/errors";
import { COST_METHODS } from "../core/realized";
import { optionalChoice, optionalText, toGrid } from "./cells";
import { optionalTable, readFills, readFunding, readMarks } from "./ledger";
import { Answer, finish } from "./spill";

export const BOOKDELTA_HEADER = ["Strategy", "Asset", "Net delta"];
export const BOOKPNL_HEADER = ["Date", "Realized", "Funding", "Fees", "Cumulative"];

/** Cells of finished numbers, or the first error among them. */
function table(header: string[], rows: (string | number | Dec)[][]): Answer {
  const out: (string | number)[][] = [header];
  for (const r of rows) {
    const line: (string | number)[] = [];
    for (const v of r) {
      const x = v instanceof Dec ? finish(v) : v;
      if (isDomainError(x)) return x;
      line.push(x as string | number);
    }
    out.push(line);
  }
  return out;
}

export function bookDeltaOf(fills: unknown, marks: unknown, method: unknown): Answer {
  const m = optionalChoice("method", method, COST_METHODS, "average");
  if (isDomainError(m)) return m;
  const fg = toGrid("fills", fills);
  if (isDomainError(fg)) return fg;
  const f = readFills(fg);
  if (isDomainError(f)) return f;
  const mk = optionalTable("marks", marks, readMarks);
  if (isDomainError(mk)) return mk;
  const lines = netDeltaByStrategy(f, mk, m);
  return table(
    BOOKDELTA_HEADER,
    lines.map((l) => [l.strategy === "" ? "(no strategy)" : l.strategy, l.asset, l.delta]),
  );
}

export function bookPnlOf(fills: unknown, funding: unknown, currency: unknown, method: unknown): Answer {
  const m = optionalChoice("method", method, COST_METHODS, "average");
  if (isDomainError(m)) return m;
  const c = optionalText("currency", currency);
  if (isDomainError(c)) return c;
  const fg = toGrid("fills", fills);
  if (isDomainError(fg)) return fg;
  const f = readFills(fg);
  if (isDomainError(f)) return f;
  const fu = optionalTable("funding", funding, readFunding);
  if (isDomainError(fu)) return fu;
  const untimed = f.findIndex((x) => x.time === null);
  if (untimed >= 0 || fu.some((x) => x.time === null))
    return invalid("BOOKPNL needs a time on every row: give the tables with their Time UTC column filled in");
  const cur = c ?? mainCurrency(f);
  const days = pnlByDay(f, fu, cur, m);
  return table(
    BOOKPNL_HEADER,
    days.map((d) => [d.day, d.realized, d.funding, d.fees, d.cumulative]),
  );
}

/** The P&L currency of most fills (USDT for a book without fills): BOOKPNL's default. */
export function mainCurrency(fills: readonly LedgerFill[]): string {
  return mostCommon(fills.map((x) => x.currency)) ?? "USDT";
}

/** The P&L currency of most rows of a Fills table (header row first), or null when it cannot be read. */
export function mainCurrencyOf(fills: unknown): string | null {
  const g = toGrid("fills", fills);
  if (isDomainError(g)) return null;
  const f = readFills(g);
  return isDomainError(f) ? null : mainCurrency(f);
}

function mostCommon(words: readonly string[]): string | null {
  const n = new Map<string, number>();
  for (const w of words) n.set(w, (n.get(w) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
