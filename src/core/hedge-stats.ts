/**
 * How well a hedge tracked the spot over a window of prices (LEGS.HEDGESTATS): the statistics of
 * a minimum-variance hedge, on plain doubles (statistics, not money: decimal.js stays with the
 * P&L formulas).
 *
 * From two price series S₀…S_m and F₀…F_m (the same m + 1 rows), each period t = 1…m has the
 * returns r_S, r_F (simple P_t/P_{t−1} − 1, or log ln(P_t/P_{t−1})) and the price changes
 * ΔS = S_t − S_{t−1}, ΔF = F_t − F_{t−1}. With sample (m − 1) variances and covariance:
 * - correlation ρ = Cov(r_S, r_F) / (σ_S σ_F) of the returns;
 * - hedge ratio on price changes h* = Cov(ΔS, ΔF) / Var(ΔF): Hull's minimum-variance hedge ratio
 *   (Options, Futures and Other Derivatives, "Cross hedging": h* = ρ σ_S / σ_F with σ and ρ of the
 *   price changes), in units of hedge per unit of spot; it scales as 1/k when the hedge prices are
 *   multiplied by k;
 * - hedge ratio on returns h_r = Cov(r_S, r_F) / Var(r_F): the same on returns, a ratio of
 *   notionals (value of hedge per value of spot), unchanged when either series is rescaled;
 * - effectiveness R² = ρ²: the share of the spot's return variance the optimal hedge removes;
 * - volatilities: the standard deviation per period of r_S, r_F and of the hedged book's returns
 *   r_S − h_r·r_F (= σ_S·√(1 − ρ²): Σ residuals² = Σx² − h_r·Σxy over the deviations);
 * - the largest divergence max |r_S − r_F| over the periods, and the period where it happens
 *   (the first one, on a tie).
 * h*, h_r and ρ are ratios of two sums divided by the same m − 1, so they do not depend on the
 * choice of m or m − 1; the volatilities do (sample standard deviations, as Excel's STDEV.S).
 *
 * Two passes (means, then sums of products of deviations), over Float64Arrays: no per-period
 * allocation. A series that does not move beyond rounding (its standard deviation within 64 ulps
 * of its scale) has variance 0: a constant hedge is #DIV/0!.
 */
import { DomainError, divZero, invalid, missing, overflow, Result } from "./errors";

export type ReturnMode = "simple" | "log";
export const RETURN_MODES: readonly ReturnMode[] = ["simple", "log"];

/** Statistics of two per-period series (returns, or price changes) taken together. */
export interface PairStats {
  /** Number of periods (values in each series). */
  periods: number;
  /** Sample standard deviations per period. */
  spotVolatility: number;
  hedgeVolatility: number;
  /** Sample covariance. */
  covariance: number;
  /** Cov / Var(hedge); #DIV/0! when the hedge series does not vary. */
  hedgeRatio: Result<number>;
  /** ρ, in [−1, 1]; #DIV/0! when either series does not vary. */
  correlation: Result<number>;
  /** ρ², in [0, 1]; the same errors as the correlation. */
  effectiveness: Result<number>;
  /** Sample standard deviation of spot − hedgeRatio × hedge; #DIV/0! with the hedge ratio. */
  hedgedVolatility: Result<number>;
  /** max |spot − hedge| over the periods. */
  largestDivergence: number;
  /** 0-based index of the period where it happens (the first, on a tie). */
  largestDivergenceAt: number;
}

/** LEGS.HEDGESTATS' answer. Period p (0-based) runs from price p to price p + 1. */
export interface HedgeStats {
  periods: number;
  correlation: Result<number>;
  /** Hull's h* = Cov(ΔS, ΔF) / Var(ΔF) on price changes. */
  hedgeRatioChanges: Result<number>;
  /** Cov(r_S, r_F) / Var(r_F) on returns. */
  hedgeRatioReturns: number;
  effectiveness: Result<number>;
  spotVolatility: number;
  hedgeVolatility: number;
  /** Standard deviation of r_S − hedgeRatioReturns × r_F. */
  hedgedVolatility: number;
  largestDivergence: number;
  largestDivergenceAt: number;
}

const EPS = Number.EPSILON;

/** A computed number as a message shows it: 12 significant digits, without rounding noise. */
const shown = (x: number): string => String(Number(x.toPrecision(12)));
/** A standard deviation within this many ulps of the series' scale is rounding, not movement. */
const STILL_ULPS = 64;

/**
 * Whether a series whose sum of squared deviations is `sxx` over `n` values did not move: its
 * standard deviation is no more than rounding at `scale` (the size of the numbers the values
 * were computed from: 1 + the largest |return|, or the largest price for changes).
 */
function still(sxx: number, n: number, scale: number): boolean {
  const limit = STILL_ULPS * EPS * scale;
  return sxx <= limit * limit * (n - 1);
}

/** The raw sums behind PairStats. */
interface Sums {
  sxx: number;
  syy: number;
  sxy: number;
  maxDiff: number;
  maxAt: number;
  maxAbsX: number;
  maxAbsY: number;
}

/** Means first, then the sums of products of deviations (the two-pass algorithm). */
function sums(x: ArrayLike<number>, y: ArrayLike<number>, n: number): Sums {
  let sx = 0;
  let sy = 0;
  let maxDiff = -1;
  let maxAt = 0;
  let maxAbsX = 0;
  let maxAbsY = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    sx += a;
    sy += b;
    const d = Math.abs(a - b);
    if (d > maxDiff) {
      maxDiff = d;
      maxAt = i;
    }
    if (Math.abs(a) > maxAbsX) maxAbsX = Math.abs(a);
    if (Math.abs(b) > maxAbsY) maxAbsY = Math.abs(b);
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { sxx, syy, sxy, maxDiff, maxAt, maxAbsX, maxAbsY };
}

/** ρ from the sums, clamped to [−1, 1] against rounding (a series against itself is exactly 1). */
function correlationOf(sxx: number, syy: number, sxy: number): number {
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/**
 * Σ of the squared residuals x − h·y about their mean for h = sxy/syy: sxx − 2h·sxy + h²·syy =
 * sxx − h·sxy, never below 0 (rounding); exactly 0 for a series against itself.
 */
function residualSquares(sxx: number, syy: number, sxy: number): number {
  const r = sxx - (sxy / syy) * sxy;
  return r > 0 ? r : 0;
}

/**
 * The statistics of two per-period series as they are: Hull's table of monthly price changes
 * gives his h*, σ and ρ directly.
 */
export function pairStats(spot: ArrayLike<number>, hedge: ArrayLike<number>, n: number = spot.length): Result<PairStats> {
  if (hedge.length < n || spot.length < n) {
    return invalid(`the series hold ${spot.length} and ${hedge.length} values: give ${n} of each`);
  }
  if (n < 2) return missing(`${n} period${n === 1 ? "" : "s"}: at least 2 are needed for a variance`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(spot[i])) return invalid(`spot (item ${i + 1}) must be a finite number (got ${spot[i]})`);
    if (!Number.isFinite(hedge[i])) return invalid(`hedge (item ${i + 1}) must be a finite number (got ${hedge[i]})`);
  }
  const s = sums(spot, hedge, n);
  const spotStill = still(s.sxx, n, s.maxAbsX);
  const hedgeStill = still(s.syy, n, s.maxAbsY);
  const noHedge = divZero("the hedge series does not vary: the hedge ratio divides by its variance, which is 0");
  const noSpot = divZero("the spot series does not vary: the correlation divides by its standard deviation, which is 0");
  const rho = hedgeStill ? noHedge : spotStill ? noSpot : correlationOf(s.sxx, s.syy, s.sxy);
  const stats: PairStats = {
    periods: n,
    spotVolatility: Math.sqrt(s.sxx / (n - 1)),
    hedgeVolatility: Math.sqrt(s.syy / (n - 1)),
    covariance: s.sxy / (n - 1),
    hedgeRatio: hedgeStill ? noHedge : s.sxy / s.syy,
    correlation: rho,
    effectiveness: typeof rho === "number" ? rho * rho : rho,
    hedgedVolatility: hedgeStill ? noHedge : Math.sqrt(residualSquares(s.sxx, s.syy, s.sxy) / (n - 1)),
    largestDivergence: s.maxDiff,
    largestDivergenceAt: s.maxAt,
  };
  return allFinite(stats) ? stats : overflow("the series give statistics too large for a worksheet number");
}

const tooLarge = (): DomainError =>
  overflow(
    "spot_prices and hedge_prices give statistics too large for a worksheet number: are the prices in one unit throughout?",
  );

function allFinite(o: object): boolean {
  for (const v of Object.values(o)) if (typeof v === "number" && !Number.isFinite(v)) return false;
  return true;
}

/** Per-period returns of `prices[0..n)` into `out[0..n−1)`; prices must be finite and > 0. */
export function returnsOf(prices: ArrayLike<number>, n: number, mode: ReturnMode, out: Float64Array): void {
  const log = mode === "log";
  for (let i = 1; i < n; i++) {
    const q = prices[i] / prices[i - 1];
    out[i - 1] = log ? Math.log(q) : q - 1;
  }
}

const isPrice = (p: number): boolean => p > 0 && p < Infinity;

/** The error for the first bad price of row i (0-based): spot before hedge. */
const badPrice = (i: number, s: number, f: number): DomainError => {
  const [name, p] = isPrice(s) ? ["hedge_prices", f] : ["spot_prices", s];
  return invalid(`${name} (item ${i + 1}) must be a price greater than 0 (got ${String(p)})`);
};

/** The value every entry of prices[0..n) has, or null when they differ. */
function constant(prices: ArrayLike<number>, n: number): number | null {
  const first = prices[0];
  for (let i = 1; i < n; i++) if (prices[i] !== first) return null;
  return first;
}

/*
 * The two passes are leaf functions of one loop each: V8 compiles a long loop while it runs
 * (on-stack replacement), before it has seen the code after the loop, and re-enters that
 * compilation on later calls; whatever follows the loop then runs unoptimised. Here little does
 * (and the warm-up at the end of this file gives it feedback first).
 */

/**
 * Pass 1: the returns into rs, rf; acc ← [Σr_S, Σr_F, max |r_S − r_F|, its period, max |r_S|,
 * max |r_F|, max F]. The index of the first row with a price that is not a finite number > 0,
 * or −1.
 */
function returnsPass(
  spot: Float64Array,
  hedge: Float64Array,
  n: number,
  log: boolean,
  rs: Float64Array,
  rf: Float64Array,
  acc: Float64Array,
): number {
  let ps = spot[0];
  let pf = hedge[0];
  if (!(ps > 0 && ps < Infinity && pf > 0 && pf < Infinity)) return 0;
  let sx = 0;
  let sy = 0;
  let maxDiff = -1;
  let maxAt = 0;
  let maxAbsS = 0;
  let maxAbsF = 0;
  let maxF = pf;
  for (let i = 1; i < n; i++) {
    const s = spot[i];
    const f = hedge[i];
    if (!(s > 0 && s < Infinity && f > 0 && f < Infinity)) return i;
    const a = log ? Math.log(s / ps) : s / ps - 1;
    const b = log ? Math.log(f / pf) : f / pf - 1;
    rs[i - 1] = a;
    rf[i - 1] = b;
    sx += a;
    sy += b;
    const d = Math.abs(a - b);
    if (d > maxDiff) {
      maxDiff = d;
      maxAt = i - 1;
    }
    if (Math.abs(a) > maxAbsS) maxAbsS = Math.abs(a);
    if (Math.abs(b) > maxAbsF) maxAbsF = Math.abs(b);
    if (f > maxF) maxF = f;
    ps = s;
    pf = f;
  }
  acc[0] = sx;
  acc[1] = sy;
  acc[2] = maxDiff;
  acc[3] = maxAt;
  acc[4] = maxAbsS;
  acc[5] = maxAbsF;
  acc[6] = maxF;
  return -1;
}

/**
 * Pass 2: acc ← [Σdx², Σdy², Σdx·dy, ΣdF², ΣdS·dF], d the deviations of the returns from their
 * means mx, my and of the price changes from theirs, cs, cf.
 */
function deviationsPass(
  spot: Float64Array,
  hedge: Float64Array,
  rs: Float64Array,
  rf: Float64Array,
  m: number,
  mx: number,
  my: number,
  cs: number,
  cf: number,
  acc: Float64Array,
): void {
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let sff = 0;
  let ssf = 0;
  for (let i = 0; i < m; i++) {
    const dx = rs[i] - mx;
    const dy = rf[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    const ds = spot[i + 1] - spot[i] - cs;
    const df = hedge[i + 1] - hedge[i] - cf;
    sff += df * df;
    ssf += ds * df;
  }
  acc[0] = sxx;
  acc[1] = syy;
  acc[2] = sxy;
  acc[3] = sff;
  acc[4] = ssf;
}

/*
 * The returns go into two arrays kept between calls (up to SCRATCH_MAX periods, 2 MB; a longer
 * window gets its own): allocating and zeroing them afresh costs a fifth of the whole
 * computation. Nothing else holds them: a call reads them only before it returns.
 */
const SCRATCH_MAX = 131072;

const WARM_UP_CALLS = 32;
const WARM_SPOT = Float64Array.of(1, 2, 1.5, 1.75);
const WARM_HEDGE = Float64Array.of(1, 2.5, 1.25, 2);
let scratchS = new Float64Array(0);
let scratchF = new Float64Array(0);

/**
 * LEGS.HEDGESTATS on the first `n` (default: all) prices of each leg, paired by index. Errors:
 * fewer than 3 prices (#N/A), a price that is not a finite number > 0 (#VALUE!, "spot_prices
 * (item i)"), a hedge whose returns do not vary (#DIV/0!), statistics beyond a double (#NUM!).
 * Fields that divide by zero on their own (the correlation of a spot that does not move; h* on
 * changes of a hedge that moves by the same amount every period) are #DIV/0! in that field only.
 *
 * Two passes: returns, their sums and the divergence; then the products of deviations of the
 * returns and of the price changes (whose means telescope to (P_last − P_first) / m).
 */
export function hedgeStats(
  spot: Float64Array,
  hedge: Float64Array,
  mode: ReturnMode = "simple",
  n: number = spot.length,
): Result<HedgeStats> {
  if (spot.length < n || hedge.length < n) {
    return invalid(
      `spot_prices holds ${spot.length} prices and hedge_prices ${hedge.length}: give one hedge price for each spot price`,
    );
  }
  if (n < 3) {
    return missing(
      `spot_prices and hedge_prices hold ${n} pair${n === 1 ? "" : "s"} of prices: at least 3 are needed (2 returns)`,
    );
  }
  const m = n - 1;
  if (scratchS.length < m && m <= SCRATCH_MAX) {
    scratchS = new Float64Array(m);
    scratchF = new Float64Array(m);
  }
  const fits = m <= scratchS.length;
  const rs = fits ? scratchS : new Float64Array(m);
  const rf = fits ? scratchF : new Float64Array(m);
  const acc = new Float64Array(7);
  const bad = returnsPass(spot, hedge, n, mode === "log", rs, rf, acc);
  if (bad >= 0) return badPrice(bad, spot[bad], hedge[bad]);
  const [sx, sy, maxDiff, maxAt, maxAbsS, maxAbsF, maxF] = acc;
  deviationsPass(spot, hedge, rs, rf, m, sx / m, sy / m, (spot[m] - spot[0]) / m, (hedge[m] - hedge[0]) / m, acc);
  const [sxx, syy, sxy, sff, ssf] = acc;
  if (still(syy, m, 1 + maxAbsF)) {
    const flat = constant(hedge, n);
    return divZero(
      flat !== null
        ? `hedge_prices does not move (every price is ${flat}): the hedge ratio divides by the variance of its returns, which is 0`
        : `hedge_prices has the same ${mode} return every period (${shown(rf[0])}): the hedge ratio divides by the variance of its returns, which is 0`,
    );
  }
  let rho: Result<number>;
  if (still(sxx, m, 1 + maxAbsS)) {
    const flat = constant(spot, n);
    const what =
      flat !== null ? `does not move (every price is ${flat})` : `has the same ${mode} return every period (${shown(rs[0])})`;
    rho = divZero(`spot_prices ${what}: the correlation divides by the volatility of its returns, which is 0`);
  } else {
    rho = correlationOf(sxx, syy, sxy);
  }
  const changes = still(sff, m, maxF)
    ? divZero(
        `hedge_prices moves by the same amount every period (${shown(hedge[1] - hedge[0])}): ` +
          `the hedge ratio on price changes divides by the variance of the changes, which is 0`,
      )
    : ssf / sff;
  const stats: HedgeStats = {
    periods: m,
    correlation: rho,
    hedgeRatioChanges: changes,
    hedgeRatioReturns: sxy / syy,
    effectiveness: typeof rho === "number" ? rho * rho : rho,
    spotVolatility: Math.sqrt(sxx / (m - 1)),
    hedgeVolatility: Math.sqrt(syy / (m - 1)),
    hedgedVolatility: Math.sqrt(residualSquares(sxx, syy, sxy) / (m - 1)),
    largestDivergence: maxDiff,
    largestDivergenceAt: maxAt,
  };
  return allFinite(stats) && (typeof changes !== "number" || Number.isFinite(changes)) ? stats : tooLarge();
}

// Run both passes on a tiny window a few dozen times when the module loads (V8 records type
// feedback only once a function has run a little), so that every operation after their loops
// has feedback before a long window first compiles them mid-loop (see above). Without it the
// passes can stay on that first compilation, which gives up at the end of each loop, and a
// 100,000-price window takes several times longer on every call. Costs microseconds.
for (let i = 0; i < WARM_UP_CALLS; i++) hedgeStats(WARM_SPOT, WARM_HEDGE);
