/**
 * LEGS.OPTIONGREEKS (src/functions/options.ts): price, delta, gamma, vega, theta as one row per
 * option; a column of options spills a row each, a row of options a column each.
 */
import { optionGreeks } from "../../src/core/black76";
import { optionGreeksOf } from "../../src/functions/options";
import { col, expectError, grid, row } from "../helpers/answers";

const greeks = (...a: unknown[]) => optionGreeksOf(...a, ...new Array(7 - a.length).fill(null));

const coreRow = (type: "call" | "put", K: number, settlement: "linear" | "inverse" = "linear") => {
  const g = optionGreeks(type, 3000, K, 14, 0.7, 0, settlement);
  if (!("price" in g)) throw new Error(g.message);
  return [g.price, g.delta, g.gamma, g.vega, g.theta];
};

describe("LEGS.OPTIONGREEKS", () => {
  // Hull's futures put (F = K = 20, 4 months, σ = 25 %, r = 9 %): price 1.1166; delta −0.4573;
  // gamma DF·φ(d1)/(F·σ√T) = 0.9704 × 0.3979 / (20 × 0.1443) = 0.1338; vega per vol point
  // DF·F·φ(d1)·√T / 100 = 0.0446.
  test("Hull's futures put: one row of price, delta, gamma, vega, theta", () => {
    const [[p, d, g, v, t]] = grid(greeks("p", 20, 20, 365 / 3, 0.25, 0.09)) as number[][];
    expect(p).toBeCloseTo(1.1166, 4);
    expect(d).toBeCloseTo(-0.4573, 4);
    expect(g).toBeCloseTo(0.1338, 4);
    expect(v).toBeCloseTo(0.0446, 4);
    // (r·price − DF·F·φ(d1)·σ/(2√T)) / 365 = (0.1005 − 0.9704 × 20 × 0.3979 × 0.25 / 1.1547) / 365
    // = (0.1005 − 1.6721) / 365 = −0.004306 per calendar day.
    expect(t).toBeCloseTo(-0.004306, 6);
  });

  test("a column of options spills a row each; a row of options a column each (the greeks down)", () => {
    expect(grid(greeks(col("call", "put"), 3000, col(2800, 3200), 14, 0.7))).toEqual([
      coreRow("call", 2800),
      coreRow("put", 3200),
    ]);
    const across = grid(greeks("call", 3000, row(2800, 3000, 3200), 14, 0.7, 0, "inverse"));
    expect(across).toHaveLength(5);
    [2800, 3000, 3200].forEach((K, j) => expect(across.map((r) => r[j])).toEqual(coreRow("call", K, "inverse")));
  });

  test("an option with a bad input fills its row with the error; the others compute", () => {
    const out = grid(greeks("call", 3000, col(2800, -5), 14, 0.7));
    expect(out[0]).toEqual(coreRow("call", 2800));
    expect(out[1]).toHaveLength(5);
    for (const cell of out[1]) expectError(cell, "invalid", /strike must be greater than 0 \(got -5\)/);
  });

  test("a surface (rows and columns) has no room for five numbers a point: #VALUE! naming the ranges", () => {
    expectError(
      greeks("call", 3000, col(2800, 3200), row(7, 14), 0.7),
      "invalid",
      /strike, days make a 2×2 grid of options.*single row or column/,
    );
  });

  test("a single option's error is the whole answer", () => {
    expectError(greeks("call", 3000, 3000, 14, 0), "invalid", /^vol must be greater than 0 \(got 0\)$/);
  });
});
