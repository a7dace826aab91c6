/**
 * Funding across venues on one basis. Venues quote funding per their own interval (Binance 8, 4
 * or 1 h per symbol, Bybit per symbol, OKX 8 h, Hyperliquid 1 h, Deribit per 8 h), so a raw
 * 0.01 % on Binance and 0.00125 % on Hyperliquid are the same carry. Coin Metrics' funding-rate
 * reference ("Futures Funding Rates"): annualise as rate × (1 year) / (period in years), not
 * compounded, "converting the funding rates to a common funding period" to compare venues. So a
 * rate per `intervalHours` is rate × horizon / interval over any horizon, and rate × 8760 /
 * interval a year (365 days, as FUNDINGYIELD's simple convention).
 */
import { Dec } from "./decimal";
import { firstError, mustBePositive } from "./checks";
import { Result } from "./errors";

export const HOURS_PER_YEAR = new Dec(8760);

/** A funding rate per `intervalHours` restated per `horizonHours` (simple). */
export function rateOver(rate: Dec, intervalHours: Dec, horizonHours: Dec): Result<Dec> {
  const bad = firstError(mustBePositive("interval_hours", intervalHours), mustBePositive("horizon", horizonHours));
  return bad ?? rate.times(horizonHours).div(intervalHours);
}

/** The best pair of venues for one symbol's rates (same basis; null where a venue has none). */
export interface BestPair {
  /** Index of the highest rate: a short there receives the most (pays the least). */
  short: number;
  /** Index of the lowest rate: a long there pays the least (receives the most). */
  long: number;
  /** Highest − lowest: what short-there, long-here earns per the rates' period, before fees. */
  spread: Dec;
}

/**
 * The venues to be short and long on for one symbol; null when fewer than two venues quote it
 * (there is no pair). Ties go to the venue listed first, so the board does not flicker.
 */
export function bestPair(rates: readonly (Dec | null)[]): BestPair | null {
  let short = -1;
  let long = -1;
  let quoted = 0;
  rates.forEach((r, i) => {
    if (r === null) return;
    quoted++;
    if (short < 0 || r.gt(rates[short] as Dec)) short = i;
    if (long < 0 || r.lt(rates[long] as Dec)) long = i;
  });
  if (quoted < 2) return null;
  // Every rate equal: still two venues, the first two quoting, with a spread of 0.
  if (short === long) long = rates.findIndex((r, i) => r !== null && i !== short);
  return { short, long, spread: (rates[short] as Dec).minus(rates[long] as Dec) };
}
