/**
 * LEGS.REBALANCE's path simulation: a delta-hedged book walked along the trader's own prices,
 * rebalanced in a band (or every N steps or hours), fees included, beside the same book never
 * rebalanced. Pure: numbers in, columns out (src/functions/rebalance.ts reads the cells).
 *
 * The background article (Strategy #4, "Volatility Capture"): "Enter delta-neutral, then rebalance
 * as price moves. You profit from the rebalancing, not direction", with "Threshold-based:
 * Rebalance when delta exceeds ±0.1" and "Time-based: Rebalance every X hours". With a linear perp
 * sized in coins the delta never drifts, so there is nothing to rebalance; it drifts with inverse
 * contracts, hedges sized in dollars, and options (gamma). This shows which, and what it pays.
 *
 * The book: `spotQty` coins of spot and a hedge opened at the first price.
 *   linear   a linear perp short q coins: delta −q, constant.
 *   inverse  an inverse perp short N = contracts × contract size USD: delta −N/p coins.
 *   usd      a hedge of N USD, kept at N USD: the same as inverse with contracts of 1 USD.
 *   option   q calls or puts (Black-76, src/core/black76.ts) delta-hedged with a linear perp that
 *            starts at the size making the book's delta 0 at the first price.
 * What is traded: the hedge itself (linear, inverse, usd: a trade changes its size in coins or
 * USD) or the option's perp. A rebalance trades the book back to delta 0 exactly; its fee is
 * fee rate × |coins traded| × price. Opening the hedge at the first price is not charged: the
 * rebalanced and the never-rebalanced book both open it.
 *
 * Accounting, in the quote currency, mark-to-market at every price of the path:
 *   step P&L from p(k−1) to p(k) = spot × Δp + hedge + options, before the trade at p(k)
 *   linear   h × Δp                               (h: the perp's coins, signed, −q at first)
 *   inverse  N × (1/p(k) − 1/p(k−1)) coins × p(k) = −(N/p(k−1)) × Δp    (N: USD short)
 *   option   q × (V(k) − V(k−1)), V the Black-76 value at p(k) with the days left then; coin-
 *            settled: q × (C(k) − C(k−1)) × p(k), C the premium in coin; plus the perp, h × Δp.
 * Coin amounts (an inverse hedge's P&L, a coin-settled option's value) count at the price of the
 * step in which they are earned, as if swept into the quote currency at every price of the path.
 * That is the accounting in which the project's coin deltas are the book's exposure: −contracts ×
 * size / price for an inverse contract (LEGS.NETDELTA), the premium-adjusted delta for a coin-
 * settled option (LEGS.OPTIONDELTA): each step's P&L is exactly delta × Δp for the hedge, and to
 * first order for the option. (Coins left in the margin account would be a coin position of their
 * own: an inverse short of N USD beside N/entry coins is worth N USD at every price and never
 * drifts; counted that way the book's delta is spot − N/entry, not spot − N/p.)
 * Days to expiry fall along the path: by the elapsed `times` (Excel date serials, days), or one
 * day per price step without them. An option is settled at its intrinsic value at the first price
 * at or after its expiry (the path holds no price at the expiry moment itself) and keeps that value:
 * its delta is 0 from then on.
 *
 * Arithmetic. Linear, inverse and usd are exact decimals, as typed (`rebalanceDecimal`, decimal.js
 * at 40 digits), each result rounded once to the nearest double. The fast path gives the same
 * doubles without decimal.js: prices and sizes as integers and a power of ten (as
 * src/core/scaled.ts), sums and products of integers kept exactly in two doubles (error-free
 * transformations: T. J. Dekker, "A floating-point technique for extending the available
 * precision", Numer. Math. 18 (1971); D. E. Knuth's TwoSum), the inverse hedge's one division a
 * step carried to ~32 digits with a bound on its error, and every cell rounded once, only when the
 * bound proves the rounding (else the decimal path answers: "Ziv's strategy"). Options: the values
 * and deltas Black-76 gives are doubles accurate to about 1e-13; they are summed and multiplied with
 * the same error-free transformations and each cell rounded once.
 *
 * Files: this one checks the arguments, makes the "every" schedule and picks the path;
 * src/core/rebalance-decimal.ts, src/core/rebalance-fast.ts (on src/core/exact-double.ts) and
 * src/core/rebalance-options.ts compute it; src/core/rebalance-types.ts holds the shapes.
 */
import { MAX_DAYS, MAX_RATE, MAX_VOL } from "./black76";
import { DomainError, invalid, isDomainError, overflow, Result } from "./errors";
import { decimalPath } from "./rebalance-decimal";
import { fastPath } from "./rebalance-fast";
import { optionPath } from "./rebalance-options";
import { Hedge, RebalanceInputs, RebalancePath } from "./rebalance-types";

// The public API: src/functions/rebalance.ts and the tests import everything from this file.
export { REBALANCE_MODES } from "./rebalance-types";
export type { Hedge, RebalanceInputs, RebalanceMode, RebalancePath } from "./rebalance-types";

/** Tolerance on elapsed hours in "every" mode with times: date serials carry ~1e-11 day of rounding. */
const HOURS_TOLERANCE = 1e-7;

// ---------------------------------------------------------------------------------------------
// Checks: the message names the argument, the value and what is allowed.

function finiteOr(name: string, v: number): DomainError | null {
  return Number.isFinite(v) ? null : invalid(`${name} must be a finite number (got ${v})`);
}

function positive(name: string, v: number): DomainError | null {
  return finiteOr(name, v) ?? (v > 0 ? null : invalid(`${name} must be greater than 0 (got ${v})`));
}

function checkHedge(h: Hedge): DomainError | null {
  switch (h.kind) {
    case "linear":
      return finiteOr("hedge coins (item 2)", h.coins);
    case "inverse":
      return finiteOr("hedge contracts (item 2)", h.contracts) ?? positive("hedge contract_size (item 3)", h.contractSize);
    case "usd":
      return finiteOr("hedge notional (item 2)", h.notional);
    case "option": {
      if (h.type !== "call" && h.type !== "put") return invalid(`hedge must start with "call" or "put" (got ${String(h.type)})`);
      return (
        positive("hedge strike (item 2)", h.strike) ??
        (Number.isFinite(h.days) && h.days > 0 && h.days <= MAX_DAYS
          ? null
          : invalid(
              `hedge days (item 3) must be greater than 0 and at most ${MAX_DAYS} (got ${h.days}): ` +
                `the days to expiry at the first price, not the expiry date`,
            )) ??
        (Number.isFinite(h.vol) && h.vol > 0 && h.vol <= MAX_VOL
          ? null
          : invalid(`hedge vol (item 4) must be greater than 0 and at most ${MAX_VOL} (got ${h.vol}): give 60 % as 0.6`)) ??
        finiteOr("hedge quantity (item 5)", h.quantity) ??
        (Number.isFinite(h.rate) && Math.abs(h.rate) <= MAX_RATE
          ? null
          : invalid(`hedge rate (item 6) must be between -${MAX_RATE} and ${MAX_RATE} (got ${h.rate}): give 5 % as 0.05`)) ??
        (h.settlement === "linear" || h.settlement === "inverse"
          ? null
          : invalid(`hedge settlement (item 7) must be "linear" or "inverse" (got ${String(h.settlement)})`))
      );
    }
    default:
      return invalid(`hedge must start with "linear", "inverse", "usd", "call" or "put"`);
  }
}

/** Every argument checked, so the paths never meet a bad value. */
export function checkRebalance(inputs: RebalanceInputs): DomainError | null {
  const { prices, times, band, mode } = inputs;
  const n = prices.length;
  if (n < 2) return invalid(`prices must hold at least 2 prices, the entry and one more (got ${n})`);
  for (let i = 0; i < n; i++) {
    const p = prices[i];
    if (!(p > 0 && p < Infinity)) {
      return Number.isFinite(p)
        ? invalid(`prices (item ${i + 1}) must be greater than 0 (got ${p})`)
        : invalid(`prices (item ${i + 1}) must be a finite number (got ${p})`);
    }
  }
  const bad = finiteOr("spot_qty", inputs.spotQty) ?? checkHedge(inputs.hedge);
  if (bad) return bad;
  if (times !== null) {
    if (times.length !== n) return invalid(`times must have one date per price (got ${times.length} for ${n} prices)`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(times[i]))
        return invalid(`times (item ${i + 1}) must be a finite number, an Excel date (got ${times[i]})`);
      if (i > 0 && !(times[i] > times[i - 1])) return invalid(`times must increase (item ${i + 1} is not after item ${i})`);
    }
  }
  if (mode !== "band" && mode !== "every") return invalid(`mode must be one of "band", "every" (got ${String(mode)})`);
  if (mode === "band") {
    const b = positive("band", band);
    if (b) return b;
  } else if (times === null) {
    if (!(Number.isInteger(band) && band >= 1)) {
      return invalid(`band must be a whole number of price steps, 1 or more, when mode is "every" without times (got ${band})`);
    }
  } else if (!(band > 0 && band < Infinity)) {
    return invalid(`band must be a number of hours greater than 0 when mode is "every" with times (got ${band})`);
  }
  const f = inputs.feeRate;
  if (!(f > -1 && f < 1)) return invalid(`fee_rate must be greater than -1 and less than 1 (got ${f})`);
  return null;
}

/** "every" mode: 1 at each step that rebalances, whatever the delta. */
function everySchedule(n: number, band: number, times: ArrayLike<number> | null): Uint8Array {
  const at = new Uint8Array(n);
  if (times === null) {
    for (let k = band; k < n; k += band) at[k] = 1;
  } else {
    // At the first price at or after `band` hours since the last rebalance.
    let last = times[0];
    for (let k = 1; k < n; k++) {
      if ((times[k] - last) * 24 + HOURS_TOLERANCE >= band) {
        at[k] = 1;
        last = times[k];
      }
    }
  }
  return at;
}

const COLUMNS = [
  ["deltaBefore", "Delta before"],
  ["trade", "Trade"],
  ["deltaAfter", "Delta after"],
  ["fee", "Fees"],
  ["pnl", "Cumulative P&L"],
] as const;

/** #NUM! naming the first cell too large for a worksheet number, or null. */
function firstOverflow(path: RebalancePath): DomainError | null {
  for (const [key, label] of COLUMNS) {
    const col = path[key];
    for (let k = 0; k < col.length; k++) {
      if (!Number.isFinite(col[k]))
        return overflow(`${label} at prices (item ${k + 1}) would be too large for a worksheet number`);
    }
  }
  const u = path.unrebalanced;
  if (!Number.isFinite(u.delta) || !Number.isFinite(u.pnl)) {
    return overflow(
      `the never-rebalanced book's ${Number.isFinite(u.delta) ? "P&L" : "delta"} would be too large for a worksheet number`,
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The entry point.

/** The path, rebalanced and not; or the first bad argument. */
export function rebalance(inputs: RebalanceInputs): Result<RebalancePath> {
  const bad = checkRebalance(inputs);
  if (bad) return bad;
  const schedule = inputs.mode === "every" ? everySchedule(inputs.prices.length, inputs.band, inputs.times) : null;
  if (inputs.hedge.kind !== "option") {
    // The fast path's cells are quotients of safe integers or proven sums: always finite.
    const fast = fastPath(inputs, schedule);
    if (fast) return fast;
  }
  const path = inputs.hedge.kind === "option" ? optionPath(inputs, inputs.hedge, schedule) : decimalPath(inputs, schedule);
  if (isDomainError(path)) return path;
  return firstOverflow(path) ?? path;
}

/** Linear, inverse or usd on the fast exact path; null when it cannot prove every cell (then the decimal path). */
export function rebalanceFast(inputs: RebalanceInputs): RebalancePath | null {
  if (checkRebalance(inputs) || inputs.hedge.kind === "option") return null;
  return fastPath(inputs, inputs.mode === "every" ? everySchedule(inputs.prices.length, inputs.band, inputs.times) : null);
}

/** Linear, inverse or usd in decimal.js (the reference the fast path must equal). */
export function rebalanceDecimal(inputs: RebalanceInputs): Result<RebalancePath> {
  const bad = checkRebalance(inputs);
  if (bad) return bad;
  if (inputs.hedge.kind === "option")
    return invalid("rebalanceDecimal takes linear, inverse and usd hedges (options are Black-76 doubles)");
  return decimalPath(inputs, inputs.mode === "every" ? everySchedule(inputs.prices.length, inputs.band, inputs.times) : null);
}
