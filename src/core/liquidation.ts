/**
 * Liquidation price of an isolated (or cross) position.
 *
 * The position is liquidated when its equity, margin + unrealised P&L, falls to its maintenance
 * margin, maint_rate × position value − maint_amount (maint_amount is the tier's deduction,
 * Binance's "cum"). Exchanges value that maintenance two ways:
 *   "mark"  on the position value at the liquidation price (Binance, Hyperliquid)
 *   "entry" on the position value at entry (Bybit)
 * Solving equity = maintenance for the price P, with side s (±1), entry E, quantity Q, margin M,
 * rate m and deduction A:
 *
 *   linear,  mark:   M + sQ(P − E) = mQP − A        →  P = (sQE − M − A) / (Q(s − m))
 *   linear,  entry:  M + sQ(P − E) = mQE − A        →  P = E − s(M + A − mQE) / Q
 *   inverse, mark:   M + sQ(1/E − 1/P) = mQ/P − A   →  P = Q(s + m) / (M + A + sQ/E)
 *   inverse, entry:  M + sQ(1/E − 1/P) = mQ/E − A   →  P = sQ / (M + A + (s − m)Q/E)
 *
 * For inverse contracts Q is the position value in the quote currency (contracts × contract
 * size) and M, A are in coin. Cross margin is the same formula with M = the wallet balance
 * available to the position (balance − other positions' maintenance + their unrealised P&L).
 */
import { ContractType, Side } from "./contracts";
import { Dec } from "./decimal";
import { firstError, mustBeNonNegative, mustBePositive } from "./checks";
import { invalid, missing, Result } from "./errors";
import { Arith, DECIMAL, Fraction, SCALED } from "./arith";
import { ratio, scaledAll } from "./scaled";

export type MaintenanceBasis = "mark" | "entry";
export const MAINTENANCE_BASES: readonly MaintenanceBasis[] = ["mark", "entry"];

export interface LiquidationInputs {
  side: Side;
  entry: Dec;
  quantity: Dec;
  margin: Dec;
  maintRate: Dec;
  maintAmount: Dec;
  contractType: ContractType;
  basis: MaintenanceBasis;
}

export function liquidationPrice(p: LiquidationInputs): Result<Dec> {
  const bad = firstError(
    mustBePositive("entry_price", p.entry),
    mustBePositive("quantity", p.quantity),
    mustBeNonNegative("margin", p.margin),
    p.maintRate.gte(0) && p.maintRate.lt(1)
      ? null
      : invalid(`maint_rate must be 0 or more and less than 1 (got ${p.maintRate.toString()})`),
    mustBeNonNegative("maint_amount", p.maintAmount),
  );
  if (bad) return bad;
  const f = liquidationFraction(
    DECIMAL,
    p.side,
    p.entry,
    p.quantity,
    p.margin,
    p.maintRate,
    p.maintAmount,
    p.contractType,
    p.basis,
  );
  const [alive, num, den] = [f.alive as Dec, f.num as Dec, f.den as Dec];
  if (!alive.gt(0)) {
    const value = p.contractType === "linear" ? p.quantity.times(p.entry) : p.quantity.div(p.entry);
    const maintenanceAtEntry = p.maintRate.times(value).minus(p.maintAmount);
    return invalid(
      `margin ${p.margin.toString()} does not exceed the maintenance margin at entry ` +
        `(${maintenanceAtEntry.toString()}): the position would be liquidated at once`,
    );
  }
  if (den.isZero() || num.isZero() || num.isNeg() !== den.isNeg()) {
    return missing(
      `position cannot be liquidated: margin ${p.margin.toString()} covers its losses at any ` +
        `${p.side === 1 ? "lower" : "higher"} price`,
    );
  }
  return num.div(den);
}

/**
 * The four cases above as one fraction P = num / den, for either arithmetic, and `alive`, whose
 * sign says whether the margin exceeds the maintenance margin at entry (inverse: both sides × E).
 */
function liquidationFraction<T>(
  m: Arith<T>,
  side: Side,
  E: T,
  Q: T,
  M: T,
  mr: T,
  A: T,
  contractType: ContractType,
  basis: MaintenanceBasis,
): Fraction<T> & { alive: T | null } {
  const s = m.int(side);
  const cushion = m.add(M, A);
  if (contractType === "linear") {
    const maintAtEntry = m.mul(m.mul(mr, Q), E);
    const alive = m.sub(cushion, maintAtEntry);
    if (basis === "mark") return { alive, num: m.sub(m.mul(m.mul(s, Q), E), cushion), den: m.mul(Q, m.sub(s, mr)) };
    return { alive, num: m.sub(m.mul(E, Q), m.mul(s, alive)), den: Q };
  }
  const alive = m.sub(m.mul(cushion, E), m.mul(mr, Q));
  if (basis === "mark") return { alive, num: m.mul(m.mul(Q, m.add(s, mr)), E), den: m.add(m.mul(cushion, E), m.mul(s, Q)) };
  return { alive, num: m.mul(m.mul(s, Q), E), den: m.add(m.mul(cushion, E), m.mul(m.sub(s, mr), Q)) };
}

/**
 * Liquidation price on the fast exact path: the same fraction on scaled integers, one correctly
 * rounded division; null → the decimal path, which also gives every error and "cannot be
 * liquidated".
 */
export function liquidationPriceFast(
  side: Side,
  entry: number,
  quantity: number,
  margin: number,
  maintRate: number,
  maintAmount: number,
  contractType: ContractType,
  basis: MaintenanceBasis,
): number | null {
  if (!(entry > 0 && quantity > 0 && margin >= 0 && maintRate >= 0 && maintRate < 1 && maintAmount >= 0)) return null;
  const v = scaledAll([entry, quantity, margin, maintRate, maintAmount]);
  if (v === null) return null;
  const { alive, num, den } = liquidationFraction(SCALED, side, v[0], v[1], v[2], v[3], v[4], contractType, basis);
  if (alive === null || num === null || den === null) return null;
  if (alive.int <= 0 || den.int === 0 || num.int === 0 || Math.sign(num.int) !== Math.sign(den.int)) return null;
  return ratio(num, den);
}
