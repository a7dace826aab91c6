/**
 * LEGS.REALIZEDPNL against the exchange's own realized P&L on a real export, partial closes, adds
 * and flips; average cost and FIFO; linear and inverse.
 *
 * Real export: a Hyperliquid "Trade History" CSV published in the GitHub repository
 * amauryleproux/funding-farmer (trade_history.csv, commit 2e387d25cfaed936cb90bb1d50cd8154b09a0105),
 * header `time,coin,dir,px,sz,ntl,fee,closedPnl`. Hyperliquid's `closedPnl` is net of the fill's
 * whole fee (an opening fill shows closedPnl = −fee), so the gross realized P&L REALIZEDPNL answers
 * is closedPnl + fee. Hyperliquid also truncates the average entry to (6 − szDecimals) decimals
 * (ETH: 2) before using it; where that truncation matters the test says so and bounds the
 * difference by closed size × 0.01.
 */
import { realizedPnlOf } from "../../src/functions/realizedpnl";
import { col, expectError, grid, row } from "../helpers/answers";

type Fill = [side: string, size: number, price: number];
const run = (
  fills: Fill[],
  method: unknown = null,
  type: unknown = null,
  size: unknown = null,
  openingPosition: unknown = null,
  openingEntry: unknown = null,
) =>
  grid(
    realizedPnlOf(
      col(...fills.map((f) => f[0])),
      col(...fills.map((f) => f[1])),
      col(...fills.map((f) => f[2])),
      method,
      type,
      size,
      openingPosition,
      openingEntry,
    ),
  ).map((r) => r[0]);

/** Hyperliquid's closedPnl + fee: the gross realized P&L the exchange computed for that fill. */
const gross = (closedPnl: number, fee: number) => Number((closedPnl + fee).toFixed(10));

describe("against a real Hyperliquid export (closedPnl + fee = gross realized)", () => {
  test("ETH short: six opens, two partial closes, an add, the full close (lines 4–13 of the export)", () => {
    // dir, sz, px as exported; Open Short = sell, Close Short = buy.
    const fills: Fill[] = [
      ["sell", 0.0094, 2120.8],
      ["sell", 0.0094, 2122.4],
      ["sell", 0.0094, 2122.8],
      ["sell", 0.0094, 2123.2],
      ["sell", 0.0094, 2123.9],
      ["sell", 0.0094, 2124.3],
      ["buy", 0.0094, 2124.2], // closedPnl -0.015095, fee 0.002875
      ["buy", 0.0094, 2124], // closedPnl -0.013215000000000001, fee 0.002875
      ["sell", 0.0094, 2124.4], // Open Short again: re-averages to 2123.2
      ["buy", 0.047, 2127.1], // closedPnl -0.226488, fee 0.043188
    ];
    expect(run(fills)).toEqual([
      0,
      0,
      0,
      0,
      0,
      0,
      gross(-0.015095, 0.002875),
      gross(-0.013215000000000001, 0.002875),
      0,
      gross(-0.226488, 0.043188),
    ]);
    expect(run(fills).slice(6)).toEqual([-0.01222, -0.01034, 0, -0.1833]);
  });

  test("ETH flip long → short (`Long > Short`), then adds to the leftover short and closes (lines 89–100)", () => {
    const fills: Fill[] = [
      ["buy", 0.0094, 2115.7], // Open Long
      ["sell", 0.0095, 2117.3], // Long > Short: closes 0.0094, opens 0.0001 short; closedPnl 0.012143999999999999, fee 0.002896
      ["sell", 0.0041, 2118.4], // Open Short
      ["sell", 0.0053, 2118.4], // Open Short
      ["buy", 0.0094, 2116.6], // Close Short; closedPnl 0.013867, fee 0.002865
    ];
    const r = run(fills) as number[];
    // The flip realizes on the closing part only: exactly the exchange's figure.
    expect(r[1]).toBe(gross(0.012143999999999999, 0.002896));
    expect(r[1]).toBe(0.01504);
    // The close: exact average (0.0001 × 2117.3 + 0.0094 × 2118.4) / 0.0095 = 2118.3884210526…;
    // Hyperliquid used it truncated to 2118.38, so its figure is lower by 0.0094 × 0.0084210526.
    expect(r[4]).toBeCloseTo(0.0094 * (20.12469 / 0.0095 - 2116.6), 12);
    expect(Math.abs(r[4] - gross(0.013867, 0.002865))).toBeLessThanOrEqual(0.0094 * 0.01);
    expect(r[4] - gross(0.013867, 0.002865)).toBeCloseTo(0.0094 * (20.12469 / 0.0095 - 2118.38), 12);
  });
});

describe("the rules", () => {
  test("average cost: adding re-averages, reducing keeps the average (100 + 200 → 150; sell 1 @ 300 realizes 150)", () => {
    expect(
      run([
        ["buy", 1, 100],
        ["buy", 1, 200],
        ["sell", 1, 300],
        ["sell", 1, 120],
      ]),
    ).toEqual([0, 0, 150, -30]);
  });

  test("FIFO: the oldest lot closes first (sell 1 @ 300 realizes 200 against the 100 lot)", () => {
    expect(
      run(
        [
          ["buy", 1, 100],
          ["buy", 1, 200],
          ["sell", 1, 300],
          ["sell", 1, 120],
        ],
        "fifo",
      ),
    ).toEqual([0, 0, 200, -80]);
    // A close spanning lots: 1.5 against 1 @ 100 and 0.5 @ 200.
    expect(
      run(
        [
          ["buy", 1, 100],
          ["buy", 1, 200],
          ["sell", 1.5, 300],
        ],
        "fifo",
      ),
    ).toEqual([0, 0, 250]);
  });

  test("a flip closes the whole position and opens the rest at the fill's price", () => {
    // Long 2 @ 100; sell 3 @ 110 realizes 20 and leaves short 1 @ 110; buy 1 @ 100 realizes 10.
    expect(
      run([
        ["buy", 2, 100],
        ["sell", 3, 110],
        ["buy", 1, 100],
      ]),
    ).toEqual([0, 20, 10]);
    expect(
      run(
        [
          ["buy", 2, 100],
          ["sell", 3, 110],
          ["buy", 1, 100],
        ],
        "fifo",
      ),
    ).toEqual([0, 20, 10]);
  });

  test("shorts: price down is a gain (Bybit's linear example sign-flipped: short 0.2 BTC 7,500 → 7,000 = +100)", () => {
    expect(
      run([
        ["short", 0.2, 7500],
        ["long", 0.2, 7000],
      ]),
    ).toEqual([0, 100]);
  });

  test("inverse, in coin: BitMEX's example, long 15,000 XBTUSD 750 → 800 = 1.25 XBT", () => {
    expect(
      run(
        [
          ["buy", 15000, 750],
          ["sell", 15000, 800],
        ],
        "average",
        "inverse",
      ),
    ).toEqual([0, 1.25]);
  });

  test("inverse average is harmonic: 1,000 @ 10,000 + 1,000 @ 20,000 enter at 13,333.33…; half closed at 20,000 = 0.025 coin", () => {
    expect(
      run(
        [
          ["buy", 1000, 10000],
          ["buy", 1000, 20000],
          ["sell", 1000, 20000],
        ],
        "average",
        "inverse",
      ),
    ).toEqual([0, 0, 0.025]);
    // With 100-USD contracts (Binance COIN-M BTCUSD) the coin amounts scale by 100.
    expect(
      run(
        [
          ["buy", 10, 10000],
          ["buy", 10, 20000],
          ["sell", 10, 20000],
        ],
        "average",
        "inverse",
        100,
      ),
    ).toEqual([0, 0, 0.025]);
  });

  test("exact decimals: 0.1 + 0.2 style inputs realize exactly (buy 3 @ 0.1, sell 3 @ 0.3 = 0.6)", () => {
    expect(
      run([
        ["buy", 3, 0.1],
        ["sell", 3, 0.3],
      ]),
    ).toEqual([0, 0.6]);
  });
});

describe("shapes and errors", () => {
  test("a row of fills answers a row; blank rows answer '' and are skipped", () => {
    expect(realizedPnlOf(row("buy", "", "sell"), row(1, "", 1), row(100, "", 130), null, null, null)).toEqual([[0, "", 30]]);
    expect(realizedPnlOf(col("buy", null, "sell"), col(1, null, 1), col(100, null, 130), null, null, null)).toEqual([
      [0],
      [""],
      [30],
    ]);
  });

  test("a bad row makes the whole answer one #VALUE! naming the fill", () => {
    expectError(
      realizedPnlOf(col("buy", "hold"), col(1, 1), col(100, 110), null, null, null),
      "invalid",
      /sides \(fill 2\)/,
      /"hold"/,
    );
    expectError(
      realizedPnlOf(col("buy", "sell"), col(1, -1), col(100, 110), null, null, null),
      "invalid",
      /quantities \(fill 2\) must be 0 or more/,
    );
    expectError(
      realizedPnlOf(col("buy", "sell"), col(1, 1), col(100, 0), null, null, null),
      "invalid",
      /prices \(fill 2\) must be greater than 0/,
    );
    expectError(
      realizedPnlOf(col("buy", ""), col(1, 1), col(100, 110), null, null, null),
      "invalid",
      /sides \(fill 2\) is blank/,
    );
  });

  test("ranges of different shapes, a 2-D range, an unknown method or contract type: #VALUE! saying what is allowed", () => {
    expectError(realizedPnlOf(col("buy", "sell"), col(1), col(100, 110), null, null, null), "invalid", /same shape/);
    expectError(
      realizedPnlOf(
        [
          ["buy", "sell"],
          ["buy", "sell"],
        ],
        [
          [1, 1],
          [1, 1],
        ],
        [
          [1, 1],
          [1, 1],
        ],
        null,
        null,
        null,
      ),
      "invalid",
      /one column/,
    );
    expectError(
      realizedPnlOf(col("buy"), col(1), col(100), "lifo", null, null),
      "invalid",
      /method must be one of "average", "fifo"/,
    );
    expectError(realizedPnlOf(col("buy"), col(1), col(100), null, "quanto", null), "invalid", /contract_type/);
    expectError(
      realizedPnlOf(col("buy"), col(1), col(100), null, "inverse", 0),
      "invalid",
      /contract_size must be greater than 0/,
    );
  });
});

describe("in a spreadsheet engine (the preview's HyperFormula)", () => {
  test("spills one value per fill beside the fills, and SUM gives the total", async () => {
    const { HyperFormula } = await import("hyperformula");
    const { registerLegsFunctions } = await import("../../src/preview/legs-plugin");
    registerLegsFunctions();
    const hf = HyperFormula.buildFromArray(
      [
        ["buy", 1, 100, "=LEGS.REALIZEDPNL(A1:A4,B1:B4,C1:C4)"],
        ["buy", 1, 200],
        ["sell", 1, 300],
        ["sell", 1, 120],
        [null, null, null, "=SUM(D1:D4)"],
      ],
      { licenseKey: "gpl-v3" },
    );
    expect([0, 1, 2, 3].map((r) => hf.getCellValue({ sheet: 0, row: r, col: 3 }))).toEqual([0, 0, 150, -30]);
    expect(hf.getCellValue({ sheet: 0, row: 4, col: 3 })).toBe(120);
    hf.destroy();
  });
});

describe("a history that starts in the middle of a position: opening_position and opening_entry", () => {
  /**
   * Real BTC rows of the same Hyperliquid export (lines 31–42), as a later period's export would
   * start: at two Close Long fills of a long opened before it. Stated as held before (+0.00056 at
   * 71,397, as the exchange's own closedPnl implies), every fill matches closedPnl + fee.
   */
  const fills: Fill[] = [
    ["sell", 0.00028, 71396], // Close Long: closedPnl -0.0031579999999999998, fee 0.002878
    ["sell", 0.00028, 71381], // Close Long: closedPnl -0.007358, fee 0.002878
    ["buy", 0.00028, 71354], // Open Long: closedPnl -0.002876, fee 0.002876
    ["buy", 0.00028, 71340], // Open Long
    ["sell", 0.00028, 71303], // Close Long: closedPnl -0.015194, fee 0.002874
  ];
  const exchange = [
    gross(-0.0031579999999999998, 0.002878),
    gross(-0.007358, 0.002878),
    gross(-0.002876, 0.002876),
    gross(-0.002876, 0.002876),
    gross(-0.015194, 0.002874),
  ];
  const withOpening = (position: unknown, entry: unknown, method: unknown = null) =>
    run(fills, method, null, null, position, entry);

  test("without it the first closes open a short and every later figure is off; with it each matches the exchange", () => {
    expect(run(fills)).not.toEqual(exchange);
    expect(withOpening(0.00056, 71397)).toEqual(exchange);
    // FIFO closes the stated lot as the exchange does; the last close takes the older 71,354 lot.
    expect(withOpening(0.00056, 71397, "fifo")).toEqual([...exchange.slice(0, 4), -0.01428]);
    expect(withOpening("0.00056", "71397")).toEqual(exchange);
  });

  test("a short held before: a buy closes it at the stated entry; inverse contracts realize in coin", () => {
    const short = grid(realizedPnlOf(col("buy"), col(1), col(90), null, null, null, -2, 100)).map((r) => r[0]);
    expect(short).toEqual([10]);
    // 100 contracts of $100 held long from 50,000, half closed at 40,000: 50 × 100 × (1/50,000 − 1/40,000) BTC.
    const inverse = grid(realizedPnlOf(col("sell"), col(50), col(40000), null, "inverse", 100, 100, 50000)).map((r) => r[0]);
    expect(inverse).toEqual([-0.025]);
  });

  test("0 or blank states nothing; one without the other, or an entry ≤ 0, is a clear #VALUE!", () => {
    expect(withOpening(0, null)).toEqual(run(fills));
    expect(withOpening(null, null)).toEqual(run(fills));
    expectError(realizedPnlOf(col("sell"), col(1), col(1), null, null, null, 1, null), "invalid", /opening_entry is blank/);
    expectError(realizedPnlOf(col("sell"), col(1), col(1), null, null, null, null, 5), "invalid", /opening_position is blank/);
    expectError(
      realizedPnlOf(col("sell"), col(1), col(1), null, null, null, 1, 0),
      "invalid",
      /opening_entry must be greater than 0 \(got 0\)/,
    );
    expectError(realizedPnlOf(col("sell"), col(1), col(1), null, null, null, "abc", 5), "invalid", /opening_position/);
  });
});
