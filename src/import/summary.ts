/**
 * What the user sees of each export file before anything is written: exchange, format, rows, date
 * range, symbols, how many fills / funding / other rows, and every line that could not be read
 * with its line number and why. The taskpane and the preview page show the same summary.
 */
import { ReadResult } from "./read-export";
import { ParsedExport } from "./types";

export interface FileSummary {
  fileName: string;
  /** The file's result, when it could be read. */
  parsed: ParsedExport | null;
  /** One line: "Binance · Binance USDⓈ-M trade history · 1,234 rows". */
  title: string;
  /** Detail lines (date range, symbols, counts, how times were read). */
  details: string[];
  /** "line 17: Quantity "abc" is not a number", …; or the refusal, for a file that was not read. */
  problems: string[];
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const utc = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/** Problems listed in full up to this many; the rest are counted (they are never written either way). */
export const PROBLEMS_SHOWN = 50;

export function summarise(fileName: string, result: ReadResult): FileSummary {
  if ("refused" in result) {
    return { fileName, parsed: null, title: `${fileName}: not imported`, details: [], problems: [result.refused] };
  }
  const r = result;
  const details = [
    r.from !== null && r.to !== null ? `${utc(r.from)} to ${utc(r.to)} UTC` : "no fills or funding",
    `${count(r.fills.length, "fill")}, ${count(r.funding.length, "funding payment")}, ${r.closed.length > 0 ? `${count(r.closed.length, "closed position")}, ` : ""}${count(r.other.length, "other row")} (not imported: ${otherKinds(r)})`,
    `Symbols: ${r.symbols.length > 12 ? `${r.symbols.slice(0, 12).join(", ")} and ${r.symbols.length - 12} more` : r.symbols.join(", ") || "none"}`,
    ...r.notes.map((n) => `Read as: ${n}`),
    ...r.warnings.map((w) => `Check: ${w}`),
  ];
  const problems = r.problems.slice(0, PROBLEMS_SHOWN).map((p) => `line ${p.line}: ${p.reason}`);
  if (r.problems.length > PROBLEMS_SHOWN)
    problems.push(`… and ${r.problems.length - PROBLEMS_SHOWN} more lines that cannot be read`);
  return {
    fileName,
    parsed: r,
    title: `${fileName}: ${r.formatName} · ${count(r.rows, "row")}${r.problems.length ? ` · ${count(r.problems.length, "line")} not readable` : ""}`,
    details,
    problems,
  };
}

function otherKinds(r: ParsedExport): string {
  if (r.other.length === 0) return "none";
  const kinds = new Map<string, number>();
  for (const o of r.other) kinds.set(o.what, (kinds.get(o.what) ?? 0) + 1);
  return [...kinds].map(([what, n]) => `${n} ${what}`).join("; ");
}
