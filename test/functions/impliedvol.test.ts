/**
 * LEGS.IMPLIEDVOL (src/functions/options.ts): the volatility that gives a price; #N/A when none
 * does. The solver's accuracy over the domain is tested in test/core/black76.test.ts.
 */
import { impliedVolOf, optionPriceOf } from "../../src/functions/options";
import { col, expectError, grid, num, row } from "../helpers/answers";

const iv = (...a: unknown[]) => impliedVolOf(...a, ...new Array(7 - a.length).fill(null));
const price = (...a: unknown[]) => optionPriceOf(...a, ...new Array(7 - a.length).fill(null));

describe("LEGS.IMPLIEDVOL", () => {
  test("Hull's futures put priced 1.1166 → σ ≈ 25 %", () => {
    expect(num(iv("put", 20, 20, 365 / 3, 1.1166, 0.09))).toBeCloseTo(0.25, 4);
  });

  test("round trip over a price surface, coin-settled: prices in BTC back to the vols, to 1e-8", () => {
    const strikes = col(85000, 100000, 115000, 130000);
    const days = row(7, 30, 365);
    const vols = [0.45, 0.6, 0.9];
    for (const vol of vols) {
      const prices = grid(price("call", 100000, strikes, days, vol, 0, "inverse"));
      const back = grid(iv("call", 100000, strikes, days, prices, 0, "inverse"));
      back.forEach((r) => r.forEach((v) => expect(Math.abs((v as number) - vol)).toBeLessThan(1e-8)));
    }
  });

  test("#N/A with a message when no volatility gives the price", () => {
    // Below the intrinsic value: a 90-strike call on 100 worth less than 10.
    expectError(iv("call", 100, 90, 30, 9.5), "missing", /price/);
    // Above the no-arbitrage bound: a call worth more than the forward.
    expectError(iv("call", 100, 90, 30, 120), "missing", /price/);
    // In coin: a coin-settled call can never be worth 1 BTC or more.
    expectError(iv("call", 100000, 90000, 30, 1, 0, "inverse"), "missing", /price/);
  });

  test("errors name the argument", () => {
    expectError(iv("call", 100, 100, 30, -1), "invalid", /price must be 0 or more \(got -1\)/);
    expectError(iv("call", 100, 100, 30, "abc"), "invalid", /price must be a number \(got text "abc"\)/);
  });
});
