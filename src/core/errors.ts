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

/**
 * Registered (Symbol.for), so the same key in every bundle: book.js and options.js each carry a
 * copy of this class, and functions.js must still recognise the errors they return.
 */
const BRAND = Symbol.for("legwork.DomainError");

export class DomainError {
  readonly [BRAND] = true;
  /** `instanceof` by brand, not by prototype: true for a DomainError made by another bundle's copy. */
  static [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
  }
  constructor(
    readonly kind: DomainErrorKind,
    readonly message: string,
  ) {}
}

/** A value, or the reason there is none. */
export type Result<T> = T | DomainError;

export function isDomainError(x: unknown): x is DomainError {
  return x instanceof DomainError;
}

export const invalid = (message: string): DomainError => new DomainError("invalid", message);
export const missing = (message: string): DomainError => new DomainError("missing", message);
export const divZero = (message: string): DomainError => new DomainError("divzero", message);
export const overflow = (message: string): DomainError => new DomainError("overflow", message);
