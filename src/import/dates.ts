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

/** A cell split into its numbers: three date parts (with how many digits each was written in) and the time of day. */
interface Parts {
  a: number;
  aLen: number;
  b: number;
  bLen: number;
  c: number;
  cLen: number;
  sep: string;
  h: number;
  mi: number;
  s: number | null;
  ms: number;
}

const DATE_TIME =
  /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})\.?(?:(?:\s+-\s+|[ T]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*([AaPp][Mm])?)?$/;

/**
 * The common shape, "2026-03-17 09:34:12" / "17.03.2026 09:34" (digits, one separator twice, a
 * space or T, hh:mm, optional :ss and .mmm), read character by character into numbers: a file
 * has a time per row, and the general expression below costs several times more. Else null.
 */
function splitPlain(t: string): Parts | null {
  const n = t.length;
  let i = 0;
  let c = 0;
  // Each part: its digits' value, and where it ended (the count is i − start).
  let a = 0;
  for (; i < n && i < 4 && (c = t.charCodeAt(i)) >= 48 && c <= 57; i++) a = a * 10 + c - 48;
  const aLen = i;
  if (aLen === 0 || i >= n) return null;
  const sep = t.charCodeAt(i);
  if (sep !== 45 && sep !== 47 && sep !== 46) return null; // - / .
  let start = ++i;
  let b = 0;
  for (; i < n && i - start < 2 && (c = t.charCodeAt(i)) >= 48 && c <= 57; i++) b = b * 10 + c - 48;
  const bLen = i - start;
  if (bLen === 0 || t.charCodeAt(i) !== sep) return null;
  start = ++i;
  let cc = 0;
  for (; i < n && i - start < 4 && (c = t.charCodeAt(i)) >= 48 && c <= 57; i++) cc = cc * 10 + c - 48;
  const cLen = i - start;
  if (cLen === 0 || i >= n || ((c = t.charCodeAt(i)) !== 32 && c !== 84)) return null; // space or T
  start = ++i;
  let h = 0;
  for (; i < n && i - start < 2 && (c = t.charCodeAt(i)) >= 48 && c <= 57; i++) h = h * 10 + c - 48;
  if (i === start || t.charCodeAt(i) !== 58) return null; // :
  start = ++i;
  let mi = 0;
  for (; i < n && i - start < 2 && (c = t.charCodeAt(i)) >= 48 && c <= 57; i++) mi = mi * 10 + c - 48;
  if (i - start !== 2) return null;
  let sec: number | null = null;
  let ms = 0;
  if (i < n) {
    if (t.charCodeAt(i) !== 58) return null;
    start = ++i;
    sec = 0;
    for (; i < n && i - start < 2 && (c = t.charCodeAt(i)) >= 48 && c <= 57; i++) sec = sec * 10 + c - 48;
    if (i - start !== 2) return null;
    if (i < n) {
      if (t.charCodeAt(i) !== 46) return null; // .
      start = ++i;
      for (; i < n && i - start < 3 && (c = t.charCodeAt(i)) >= 48 && c <= 57; i++) ms = ms * 10 + c - 48;
      const msLen = i - start;
      if (msLen === 0 || i !== n) return null;
      ms *= msLen === 1 ? 100 : msLen === 2 ? 10 : 1; // ".5" is 500 ms
    }
  }
  return { a, aLen, b, bLen, c: cc, cLen, sep: t[aLen], h, mi, s: sec, ms };
}

function split(cell: string): Parts | null {
  const plain = splitPlain(cell);
  if (plain) return plain;
  const m = DATE_TIME.exec(cell.trim());
  if (!m) return null;
  let h = +(m[5] ?? 0);
  if (m[9]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/p/i.test(m[9]) ? 12 : 0);
  }
  return {
    a: +m[1],
    aLen: m[1].length,
    b: +m[3],
    bLen: m[3].length,
    c: +m[4],
    cLen: m[4].length,
    sep: m[2],
    h,
    mi: +(m[6] ?? 0),
    s: m[7] === undefined ? null : +m[7],
    ms: +(m[8] ?? "0").padEnd(3, "0"),
  };
}

/** A year written in 4 digits, or 2 (20yy); else NaN. */
const year = (value: number, digits: number): number => (digits === 4 ? value : digits === 2 ? 2000 + value : NaN);

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** dateIn's answer (no array made per call: a file has a time per row, read in up to three orders). */
let Y = 0;
let MO = 0;
let D = 0;

/** True when the cell is a real date written in that order; its year, month and day are then Y, MO, D. */
function dateIn(p: Parts, order: DateOrder): boolean {
  if (order === "ymd") {
    if (p.cLen > 2) return false;
    Y = year(p.a, p.aLen);
    MO = p.b;
    D = p.c;
  } else {
    if (p.aLen > 2) return false;
    Y = year(p.c, p.cLen);
    if (order === "dmy") {
      MO = p.b;
      D = p.a;
    } else {
      if (p.bLen > 2) return false;
      MO = p.a;
      D = p.b;
    }
  }
  return Y >= 100 && MO >= 1 && MO <= 12 && D >= 1 && D <= (MO === 2 && leap(Y) ? 29 : DAYS[MO - 1]);
}

/** True when the cell is a real date and time in that order (what timeIn reads as a time). */
function fitsIn(p: Parts, order: DateOrder): boolean {
  return p.h <= 23 && p.mi <= 59 && (p.s ?? 0) <= 59 && dateIn(p, order);
}

/** The cell in a date order → ms UTC, or null when it is no real date in that order. */
function timeIn(p: Parts, order: DateOrder, offsetMinutes: number): number | null {
  return dateIn(p, order) ? utc(Y, MO, D, p.h, p.mi, p.s ?? 0, p.ms, offsetMinutes) : null;
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
export function timeLayout(
  cells: readonly string[],
  native: readonly NativeLayout[],
  answer?: DateOrder,
  /** Given, each cell's time in every order is kept here: see `timesOf`. */
  kept?: { times?: KeptTimes },
): TimeLayout {
  const candidates = new Set<DateOrder>(DATE_ORDERS);
  let nativeFits = native.length > 0;
  let seconds = true;
  let example = "";
  let nonDate = "";
  // Each cell's time (UTC) in each order, NaN where it is no date in that order: numbers, not a
  // reading kept per row (a file has a time per row; objects kept that long cost the most).
  const times: KeptTimes = {
    ymd: new Float64Array(cells.length).fill(NaN),
    dmy: new Float64Array(cells.length).fill(NaN),
    mdy: new Float64Array(cells.length).fill(NaN),
  };
  let dated = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const p = split(cell);
    if (!p) {
      if (cell.trim() !== "") nonDate ||= cell;
      continue;
    }
    // A value that is no date in any order (31/02/2026) is its row's problem, not the file's.
    const ymd = fitsIn(p, "ymd");
    const dmy = fitsIn(p, "dmy");
    const mdy = fitsIn(p, "mdy");
    if (!ymd && !dmy && !mdy) continue;
    dated++;
    if (ymd) times.ymd[i] = timeIn(p, "ymd", 0) ?? NaN;
    if (dmy) times.dmy[i] = timeIn(p, "dmy", 0) ?? NaN;
    if (mdy) times.mdy[i] = timeIn(p, "mdy", 0) ?? NaN;
    if (p.s === null) seconds = false;
    if (nativeFits) {
      let known = false;
      for (const n of native) if (n.sep === p.sep && (n.order === "ymd" ? ymd : n.order === "dmy" ? dmy : mdy)) known = true;
      if (!known) nativeFits = false;
    }
    if (!ymd) candidates.delete("ymd");
    if (!dmy) candidates.delete("dmy");
    if (!mdy) candidates.delete("mdy");
    if (!example && p.a <= 12 && p.b <= 12) example = cell.trim();
  }
  if (kept) kept.times = times;
  if (dated === 0) return { none: nonDate };
  if (nativeFits) {
    const fit = native.find((n) => candidates.has(n.order)) ?? native[0];
    return { order: fit.order, how: "native", seconds };
  }
  if (candidates.size === 0) return { none: nonDate };
  if (answer && candidates.has(answer)) return { order: answer, how: "answer", seconds };
  if (candidates.size > 1) {
    const sorted = [...candidates].filter((order) => inTimeOrder(times[order]));
    if (sorted.length === 1) return { order: sorted[0], how: "sorted", seconds };
  }
  if (candidates.size === 1) return { order: [...candidates][0], how: "only", seconds };
  return { ambiguous: [...candidates], example: example || nonDate };
}

/** True when the times (NaN: a cell that is no date, skipped) never go back and forth (all rising or all falling). */
function inTimeOrder(times: Float64Array): boolean {
  let up = false;
  let down = false;
  let last = NaN;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (t !== t) continue;
    if (t > last) up = true;
    else if (t < last) down = true;
    if (up && down) return false;
    last = t;
  }
  return true;
}

/** Each cell's time (UTC ms) in each date order, NaN where it is no date in that order. */
export interface KeptTimes {
  ymd: Float64Array;
  dmy: Float64Array;
  mdy: Float64Array;
}

/**
 * The kept cells' times in the file's order, at UTC (NaN where a cell is no date in it): each
 * cell read once for the layout and the rows both. A time at an offset is this − offset minutes.
 */
export function timesOf(kept: KeptTimes, order: DateOrder): Float64Array {
  return kept[order];
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
