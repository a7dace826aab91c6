/**
 * An independent high-precision normal distribution for the tests of src/core/normal.ts and
 * src/core/black76.ts: erfc by its power series below 5 (Abramowitz & Stegun 7.1.6, positive
 * terms, no cancellation) and by its continued fraction above (A&S 7.1.14), in decimal.js at the
 * precision asked for; N(x) = ½·erfc(−x/√2).
 */
import { Decimal } from "decimal.js";

export type RefDecimal = Decimal;
type Ref = Decimal;

export function normalReference(precision: number) {
  const Ref = Decimal.clone({ precision });
  const SQRT_PI = Ref.acos(-1).sqrt();
  const SQRT2 = new Ref(2).sqrt();
  const EPS = new Ref(`1e-${precision + 5}`);
  /** The exact value of a double (40 significant digits are plenty for a 53-bit mantissa here). */
  const exact = (x: number): Ref => new Ref(x.toPrecision(40));

  /** erf(z), 0 ≤ z < ~6: (2/√π)·e^(−z²)·Σ (2z²)ⁿ·z / (2n + 1)!!. */
  function erfSeries(z: Ref): Ref {
    const z2 = z.times(z).times(2);
    let term = z;
    let sum = z;
    for (let n = 1; n < 2000; n++) {
      term = term.times(z2).div(2 * n + 1);
      sum = sum.plus(term);
      if (term.lt(sum.times(EPS))) break;
    }
    return sum.times(z.times(z).neg().exp()).times(2).div(SQRT_PI);
  }

  /** erfc(z), z ≥ 5: e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), from depth `depth`. */
  function erfcFraction(z: Ref, depth = 400): Ref {
    let f = z;
    for (let k = depth; k >= 1; k--) f = z.plus(new Ref(k).div(2).div(f));
    return z.times(z).neg().exp().div(SQRT_PI).div(f);
  }

  function erfcRef(z: Ref): Ref {
    if (z.isNeg()) return new Ref(2).minus(erfcRef(z.neg()));
    return z.lt(5) ? new Ref(1).minus(erfSeries(z)) : erfcFraction(z);
  }

  /** N(d) and φ(d) at this precision. */
  const N = (d: Ref): Ref => erfcRef(d.neg().div(SQRT2)).div(2);
  const phi = (d: Ref): Ref => d.times(d).div(-2).exp().div(Ref.acos(-1).times(2).sqrt());
  return { Ref, exact, erfSeries, erfcFraction, erfcRef, N, phi };
}
