/**
 * LEGS.OPTIONPRICE (src/functions/options.ts): Excel arguments into Black-76. The math itself,
 * its accuracy and its properties are test/core/black76.test.ts; here what a cell passes.
 */
import { optionPrice } from "../../src/core/black76";
import { optionPriceOf } from "../../src/functions/options";
import { col, expectError, grid, num, row } from "../helpers/answers";

const price = (...a: unknown[]) => optionPriceOf(...a, ...new Array(7 - a.length).fill(null));

describe("LEGS.OPTIONPRICE", () => {
  // J. Hull, Options, Futures, and Other Derivatives, the futures-options chapter (Black's
  // model): a 4-month put on a futures price of 20, strike 20, r = 9 %, σ = 25 % is worth 1.12.
  test("Hull: put, F = K = 20, 4 months, σ = 25 %, r = 9 % → 1.12", () => {
    expect(num(price("put", 20, 20, 365 / 3, 0.25, 0.09))).toBeCloseTo(1.1166, 4);
  });

  // Hull: a 6-month call on gold futures, F = 620, K = 600, r = 5 %, σ = 20 % → 44.19.
  test("Hull: call on gold futures, F = 620, K = 600, 6 months, σ = 20 %, r = 5 % → 44.19", () => {
    expect(num(price("call", 620, 600, 182.5, 0.2, 0.05))).toBeCloseTo(44.19, 2);
  });

  test("the README's worked example: 6,853.94 USD linear, 0.068539 BTC coin-settled", () => {
    expect(num(price("call", 100000, 100000, 30, 0.6))).toBeCloseTo(6853.94, 2);
    expect(num(price("call", 100000, 100000, 30, 0.6, 0, "inverse"))).toBeCloseTo(0.068539, 6);
  });

  test("type: call, put, c, p in any case and with spaces; numeric text reads as a number", () => {
    const c = num(price("call", 100000, 110000, 30, 0.6));
    for (const t of ["CALL", " c ", "C", "Call"]) expect(num(price(t, 100000, 110000, 30, 0.6))).toBe(c);
    expect(num(price("P", "100000", "110000", "30", "0.6"))).toBe(num(price("put", 100000, 110000, 30, 0.6)));
  });

  test("rate and settlement default to 0 and linear when omitted or blank; inverse = linear ÷ forward", () => {
    const linear = num(price("call", 100000, 100000, 30, 0.6));
    expect(num(price("call", 100000, 100000, 30, 0.6, "", ""))).toBe(linear);
    expect(num(price("call", 100000, 100000, 30, 0.6, 0, "LINEAR"))).toBe(linear);
    const coin = num(price("call", 100000, 100000, 30, 0.6, null, "inverse"));
    expect(coin).toBe(optionPrice("call", 100000, 100000, 30, 0.6, 0, "inverse"));
    expect(Math.abs(coin * 100000 - linear)).toBeLessThanOrEqual(1e-15 * linear);
  });

  test("a strike column against an expiry row spills the price surface, each cell the single call", () => {
    const strikes = col(80000, 100000, 120000);
    const days = row(7, 30, 90, 180);
    const surface = grid(price("call", 100000, strikes, days, 0.6));
    expect(surface).toHaveLength(3);
    surface.forEach((r, i) => r.forEach((v, j) => expect(v).toBe(num(price("call", 100000, strikes[i][0], days[0][j], 0.6)))));
  });

  test("a column of types runs down a table of calls and puts (put–call parity holds row by row)", () => {
    const out = grid(price(col("call", "put"), 100, 90, 30, 0.5));
    expect((out[0][0] as number) - (out[1][0] as number)).toBeCloseTo(10, 12);
  });

  test("one bad cell of a spill is an error in that cell; the others compute", () => {
    const out = grid(price("put", 100, col(100, 0, 120), 30, 0.5));
    expect(typeof out[0][0]).toBe("number");
    expectError(out[1][0], "invalid", /^strike must be greater than 0 \(got 0\)$/);
    expect(typeof out[2][0]).toBe("number");
  });

  test("errors name the argument, the value and what is allowed", () => {
    expectError(
      price("straddle", 100, 100, 30, 0.5),
      "invalid",
      /type must be "call", "put", "c" or "p" \(got text "straddle"\)/,
    );
    expectError(price("", 100, 100, 30, 0.5), "missing", /type is required/);
    expectError(price("call", null, 100, 30, 0.5), "missing", /forward is required/);
    expectError(price("call", 100, 100, 0, 0.5), "invalid", /^days must be greater than 0 \(got 0\)$/);
    expectError(price("call", 100, 100, 46000, 0.5), "invalid", /days must be at most 36500.*not the expiry date/);
    expectError(price("call", 100, 100, 30, 60), "invalid", /vol must be at most 10.*give 60 % as 0.6/);
    expectError(price("call", 100, 100, 30, 0.5, 5), "invalid", /rate must be between -1 and 1.*give 5 % as 0.05/);
    expectError(
      price("call", 100, 100, 30, 0.5, 0, "coin"),
      "invalid",
      /settlement must be "linear".*or "inverse".*got text "coin"/,
    );
    expectError(price("call", 100, 100, 30, true), "invalid", /vol must be a number \(got TRUE\)/);
    expectError(
      price("call", col(1, 2), row(1, 2, 3), col(1, 2, 3), 0.5),
      "invalid",
      /forward is a 2×1 range but the other ranges make 3×3: give ranges of the same shape/,
    );
  });
});
