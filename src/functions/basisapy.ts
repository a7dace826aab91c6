/** LEGS.BASISAPY(spot, future, days, [compounding], [days_in_year]): annualised basis. */
import { BASIS_COMPOUNDING, basisApy as coreBasisApy, DEFAULT_DAYS_IN_YEAR } from "../core/basis";
import { isDomainError } from "../core/errors";
import { optionalChoice, optionalNumber } from "./cells";
import { Answer, spill } from "./spill";

export function basisApy(
  spot: unknown,
  future: unknown,
  days: unknown,
  compounding: unknown,
  daysInYear: unknown,
): Answer {
  const mode = optionalChoice("compounding", compounding, BASIS_COMPOUNDING, "simple");
  if (isDomainError(mode)) return mode;
  const year = optionalNumber("days_in_year", daysInYear, DEFAULT_DAYS_IN_YEAR);
  if (isDomainError(year)) return year;
  return spill(
    [
      { name: "spot", value: spot },
      { name: "future", value: future },
      { name: "days", value: days },
    ],
    ([s, f, d]) => coreBasisApy(s, f, d, mode, year),
  );
}
