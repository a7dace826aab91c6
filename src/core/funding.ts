/**
 * Funding-rate yield of a perpetual position.
 *
 * Perpetual swaps exchange funding every interval (8 h on most exchanges, 1 h on Hyperliquid
 * and some Binance symbols); a short receives the rate when it is positive. The seed article's
 * "0.03 % per 8 h → 0.09 % a day, ≈ 2.7 % a month, ≈ 33 % a year" is the simple convention:
 * r × n with n = horizon_days × 24 / interval_hours funding events. The compound convention,
 * (1 + r)^n − 1, is what the position earns if every payment is added to it.
 */
import { Dec, ONE, sum } from "./decimal";
import { firstError, mustBeBetween, mustBeNonNegative, mustBePositive } from "./checks";
import { invalid, isDomainError, Result } from "./errors";
import { int, mul, op, ratio, Scaled, scaledOf } from "./scaled";

export type FundingCompounding = "simple" | "compound";
export const FUNDING_COMPOUNDING: readonly FundingCompounding[] = ["simple", "compound"];

export const DEFAULT_INTERVAL_HOURS = new Dec(8);
export const DEFAULT_HORIZON_DAYS = new Dec(365);
const HOURS_PER_DAY = new Dec(24);

/** Number of funding events in `horizonDays` (may be fractional). */
export function fundingEvents(intervalHours: Dec, horizonDays: Dec): Result<Dec> {
  const bad = firstError(mustBePositive("interval_hours", intervalHours), mustBeNonNegative("horizon_days", horizonDays));
  if (bad) return bad;
  return horizonDays.times(HOURS_PER_DAY).div(intervalHours);
}

/** Mean of a funding-rate history: the rate a history-based yield assumes going forward. */
export function meanRate(rates: readonly Dec[]): Result<Dec> {
  if (rates.length === 0) return invalid("rate has no numbers: give a rate or a range holding at least one");
  return sum(rates).div(rates.length);
}

/** Return over the horizon as a fraction (0.3285 = 32.85 %). */
export function fundingYield(
  rate: Dec,
  intervalHours: Dec = DEFAULT_INTERVAL_HOURS,
  horizonDays: Dec = DEFAULT_HORIZON_DAYS,
  compounding: FundingCompounding = "simple",
): Result<Dec> {
  // A funding rate of ±100 % per interval or more is never real; it is almost always a
  // percentage typed as a whole number (3 for 3 %).
  const bad = mustBeBetween("rate", rate, ONE.neg(), ONE);
  if (bad) return bad;
  const n = fundingEvents(intervalHours, horizonDays);
  if (isDomainError(n)) return n;
  return compounding === "simple" ? rate.times(n) : ONE.plus(rate).pow(n).minus(ONE);
}

/**
 * Simple funding yield on the fast exact path: mean rate × horizon × 24 / interval, given the
 * exact sum of the rates and their count; null → the decimal path.
 */
export function fundingYieldSimpleFast(
  rateSum: Scaled,
  count: number,
  intervalHours: number,
  horizonDays: number,
): number | null {
  if (!(intervalHours > 0 && horizonDays >= 0 && count > 0)) return null;
  const h = scaledOf(intervalHours);
  const d = scaledOf(horizonDays);
  if (h === null || d === null) return null;
  // The mean must be a valid rate too (−1 < mean < 1), as on the decimal path.
  const mean = ratio(rateSum, int(count));
  if (mean === null || !(mean > -1 && mean < 1)) return null;
  const num = op(mul, op(mul, rateSum, d), int(24));
  const den = op(mul, int(count), h);
  return num === null || den === null ? null : ratio(num, den);
}
