/**
 * The second exact path, between scaled.ts's safe integers and decimal.js: a decimal as a BigInt
 * coefficient and a power of ten (value = c × 10^e), with the core decimal's rules — every result
 * of +, −, × and ÷ rounded to 40 significant digits, half to even, as decimal.js rounds it (its
 * results are correctly rounded: the exact value, rounded once). Same numbers in, same numbers out,
 * without decimal.js's cost per operation. An addition of two numbers more than 40 places apart
 * (never in a book) answers null: the caller takes decimal.js.
 */
import { Dec } from "./decimal";
import { Scaled } from "./scaled";

export interface Big {
  c: bigint;
  e: number;
}

const PRECISION = 40;
// (No BigInt literals: the type-checking target is ES2017; the bundles are ES2020.)
const N0 = BigInt(0);
const N1 = BigInt(1);
const N2 = BigInt(2);
const N10 = BigInt(10);
const LIMIT = N10 ** BigInt(PRECISION);
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const POW: bigint[] = [N1];

function pow10(k: number): bigint {
  while (POW.length <= k) POW.push(POW[POW.length - 1] * N10);
  return POW[k];
}

/** Decimal digits of m > 0: estimated from its double, then checked against the powers of ten. */
function digits(m: bigint): number {
  const x = Number(m);
  if (!(x < 1e300)) return m.toString().length;
  let d = Math.floor(Math.log10(x)) + 1;
  if (m < pow10(d - 1)) d--;
  else if (m >= pow10(d)) d++;
  return d;
}

/**
 * c × 10^e rounded to 40 significant digits, half to even; `inexact`: the exact value has more
 * (nonzero) digits beyond c, so a tie is not one (c must then have more than 40 digits).
 */
function rounded(c: bigint, e: number, inexact = false): Big {
  if (!inexact && c > -LIMIT && c < LIMIT) return { c, e };
  const negative = c < N0;
  const m = negative ? -c : c;
  const drop = digits(m) - PRECISION;
  if (drop <= 0) return { c, e };
  const unit = pow10(drop);
  let q = m / unit;
  const r = m % unit;
  const half = unit / N2;
  if (r > half || (r === half && (inexact || q % N2 === N1))) q += N1;
  let exponent = e + drop;
  if (q === LIMIT) {
    q = LIMIT / N10;
    exponent += 1;
  }
  return { c: negative ? -q : q, e: exponent };
}

export const bigOf = (s: Scaled): Big => ({ c: BigInt(s.int), e: -s.scale });

const TEXT = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Decimal text ("0.0094", "-1.5e+21") as the exact Big it spells, or null. */
export function bigOfText(t: string): Big | null {
  const m = TEXT.exec(t);
  if (!m) return null;
  const fraction = m[3] ?? "";
  const c = BigInt(m[2] + fraction);
  return { c: m[1] === "-" ? -c : c, e: Number(m[4] ?? 0) - fraction.length };
}

/** A cell's number as the exact Big it stands for: a double as the decimal String gives (as typed). */
export function bigOfNum(x: number | Dec, scaled: Scaled | null = null): Big | null {
  if (scaled !== null) return bigOf(scaled);
  if (typeof x === "number") return Number.isFinite(x) ? bigOfText(String(x)) : null;
  return x.isFinite() ? bigOfText(x.toString()) : null;
}

export const bigToDec = (a: Big): Dec => new Dec(`${a.c}e${a.e}`);

export const ZERO_BIG: Big = { c: N0, e: 0 };

export function mul(a: Big, b: Big): Big {
  return rounded(a.c * b.c, a.e + b.e);
}

export function add(a: Big, b: Big): Big | null {
  if (a.c === N0) return rounded(b.c, b.e);
  if (b.c === N0) return rounded(a.c, a.e);
  const gap = a.e - b.e;
  if (gap > PRECISION || gap < -PRECISION) return null;
  return gap >= 0 ? rounded(a.c * pow10(gap) + b.c, b.e) : rounded(a.c + b.c * pow10(-gap), a.e);
}

export const neg = (a: Big): Big => ({ c: -a.c, e: a.e });

export function sub(a: Big, b: Big): Big | null {
  return add(a, neg(b));
}

/** a / b (b ≠ 0). */
export function div(a: Big, b: Big): Big {
  if (a.c === N0) return ZERO_BIG;
  const negative = a.c < N0 !== b.c < N0;
  const m = a.c < N0 ? -a.c : a.c;
  const d = b.c < N0 ? -b.c : b.c;
  // Enough digits for 41 in the quotient: the 40 kept and the one that rounds them.
  const k = Math.max(0, PRECISION + 1 + digits(d) - digits(m));
  const n = m * pow10(k);
  const q = n / d;
  return rounded(negative ? -q : q, a.e - b.e - k, n % d !== N0);
}

/** Sign of a − b. */
export function compare(a: Big, b: Big): number {
  if (a.e === b.e) return a.c === b.c ? 0 : a.c < b.c ? -1 : 1;
  const x = a.e > b.e ? a.c * pow10(a.e - b.e) : a.c;
  const y = b.e > a.e ? b.c * pow10(b.e - a.e) : b.c;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** The value as Scaled, when it is one (a safe integer over a power of ten up to 10^22); else null. */
export function scaledOfBig(a: Big): Scaled | null {
  let c = a.c;
  let e = a.e;
  if (c === N0) return { int: 0, scale: 0 };
  while (e < 0 && c % N10 === N0) {
    c /= N10;
    e++;
  }
  if (e > 0) {
    if (e > 22) return null;
    c *= pow10(e);
    e = 0;
  }
  if (-e > 22 || c > SAFE || c < -SAFE) return null;
  return { int: Number(c), scale: -e };
}
