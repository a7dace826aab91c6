/**
 * LEGS.REBALANCE as Excel calls it (src/functions/rebalance.ts): ranges as 2-D arrays of rows,
 * omitted optional arguments as null, blank cells as null or "". Sources: the background article,
 * "How To Trade Spot & Derivatives Simultaneously", Strategy #4 (volatility capture: "Enter
 * delta-neutral, then rebalance as price moves"; "Threshold-based: Rebalance when delta exceeds
 * ±0.1"; "Time-based: Rebalance every X hours"), and the README's delta-neutral template (1 BTC,
 * 1,000 inverse BTCUSD contracts of 100 USD at 100,000; at 115,000 "Short 150 more contracts").
 */
import fc from "fast-check";
import { optionPrice } from "../../src/core/black76";
import { isDomainError } from "../../src/core/errors";
import { NO_REBALANCING, REBALANCE_HEADER, rebalanceOf } from "../../src/functions/rebalance";
import { col, expectError, grid, row } from "../helpers/answers";

const rebalance = (
  prices: unknown,
  spot: unknown,
  hedge: unknown,
  band: unknown,
  mode: unknown = null,
  fee: unknown = null,
  times: unknown = null,
) => rebalanceOf(prices, spot, hedge, band, mode, fee, times);

const HEADER = ["Price", "Delta before", "Trade", "Delta after", "Fees", "Cumulative P&L"];

describe("LEGS.REBALANCE", () => {
  test("layout: a header, one row per price (the first the entry), and the never-rebalanced book last", () => {
    expect(REBALANCE_HEADER).toEqual(HEADER);
    expect(NO_REBALANCING).toBe("No rebalancing");
    const g = grid(rebalance(col(100000, 115000, 100000), 1, row("inverse", 1000, 100), 0.1, null, 0.0005));
    expect(g).toEqual([
      HEADER,
      [100000, 0, 0, 0, 0, 0],
      [115000, 3 / 23, -3 / 23, 0, 7.5, -7.5],
      [100000, -0.15, 0.15, 0, 7.5, -15],
      ["No rebalancing", 0, "", 0, 0, -1956.5217391304348],
    ]);
  });

  // README, Strategy sheets, Delta-neutral: "1 BTC hedged with 1,000 inverse BTCUSD contracts (100 USD) at
  // 100,000; at 115,000 the net delta is +0.13, outside the ±0.1 band: 'Short 150 more contracts'".
  test("README's delta-neutral template: at 115,000 delta +0.1304, the trade shorts 150 contracts of 100 USD", () => {
    const g = grid(rebalance(col(100000, 115000), 1, row("inverse", 1000, 100), 0.1));
    const [price, before, trade, after, fee, pnl] = g[2] as number[];
    expect(price).toBe(115000);
    // 1 − 100,000/115,000 = 3/23 exactly, to the nearest double (the same in doubles is 0.13043478260869568).
    expect(before).toBe(3 / 23);
    expect(1 - 100000 / 115000).not.toBe(3 / 23);
    expect(before).toBeCloseTo(0.13, 2);
    expect((-trade * price) / 100).toBeCloseTo(150, 9);
    expect([after, fee, pnl]).toEqual([0, 0, 0]);
    expect(g[3]).toEqual(["No rebalancing", before, "", before, 0, 0]);
  });

  // The background article, Strategy #4 setup: "Long 1 BTC spot, Short 1 BTC perpetual, Delta = 0".
  test("the article's coin-sized linear hedge: nothing to rebalance, P&L 0 at every price", () => {
    const g = grid(rebalance(col(100000, 105000, 99750, 104737.5), 1, row("linear", 1), 0.1, "band", 0.0005));
    for (const r of g.slice(1, -1)) expect(r.slice(1)).toEqual([0, 0, 0, 0, 0]);
    expect(g[g.length - 1]).toEqual(["No rebalancing", 0, "", 0, 0, 0]);
  });

  test("a hedge given as a column, numeric text, 1×1 ranges and blank optional arguments work as values", () => {
    const a = rebalance(col(100000, 115000), [[1]], col("Inverse", "1000", 100), [[0.1]], "", [[""]], null);
    const b = rebalance(col(100000, 115000), 1, row("inverse", 1000, 100), 0.1);
    expect(grid(a)).toEqual(grid(b));
    // Prices as a row.
    expect(grid(rebalance(row(100000, 115000), 1, row("inverse", 1000, 100), 0.1))).toEqual(grid(b));
  });

  test("blank cells at the end of prices, times and hedge are room in a pasted range, not data", () => {
    const g = grid(
      rebalance(
        col(100000, 115000, null, ""),
        1,
        row("inverse", 1000, 100, "", null),
        0.1,
        null,
        null,
        col(46000, 46001, null, ""),
      ),
    );
    expect(g).toHaveLength(4);
    expect(g[2][0]).toBe(115000);
  });

  test("options: a delta-hedged call on a flat path loses exactly its time decay (one day a price step)", () => {
    const g = grid(rebalance(col(100000, 100000), 0, row("call", 100000, 30, 0.6, 1), 0.1));
    const decay =
      (optionPrice("call", 100000, 100000, 29, 0.6) as number) - (optionPrice("call", 100000, 100000, 30, 0.6) as number);
    expect(g[2][5]).toBe(decay);
    expect(g[1]).toEqual([100000, 0, 0, 0, 0, 0]);
  });

  test("options: rate and settlement are optional items 6 and 7 (c and p allowed)", () => {
    const a = grid(rebalance(col(100000, 104000, 99000), 0, row("c", 100000, 30, 0.6, 10, "", "inverse"), 0.05));
    const b = grid(rebalance(col(100000, 104000, 99000), 0, row("call", 100000, 30, 0.6, 10, 0, "Inverse"), 0.05));
    expect(a).toEqual(b);
    // Long gamma, put or call: after a rise the hedged book is long (the put's delta rose towards 0).
    expect(grid(rebalance(col(100000, 104000), 0, row("PUT", 100000, 30, 0.6, 1), 0.05))[2][1]).toBeGreaterThan(0.05);
  });

  // The background article: "Time-based: Rebalance every X hours".
  test("mode every: every N price steps, or every N hours with times", () => {
    const prices = col(...Array.from({ length: 7 }, (_, k) => 100000 + 2000 * k));
    const steps = grid(rebalance(prices, 1, row("inverse", 1000, 100), 2, "every"));
    expect(steps.slice(1, -1).map((r) => r[2] !== 0)).toEqual([false, false, true, false, true, false, true]);
    const hour = 1 / 24;
    const times = col(...[0, 3, 5, 9, 10, 15, 16].map((h) => 46000 + h * hour));
    const hours = grid(rebalance(prices, 1, row("inverse", 1000, 100), 4, "EVERY", 0, times));
    // 5 h (≥ 4 after 0), 9 h (4 after 5), 15 h (6 after 9)
    expect(hours.slice(1, -1).map((r) => r[2] !== 0)).toEqual([false, false, true, true, false, true, false]);
  });
});

describe("LEGS.REBALANCE errors", () => {
  const prices = col(100000, 115000);
  const inv = row("inverse", 1000, 100);

  test("hedge kinds", () => {
    expectError(
      rebalance(prices, 1, row("perp", 1), 0.1),
      "invalid",
      /^hedge must start with "linear", "inverse", "usd", "call" or "put" \(got text "perp"\)$/,
    );
    expectError(rebalance(prices, 1, row(null, 1), 0.1), "missing", /^hedge must start with .* \(got a blank cell\)$/);
    expectError(rebalance(prices, 1, row(1, 1), 0.1), "invalid", /\(got 1\)$/);
    expectError(
      rebalance(
        prices,
        1,
        [
          ["inverse", 1],
          [100, 2],
        ],
        0.1,
      ),
      "invalid",
      /^hedge must be one column or one row of cells \(got a 2×2 range\)$/,
    );
  });

  test("hedge items: missing, extra, not numbers, out of range", () => {
    expectError(
      rebalance(prices, 1, row("inverse", 1000), 0.1),
      "missing",
      /^hedge contract_size \(item 3\) is required \(got a blank cell\): e\.g\. "inverse", 1000, 100$/,
    );
    expectError(
      rebalance(prices, 1, row("linear", 1, 2), 0.1),
      "invalid",
      /^hedge "linear" takes 1 value after the kind \(coins\) \(got 2\)$/,
    );
    expectError(
      rebalance(prices, 1, row("usd", "lots"), 0.1),
      "invalid",
      /^hedge notional \(item 2\) must be a number \(got text "lots"\)$/,
    );
    expectError(
      rebalance(prices, 1, row("inverse", 1000, 0), 0.1),
      "invalid",
      /^hedge contract_size \(item 3\) must be greater than 0 \(got 0\)$/,
    );
    expectError(
      rebalance(prices, 1, row("call", 100000, 30, 60, 1), 0.1),
      "invalid",
      /^hedge vol \(item 4\) must be greater than 0 and at most 10 \(got 60\): give 60 % as 0\.6$/,
    );
    expectError(
      rebalance(prices, 1, row("call", 100000, 30, 0.6), 0.1),
      "missing",
      /^hedge quantity \(item 5\) is required \(got a blank cell\)/,
    );
    expectError(
      rebalance(prices, 1, row("put", 100000, 30, 0.6, 1, 0, "coin"), 0.1),
      "invalid",
      /^hedge settlement \(item 7\) must be "linear" \(premium in quote currency\) or "inverse" \(coin-settled\) \(got text "coin"\)$/,
    );
  });

  test("prices", () => {
    expectError(
      rebalance(col(100000, 110000, 120000, 130000, 0), 1, inv, 0.1),
      "invalid",
      /^prices \(item 5\) must be greater than 0 \(got 0\)$/,
    );
    expectError(
      rebalance(col(100000, null, 120000), 1, inv, 0.1),
      "invalid",
      /^prices \(item 2\) is blank, but prices follow it: fill it in or remove it$/,
    );
    expectError(
      rebalance(col(100000, "n/a"), 1, inv, 0.1),
      "invalid",
      /^prices \(item 2\) must be a number \(got text "n\/a"\)$/,
    );
    expectError(rebalance(col(100000, true), 1, inv, 0.1), "invalid", /^prices \(item 2\) must be a number \(got TRUE\)$/);
    expectError(
      rebalance(col(100000), 1, inv, 0.1),
      "invalid",
      /^prices must hold at least 2 prices, the entry and one more \(got 1\)$/,
    );
    expectError(rebalance(col(null, ""), 1, inv, 0.1), "missing", /^prices is required \(got no prices\)/);
    expectError(
      rebalance(
        [
          [1, 2],
          [3, 4],
        ],
        1,
        inv,
        0.1,
      ),
      "invalid",
      /^prices must be one column or one row of prices \(got a 2×2 range\)$/,
    );
  });

  test("band, mode, fee_rate, spot_qty", () => {
    expectError(rebalance(prices, 1, inv, -0.1), "invalid", /^band must be greater than 0 \(got -0\.1\)$/);
    expectError(rebalance(prices, 1, inv, null), "missing", /^band is required \(got a blank cell\)$/);
    expectError(
      rebalance(prices, 1, inv, 1.5, "every"),
      "invalid",
      /^band must be a whole number of price steps, 1 or more, when mode is "every" without times \(got 1\.5\)$/,
    );
    expectError(
      rebalance(prices, 1, inv, 0.1, "sometimes"),
      "invalid",
      /^mode must be one of "band", "every" \(got text "sometimes"\)$/,
    );
    expectError(
      rebalance(prices, 1, inv, 0.1, null, 1.5),
      "invalid",
      /^fee_rate must be greater than -1 and less than 1 \(got 1\.5\)$/,
    );
    expectError(rebalance(prices, "one", inv, 0.1), "invalid", /^spot_qty must be a number \(got text "one"\)$/);
    expectError(rebalance(prices, col(1, 2), inv, 0.1), "invalid", /^spot_qty takes a single value \(got a 2×1 range\)$/);
  });

  test("times", () => {
    const five = col(100, 101, 102, 103, 104);
    expectError(
      rebalance(five, 1, inv, 0.1, null, null, col(46000, 46001, 46002, 46003)),
      "invalid",
      /^times must have one date per price \(got 4 for 5 prices\)$/,
    );
    expectError(
      rebalance(five, 1, inv, 0.1, null, null, col(46000, 46001, 46001, 46003, 46004)),
      "invalid",
      /^times must increase \(item 3 is not after item 2\)$/,
    );
    expectError(
      rebalance(five, 1, inv, 0.1, null, null, col(46000, null, 46002, 46003, 46004)),
      "invalid",
      /^times \(item 2\) is blank, but dates follow it: fill it in or remove it$/,
    );
    expectError(
      rebalance(five, 1, inv, 0.1, null, null, col(46000, "2026-01-02", 46002, 46003, 46004)),
      "invalid",
      /^times \(item 2\) must be a number \(got text "2026-01-02"\)$/,
    );
  });
});

describe("LEGS.REBALANCE hostile input", () => {
  // As test/properties/hostile-input.test.ts: any mix of cells answers a grid of finite numbers and
  // labels, or a DomainError with a message. Never an exception, NaN, Infinity or undefined.
  const numberCell = fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 5e-324, 1e-300, 1e300, 1.7976931348623157e308, NaN, Infinity, -Infinity, 0.1, 3400, 100000),
    fc.double(),
    fc.integer({ min: -1e9, max: 1e9 }),
  );
  const cell = fc.oneof(numberCell, fc.constantFrom("", " ", null, true, "1e5", "abc", "every", "band", "__proto__"));
  const column = fc.array(fc.oneof(numberCell, numberCell, cell), { minLength: 0, maxLength: 6 }).map((xs) => xs.map((x) => [x]));
  const hedge = fc.oneof(
    fc.tuple(fc.constantFrom("linear", "usd"), numberCell).map((r) => [r]),
    fc.tuple(fc.constant("inverse"), numberCell, numberCell).map((r) => [r]),
    fc
      .tuple(
        fc.constantFrom("call", "put", "p"),
        numberCell,
        numberCell,
        numberCell,
        numberCell,
        cell,
        fc.constantFrom("", "inverse"),
      )
      .map((r) => [r]),
    column,
    cell,
  );
  test("never throws, never NaN, Infinity or undefined", () => {
    fc.assert(
      fc.property(
        fc.oneof(column, cell),
        fc.oneof(numberCell, cell),
        hedge,
        fc.oneof(numberCell, cell),
        fc.constantFrom(null, "band", "every", "x", 2),
        fc.oneof(fc.constant(null), numberCell),
        fc.oneof(fc.constant(null), column),
        (prices, spot, h, band, mode, fee, times) => {
          const r = rebalanceOf(prices, spot, h, band, mode, fee, times);
          if (isDomainError(r)) {
            expect(r.message.length).toBeGreaterThan(10);
            return;
          }
          for (const line of grid(r)) {
            for (const v of line) expect(typeof v === "string" || (typeof v === "number" && Number.isFinite(v))).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("extreme but valid numbers: #NUM! or finite, never Infinity", () => {
    const cases: unknown[][] = [
      [col(5e-324, 1e308), 1, row("inverse", 1000, 100), 0.1],
      [col(1e300, 1.7976931348623157e308, 1e-300), 1e300, row("usd", 1e300), 1e-300],
      [col(1e-300, 1e300), 1, row("put", 100000, 30, 0.6, 1, 0, "inverse"), 0.1],
      [col(1e300, 1e-300, 1e300), 1, row("call", 1e-300, 30, 10, 1e300), 0.1],
    ];
    for (const [p, s, h, b] of cases) {
      const r = rebalanceOf(p, s, h, b, null, 0.5, null);
      if (isDomainError(r)) expect(r.message).toMatch(/too large for a worksheet number/);
      else for (const line of grid(r)) for (const v of line) expect(typeof v === "string" || Number.isFinite(v)).toBe(true);
    }
  });
});
