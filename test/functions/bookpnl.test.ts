/**
 * LEGS.BOOKPNL: realized (gross, as REALIZEDPNL), funding and fees per UTC day in one currency,
 * and the running total — the Book's chart. Worked on the background article's funding capture:
 * $50,000 spot long and a $50,000 perp short, 0.03 % funding per 8 hours = $15 a payment, $45 a
 * day; and a partial close realized as the exchanges compute it (average entry kept).
 */
import { bookPnlOf } from "../../src/functions/book-views";
import { expectError, grid } from "../helpers/answers";

const FILLS = [
  ["Time UTC", "Exchange", "Symbol", "Side", "Quantity", "Price", "Fee", "Fee asset", "Strategy"],
  [46000 + 1 / 24, "binance", "BTCUSDT", "sell", 0.5, 100000, 25, "USDT", "capture"],
  [46002 + 12 / 24, "binance", "BTCUSDT", "buy", 0.25, 98000, 12.25, "USDT", "capture"],
  [46002.75, "binance", "BTCUSD_PERP", "buy", 1, 100000, 0.00000005, "BTC", "coin"],
];
const FUNDING = [
  ["Time UTC", "Exchange", "Symbol", "Amount", "Asset", "Strategy"],
  [46000 + 8 / 24, "binance", "BTCUSDT", 15, "USDT", ""],
  [46000 + 16 / 24, "binance", "BTCUSDT", 15, "USDT", ""],
  [46001, "binance", "BTCUSDT", 15, "USDT", ""],
];

describe("LEGS.BOOKPNL", () => {
  test("per day and cumulative, in USDT: fees, three $15 payments, then +500 realized on closing half at 98,000", () => {
    // Day 46000: fee −25, funding 30. Day 46001: funding 15. Day 46002: realized 0.25 × (100,000 − 98,000) = 500, fee −12.25.
    expect(grid(bookPnlOf(FILLS, FUNDING, "USDT", null))).toEqual([
      ["Date", "Realized", "Funding", "Fees", "Cumulative"],
      [46000, 0, 30, -25, 5],
      [46001, 0, 15, 0, 20],
      [46002, 500, 0, -12.25, 507.75],
    ]);
  });

  test("coin-settled P&L is its own series, never added to USDT", () => {
    expect(grid(bookPnlOf(FILLS, FUNDING, "BTC", null))).toEqual([
      ["Date", "Realized", "Funding", "Fees", "Cumulative"],
      [46002, 0, 0, -0.00000005, -0.00000005],
    ]);
  });

  test("bad input: rows without a time, a currency that is not text, an unknown method", () => {
    const untimed = [FILLS[0], ["", "binance", "BTCUSDT", "buy", 1, 100, 0, "USDT", ""]];
    expectError(bookPnlOf(untimed, null, null, null), "invalid", /needs a time on every row/);
    expectError(bookPnlOf(FILLS, FUNDING, 5, null), "invalid", /currency must be text/);
    expectError(bookPnlOf(FILLS, FUNDING, "USDT", "lifo"), "invalid", /method/);
  });
});
