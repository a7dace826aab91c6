/**
 * P&L of a spot holding hedged with a perpetual, from entry to exit.
 *
 * Long `spotQty` spot, short `hedgeQty` perp (a negative hedge is a long perp: the seed's
 * "enhanced exposure"). Both legs open at `entry` and are valued at `exit`:
 *
 *   spot_qty × (exit − entry)                         spot leg
 * − hedge_qty × (exit − entry)                        perp leg (short)
 * + hedge_qty × entry × funding_rate × periods        funding: a short receives a positive rate
 * − fee_rate × |hedge_qty| × (entry + exit)           taker fee on opening and closing the perp
 *
 * A full hedge (hedge = spot) therefore nets funding minus fees whatever the price does.
 */
import { Dec, ONE, ZERO } from "./decimal";
import { firstError, mustBeBetween, mustBeNonNegative, mustBePositive } from "./checks";
import { DomainError, Result } from "./errors";
import { Arith, DECIMAL, SCALED } from "./arith";
import { scaledAll, toDouble } from "./scaled";

export interface HedgeInputs {
  spotQty: Dec;
  hedgeQty: Dec;
  entry: Dec;
  exit: Dec;
  /** Funding rate per period; with `fundingPeriods`, both default to 0 (an instant move). */
  fundingRate?: Dec;
  fundingPeriods?: Dec;
  /** Fee per side as a fraction of notional; negative for a maker rebate. */
  feeRate?: Dec;
}

/** Checks that do not depend on the exit price, so a spilled grid checks them once. */
export function checkHedgeInputs(inputs: Omit<HedgeInputs, "exit">): DomainError | null {
  return firstError(
    mustBePositive("entry_price", inputs.entry),
    inputs.fundingRate && mustBeBetween("funding_rate", inputs.fundingRate, ONE.neg(), ONE),
    inputs.fundingPeriods && mustBeNonNegative("funding_periods", inputs.fundingPeriods),
    inputs.feeRate && mustBeBetween("fee_rate", inputs.feeRate, ONE.neg(), ONE),
  );
}

export function hedgePnl(inputs: HedgeInputs): Result<Dec> {
  const bad = checkHedgeInputs(inputs) ?? mustBeNonNegative("exit_price", inputs.exit);
  if (bad) return bad;
  const { spotQty, hedgeQty, entry, exit } = inputs;
  return hedgeFormula(
    DECIMAL,
    spotQty,
    hedgeQty,
    entry,
    exit,
    inputs.fundingRate ?? ZERO,
    inputs.fundingPeriods ?? ZERO,
    inputs.feeRate ?? ZERO,
  ) as Dec;
}

/** The formula in the header comment, once, for either arithmetic (src/core/arith.ts). */
function hedgeFormula<T>(m: Arith<T>, spot: T, hedge: T, entry: T, exit: T, rate: T, periods: T, fee: T): T | null {
  const move = m.sub(exit, entry);
  const legs = m.sub(m.mul(spot, move), m.mul(hedge, move));
  const funding = m.mul(m.mul(m.mul(hedge, entry), rate), periods);
  const fees = m.mul(m.mul(fee, m.abs(hedge)), m.add(entry, exit));
  return m.sub(m.add(legs, funding), fees);
}

/**
 * The same P&L on the fast exact path (src/core/scaled.ts): doubles in, the double nearest the
 * exact result out, or null when an input is one the decimal path must handle (out of range,
 * too many digits, too large) — errors always come from the decimal path.
 */
export function hedgePnlFast(
  spot: number,
  hedge: number,
  entry: number,
  exit: number,
  rate: number,
  periods: number,
  fee: number,
): number | null {
  if (!(entry > 0 && exit >= 0 && rate > -1 && rate < 1 && periods >= 0 && fee > -1 && fee < 1)) return null;
  const v = scaledAll([spot, hedge, entry, exit, rate, periods, fee]);
  if (v === null) return null;
  const total = hedgeFormula(SCALED, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  return total === null ? null : toDouble(total);
}
