/** LEGS.FORWARDAPY(days1, apy1, days2, apy2, [compounding]): the yield of rolling from one expiry to the next. */
import { BASIS_COMPOUNDING } from "../core/basis";
import { isDomainError } from "../core/errors";
import { forwardApy as coreForwardApy } from "../core/term-structure";
import { optionalChoice } from "./cells";
import { Answer, spill } from "./spill";

export function forwardApy(days1: unknown, apy1: unknown, days2: unknown, apy2: unknown, compounding: unknown): Answer {
  const mode = optionalChoice("compounding", compounding, BASIS_COMPOUNDING, "simple");
  if (isDomainError(mode)) return mode;
  return spill(
    [
      { name: "days1", value: days1 },
      { name: "apy1", value: apy1 },
      { name: "days2", value: days2 },
      { name: "apy2", value: apy2 },
    ],
    ([d1, a1, d2, a2]) => coreForwardApy(d1, a1, d2, a2, mode),
  );
}
