/**
 * One export format: how to recognise its header and read its rows. Each format is a file of its
 * own in formats/, registered in registry.ts (as HyperFormula registers function plugins), never
 * a branch of one big switch.
 */
import { ClosedPositionRow, FillRow, FundingRow, ImportOptions } from "./types";

/** What a data row is. */
export type RowOutcome =
  | {
      fill: Omit<FillRow, "key">;
      /** What the exchange says the fill did to the position, where it says: opened (or added) or closed (reduced). */
      effect?: "open" | "close";
    }
  | { funding: Omit<FundingRow, "key"> }
  | { closed: Omit<ClosedPositionRow, "key"> }
  | { other: string }
  | { problem: string };

/** What a format learns from the whole file before reading rows (date order, time zone). */
export interface FileContext {
  options: ImportOptions;
  /** Lines before the header (Bybit's "UID: …", OKX's "UID:…,Time Zone:UTC+8"). */
  preamble: string[];
  /** How the file was read, for the summary. */
  notes: string[];
  /** Set by `prepare` when the whole file cannot be read as it is (its dates fit several orders). */
  refused?: string;
  /** The row being read (0: the first under the header), set before each `read`. */
  row?: number;
  [key: string]: unknown;
}

export interface ExportFormat {
  id: string;
  exchange: string;
  name: string;
  /**
   * A header in another language → the names `matches` and `read` use, with a note for the
   * summary (Binance translates its headers); null when the header is not a translation.
   */
  translate?(header: readonly string[]): { names: string[]; note: string } | null;
  /** True when `header` (trimmed cells of one line) is this format's header row. */
  matches(header: readonly string[]): boolean;
  /** The line an exchange writes under the header of an export without rows ("No data matches the criteria."). */
  noData?: RegExp;
  /** The export's realized column is net of the fill's fee (Hyperliquid's closedPnl); others are gross. */
  realizedNetOfFee?: boolean;
  /** Looks at every row first (e.g. to tell DD/MM from MM/DD); may add notes. */
  prepare?(records: readonly Record<string, string>[], context: FileContext): void;
  read(record: Record<string, string>, context: FileContext): RowOutcome;
}

/** The header as the format names its columns: translated, or as it is. */
export function headerFor(format: ExportFormat, header: readonly string[]): { names: readonly string[]; note: string | null } {
  const t = format.translate?.(header);
  return t ? t : { names: header, note: null };
}

/** True when the header line (its trimmed cells) is the format's, in any language it knows. */
export const formatMatches = (format: ExportFormat, header: readonly string[]): boolean =>
  format.matches(headerFor(format, header).names);

/** Header cells as a set, for formats whose columns may come in any order or with extras. */
export function hasColumns(header: readonly string[], required: readonly string[]): boolean {
  const set = new Set(header);
  return required.every((c) => set.has(c));
}
