/**
 * The shapes LEGS.REBALANCE's path simulation takes and gives (src/core/rebalance.ts re-exports
 * them), and the empty path every arithmetic fills in. Apart so the decimal, fast and option
 * paths can share them without importing the entry point that imports them.
 */
import { OptionType, Settlement } from "./black76";

export type RebalanceMode = "band" | "every";
export const REBALANCE_MODES: readonly RebalanceMode[] = ["band", "every"];

/** The hedge opened at the first price. Items are the positions in LEGS.REBALANCE's hedge cells. */
export type Hedge =
  /** A linear perp short `coins` (item 2; negative: long). */
  | { kind: "linear"; coins: number }
  /** An inverse perp short contracts × contractSize USD (items 2 and 3; negative contracts: long). */
  | { kind: "inverse"; contracts: number; contractSize: number }
  /** Short `notional` USD kept at that notional (item 2; negative: long). */
  | { kind: "usd"; notional: number }
  /** `quantity` options per coin (> 0 long), delta-hedged with a linear perp. */
  | {
      kind: "option";
      type: OptionType;
      strike: number;
      /** Days to expiry at the first price. */
      days: number;
      vol: number;
      quantity: number;
      rate: number;
      settlement: Settlement;
    };

export interface RebalanceInputs {
  /** Prices (> 0), the first the entry; at least 2. */
  prices: ArrayLike<number>;
  /** Coins of spot (negative: short spot). */
  spotQty: number;
  hedge: Hedge;
  /** Band mode: coins of |delta| that trigger a rebalance (> 0). Every mode: price steps (whole ≥ 1), or hours with times. */
  band: number;
  mode: RebalanceMode;
  /** Fraction of traded notional, in (−1, 1) (negative: a maker rebate). */
  feeRate: number;
  /** Excel date serials, one per price, increasing; or null. */
  times: ArrayLike<number> | null;
}

/** One entry per price: the rows of LEGS.REBALANCE (the price column is the input). */
export interface RebalancePath {
  /** The book's delta in coins at this price, before any trade. */
  deltaBefore: Float64Array;
  /** Coins of delta the hedge (or the options' perp) added here; 0 when no trade. */
  trade: Float64Array;
  deltaAfter: Float64Array;
  /** Fee of this step's trade, quote currency. */
  fee: Float64Array;
  /** Mark-to-market P&L since the first price, quote currency, less the fees so far. */
  pnl: Float64Array;
  /** The same book with the hedge never changed: its delta at the last price and its P&L. */
  unrebalanced: { delta: number; pnl: number };
}

/** A path of n zeros, for one of the paths to fill in. */
export function emptyPath(n: number): RebalancePath {
  return {
    deltaBefore: new Float64Array(n),
    trade: new Float64Array(n),
    deltaAfter: new Float64Array(n),
    fee: new Float64Array(n),
    pnl: new Float64Array(n),
    unrebalanced: { delta: 0, pnl: 0 },
  };
}
