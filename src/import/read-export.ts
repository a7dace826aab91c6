/**
 * An export file → its format (from its content: byte-order mark, preamble lines, header row;
 * never from its name) → normalised fills and funding, with every unreadable line listed.
 * CSV parsing is papaparse's (a well-kept parser: quoting, embedded newlines and separators);
 * this file only finds the header, walks the rows with their line numbers and keeps the keys
 * that make a re-import add nothing twice. A file without a single quote character goes through
 * papaparse's "fast mode" (lines at \n, cells at commas), one row at a time instead of a list of
 * every row first: exports run to hundreds of thousands of rows.
 */
import Papa from "papaparse";
import { borrowMemory, returnMemory } from "../core/scratch";
import { timeOrder } from "../core/time-order";
import { ExportFormat, FileContext, formatMatches, headerFor } from "./format";
import { FORMATS } from "./registry";
import { otherExport } from "./other-exports";
import { OpeningCheck } from "./openings";
import { ClosedPositionRow, FillRow, FundingRow, ImportOptions, ParsedExport } from "./types";

/**
 * An id a spreadsheet turned into a rounded number (8323719608 → 8.32372E+09): no longer the
 * exchange's id, and the same for different rows, so never a key.
 */
const SHORTENED = /^\d+(\.\d+)?E\+\d+$/i;

/** Cell separators, in the order tried: the exchanges' comma, then what spreadsheets save with. */
const DELIMITERS = [",", ";", "\t"];

/** The header may follow this many preamble lines (Bybit and OKX write one). */
const MAX_PREAMBLE = 5;

export type ReadResult = ParsedExport | { refused: string };

export function readExport(raw: string, options: ImportOptions = {}): ReadResult {
  if (raw.length === 0) return { refused: "the file is empty" };
  // A byte-order mark (BitMEX, Excel-saved files) is not part of the first header cell.
  const unmarked = raw.replace(/^\uFEFF/, "");
  const text = unmarked.includes("\r") ? unmarked.replace(/\r\n?/g, "\n") : unmarked;
  if (hasBinary(text.slice(0, 65536))) {
    return { refused: "this is not a text file (it holds binary data): choose the CSV the exchange exported" };
  }
  const lines = text.split("\n", MAX_PREAMBLE + 1);
  let format: ExportFormat | undefined;
  let headerLine = -1;
  // Exchanges write commas; a spreadsheet in a European locale saves the file again with ';' (and
  // decimal commas), some with tabs: the separator is the one that makes a known header.
  let delimiter = ",";
  for (let i = 0; i < lines.length && !format; i++) {
    for (const d of DELIMITERS) {
      const cells = (Papa.parse<string[]>(lines[i], { delimiter: d }).data[0] ?? []).map((c) => c.trim());
      format = FORMATS.find((f) => formatMatches(f, cells));
      if (format) {
        headerLine = i;
        delimiter = d;
        break;
      }
    }
  }
  if (!format) return { refused: unknownFormat(lines) };

  const context: FileContext = { options, preamble: lines.slice(0, headerLine), notes: [] };
  // The text from the header line on (no copy of the file line by line: exports run to 50 MB).
  let start = 0;
  for (let i = 0; i < headerLine; i++) start = text.indexOf("\n", start) + 1;
  const body = text.slice(start);
  const result: ParsedExport = {
    formatId: format.id,
    exchange: format.exchange,
    formatName: format.name,
    rows: 0,
    fills: [],
    funding: [],
    closed: [],
    other: [],
    problems: [],
    from: null,
    to: null,
    symbols: [],
    notes: context.notes,
    warnings: [],
    openings: [],
  };
  // Each data row as a record of the header's names (the row's cells, trimmed), with its line:
  // the line after the last record's, but where `breaks` says (record number, line), in pairs.
  const records: Record<string, string>[] = [];
  const breaks: number[] = [];
  let nextLine = -1;
  let names: string[] = [];
  // A column's few values (coins, directions, a fee repeated on every row) kept once each: the
  // same text, less to keep (and copy) for a file of many rows. A column stops being pooled at
  // its 65th distinct value (times, prices).
  const pools: (Map<string, string> | null)[] = [];
  const pooled = (k: number, cell: string): string => {
    const pool = pools[k] === undefined ? (pools[k] = new Map()) : pools[k];
    if (pool === null) return cell;
    const known = pool.get(cell);
    if (known !== undefined) return known;
    if (pool.size < 64) pool.set(cell, cell);
    else pools[k] = null;
    return cell;
  };
  // The header's names as the format reads them (a translated header in English), said in the summary.
  const columnNames = (cells: string[]): string[] => {
    const { names: named, note } = headerFor(
      format!,
      cells.map((h) => h.trim()),
    );
    if (note) context.notes.push(note);
    return [...named];
  };
  let noDataLine = "";
  const take = (cells: string[], line: number) => {
    if (cells.length === 1 && cells[0].trim() === "") return; // blank line
    // The exchange's "no rows" line (alone in its first cell), not a damaged row.
    if (format!.noData && cells.every((c, k) => (k === 0 ? format!.noData!.test(c.trim()) : c.trim() === ""))) {
      noDataLine = cells[0].trim();
      return;
    }
    result.rows += 1;
    if (cells.length !== names.length) {
      result.problems.push({ line, reason: `${cells.length} cells where the header has ${names.length}` });
      return;
    }
    const record = new PlainRecord();
    for (let k = 0; k < names.length; k++) record[names[k]] = pooled(k, cells[k].trim());
    if (line !== nextLine) breaks.push(records.length, line);
    records.push(record);
    nextLine = line + 1;
  };
  if (!body.includes('"') && delimiter === ",") {
    // No quotes: papaparse's fast mode (lines at \n, cells at commas), row by row; every line is
    // one row, so line numbers count from the header's.
    let line = headerLine + 1;
    Papa.parse<string[]>(body, {
      delimiter: ",",
      newline: "\n",
      fastMode: true,
      skipEmptyLines: false,
      step: (results) => {
        if (line === headerLine + 1) names = columnNames(results.data);
        else take(results.data, line);
        line++;
      },
    });
  } else {
    // One pass: each row with where it ends in the text, for its line number in the file.
    const data: string[][] = [];
    const ends: number[] = [];
    const errors: Papa.ParseError[] = [];
    Papa.parse<string[]>(body, {
      delimiter,
      skipEmptyLines: false,
      step: (results) => {
        data.push(results.data);
        ends.push(results.meta.cursor);
        for (const e of results.errors) errors.push({ ...e, row: data.length - 1 });
      },
    });
    const unbalanced = errors.find((e) => e.code === "MissingQuotes");
    if (unbalanced) {
      return {
        refused: `line ${headerLine + (unbalanced.row ?? 0) + 1} opens a quote that is never closed: the file is damaged, nothing was read`,
      };
    }
    names = columnNames(data[0]);
    const lineOf = lineNumbers(body, ends, headerLine);
    for (let i = 1; i < data.length; i++) take(data[i], lineOf(i));
  }
  if (result.rows === 0) {
    return {
      refused: noDataLine
        ? `this export holds no rows: the exchange wrote "${noDataLine}" under the header (export a period with trades; nothing to import)`
        : `the file has the ${format.name} header but no rows`,
    };
  }

  if (delimiter !== ",") readDecimalCommas(records, delimiter, context);
  format.prepare?.(records, context);
  if (context.refused) return { refused: context.refused };
  // Rows without an exchange id are keyed by their content: "content#1", and "#2", … for repeats
  // (see numberRepeats), each row with its time (repeats have the same time).
  const byContent: { key: string; time: number }[] = [];
  let shortened = 0;
  const openings = new OpeningCheck(format.realizedNetOfFee === true);
  const symbols = new Set<string>();
  for (let i = 0, b = 0, line = 0; i < records.length; i++) {
    if (breaks[b] === i) {
      line = breaks[b + 1];
      b += 2;
    } else line++;
    context.row = i;
    const outcome = format.read(records[i], context);
    if ("problem" in outcome) result.problems.push({ line, reason: outcome.problem });
    else if ("other" in outcome) result.other.push({ line, what: outcome.other });
    else if ("fill" in outcome) {
      const f = fillRow(outcome.fill);
      if (SHORTENED.test(f.tradeId)) {
        f.tradeId = "";
        shortened++;
      }
      if (f.tradeId) f.key = `${f.exchange}|${f.symbol}|${f.tradeId}`;
      else {
        const last = `${f.exchangeRealized ?? ""}#1`; // (one flat string per key: join's, with its "#1")
        f.key = [f.exchange, timeText(f.time), f.symbol, f.side, f.quantity, f.price, f.fee, last].join("|");
        byContent.push(f);
      }
      result.fills.push(f);
      openings.see(f, outcome.effect);
      symbols.add(f.symbol);
      widen(result, f.time);
    } else if ("closed" in outcome) {
      // Keyed by their whole content (an order id alone is cut to 8 characters in some of these
      // exports), the time to the minute: a spreadsheet re-saving the file drops the seconds.
      const c: ClosedPositionRow = { ...outcome.closed, key: "" };
      const minute = String(Math.floor(c.time / 60000));
      const content = [c.exchange, "closed", minute, c.symbol, c.closingSide, c.quantity, c.entryPrice, c.exitPrice, c.closedPnl];
      c.key = `${content.join("|")}|${c.orderId}#1`;
      byContent.push(c);
      result.closed.push(c);
      symbols.add(c.symbol);
      widen(result, c.time);
    } else {
      const f = fundingRow(outcome.funding);
      if (SHORTENED.test(f.transactionId)) {
        f.transactionId = "";
        shortened++;
      }
      if (f.transactionId) f.key = `${f.exchange}|funding|${f.transactionId}`;
      else {
        f.key = [f.exchange, timeText(f.time), f.symbol, f.amount, `${f.asset ?? ""}#1`].join("|");
        byContent.push(f);
      }
      result.funding.push(f);
      symbols.add(f.symbol);
      widen(result, f.time);
    }
  }
  if (shortened > 0) {
    context.notes.push(
      `${shortened} ids shortened to a number such as 8.32372E+09 by a spreadsheet: those rows are matched by their content instead`,
    );
  }
  result.openings = openings.suggestions();
  result.warnings = [...result.openings.map((o) => o.warning), ...openings.gaps(result.openings)];
  numberRepeats(byContent);
  result.symbols = [...symbols].sort();
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

/**
 * Identical rows in one file are distinct fills (two fills of the same size, price and second):
 * each keeps its occurrence, in file order — "content#1", "content#2", … — so a re-import of the
 * same rows gives the same keys. Each row's key is "content#1" on the way in. Repeats share their
 * time, so the rows are grouped by time (one numeric sort, no hash of every row's text) and only
 * rows with the same time are compared.
 */
function numberRepeats(rows: readonly { key: string; time: number }[]): void {
  const n = rows.length;
  const renumbered = new Map<number, string>(); // row → its "content#1", once its key says "#2", …
  const first = (i: number) => renumbered.get(i) ?? rows[i].key;
  const numbered = (i: number, k: number) => {
    if (k === 1) return;
    renumbered.set(i, rows[i].key);
    rows[i].key = `${rows[i].key.slice(0, -2)}#${k}`;
  };
  const byText = (group: Iterable<number>) => {
    const seen = new Map<string, number>();
    for (const i of group) {
      const k = (seen.get(rows[i].key) ?? 0) + 1;
      seen.set(rows[i].key, k);
      numbered(i, k);
    }
  };
  // The rows by time, each time's rows together in file order (core/time-order.ts).
  const times = new Float64Array(borrowMemory("import times", n * 8), 0, n);
  for (let i = 0; i < n; i++) times[i] = rows[i].time;
  const sorted = timeOrder(times, (size) => new Float64Array(borrowMemory("import keys", size * 8), 0, size));
  const at = (k: number) => (sorted === null ? k : sorted[k]);
  for (let a = 0; a < n;) {
    const time = times[at(a)];
    let b = a + 1;
    while (b < n && times[at(b)] === time) b++;
    if (b - a > 16) {
      const group: number[] = [];
      for (let k = a; k < b; k++) group.push(at(k));
      byText(group);
    } else {
      // A few rows at one time (the usual case): each counts the earlier ones with its content.
      for (let j = a + 1; j < b; j++) {
        const row = at(j);
        let k = 1;
        for (let i = a; i < j; i++) if (first(at(i)) === rows[row].key) k++;
        numbered(row, k);
      }
    }
    a = b;
  }
  returnMemory("import times", times.buffer);
  if (sorted !== null) returnMemory("import keys", sorted.buffer);
}

/**
 * A time as a key writes it: String(t), without its cost for the usual whole milliseconds (two
 * small integers print from a cache); anything else as it is, for join to print.
 */
function timeText(t: number): string | number {
  if (!(Number.isInteger(t) && t >= 1e8 && t < 1e15)) return t;
  const low = t % 1e8;
  return `${(t - low) / 1e8}${low < 1e7 ? String(low).padStart(8, "0") : low}`;
}

/**
 * The row as the result keeps it: a FillRow of the format's fill, field by field in FillRow's
 * order (the order every format writes), and its key, yet to be set. (One object made at its
 * size, where a copy by spread would grow one.)
 */
const fillRow = (f: Omit<FillRow, "key">): FillRow => ({
  time: f.time,
  exchange: f.exchange,
  symbol: f.symbol,
  asset: f.asset,
  instrument: f.instrument,
  contractType: f.contractType,
  contractSize: f.contractSize,
  side: f.side,
  quantity: f.quantity,
  price: f.price,
  fee: f.fee,
  feeAsset: f.feeAsset,
  exchangeRealized: f.exchangeRealized,
  tradeId: f.tradeId,
  key: "",
});

const fundingRow = (f: Omit<FundingRow, "key">): FundingRow => ({
  time: f.time,
  exchange: f.exchange,
  symbol: f.symbol,
  amount: f.amount,
  asset: f.asset,
  rate: f.rate,
  transactionId: f.transactionId,
  key: "",
});

/**
 * A row's record: a plain object (its prototype is Object.prototype, as `{}`'s), made by a
 * constructor only so that the engine sizes every record for the header's cells once instead of
 * growing each one cell by cell.
 */
const PlainRecord = function () {} as unknown as { new (): Record<string, string>; prototype: object };
PlainRecord.prototype = Object.prototype;

function widen(r: ParsedExport, t: number): void {
  r.from = r.from === null ? t : Math.min(r.from, t);
  r.to = r.to === null ? t : Math.max(r.to, t);
}

/** Line numbers in the file of the body's rows (quoted fields may span lines), from where each row ends. */
function lineNumbers(body: string, ends: readonly number[], headerLine: number): (row: number) => number {
  let newlines = 0;
  let at = 0;
  const lineAtRow: number[] = [];
  for (const end of ends) {
    lineAtRow.push(headerLine + newlines + 1);
    for (; at < end; at++) if (body.charCodeAt(at) === 10) newlines++;
    if (body.charCodeAt(at) === 10) {
      newlines++;
      at++;
    }
  }
  return (row) => lineAtRow[row] ?? headerLine + row + 1;
}

function unknownFormat(lines: string[]): string {
  // Another export of an exchange Legwork knows: name it, and the one to take instead.
  for (const line of lines) {
    for (const d of DELIMITERS) {
      const other = otherExport((Papa.parse<string[]>(line, { delimiter: d }).data[0] ?? []).map((c) => c.trim()));
      if (other) return `this is ${other.name}: ${other.instead} (nothing was read from it)`;
    }
  }
  const first = lines.find((l) => l.trim() !== "") ?? "";
  const shown = first.length > 80 ? `${first.slice(0, 80)}…` : first;
  const known = FORMATS.map((f) => f.name).join("; ");
  return `not an export Legwork reads: it starts "${shown}". Known exports: ${known}`;
}

/** "1.234,56" / "-0,5" / "0,0368 USDT": a number written with a decimal comma (and dots between thousands). */
const DECIMAL_COMMA = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+),(\d+)((?:E[+-]?\d+)?(?:\s?[A-Za-z][A-Za-z0-9]*)?)$/i;

/**
 * A file saved again by a spreadsheet in a European locale: cells separated by ';' (or tabs) and
 * numbers with decimal commas. Where any cell is such a number, every such cell is rewritten with
 * a decimal point; cells with a point and no comma are left as they are (a spreadsheet keeps text
 * cells such as "0.02427264USDT" as the exchange wrote them), so no number is ever guessed at.
 */
function readDecimalCommas(records: Record<string, string>[], delimiter: string, context: FileContext): void {
  const separator = delimiter === ";" ? "';'" : "tabs";
  let commas = 0;
  for (const r of records) {
    for (const k in r) {
      const m = DECIMAL_COMMA.exec(r[k]);
      if (!m) continue;
      r[k] = `${m[1]}${m[2].replace(/\./g, "")}.${m[3]}${m[4]}`;
      commas++;
    }
  }
  context.notes.push(
    commas > 0
      ? `cells separated by ${separator} and decimal commas (a spreadsheet saved the file again): numbers such as 1.234,56 read as 1234.56`
      : `cells separated by ${separator} (a spreadsheet saved the file again)`,
  );
}

/** Control characters other than tab and line breaks: a spreadsheet, archive or image, not a CSV. */
function hasBinary(sample: string): boolean {
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) return true;
  }
  return false;
}
