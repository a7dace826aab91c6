/**
 * LEGS.NETDELTA with option legs whose delta it computes (src/functions/option-legs.ts): the
 * background article's delta-neutral book "Long call options (positive delta), short spot to
 * neutralize delta", on Deribit-style coin-settled options.
 */
import { optionDelta } from "../../src/core/black76";
import { hasOptionColumns, OPTION_HEADERS, STRIKE_OR_VOL } from "../../src/functions/option-columns";
import { netDeltaOf } from "../../src/functions/option-legs";
import { expectError, num } from "../helpers/answers";

/** 2026-12-25 08:00 UTC is Excel's 46381 + 8/24; "now" is 30 days before it. */
const CHRISTMAS = 46381;
const NOW = Date.UTC(2026, 11, 25, 8) - 30 * 86400000;
const nd = (legs: unknown[][], price: unknown = null, asset: unknown = null) => netDeltaOf(legs, price, asset, NOW);

const HEADER = ["Asset", "Instrument", "Side", "Quantity", "Contract size", "Inverse", "Type", "Strike", "Expiry", "Vol"];
const coinDelta = (type: "call" | "put", K: number, days: number, vol: number, settlement: "linear" | "inverse" = "inverse") =>
  optionDelta(type, 100000, K, days, vol, 0, settlement) as number;

describe("NETDELTA computes option deltas", () => {
  test("long calls (Deribit, coin-settled, 1 BTC each) hedged by short spot: net 0", () => {
    const perCall = coinDelta("call", 100000, 30, 0.6);
    // The premium-adjusted delta of an at-the-money call: about 0.52 − 0.07 BTC.
    expect(perCall).toBeGreaterThan(0.4);
    expect(perCall).toBeLessThan(0.5);
    const calls = ["BTC", "option", "long", 10, 1, true, "call", 100000, CHRISTMAS, 0.6];
    expect(num(nd([HEADER, calls], 100000))).toBeCloseTo(10 * perCall, 12);
    const hedge = ["BTC", "spot", "short", 10 * perCall, "", "", "", "", "", ""];
    expect(Math.abs(num(nd([HEADER, calls, hedge], 100000)))).toBeLessThan(1e-12);
  });

  test("USDC options (Inverse blank or FALSE): the Black delta; puts count negative, shorts flip the sign", () => {
    const puts = ["BTC", "option", "short", 4, 0.1, false, "put", 90000, CHRISTMAS, 0.55];
    expect(num(nd([HEADER, puts], 100000))).toBeCloseTo(-4 * 0.1 * coinDelta("put", 90000, 30, 0.55, "linear"), 12);
  });

  test("an Expiry date without a time counts from 08:00 UTC; with a time, from that time; Days instead gives the same", () => {
    const withDays = ["Instrument", "Side", "Quantity", "Type", "Strike", "Days", "Vol"];
    const byDays = num(nd([withDays, ["option", "long", 1, "call", 110000, 30, 0.5]], 100000));
    const byDate = num(nd([HEADER, ["", "option", "long", 1, "", "", "call", 110000, CHRISTMAS, 0.5]], 100000));
    expect(byDate).toBeCloseTo(byDays, 12);
    const noon = num(nd([HEADER, ["", "option", "long", 1, "", "", "call", 110000, CHRISTMAS + 0.5, 0.5]], 100000));
    expect(noon).toBeCloseTo(coinDelta("call", 110000, 30 + 4 / 24, 0.5, "linear"), 12);
  });

  test("a typed Delta wins; an expired option counts 0, even with a Delta typed beside it", () => {
    const header = [...HEADER, "Delta"];
    expect(num(nd([header, ["", "option", "long", 2, 1, true, "call", 100000, CHRISTMAS, 0.6, 0.3]], 100000))).toBeCloseTo(
      0.6,
      15,
    );
    const expired = ["", "option", "long", 2, 1, true, "call", 100000, CHRISTMAS - 31, 0.6, 0.3];
    expect(num(nd([header, expired], 100000))).toBe(0);
    const dte = ["Instrument", "Side", "Quantity", "Type", "Strike", "Days", "Vol", "Delta"];
    expect(num(nd([dte, ["option", "long", 2, "call", 1, 0, 0.6, ""]]))).toBe(0);
  });

  test("a Settlement column (linear/inverse) is the Inverse column by another name", () => {
    const legs = [
      ["Instrument", "Side", "Quantity", "Settlement", "Type", "Strike", "Days", "Vol"],
      ["option", "long", 1, "inverse", "call", 100000, 30, 0.6],
      ["option", "long", 1, "linear", "call", 100000, 30, 0.6],
    ];
    expect(num(nd(legs, 100000))).toBeCloseTo(
      coinDelta("call", 100000, 30, 0.6) + coinDelta("call", 100000, 30, 0.6, "linear"),
      12,
    );
  });

  test("option contracts are coins whatever the settlement: a typed delta on an inverse option is not ÷ price", () => {
    const legs = [
      ["Instrument", "Quantity", "Inverse", "Delta", "Strike"],
      ["option", 2, true, 0.5, ""],
    ];
    expect(num(nd(legs))).toBe(1);
  });

  test("without an Instrument column, Type holds the instrument, and call or put there means an option", () => {
    const legs = [
      ["Type", "Side", "Quantity", "Strike", "Days", "Vol"],
      ["perp", "short", 0.3, "", "", ""],
      ["call", "long", 1, 100000, 30, 0.6],
    ];
    expect(num(nd(legs, 100000))).toBeCloseTo(coinDelta("call", 100000, 30, 0.6, "linear") - 0.3, 12);
  });

  test("with the asset argument, another asset's options are left alone (the price is this asset's)", () => {
    const legs = [
      HEADER,
      ["BTC", "spot", "long", 1, "", "", "", "", "", ""],
      ["ETH", "option", "long", 10, 1, true, "call", 3000, CHRISTMAS, ""],
    ];
    expect(num(nd(legs, 100000, "BTC"))).toBe(1);
  });

  test("what an option leg lacks is named; no price is #N/A", () => {
    expectError(
      nd([HEADER, ["BTC", "option", "long", 1, 1, true, "", 100000, "", ""]], 100000),
      "missing",
      /legs row 2 is an option without a Delta: give its Type \(call or put\), Expiry \(or Days\), Vol, or type its Delta/,
    );
    expectError(
      nd([HEADER, ["BTC", "option", "long", 1, 1, true, "call", 100000, CHRISTMAS, 0.6]]),
      "missing",
      /legs row 2 is an option without a Delta: give the price argument/,
    );
  });

  test("bad option cells: #VALUE! naming the row and column", () => {
    expectError(
      nd([HEADER, ["BTC", "option", "long", 1, 1, true, "call", 100000, CHRISTMAS, 60]], 100000),
      "invalid",
      /legs row 2: vol must be at most 10.*give 60 % as 0.6/,
    );
    expectError(
      nd([HEADER, ["BTC", "option", "long", 1, 1, true, "straddle", 100000, CHRISTMAS, 0.6]], 100000),
      "invalid",
      /legs row 2, Type must be "call", "put", "c" or "p" \(got text "straddle"\)/,
    );
    expectError(
      nd([HEADER, ["BTC", "option", "long", 1, 1, true, "call", 100000, "next friday", 0.6]], 100000),
      "invalid",
      /legs row 2, Expiry must be a number \(got text "next friday"\)/,
    );
    expectError(
      nd(
        [
          ["Quantity", "Strike", "Strike price"],
          [1, 2, 3],
        ],
        100,
      ),
      "invalid",
      /two Strike columns/,
    );
  });

  test("the other legs are read as the plain reader reads them (same synonyms, same checks)", () => {
    const legs = [
      ["Coin", "Instrument", "Direction", "Qty", "Multiplier", "Inverse", "Strike"],
      ["ETH", "spot", "long", 10, "", "", ""],
      ["ETH", "perp", "short", 3400, 10, true, ""],
    ];
    expect(num(nd(legs, 3400))).toBe(0);
    expectError(
      nd([
        ["Quantity", "Side", "Vol"],
        [-1, "long", ""],
      ]),
      "invalid",
      /legs row 2, Quantity is -1 while Side is given/,
    );
  });

  test("functions.js sends a table to options.js exactly when its header has a Strike or Vol column", () => {
    expect(
      hasOptionColumns([
        ["Quantity", "Strike Price"],
        [1, 2],
      ]),
    ).toBe(true);
    expect(
      hasOptionColumns([
        ["Quantity", "IV"],
        [1, 2],
      ]),
    ).toBe(true);
    expect(
      hasOptionColumns([
        ["Quantity", "Days"],
        [1, 2],
      ]),
    ).toBe(false);
    expect(hasOptionColumns([[1], [2]])).toBe(false);
    // The pattern functions.js carries and the table option-legs.ts reads name the same columns.
    for (const [name, field] of Object.entries(OPTION_HEADERS)) {
      expect(STRIKE_OR_VOL.test(name)).toBe(field === "strike" || field === "vol");
    }
  });
});

describe("the README's worked example (BTC 100,000, 30-day call struck at 100,000, 60 %, Deribit)", () => {
  test("premiums, deltas and the hedge of 10 calls: 4.6573 BTC short, not 5.3427", () => {
    expect(optionDelta("call", 100000, 100000, 30, 0.6)).toBeCloseTo(0.53427, 5);
    expect(coinDelta("call", 100000, 30, 0.6)).toBeCloseTo(0.46573, 5);
    const legs = [
      ["Asset", "Instrument", "Side", "Quantity", "Inverse", "Type", "Strike", "Days", "Vol"],
      ["BTC", "option", "long", 10, true, "call", 100000, 30, 0.6],
      ["BTC", "spot", "short", 4.6573, "", "", "", "", ""],
    ];
    expect(Math.abs(num(nd(legs, 100000)))).toBeLessThan(0.00005);
    // Hedging with the textbook delta leaves the book short the 0.6854 BTC of premium paid.
    legs[2][3] = 5.3427;
    expect(num(nd(legs, 100000))).toBeCloseTo(-0.6854, 4);
  });
});
