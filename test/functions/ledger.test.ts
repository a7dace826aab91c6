/**
 * LEGS.LEDGER: the Fills and Funding tables → one combined P&L per position and per strategy, in
 * each position's own currency: realized (as REALIZEDPNL), fees, funding (unassigned funding to
 * whoever held the symbol then, pro rata), unrealized at the marks, totals per strategy and
 * currency. The numbers are worked by hand in the comments.
 */
import { ledgerOf } from "../../src/functions/ledger";
import { expectError, grid } from "../helpers/answers";

// Excel date serials: 46000 = 2025-12-09; fractions of a day are hours.
const FILLS = [
  [
    "Time UTC",
    "Exchange",
    "Symbol",
    "Asset",
    "Contract type",
    "Contract size",
    "Side",
    "Quantity",
    "Price",
    "Fee",
    "Fee asset",
    "Strategy",
  ],
  [46000.0, "binance", "BTCUSDT", "BTC", "linear", 1, "buy", 1, 100000, 40, "USDT", "carry"],
  [46000.1, "hyperliquid", "BTC", "BTC", "linear", 1, "sell", 1, 100100, 45, "USDC", "carry"],
  [46000.3, "binance", "BTCUSDT", "BTC", "linear", 1, "sell", 0.5, 101000, 20, "USDT", "carry"],
  [46000.5, "binance", "BTCUSDT", "BTC", "linear", 1, "buy", 0.2, 99000, 0.1, "BNB", ""],
  ["", "", "", "", "", "", "", "", "", "", "", ""], // an empty row waiting for more fills
];
const FUNDING = [
  ["Time UTC", "Exchange", "Symbol", "Amount", "Asset", "Strategy"],
  [46000.2, "binance", "BTCUSDT", 3, "USDT", ""], // carry holds 1: all 3 to carry
  [46000.4, "binance", "BTCUSDT", 6, "USDT", ""], // carry holds 0.5: all 6 to carry
  [46000.6, "binance", "BTCUSDT", 7, "USDT", ""], // carry 0.5 and unassigned 0.2: 5 and 2
  [46000.7, "hyperliquid", "BTC", 1.5, "USDC", "carry"],
];
const MARKS = [
  ["Exchange", "Symbol", "Mark"],
  ["binance", "BTCUSDT", 102000],
  ["", "BTC", 102500],
];

const HEADER = [
  "Strategy",
  "Exchange",
  "Symbol",
  "Currency",
  "Position",
  "Avg entry",
  "Realized",
  "Fees",
  "Funding",
  "Unrealized",
  "Total",
];

test("positions, strategy totals and currency totals, each currency on its own", () => {
  expect(grid(ledgerOf(FILLS, FUNDING, MARKS, null))).toEqual([
    HEADER,
    // Sold 0.5 at 101,000 from 100,000: +500; fees 40 + 20; funding 3 + 6 + 5; 0.5 × (102,000 − 100,000) = 1,000.
    ["carry", "binance", "BTCUSDT", "USDT", 0.5, 100000, 500, -60, 14, 1000, 1454],
    // Short 1 at 100,100, marked at 102,500 (the symbol-only mark): −2,400; fee 45, funding +1.5.
    ["carry", "hyperliquid", "BTC", "USDC", -1, 100100, 0, -45, 1.5, -2400, -2443.5],
    // The unassigned buy: its fee is in BNB (kept in BNB, below); funding 2; 0.2 × (102,000 − 99,000) = 600.
    ["", "binance", "BTCUSDT", "USDT", 0.2, 99000, 0, 0, 2, 600, 602],
    ["carry", "", "Total", "USDT", "", "", 500, -60, 14, 1000, 1454],
    ["carry", "", "Total", "USDC", "", "", 0, -45, 1.5, -2400, -2443.5],
    ["(no strategy)", "", "Total", "USDT", "", "", 0, 0, 2, 600, 602],
    ["(no strategy)", "", "Total", "BNB", "", "", 0, -0.1, 0, "", -0.1],
    ["All strategies", "", "Total", "USDT", "", "", 500, -60, 16, 1600, 2056],
    ["All strategies", "", "Total", "USDC", "", "", 0, -45, 1.5, -2400, -2443.5],
    ["All strategies", "", "Total", "BNB", "", "", 0, -0.1, 0, "", -0.1],
  ]);
});

test("without marks, Unrealized is blank and Total is realized + fees + funding", () => {
  const rows = grid(ledgerOf(FILLS, FUNDING, null, null));
  expect(rows[1]).toEqual(["carry", "binance", "BTCUSDT", "USDT", 0.5, 100000, 500, -60, 14, "", 454]);
});

test("FIFO changes the realized P&L and the entry of what is left", () => {
  const fills = [
    ["Exchange", "Symbol", "Side", "Quantity", "Price"],
    ["bybit", "ETHUSDT", "buy", 1, 3000],
    ["bybit", "ETHUSDT", "buy", 1, 3400],
    ["bybit", "ETHUSDT", "sell", 1, 3600],
  ];
  expect(grid(ledgerOf(fills, null, null, "fifo"))[1]).toEqual(["", "bybit", "ETHUSDT", "USDT", 1, 3400, 600, 0, 0, "", 600]);
  expect(grid(ledgerOf(fills, null, null, "average"))[1]).toEqual(["", "bybit", "ETHUSDT", "USDT", 1, 3200, 400, 0, 0, "", 400]);
});

test("inverse positions are in coin: COIN-M BTCUSD_PERP, 10 contracts of 100 USD, 50,000 → 60,000", () => {
  const fills = [
    ["Exchange", "Symbol", "Contract type", "Contract size", "Side", "Quantity", "Price", "Fee", "Fee asset"],
    ["binance", "BTCUSD_PERP", "inverse", 100, "buy", 20, 50000, 0.00002, "BTC"],
    ["binance", "BTCUSD_PERP", "inverse", 100, "sell", 10, 60000, 0.00001, "BTC"],
  ];
  const [, row] = grid(ledgerOf(fills, null, [["BTCUSD_PERP", 55000]], null));
  // Realized: 10 × 100 × (1/50,000 − 1/60,000) = 0.00333… BTC; unrealized: 10 × 100 × (1/50,000 − 1/55,000) = 0.001818… BTC.
  expect(row.slice(0, 6)).toEqual(["", "binance", "BTCUSD_PERP", "BTC", 10, 50000]);
  expect(row[6]).toBeCloseTo(1000 * (1 / 50000 - 1 / 60000), 15);
  expect(row[7]).toBe(-0.00003);
  expect(row[9]).toBeCloseTo(1000 * (1 / 50000 - 1 / 55000), 15);
});

test("the same symbol on two venues is two positions with their own entries", () => {
  const fills = [
    ["Exchange", "Symbol", "Side", "Quantity", "Price", "Strategy"],
    ["binance", "BTCUSDT", "buy", 1, 100000, "s"],
    ["bybit", "BTCUSDT", "buy", 1, 90000, "s"],
  ];
  const rows = grid(ledgerOf(fills, null, null, null));
  expect(rows.slice(1, 3).map((r) => [r[1], r[5]])).toEqual([
    ["binance", 100000],
    ["bybit", 90000],
  ]);
});

test("bad tables: #VALUE! naming the table, the row and the column", () => {
  expectError(
    ledgerOf(
      [
        ["Exchange", "Symbol", "Quantity", "Price"],
        ["binance", "BTCUSDT", 1, 1],
      ],
      null,
      null,
      null,
    ),
    "invalid",
    /fills has no Side column/,
  );
  expectError(
    ledgerOf(
      [
        ["Exchange", "Symbol", "Side", "Quantity", "Price"],
        ["binance", "BTCUSDT", "hold", 1, 1],
      ],
      null,
      null,
      null,
    ),
    "invalid",
    /fills row 2 Side/,
  );
  expectError(
    ledgerOf(
      [
        ["Exchange", "Symbol", "Side", "Quantity", "Price"],
        ["binance", "BTCUSDT", "buy", -1, 1],
      ],
      null,
      null,
      null,
    ),
    "invalid",
    /fills row 2 Quantity must be 0 or more/,
  );
  expectError(
    ledgerOf(
      FILLS,
      [
        ["Exchange", "Symbol"],
        ["binance", "BTCUSDT"],
      ],
      null,
      null,
    ),
    "invalid",
    /funding has no Amount column/,
  );
  expectError(ledgerOf(FILLS, null, [["BTCUSDT", -5]], null), "invalid", /marks row 1 Mark must be greater than 0/);
  expectError(ledgerOf(FILLS, null, null, "lifo"), "invalid", /method must be one of "average", "fifo"/);
});
