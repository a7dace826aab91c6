/**
 * The Book's two tables, Fills and Funding: their columns, an export's normalised rows as table
 * rows (in whatever column order the user's table has), and which rows an import adds, so that
 * nothing is written twice and nothing the user typed is touched. Pure: the Excel writer and the
 * preview page both use it.
 *
 * A row is the same row again when it has the same key:
 *   - a fill with a trade id: exchange + symbol + trade id;
 *   - anything else: its whole content, and how many times that content occurs in its file
 *     (two fills of the same size at the same price in the same second are two fills; the same
 *     file imported twice, or two exports that overlap, still add each of them once).
 * Keys are read from cells as Excel gives them back (numbers as doubles, times as date serials),
 * so the rows already in a table and the rows of a file compare alike.
 */
import { OPENING_TRADE_ID } from "./openings";
import { ClosedPositionRow, FillRow, FundingRow, ParsedExport } from "./types";

export const FILL_COLUMNS = [
  "Time UTC",
  "Exchange",
  "Symbol",
  "Asset",
  "Instrument",
  "Contract type",
  "Contract size",
  "Side",
  "Quantity",
  "Price",
  "Fee",
  "Fee asset",
  "Exchange realized",
  "Trade ID",
  "Strategy",
] as const;

export const FUNDING_COLUMNS = ["Time UTC", "Exchange", "Symbol", "Amount", "Asset", "Rate", "Strategy"] as const;

/** Closed positions as the exchange states them (Bybit's Closed P&L export): beside the fills, never instead of them. */
export const CLOSED_COLUMNS = [
  "Time UTC",
  "Exchange",
  "Symbol",
  "Closing side",
  "Quantity",
  "Entry price",
  "Exit price",
  "Closed P&L",
  "Currency",
  "Order ID",
  "Strategy",
] as const;

export type Cell = string | number | boolean | null;

/** Excel's date serial of a UTC time (days since 1899-12-30). */
export const excelSerial = (ms: number): number => ms / 86400000 + 25569;

const number = (s: string): number | string => (s === "" ? "" : Number(s));

/** A fill as cells by column name. Text stays text here; the writer makes sure Excel keeps it so. */
export function fillCells(f: FillRow): Record<(typeof FILL_COLUMNS)[number], Cell> {
  return {
    "Time UTC": excelSerial(f.time),
    Exchange: f.exchange,
    Symbol: f.symbol,
    Asset: f.asset,
    Instrument: f.instrument,
    "Contract type": f.contractType,
    "Contract size": number(f.contractSize),
    Side: f.side,
    Quantity: number(f.quantity),
    Price: number(f.price),
    Fee: number(f.fee),
    "Fee asset": f.feeAsset,
    "Exchange realized": number(f.exchangeRealized),
    "Trade ID": f.tradeId,
    Strategy: "",
  };
}

export function fundingCells(f: FundingRow): Record<(typeof FUNDING_COLUMNS)[number], Cell> {
  return {
    "Time UTC": excelSerial(f.time),
    Exchange: f.exchange,
    Symbol: f.symbol,
    Amount: number(f.amount),
    Asset: f.asset,
    Rate: number(f.rate),
    Strategy: "",
  };
}

export function closedCells(c: ClosedPositionRow): Record<(typeof CLOSED_COLUMNS)[number], Cell> {
  return {
    "Time UTC": excelSerial(c.time),
    Exchange: c.exchange,
    Symbol: c.symbol,
    "Closing side": c.closingSide,
    Quantity: number(c.quantity),
    "Entry price": number(c.entryPrice),
    "Exit price": number(c.exitPrice),
    "Closed P&L": number(c.closedPnl),
    Currency: c.currency,
    "Order ID": c.orderId,
    Strategy: "",
  };
}

/** The columns of a table found by header text (any order, extra columns allowed). */
export interface TableLayout {
  /** Header texts as they are in the workbook. */
  header: readonly string[];
  /** Column index of each of our columns. */
  at: Record<string, number>;
}

const norm = (s: unknown) =>
  String(s ?? "")
    .trim()
    .toLowerCase();

/** The layout of a table from its header row, or what is missing from it. */
export function tableLayout(
  table: string,
  header: readonly unknown[],
  columns: readonly string[],
): TableLayout | { missing: string } {
  const at: Record<string, number> = {};
  const missing: string[] = [];
  for (const c of columns) {
    const i = header.findIndex((h) => norm(h) === norm(c));
    if (i < 0) missing.push(c);
    else at[c] = i;
  }
  if (missing.length > 0)
    return {
      missing: `the ${table} table has no ${missing.map((m) => `"${m}"`).join(", ")} column (it needs ${columns.join(", ")})`,
    };
  return { header: header.map((h) => String(h ?? "")), at };
}

/** A number as a key part: doubles as Excel stores them (15 significant digits), text trimmed. */
function part(v: unknown): string {
  if (typeof v === "number") return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : "";
  return norm(v);
}

/** A time cell (date serial) as a key part, to the millisecond. */
function timePart(v: unknown): string {
  return typeof v === "number" ? String(Math.round((v - 25569) * 86400000)) : norm(v);
}

type Get = (column: string) => unknown;

export function fillKey(get: Get): { id: string } | { content: string } {
  const tradeId = part(get("Trade ID"));
  if (tradeId !== "") return { id: [part(get("Exchange")), part(get("Symbol")), tradeId].join("|") };
  return {
    content: [
      part(get("Exchange")),
      timePart(get("Time UTC")),
      part(get("Symbol")),
      part(get("Side")),
      part(get("Quantity")),
      part(get("Price")),
      part(get("Fee")),
      part(get("Exchange realized")),
    ].join("|"),
  };
}

export function fundingKey(get: Get): { content: string } {
  return {
    content: [
      part(get("Exchange")),
      timePart(get("Time UTC")),
      part(get("Symbol")),
      part(get("Amount")),
      part(get("Asset")),
    ].join("|"),
  };
}

/** A time cell (date serial) as a key part, to the minute (a spreadsheet re-saving an export drops its seconds). */
function minutePart(v: unknown): string {
  return typeof v === "number" ? String(Math.floor(Math.round((v - 25569) * 86400000) / 60000)) : norm(v);
}

export function closedKey(get: Get): { content: string } {
  return {
    content: [
      part(get("Exchange")),
      minutePart(get("Time UTC")),
      part(get("Symbol")),
      part(get("Closing side")),
      part(get("Quantity")),
      part(get("Entry price")),
      part(get("Exit price")),
      part(get("Closed P&L")),
      part(get("Order ID")),
    ].join("|"),
  };
}

/**
 * A fill's or payment's content to the minute, without its id: what is left of a row when a
 * spreadsheet saved its file again (seconds dropped, a long id rounded to 8.32372E+09), so that
 * the original and the re-save are known as the same rows whichever came first.
 */
export function fillLoose(get: Get): string {
  return [
    part(get("Exchange")),
    minutePart(get("Time UTC")),
    part(get("Symbol")),
    part(get("Side")),
    part(get("Quantity")),
    part(get("Price")),
    part(get("Fee")),
  ].join("|");
}

export function fundingLoose(get: Get): string {
  return [part(get("Exchange")), minutePart(get("Time UTC")), part(get("Symbol")), part(get("Amount")), part(get("Asset"))].join(
    "|",
  );
}

/** Occurrences per key. */
class Counts extends Map<string, number> {
  add(k: string): void {
    this.set(k, (this.get(k) ?? 0) + 1);
  }
  of(k: string): number {
    return this.get(k) ?? 0;
  }
}

/** The keys of the rows a table already holds. */
export class KnownRows {
  private readonly ids = new Set<string>();
  /** How many rows of each content the table holds. */
  private readonly contents = new Counts();
  /** How many rows of each loose content (see fillLoose): all rows, and those without an id. */
  private readonly loose = new Counts();
  private readonly looseWithoutId = new Counts();

  constructor(
    private readonly keyOf: (get: Get) => { id: string } | { content: string },
    private readonly looseOf: ((get: Get) => string) | null = null,
  ) {}

  /** Records the table's existing rows (data rows only, in the table's column order). */
  addExisting(layout: TableLayout, rows: readonly (readonly unknown[])[]): void {
    for (const r of rows) {
      if (r.every((v) => v === "" || v === null || v === undefined)) continue; // an empty table's blank row
      const get = (c: string) => r[layout.at[c]];
      this.remember(this.keyOf(get), this.looseOf?.(get) ?? null);
    }
  }

  private remember(key: { id: string } | { content: string }, loose: string | null, n = 0): void {
    if ("id" in key) this.ids.add(key.id);
    else if (n > 0) this.contents.set(key.content, Math.max(n, this.contents.of(key.content)));
    else this.contents.add(key.content);
    if (loose === null) return;
    this.loose.add(loose);
    if (!("id" in key)) this.looseWithoutId.add(loose);
  }

  /**
   * Which of one file's rows are new. Content keys count occurrences within the file: the n-th
   * row of a content is new only when fewer than n such rows are known. A row is known too when
   * a spreadsheet's re-save of its file could have made it from a known row, or the reverse (the
   * n-th row of a loose content, against the known rows of that loose content: all of them for a
   * row without an id, those without an id for a row with one; rows with ids are told by them).
   */
  newRows<T>(rows: readonly T[], cellsOf: (row: T) => Record<string, Cell>): Record<string, Cell>[] {
    const inFile = new Counts();
    const looseInFile = new Counts();
    const out: Record<string, Cell>[] = [];
    const fresh: [{ id: string } | { content: string }, string | null, number][] = [];
    for (const row of rows) {
      const cells = cellsOf(row);
      const get = (c: string) => cells[c];
      const key = this.keyOf(get);
      const loose = this.looseOf?.(get) ?? null;
      let m = 0;
      if (loose !== null) {
        looseInFile.add(loose);
        m = looseInFile.of(loose);
      }
      let n = 0;
      if ("id" in key) {
        if (this.ids.has(key.id)) continue;
        if (loose !== null && m <= this.looseWithoutId.of(loose)) continue;
        this.ids.add(key.id);
      } else {
        inFile.add(key.content);
        n = inFile.of(key.content);
        if (n <= this.contents.of(key.content)) continue;
        if (loose !== null && m <= this.loose.of(loose)) continue;
      }
      fresh.push([key, loose, n]);
      out.push(cells);
    }
    // The file's new rows are known to the next file of the same import.
    for (const [key, loose, n] of fresh) this.remember(key, loose, n);
    return out;
  }
}

/** Cells by column name → a row in the table's own column order; columns that are not ours stay as they are (null). */
export function inTableOrder(layout: TableLayout, cells: Record<string, Cell>): Cell[] {
  const row: Cell[] = layout.header.map(() => null);
  for (const [c, i] of Object.entries(layout.at)) row[i] = cells[c] ?? "";
  return row;
}

export interface ImportPlan {
  /** New rows, in each table's column order. */
  fills: Cell[][];
  funding: Cell[][];
  /** Closed-position rows, for the Closed P&L table. */
  closed: Cell[][];
  /** Rows of the files already in the tables (or twice in the files). */
  skippedFills: number;
  skippedFunding: number;
  skippedClosed: number;
  /**
   * Stated opening positions (Trade ID "opening position") with fills of their exchange and
   * symbol before them, in the table or in the files: the position would be counted twice (the
   * fills that opened it and the stated opening), so nothing is written while any is here.
   */
  conflicts: string[];
}

/** What importing `files` into tables holding `existingFills` / `existingFunding` (data rows) adds. */
export function planImport(
  files: readonly ParsedExport[],
  fills: { layout: TableLayout; rows: readonly (readonly unknown[])[] },
  funding: { layout: TableLayout; rows: readonly (readonly unknown[])[] },
  closed: { layout: TableLayout; rows: readonly (readonly unknown[])[] } = { layout: defaultLayout(CLOSED_COLUMNS), rows: [] },
): ImportPlan {
  const knownFills = new KnownRows(fillKey, fillLoose);
  knownFills.addExisting(fills.layout, fills.rows);
  const knownFunding = new KnownRows(fundingKey, fundingLoose);
  knownFunding.addExisting(funding.layout, funding.rows);
  const knownClosed = new KnownRows(closedKey);
  knownClosed.addExisting(closed.layout, closed.rows);
  const plan: ImportPlan = {
    fills: [],
    funding: [],
    closed: [],
    skippedFills: 0,
    skippedFunding: 0,
    skippedClosed: 0,
    conflicts: [],
  };
  const openings = new OpeningsInBook();
  openings.take(fills.rows, (r, c) => r[fills.layout.at[c]]);
  for (const file of files) {
    const f = knownFills.newRows(file.fills, fillCells);
    plan.skippedFills += file.fills.length - f.length;
    for (const cells of f) plan.fills.push(inTableOrder(fills.layout, cells));
    openings.take(f, (r, c) => r[c]);
    const u = knownFunding.newRows(file.funding, fundingCells);
    plan.skippedFunding += file.funding.length - u.length;
    for (const cells of u) plan.funding.push(inTableOrder(funding.layout, cells));
    const c = knownClosed.newRows(file.closed, closedCells);
    plan.skippedClosed += file.closed.length - c.length;
    for (const cells of c) plan.closed.push(inTableOrder(closed.layout, cells));
  }
  plan.conflicts = openings.conflicts();
  return plan;
}

/** Each stated opening position, and the earliest other fill of its exchange and symbol. */
class OpeningsInBook {
  private readonly stated = new Map<string, number>();
  private readonly earliest = new Map<string, number>();

  take<R>(rows: readonly R[], get: (row: R, column: string) => unknown): void {
    for (const r of rows) {
      const time = get(r, "Time UTC");
      if (typeof time !== "number") continue;
      const k = `${part(get(r, "Exchange"))}|${part(get(r, "Symbol"))}`;
      const into = part(get(r, "Trade ID")) === OPENING_TRADE_ID ? this.stated : this.earliest;
      if (!(into.get(k)! <= time)) into.set(k, time);
    }
  }

  conflicts(): string[] {
    const out: string[] = [];
    for (const [k, opening] of this.stated) {
      const first = this.earliest.get(k);
      if (first === undefined || first >= opening) continue;
      const [exchange, symbol] = k.split("|");
      const at = (serial: number) =>
        new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 19).replace("T", " ");
      out.push(
        `${exchange} ${symbol}: the opening position stated at ${at(opening)} UTC has fills before it (from ${at(first)} UTC), ` +
          'which would count the position twice: delete the Fills row with Trade ID "opening position" if those fills opened it, or leave out the earlier file',
      );
    }
    return out.sort();
  }
}

/** Header + data rows of an empty Book's tables: what a new Book sheet starts with. */
export const defaultLayout = (columns: readonly string[]): TableLayout => ({
  header: [...columns],
  at: Object.fromEntries(columns.map((c, i) => [c, i])),
});
