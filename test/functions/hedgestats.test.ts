/**
 * LEGS.HEDGESTATS (src/functions/hedgestats.ts over src/core/hedge-stats.ts): the spilled table,
 * reading ranges as Excel passes them, and every error message.
 *
 * Published numbers: Hull, Options, Futures and Other Derivatives, "Cross hedging", Table 3.3
 * (8th and later editions): 15 monthly changes in the jet-fuel price (spot) and the heating-oil
 * futures price (hedge), σ_S = 0.0263, σ_F = 0.0313, ρ = 0.928, h* = 0.928 × 0.0263/0.0313 = 0.78.
 */
import { DomainError } from "../../src/core/errors";
import { HEDGE_STATS_LABELS, hedgeStatsOf } from "../../src/functions/hedgestats";
import { col, expectError, grid, row } from "../helpers/answers";

const HEATING_OIL = [
  0.021, 0.035, -0.046, 0.001, 0.044, -0.029, -0.026, -0.029, 0.048, -0.006, -0.036, -0.011, 0.019, -0.027, 0.029,
];
const JET_FUEL = [0.029, 0.02, -0.044, 0.008, 0.026, -0.019, -0.01, -0.007, 0.043, 0.011, -0.036, -0.018, 0.009, -0.032, 0.023];

/** Prices as a sheet would hold them: a start, then each month's price rounded to 4 places. */
const fromChanges = (start: number, changes: number[]): number[] => {
  const out = [start];
  for (const d of changes) out.push(Number((out[out.length - 1] + d).toFixed(4)));
  return out;
};
const fromReturns = (start: number, returns: number[]): number[] => {
  const out = [start];
  for (const r of returns) out.push(out[out.length - 1] * (1 + r));
  return out;
};

/** The table as label → value (and the header checked). */
function table(answer: ReturnType<typeof hedgeStatsOf>): Record<string, number | string | DomainError> {
  const g = grid(answer);
  expect(g.map((r) => r[0])).toEqual([...HEDGE_STATS_LABELS]);
  expect(g[0]).toEqual(["Statistic", "Value"]);
  expect(g.every((r) => r.length === 2)).toBe(true);
  return Object.fromEntries(g.slice(1).map(([k, v]) => [k as string, v]));
}
const n = (v: number | string | DomainError): number => {
  if (typeof v !== "number") throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v;
};

describe("LEGS.HEDGESTATS", () => {
  test("the layout: a header row, then ten statistics, label and value", () => {
    expect(HEDGE_STATS_LABELS).toEqual([
      "Statistic",
      "Periods",
      "Correlation",
      "Hedge ratio h* (price changes)",
      "Hedge ratio (returns)",
      "Effectiveness R²",
      "Spot volatility",
      "Hedge volatility",
      "Hedged volatility",
      "Largest divergence",
      "Largest divergence at row",
    ]);
  });

  test("Hull's jet fuel against heating-oil futures, as prices: h* on price changes = 0.7777 ≈ his 0.78", () => {
    // Jet fuel from $2.0000 and heating oil from $2.1000 a gallon, moved by Table 3.3's changes.
    const t = table(hedgeStatsOf(col(...fromChanges(2, JET_FUEL)), col(...fromChanges(2.1, HEATING_OIL)), null));
    expect(t["Periods"]).toBe(15);
    const h = n(t["Hedge ratio h* (price changes)"]);
    expect(h).toBeCloseTo(0.77765, 5);
    expect(h).toBeCloseTo(0.78, 2);
    expect(Math.abs(h - (0.928 * 0.0263) / 0.0313)).toBeLessThan(0.003);
  });

  test("Hull's numbers as monthly returns: σ_S = 0.0263, σ_F = 0.0313, ρ = 0.928, R² ≈ 0.86", () => {
    const t = table(hedgeStatsOf(col(...fromReturns(2, JET_FUEL)), col(...fromReturns(2.1, HEATING_OIL)), "simple"));
    expect(n(t["Spot volatility"])).toBeCloseTo(0.0263, 4);
    expect(n(t["Hedge volatility"])).toBeCloseTo(0.0313, 4);
    expect(n(t["Correlation"])).toBeCloseTo(0.928, 3);
    expect(n(t["Hedge ratio (returns)"])).toBeCloseTo(0.77765, 5);
    expect(n(t["Effectiveness R²"])).toBeCloseTo(0.86, 2);
    // The hedged book keeps √(1 − ρ²) of the spot's volatility: 0.0263 × 0.372 ≈ 0.0098.
    expect(n(t["Hedged volatility"])).toBeCloseTo(n(t["Spot volatility"]) * Math.sqrt(1 - n(t["Effectiveness R²"])), 12);
    // Month 8: jet fuel −0.7 %, heating oil −2.9 %: 0.022 apart, the widest. Its price is item 9.
    expect(n(t["Largest divergence"])).toBeCloseTo(0.022, 12);
    expect(t["Largest divergence at row"]).toBe(9);
  });

  test("exactly 3 prices (2 periods), a row range against a column, numeric text", () => {
    const t = table(hedgeStatsOf(row(100, 110, 99), col(200, "210", " 199.5 "), null));
    expect(t["Periods"]).toBe(2);
    expect(n(t["Correlation"])).toBe(1);
    expect(n(t["Hedge ratio (returns)"])).toBeCloseTo(2, 14);
    expect(n(t["Hedge ratio h* (price changes)"])).toBeCloseTo(21 / 20.5, 14);
    expect(n(t["Spot volatility"])).toBeCloseTo(Math.sqrt(0.02), 14);
    expect(n(t["Hedged volatility"])).toBeCloseTo(0, 14);
  });

  test("identical series: ρ = 1, both hedge ratios 1, R² = 1, hedged volatility 0", () => {
    const p = col(100, 103, 101, 107, 104, 110);
    const t = table(hedgeStatsOf(p, p, "LOG "));
    expect(t["Correlation"]).toBe(1);
    expect(t["Hedge ratio h* (price changes)"]).toBe(1);
    expect(t["Hedge ratio (returns)"]).toBe(1);
    expect(t["Effectiveness R²"]).toBe(1);
    expect(t["Hedged volatility"]).toBe(0);
    expect(t["Largest divergence"]).toBe(0);
    expect(t["Largest divergence at row"]).toBe(2);
  });

  test("log returns: ln(P_t/P_{t−1})", () => {
    const t = table(hedgeStatsOf(col(100, 110, 99, 105), col(50, 52, 51, 55), "log"));
    const rs = [Math.log(1.1), Math.log(0.9), Math.log(105 / 99)];
    const rf = [Math.log(52 / 50), Math.log(51 / 52), Math.log(55 / 51)];
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    const sd = (a: number[]) => Math.sqrt(a.reduce((x, y) => x + (y - mean(a)) ** 2, 0) / (a.length - 1));
    expect(n(t["Spot volatility"])).toBeCloseTo(sd(rs), 14);
    expect(n(t["Hedge volatility"])).toBeCloseTo(sd(rf), 14);
    const gaps = rs.map((r, i) => Math.abs(r - rf[i]));
    expect(n(t["Largest divergence"])).toBeCloseTo(Math.max(...gaps), 14);
    expect(t["Largest divergence at row"]).toBe(gaps.indexOf(Math.max(...gaps)) + 2);
  });

  test("rows blank in both legs are skipped; rows keep their numbers in the table", () => {
    const t = table(hedgeStatsOf(col(100, "", 110, 99, null, ""), col(200, null, 210, 199.5, "", "  "), null));
    expect(t["Periods"]).toBe(2);
    expect(n(t["Hedge ratio (returns)"])).toBeCloseTo(2, 14);
    // Period 100 → 110 ends at item 3, 110 → 99 at item 4: the second is (just) the wider.
    expect([3, 4]).toContain(t["Largest divergence at row"]);
    const u = table(hedgeStatsOf(col(100, 100, "", 130, 99), col(50, 50, "", 52, 51), null));
    expect(u["Largest divergence at row"]).toBe(4);
    // The same across a row, and a row against a column.
    expect(table(hedgeStatsOf(row(100, 100, "", 130, 99), row(50, 50, "", 52, 51), null))["Largest divergence at row"]).toBe(4);
    expect(table(hedgeStatsOf(row(100, 100, "", 130, 99), col(50, 50, null, 52, 51), null))["Largest divergence at row"]).toBe(4);
  });

  test("a spot that does not move: its correlation and R² cells are #DIV/0!, the rest compute", () => {
    const t = table(hedgeStatsOf(col(100, 100, 100, 100), col(50, 51, 49, 52), null));
    expectError(
      t["Correlation"],
      "divzero",
      /^spot_prices does not move \(every price is 100\): the correlation divides by the volatility of its returns, which is 0$/,
    );
    expectError(t["Effectiveness R²"], "divzero", /spot_prices does not move/);
    expect(t["Hedge ratio (returns)"]).toBe(0);
    expect(t["Hedged volatility"]).toBe(0);
  });

  test("errors, each message exactly", () => {
    const spot = col(100, 101, 102, 101.5);
    const hedge = col(50, 50.4, 51, 50.9);
    expectError(hedgeStatsOf(spot, hedge, "pct"), "invalid", /^returns must be one of "simple", "log" \(got text "pct"\)$/);
    expectError(hedgeStatsOf(spot, hedge, 1), "invalid", /^returns must be one of "simple", "log" \(got 1\)$/);
    expectError(
      hedgeStatsOf(spot, col(50, 50.4, 51), null),
      "invalid",
      /^spot_prices is a 4×1 range but hedge_prices is a 3×1 range: give one hedge price for each spot price$/,
    );
    expectError(
      hedgeStatsOf(
        [
          [100, 1],
          [101, 2],
          [102, 3],
        ],
        hedge,
        null,
      ),
      "invalid",
      /^spot_prices must be one column or one row of prices \(got a 3×2 range\)$/,
    );
    expectError(
      hedgeStatsOf(col(100, 101), col(50, 51), null),
      "missing",
      /^spot_prices and hedge_prices hold 2 pairs of prices: at least 3 are needed \(2 returns\)$/,
    );
    expectError(hedgeStatsOf(col("", "", ""), col("", null, ""), null), "missing", /hold 0 pairs of prices/);
    expectError(hedgeStatsOf(100, 50, null), "missing", /hold 1 pair of prices: at least 3/);
    expectError(
      hedgeStatsOf(col(100, 101, 102, -3), hedge, null),
      "invalid",
      /^spot_prices \(item 4\) must be a price greater than 0 \(got -3\)$/,
    );
    expectError(
      hedgeStatsOf(col(100, 101, 102, 0), hedge, null),
      "invalid",
      /^spot_prices \(item 4\) must be a price greater than 0 \(got 0\)$/,
    );
    expectError(
      hedgeStatsOf(col(100, 101, 102, "abc"), hedge, null),
      "invalid",
      /^spot_prices \(item 4\) must be a number \(got text "abc"\)$/,
    );
    expectError(
      hedgeStatsOf(spot, col(50, true, 51, 50.9), null),
      "invalid",
      /^hedge_prices \(item 2\) must be a number \(got TRUE\)$/,
    );
    expectError(
      hedgeStatsOf(col(100, 101, 102, 101, 100, 99, 101.5), col(50, 51, 52, 51, 50, 49, ""), null),
      "missing",
      /^hedge_prices is blank at row 7 where spot_prices has 101\.5: a window needs both legs$/,
    );
    expectError(
      hedgeStatsOf(col(100, 101, "", 101), col(50, 51, 52, 51), null),
      "missing",
      /^spot_prices is blank at row 3 where hedge_prices has 52: a window needs both legs$/,
    );
  });

  test("ranges that are not one column or one row of cells", () => {
    expectError(
      hedgeStatsOf([[100], [101, 5], [102]], col(50, 51, 52), null),
      "invalid",
      /^spot_prices must be a rectangular range \(got rows of different lengths\)$/,
    );
    expectError(
      hedgeStatsOf(col(100, 101, 102), [[50], 51, [52]], null),
      "invalid",
      /^hedge_prices must be a rectangular range \(got rows of different lengths\)$/,
    );
    expectError(
      hedgeStatsOf([], col(50, 51, 52), null),
      "invalid",
      /^spot_prices must be a range of cells \(got an empty or malformed array\)$/,
    );
    expectError(
      hedgeStatsOf(col(100, 101, 102), 50, null),
      "invalid",
      /^spot_prices is a 3×1 range but hedge_prices is a 1×1 range: give one hedge price for each spot price$/,
    );
  });

  test("a constant hedge is #DIV/0!", () => {
    expectError(
      hedgeStatsOf(col(100, 101, 99, 102), col(50, 50, 50, 50), null),
      "divzero",
      /^hedge_prices does not move \(every price is 50\): the hedge ratio divides by the variance of its returns, which is 0$/,
    );
    expectError(
      hedgeStatsOf(col(100, 101, 99, 102), col(100, 110, 121, 133.1), null),
      "divzero",
      /^hedge_prices has the same simple return every period \(0\.1\)/,
    );
    const t = table(hedgeStatsOf(col(100, 101, 99, 102), col(100, 110, 120, 130), null));
    expectError(t["Hedge ratio h* (price changes)"], "divzero", /^hedge_prices moves by the same amount every period \(10\)/);
    expect(typeof t["Hedge ratio (returns)"]).toBe("number");
  });

  test("never NaN or Infinity: absurd prices are #NUM!", () => {
    expectError(hedgeStatsOf(col(1e-300, 1e300, 1), col(1, 2, 1.5), null), "overflow", /too large for a worksheet number/);
  });

  test("100,000 prices in one pass", () => {
    let s = 100;
    let f = 100;
    const spot: number[][] = [];
    const hedge: number[][] = [];
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
    for (let i = 0; i < 100000; i++) {
      const common = rand() * 0.02;
      s *= 1 + common + rand() * 0.002;
      f *= 1 + common + rand() * 0.002;
      spot.push([s]);
      hedge.push([f]);
    }
    const t = table(hedgeStatsOf(spot, hedge, null));
    expect(t["Periods"]).toBe(99999);
    expect(n(t["Correlation"])).toBeGreaterThan(0.98);
    expect(n(t["Hedge ratio (returns)"])).toBeCloseTo(1, 1);
  });
});
