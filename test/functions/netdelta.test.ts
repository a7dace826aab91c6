import { netDelta } from "../../src/functions/netdelta";
import { col, expectError, num } from "../helpers/answers";

const nd = (legs: unknown, price: unknown = null, asset: unknown = null) => netDelta(legs, price, asset);

describe("LEGS.NETDELTA", () => {
  // Seed article, Strategy #1: "Spot: Long 10 ETH · Perpetual: Short 10 ETH · Net exposure: 0 ETH".
  test("seed: spot long 10 ETH + perp short 10 → 0 (market neutral)", () => {
    const legs = [
      ["Asset", "Instrument", "Side", "Quantity"],
      ["ETH", "spot", "long", 10],
      ["ETH", "perp", "short", 10],
    ];
    expect(num(nd(legs))).toBe(0);
  });
  // Seed article, "Partial Hedging": "Spot: Long 10 ETH · Perpetual: Short 5 ETH · Net exposure: Long 5 ETH".
  test("seed: spot long 10 ETH + perp short 5 → 5", () => {
    const legs = [
      ["Instrument", "Side", "Quantity"],
      ["spot", "long", 10],
      ["perp", "short", 5],
    ];
    expect(num(nd(legs))).toBe(5);
  });
  // Seed article, Strategy #5: "Hold 5 ETH spot · Long 2 ETH worth of perpetual · Total exposure: 7 ETH".
  test("seed: enhanced exposure, 5 ETH spot + 2 ETH long perp → 7", () => {
    expect(
      num(
        nd([
          ["Type", "Direction", "Size"],
          ["Spot", "Buy", 5],
          ["Perpetual", "Buy", 2],
        ]),
      ),
    ).toBe(7);
  });
  // Seed article, Common Mistakes, "Mistake 1: Mismatched Sizing": "spot position is 1 BTC but your
  // hedge is 0.8 BTC … you're 0.2 BTC long" — exactly 0.2, not 0.19999999999999996.
  test("seed: 1 BTC spot hedged with 0.8 → exactly 0.2 long", () => {
    expect(1 - 0.8).not.toBe(0.2);
    expect(num(nd(col(1, -0.8)))).toBe(0.2);
  });

  test("without headers a single column is signed quantities; blanks are skipped", () => {
    expect(num(nd(col(10, "", -10, null)))).toBe(0);
    expect(num(nd([[10, -4, ""]]))).toBe(6); // a single row too
    expect(num(nd(7))).toBe(7); // a single value
  });

  test("headers in any order and case, with synonyms; unknown columns ignored", () => {
    const legs = [
      ["Notes", "QTY", "coin", "DIRECTION", "Entry"],
      ["core holding", 2, "BTC", "Long", 95000],
      ["hedge", 1.5, "btc", "SELL ", 98000],
    ];
    expect(num(nd(legs))).toBe(0.5);
  });

  test("contract size (multiplier): 3 contracts of 0.1 BTC short against 1 BTC", () => {
    const legs = [
      ["Side", "Quantity", "Contract_Size"],
      ["long", 1, ""],
      ["short", 3, 0.1],
    ];
    expect(num(nd(legs))).toBe(0.7);
  });

  test("options need a delta; delta scales the leg", () => {
    const legs = [
      ["Instrument", "Side", "Quantity", "Multiplier", "Delta"],
      ["spot", "long", 1, "", ""],
      ["option", "long", 10, 0.1, -0.45], // 10 puts of 0.1 BTC at delta −0.45 = −0.45 BTC
    ];
    expect(num(nd(legs))).toBe(0.55);
  });

  test("no Side column: the quantity's own sign counts; a blank side uses the sign too", () => {
    expect(num(nd([["Quantity"], [10], [-10]]))).toBe(0);
    expect(
      num(
        nd([
          ["Side", "Quantity"],
          ["long", 10],
          ["", -3],
        ]),
      ),
    ).toBe(7);
    expect(
      num(
        nd([
          ["Side", "Quantity"],
          [1, 10],
          [-1, 4],
        ]),
      ),
    ).toBe(6);
  });

  // Binance COIN-M contract specifications: ETHUSD perpetual, contract size 10 USD (BTCUSD: 100 USD).
  test("inverse legs: 3,400 ETHUSD contracts of 10 USD short at 3,400 hedge 10 ETH (Binance COIN-M)", () => {
    const legs = [
      ["Asset", "Instrument", "Side", "Quantity", "Contract size", "Inverse"],
      ["ETH", "spot", "long", 10, "", ""],
      ["ETH", "perp", "short", 3400, 10, true],
    ];
    expect(num(nd(legs, 3400))).toBe(0);
    // After a 10 % rise the same contracts are worth fewer coins: 34,000 / 3,740 = 9.0909… ETH.
    expect(num(nd(legs, 3740))).toBe(Number("0.909090909090909090909090909090909090909"));
  });

  // BitMEX contract specification, XBTUSD: "Contract Size 1 USD" (inverse, settled in XBT).
  test("inverse legs: BitMEX XBTUSD, 1 USD per contract — short 60,000 contracts at 60,000 hedges 1 BTC", () => {
    const legs = [
      ["Asset", "Instrument", "Side", "Quantity", "Contract size", "Inverse"],
      ["BTC", "spot", "long", 1, "", ""],
      ["BTC", "perp", "short", 60000, 1, "yes"],
    ];
    expect(num(nd(legs, 60000))).toBe(0);
    expect(num(nd(legs, 50000))).toBe(-0.2); // 60,000 USD is 1.2 BTC at 50,000
  });

  // Binance COIN-M contract specifications: BTCUSD perpetual and quarterly, 100 USD per contract.
  test("inverse legs: Binance COIN-M BTCUSD, 100 USD per contract — short 950 at 95,000 hedges 1 BTC", () => {
    const legs = [
      ["Asset", "Instrument", "Side", "Quantity", "Multiplier", "Inverse"],
      ["BTC", "spot", "long", 1, "", false],
      ["BTC", "future", "short", 950, 100, true],
    ];
    expect(num(nd(legs, 95000))).toBe(0);
  });

  // OKX Help, contract specifications: "Crypto-Margined Perpetual Swaps … with a contract size of
  // 100USD" (BTC-USD-SWAP); BTC-USDT-SWAP is linear, "Contract Size 0.01BTC".
  test("inverse and linear legs: OKX BTC-USD-SWAP (100 USD) beside BTC-USDT-SWAP (0.01 BTC)", () => {
    const legs = [
      ["Asset", "Instrument", "Side", "Quantity", "Contract size", "Inverse"],
      ["BTC", "spot", "long", 2, "", ""],
      ["BTC", "swap", "short", 500, 100, "inverse"], // 50,000 USD = 0.5 BTC at 100,000
      ["BTC", "swap", "short", 150, 0.01, "linear"], // 1.5 BTC
    ];
    expect(num(nd(legs, 100000))).toBe(0);
  });

  test("inverse flags: TRUE/FALSE, yes/no, inverse/linear, 1/0", () => {
    for (const flag of [true, "yes", "Y", "inverse", 1]) {
      expect(
        num(
          nd(
            [
              ["Quantity", "Contract size", "Inverse", "Instrument"],
              [-100, 100, flag, "future"],
            ],
            50000,
          ),
        ),
      ).toBe(-0.2);
    }
    for (const flag of [false, "no", "linear", 0, ""]) {
      expect(
        num(
          nd(
            [
              ["Quantity", "Inverse"],
              [-2, flag],
            ],
            50000,
          ),
        ),
      ).toBe(-2);
    }
  });

  test("asset filter: case-insensitive, only that asset's legs", () => {
    const legs = [
      ["Asset", "Side", "Quantity"],
      ["BTC", "long", 1],
      ["ETH", "long", 10],
      ["eth", "short", 4],
      ["BTC", "short", 1],
    ];
    expect(num(nd(legs, null, "eth"))).toBe(6);
    expect(num(nd(legs, null, " BTC "))).toBe(0);
  });

  test("rows blank in every recognised cell are skipped (room for new legs)", () => {
    const legs = [
      ["Side", "Quantity", "Notes"],
      ["long", 1, ""],
      ["", "", "to add"],
      [null, null, null],
    ];
    expect(num(nd(legs))).toBe(1);
  });

  test("a header row with no legs yet nets 0", () => {
    expect(
      num(
        nd([
          ["Asset", "Quantity"],
          ["", ""],
        ]),
      ),
    ).toBe(0);
  });

  describe("errors", () => {
    test("an inverse leg without price → #N/A naming the row", () => {
      expectError(
        nd([
          ["Quantity", "Inverse"],
          [100, true],
        ]),
        "missing",
        /legs row 2 is an inverse contract.*give the price argument/,
      );
    });
    test("several assets without an asset filter → #VALUE!", () => {
      expectError(
        nd([
          ["Asset", "Quantity"],
          ["BTC", 1],
          ["ETH", 2],
        ]),
        "invalid",
        /legs hold 2 assets \(BTC, ETH\): give the asset argument/,
      );
    });
    test("an asset with no legs → #N/A listing the assets", () => {
      expectError(
        nd(
          [
            ["Asset", "Quantity"],
            ["BTC", 1],
          ],
          null,
          "EHT",
        ),
        "missing",
        /no legs with asset "EHT" \(assets in legs: BTC\)/,
      );
    });
    test("words that name Object.prototype members are not sides, instruments, flags or headers", () => {
      expectError(
        nd([
          ["Side", "Quantity"],
          ["constructor", 5],
        ]),
        "invalid",
        /Side must be long/,
      );
      expectError(
        nd([
          ["Instrument", "Quantity"],
          ["toString", 5],
        ]),
        "invalid",
        /Instrument must be spot/,
      );
      expectError(
        nd([
          ["Inverse", "Quantity"],
          ["__proto__", 5],
        ]),
        "invalid",
        /Inverse must be TRUE/,
      );
      expectError(
        nd([
          ["constructor", "Side"],
          ["x", "long"],
        ]),
        "invalid",
        /no Quantity column/,
      );
    });

    test("a negative quantity with a side → #VALUE! (ambiguous)", () => {
      expectError(
        nd([
          ["Side", "Quantity"],
          ["short", -5],
        ]),
        "invalid",
        /legs row 2, Quantity is -5 while Side is given/,
      );
    });
    test("unknown side, instrument or inverse flag → #VALUE! naming row and column", () => {
      expectError(
        nd([
          ["Side", "Quantity"],
          ["flat", 5],
        ]),
        "invalid",
        /legs row 2, Side must be long, buy, short, sell, 1 or -1 \(got text "flat"\)/,
      );
      expectError(
        nd([
          ["Instrument", "Quantity"],
          ["spot", 1],
          ["bond", 5],
        ]),
        "invalid",
        /legs row 3, Instrument must be spot, perp .* \(got text "bond"\)/,
      );
      expectError(
        nd([
          ["Inverse", "Quantity"],
          ["maybe", 5],
        ]),
        "invalid",
        /legs row 2, Inverse must be TRUE\/FALSE.*\(got text "maybe"\)/,
      );
    });
    test("an option without delta, a delta outside −1…1 → #VALUE!", () => {
      expectError(
        nd([
          ["Instrument", "Quantity"],
          ["option", 5],
        ]),
        "invalid",
        /legs row 2 is an option: give its Delta/,
      );
      expectError(
        nd([
          ["Delta", "Quantity"],
          [45, 5],
        ]),
        "invalid",
        /legs row 2: Delta must be between -1 and 1 .*\(got 45\)/,
      );
    });
    test("an inverse spot leg → #VALUE!", () => {
      expectError(
        nd(
          [
            ["Instrument", "Inverse", "Quantity"],
            ["spot", true, 1],
          ],
          100,
        ),
        "invalid",
        /spot leg cannot be inverse/,
      );
    });
    test("contract size ≤ 0 or text → #VALUE!", () => {
      expectError(
        nd([
          ["Multiplier", "Quantity"],
          [0, 5],
        ]),
        "invalid",
        /Contract size must be greater than 0 \(got 0\)/,
      );
      expectError(
        nd([
          ["Multiplier", "Quantity"],
          ["big", 5],
        ]),
        "invalid",
        /legs row 2, Contract size must be a number \(got text "big"\)/,
      );
    });
    test("a blank or text quantity in a leg row", () => {
      expectError(
        nd([
          ["Side", "Quantity"],
          ["long", ""],
        ]),
        "missing",
        /legs row 2, Quantity is blank/,
      );
      expectError(
        nd([
          ["Side", "Quantity"],
          ["long", "ten"],
        ]),
        "invalid",
        /legs row 2, Quantity must be a number \(got text "ten"\)/,
      );
      expectError(
        nd([
          ["Side", "Quantity"],
          ["long", true],
        ]),
        "invalid",
        /got TRUE/,
      );
    });
    test("headers without a Quantity column → #VALUE! listing what was found", () => {
      expectError(
        nd([
          ["Asset", "Side"],
          ["BTC", "long"],
        ]),
        "invalid",
        /legs has no Quantity column \(headers found: "Asset", "Side"\)/,
      );
    });
    test("two columns for one field → #VALUE!", () => {
      expectError(
        nd([
          ["Qty", "Size"],
          [1, 2],
        ]),
        "invalid",
        /legs has two Quantity columns/,
      );
    });
    test("several columns without a header row → #VALUE!", () => {
      expectError(
        nd([
          [1, 2],
          [3, 4],
        ]),
        "invalid",
        /legs is a 2×2 range without a header row/,
      );
    });
    test("text in a header-less quantity list → #VALUE!", () => {
      expectError(nd(col(1, "x")), "invalid", /legs row 2 must be a number \(got text "x"\)/);
      expectError(nd(col(1, true)), "invalid", /legs row 2 must be a number \(got TRUE\)/);
    });
    test("price ≤ 0 or text; asset not text", () => {
      expectError(nd(col(1), 0), "invalid", /price must be greater than 0 \(got 0\)/);
      expectError(nd(col(1), "abc"), "invalid", /price must be a number \(got text "abc"\)/);
      expectError(nd(col(1), null, 5), "invalid", /asset must be text \(got 5\)/);
    });
    test("an empty array → #VALUE!", () => {
      expectError(nd([]), "invalid", /legs must be a range/);
    });
  });
});
