/**
 * An export file → its format (from its content: byte-order mark, preamble lines, header row;
 * never from its name) → normalised fills and funding, with every unreadable line listed.
 * CSV parsing is papaparse's (a well-kept parser: quoting, embedded newlines and separators);
 * this file only finds the header, walks the rows with their line numbers and keeps the keys
 * that make a re-import add nothing twice.
 */
import Papa from "papaparse";
import { ExportFormat, FileContext } from "./format";
import { FORMATS } from "./registry";
import { FillRow, FundingRow, ImportOptions, ParsedExport } from "./types";

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
  for (let i = 0; i < lines.length && !format; i++) {
    // Exchanges write commas; a file saved again with ';' (a European Excel) may also have decimal
    // commas, so it is refused rather than guessed at.
    const cells = (Papa.parse<string[]>(lines[i], { delimiter: "," }).data[0] ?? []).map((c) => c.trim());
    format = FORMATS.find((f) => f.matches(cells));
    if (format) headerLine = i;
  }
  if (!format) return { refused: unknownFormat(lines) };

  const context: FileContext = { options, preamble: lines.slice(0, headerLine), notes: [] };
  // The text from the header line on (no copy of the file line by line: exports run to 50 MB).
  let start = 0;
  for (let i = 0; i < headerLine; i++) start = text.indexOf("\n", start) + 1;
  const body = text.slice(start);
  // One pass: each row with where it ends in the text, for its line number in the file.
  const data: string[][] = [];
  const ends: number[] = [];
  const errors: Papa.ParseError[] = [];
  Papa.parse<string[]>(body, {
    delimiter: ",",
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
  const [header, ...rows] = data;
  const names = header.map((h) => h.trim());
  const lineOf = lineNumbers(body, ends, headerLine);

  const records: { line: number; record: Record<string, string> }[] = [];
  const result: ParsedExport = {
    formatId: format.id,
    exchange: format.exchange,
    formatName: format.name,
    rows: 0,
    fills: [],
    funding: [],
    other: [],
    problems: [],
    from: null,
    to: null,
    symbols: [],
    notes: context.notes,
  };
  rows.forEach((cells, i) => {
    const line = lineOf(i + 1);
    if (cells.length === 1 && cells[0].trim() === "") return; // blank line
    result.rows += 1;
    if (cells.length !== names.length) {
      result.problems.push({ line, reason: `${cells.length} cells where the header has ${names.length}` });
      return;
    }
    const record: Record<string, string> = {};
    names.forEach((n, k) => (record[n] = cells[k].trim()));
    records.push({ line, record });
  });
  if (result.rows === 0) return { refused: `the file has the ${format.name} header but no rows` };

  format.prepare?.(
    records.map((r) => r.record),
    context,
  );
  const seen = new Map<string, number>();
  const keyOf = (content: string) => {
    // Identical rows in one file are distinct fills (two fills of the same size, price and second):
    // each keeps its occurrence, so a re-import of the same rows gives the same keys.
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return `${content}#${n}`;
  };
  const symbols = new Set<string>();
  for (const { line, record } of records) {
    const outcome = format.read(record, context);
    if ("problem" in outcome) result.problems.push({ line, reason: outcome.problem });
    else if ("other" in outcome) result.other.push({ line, what: outcome.other });
    else if ("fill" in outcome) {
      const f = outcome.fill;
      const key = f.tradeId
        ? `${f.exchange}|${f.symbol}|${f.tradeId}`
        : keyOf([f.exchange, f.time, f.symbol, f.side, f.quantity, f.price, f.fee, f.exchangeRealized].join("|"));
      result.fills.push({ ...f, key } as FillRow);
      symbols.add(f.symbol);
      widen(result, f.time);
    } else {
      const f = outcome.funding;
      const key = f.transactionId
        ? `${f.exchange}|funding|${f.transactionId}`
        : keyOf([f.exchange, f.time, f.symbol, f.amount, f.asset].join("|"));
      result.funding.push({ ...f, key } as FundingRow);
      symbols.add(f.symbol);
      widen(result, f.time);
    }
  }
  result.symbols = [...symbols].sort();
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

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
  const first = lines.find((l) => l.trim() !== "") ?? "";
  const shown = first.length > 80 ? `${first.slice(0, 80)}…` : first;
  const separator =
    /;/.test(first) && !/,/.test(first)
      ? " (its cells are separated by ';': export the file again as CSV with commas)"
      : /\t/.test(first)
        ? " (its cells are separated by tabs: export the file again as CSV)"
        : "";
  const known = FORMATS.map((f) => f.name).join("; ");
  return `not an export Legwork reads${separator}: it starts "${shown}". Known exports: ${known}`;
}

/** Control characters other than tab and line breaks: a spreadsheet, archive or image, not a CSV. */
function hasBinary(sample: string): boolean {
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) return true;
  }
  return false;
}
