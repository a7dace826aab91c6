/**
 * LEGS.BOOKDELTA: net delta per strategy and asset, in coins, from the Fills table.
 *
 * Inverse contracts hold a fixed quote value: Binance COIN-M BTCUSD_PERP is 100 USD a contract
 * (Binance, "Contract Specifications" of COIN-M futures), so 10 contracts short at a $100,000
 * mark are 10 × 100 / 100,000 = 0.01 BTC short — the hedge of 0.01 BTC spot. Pricing them like
 * linear contracts (10 BTC) is the spreadsheet mistake the background article warns about.
 */
import { bookDeltaOf } from "../../src/functions/book-views";
import { expectError, grid } from "../helpers/answers";

const HEADER = ["Time UTC", "Exchange", "Symbol", "Contract type", "Contract size", "Side", "Quantity", "Price", "Strategy"];

describe("LEGS.BOOKDELTA", () => {
  test("an inverse short hedging spot is 0 BTC at the mark; an unhedged perp shows its coins", () => {
    const fills = [
      HEADER,
      [46000, "binance", "BTC/USDT", "linear", 1, "buy", 0.01, 95000, "hedge"],
      [46000.1, "binance", "BTCUSD_PERP", "inverse", 100, "sell", 10, 95000, "hedge"],
      [46000.2, "bybit", "ETHUSDT", "linear", 1, "buy", 2, 3400, "exposure"],
      [46000.3, "bybit", "ETHUSDT", "linear", 1, "sell", 0.5, 3500, "exposure"],
    ];
    expect(grid(bookDeltaOf(fills, [["BTCUSD_PERP", 100000]], null))).toEqual([
      ["Strategy", "Asset", "Net delta"],
      ["hedge", "BTC", 0],
      ["exposure", "ETH", 1.5],
    ]);
  });

  test("without a mark an inverse position counts at its average entry; a blank Strategy is its own group", () => {
    const fills = [HEADER, [46000, "binance", "BTCUSD_PERP", "inverse", 100, "sell", 20, 80000, ""]];
    // 20 × 100 / 80,000 = 0.025 BTC short.
    expect(grid(bookDeltaOf(fills, null, null))).toEqual([
      ["Strategy", "Asset", "Net delta"],
      ["(no strategy)", "BTC", -0.025],
    ]);
  });

  test("bad input: the row and what is wrong", () => {
    expectError(
      bookDeltaOf([HEADER, [46000, "binance", "BTCUSDT", "linear", 1, "hold", 1, 100, ""]], null, null),
      "invalid",
      /row 2/,
      /Side/,
    );
    expectError(bookDeltaOf([["Symbol", "Price"]], null, null), "invalid", /no Exchange column/);
    expectError(bookDeltaOf([HEADER], null, "lifo"), "invalid", /method/, /"average", "fifo"/);
  });
});
