/**
 * The basis term structure: what rolling from one expiry to the next locks in, and the basis at
 * a constant maturity between listed expiries.
 *
 * With annualised bases B₁, B₂ (as LEGS.BASISAPY gives them) at t₁ < t₂ days to expiry:
 * - simple and continuous: the forward yield f = (B₂·t₂ − B₁·t₁) / (t₂ − t₁), the additive form
 *   Coin Metrics uses for its constant-maturity basis ("the difference between the basis of each
 *   contract multiplied by their respective times to expiration, divided by the difference in
 *   their time to expiration"); for continuous rates it is exact (Hull's R_F = (R₂T₂ − R₁T₁)/
 *   (T₂ − T₁)). For simple rates it is the first-order form: the exact forward of simple rates
 *   divides by 1 + B₁·t₁ as well (10 % over 0.25 y and 12 % over 0.5 y: 14.0 % here, 13.66 %).
 * - compound: (1 + f)^(t₂ − t₁) = (1 + B₂)^t₂ / (1 + B₁)^t₁.
 *
 * The constant-maturity basis at T (t₁ < T < t₂) is Coin Metrics' method: the near basis to t₁
 * plus the forward yield from t₁ to T, re-annualised over T: (B₁·t₁ + f·(T − t₁)) / T, i.e. the
 * total basis B·t interpolated linearly in time (compound: (1 + B)^t log-linearly). Days cancel
 * out of every formula, so the day count (365 or 360) is whatever annualised the inputs.
 */
import { Dec, ONE } from "./decimal";
import { firstError, mustBeNonNegative } from "./checks";
import { BasisCompounding } from "./basis";
import { DomainError, invalid, missing, Result } from "./errors";

/** (1 + apy)^days as its logarithm, for the compound convention; apy must exceed −100 %. */
function growthLog(name: string, apy: Dec, days: Dec): Result<Dec> {
  if (!apy.gt(-1)) return invalid(`${name} must be greater than -1 (−100 %) for compound rates (got ${apy.toString()})`);
  return days.isZero() ? new Dec(0) : apy.plus(ONE).ln().times(days);
}

/** The annualised yield from days1 to days2 implied by the APYs to each. */
export function forwardApy(days1: Dec, apy1: Dec, days2: Dec, apy2: Dec, compounding: BasisCompounding = "simple"): Result<Dec> {
  const bad = firstError(mustBeNonNegative("days1", days1), mustBeNonNegative("days2", days2));
  if (bad) return bad;
  if (!days2.gt(days1)) {
    return invalid(
      `days2 must be greater than days1 (got ${days2.toString()} and ${days1.toString()}): the far expiry comes second`,
    );
  }
  const span = days2.minus(days1);
  if (compounding !== "compound") return apy2.times(days2).minus(apy1.times(days1)).div(span);
  const g1 = growthLog("apy1", apy1, days1);
  if (g1 instanceof DomainError) return g1;
  const g2 = growthLog("apy2", apy2, days2);
  if (g2 instanceof DomainError) return g2;
  return g2.minus(g1).div(span).exp().minus(ONE);
}

/** One listed expiry: days to it and its annualised basis. */
export interface TermPoint {
  days: Dec;
  apy: Dec;
}

/**
 * The basis APY at `target` days, interpolated between the listed expiries that straddle it;
 * #N/A outside them (a constant maturity is interpolated, never extrapolated).
 */
export function constantMaturity(
  points: readonly TermPoint[],
  target: Dec,
  compounding: BasisCompounding = "simple",
): Result<Dec> {
  if (!target.gt(0)) return invalid(`target_days must be greater than 0 (got ${target.toString()})`);
  if (points.length === 0) return missing("days and apys hold no expiries");
  const sorted = [...points].sort((a, b) => a.days.comparedTo(b.days));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].days.eq(sorted[i - 1].days)) {
      return invalid(`days lists ${sorted[i].days.toString()} twice: give one APY per expiry (one venue's curve at a time)`);
    }
  }
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (target.lt(first.days) || target.gt(last.days)) {
    return missing(
      `target_days ${target.toString()} is outside the listed expiries (${first.days.toString()} to ${last.days.toString()} days): ` +
        `a constant maturity is interpolated between two expiries, never extrapolated`,
    );
  }
  const at = sorted.findIndex((p) => p.days.gte(target));
  const far = sorted[at];
  if (far.days.eq(target)) return far.apy;
  const near = sorted[at - 1];
  const f = forwardApy(near.days, near.apy, far.days, far.apy, compounding);
  if (f instanceof DomainError) return f;
  const beyond = target.minus(near.days);
  if (compounding !== "compound") return near.apy.times(near.days).plus(f.times(beyond)).div(target);
  const g1 = growthLog("apys", near.apy, near.days);
  if (g1 instanceof DomainError) return g1;
  return g1.plus(f.plus(ONE).ln().times(beyond)).div(target).exp().minus(ONE);
}
