/**
 * LEGS.FUNDINGBOARD's argument reading (every error names the argument and the value) and its
 * table from hand-made quotes: rates restated per the horizon from each venue's interval, the
 * best pair (ties to the venue listed first), the spread and its APR (simple, as FUNDINGYIELD),
 * "" for a venue that does not list a symbol, #N/A with the venue's message for one that fails.
 * No I/O: the quotes are what src/live/funding-board.ts would hand over.
 */
import { Dec, toDouble } from "../../src/core/decimal";
import { DomainError, isDomainError } from "../../src/core/errors";
import {
  BoardCell,
  boardCells,
  boardHeader,
  BoardQuote,
  BoardRequest,
  isSymbol,
  MAX_BOARD_SYMBOLS,
  readBoardRequest,
} from "../../src/functions/fundingboard";
import { fundingYield } from "../../src/functions/fundingyield";
import { col, num, row } from "../helpers/answers";

const ALL = ["binance", "bybit", "okx", "hyperliquid", "deribit"];

function request(symbols: unknown, exchanges: unknown = null, horizon: unknown = null): BoardRequest {
  const r = readBoardRequest(symbols, exchanges, horizon);
  if (isDomainError(r)) throw new Error(`unexpected error: ${r.message}`);
  return r;
}

/** The error readBoardRequest gives: its kind and exact message. */
function failure(symbols: unknown, exchanges: unknown = null, horizon: unknown = null): { kind: string; message: string } {
  const r = readBoardRequest(symbols, exchanges, horizon);
  if (!isDomainError(r)) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return { kind: r.kind, message: r.message };
}

const bad = (message: string) => ({ kind: "invalid", message });

/** rate × horizon / interval exactly, as the nearest double (the test's own arithmetic). */
const per = (rate: string, intervalHours: number, horizonHours: number | string = 8): number =>
  new Dec(rate).times(horizonHours).div(intervalHours).toNumber();

describe("readBoardRequest: symbols", () => {
  test("a column, a row or a single cell; trimmed; blank cells keep their place as null", () => {
    expect(request(col("BTC", " ETHUSDT ", "", null, "sol-usdt")).symbols).toEqual(["BTC", "ETHUSDT", null, null, "sol-usdt"]);
    expect(request(row("BTC", "ETH")).symbols).toEqual(["BTC", "ETH"]);
    expect(request("BTC").symbols).toEqual(["BTC"]);
    expect(request([["BTC"]]).symbols).toEqual(["BTC"]);
  });

  test("a 2-D range is refused, naming its size", () => {
    expect(
      failure([
        ["BTC", "ETH"],
        ["SOL", "XRP"],
      ]),
    ).toEqual(bad("symbols must be one row or one column (got a 2×2 range)"));
    expect(
      failure([
        ["BTC", "ETH", "SOL"],
        ["", "", ""],
      ]),
    ).toEqual(bad("symbols must be one row or one column (got a 2×3 range)"));
  });

  test("a number, a boolean among symbols: which item and what it was", () => {
    expect(failure(col("BTC", 5))).toEqual(bad('symbols item 2 must be text such as "BTC" or "ETHUSDT" (got 5)'));
    expect(failure(row("BTC", "ETH", true))).toEqual(bad('symbols item 3 must be text such as "BTC" or "ETHUSDT" (got TRUE)'));
    expect(failure(0.5)).toEqual(bad('symbols item 1 must be text such as "BTC" or "ETHUSDT" (got 0.5)'));
  });

  test(`at most ${MAX_BOARD_SYMBOLS} cells (a whole column selected by mistake)`, () => {
    expect(MAX_BOARD_SYMBOLS).toBe(500);
    expect(request(col(...new Array(500).fill("BTC"))).symbols).toHaveLength(500);
    expect(failure(col(...new Array(501).fill("BTC")))).toEqual(bad("symbols may hold at most 500 cells (got 501)"));
    expect(failure(Array.from({ length: 1048576 }, () => [null]))).toEqual(
      bad("symbols may hold at most 500 cells (got 1048576)"),
    );
  });

  test("only blank cells: #N/A, with an example", () => {
    const blank = { kind: "missing", message: "symbols is required (got only blank cells): e.g. BTC, ETH, SOL" };
    expect(failure(col("", null, "   "))).toEqual(blank);
    expect(failure(null)).toEqual(blank);
    expect(failure("")).toEqual(blank);
  });

  test("a malformed array names the argument", () => {
    expect(failure([])).toEqual(bad("symbols must be a range of cells (got an empty or malformed array)"));
    expect(failure([["BTC"], ["ETH", "SOL"]])).toEqual(
      bad("symbols must be a rectangular range (got rows of different lengths)"),
    );
  });

  test("a symbol that does not read as a perpetual is not refused here: its own row says so", () => {
    expect(request(col("BTC", "B@D")).symbols).toEqual(["BTC", "B@D"]);
    expect(isSymbol("B@D")).toBe(false);
    for (const s of ["BTC", "btc", "BTCUSDT", "btc-usdt", "BTC/USDC", "ETH-USDT-SWAP", "BTC-PERPETUAL", "HIFIUSDT"])
      expect(isSymbol(s)).toBe(true);
  });
});

describe("readBoardRequest: exchanges", () => {
  test("omitted, blank or a range of blanks: every venue, in the documented order", () => {
    expect(request("BTC").venues).toEqual(ALL);
    expect(request("BTC", "").venues).toEqual(ALL);
    expect(request("BTC", row("", null, " ")).venues).toEqual(ALL);
  });

  test("one a cell, any case, blanks skipped, in the user's order", () => {
    expect(request("BTC", row("OKX", "", null, "Binance", "deribit")).venues).toEqual(["okx", "binance", "deribit"]);
    expect(request("BTC", col("hyperliquid")).venues).toEqual(["hyperliquid"]);
  });

  test("comma-separated in one cell (also mixed with cells)", () => {
    expect(request("BTC", "binance, okx").venues).toEqual(["binance", "okx"]);
    expect(request("BTC", " bybit,hyperliquid ,, deribit ").venues).toEqual(["bybit", "hyperliquid", "deribit"]);
    expect(request("BTC", row("binance,okx", "bybit")).venues).toEqual(["binance", "okx", "bybit"]);
  });

  test("an unknown name: the allowed ones and what was given", () => {
    const allowed = '"binance", "bybit", "okx", "hyperliquid", "deribit"';
    expect(failure("BTC", "kraken")).toEqual(bad(`exchanges must name venues among ${allowed} (got "kraken")`));
    expect(failure("BTC", "binance, Kraken ")).toEqual(bad(`exchanges must name venues among ${allowed} (got "Kraken")`));
    expect(failure("BTC", row("okx", "binance okx"))).toEqual(
      bad(`exchanges must name venues among ${allowed} (got "binance okx")`),
    );
    // Own names only: nothing from Object.prototype.
    expect(failure("BTC", "constructor")).toEqual(bad(`exchanges must name venues among ${allowed} (got "constructor")`));
  });

  test("a venue named twice, in a range or in one cell", () => {
    expect(failure("BTC", row("okx", "OKX"))).toEqual(bad('exchanges names "okx" twice'));
    expect(failure("BTC", "binance, bybit, binance")).toEqual(bad('exchanges names "binance" twice'));
    expect(failure("BTC", col("deribit, okx", "deribit"))).toEqual(bad('exchanges names "deribit" twice'));
  });

  test("a number or a boolean is not a venue", () => {
    expect(failure("BTC", 5)).toEqual(bad('exchanges must be names such as "binance" (got 5)'));
    expect(failure("BTC", row("okx", false))).toEqual(bad('exchanges must be names such as "binance" (got FALSE)'));
  });
});

describe("readBoardRequest: horizon", () => {
  const h = (horizon: unknown) => {
    const r = request("BTC", null, horizon);
    return [r.horizonHours.toString(), r.horizonLabel];
  };

  test("omitted or blank: 8 hours", () => {
    expect(h(null)).toEqual(["8", "8h"]);
    expect(h("")).toEqual(["8", "8h"]);
    expect(h([[null]])).toEqual(["8", "8h"]);
  });

  test("hours as a number or text, days as text", () => {
    expect(h(8)).toEqual(["8", "8h"]);
    expect(h([[8]])).toEqual(["8", "8h"]);
    expect(h("1h")).toEqual(["1", "1h"]);
    expect(h("24h")).toEqual(["24", "24h"]);
    expect(h(" 24 H ")).toEqual(["24", "24h"]);
    expect(h("1d")).toEqual(["24", "24h"]);
    expect(h("7d")).toEqual(["168", "168h"]);
    expect(h(0.5)).toEqual(["0.5", "0.5h"]);
    expect(h("1.5h")).toEqual(["1.5", "1.5h"]);
  });

  test('a year: "year", "APR" (any case), 8760 hours or "365d" are labelled APR', () => {
    for (const y of ["year", "APR", "apr", " Annual ", "1y", 8760, "8760h", "365d"]) expect(h(y)).toEqual(["8760", "APR"]);
  });

  test("0, negative, more than a year: the range and the hours given", () => {
    const range = (got: string) => bad(`horizon must be more than 0 hours and at most a year, 8760 (got ${got} hours)`);
    expect(failure("BTC", null, 0)).toEqual(range("0"));
    expect(failure("BTC", null, -1)).toEqual(range("-1"));
    expect(failure("BTC", null, 9000)).toEqual(range("9000"));
    expect(failure("BTC", null, "0h")).toEqual(range("0"));
    expect(failure("BTC", null, "366d")).toEqual(range("8784"));
  });

  test("text that is not a period, a boolean, a non-finite number: what is allowed and what was given", () => {
    const allowed = 'horizon must be hours (e.g. 8 or "8h"), days ("1d", "7d") or "year"';
    expect(failure("BTC", null, "abc")).toEqual(bad(`${allowed} (got text "abc")`));
    expect(failure("BTC", null, true)).toEqual(bad(`${allowed} (got TRUE)`));
    expect(failure("BTC", null, "8")).toEqual(bad(`${allowed} (got text "8")`));
    expect(failure("BTC", null, "-1h")).toEqual(bad(`${allowed} (got text "-1h")`));
    expect(failure("BTC", null, "1w")).toEqual(bad(`${allowed} (got text "1w")`));
    expect(failure("BTC", null, "__proto__")).toEqual(bad(`${allowed} (got text "__proto__")`));
    expect(failure("BTC", null, Infinity)).toEqual(bad(`${allowed} (got Infinity)`));
    expect(failure("BTC", null, NaN)).toEqual(bad(`${allowed} (got NaN)`));
  });

  test("a range of several cells is refused", () => {
    expect(failure("BTC", null, col(8, 24))).toEqual(bad("horizon takes a single value (got a 2×1 range)"));
  });

  test("arguments are checked in order: symbols, then exchanges, then horizon", () => {
    expect(failure(col("BTC", 5), "kraken", "abc").message).toMatch(/^symbols /);
    expect(failure("BTC", "kraken", "abc").message).toMatch(/^exchanges /);
  });
});

describe("boardCells", () => {
  const down = "okx unreachable since 19:30 UTC (okx is unreachable (fetch failed))";
  const q = (rate: number, intervalHours: number): BoardQuote => ({ rate, intervalHours });

  const isError = (cell: BoardCell, kind: string, message: string | RegExp) => {
    expect(cell).toBeInstanceOf(DomainError);
    const e = cell as DomainError;
    expect(e.kind).toBe(kind);
    if (typeof message === "string") expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  };

  test("header: Symbol, a column per venue labelled with the horizon, the pair, the spread, its APR", () => {
    expect(boardHeader(request("BTC"))).toEqual([
      "Symbol",
      "binance 8h",
      "bybit 8h",
      "okx 8h",
      "hyperliquid 8h",
      "deribit 8h",
      "Best short",
      "Best long",
      "Spread 8h",
      "Spread APR",
    ]);
    expect(boardHeader(request("BTC", "okx, binance", "1d"))).toEqual([
      "Symbol",
      "okx 24h",
      "binance 24h",
      "Best short",
      "Best long",
      "Spread 24h",
      "Spread APR",
    ]);
  });

  test("a table from hand-made quotes: intervals restated, ties to the first venue, failures and unlisted venues", () => {
    const req = request(col("BTC", "ETH", "", "XYZ", "B@D", "HIFIUSDT"), row("binance", "hyperliquid", "okx"), null);
    const quotes: BoardQuote[][] = [
      [q(0.0001, 8), q(0.0000125, 1), down], // BTC: okx down
      [q(0.00007415, 8), null, q(0.0000514420987312, 8)], // ETH: hyperliquid does not list it
      [], // blank
      [null, null, null], // XYZ: nobody lists it
      [], // B@D: not asked
      [q(0.00052174, 4), null, null], // HIFIUSDT: binance only, 4-hour funding
    ];
    const table = boardCells(req, quotes);
    expect(table).toHaveLength(7);
    expect(table.every((r) => r.length === 8)).toBe(true);
    expect(table[0]).toEqual([
      "Symbol",
      "binance 8h",
      "hyperliquid 8h",
      "okx 8h",
      "Best short",
      "Best long",
      "Spread 8h",
      "Spread APR",
    ]);

    // BTC: 0.0001 on binance and 0.0000125 × 8 = 0.0001 on hyperliquid: a tie. Short the first, long the other; spread 0.
    const btc = table[1];
    expect(btc.slice(0, 3)).toEqual(["BTC", 0.0001, 0.0001]);
    isError(btc[3], "missing", down);
    expect(btc.slice(4)).toEqual(["binance", "hyperliquid", 0, 0]);

    // ETH: short binance (0.00007415), long okx (0.0000514420987312); spread 0.0000227079012688; APR × 1095.
    expect(table[2]).toEqual([
      "ETH",
      0.00007415,
      "",
      0.0000514420987312,
      "binance",
      "okx",
      0.0000227079012688,
      0.024865151889336,
    ]);
    expect(table[2][7]).toBe(num(fundingYield(0.0000227079012688, 8, 365, null)));

    // A blank symbol: a blank row, as wide as the others.
    expect(table[3]).toEqual(["", "", "", "", "", "", "", ""]);

    // XYZ: "" in each venue, #N/A in Best short naming the venues asked.
    expect(table[4].slice(0, 4)).toEqual(["XYZ", "", "", ""]);
    isError(table[4][4], "missing", "none of binance, hyperliquid, okx lists a perpetual for XYZ");
    expect(table[4].slice(5)).toEqual(["", "", ""]);

    // B@D: #VALUE! in every venue cell, naming the symbol and the forms allowed.
    expect(table[5][0]).toBe("B@D");
    for (const cell of table[5].slice(1, 4))
      isError(cell, "invalid", 'text "B@D" is not a perpetual\'s symbol: use a form like BTC, BTCUSDT or BTC-USDT');
    expect(table[5].slice(4)).toEqual(["", "", "", ""]);

    // HIFIUSDT: 0.00052174 per 4 h = 0.00104348 per 8 h; one venue, so no pair.
    expect(table[6]).toEqual(["HIFIUSDT", 0.00104348, "", "", "", "", "", ""]);
  });

  test("every venue on the APR horizon: cells are each rate's APR, the spread's APR equals FUNDINGYIELD", () => {
    const req = request("SOL", null, "year");
    const quotes: BoardQuote[][] = [
      [q(-0.00002318, 8), q(-0.00002284, 4), null, q(-0.0000041829, 1), q(-0.00036996280223177216, 8)],
    ];
    const [header, sol] = boardCells(req, quotes);
    expect(header).toEqual([
      "Symbol",
      "binance APR",
      "bybit APR",
      "okx APR",
      "hyperliquid APR",
      "deribit APR",
      "Best short",
      "Best long",
      "Spread (year)",
      "Spread APR",
    ]);
    expect(sol.slice(0, 6)).toEqual([
      "SOL",
      per("-0.00002318", 8, 8760), // × 1095
      per("-0.00002284", 4, 8760), // × 2190
      "",
      per("-0.0000041829", 1, 8760), // × 8760
      per("-0.00036996280223177216", 8, 8760),
    ]);
    expect(sol[1]).toBe(-0.0253821);
    expect(sol[2]).toBe(-0.0500196);
    expect(sol[4]).toBe(-0.036642204);
    // Highest: binance (−0.0254 a year, it pays the short least); lowest: deribit (−0.405).
    expect(sol.slice(6, 8)).toEqual(["binance", "deribit"]);
    const spread = new Dec("-0.00002318").times(1095).minus(new Dec("-0.00036996280223177216").times(1095));
    expect(sol[8]).toBe(spread.toNumber());
    expect(sol[9]).toBe(sol[8]);
    // Each venue cell is FUNDINGYIELD(rate, interval, 365) (simple).
    expect(sol[1]).toBe(num(fundingYield(-0.00002318, 8, 365, null)));
    expect(sol[2]).toBe(num(fundingYield(-0.00002284, 4, 365, null)));
    expect(sol[4]).toBe(num(fundingYield(-0.0000041829, 1, 365, null)));
    expect(sol[5]).toBe(num(fundingYield(-0.00036996280223177216, 8, 365, null)));
  });

  test("the Spread APR does not depend on the horizon shown", () => {
    const quotes: BoardQuote[][] = [[q(0.00052174, 4), q(0.0001, 8), q(0.0000125, 1)]];
    const venues = "binance, okx, hyperliquid";
    const aprs = ["1h", 8, "1d", "7d", "year"].map((h) => boardCells(request("X", venues, h), quotes)[1][7]);
    // short binance (0.00052174 per 4 h); long okx (0.0001 per 8 h), tied with hyperliquid (0.0000125
    // per 1 h) and listed first: (0.00052174 × 2190) − 0.1095
    expect(aprs).toEqual(new Array(5).fill(1.0331106));
    const [, x] = boardCells(request("X", venues, "1h"), quotes);
    expect(x.slice(1, 7)).toEqual([0.000130435, 0.0000125, 0.0000125, "binance", "okx", 0.000117935]);
  });

  test("all venues failing or unlisted: no pair, and no #N/A in Best short while someone lists it", () => {
    const req = request("BTC", "binance, bybit");
    const [, r] = boardCells(req, [["binance rate limit: retrying after 19:31 UTC", null]]);
    isError(r[1], "missing", "binance rate limit: retrying after 19:31 UTC");
    expect(r.slice(2)).toEqual(["", "", "", "", ""]);
  });

  test("an interval of 0 or less from a venue: #N/A naming the venue in its cell, not the board's failure", () => {
    // OKX's interval is nextFundingTime − fundingTime: odd data could make it 0 or negative.
    const [, r] = boardCells(request("BTC", "okx, binance"), [[q(0.0001, 0), q(0.0001, 8)]]);
    isError(r[1], "missing", "okx sent a funding interval of 0 hours for BTC");
    expect(r.slice(2)).toEqual([0.0001, "", "", "", ""]);
    const [, n] = boardCells(request("ETH", "binance, okx, bybit"), [[q(0.0001, 8), q(0.0001, -8), q(0.0002, 8)]]);
    isError(n[2], "missing", "okx sent a funding interval of -8 hours for ETH");
    expect(n.slice(4)).toEqual(["bybit", "binance", 0.0001, 0.1095]);
  });

  test("exact where doubles are not: 0.0003 − 0.0001 is 0.0002 and its APR 0.219", () => {
    const [, r] = boardCells(request("BTC", "binance, okx"), [[q(0.0003, 8), q(0.0001, 8)]]);
    expect(r.slice(3)).toEqual(["binance", "okx", 0.0002, 0.219]);
    expect(toDouble(new Dec(0.0002).times(1095))).toBe(0.219);
  });
});
