/** LEGS.BASISAPY(spot, future, days, [compounding], [days_in_year]): annualised basis. */
import { BASIS_COMPOUNDING, basisApy as coreBasisApy, basisApySimpleFast, DEFAULT_DAYS_IN_YEAR } from "../core/basis";
import { isDomainError } from "../core/errors";
import { isBlank, optionalChoice, optionalNumber, single } from "./cells";
import { Answer, spill } from "./spill";

export function basisApy(spot: unknown, future: unknown, days: unknown, compounding: unknown, daysInYear: unknown): Answer {
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
    mode === "simple" ? fastSimple(daysInYear) : undefined,
  );
}

/** The simple convention on the fast path, when days_in_year is a plain number (or the default). */
function fastSimple(daysInYear: unknown): ((v: number[]) => number | null) | undefined {
  const y = single("days_in_year", daysInYear);
  const year = isBlank(y) ? 365 : y;
  if (typeof year !== "number") return undefined;
  return ([s, f, d]) => basisApySimpleFast(s, f, d, year);
}
