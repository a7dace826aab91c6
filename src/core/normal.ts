/**
 * The standard normal distribution in double precision, accurate in the tails.
 *
 *   φ(x) = e^(−x²/2) / √(2π)          N(x) = ½·erfc(−x/√2) = ½·erfcx(−x/√2)·e^(−x²/2)
 *
 * erf, erfc and erfcx (erfcx(y) = e^(y²)·erfc(y)) are W. J. Cody's rational Chebyshev
 * approximations: "Rational Chebyshev approximations for the error function", Math. Comp. 23
 * (1969), 631–638, as coded in his CALERF (netlib specfun, latest modification March 19, 1990),
 * the routine behind many libraries' erf and the one Jäckel's "Let's be rational" uses. The
 * rational functions approximate to at least 18 significant digits on three intervals:
 *
 *   |y| ≤ 0.46875        erf(y)   = y·R₁(y²)
 *   0.46875 < y ≤ 4      erfcx(y) = R₂(y)
 *   y > 4                erfcx(y) = (1/√π − R₃(1/y²)/y²) / y
 *
 * so erfcx needs no exponential above 0.46875 and keeps its relative accuracy however large y is.
 *
 * Why N(x) is not simply ½·erfc(−x/√2): rounding x/√2 to a double moves the argument by up to
 * an ulp, and e^(−y²) turns that into a relative error of about x²·2⁻⁵³ (1.6e-13 at x = −38).
 * Below x = −0.6629 (y = 0.46875) we therefore take the smooth erfcx at the rounded argument,
 * which does not amplify the rounding, and e^(−x²/2) from the exact x, split as x = hi + lo with
 * hi a multiple of 2⁻¹⁰ so that hi²/2 is exact (Cody's own trick for e^(−y²), on a finer grid).
 * N is then within a few ulps of the true value down to x = −38.4, where it reaches the
 * smallest double; above x = 0.6629 it is 1 − N(−x), where 1 − N is never below 0.75.
 */

// Cody's coefficients, printed to 18 digits in CALERF, written as the shortest decimals that
// round to the same doubles (the literal 3.16112374387056560 and 3.1611237438705655 are one double).

/** erf on |y| ≤ 0.46875: numerator A and denominator B of R₁ (Cody 1969, CALERF). */
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
/** erfcx on 0.46875 < y ≤ 4: numerator C and denominator D of R₂. */
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769, 1712.0476126340707,
  2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247,
  3439.3676741437216, 1230.3393548037495,
];
/** erfcx on y > 4: numerator P and denominator Q of R₃. */
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const Q = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];

const ONE_OVER_SQRT_PI = 0.5641895835477563; // 1/√π
const ONE_OVER_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const THRESHOLD = 0.46875;
/** Below this y·y would underflow; erf(y) = 2y/√π to machine precision (Cody's XSMALL). */
const XSMALL = 1.11e-16;
/** Above this erfc(y) underflows to 0 (Cody's XBIG). */
const XBIG = 26.543;
/** Above this erfcx(y) = 1/(y√π) to machine precision (Cody's XHUGE). */
const XHUGE = 6.71e7;
/** Above this erfcx(y) underflows to 0 (Cody's XMAX). */
const XMAX = 2.53e307;
/** Below this erfcx(y) = 2e^(y²) − erfcx(−y) overflows (Cody's XNEG). */
const XNEG = -26.628;
/** |x| where N switches from erf to erfcx: 0.46875·√2. */
const CDF_SWITCH = 0.6629126073623883;

/** erf(y) for |y| ≤ 0.46875: y·R₁(y²). */
function erfSmall(y: number): number {
  const z = Math.abs(y) > XSMALL ? y * y : 0;
  let num = A[4] * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * z;
    den = (den + B[i]) * z;
  }
  return (y * (num + A[3])) / (den + B[3]);
}

/** erfcx(y) for y > 0.46875: R₂ up to 4, then the asymptotic form R₃ (no exponential). */
function erfcxLarge(y: number): number {
  if (y <= 4) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    return (num + C[7]) / (den + D[7]);
  }
  if (y >= XMAX) return 0;
  if (y >= XHUGE) return ONE_OVER_SQRT_PI / y;
  const z = 1 / (y * y);
  let num = P[5] * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * z;
    den = (den + Q[i]) * z;
  }
  return (ONE_OVER_SQRT_PI - (z * (num + P[4])) / (den + Q[4])) / y;
}

/**
 * e^(−y²) (sign = −1) or e^(y²) (sign = +1) for y ≥ 0, with y² split as Cody does: y = hi + lo,
 * hi = y truncated to a multiple of 1/16, so hi² is exact and only the small lo·(2hi + lo) is
 * rounded.
 */
function expSquare(y: number, sign: 1 | -1): number {
  const hi = Math.trunc(y * 16) / 16;
  const del = (y - hi) * (y + hi);
  return Math.exp(sign * hi * hi) * Math.exp(sign * del);
}

/** The error function. */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= THRESHOLD) return erfSmall(x);
  // 1 − erfc(y), exactly as CALERF (the subtraction loses nothing: erfc(y) < 0.51 here).
  const r = 0.5 - (y >= XBIG ? 0 : erfcxLarge(y) * expSquare(y, -1)) + 0.5;
  return x < 0 ? -r : r;
}

/** The complementary error function 1 − erf(x), accurate relative to itself for large x. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= THRESHOLD) return 1 - erfSmall(x);
  const r = y >= XBIG ? 0 : erfcxLarge(y) * expSquare(y, -1);
  return x < 0 ? 2 - r : r;
}

/** The scaled complementary error function e^(x²)·erfc(x); ~1/(x√π) for large x. */
export function erfcx(x: number): number {
  const y = Math.abs(x);
  if (y <= THRESHOLD) return Math.exp(x * x) * (1 - erfSmall(x));
  const r = erfcxLarge(y);
  if (x >= 0) return r;
  if (x < XNEG) return Infinity;
  // erfcx(−y) = 2e^(y²) − erfcx(y)
  const e = expSquare(y, 1);
  return e + e - r;
}

/** e^(−x²/2) to a few ulps: x = hi + lo with hi a multiple of 2⁻¹⁰, so hi²/2 is exact. */
export function expMinusHalfSquare(x: number): number {
  const a = Math.abs(x);
  if (a > 40) return 0; // e^(−800): below the smallest double
  const hi = Math.trunc(a * 1024) / 1024;
  const lo = a - hi;
  return Math.exp(-0.5 * hi * hi) * Math.exp(-lo * (hi + 0.5 * lo));
}

/** The standard normal density φ(x). */
export function normPdf(x: number): number {
  return ONE_OVER_SQRT_2PI * expMinusHalfSquare(x);
}

/** The standard normal distribution function N(x) = P(Z ≤ x). */
export function normCdf(x: number): number {
  if (x < -CDF_SWITCH) return 0.5 * erfcx(-x * Math.SQRT1_2) * expMinusHalfSquare(x);
  if (x > CDF_SWITCH) return 1 - normCdf(-x);
  return 0.5 + 0.5 * erf(x * Math.SQRT1_2);
}
