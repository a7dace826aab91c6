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
 */
import { MAX_DAYS, MAX_RATE, MAX_VOL, optionGreeks, OptionType, Settlement } from "./black76";
import { Dec, fromDouble, toDouble, ZERO } from "./decimal";
import { DomainError, invalid, isDomainError, overflow, Result } from "./errors";
import { scaledOf } from "./scaled";

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

/** Every argument checked, so the paths below never meet a bad value. */
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

function emptyPath(n: number): RebalancePath {
  return {
    deltaBefore: new Float64Array(n),
    trade: new Float64Array(n),
    deltaAfter: new Float64Array(n),
    fee: new Float64Array(n),
    pnl: new Float64Array(n),
    unrebalanced: { delta: 0, pnl: 0 },
  };
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

/** USD notional of an inverse or usd hedge, as decimals. */
function dollarNotional(h: Hedge): Dec {
  if (h.kind === "inverse") return fromDouble(h.contracts).times(fromDouble(h.contractSize));
  if (h.kind === "usd") return fromDouble(h.notional);
  throw new Error("not a dollar hedge");
}

// ---------------------------------------------------------------------------------------------
// The decimal path: the definition, step by step (linear, inverse, usd).

function decimalPath(inputs: RebalanceInputs, schedule: Uint8Array | null): Result<RebalancePath> {
  const { prices, hedge } = inputs;
  const n = prices.length;
  const out = emptyPath(n);
  const P: Dec[] = new Array(n);
  for (let k = 0; k < n; k++) P[k] = fromDouble(prices[k]);
  const S = fromDouble(inputs.spotQty);
  const band = fromDouble(inputs.band);
  const f = fromDouble(inputs.feeRate);
  const dbl = (d: Dec): number => toDouble(d) ?? Infinity; // overflow is reported by firstOverflow
  let pnl = ZERO; // cumulative, fees subtracted
  if (hedge.kind === "linear") {
    // The book's delta in coins: spot plus the perp (−q at first).
    const d0 = S.minus(fromDouble(hedge.coins));
    let d = d0;
    out.deltaBefore[0] = out.deltaAfter[0] = dbl(d0);
    for (let k = 1; k < n; k++) {
      pnl = pnl.plus(d.times(P[k].minus(P[k - 1])));
      out.deltaBefore[k] = dbl(d);
      if (schedule ? schedule[k] === 1 : d.abs().gt(band)) {
        out.trade[k] = dbl(d.neg());
        const fee = f.times(d.abs()).times(P[k]);
        out.fee[k] = dbl(fee);
        pnl = pnl.minus(fee);
        d = ZERO;
      } else {
        out.deltaAfter[k] = out.deltaBefore[k];
      }
      out.pnl[k] = dbl(pnl);
    }
    out.unrebalanced = { delta: dbl(d0), pnl: dbl(d0.times(P[n - 1].minus(P[0]))) };
    return out;
  }
  // Inverse or usd: short N USD; D = spot × p − N is the book's delta × p (USD).
  const N0 = dollarNotional(hedge);
  let N = N0;
  let pnl0 = ZERO; // never rebalanced
  out.deltaBefore[0] = out.deltaAfter[0] = dbl(S.times(P[0]).minus(N0).div(P[0]));
  for (let k = 1; k < n; k++) {
    const move = P[k].minus(P[k - 1]);
    const SPprev = S.times(P[k - 1]);
    pnl = pnl.plus(
      SPprev.minus(N)
        .times(move)
        .div(P[k - 1]),
    );
    pnl0 = pnl0.plus(
      SPprev.minus(N0)
        .times(move)
        .div(P[k - 1]),
    );
    const SP = S.times(P[k]);
    const D = SP.minus(N);
    const before = D.div(P[k]);
    out.deltaBefore[k] = dbl(before);
    if (schedule ? schedule[k] === 1 : D.abs().gt(band.times(P[k]))) {
      out.trade[k] = dbl(before.neg());
      const fee = f.times(D.abs()); // |coins traded| × p = |D|
      out.fee[k] = dbl(fee);
      pnl = pnl.minus(fee);
      N = SP;
    } else {
      out.deltaAfter[k] = out.deltaBefore[k];
    }
    out.pnl[k] = dbl(pnl);
  }
  const last = P[n - 1];
  out.unrebalanced = { delta: dbl(S.times(last).minus(N0).div(last)), pnl: dbl(pnl0) };
  return out;
}

// ---------------------------------------------------------------------------------------------
// Error-free transformations on doubles.

const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact up to 10^22
const SPLIT = 134217729; // 2^27 + 1 (Dekker)
/** An exact integer sum this large might no longer be exact in two doubles: give up (decimal path). */
const EXACT_LIMIT = 2 ** 90;
/** Relative rounding margin of a two-double quotient (its error is below 2^-103). */
const QUOTIENT_MARGIN = 2 ** -98;
/** Error bound added per inexact two-double operation, relative to its size (true bound ~2^-104). */
const STEP_ERROR = 2 ** -100;

/** Two rounded products further apart than this ratio compare as their exact values do. */
const CLEARLY = 1 + 2 ** -48;

/**
 * The low part of the last twoProduct, in a typed array: a module-level `let` holding a double
 * is a boxed number, and every write would allocate one.
 */
const low = new Float64Array(1);

/** a × b = result + low[0] exactly (Dekker's product; |a|, |b| < 2^996). */
function twoProduct(a: number, b: number): number {
  const p = a * b;
  const ta = SPLIT * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLIT * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  low[0] = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/** a × b > c × d exactly, for a, b, c, d ≥ 0 whose products are exact in two doubles. */
function productExceeds(a: number, b: number, c: number, d: number): boolean {
  // Rounded products more than a few ulps apart decide at once.
  const x = a * b;
  const y = c * d;
  if (x > y * CLEARLY) return true;
  if (y > x * CLEARLY) return false;
  const h1 = twoProduct(a, b);
  const l1 = low[0];
  const h2 = twoProduct(c, d);
  return h1 > h2 || (h1 === h2 && l1 > low[0]);
}

/**
 * A sum as hi + lo (Knuth's TwoSum, renormalised after every addend). Exact while the addends and
 * the total are integers below 2^90; otherwise within a few units of 2^-104 of the total per add.
 */
class Sum {
  hi = 0;
  lo = 0;
  /** An addend reached 2^90: an integer sum may no longer be exact. */
  big = false;
  add(x: number): void {
    if (!(Math.abs(x) < EXACT_LIMIT)) this.big = true;
    const s = this.hi + x;
    const b = s - this.hi;
    const e = this.hi - (s - b) + (x - b);
    const lo = this.lo + e;
    const h = s + lo;
    const c = h - s;
    this.lo = s - (h - c) + (lo - c);
    this.hi = h;
  }
  /** Adds a × b (exactly, if the product's parts are integers). */
  addProduct(a: number, b: number): void {
    const h = twoProduct(a, b);
    const l = low[0];
    this.add(h);
    this.add(l);
  }
  /** Adds a × b × c of integers exactly (while the sum stays below 2^90). */
  addTriple(a: number, b: number, c: number): void {
    const h = twoProduct(a, b);
    const l = low[0];
    const h2 = twoProduct(h, c);
    const l2 = low[0];
    this.add(h2);
    this.add(l2);
    if (l !== 0) this.addProduct(l, c);
  }
  reset(): void {
    this.hi = 0;
    this.lo = 0;
    this.big = false;
  }
}

/**
 * (hi + lo ± err) / d rounded to the nearest double, when every value in that interval rounds
 * to the same double; null when the bound cannot decide (the caller takes the decimal path).
 */
function provenQuotient(hi: number, lo: number, d: number, err: number): number | null {
  // An exact integer a double holds: one division, correctly rounded.
  if (lo === 0 && err === 0 && Math.abs(hi) <= Number.MAX_SAFE_INTEGER) return hi / d + 0;
  const q1 = hi / d;
  const ph = twoProduct(q1, d);
  const q2 = (hi - ph - low[0] + lo) / d;
  const margin = err / d + Math.abs(q1) * QUOTIENT_MARGIN;
  const down = q1 + (q2 - margin);
  return down === q1 + (q2 + margin) ? down + 0 : null;
}

// ---------------------------------------------------------------------------------------------
// The fast exact path (linear, inverse, usd).

/**
 * Prices as integers at one common scale (value = P / 10^scale), or null. Each is the decimal
 * scaledOf reads (the shortest that rounds to the double), found without allocating: at a scale
 * where exactly one integer m gives m / 10^scale === x, m is that decimal's digits.
 */
function scaledPrices(prices: ArrayLike<number>): { P: Float64Array; scale: number } | null {
  const n = prices.length;
  const P = new Float64Array(n);
  let scale = 0;
  let unit = 1;
  for (let k = 0; k < n; k++) {
    const x = prices[k];
    const m = Math.round(x * unit);
    // Below 2^50, m ± 1 are at least 4 ulps of x away: m is the only integer that gives x.
    if (m / unit === x && m <= UNIQUE_BELOW) {
      P[k] = m;
      continue;
    }
    const s = scaledOf(x);
    if (s === null) return null;
    if (s.scale > scale) {
      // A finer price: the earlier ones move to its scale.
      const up = POW10[s.scale - scale];
      for (let j = 0; j < k; j++) {
        P[j] *= up;
        if (!(P[j] <= Number.MAX_SAFE_INTEGER)) return null;
      }
      scale = s.scale;
      unit = POW10[scale];
      P[k] = s.int;
    } else {
      const v = s.int * POW10[scale - s.scale];
      if (!Number.isSafeInteger(v)) return null;
      P[k] = v;
    }
  }
  return { P, scale };
}

const UNIQUE_BELOW = 2 ** 50;

/** int × 10^up as a safe integer, or null. */
function lift(int: number, up: number): number | null {
  if (up < 0 || up > 22) return null;
  const x = int * POW10[up];
  return Number.isSafeInteger(x) ? x : null;
}

function fastPath(inputs: RebalanceInputs, schedule: Uint8Array | null): RebalancePath | null {
  const sp = scaledPrices(inputs.prices);
  const S = scaledOf(inputs.spotQty);
  const B = scaledOf(inputs.band);
  const F = scaledOf(inputs.feeRate);
  if (sp === null || S === null || B === null || F === null) return null;
  return inputs.hedge.kind === "linear"
    ? linearFast(sp.P, sp.scale, S, B, F, inputs.hedge.coins, schedule)
    : dollarFast(inputs, sp.P, sp.scale, S, B, F, schedule);
}

type Scaled = { int: number; scale: number };

function linearFast(
  P: Float64Array,
  sp: number,
  S: Scaled,
  B: Scaled,
  F: Scaled,
  coins: number,
  schedule: Uint8Array | null,
): RebalancePath | null {
  const Q = scaledOf(coins);
  if (Q === null) return null;
  // Delta in coins as an integer at scale sc; P&L and fees at scale sT = sf + sc + sp.
  const sc = Math.max(S.scale, Q.scale);
  const Sc = lift(S.int, sc - S.scale);
  const Qc = lift(Q.int, sc - Q.scale);
  const sT = F.scale + sc + sp;
  if (Sc === null || Qc === null || sT > 22 || sc + sp > 22) return null;
  const d0 = Sc - Qc;
  if (!Number.isSafeInteger(d0)) return null;
  const n = P.length;
  const out = emptyPath(n);
  const coinUnit = POW10[sc];
  const bandUnit = POW10[B.scale];
  const feeUnit = POW10[F.scale];
  const total = POW10[sT];
  const acc = new Sum();
  const fee = new Sum();
  let d = d0;
  out.deltaBefore[0] = out.deltaAfter[0] = d0 / coinUnit + 0;
  for (let k = 1; k < n; k++) {
    if (d !== 0) acc.addTriple(d, P[k] - P[k - 1], feeUnit);
    const before = d / coinUnit + 0; // one division of exact integers: correctly rounded
    out.deltaBefore[k] = before;
    const absD = Math.abs(d);
    if (schedule ? schedule[k] === 1 : productExceeds(absD, bandUnit, B.int, coinUnit)) {
      out.trade[k] = -before + 0;
      if (d !== 0 && F.int !== 0) {
        fee.reset();
        fee.addTriple(F.int, absD, P[k]);
        const x = provenQuotient(fee.hi, fee.lo, total, 0);
        if (x === null || fee.big) return null;
        out.fee[k] = x;
        acc.addTriple(-F.int, absD, P[k]);
      }
      d = 0;
    } else {
      out.deltaAfter[k] = before;
    }
    if (acc.big || !(Math.abs(acc.hi) < EXACT_LIMIT)) return null;
    const x = provenQuotient(acc.hi, acc.lo, total, 0);
    if (x === null) return null;
    out.pnl[k] = x;
  }
  // Never rebalanced: delta d0 throughout, P&L d0 × (last − first).
  const h = twoProduct(d0, P[n - 1] - P[0]);
  const pnl0 = provenQuotient(h, low[0], POW10[sc + sp], 0);
  if (pnl0 === null) return null;
  out.unrebalanced = { delta: d0 / coinUnit + 0, pnl: pnl0 };
  return out;
}

function dollarFast(
  inputs: RebalanceInputs,
  P: Float64Array,
  sp: number,
  S: Scaled,
  B: Scaled,
  F: Scaled,
  schedule: Uint8Array | null,
): RebalancePath | null {
  const h = inputs.hedge;
  let N0s: Scaled | null;
  if (h.kind === "inverse") {
    const c = scaledOf(h.contracts);
    const z = scaledOf(h.contractSize);
    const int = c && z ? c.int * z.int : NaN;
    N0s = c && z && Number.isSafeInteger(int) ? { int, scale: c.scale + z.scale } : null;
  } else if (h.kind === "usd") {
    N0s = scaledOf(h.notional);
  } else {
    return null;
  }
  if (N0s === null) return null;
  // USD amounts (spot × p, N, D = spot × p − N) as integers at scale sN; coins at scale sN − sp.
  const sN = Math.max(N0s.scale, S.scale + sp);
  const N0 = lift(N0s.int, sN - N0s.scale);
  const spotUnit = sN - S.scale - sp; // S × P × 10^spotUnit is spot × p at scale sN
  const coinScale = sN - sp;
  if (N0 === null || spotUnit > 22 || sN > 22 || F.scale + sN > 22) return null;
  const n = P.length;
  let maxP = 0;
  for (let k = 0; k < n; k++) if (P[k] > maxP) maxP = P[k];
  const SM = S.int * POW10[spotUnit];
  const usd = POW10[sN];
  const coinUnit = POW10[coinScale];
  // Every spot × p and p × 10^coinScale below must be exact integers.
  if (
    !Number.isSafeInteger(SM) ||
    !(Math.abs(SM) * maxP <= Number.MAX_SAFE_INTEGER) ||
    !(maxP * coinUnit <= Number.MAX_SAFE_INTEGER)
  ) {
    return null;
  }
  // |D| / (p × 10^coinScale) > band  ⟺  |D| × bandLeft > bandRight × P, all exact.
  const bandLeft = B.scale > coinScale ? POW10[B.scale - coinScale] : 1;
  const bandRight = B.scale > coinScale ? B.int : lift(B.int, coinScale - B.scale);
  if (bandRight === null || B.scale - coinScale > 22) return null;
  const feeTotal = POW10[F.scale + sN];
  const out = emptyPath(n);
  // P&L in USD as two doubles, within accErr (the never-rebalanced book: acc0, acc0Err).
  const acc = new Sum();
  const acc0 = new Sum();
  let accErr = 0;
  let acc0Err = 0;
  let N = N0;
  let Dprev = SM * P[0] - N0; // D after the trade at the previous price
  let D0prev = Dprev;
  if (!(Math.abs(Dprev) <= Number.MAX_SAFE_INTEGER)) return null;
  out.deltaBefore[0] = out.deltaAfter[0] = Dprev / (P[0] * coinUnit) + 0;
  for (let k = 1; k < n; k++) {
    const move = P[k] - P[k - 1];
    // Step P&L = D(k−1) × Δp / (p(k−1) × 10^sN): the ratio to ~2^-104 as rh + rl, shared by both books.
    if (move !== 0) {
      // p(k−1) × 10^sN exactly, as ch + cl; then the quotient with its remainder.
      const ch = twoProduct(P[k - 1], usd);
      const cl = low[0];
      const rh = move / ch;
      const ph = twoProduct(rh, ch);
      const rl = (move - ph - low[0] - rh * cl) / ch;
      if (Dprev !== 0) accErr += addScaled(acc, Dprev, rh, rl);
      if (D0prev !== 0) acc0Err += addScaled(acc0, D0prev, rh, rl);
    }
    const SP = SM * P[k];
    const D = SP - N;
    D0prev = SP - N0;
    if (!(Math.abs(D) <= Number.MAX_SAFE_INTEGER && Math.abs(D0prev) <= Number.MAX_SAFE_INTEGER)) return null;
    const before = D / (P[k] * coinUnit) + 0; // one division of exact integers: correctly rounded
    out.deltaBefore[k] = before;
    const absD = Math.abs(D);
    if (schedule ? schedule[k] === 1 : productExceeds(absD, bandLeft, bandRight, P[k])) {
      out.trade[k] = -before + 0;
      if (D !== 0 && F.int !== 0) {
        // fee = f × |coins traded| × p = f × |D| / 10^(sf + sN), the product exact.
        const fh = twoProduct(F.int, absD);
        const fl = low[0];
        const qh = fh / feeTotal;
        const ph = twoProduct(qh, feeTotal);
        const ql = (fh - ph - low[0] + fl) / feeTotal;
        const fee = provenSum(qh, ql, 0);
        if (fee === null) return null;
        out.fee[k] = fee;
        const size = Math.abs(acc.hi);
        acc.add(-qh);
        acc.add(-ql);
        accErr += (size + Math.abs(qh) + Math.abs(acc.hi)) * STEP_ERROR;
      }
      N = SP;
      Dprev = 0;
    } else {
      out.deltaAfter[k] = before;
      Dprev = D;
    }
    const x = provenSum(acc.hi, acc.lo, accErr);
    if (x === null) return null;
    out.pnl[k] = x;
  }
  const pnl0 = provenSum(acc0.hi, acc0.lo, acc0Err);
  if (pnl0 === null) return null;
  out.unrebalanced = { delta: D0prev / (P[n - 1] * coinUnit) + 0, pnl: pnl0 };
  return out;
}

/**
 * hi + lo ± err (plus a margin of 2^-98 × |hi| for the quotient or renormalisation that made the
 * pair) as the nearest double, when every value in that interval rounds to the same double; null
 * when the bound cannot decide.
 */
function provenSum(hi: number, lo: number, err: number): number | null {
  const margin = err + Math.abs(hi) * QUOTIENT_MARGIN;
  const down = hi + (lo - margin);
  return down === hi + (lo + margin) ? down + 0 : null;
}

/**
 * Adds a × (rh + rl) to the sum (a an exact integer, rh + rl a quotient to 2^-104); returns a
 * bound on the error this added, with room to spare: the quotient's, the dropped a × rl rounding
 * and the additions' (each below 2^-104 of the larger of the sum and the addend).
 */
function addScaled(acc: Sum, a: number, rh: number, rl: number): number {
  const h = twoProduct(a, rh);
  const l = low[0] + a * rl;
  const before = Math.abs(acc.hi);
  acc.add(h);
  acc.add(l);
  return (before + Math.abs(h) + Math.abs(acc.hi)) * STEP_ERROR;
}

// ---------------------------------------------------------------------------------------------
// Options: Black-76 values and deltas along the path, the perp traded.

function optionPath(
  inputs: RebalanceInputs,
  o: Extract<Hedge, { kind: "option" }>,
  schedule: Uint8Array | null,
): Result<RebalancePath> {
  const { prices, times } = inputs;
  const n = prices.length;
  const out = emptyPath(n);
  const q = o.quantity;
  const coin = o.settlement === "inverse";
  const bandValue = inputs.band;
  const f = inputs.feeRate;
  // Value (premium per coin, in the settlement currency) and delta at price k; after expiry the
  // value settled at the first price at or past it, delta 0.
  let value = 0;
  let delta = 0;
  let settled = false;
  const evaluate = (k: number): DomainError | null => {
    if (settled) {
      delta = 0;
      return null;
    }
    const p = prices[k];
    const elapsed = times === null ? k : times[k] - times[0];
    const days = o.days - elapsed;
    if (days <= 0) {
      const intrinsic = o.type === "call" ? Math.max(p - o.strike, 0) : Math.max(o.strike - p, 0);
      value = coin ? intrinsic / p : intrinsic;
      delta = 0;
      settled = true;
      return null;
    }
    const g = optionGreeks(o.type, p, o.strike, days, o.vol, o.rate, o.settlement);
    if (isDomainError(g)) return new DomainError(g.kind, `the hedge's ${o.type} at prices (item ${k + 1}): ${g.message}`);
    value = g.price;
    delta = g.delta;
    return null;
  };
  const bad = evaluate(0);
  if (bad) return bad;
  // Spot plus the perp, in coins: the perp opens at −(spot + q × delta), so spot + perp = −q × delta.
  // The spot quantity cancels from everything below.
  let dh = -twoProduct(q, delta);
  let dl = -low[0];
  const d0h = dh;
  const d0l = dl;
  const acc = new Sum();
  const acc0 = new Sum();
  const step = new Sum();
  const book = new Sum();
  for (let k = 1; k < n; k++) {
    const p = prices[k];
    const previousValue = value;
    const e = evaluate(k);
    if (e) return e;
    // Option step: q × (V(k) − V(k−1)), times p(k) when the value is in coin.
    step.reset();
    const dv = value - previousValue;
    const dvLow = twoDiffLow(value, previousValue, dv);
    if (coin) {
      const m = twoProduct(q, p);
      const ml = low[0];
      step.addProduct(dv, m);
      step.add(dv * ml + dvLow * m);
    } else {
      step.addProduct(q, dv);
      step.add(q * dvLow);
    }
    // Price move, exactly as two doubles.
    const move = p - prices[k - 1];
    const moveLow = twoDiffLow(p, prices[k - 1], move);
    // Rebalanced book and never-rebalanced book: option step + (spot + perp) × Δp.
    addBookStep(acc, step, dh, dl, move, moveLow);
    addBookStep(acc0, step, d0h, d0l, move, moveLow);
    // Delta before = (spot + perp) + q × delta.
    const xh = twoProduct(q, delta);
    const xl = low[0];
    book.reset();
    book.add(dh);
    book.add(xh);
    book.add(dl);
    book.add(xl);
    const before = book.hi + 0;
    out.deltaBefore[k] = before;
    const sign = book.hi < 0 ? -1 : 1;
    const absHi = sign * book.hi;
    const absLo = sign * book.lo;
    if (schedule ? schedule[k] === 1 : absHi > bandValue || (absHi === bandValue && absLo > 0)) {
      out.trade[k] = -before + 0;
      if (f !== 0 && before !== 0) {
        // fee = f × |trade| × p, as two doubles.
        const th = twoProduct(absHi, p);
        const tl = low[0] + absLo * p;
        const fh = twoProduct(f, th);
        const fl = low[0] + f * tl;
        out.fee[k] = fh + fl + 0;
        acc.add(-fh);
        acc.add(-fl);
      }
      dh = -xh;
      dl = -xl;
    } else {
      out.deltaAfter[k] = before;
    }
    out.pnl[k] = acc.hi + 0;
  }
  book.reset();
  const xh = twoProduct(q, delta);
  const xl = low[0];
  book.add(d0h);
  book.add(xh);
  book.add(d0l);
  book.add(xl);
  out.unrebalanced = { delta: book.hi + 0, pnl: acc0.hi + 0 };
  return out;
}

/** The rounding error of a − b = diff (exact: TwoSum on a and −b). */
function twoDiffLow(a: number, b: number, diff: number): number {
  const bb = diff - a;
  return a - (diff - bb) + (-b - bb);
}

/** acc += step + (dh + dl) × (move + moveLow), to about 2^-104. */
function addBookStep(acc: Sum, step: Sum, dh: number, dl: number, move: number, moveLow: number): void {
  acc.add(step.hi);
  acc.add(step.lo);
  if (move === 0 && moveLow === 0) return;
  acc.addProduct(dh, move);
  acc.add(dh * moveLow + dl * move);
}
