/** LEGS.FUNDINGYIELD(rate, [interval_hours], [horizon_days], [compounding]): funding return. */
import { Dec } from "../core/decimal";
import { isDomainError, Result } from "../core/errors";
import {
  DEFAULT_HORIZON_DAYS,
  DEFAULT_INTERVAL_HOURS,
  FUNDING_COMPOUNDING,
  fundingYield as coreFundingYield,
  fundingYieldSimpleFast,
  meanRate,
} from "../core/funding";
import { add, Scaled, scaledOf, ZERO_S } from "../core/scaled";
import { cellNumber, isBlank, optionalChoice, toGrid, withDefault } from "./cells";
import { Answer, spill } from "./spill";

export function fundingYield(rate: unknown, intervalHours: unknown, horizonDays: unknown, compounding: unknown): Answer {
  const mode = optionalChoice("compounding", compounding, FUNDING_COMPOUNDING, "simple");
  if (isDomainError(mode)) return mode;
  const grid = toGrid("rate", rate);
  if (isDomainError(grid)) return grid;
  const exact = mode === "simple" ? exactRateSum(grid) : null;
  // The decimal mean is worked out only when the fast path cannot answer.
  let mean: Result<Dec> | undefined;
  const meanOf = () => (mean ??= rateFrom(grid));
  if (!exact) {
    const m = meanOf();
    if (isDomainError(m)) return m;
  }
  // interval_hours and horizon_days may be ranges (a yield table in one formula); blanks in them
  // mean the default, as an omitted argument does.
  return spill(
    [
      { name: "interval_hours", value: withDefault(intervalHours, DEFAULT_INTERVAL_HOURS.toNumber()) },
      { name: "horizon_days", value: withDefault(horizonDays, DEFAULT_HORIZON_DAYS.toNumber()) },
    ],
    ([hours, days]) => {
      const m = meanOf();
      return isDomainError(m) ? m : coreFundingYield(m, hours, days, mode);
    },
    exact ? ([hours, days]) => fundingYieldSimpleFast(exact.sum, exact.count, hours, days) : undefined,
  );
}

/** The exact sum and count of a rate range whose cells are all plain numbers or blank; else null. */
function exactRateSum(grid: readonly (readonly unknown[])[]): { sum: Scaled; count: number } | null {
  let sum: Scaled | null = ZERO_S;
  let count = 0;
  for (const row of grid) {
    for (const v of row) {
      if (typeof v !== "number") {
        if (isBlank(v)) continue;
        return null;
      }
      const s = scaledOf(v);
      sum = s === null ? null : add(sum, s);
      if (sum === null) return null;
      count += 1;
    }
  }
  return count > 0 ? { sum, count } : null;
}

/** A rate, or the mean of a range of historical rates (blank cells skipped). */
function rateFrom(grid: readonly (readonly unknown[])[]): Result<Dec> {
  const single = grid.length === 1 && grid[0].length === 1;
  if (single) return cellNumber("rate", grid[0][0]);
  const rates: Dec[] = [];
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      if (isBlank(grid[r][c])) continue;
      const v = cellNumber(`rate (row ${r + 1}, column ${c + 1} of the range)`, grid[r][c]);
      if (isDomainError(v)) return v;
      rates.push(v);
    }
  }
  return meanRate(rates);
}
