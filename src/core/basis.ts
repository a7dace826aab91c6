/**
 * Basis of a dated future over spot, and its annualisation.
 *
 * Three conventions are in use and spreadsheets mix them up; each is exact here:
 * - simple (the seed article's, and the usual "basis APY" quote): (F − S) / S × Y / days
 * - compound (what a reinvested carry earns): (F / S)^(Y / days) − 1
 * - continuous (the rate in F = S·e^(r·t)): ln(F / S) × Y / days
 */
import { Dec, ONE } from "./decimal";
import { firstError, mustBePositive } from "./checks";
import { Result } from "./errors";
import { mul, op, ratio, scaledAll, sub } from "./scaled";

export type BasisCompounding = "simple" | "compound" | "continuous";
export const BASIS_COMPOUNDING: readonly BasisCompounding[] = ["simple", "compound", "continuous"];

export const DEFAULT_DAYS_IN_YEAR = new Dec(365);

/** Annualised basis as a fraction (0.128 = 12.8 % a year). */
export function basisApy(
  spot: Dec,
  future: Dec,
  days: Dec,
  compounding: BasisCompounding = "simple",
  daysInYear: Dec = DEFAULT_DAYS_IN_YEAR,
): Result<Dec> {
  const bad = firstError(
    mustBePositive("spot", spot),
    mustBePositive("future", future),
    mustBePositive("days", days),
    mustBePositive("days_in_year", daysInYear),
  );
  if (bad) return bad;
  const periodsPerYear = daysInYear.div(days);
  switch (compounding) {
    case "simple":
      return future.minus(spot).div(spot).times(periodsPerYear);
    case "compound":
      return future.div(spot).pow(periodsPerYear).minus(ONE);
    case "continuous":
      return future.div(spot).ln().times(periodsPerYear);
  }
}

/** Simple basis APY on the fast exact path, (F − S) × Y / (S × days); null → the decimal path. */
export function basisApySimpleFast(spot: number, future: number, days: number, daysInYear: number): number | null {
  if (!(spot > 0 && future > 0 && days > 0 && daysInYear > 0)) return null;
  const v = scaledAll([spot, future, days, daysInYear]);
  if (v === null) return null;
  const [S, F, D, Y] = v;
  const num = op(mul, sub(F, S), Y);
  const den = mul(S, D);
  return num === null || den === null ? null : ratio(num, den);
}
