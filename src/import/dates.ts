/**
 * Date-and-time cells read per file, never guessed per row. A file's time column is written in
 * one layout: the exchange's own (Binance: `26-03-17 09:34:12`, two-digit year first, or
 * `2026-03-17 09:34:12`), or what a spreadsheet wrote when it saved the file again in its locale
 * (`17.03.2026 09:34`, `17/03/2026 09:34`, `3/17/2026 9:34`, `17-3-2026 09:34`). The layout is
 * chosen from every value of the column:
 * - values in one of the exchange's own layouts are read in it (they are unambiguous by source);
 * - otherwise the date orders (day-month-year, month-day-year, year-month-day) that read every
 *   value as a real date are the candidates: one is the answer; several (every day ≤ 12, or
 *   `03-04-05`) is a question for the trader, answered with `ImportOptions.dateOrder` and
 *   remembered by the taskpane; none is a problem line per value that fits no layout.
 * Two-digit years are 20yy (no export predates 2000).
 */
import { utc } from "./values";

/** Which part of a date comes first: year, day or month. */
export type DateOrder = "ymd" | "dmy" | "mdy";
export const DATE_ORDERS: readonly DateOrder[] = ["ymd", "dmy", "mdy"];

export const DATE_ORDER_NAMES: Record<DateOrder, string> = {
  ymd: "year-month-day",
  dmy: "day-month-year",
  mdy: "month-day-year",
};

/** A cell split into its numbers: three date parts and the time of day. */
interface Parts {
  a: string;
  b: string;
  c: string;
  sep: string;
  h: number;
  mi: number;
  s: number | null;
  ms: number;
}

const DATE_TIME =
  /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})\.?(?:(?:\s+-\s+|[ T]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*([AaPp][Mm])?)?$/;

function split(cell: string): Parts | null {
  const m = DATE_TIME.exec(cell.trim());
  if (!m) return null;
  let h = +(m[5] ?? 0);
  if (m[9]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/p/i.test(m[9]) ? 12 : 0);
  }
  return {
    a: m[1],
    b: m[3],
    c: m[4],
    sep: m[2],
    h,
    mi: +(m[6] ?? 0),
    s: m[7] === undefined ? null : +m[7],
    ms: +(m[8] ?? "0").padEnd(3, "0"),
  };
}

const year = (t: string): number | null => (t.length === 4 ? +t : t.length === 2 ? 2000 + +t : null);

/** The cell in a date order → ms UTC, or null when it is no real date in that order. */
function timeIn(p: Parts, order: DateOrder, offsetMinutes: number): number | null {
  const [y, mo, d] =
    order === "ymd"
      ? [year(p.a), +p.b, p.c.length <= 2 ? +p.c : NaN]
      : order === "dmy"
        ? [year(p.c), +p.b, p.a.length <= 2 ? +p.a : NaN]
        : [year(p.c), +p.a, p.b.length <= 2 ? +p.b : NaN];
  if (y === null || !Number.isFinite(d) || (order !== "ymd" && p.a.length > 2)) return null;
  return utc(y, mo, d, p.h, p.mi, p.s ?? 0, p.ms, offsetMinutes);
}

/** An exchange's own layout: the order, and the separator it writes. */
export interface NativeLayout {
  order: DateOrder;
  sep: string;
}

/** How the order was known: the exchange's own layout, the only order every date fits, the only one in time order, the trader's answer. */
export type HowKnown = "native" | "only" | "sorted" | "answer";

export type TimeLayout =
  { order: DateOrder; how: HowKnown; seconds: boolean } | { ambiguous: DateOrder[]; example: string } | { none: string };

/**
 * The layout of a file's time column, from all its (non-empty) values. `answer` is the trader's
 * choice for a file whose values fit several orders. Among several orders that read every value,
 * one under which the rows are in time order (exports are sorted, newest or oldest first) while
 * the others are not is the file's: that is read from the file, not guessed.
 */
export function timeLayout(cells: Iterable<string>, native: readonly NativeLayout[], answer?: DateOrder): TimeLayout {
  const candidates = new Set<DateOrder>(DATE_ORDERS);
  let nativeFits = native.length > 0;
  let seconds = true;
  let example = "";
  let nonDate = "";
  const values: Parts[] = [];
  for (const cell of cells) {
    if (cell.trim() === "") continue;
    const p = split(cell);
    if (!p) {
      nonDate ||= cell;
      continue;
    }
    // A value that is no date in any order (31/02/2026) is its row's problem, not the file's.
    const fits = DATE_ORDERS.filter((order) => timeIn(p, order, 0) !== null);
    if (fits.length === 0) continue;
    values.push(p);
    if (p.s === null) seconds = false;
    if (nativeFits && !native.some((n) => n.sep === p.sep && fits.includes(n.order))) nativeFits = false;
    for (const order of candidates) if (!fits.includes(order)) candidates.delete(order);
    if (!example && +p.a <= 12 && +p.b <= 12) example = cell.trim();
  }
  if (values.length === 0) return { none: nonDate };
  if (nativeFits) {
    const fit = native.find((n) => candidates.has(n.order)) ?? native[0];
    return { order: fit.order, how: "native", seconds };
  }
  if (candidates.size === 0) return { none: nonDate };
  if (answer && candidates.has(answer)) return { order: answer, how: "answer", seconds };
  if (candidates.size > 1) {
    const sorted = [...candidates].filter((order) => inTimeOrder(values, order));
    if (sorted.length === 1) return { order: sorted[0], how: "sorted", seconds };
  }
  if (candidates.size === 1) return { order: [...candidates][0], how: "only", seconds };
  return { ambiguous: [...candidates], example: example || nonDate };
}

/** True when the values read in `order` never go back and forth in time (all rising or all falling). */
function inTimeOrder(values: readonly Parts[], order: DateOrder): boolean {
  let up = false;
  let down = false;
  let last = timeIn(values[0], order, 0) as number;
  for (let i = 1; i < values.length; i++) {
    const t = timeIn(values[i], order, 0) as number;
    if (t > last) up = true;
    else if (t < last) down = true;
    if (up && down) return false;
    last = t;
  }
  return true;
}

/** One cell in the file's layout → ms UTC, or null. */
export function readTime(cell: string, order: DateOrder, offsetMinutes: number): number | null {
  const p = split(cell);
  return p ? timeIn(p, order, offsetMinutes) : null;
}

const HOW: Record<Exclude<HowKnown, "native">, string> = {
  only: "the only order every date in the file fits",
  sorted: "the only order that keeps the file's rows in time order",
  answer: "as you chose",
};

/**
 * What the summary says of how the dates were read (null for the exchange's own layout, with
 * seconds). `resaved`: the exchange has a layout of its own, so another one means a spreadsheet
 * saved the file again.
 */
export function layoutNote(layout: { order: DateOrder; how: HowKnown; seconds: boolean }, resaved: boolean): string | null {
  const minutes = layout.seconds
    ? ""
    : "; times to the minute (the file has no seconds: a spreadsheet that saves it again drops them)";
  if (layout.how === "native") return minutes ? `dates as the exchange writes them${minutes}` : null;
  const again = resaved ? " (not the exchange's own layout: a spreadsheet saved the file again)" : "";
  return `dates read as ${DATE_ORDER_NAMES[layout.order]}, ${HOW[layout.how]}${again}${minutes}`;
}

/** The refusal for a file whose dates fit several orders: the question, with the choices. */
export function ambiguityMessage(column: string, ambiguous: readonly DateOrder[], example: string): string {
  const choices = ambiguous.map((o) => DATE_ORDER_NAMES[o]).join(" or ");
  return `the dates in ${column} (such as "${example}") can be read as ${choices}: choose the date order under "Dates" and read the file again (nothing was read from it)`;
}
