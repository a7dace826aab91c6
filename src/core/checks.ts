/** Range checks shared by the core formulas; each returns null when the value is allowed. */
import type { Dec } from "./decimal";
import { DomainError, invalid } from "./errors";

export function mustBePositive(name: string, value: Dec): DomainError | null {
  return value.gt(0) ? null : invalid(`${name} must be greater than 0 (got ${value.toString()})`);
}

export function mustBeNonNegative(name: string, value: Dec): DomainError | null {
  return value.gte(0) ? null : invalid(`${name} must be 0 or more (got ${value.toString()})`);
}

/** Open interval (lo, hi): rates and fees, where ±100 % per period is never a real input. */
export function mustBeBetween(name: string, value: Dec, lo: Dec, hi: Dec): DomainError | null {
  return value.gt(lo) && value.lt(hi)
    ? null
    : invalid(`${name} must be greater than ${lo.toString()} and less than ${hi.toString()} (got ${value.toString()})`);
}

/** The first error among the checks, or null. */
export function firstError(...checks: (DomainError | null | undefined)[]): DomainError | null {
  for (const c of checks) if (c) return c;
  return null;
}
