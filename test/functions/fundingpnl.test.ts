import { fundingPnl } from "../../src/functions/fundingpnl";
import { positionPnl } from "../../src/functions/positionpnl";
import { col, expectError, num } from "../helpers/answers";

const fp = (side: unknown, q: unknown, price: unknown, rate: unknown, type: unknown = null, size: unknown = null) =>
  fundingPnl(side, q, price, rate, type, size);

describe("LEGS.FUNDINGPNL", () => {
  // BitMEX, "Perpetual Contracts Guide", funding example: a long of 15,000 XBTUSD contracts at a
  // mark price of 750 with a funding rate of 0.25 % pays 15,000 / 750 × 0.25 % = 0.05 XBT.
  test("BitMEX: long 15,000 contracts at mark 750, rate 0.25 % → −0.05 XBT", () => {
    expect(num(fp("long", 15000, 750, 0.0025, "inverse"))).toBe(-0.05);
    expect(num(fp("short", 15000, 750, 0.0025, "inverse"))).toBe(0.05);
  });

  // BitMEX, same example: "total profit is 1.2 XBT (1.25 XBT - 0.05 XBT)" — position P&L plus funding.
  test("BitMEX: 1.25 XBT of P&L less 0.05 XBT of funding nets 1.2 XBT", () => {
    const pnl = positionPnl("long", 15000, 750, 800, "inverse", null) as number;
    expect(pnl + num(fp("long", 15000, 750, 0.0025, "inverse"))).toBe(1.2);
  });

  // Seed article, Strategy #3, Practical Implementation: $50,000 perp short at 0.03 % per 8 h →
  // "~$45/day": three events on 0.5 BTC at 100,000.
  test("seed: short $50,000 of BTC perp, 0.03 % per 8 h, three events → +$45", () => {
    expect(num(fp("short", 0.5, 100000, col(0.0003, 0.0003, 0.0003)))).toBe(45);
  });

  test("a history with a mark price per event; negative rates are paid by shorts", () => {
    // short 1 ETH: +3,400 × 0.0001 − 3,500 × 0.0002 + 3,300 × 0.0001 = 0.34 − 0.7 + 0.33 = −0.03
    expect(num(fp("short", 1, col(3400, 3500, 3300), col(0.0001, -0.0002, 0.0001)))).toBe(-0.03);
  });

  test("pairs blank in both cells are skipped; one price applies to every rate", () => {
    expect(num(fp("short", 1, col(3400, "", 3300), col(0.0001, "", 0.0001)))).toBe(0.67);
    expect(num(fp("short", 1, 3400, col(0.0001, "", 0.0001)))).toBe(0.68);
  });

  test("contract size: 10 Binance COIN-M ETHUSD contracts of 10 USD, rate 0.01 % at 2,000", () => {
    // −1 × 10 × 10 × 0.0001 / 2,000 = −0.000005 ETH
    expect(num(fp("long", 10, 2000, 0.0001, "inverse", 10))).toBe(-0.000005);
  });

  test("exact decimals: 3 × (0.1 × 0.1 + 0.2 × 0.2) is exactly 0.15", () => {
    expect(3 * 0.1 * 0.1 + 3 * 0.2 * 0.2).not.toBe(0.15);
    expect(num(fp("short", 3, col(0.1, 0.2), col(0.1, 0.2)))).toBe(0.15);
  });

  describe("errors", () => {
    test("a pair with one blank → #VALUE!", () => {
      expectError(
        fp("long", 1, col(100, ""), col(0.0001, 0.0002)),
        "invalid",
        /funding event \(row 2, column 1\) has a rate but no price/,
      );
      expectError(fp("long", 1, col(100, 100), col(0.0001, "")), "invalid", /has a price but no rate/);
    });
    test("price range of another shape → #VALUE!", () => {
      expectError(fp("long", 1, col(1, 2, 3), col(0.1, 0.2)), "invalid", /price is a 3×1 range but rate is a 2×1 range/);
    });
    test("price ≤ 0, rate outside (−1, 1), quantity < 0, contract size ≤ 0 → #VALUE!", () => {
      expectError(fp("long", 1, 0, 0.0001), "invalid", /price must be greater than 0 \(got 0\)/);
      expectError(
        fp("long", 1, col(100, -1), col(0.0001, 0.0001)),
        "invalid",
        /price \(row 2, column 1\) must be greater than 0/,
      );
      expectError(fp("long", 1, 100, 1.5), "invalid", /rate must be greater than -1 and less than 1 \(got 1.5\)/);
      expectError(fp("long", -1, 100, 0.0001), "invalid", /quantity must be 0 or more \(got -1\)/);
      expectError(fp("long", 1, 100, 0.0001, null, 0), "invalid", /contract_size must be greater than 0/);
    });
    test("blank single rate or price → #N/A; text → #VALUE!", () => {
      expectError(fp("long", 1, 100, ""), "missing", /rate is required/);
      expectError(fp("long", 1, null, 0.0001), "missing", /price is required/);
      expectError(fp("long", 1, 100, col(0.0001, "x")), "invalid", /rate \(row 2, column 1\) must be a number \(got text "x"\)/);
      expectError(fp("sideways", 1, 100, 0.0001), "invalid", /side must be/);
      expectError(fp("long", 1, 100, 0.0001, "swap"), "invalid", /contract_type must be one of/);
    });
  });
});
