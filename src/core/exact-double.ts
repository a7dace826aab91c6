/**
 * Error-free transformations on doubles: sums and products kept exactly as two doubles, and
 * roundings to one double proven by an error bound. T. J. Dekker, "A floating-point technique for
 * extending the available precision", Numer. Math. 18 (1971) (the split product); D. E. Knuth's
 * TwoSum. A rounding the bound cannot prove returns null, and the caller computes the value another
 * way ("Ziv's strategy"; LEGS.REBALANCE's fast path then hands over to its decimal path).
 */

const SPLIT = 134217729; // 2^27 + 1 (Dekker)
/** An exact integer sum this large might no longer be exact in two doubles: give up (another path). */
export const EXACT_LIMIT = 2 ** 90;
/** Relative rounding margin of a two-double quotient (its error is below 2^-103). */
const QUOTIENT_MARGIN = 2 ** -98;
/** Error bound added per inexact two-double operation, relative to its size (true bound ~2^-104). */
export const STEP_ERROR = 2 ** -100;

/** Two rounded products further apart than this ratio compare as their exact values do. */
const CLEARLY = 1 + 2 ** -48;

/**
 * The low part of the last twoProduct, in a typed array: a module-level `let` holding a double
 * is a boxed number, and every write would allocate one.
 */
export const low = new Float64Array(1);

/** a × b = result + low[0] exactly (Dekker's product; |a|, |b| < 2^996). */
export function twoProduct(a: number, b: number): number {
  const p = a * b;
  const ta = SPLIT * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLIT * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  low[0] = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/** The rounding error of a − b = diff (exact: TwoSum on a and −b). */
export function twoDiffLow(a: number, b: number, diff: number): number {
  const bb = diff - a;
  return a - (diff - bb) + (-b - bb);
}

/** a × b > c × d exactly, for a, b, c, d ≥ 0 whose products are exact in two doubles. */
export function productExceeds(a: number, b: number, c: number, d: number): boolean {
  // Rounded products more than a few ulps apart decide at once.
  const x = a * b;
  const y = c * d;
  if (x > y * CLEARLY) return true;
  if (y > x * CLEARLY) return false;
  const h1 = twoProduct(a, b);
  const l1 = low[0];
  const h2 = twoProduct(c, d);
  return h1 > h2 || (h1 === h2 && l1 > low[0]);
}

/**
 * A sum as hi + lo (Knuth's TwoSum, renormalised after every addend). Exact while the addends and
 * the total are integers below 2^90; otherwise within a few units of 2^-104 of the total per add.
 */
export class Sum {
  hi = 0;
  lo = 0;
  /** An addend reached 2^90: an integer sum may no longer be exact. */
  big = false;
  add(x: number): void {
    if (!(Math.abs(x) < EXACT_LIMIT)) this.big = true;
    const s = this.hi + x;
    const b = s - this.hi;
    const e = this.hi - (s - b) + (x - b);
    const lo = this.lo + e;
    const h = s + lo;
    const c = h - s;
    this.lo = s - (h - c) + (lo - c);
    this.hi = h;
  }
  /** Adds a × b (exactly, if the product's parts are integers). */
  addProduct(a: number, b: number): void {
    const h = twoProduct(a, b);
    const l = low[0];
    this.add(h);
    this.add(l);
  }
  /** Adds a × b × c of integers exactly (while the sum stays below 2^90). */
  addTriple(a: number, b: number, c: number): void {
    const h = twoProduct(a, b);
    const l = low[0];
    const h2 = twoProduct(h, c);
    const l2 = low[0];
    this.add(h2);
    this.add(l2);
    if (l !== 0) this.addProduct(l, c);
  }
  reset(): void {
    this.hi = 0;
    this.lo = 0;
    this.big = false;
  }
}

/**
 * (hi + lo ± err) / d rounded to the nearest double, when every value in that interval rounds
 * to the same double; null when the bound cannot decide (the caller computes it another way).
 */
export function provenQuotient(hi: number, lo: number, d: number, err: number): number | null {
  // An exact integer a double holds: one division, correctly rounded.
  if (lo === 0 && err === 0 && Math.abs(hi) <= Number.MAX_SAFE_INTEGER) return hi / d + 0;
  const q1 = hi / d;
  const ph = twoProduct(q1, d);
  const q2 = (hi - ph - low[0] + lo) / d;
  const margin = err / d + Math.abs(q1) * QUOTIENT_MARGIN;
  const down = q1 + (q2 - margin);
  return down === q1 + (q2 + margin) ? down + 0 : null;
}

/**
 * hi + lo ± err (plus a margin of 2^-98 × |hi| for the quotient or renormalisation that made the
 * pair) as the nearest double, when every value in that interval rounds to the same double; null
 * when the bound cannot decide.
 */
export function provenSum(hi: number, lo: number, err: number): number | null {
  const margin = err + Math.abs(hi) * QUOTIENT_MARGIN;
  const down = hi + (lo - margin);
  return down === hi + (lo + margin) ? down + 0 : null;
}

/**
 * Adds a × (rh + rl) to the sum (a an exact integer, rh + rl a quotient to 2^-104); returns a
 * bound on the error this added, with room to spare: the quotient's, the dropped a × rl rounding
 * and the additions' (each below 2^-104 of the larger of the sum and the addend).
 */
export function addScaled(acc: Sum, a: number, rh: number, rl: number): number {
  const h = twoProduct(a, rh);
  const l = low[0] + a * rl;
  const before = Math.abs(acc.hi);
  acc.add(h);
  acc.add(l);
  return (before + Math.abs(h) + Math.abs(acc.hi)) * STEP_ERROR;
}
