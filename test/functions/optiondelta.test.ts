/**
 * LEGS.OPTIONDELTA (src/functions/options.ts): Black delta for linear options, the
 * premium-adjusted (Deribit "net transaction") delta for coin-settled ones.
 */
import { optionDeltaOf, optionPriceOf } from "../../src/functions/options";
import { col, expectError, grid, num } from "../helpers/answers";

const delta = (...a: unknown[]) => optionDeltaOf(...a, ...new Array(7 - a.length).fill(null));
const price = (...a: unknown[]) => optionPriceOf(...a, ...new Array(7 - a.length).fill(null));

describe("LEGS.OPTIONDELTA", () => {
  // Hull's futures put (F = K = 20, 4 months, σ = 25 %, r = 9 %): d1 = 0.0722, so the put's delta
  // is −e^(−0.03)·N(−0.0722) = −0.9704 × 0.4712 = −0.457.
  test("Hull's futures put: −DF·N(−d1) = −0.457", () => {
    expect(num(delta("put", 20, 20, 365 / 3, 0.25, 0.09))).toBeCloseTo(-0.4573, 4);
  });

  // Deribit's FAQ: buying a 0.50-delta call for 0.10 BTC adds 0.40 BTC of exposure, because the
  // premium paid in BTC no longer moves with the price: net transaction delta = delta − premium.
  test("coin-settled: the premium-adjusted delta = Black delta − premium in coin", () => {
    for (const [type, K] of [
      ["call", 90000],
      ["call", 120000],
      ["put", 100000],
      ["put", 70000],
    ] as const) {
      const black = num(delta(type, 100000, K, 45, 0.55));
      const coin = num(price(type, 100000, K, 45, 0.55, 0, "inverse"));
      const adjusted = num(delta(type, 100000, K, 45, 0.55, 0, "inverse"));
      expect(adjusted).toBeCloseTo(black - coin, 14);
      expect(adjusted).toBeLessThan(black);
    }
  });

  test("a column of strikes spills the deltas, calls falling from near 1 to near 0", () => {
    const out = grid(delta("call", 100000, col(50000, 100000, 200000), 30, 0.6)).map((r) => r[0] as number);
    expect(out[0]).toBeGreaterThan(0.99);
    expect(out[1]).toBeCloseTo(0.5, 1);
    expect(out[2]).toBeLessThan(0.01);
  });

  test("errors name the argument", () => {
    expectError(delta("call", -1, 100, 30, 0.5), "invalid", /^forward must be greater than 0 \(got -1\)$/);
    expectError(delta("call", 100, 100, 30, ""), "missing", /vol is required/);
  });
});
