/**
 * The statistics behind LEGS.HEDGESTATS (src/core/hedge-stats.ts).
 *
 * Published numbers: Hull, Options, Futures and Other Derivatives, "Cross hedging" (the airline
 * hedging jet fuel with heating-oil futures), Table 3.3 in the 8th and later editions: 15
 * successive monthly changes in the heating-oil futures price and the jet-fuel price per gallon,
 * with σ_F = 0.0313, σ_S = 0.0263, ρ = 0.928, and h* = ρ σ_S/σ_F = 0.928 × 0.0263/0.0313 = 0.78.
 * The table as reproduced (with the same σ and ρ) in an exercise built on it, solutioninn.com,
 * "Q4. An airline expects to purchase 2.5 million gallons of jet fuel in 1 month…".
 */
import fc from "fast-check";
import { DomainError } from "../../src/core/errors";
import { HedgeStats, hedgeStats, PairStats, pairStats, returnsOf } from "../../src/core/hedge-stats";
import { expectError } from "../helpers/answers";

/** Hull's Table 3.3: change in heating-oil futures price (hedge) and jet-fuel price (spot), $/gallon. */
const HEATING_OIL = [
  0.021, 0.035, -0.046, 0.001, 0.044, -0.029, -0.026, -0.029, 0.048, -0.006, -0.036, -0.011, 0.019, -0.027, 0.029,
];
const JET_FUEL = [0.029, 0.02, -0.044, 0.008, 0.026, -0.019, -0.01, -0.007, 0.043, 0.011, -0.036, -0.018, 0.009, -0.032, 0.023];

function ok<T>(x: T | DomainError): T {
  if (x instanceof DomainError) throw new Error(`${x.kind}: ${x.message}`);
  return x;
}
const value = (x: number | DomainError): number => ok(x);
const stats = (s: number[], f: number[], mode: "simple" | "log" = "simple"): HedgeStats =>
  ok(hedgeStats(Float64Array.from(s), Float64Array.from(f), mode));

/** Prices from a start and per-period changes (cumulative sums). */
const fromChanges = (start: number, changes: number[]): number[] => {
  const out = [start];
  for (const d of changes) out.push(out[out.length - 1] + d);
  return out;
};

/** Prices whose simple returns are `returns` (P_t = P_{t−1} × (1 + r_t)). */
const fromReturns = (start: number, returns: number[]): number[] => {
  const out = [start];
  for (const r of returns) out.push(out[out.length - 1] * (1 + r));
  return out;
};

describe("pairStats on Hull's jet fuel / heating oil changes", () => {
  const p: PairStats = ok(pairStats(JET_FUEL, HEATING_OIL));

  test("σ_S = 0.0263, σ_F = 0.0313, ρ = 0.928 (sample standard deviations, as Hull's)", () => {
    expect(p.periods).toBe(15);
    expect(p.spotVolatility).toBeCloseTo(0.0263, 4);
    expect(p.hedgeVolatility).toBeCloseTo(0.0313, 4);
    expect(value(p.correlation)).toBeCloseTo(0.928, 3);
  });

  test("h* = Cov/Var(F) = ρ σ_S/σ_F: 0.7777 from the data, Hull's 0.928 × 0.0263/0.0313 = 0.7798 ≈ 0.78", () => {
    const h = value(p.hedgeRatio);
    expect(h).toBeCloseTo(0.77765, 5);
    expect(h).toBeCloseTo((value(p.correlation) * p.spotVolatility) / p.hedgeVolatility, 14);
    // Hull works from σ and ρ rounded to 3 figures: 0.7798; both round to his 0.78.
    expect(Math.abs(h - (0.928 * 0.0263) / 0.0313)).toBeLessThan(0.003);
    expect(h).toBeCloseTo(0.78, 2);
  });

  test("effectiveness ρ² = 0.928² ≈ 0.86 (0.8619 unrounded); the hedged σ is σ_S √(1 − ρ²); the largest gap is month 8", () => {
    expect(value(p.effectiveness)).toBeCloseTo(0.928 ** 2, 2);
    expect(value(p.effectiveness)).toBeCloseTo(0.86188, 5);
    expect(value(p.hedgedVolatility)).toBeCloseTo(p.spotVolatility * Math.sqrt(1 - value(p.effectiveness)), 14);
    // |0.020 − 0.035| = 0.015 in month 2, |−0.007 − (−0.029)| = 0.022 in month 8: month 8 is largest.
    expect(p.largestDivergence).toBeCloseTo(0.022, 15);
    expect(p.largestDivergenceAt).toBe(7);
  });
});

describe("hedgeStats on prices", () => {
  test("Hull's changes as prices: h* on price changes is his 0.7777 (≈ 0.78)", () => {
    const s = stats(fromChanges(2, JET_FUEL), fromChanges(2.1, HEATING_OIL));
    expect(s.periods).toBe(15);
    expect(value(s.hedgeRatioChanges)).toBeCloseTo(0.77765, 5);
    expect(value(s.hedgeRatioChanges)).toBeCloseTo(value(ok(pairStats(JET_FUEL, HEATING_OIL)).hedgeRatio), 12);
  });

  test("Hull's numbers as simple returns: σ_S = 0.0263, σ_F = 0.0313, ρ = 0.928, h (returns) = 0.7777", () => {
    const s = stats(fromReturns(100, JET_FUEL), fromReturns(50, HEATING_OIL));
    expect(s.spotVolatility).toBeCloseTo(0.0263, 4);
    expect(s.hedgeVolatility).toBeCloseTo(0.0313, 4);
    expect(value(s.correlation)).toBeCloseTo(0.928, 3);
    expect(s.hedgeRatioReturns).toBeCloseTo(0.77765, 5);
    expect(value(s.effectiveness)).toBeCloseTo(0.8619, 4);
    expect(s.hedgedVolatility).toBeCloseTo(s.spotVolatility * Math.sqrt(1 - value(s.effectiveness)), 13);
    expect(s.largestDivergence).toBeCloseTo(0.022, 12);
    expect(s.largestDivergenceAt).toBe(7);
  });

  test("a hand-checked window of 3 prices: returns 10 % and −10 % against 5 % and −5 %", () => {
    // Spot 100 → 110 → 99: simple returns 0.1, −0.1; hedge 200 → 210 → 199.5: 0.05, −0.05.
    const s = stats([100, 110, 99], [200, 210, 199.5]);
    expect(s.periods).toBe(2);
    expect(value(s.correlation)).toBe(1);
    expect(s.hedgeRatioReturns).toBeCloseTo(2, 14);
    expect(value(s.effectiveness)).toBe(1);
    // Sample σ of {0.1, −0.1}: √(0.02 / 1) = 0.1414…
    expect(s.spotVolatility).toBeCloseTo(Math.sqrt(0.02), 14);
    expect(s.hedgeVolatility).toBeCloseTo(Math.sqrt(0.005), 14);
    expect(s.hedgedVolatility).toBeCloseTo(0, 14);
    // Changes +10, −11 against +10, −10.5: h* = Cov/Var = (10.5 × 10.25) / (10.25²) … exactly 21/20.5.
    expect(value(s.hedgeRatioChanges)).toBeCloseTo(21 / 20.5, 14);
    expect(s.largestDivergence).toBeCloseTo(0.05, 14);
    expect(s.largestDivergenceAt).toBe(0);
  });

  test("log returns: ln(P_t / P_{t−1})", () => {
    const out = new Float64Array(2);
    returnsOf([100, 110, 99], 3, "log", out);
    expect(out[0]).toBeCloseTo(Math.log(1.1), 15);
    expect(out[1]).toBeCloseTo(Math.log(0.9), 15);
    const s = stats([100, 110, 99], [200, 230, 190], "log");
    const a = [Math.log(1.1), Math.log(0.9)];
    const b = [Math.log(230 / 200), Math.log(190 / 230)];
    expect(s.largestDivergence).toBeCloseTo(Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])), 14);
    expect(value(s.correlation)).toBe(1); // two points are always on a line
  });

  test("identical series: ρ = 1, h = 1 both ways, R² = 1, hedged volatility 0, no divergence", () => {
    const p = [100, 103, 101, 107, 104, 104, 110];
    const s = stats(p, p);
    expect(value(s.correlation)).toBe(1);
    expect(value(s.hedgeRatioChanges)).toBe(1);
    expect(s.hedgeRatioReturns).toBe(1);
    expect(value(s.effectiveness)).toBe(1);
    expect(s.hedgedVolatility).toBe(0);
    expect(s.largestDivergence).toBe(0);
    expect(s.largestDivergenceAt).toBe(0);
  });

  test("a hedge whose returns are −½ the spot's: ρ = −1, h (returns) = −2; changes mirrored: h* = −1", () => {
    const moves = [0.1, -0.05, 0.08, -0.12, 0.03];
    const s = stats(
      fromReturns(100, moves),
      fromReturns(
        40,
        moves.map((r) => -r / 2),
      ),
    );
    expect(value(s.correlation)).toBeCloseTo(-1, 14);
    expect(s.hedgeRatioReturns).toBeCloseTo(-2, 13);
    expect(value(s.effectiveness)).toBeCloseTo(1, 14);
    expect(s.hedgedVolatility).toBeCloseTo(0, 14);
    const mirrored = stats([100, 110, 100, 120], [100, 90, 100, 80]);
    expect(value(mirrored.hedgeRatioChanges)).toBe(-1);
    expect(value(mirrored.correlation)).toBeLessThan(-0.999); // returns are not exactly mirrored
  });
});

describe("hedgeStats errors and degenerate windows", () => {
  const f = (a: number[]) => Float64Array.from(a);

  test("fewer than 3 prices is #N/A", () => {
    expectError(
      hedgeStats(f([1, 2]), f([1, 2])),
      "missing",
      /^spot_prices and hedge_prices hold 2 pairs of prices: at least 3 are needed \(2 returns\)$/,
    );
    expectError(hedgeStats(f([]), f([])), "missing", /hold 0 pairs of prices/);
  });

  test("a price that is not > 0 is #VALUE! naming it", () => {
    expectError(
      hedgeStats(f([1, 2, 0]), f([1, 2, 3])),
      "invalid",
      /^spot_prices \(item 3\) must be a price greater than 0 \(got 0\)$/,
    );
    expectError(
      hedgeStats(f([1, 2, 3]), f([1, NaN, 3])),
      "invalid",
      /^hedge_prices \(item 2\) must be a price greater than 0 \(got NaN\)$/,
    );
    expectError(hedgeStats(f([1, 2, 3]), f([1, 2])), "invalid", /^spot_prices holds 3 prices and hedge_prices 2/);
  });

  test("a constant hedge is #DIV/0! (its variance is 0)", () => {
    expectError(
      hedgeStats(f([100, 101, 99, 102]), f([50, 50, 50, 50])),
      "divzero",
      /^hedge_prices does not move \(every price is 50\): the hedge ratio divides by the variance of its returns, which is 0$/,
    );
    // The same return every period (to rounding): also no variance to divide by.
    expectError(
      hedgeStats(f([100, 101, 99, 102]), f([100, 110, 121, 133.1])),
      "divzero",
      /^hedge_prices has the same simple return every period \(0\.1\): the hedge ratio divides/,
    );
  });

  test("a spot that does not move: correlation and R² are #DIV/0!, the hedge ratio 0", () => {
    const s = ok(hedgeStats(f([100, 100, 100, 100]), f([50, 51, 49, 52])));
    expectError(
      s.correlation,
      "divzero",
      /^spot_prices does not move \(every price is 100\): the correlation divides by the volatility of its returns, which is 0$/,
    );
    expectError(s.effectiveness, "divzero", /spot_prices does not move/);
    expect(s.hedgeRatioReturns).toBe(0);
    expect(value(s.hedgeRatioChanges)).toBe(0);
    expect(s.hedgedVolatility).toBe(0);
  });

  test("a hedge moving by the same amount each period: only h* on changes is #DIV/0!", () => {
    const s = ok(hedgeStats(f([100, 101, 99, 102]), f([100.1, 100.2, 100.3, 100.4])));
    expectError(
      s.hedgeRatioChanges,
      "divzero",
      /^hedge_prices moves by the same amount every period \(0\.1\): the hedge ratio on price changes divides by the variance of the changes, which is 0$/,
    );
    expect(typeof s.correlation).toBe("number");
  });

  test("prices whose statistics overflow a double are #NUM!, never Infinity", () => {
    expectError(hedgeStats(f([1e-300, 1e300, 1]), f([1, 2, 1.5])), "overflow", /too large for a worksheet number/);
  });

  test("a long window between two short ones leaves no trace (the returns' arrays are reused)", () => {
    const short = (): HedgeStats => stats([100, 103, 101, 107, 104], [50, 51, 50.2, 53, 52]);
    const before = short();
    for (const n of [140000, 1000]) {
      const s = new Float64Array(n);
      const h = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        s[i] = 100 + Math.sin(i / 7) * 10;
        h[i] = 50 + Math.sin(i / 7 + 0.1) * 5 + Math.cos(i / 3);
      }
      const long = ok(hedgeStats(s, h));
      expect(long.periods).toBe(n - 1);
      expect(value(long.correlation)).toBeGreaterThan(0.5);
    }
    expect(short()).toEqual(before);
  });

  test("pairStats: fewer than 2 values, a hedge that does not vary", () => {
    expectError(pairStats([1], [1]), "missing", /at least 2 are needed/);
    const p = ok(pairStats([1, 2, 3], [5, 5, 5]));
    expectError(p.hedgeRatio, "divzero", /the hedge series does not vary/);
    expectError(p.correlation, "divzero", /the hedge series does not vary/);
  });
});

describe("properties", () => {
  /** A random walk of positive prices: a start and per-period moves of up to ±20 %, in basis points. */
  const walk = (n: number) =>
    fc
      .tuple(
        fc.double({ min: 1e-4, max: 1e6, noNaN: true }),
        fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: n, maxLength: n }),
      )
      .map(([start, bps]) =>
        fromReturns(
          start,
          bps.map((b) => b / 10000),
        ),
      );
  const pair = fc.integer({ min: 2, max: 40 }).chain((n) => fc.tuple(walk(n), walk(n)));
  const mode = fc.constantFrom<"simple" | "log">("simple", "log");
  const ratio = (s: HedgeStats) => s.hedgeRatioReturns;
  const moving = (s: number[]) => new Set(s).size > 2;

  test("a series against itself: h = 1 both ways, R² = 1", () => {
    fc.assert(
      fc.property(walk(10), mode, (p, m) => {
        fc.pre(moving(p));
        const s = stats(p, p, m);
        expect(s.hedgeRatioReturns).toBe(1);
        expect(value(s.hedgeRatioChanges)).toBe(1);
        expect(value(s.effectiveness)).toBe(1);
        expect(s.hedgedVolatility).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  test("scaling the hedge prices by k: returns, ρ and h (returns) unchanged; h* on price changes scales by 1/k", () => {
    fc.assert(
      fc.property(pair, mode, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), ([sp, hp], m, k) => {
        fc.pre(moving(sp) && moving(hp));
        const a = hedgeStats(Float64Array.from(sp), Float64Array.from(hp), m);
        const b = hedgeStats(Float64Array.from(sp), Float64Array.from(hp.map((x) => x * k)), m);
        fc.pre(!(a instanceof DomainError) && !(b instanceof DomainError));
        const sa = a as HedgeStats;
        const sb = b as HedgeStats;
        expect(ratio(sb)).toBeCloseTo(ratio(sa), 6);
        if (typeof sa.correlation === "number") expect(value(sb.correlation)).toBeCloseTo(sa.correlation, 8);
        if (typeof sa.hedgeRatioChanges === "number") {
          const hb = value(sb.hedgeRatioChanges);
          expect(Math.abs(hb * k - sa.hedgeRatioChanges)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(sa.hedgeRatioChanges)));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("a hedge that is a linear function of the spot: ρ = ±1 on changes (pairStats)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 30 }),
        fc.integer({ min: -8, max: 8 }).filter((a) => a !== 0),
        fc.integer({ min: -100, max: 100 }),
        (xs, a, b) => {
          fc.pre(new Set(xs).size > 1);
          const p = ok(
            pairStats(
              xs,
              xs.map((x) => a * x + b),
            ),
          );
          expect(value(p.correlation)).toBeCloseTo(Math.sign(a), 12);
          expect(value(p.hedgeRatio)).toBeCloseTo(1 / a, 12);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("R² in [0, 1], |ρ| ≤ 1, hedged volatility ≤ spot volatility, all finite", () => {
    fc.assert(
      fc.property(pair, mode, ([sp, hp], m) => {
        const r = hedgeStats(Float64Array.from(sp), Float64Array.from(hp), m);
        if (r instanceof DomainError) {
          expect(r.kind).toBe("divzero");
          return;
        }
        for (const v of Object.values(r)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        if (typeof r.effectiveness === "number") {
          expect(r.effectiveness).toBeGreaterThanOrEqual(0);
          expect(r.effectiveness).toBeLessThanOrEqual(1);
          expect(Math.abs(value(r.correlation))).toBeLessThanOrEqual(1);
        }
        expect(r.hedgedVolatility).toBeLessThanOrEqual(r.spotVolatility * (1 + 1e-12));
        expect(r.largestDivergence).toBeGreaterThanOrEqual(0);
        expect(r.periods).toBe(sp.length - 1);
      }),
      { numRuns: 500 },
    );
  });

  test("the optimal ratio on returns minimises the hedged volatility: any other ratio does no better", () => {
    fc.assert(
      fc.property(pair, fc.double({ min: -3, max: 3, noNaN: true }), ([sp, hp], other) => {
        const r = hedgeStats(Float64Array.from(sp), Float64Array.from(hp), "simple");
        fc.pre(!(r instanceof DomainError));
        const s = r as HedgeStats;
        const rs = new Float64Array(sp.length - 1);
        const rf = new Float64Array(sp.length - 1);
        returnsOf(sp, sp.length, "simple", rs);
        returnsOf(hp, hp.length, "simple", rf);
        const book = Array.from(rs, (x, i) => x - other * rf[i]);
        const mean = book.reduce((a, b) => a + b, 0) / book.length;
        const sd = Math.sqrt(book.reduce((a, b) => a + (b - mean) ** 2, 0) / (book.length - 1));
        expect(s.hedgedVolatility).toBeLessThanOrEqual(sd * (1 + 1e-9) + 1e-15);
      }),
      { numRuns: 300 },
    );
  });
});
