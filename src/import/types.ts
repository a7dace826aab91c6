/**
 * What an exchange export becomes: normalised fills and funding rows, in the units and signs of
 * the Book's Fills and Funding tables, whatever the exchange wrote. Amounts stay decimal text
 * (exactly as exported, canonicalised), never doubles, until they are written.
 */
import type { OpeningSuggestion } from "./openings";

export type Instrument = "perp" | "future" | "spot" | "option";
export type ContractType = "linear" | "inverse";

export interface FillRow {
  /** Milliseconds since 1970, UTC. */
  time: number;
  exchange: string;
  /** As the exchange names it: BTCUSDT, BTC-USDT-SWAP, ETH. */
  symbol: string;
  /** The coin: BTC, ETH. */
  asset: string;
  instrument: Instrument;
  contractType: ContractType;
  /** Coins per contract (linear) or quote currency per contract (inverse). */
  contractSize: string;
  side: "buy" | "sell";
  /** Coins (linear) or contracts (inverse), ≥ 0. */
  quantity: string;
  price: string;
  /** A positive cost; a rebate is negative. */
  fee: string;
  feeAsset: string;
  /** The exchange's own realized P&L for this fill, as exported ("" when it has none). */
  exchangeRealized: string;
  /** The exchange's id, or "" when the export has none. */
  tradeId: string;
  /** What identifies the row across imports: exchange + trade id, or its whole content. */
  key: string;
}

export interface FundingRow {
  time: number;
  exchange: string;
  symbol: string;
  /** Signed: + received, − paid. */
  amount: string;
  asset: string;
  /** The funding rate, when the export gives it. */
  rate: string;
  /** The exchange's transaction id, or "" when the export has none. */
  transactionId: string;
  key: string;
}

/**
 * A closed position as the exchange states it (Bybit's Closed P&L export): not a fill, but what
 * the exchange says closing it made, net of the position's fees and funding. The ledger shows
 * these beside the figures it computes from the fills.
 */
export interface ClosedPositionRow {
  /** When it was closed (ms UTC). */
  time: number;
  exchange: string;
  symbol: string;
  /** The closing fill's side: sell closes a long, buy a short. */
  closingSide: "buy" | "sell";
  /** Coins (linear) or contracts (inverse) closed, ≥ 0. */
  quantity: string;
  entryPrice: string;
  exitPrice: string;
  /** The exchange's P&L for it, net of fees and funding, in `currency`. */
  closedPnl: string;
  /** The P&L currency: quote (USDT, USDC) for linear contracts, the coin for inverse ones. */
  currency: string;
  /** The exchange's order id, or "" when the export has none. */
  orderId: string;
  key: string;
}

/** A line that could not be read: never dropped silently. */
export interface Problem {
  /** 1-based line of the file. */
  line: number;
  reason: string;
}

export interface ParsedExport {
  formatId: string;
  exchange: string;
  /** "Binance USDⓈ-M trade history", … */
  formatName: string;
  /** Data rows in the file (after the header). */
  rows: number;
  fills: FillRow[];
  funding: FundingRow[];
  /** Closed positions as the exchange states them (Bybit's Closed P&L export). */
  closed: ClosedPositionRow[];
  /** Rows read but not fills or funding (transfers, commissions already in the fills, spot legs). */
  other: { line: number; what: string }[];
  problems: Problem[];
  /** Earliest and latest time of the fills and funding (ms UTC), or null when there are none. */
  from: number | null;
  to: number | null;
  symbols: string[];
  /** How the file was read where it was ambiguous: time zone, date order. */
  notes: string[];
  /**
   * What the trader should check, per exchange and symbol: a file that starts in the middle of a
   * position (its first fill closes, or carries the exchange's realized P&L), so the realized P&L
   * computed from the file's fills alone differs from the exchange's own.
   */
  warnings: string[];
  /** The opening position the summary offers to state, one per warning above (openings.ts). */
  openings: OpeningSuggestion[];
}

export interface ImportOptions {
  /** The file's name: Binance states the time zone there ("…(UTC+3).csv"). */
  fileName?: string;
  /** For files that state no time zone (Hyperliquid): minutes east of UTC of the times in the file; default 0. */
  utcOffsetMinutes?: number;
  /**
   * The trader's answer for a file whose dates fit several orders (03/04/2026: 3 April or 4
   * March): never guessed; without it such a file is refused with the question.
   */
  dateOrder?: "ymd" | "dmy" | "mdy";
}
