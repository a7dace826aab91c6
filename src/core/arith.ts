/**
 * One formula, two arithmetics. The finance formulas that only add, subtract and multiply (and
 * divide once, at the end) are written once against this interface and run either on exact
 * decimals (decimal.js, never failing) or on scaled integers (fast, returning null when a value
 * does not fit, so the caller takes the decimal path).
 */
import { Dec } from "./decimal";
import * as S from "./scaled";

export interface Arith<T> {
  add(a: T | null, b: T | null): T | null;
  sub(a: T | null, b: T | null): T | null;
  mul(a: T | null, b: T | null): T | null;
  abs(a: T | null): T | null;
  int(n: number): T;
  /** −1, 0 or 1. */
  sign(a: T): number;
}

export const DECIMAL: Arith<Dec> = {
  add: (a, b) => (a as Dec).plus(b as Dec),
  sub: (a, b) => (a as Dec).minus(b as Dec),
  mul: (a, b) => (a as Dec).times(b as Dec),
  abs: (a) => (a as Dec).abs(),
  int: (n) => new Dec(n),
  sign: (a) => (a.isZero() ? 0 : a.isNeg() ? -1 : 1),
};

export const SCALED: Arith<S.Scaled> = {
  add: (a, b) => S.op(S.add, a, b),
  sub: (a, b) => S.op(S.sub, a, b),
  mul: (a, b) => S.op(S.mul, a, b),
  abs: (a) => (a === null ? null : S.abs(a)),
  int: S.int,
  sign: S.sign,
};

/** A result as a fraction, divided once at the end by the arithmetic's own rule. */
export interface Fraction<T> {
  num: T | null;
  den: T | null;
}
