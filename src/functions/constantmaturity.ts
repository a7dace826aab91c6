/**
 * LEGS.CONSTANTMATURITY(days, apys, target_days, [compounding]): the basis APY at a fixed
 * horizon, interpolated between the listed expiries that straddle it (Coin Metrics' method).
 * `days` and `apys` are a term structure, e.g. two columns of LEGS.FUTURES; rows blank in both
 * are skipped (room for expiries to come). A range of target_days (30, 60, 90) spills.
 */
import { BASIS_COMPOUNDING } from "../core/basis";
import { mustBeNonNegative } from "../core/checks";
import { invalid, isDomainError, Result } from "../core/errors";
import { constantMaturity as coreConstantMaturity, TermPoint } from "../core/term-structure";
import { cellNumber, describe, isBlank, optionalChoice, toGrid } from "./cells";
import { Answer, spill } from "./spill";

function readCurve(days: unknown, apys: unknown): Result<TermPoint[]> {
  const ds = toGrid("days", days);
  if (isDomainError(ds)) return ds;
  const as = toGrid("apys", apys);
  if (isDomainError(as)) return as;
  const cells = (g: readonly (readonly unknown[])[]) => g.flat();
  const d = cells(ds);
  const a = cells(as);
  if (d.length !== a.length) {
    return invalid(`days is ${describe(ds)} but apys is ${describe(as)}: give one APY for each expiry`);
  }
  const points: TermPoint[] = [];
  for (let i = 0; i < d.length; i++) {
    if (isBlank(d[i]) && isBlank(a[i])) continue;
    const day = cellNumber(`days (item ${i + 1})`, d[i]);
    if (isDomainError(day)) return day;
    const negative = mustBeNonNegative(`days (item ${i + 1})`, day);
    if (negative) return negative;
    const apy = cellNumber(`apys (item ${i + 1})`, a[i]);
    if (isDomainError(apy)) return apy;
    points.push({ days: day, apy });
  }
  return points;
}

export function constantMaturity(days: unknown, apys: unknown, targetDays: unknown, compounding: unknown): Answer {
  const mode = optionalChoice("compounding", compounding, BASIS_COMPOUNDING, "simple");
  if (isDomainError(mode)) return mode;
  const curve = readCurve(days, apys);
  if (isDomainError(curve)) return curve;
  return spill([{ name: "target_days", value: targetDays }], ([t]) => coreConstantMaturity(curve, t, mode));
}
