/** LEGS.FUNDINGYIELD(rate, [interval_hours], [horizon_days], [compounding]): funding return. */
import { Dec } from "../core/decimal";
import { isDomainError, Result } from "../core/errors";
import {
  DEFAULT_HORIZON_DAYS,
  DEFAULT_INTERVAL_HOURS,
  FUNDING_COMPOUNDING,
  fundingYield as coreFundingYield,
  meanRate,
} from "../core/funding";
import { cellNumber, isBlank, optionalChoice, toGrid, withDefault } from "./cells";
import { Answer, spill } from "./spill";

export function fundingYield(rate: unknown, intervalHours: unknown, horizonDays: unknown, compounding: unknown): Answer {
  const mode = optionalChoice("compounding", compounding, FUNDING_COMPOUNDING, "simple");
  if (isDomainError(mode)) return mode;
  const r = rateFrom(rate);
  if (isDomainError(r)) return r;
  // interval_hours and horizon_days may be ranges (a yield table in one formula); blanks in them
  // mean the default, as an omitted argument does.
  return spill(
    [
      { name: "interval_hours", value: withDefault(intervalHours, DEFAULT_INTERVAL_HOURS.toNumber()) },
      { name: "horizon_days", value: withDefault(horizonDays, DEFAULT_HORIZON_DAYS.toNumber()) },
    ],
    ([hours, days]) => coreFundingYield(r, hours, days, mode),
  );
}

/** A rate, or the mean of a range of historical rates (blank cells skipped). */
function rateFrom(rate: unknown): Result<Dec> {
  const grid = toGrid("rate", rate);
  if (isDomainError(grid)) return grid;
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
