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
