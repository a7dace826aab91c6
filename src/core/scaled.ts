/**
 * The fast exact path: a decimal as a safe integer and a power of ten (value = int / 10^scale).
 *
 * Most inputs a trader types have few digits (3400, 0.0003, 95000.5), so their sums and products
 * fit in a double's 53-bit integer range exactly. Every operation here either gives the exact
 * result or says it cannot (null), and the caller then takes the decimal.js path. The final
 * step is one IEEE division of two exact integers, which is correctly rounded: the result is
 * the double nearest the exact value, as on the decimal path.
 */

export interface Scaled {
  int: number;
  scale: number;
}

const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact up to 10^22
const MAX_SCALE = 12;

/**
 * The decimal the user typed, if it has at most 12 decimal places and fits: the same decimal
 * String(x) gives (the unique shortest one that rounds to x), found without making a string.
 */
export function scaledOf(x: number): Scaled | null {
  if (Number.isInteger(x)) return Number.isSafeInteger(x) ? { int: x === 0 ? 0 : x, scale: 0 } : null;
  if (!Number.isFinite(x)) return null;
  // No decimal with fewer places than the zeros after the point can be x (0.0000125: at least 5).
  const a = Math.abs(x);
  const first = a < 0.1 ? Math.max(1, Math.floor(-Math.log10(a))) : 1;
  for (let k = first; k <= MAX_SCALE; k++) {
    const p = POW10[k];
    const m = Math.round(x * p);
    if (!Number.isSafeInteger(m)) return null;
    if (m / p === x) {
      // Unique at this scale (neighbours round elsewhere), so it is the shortest decimal for x.
      return (m + 1) / p !== x && (m - 1) / p !== x ? { int: m, scale: k } : null;
    }
  }
  return null;
}

export function mul(a: Scaled, b: Scaled): Scaled | null {
  const int = a.int * b.int;
  return Number.isSafeInteger(int) ? { int, scale: a.scale + b.scale } : null;
}

function rescale(a: Scaled, scale: number): number | null {
  if (a.scale === scale) return a.int;
  const int = a.int * POW10[scale - a.scale];
  return Number.isSafeInteger(int) ? int : null;
}

export function add(a: Scaled, b: Scaled): Scaled | null {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  if (x === null || y === null) return null;
  const int = x + y;
  return Number.isSafeInteger(int) ? { int, scale } : null;
}

export function neg(a: Scaled): Scaled {
  return { int: -a.int, scale: a.scale };
}

export function sub(a: Scaled, b: Scaled): Scaled | null {
  return add(a, neg(b));
}

export function abs(a: Scaled): Scaled {
  return { int: Math.abs(a.int), scale: a.scale };
}

export const sign = (a: Scaled): number => Math.sign(a.int);

/** The double nearest a; null when its scale has no exact power of ten. */
export function toDouble(a: Scaled): number | null {
  if (a.scale >= POW10.length) return null;
  const x = a.int / POW10[a.scale];
  return x === 0 ? 0 : x;
}

/** The double nearest a / b (b ≠ 0): one correctly rounded division of exact integers. */
export function ratio(a: Scaled, b: Scaled): number | null {
  if (b.int === 0) return null;
  let num = a.int;
  let den = b.int;
  if (b.scale > a.scale) {
    num = num * POW10[b.scale - a.scale];
    if (b.scale - a.scale >= POW10.length || !Number.isSafeInteger(num)) return null;
  } else if (a.scale > b.scale) {
    den = den * POW10[a.scale - b.scale];
    if (a.scale - b.scale >= POW10.length || !Number.isSafeInteger(den)) return null;
  }
  const x = num / den;
  return x === 0 ? 0 : x;
}

export const ZERO_S: Scaled = { int: 0, scale: 0 };

/** Small integers (side, 24 hours…) as Scaled. */
export const int = (n: number): Scaled => ({ int: n, scale: 0 });

/** Every x as Scaled, or null if any cannot be. */
export function scaledAll(xs: readonly number[]): Scaled[] | null {
  const out: Scaled[] = [];
  for (const x of xs) {
    const s = scaledOf(x);
    if (s === null) return null;
    out.push(s);
  }
  return out;
}

/** Applies f to two values that may already have failed (null stays null). */
export function op(f: (a: Scaled, b: Scaled) => Scaled | null, a: Scaled | null, b: Scaled | null): Scaled | null {
  return a === null || b === null ? null : f(a, b);
}
