/**
 * Baselines measured beside each LEGS function, in the same run:
 * - plain: the same formula with JavaScript doubles (and the same kind of argument checks) —
 *   the physical floor, and what most spreadsheets' add-ins do (0.1 + 0.2 ≠ 0.3);
 * - naive: the same formula with decimal.js written the obvious way (new Decimal per
 *   argument, default precision) — what "exact" costs without a fast path.
 */
import { Decimal } from "decimal.js";

const num = (v: unknown): number => {
  const x = Array.isArray(v) ? v[0][0] : v;
  if (typeof x !== "number" || !Number.isFinite(x)) throw new Error("bad argument");
  return x;
};

export const plain: Record<string, (...a: unknown[]) => number> = {
  HEDGEPNL: (s, h, e, x, r, n, f) => {
    const [S, H, E, X] = [num(s), num(h), num(e), num(x)];
    if (!(E > 0) || X < 0) throw new Error("bad");
    const R = r == null ? 0 : num(r);
    const N = n == null ? 0 : num(n);
    const F = f == null ? 0 : num(f);
    return S * (X - E) - H * (X - E) + H * E * R * N - F * Math.abs(H) * (E + X);
  },
  BASISAPY: (s, f, d) => {
    const [S, F, D] = [num(s), num(f), num(d)];
    if (!(S > 0 && F > 0 && D > 0)) throw new Error("bad");
    return ((F - S) / S) * (365 / D);
  },
  FUNDINGYIELD: (r) => num(r) * ((365 * 24) / 8),
  POSITIONPNL: (side, q, e, x) => {
    const s = side === "long" ? 1 : -1;
    return s * num(q) * (num(x) - num(e));
  },
  AVGENTRY: (q, p) => {
    const Q = q as number[][];
    const P = p as number[][];
    let sq = 0;
    let sqp = 0;
    for (let i = 0; i < Q.length; i++) {
      sq += Q[i][0];
      sqp += Q[i][0] * P[i][0];
    }
    return sqp / sq;
  },
  LIQPRICE: (side, e, q, m, mr) => {
    const s = side === "long" ? 1 : -1;
    const [E, Q, M, MR] = [num(e), num(q), num(m), num(mr)];
    return (s * Q * E - M) / (Q * (s - MR));
  },
  FUNDINGPNL: (side, q, p, r) => -(side === "long" ? 1 : -1) * num(q) * num(p) * num(r),
  NETDELTA: (legs) => {
    let total = 0;
    for (const row of (legs as unknown[][]).slice(1)) total += (row[2] === "short" ? -1 : 1) * (row[3] as number);
    return total;
  },
};

const D = (v: unknown) => new Decimal(String(Array.isArray(v) ? v[0][0] : v));

export const naive: Record<string, (...a: unknown[]) => number> = {
  HEDGEPNL: (s, h, e, x, r, n, f) => {
    const move = D(x).minus(D(e));
    return D(s)
      .times(move)
      .minus(D(h).times(move))
      .plus(
        D(h)
          .times(D(e))
          .times(D(r ?? 0))
          .times(D(n ?? 0)),
      )
      .minus(
        D(f ?? 0)
          .times(D(h).abs())
          .times(D(e).plus(D(x))),
      )
      .toNumber();
  },
  BASISAPY: (s, f, d) =>
    D(f)
      .minus(D(s))
      .div(D(s))
      .times(new Decimal(365).div(D(d)))
      .toNumber(),
  FUNDINGYIELD: (r) =>
    D(r)
      .times(365 * 24)
      .div(8)
      .toNumber(),
  POSITIONPNL: (side, q, e, x) =>
    D(q)
      .times(D(x).minus(D(e)))
      .times(side === "long" ? 1 : -1)
      .toNumber(),
  AVGENTRY: (q, p) => {
    const Q = q as number[][];
    const P = p as number[][];
    let sq = new Decimal(0);
    let sqp = new Decimal(0);
    for (let i = 0; i < Q.length; i++) {
      sq = sq.plus(D(Q[i][0]));
      sqp = sqp.plus(D(Q[i][0]).times(D(P[i][0])));
    }
    return sqp.div(sq).toNumber();
  },
  LIQPRICE: (side, e, q, m, mr) => {
    const s = side === "long" ? 1 : -1;
    return D(q)
      .times(D(e))
      .times(s)
      .minus(D(m))
      .div(D(q).times(new Decimal(s).minus(D(mr))))
      .toNumber();
  },
  FUNDINGPNL: (side, q, p, r) =>
    D(q)
      .times(D(p))
      .times(D(r))
      .times(side === "long" ? -1 : 1)
      .toNumber(),
  NETDELTA: (legs) => {
    let total = new Decimal(0);
    for (const row of (legs as unknown[][]).slice(1)) total = total.plus(D(row[3]).times(row[2] === "short" ? -1 : 1));
    return total.toNumber();
  },
};

/**
 * The options' plain baseline: textbook Black-76 in doubles, as an add-in would write it
 * (d1, d2, the normal CDF, the closed-form greeks; premium-adjusted delta = delta − price in coin
 * when inverse), with the same kind of argument checks as the plain baselines above. The normal
 * CDF is Hart's double-precision algorithm (Hart 1968, 5666) as given by G. West, "Better
 * approximations to cumulative normal functions", Wilmott Magazine (2005): one exponential and a
 * rational function, accurate to about 1e-14 absolute — the usual choice when A&S 26.2.17's 7e-8
 * is not enough. It has no tail care: far out of the money the textbook price cancels.
 */
export function plainNormCdf(x: number): number {
  const a = Math.abs(x);
  let c: number;
  if (a > 37) c = 0;
  else {
    const e = Math.exp(-0.5 * a * a);
    if (a < 7.07106781186547) {
      let n = 3.52624965998911e-2 * a + 0.700383064443688;
      n = n * a + 6.37396220353165;
      n = n * a + 33.912866078383;
      n = n * a + 112.079291497871;
      n = n * a + 221.213596169931;
      n = n * a + 220.206867912376;
      let d = 8.83883476483184e-2 * a + 1.75566716318264;
      d = d * a + 16.064177579207;
      d = d * a + 86.7807322029461;
      d = d * a + 296.564248779674;
      d = d * a + 637.333633378831;
      d = d * a + 793.826512519948;
      d = d * a + 440.413735824752;
      c = (e * n) / d;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

const isCall = (type: unknown): boolean => {
  const t = Array.isArray(type) ? type[0][0] : type;
  if (t === "call") return true;
  if (t === "put") return false;
  throw new Error("bad type");
};
const isInverse = (settlement: unknown): boolean => {
  const s = Array.isArray(settlement) ? settlement[0][0] : settlement;
  return s === "inverse";
};
const positive = (v: unknown): number => {
  const x = num(v);
  if (!(x > 0)) throw new Error("bad argument");
  return x;
};

/** Black-76 price (coin when inverse). */
function plainPrice(
  type: unknown,
  f: unknown,
  k: unknown,
  days: unknown,
  vol: unknown,
  rate: unknown,
  settlement: unknown,
): number {
  const [F, K, T, V] = [positive(f), positive(k), positive(days) / 365, positive(vol)];
  const r = rate == null ? 0 : num(rate);
  const sqrtT = Math.sqrt(T);
  const s = V * sqrtT;
  const d1 = (Math.log(F / K) + 0.5 * s * s) / s;
  const d2 = d1 - s;
  const df = Math.exp(-r * T);
  const price = isCall(type)
    ? df * (F * plainNormCdf(d1) - K * plainNormCdf(d2))
    : df * (K * plainNormCdf(-d2) - F * plainNormCdf(-d1));
  return isInverse(settlement) ? price / F : price;
}

/** Black-76 delta (premium-adjusted when inverse), as OPTIONDELTA. */
function plainDelta(
  type: unknown,
  f: unknown,
  k: unknown,
  days: unknown,
  vol: unknown,
  rate: unknown,
  settlement: unknown,
): number {
  const [F, K, T, V] = [positive(f), positive(k), positive(days) / 365, positive(vol)];
  const r = rate == null ? 0 : num(rate);
  const s = V * Math.sqrt(T);
  const d1 = (Math.log(F / K) + 0.5 * s * s) / s;
  const df = Math.exp(-r * T);
  const call = isCall(type);
  const delta = call ? df * plainNormCdf(d1) : -df * plainNormCdf(-d1);
  if (!isInverse(settlement)) return delta;
  const d2 = d1 - s;
  const price = call ? df * (F * plainNormCdf(d1) - K * plainNormCdf(d2)) : df * (K * plainNormCdf(-d2) - F * plainNormCdf(-d1));
  return delta - price / F;
}

/** Black-76 price, delta, gamma, vega (per vol point), theta (per day), as OPTIONGREEKS's row. */
function plainGreeks(
  type: unknown,
  f: unknown,
  k: unknown,
  days: unknown,
  vol: unknown,
  rate: unknown,
  settlement: unknown,
): number[] {
  const [F, K, T, V] = [positive(f), positive(k), positive(days) / 365, positive(vol)];
  const r = rate == null ? 0 : num(rate);
  const call = isCall(type);
  const sqrtT = Math.sqrt(T);
  const s = V * sqrtT;
  const d1 = (Math.log(F / K) + 0.5 * s * s) / s;
  const d2 = d1 - s;
  const df = Math.exp(-r * T);
  const price = call ? df * (F * plainNormCdf(d1) - K * plainNormCdf(d2)) : df * (K * plainNormCdf(-d2) - F * plainNormCdf(-d1));
  const pdf = Math.exp(-0.5 * d1 * d1) * 0.3989422804014327;
  const linearDelta = call ? df * plainNormCdf(d1) : -df * plainNormCdf(-d1);
  const inverse = isInverse(settlement);
  return [
    inverse ? price / F : price,
    inverse ? linearDelta - price / F : linearDelta,
    (df * pdf) / (F * s),
    (df * F * pdf * sqrtT) / 100,
    (r * price - (df * F * pdf * V) / (2 * sqrtT)) / 365,
  ];
}

export const plainOptions = {
  price: plainPrice,
  delta: plainDelta,
  greeks: plainGreeks,
  /** NETDELTA over rows [instrument, type, side, quantity, strike, days, vol] at `price`. */
  netDelta(legs: unknown[][], price: unknown): number {
    const F = positive(price);
    let total = 0;
    for (let i = 1; i < legs.length; i++) {
      const [instrument, type, side, quantity, strike, days, vol] = legs[i];
      const sign = side === "short" ? -1 : 1;
      const delta = instrument === "option" ? plainDelta(type, F, strike, days, vol, 0, "linear") : 1;
      total += sign * (quantity as number) * delta;
    }
    return total;
  },
};
