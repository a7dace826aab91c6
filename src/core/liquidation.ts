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
import { add, int, mul, op, ratio, Scaled, scaledAll, sub } from "./scaled";

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

  const maintenanceAtEntry = maintenanceAt(p.entry, p);
  if (p.margin.lte(maintenanceAtEntry)) {
    return invalid(
      `margin ${p.margin.toString()} does not exceed the maintenance margin at entry ` +
        `(${maintenanceAtEntry.toString()}): the position would be liquidated at once`,
    );
  }

  const { numerator, denominator } = solve(p);
  if (denominator.isZero() || numerator.isNeg() !== denominator.isNeg() || numerator.isZero()) {
    return missing(
      `position cannot be liquidated: margin ${p.margin.toString()} covers its losses at any ` +
        `${p.side === 1 ? "lower" : "higher"} price`,
    );
  }
  return numerator.div(denominator);
}

/** Maintenance margin when the price is `price`, in the margin's currency. */
function maintenanceAt(price: Dec, p: LiquidationInputs): Dec {
  const valuePrice = p.basis === "mark" ? price : p.entry;
  const value = p.contractType === "linear" ? p.quantity.times(valuePrice) : p.quantity.div(valuePrice);
  return p.maintRate.times(value).minus(p.maintAmount);
}

/** P = numerator / denominator for the four cases in the header comment. */
function solve(p: LiquidationInputs): { numerator: Dec; denominator: Dec } {
  const { entry: E, quantity: Q, margin: M, maintRate: m, maintAmount: A } = p;
  const s = new Dec(p.side);
  const cushion = M.plus(A);
  if (p.contractType === "linear") {
    if (p.basis === "mark") return { numerator: s.times(Q).times(E).minus(cushion), denominator: Q.times(s.minus(m)) };
    return { numerator: E.times(Q).minus(s.times(cushion.minus(m.times(Q).times(E)))), denominator: Q };
  }
  if (p.basis === "mark") return { numerator: Q.times(s.plus(m)), denominator: cushion.plus(s.times(Q).div(E)) };
  return { numerator: s.times(Q), denominator: cushion.plus(s.minus(m).times(Q).div(E)) };
}


/**
 * Liquidation price on the fast exact path (the four cases above, each as one division of exact
 * integers); null → the decimal path, which also gives every error and "cannot be liquidated".
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
  const [E, Q, M, m, A] = v;
  const s = int(side);
  const cushion = add(M, A);
  let num: Scaled | null;
  let den: Scaled | null;
  // Alive at entry: margin above the maintenance at entry (for inverse, both sides × E).
  let alive: Scaled | null;
  if (contractType === "linear") {
    alive = op(sub, cushion, op(mul, mul(m, Q), E));
    if (basis === "mark") {
      num = op(sub, op(mul, mul(s, Q), E), cushion);
      den = op(mul, Q, sub(s, m));
    } else {
      num = op(sub, mul(E, Q), op(mul, s, op(sub, cushion, op(mul, mul(m, Q), E))));
      den = Q;
    }
  } else {
    alive = op(sub, op(mul, cushion, E), mul(m, Q));
    if (basis === "mark") {
      num = op(mul, op(mul, Q, add(s, m)), E);
      den = op(add, op(mul, cushion, E), mul(s, Q));
    } else {
      num = op(mul, mul(s, Q), E);
      den = op(add, op(mul, cushion, E), op(mul, sub(s, m), Q));
    }
  }
  if (alive === null || num === null || den === null) return null;
  if (alive.int <= 0 || den.int === 0 || num.int === 0 || Math.sign(num.int) !== Math.sign(den.int)) return null;
  return ratio(num, den);
}
