/**
 * LEGS.REBALANCE's fast exact path (linear, inverse, usd): the decimal path's doubles without
 * decimal.js. Prices and sizes as integers and a power of ten (as src/core/scaled.ts), sums and
 * products of integers kept exactly in two doubles (src/core/exact-double.ts), the inverse
 * hedge's one division a step carried to ~32 digits with a bound on its error, and every cell
 * rounded once, only when the bound proves the rounding; null otherwise, and the decimal path
 * (src/core/rebalance-decimal.ts) answers.
 */
import {
  addScaled,
  EXACT_LIMIT,
  low,
  productExceeds,
  provenQuotient,
  provenSum,
  STEP_ERROR,
  Sum,
  twoProduct,
} from "./exact-double";
import { emptyPath, RebalanceInputs, RebalancePath } from "./rebalance-types";
import { Scaled, scaledOf } from "./scaled";

const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact up to 10^22

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

export function fastPath(inputs: RebalanceInputs, schedule: Uint8Array | null): RebalancePath | null {
  const sp = scaledPrices(inputs.prices);
  const S = scaledOf(inputs.spotQty);
  const B = scaledOf(inputs.band);
  const F = scaledOf(inputs.feeRate);
  if (sp === null || S === null || B === null || F === null) return null;
  return inputs.hedge.kind === "linear"
    ? linearFast(sp.P, sp.scale, S, B, F, inputs.hedge.coins, schedule)
    : dollarFast(inputs, sp.P, sp.scale, S, B, F, schedule);
}

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
