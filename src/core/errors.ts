/**
 * Domain errors are values, not exceptions: every core function returns `T | DomainError`,
 * and the host adapters (Excel's CustomFunctions, the HyperFormula preview) map the kind to
 * their own error type. The message always names the argument, the value and what is allowed.
 */

/**
 * - `invalid`: the input is not allowed (Excel `#VALUE!`).
 * - `missing`: data needed for the answer is not there (Excel `#N/A`).
 * - `divzero`: the answer divides by zero, where Excel itself would say `#DIV/0!`.
 * - `overflow`: the exact answer is too large for a worksheet number (Excel `#NUM!`).
 */
export type DomainErrorKind = "invalid" | "missing" | "divzero" | "overflow";

class DomainErrorClass {
  constructor(
    readonly kind: DomainErrorKind,
    readonly message: string,
  ) {}
}

/**
 * One class for every bundle on the page: book.js, options.js and curves.js each carry a copy of
 * this module, and functions.js must recognise the errors they return. The first bundle to load
 * (functions.js) registers its class on globalThis; the others use that one, so a plain
 * `instanceof` works across bundles and stays as fast as it is within one.
 */
const REGISTERED = "legworkDomainError";
const shared = globalThis as unknown as Record<string, typeof DomainErrorClass | undefined>;

export const DomainError: typeof DomainErrorClass = (shared[REGISTERED] ??= DomainErrorClass);
export type DomainError = DomainErrorClass;

/** A value, or the reason there is none. */
export type Result<T> = T | DomainError;

export function isDomainError(x: unknown): x is DomainError {
  return x instanceof DomainError;
}

export const invalid = (message: string): DomainError => new DomainError("invalid", message);
export const missing = (message: string): DomainError => new DomainError("missing", message);
export const divZero = (message: string): DomainError => new DomainError("divzero", message);
export const overflow = (message: string): DomainError => new DomainError("overflow", message);
