/**
 * The backtest functions (issue 15) over long windows, each as a ratio to a plain-double loop
 * written here and measured in the same run:
 *
 * - LEGS.REBALANCE over 100,000 prices (a seeded random walk, BTC-like, in cents): the whole
 *   spill a cell computes (rebalanceOf reading the 100,000 × 1 grid, the header, 100,000 rows and
 *   the never-rebalanced row), for a linear, an inverse (two bands), a usd and an option hedge
 *   (hourly times). The baseline reads the same grid, walks the same book in plain doubles (delta,
 *   trade back to 0 when |delta| > band, fee, cumulative P&L; options by textbook Black-76) and
 *   builds the same grid. Target ≤ 20×. The final and the never-rebalanced P&L must agree to a
 *   relative 1e-9, and the trades made must be the same (else this throws: the baseline would not
 *   be doing the same work). Building the 100,002 rows (and the collector's work on them) is most
 *   of either side's time, so the walk alone is timed beside it: the core's rebalance() on the
 *   prices as doubles against the plain walk into the same columns.
 * - LEGS.HEDGESTATS over 100,000 pairs (that path and a perp priced off it with a drifting
 *   basis), simple and log returns, through hedgeStatsOf reading the two 100,000 × 1 grids. The
 *   baseline reads the grids into arrays and computes the same statistics with the textbook two
 *   passes, and builds the same table. Target ≤ 3×. Every value must agree to a relative 1e-12.
 */
import { performance } from "perf_hooks";
import { isDomainError } from "../src/core/errors";
import { Hedge, rebalance } from "../src/core/rebalance";
import { HEDGE_STATS_LABELS, hedgeStatsOf } from "../src/functions/hedgestats";
import { NO_REBALANCING, REBALANCE_HEADER, rebalanceOf } from "../src/functions/rebalance";
import { plainNormCdf } from "./baselines";
import { measure } from "./timing";

const N = 100000;
const FEE_RATE = 0.0005;
/** Excel's serial of 2026-01-01; the prices are hourly from there. */
const FIRST_DAY = 46023;

export const REBALANCE_TARGET = 20;
export const HEDGESTATS_TARGET = 3;

export interface RebalanceRow {
  name: string;
  prices: number;
  /** Rows with a trade (rebalances), the same in both. */
  trades: number;
  ms: number;
  plainMs: number;
  vsPlain: number;
  target: number;
  met: boolean;
  /** The first call of each in this run (the earlier cases have warmed the shared code), ms. */
  firstMs: number;
  plainFirstMs: number;
  /**
   * Of which the walk alone: src/core/rebalance.ts's rebalance() on the prices as doubles, against
   * the plain walk into the same columns (no grid read, none built).
   */
  coreMs: number;
  plainWalkMs: number;
  walkVsPlain: number;
  /** The last price's cumulative P&L: LEGS, plain doubles, and their relative difference. */
  finalPnl: number;
  plainFinalPnl: number;
  relDiff: number;
  /** The never-rebalanced book's P&L (LEGS). */
  unrebalancedPnl: number;
}

export interface HedgeStatsRow {
  name: string;
  pairs: number;
  ms: number;
  plainMs: number;
  vsPlain: number;
  target: number;
  met: boolean;
  correlation: number;
  hedgeRatio: number;
  /** Largest relative difference between LEGS and the plain loop over the numeric values. */
  worstRelDiff: number;
}

export interface BacktestBench {
  rebalance: RebalanceRow[];
  hedgeStats: HedgeStatsRow[];
}

// ---------------------------------------------------------------- inputs

/** Numerical Recipes' LCG: uniform in (0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}

/** Standard normal draws (Box–Muller) from the LCG. */
function gaussian(seed: number): () => number {
  const u = lcg(seed);
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/**
 * 100,000 hourly BTC-like prices in cents (mostly 2 decimals) as a column: log price steps of
 * 0.4 % (≈ 37 % a year), pulled weakly towards 100,000 so the path stays in the tens to hundreds
 * of thousands; and a perp quoted off it on a 0.1 tick with a basis drifting around +2 bp.
 */
function paths(): { spot: number[][]; perp: number[][]; times: number[][] } {
  const z = gaussian(20260115);
  const mu = Math.log(100000);
  let x = mu;
  let basis = 0.0002;
  const spot: number[][] = new Array(N);
  const perp: number[][] = new Array(N);
  const times: number[][] = new Array(N);
  for (let k = 0; k < N; k++) {
    if (k > 0) {
      x += 0.004 * z() - 1e-4 * (x - mu);
      basis += 0.00005 * z() - 0.01 * (basis - 0.0002);
    }
    const p = Math.round(Math.exp(x) * 100) / 100;
    spot[k] = [p];
    perp[k] = [Math.round(p * (1 + basis) * 10) / 10];
    times[k] = [FIRST_DAY + k / 24];
  }
  return { spot, perp, times };
}

// ---------------------------------------------------------------- REBALANCE, plain doubles

type Cell = number | string;

/** A column of positive numbers into a Float64Array, as a plain add-in would read it. */
function readColumn(grid: unknown[][]): Float64Array {
  const n = grid.length;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = grid[k][0];
    if (typeof v !== "number" || !(v > 0 && v < Infinity)) throw new Error(`bad number at item ${k + 1}`);
    out[k] = v;
  }
  return out;
}

/** What the plain walk gives: the core's columns, in plain doubles. */
interface PlainPath {
  deltaBefore: Float64Array;
  trade: Float64Array;
  deltaAfter: Float64Array;
  fee: Float64Array;
  pnl: Float64Array;
  unrebalanced: { delta: number; pnl: number };
}

/**
 * The same book as LEGS.REBALANCE walks (src/core/rebalance.ts's header comment), in plain
 * doubles, band mode: hedge cells [kind, …]; the columns the core returns.
 */
function plainPath(
  p: Float64Array,
  spot: number,
  hedge: unknown[],
  band: number,
  fee: number,
  t: Float64Array | null,
): PlainPath {
  const n = p.length;
  const deltaBefore = new Float64Array(n);
  const trade = new Float64Array(n);
  const deltaAfter = new Float64Array(n);
  const fees = new Float64Array(n);
  const pnls = new Float64Array(n);
  const out = { deltaBefore, trade, deltaAfter, fee: fees, pnl: pnls, unrebalanced: { delta: 0, pnl: 0 } };
  const kind = hedge[0];
  if (kind === "linear") {
    // Delta spot − q, constant until a trade sets it to 0.
    const d0 = spot - (hedge[1] as number);
    let d = d0;
    let pnl = 0;
    deltaBefore[0] = deltaAfter[0] = d0;
    for (let k = 1; k < n; k++) {
      pnl += d * (p[k] - p[k - 1]);
      const before = d;
      deltaBefore[k] = before;
      if (Math.abs(before) > band) {
        const f = fee * Math.abs(before) * p[k];
        pnl -= f;
        trade[k] = -before;
        fees[k] = f;
        d = 0;
      } else {
        deltaAfter[k] = before;
      }
      pnls[k] = pnl;
    }
    out.unrebalanced = { delta: d0, pnl: d0 * (p[n - 1] - p[0]) };
    return out;
  }
  if (kind === "inverse" || kind === "usd") {
    // Short N USD: delta spot − N/p; a step earns (spot − N/p(k−1)) × Δp; a trade sets N = spot × p.
    const N0 = kind === "inverse" ? (hedge[1] as number) * (hedge[2] as number) : (hedge[1] as number);
    let notional = N0;
    let pnl = 0;
    let pnl0 = 0;
    deltaBefore[0] = deltaAfter[0] = spot - N0 / p[0];
    for (let k = 1; k < n; k++) {
      const move = p[k] - p[k - 1];
      pnl += (spot - notional / p[k - 1]) * move;
      pnl0 += (spot - N0 / p[k - 1]) * move;
      const before = spot - notional / p[k];
      deltaBefore[k] = before;
      if (Math.abs(before) > band) {
        const f = fee * Math.abs(before) * p[k];
        pnl -= f;
        trade[k] = -before;
        fees[k] = f;
        notional = spot * p[k];
      } else {
        deltaAfter[k] = before;
      }
      pnls[k] = pnl;
    }
    out.unrebalanced = { delta: spot - N0 / p[n - 1], pnl: pnl0 };
    return out;
  }
  // q options (textbook Black-76, linear settlement, rate 0) delta-hedged with a perp that opens at
  // −(spot + q × delta): the book's delta is spot + perp + q × delta; the spot cancels. Settled at
  // intrinsic value at the first price at or past expiry, delta 0 from then on.
  const call = kind === "call";
  const K = hedge[1] as number;
  const days0 = hedge[2] as number;
  const vol = hedge[3] as number;
  const q = hedge[4] as number;
  let value = 0;
  let delta = 0;
  let settled = false;
  const evaluate = (k: number) => {
    if (settled) return;
    const F = p[k];
    const days = days0 - (t === null ? k : t[k] - t[0]);
    if (days <= 0) {
      value = call ? Math.max(F - K, 0) : Math.max(K - F, 0);
      delta = 0;
      settled = true;
      return;
    }
    const s = vol * Math.sqrt(days / 365);
    const d1 = (Math.log(F / K) + 0.5 * s * s) / s;
    const d2 = d1 - s;
    value = call ? F * plainNormCdf(d1) - K * plainNormCdf(d2) : K * plainNormCdf(-d2) - F * plainNormCdf(-d1);
    delta = call ? plainNormCdf(d1) : -plainNormCdf(-d1);
  };
  evaluate(0);
  let hedged = -q * delta; // spot + perp
  const hedged0 = hedged;
  let pnl = 0;
  let pnl0 = 0;
  for (let k = 1; k < n; k++) {
    const previous = value;
    evaluate(k);
    const move = p[k] - p[k - 1];
    const optionStep = q * (value - previous);
    pnl += optionStep + hedged * move;
    pnl0 += optionStep + hedged0 * move;
    const before = hedged + q * delta;
    deltaBefore[k] = before;
    if (Math.abs(before) > band) {
      const f = fee * Math.abs(before) * p[k];
      pnl -= f;
      trade[k] = -before;
      fees[k] = f;
      hedged = -q * delta;
    } else {
      deltaAfter[k] = before;
    }
    pnls[k] = pnl;
  }
  out.unrebalanced = { delta: hedged0 + q * delta, pnl: pnl0 };
  return out;
}

/** The plain cell: the grid read into doubles, the walk, the same spill built. */
function plainRebalance(
  pricesGrid: unknown[][],
  spot: number,
  hedge: unknown[],
  band: number,
  fee: number,
  timesGrid: unknown[][] | null,
): Cell[][] {
  const p = readColumn(pricesGrid);
  const path = plainPath(p, spot, hedge, band, fee, timesGrid === null ? null : readColumn(timesGrid));
  const n = p.length;
  const out: Cell[][] = new Array(n + 2);
  out[0] = REBALANCE_HEADER.slice();
  const { deltaBefore, trade, deltaAfter, fee: fees, pnl, unrebalanced } = path;
  for (let k = 0; k < n; k++) out[k + 1] = [p[k], deltaBefore[k], trade[k], deltaAfter[k], fees[k], pnl[k]];
  out[n + 1] = [NO_REBALANCING, unrebalanced.delta, "", unrebalanced.delta, 0, unrebalanced.pnl];
  return out;
}

// ---------------------------------------------------------------- HEDGESTATS, plain doubles

/** The textbook two passes over the grids' prices: returns, means, then deviations. */
function plainHedgeStats(spotGrid: unknown[][], hedgeGrid: unknown[][], log: boolean): Cell[][] {
  if (spotGrid.length !== hedgeGrid.length) throw new Error("the legs differ in length");
  const s = readColumn(spotGrid);
  const f = readColumn(hedgeGrid);
  const m = s.length - 1;
  const rs = new Float64Array(m);
  const rf = new Float64Array(m);
  let sx = 0;
  let sy = 0;
  let sds = 0;
  let sdf = 0;
  let maxDiff = -1;
  let maxAt = 0;
  for (let i = 0; i < m; i++) {
    const a = log ? Math.log(s[i + 1] / s[i]) : s[i + 1] / s[i] - 1;
    const b = log ? Math.log(f[i + 1] / f[i]) : f[i + 1] / f[i] - 1;
    rs[i] = a;
    rf[i] = b;
    sx += a;
    sy += b;
    sds += s[i + 1] - s[i];
    sdf += f[i + 1] - f[i];
    const d = Math.abs(a - b);
    if (d > maxDiff) {
      maxDiff = d;
      maxAt = i;
    }
  }
  const mx = sx / m;
  const my = sy / m;
  const cs = sds / m;
  const cf = sdf / m;
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
    const ds = s[i + 1] - s[i] - cs;
    const df = f[i + 1] - f[i] - cf;
    sff += df * df;
    ssf += ds * df;
  }
  const rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const values = [
    m,
    rho,
    ssf / sff,
    sxy / syy,
    rho * rho,
    Math.sqrt(sxx / (m - 1)),
    Math.sqrt(syy / (m - 1)),
    Math.sqrt(Math.max(sxx - (sxy / syy) * sxy, 0) / (m - 1)),
    maxDiff,
    maxAt + 2, // period p runs from row p + 1 to row p + 2 (1-based): the later row
  ];
  const out: Cell[][] = [["Statistic", "Value"]];
  for (let i = 0; i < values.length; i++) out.push([HEDGE_STATS_LABELS[i + 1], values[i]]);
  return out;
}

// ---------------------------------------------------------------- timing and checks

const relDiff = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

/**
 * The median ms of each function, interleaved and repeated, keeping each one's fastest: a
 * neighbour's burst on the shared machine then slows one pass, not one side of a ratio.
 */
function msTogether(
  a: () => unknown,
  b: () => unknown,
  passes = 2,
  options: Parameters<typeof measure>[1] = { rounds: 7 },
): [number, number] {
  let ma = Infinity;
  let mb = Infinity;
  for (let p = 0; p < passes; p++) {
    ma = Math.min(ma, measure(a, options).ns / 1e6);
    mb = Math.min(mb, measure(b, options).ns / 1e6);
  }
  return [ma, mb];
}

/** f's result and the time it took, ms. */
function once<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

function grid(answer: unknown, what: string): Cell[][] {
  if (isDomainError(answer)) throw new Error(`${what}: ${answer.kind}: ${answer.message}`);
  if (!Array.isArray(answer)) throw new Error(`${what} did not spill (got ${String(answer)})`);
  return answer as Cell[][];
}

const tradesIn = (g: Cell[][]): number => {
  let trades = 0;
  for (let k = 2; k < g.length - 1; k++) if (g[k][2] !== 0) trades++;
  return trades;
};

interface RebalanceCase {
  name: string;
  spot: number;
  hedge: unknown[];
  band: number;
  times: boolean;
}

const REBALANCE_CASES: RebalanceCase[] = [
  { name: "linear 1 coin, spot 1, band 0.1", spot: 1, hedge: ["linear", 1], band: 0.1, times: false },
  { name: "inverse 1,000 × 100, spot 1, band 0.1", spot: 1, hedge: ["inverse", 1000, 100], band: 0.1, times: false },
  { name: "inverse 1,000 × 100, spot 1, band 0.01", spot: 1, hedge: ["inverse", 1000, 100], band: 0.01, times: false },
  { name: "usd 100,000, spot 1, band 0.01", spot: 1, hedge: ["usd", 100000], band: 0.01, times: false },
  // Hourly: the 30-day call expires at the 721st price; the rest of the path holds the settled book.
  { name: "call 100,000 30 d 0.6 ×1, hourly, band 0.1", spot: 0, hedge: ["call", 100000, 30, 0.6, 1], band: 0.1, times: true },
  // The same call alive over the whole path (100,000 hours ≈ 4,167 days): Black-76 at every price.
  {
    name: "call 100,000 4,200 d 0.6 ×1, hourly, band 0.1",
    spot: 0,
    hedge: ["call", 100000, 4200, 0.6, 1],
    band: 0.1,
    times: true,
  },
];

/** The core's hedge for the cells (the adapter's readHedge, for the cases above). */
function hedgeOf(cells: unknown[]): Hedge {
  const [kind, a, b, c, d] = cells as [string, number, number, number, number];
  if (kind === "linear") return { kind, coins: a };
  if (kind === "inverse") return { kind, contracts: a, contractSize: b };
  if (kind === "usd") return { kind, notional: a };
  return {
    kind: "option",
    type: kind === "put" ? "put" : "call",
    strike: a,
    days: b,
    vol: c,
    quantity: d,
    rate: 0,
    settlement: "linear",
  };
}

function rebalanceBench(spot: number[][], times: number[][]): RebalanceRow[] {
  const prices = readColumn(spot);
  const hours = readColumn(times);
  return REBALANCE_CASES.map((c) => {
    const hedgeCells = [c.hedge];
    const timesGrid = c.times ? times : null;
    const ours = () => rebalanceOf(spot, c.spot, hedgeCells, c.band, null, FEE_RATE, timesGrid);
    const plain = () => plainRebalance(spot, c.spot, c.hedge, c.band, FEE_RATE, timesGrid);
    const [answer, firstMs] = once(ours);
    const [pg, plainFirstMs] = once(plain);
    const g = grid(answer, `REBALANCE ${c.name}`);
    if (g.length !== N + 2 || pg.length !== N + 2) throw new Error(`REBALANCE ${c.name}: ${g.length} rows, plain ${pg.length}`);
    const finalPnl = g[N][5] as number;
    const plainFinalPnl = pg[N][5] as number;
    const unrebalancedPnl = g[N + 1][5] as number;
    const trades = tradesIn(g);
    const worst = Math.max(relDiff(finalPnl, plainFinalPnl), relDiff(unrebalancedPnl, pg[N + 1][5] as number));
    if (!(worst <= 1e-9) || trades !== tradesIn(pg)) {
      throw new Error(
        `REBALANCE ${c.name}: LEGS and the plain loop disagree: final P&L ${finalPnl} vs ${plainFinalPnl}, ` +
          `never rebalanced ${unrebalancedPnl} vs ${String(pg[N + 1][5])}, trades ${trades} vs ${tradesIn(pg)}`,
      );
    }
    const inputs = {
      prices,
      spotQty: c.spot,
      hedge: hedgeOf(c.hedge),
      band: c.band,
      mode: "band" as const,
      feeRate: FEE_RATE,
      times: c.times ? hours : null,
    };
    const core = rebalance(inputs);
    if (isDomainError(core) || core.pnl[N - 1] !== finalPnl)
      throw new Error(`REBALANCE ${c.name}: the core alone differs from the spill`);
    // The walk first, with a long warm-up: in a fresh process the first 20–40 calls of the inverse
    // and usd fast path (dollarFast) run 3–4× slower, on on-stack-replacement code that V8 deopts
    // after the loop ("insufficient type feedback") and recompiles until its feedback settles; at
    // ~10 ms a call, that warm-up is cheaper here than through the 100,002-row spill.
    const [coreMs, plainWalkMs] = msTogether(
      () => rebalance(inputs),
      () => plainPath(prices, c.spot, c.hedge, c.band, FEE_RATE, inputs.times),
      1,
      { warmMs: 450, rounds: 5 },
    );
    const [ms, plainMs] = msTogether(ours, plain, 3, { rounds: 5 });
    return {
      name: c.name,
      prices: N,
      trades,
      ms,
      plainMs,
      vsPlain: ms / plainMs,
      target: REBALANCE_TARGET,
      met: ms / plainMs <= REBALANCE_TARGET,
      firstMs,
      plainFirstMs,
      coreMs,
      plainWalkMs,
      walkVsPlain: coreMs / plainWalkMs,
      finalPnl,
      plainFinalPnl,
      relDiff: relDiff(finalPnl, plainFinalPnl),
      unrebalancedPnl,
    };
  });
}

function hedgeStatsBench(spot: number[][], perp: number[][]): HedgeStatsRow[] {
  return (["simple", "log"] as const).map((mode) => {
    const ours = () => hedgeStatsOf(spot, perp, mode);
    const plain = () => plainHedgeStats(spot, perp, mode === "log");
    const g = grid(ours(), `HEDGESTATS ${mode}`);
    const pg = plain();
    let worst = 0;
    for (let i = 0; i < pg.length; i++) {
      const [a, b] = [g[i]?.[1], pg[i][1]];
      const bad = typeof b === "number" ? typeof a !== "number" || !(relDiff(a, b) <= 1e-12) : a !== b;
      if (bad || g[i][0] !== pg[i][0])
        throw new Error(`HEDGESTATS ${mode}: ${String(pg[i][0])} is ${String(a)} in LEGS, ${String(b)} in the plain loop`);
      if (typeof a === "number" && typeof b === "number") worst = Math.max(worst, relDiff(a, b));
    }
    if (g.length !== pg.length) throw new Error(`HEDGESTATS ${mode}: ${g.length} rows, plain ${pg.length}`);
    const [ms, plainMs] = msTogether(ours, plain, 3, { rounds: 5 });
    return {
      name: `${mode} returns`,
      pairs: N,
      ms,
      plainMs,
      vsPlain: ms / plainMs,
      target: HEDGESTATS_TARGET,
      met: ms / plainMs <= HEDGESTATS_TARGET,
      correlation: g[2][1] as number,
      hedgeRatio: g[4][1] as number,
      worstRelDiff: worst,
    };
  });
}

export function backtestBench(): BacktestBench {
  const { spot, perp, times } = paths();
  return { rebalance: rebalanceBench(spot, times), hedgeStats: hedgeStatsBench(spot, perp) };
}
