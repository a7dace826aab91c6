/**
 * The one decimal type of the core.
 *
 * A scoped decimal.js constructor (never the global one, so no other code can change our
 * precision) with 40 significant digits: well past the 34 of IEEE decimal128, so every result
 * that has a finite decimal expansion of ordinary length is exact, and irrational ones (ln, pow)
 * carry ~25 more digits than a double can hold before the final rounding.
 */
import { Decimal as DecimalJs } from "decimal.js";

export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -7,
  toExpPos: 21,
});

/** An instance of the scoped constructor. */
export type Dec = DecimalJs;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/**
 * The decimal the user typed. Excel hands us a double; `String(x)` is the shortest decimal that
 * round-trips to it, which is what the user typed (0.1 → "0.1", not 0.1000000000000000055…).
 * The caller guarantees `x` is finite.
 */
export function fromDouble(x: number): Dec {
  return new Dec(String(x));
}

/**
 * The double nearest the exact decimal. decimal.js prints the digits and JavaScript's number
 * parser rounds them correctly. A negative zero becomes +0 (a cell shows "0" either way, and
 * -0 would surprise code that compares with Object.is). Returns null when the value is too
 * large for a double (the caller turns that into #NUM!, as Excel does).
 */
export function toDouble(d: Dec): number | null {
  if (d.isZero()) return 0;
  const x = d.toNumber();
  return Number.isFinite(x) ? x : null;
}

/** Sum of decimals, exactly. */
export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** A number as read from a cell: the cell's double (exact path reads it as typed), or a decimal parsed from its text. */
export type Num = number | Dec;

/** A Num as the exact decimal it stands for. */
export function toDec(x: Num): Dec {
  return typeof x === "number" ? fromDouble(x) : x;
}
