import { positionPnl } from "../../src/functions/positionpnl";
import { col, expectError, grid, num } from "../helpers/answers";

const pp = (side: unknown, q: unknown, entry: unknown, exit: unknown, type: unknown = null, size: unknown = null) =>
  positionPnl(side, q, entry, exit, type, size);

describe("LEGS.POSITIONPNL", () => {
  // Bybit Help Center, "How to calculate Unrealized P&L / Closed P&L (USDT contract)": a long of
  // 0.2 BTC opened at 7,000 USDT and closed at 7,500 USDT makes 0.2 × (7,500 − 7,000) = 100 USDT.
  test("Bybit USDT contract: long 0.2 BTC 7,000 → 7,500 = 100 USDT", () => {
    expect(num(pp("long", 0.2, 7000, 7500))).toBe(100);
  });
  // BitMEX, "Futures Guide / XBTUSD inverse contract" example: long 15,000 XBTUSD (1 USD each)
  // from 750 to 800: 15,000 × (1/750 − 1/800) = 1.25 XBT.
  test("BitMEX inverse: long 15,000 contracts 750 → 800 = 1.25 XBT", () => {
    expect(num(pp("long", 15000, 750, 800, "inverse"))).toBe(1.25);
    expect(num(pp("Buy", 15000, 750, 800, "Inverse", 1))).toBe(1.25);
  });

  // Same Bybit page: a short of 0.4 BTC from 6,000 to 5,000 makes 400 USDT.
  test("Bybit USDT contract: short 0.4 BTC 6,000 → 5,000 = 400 USDT", () => {
    expect(num(pp("short", 0.4, 6000, 5000))).toBe(400);
  });

  test("a short makes the opposite of a long", () => {
    expect(num(pp("short", 0.2, 7000, 7500))).toBe(-100);
    expect(num(pp(-1, 15000, 750, 800, "inverse"))).toBe(-1.25);
  });

  test("inverse P&L is not symmetric in price: 750 → 700 loses more coin than 750 → 800 gains", () => {
    // 15,000 × (1/750 − 1/700) = −1.428571… XBT
    expect(num(pp("long", 15000, 750, 700, "inverse"))).toBe(Number("-1.428571428571428571428571428571428571429"));
  });

  test("contract size: 3 contracts of 0.01 BTC, and Binance COIN-M 100-USD contracts", () => {
    expect(num(pp("long", 3, 60000, 61000, "linear", 0.01))).toBe(30);
    // 10 BTCUSD contracts of 100 USD: 1,000 USD × (1/50,000 − 1/40,000) = −0.005 BTC
    expect(num(pp("long", 10, 50000, 40000, "inverse", 100))).toBe(-0.005);
  });

  test("exact decimals: 0.2 × (7,500.3 − 7,000.1) is exactly 100.04", () => {
    expect(0.2 * (7500.3 - 7000.1)).not.toBe(100.04);
    expect(num(pp(1, 0.2, 7000.1, 7500.3))).toBe(100.04);
    expect(num(pp(1, 3, 0.7, 0.9, null, 0.1))).toBe(0.06);
  });

  test("a column of exit prices spills; linear exit 0 is allowed", () => {
    expect(grid(pp("long", 0.2, 7000, col(6000, 7000, 7500, 0)))).toEqual([[-200], [0], [100], [-1400]]);
  });

  describe("errors", () => {
    test("side: unknown, blank or a range", () => {
      expectError(pp("up", 1, 1, 1), "invalid", /side must be long, buy, short, sell, 1 or -1 \(got text "up"\)/);
      expectError(pp(2, 1, 1, 1), "invalid", /side must be .* \(got 2\)/);
      expectError(pp("", 1, 1, 1), "missing", /side is required/);
      expectError(pp(col("long", "short"), 1, 1, 1), "invalid", /side takes a single value/);
    });
    test("negative quantity → #VALUE! (the side gives the direction)", () => {
      expectError(pp("long", -1, 1, 1), "invalid", /quantity must be 0 or more \(got -1\)/);
    });
    test("entry ≤ 0, linear exit < 0, inverse exit ≤ 0 → #VALUE!", () => {
      expectError(pp("long", 1, 0, 1), "invalid", /entry_price must be greater than 0 \(got 0\)/);
      expectError(pp("long", 1, 1, -1), "invalid", /exit_price must be 0 or more \(got -1\)/);
      expectError(pp("long", 1, 1, 0, "inverse"), "invalid", /exit_price must be greater than 0 \(got 0\)/);
    });
    test("unknown contract type, contract size ≤ 0", () => {
      expectError(
        pp("long", 1, 1, 1, "quanto"),
        "invalid",
        /contract_type must be one of "linear", "inverse" \(got text "quanto"\)/,
      );
      expectError(pp("long", 1, 1, 1, null, 0), "invalid", /contract_size must be greater than 0 \(got 0\)/);
    });
    test("text and booleans where numbers are needed", () => {
      expectError(pp("long", "one", 1, 1), "invalid", /quantity must be a number \(got text "one"\)/);
      expectError(pp("long", 1, true, 1), "invalid", /entry_price must be a number \(got TRUE\)/);
      expectError(pp("long", 1, 1, null), "missing", /exit_price is required/);
    });
  });
});
