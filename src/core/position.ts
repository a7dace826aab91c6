/**
 * Position P&L and average entry, linear and inverse.
 *
 * Checked against exchange documentation (see the tests): Bybit USDT contract long 0.2 BTC
 * 7,000 → 7,500 = 100 USDT; BitMEX inverse long 15,000 XBTUSD contracts 750 → 800 = 1.25 XBT;
 * Bybit average entry 0.5 @ 5,000 + 0.3 @ 6,000 = 5,375.
 */
import { ContractType, Side } from "./contracts";
import { Dec, ZERO } from "./decimal";
import { firstError, mustBeNonNegative, mustBePositive } from "./checks";
import { divZero, Result } from "./errors";
import { Arith, DECIMAL, Fraction, SCALED } from "./arith";
import { add, mul, op, ratio, Scaled, scaledAll, scaledOf, toDouble, ZERO_S } from "./scaled";

export interface PositionInputs {
  side: Side;
  quantity: Dec;
  entry: Dec;
  exit: Dec;
  contractType: ContractType;
  contractSize: Dec;
}

/** Unrealised (or realised, at exit) P&L: quote currency for linear, coin for inverse. */
export function positionPnl(p: PositionInputs): Result<Dec> {
  const bad = firstError(
    mustBeNonNegative("quantity", p.quantity),
    mustBePositive("entry_price", p.entry),
    mustBePositive("contract_size", p.contractSize),
    p.contractType === "inverse" ? mustBePositive("exit_price", p.exit) : mustBeNonNegative("exit_price", p.exit),
  );
  if (bad) return bad;
  const f = pnlFraction(DECIMAL, p.side, p.quantity, p.entry, p.exit, p.contractSize, p.contractType);
  return f.den === null ? (f.num as Dec) : (f.num as Dec).div(f.den);
}

/**
 * side × q × cs × (exit − entry), over (entry × exit) for inverse — 1/entry − 1/exit as one
 * fraction, so there is a single rounding — for either arithmetic. `den` null: no division.
 */
function pnlFraction<T>(m: Arith<T>, side: Side, q: T, entry: T, exit: T, cs: T, type: ContractType): Fraction<T> {
  const gain = m.mul(m.mul(m.mul(q, cs), m.int(side)), m.sub(exit, entry));
  return { num: gain, den: type === "linear" ? null : m.mul(entry, exit) };
}

export interface Fill {
  quantity: Dec;
  price: Dec;
}

/**
 * Average entry of fills. Linear: Σq·p / Σq (the quantity-weighted mean). Inverse: Σq / Σ(q/p)
 * (the harmonic mean), because inverse P&L is linear in 1/price. `label(i)` names fill i in
 * messages.
 */
export function averageEntry(fills: readonly Fill[], contractType: ContractType, label: (i: number) => string): Result<Dec> {
  let quantity = ZERO;
  let weighted = ZERO;
  for (let i = 0; i < fills.length; i++) {
    const { quantity: q, price: p } = fills[i];
    const bad = firstError(mustBeNonNegative(`${label(i)} quantity`, q), mustBePositive(`${label(i)} price`, p));
    if (bad) return bad;
    quantity = quantity.plus(q);
    weighted = weighted.plus(contractType === "linear" ? q.times(p) : q.div(p));
  }
  if (quantity.isZero()) return divZero("the quantities add up to 0: there is no position to average");
  return contractType === "linear" ? weighted.div(quantity) : quantity.div(weighted);
}

/** Position P&L on the fast exact path; null → the decimal path. */
export function positionPnlFast(
  side: Side,
  quantity: number,
  entry: number,
  exit: number,
  contractType: ContractType,
  contractSize: number,
): number | null {
  if (!(quantity >= 0 && entry > 0 && contractSize > 0 && (contractType === "inverse" ? exit > 0 : exit >= 0))) return null;
  const v = scaledAll([quantity, entry, exit, contractSize]);
  if (v === null) return null;
  const f = pnlFraction(SCALED, side, v[0], v[1], v[2], v[3], contractType);
  if (f.num === null) return null;
  return contractType === "linear" ? toDouble(f.num) : op2ratio(f.num, f.den);
}

const op2ratio = (a: Scaled | null, b: Scaled | null): number | null => (a === null || b === null ? null : ratio(a, b));

/** Linear average entry on the fast exact path (Σq·p / Σq); null → the decimal path. */
export function averageEntryLinearFast(quantities: readonly number[], prices: readonly number[]): number | null {
  let sq: Scaled | null = ZERO_S;
  let sqp: Scaled | null = ZERO_S;
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i];
    const p = prices[i];
    if (!(q >= 0 && p > 0)) return null;
    const Q = scaledOf(q);
    const P = scaledOf(p);
    if (Q === null || P === null) return null;
    sq = op(add, sq, Q);
    sqp = op(add, sqp, mul(Q, P));
    if (sq === null || sqp === null) return null;
  }
  return sq !== null && sq.int !== 0 ? op2ratio(sqp, sq) : null;
}
