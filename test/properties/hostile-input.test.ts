/**
 * Hostile input, property-based (fast-check): every non-streaming LEGS function, called as Excel
 * calls it, given any mix of numbers (0, −0, tiny, huge, NaN, ±Infinity), text (empty, spaces,
 * numeric-looking, very long), booleans, null and empty or ragged ranges, answers a finite
 * number, a range of finite numbers (or per-cell errors), or a CustomFunctions.Error — with a
 * message on #VALUE! and #N/A. Never an exception of another kind, NaN, Infinity or undefined.
 */
import fc from "fast-check";
import { isDomainError } from "../../src/core/errors";
import { matrixResult, toExcelError } from "../../src/functions/excel-result";
import { boardCells, readBoardRequest } from "../../src/functions/fundingboard";
import { LEGS_FUNCTIONS } from "../../src/functions/registry";
import { ERROR_CODES, fakeCustomFunctions, FakeCustomFunctionError } from "../helpers/custom-functions";

const CF = fakeCustomFunctions();
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = CF;

const fns = require("../../src/functions/functions") as Record<string, (...a: unknown[]) => unknown>;

const LIVE = new Set(["FUNDINGRATE", "MARKPRICE", "INDEXPRICE", "FUNDINGINTERVAL", "FUNDINGHISTORY", "FUTURES", "FUNDINGBOARD"]);
const PURE = LEGS_FUNCTIONS.filter((f) => !LIVE.has(f.name));

const numberCell = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    5e-324,
    -5e-324,
    1e-300,
    1e300,
    1.7976931348623157e308,
    -1.7976931348623157e308,
    NaN,
    Infinity,
    -Infinity,
    0.1,
    3400,
    95000,
  ),
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
);
const textCell = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "   ",
    "long",
    "short",
    "BUY",
    "sell",
    "inverse",
    "linear",
    "simple",
    "compound",
    "continuous",
    "mark",
    "entry",
    "TRUE",
    "yes",
    "spot",
    "perp",
    "option",
    "Quantity",
    "Side",
    "Asset",
    "Delta",
    "constructor",
    "__proto__",
    "toString",
    "hasOwnProperty",
  ),
  fc.constantFrom(
    "0",
    "-0",
    "1e5",
    " 3 ",
    "0.0003",
    "1e999",
    "-1e-999",
    "1e99999999999999999",
    "NaN",
    "Infinity",
    "1,000",
    "5%",
    "0x10",
  ),
  fc.string({ maxLength: 12 }),
  fc.constant("9".repeat(5000)),
  fc.constant("x".repeat(100000)),
);
const cell = fc.oneof(numberCell, textCell, fc.boolean(), fc.constant(null), fc.constant(undefined));
const grid = fc.oneof(
  fc.constant([]),
  fc.constant([[]]),
  fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), // may be ragged
  fc
    .integer({ min: 1, max: 4 })
    .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
);
const argument = fc.oneof({ weight: 3, arbitrary: cell }, { weight: 2, arbitrary: grid });

const ALLOWED_CODES = new Set<string>(Object.values(ERROR_CODES));

/** The words a message may use to name the argument: the parameter names and their singulars. */
let argumentWords: string[] = [];

function checkError(e: unknown): void {
  expect(e).toBeInstanceOf(FakeCustomFunctionError);
  const err = e as FakeCustomFunctionError;
  expect(ALLOWED_CODES.has(err.code)).toBe(true);
  if (err.code === "#VALUE!" || err.code === "#N/A") {
    expect(typeof err.message).toBe("string");
    const message = err.message ?? "";
    expect(message.length).toBeGreaterThan(10);
    // A person can act on it: it names the argument (or the table cell) that is wrong.
    if (!argumentWords.some((w) => message.includes(w))) throw new Error(`message names no argument: ${message}`);
  }
}

/** Calls fn as Excel would and checks whatever comes back, value or thrown error (awaited for an async function). */
async function expectSafe(fn: (...a: unknown[]) => unknown, args: unknown[]): Promise<void> {
  let result: unknown;
  try {
    result = await fn(...args);
  } catch (e) {
    checkError(e);
    return;
  }
  checkAnswer(result);
}

function wordsFor(parameters: readonly string[]): string[] {
  return parameters.flatMap((p) => [p, p.replace(/ies$/, "y").replace(/s$/, "")]);
}

function checkAnswer(v: unknown): void {
  if (typeof v === "number") {
    expect(Number.isFinite(v)).toBe(true);
    return;
  }
  expect(Array.isArray(v)).toBe(true);
  const rows = v as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(Array.isArray(row)).toBe(true);
    expect(row.length).toBe(rows[0].length);
    for (const x of row) {
      if (typeof x === "number") expect(Number.isFinite(x)).toBe(true);
      else if (typeof x !== "string") checkError(x); // text: a blank input row (REALIZEDPNL), a label (LEDGER)
    }
  }
}

/** A valid call of each function, so that one hostile argument reaches the deeper paths. */
const VALID: Record<string, unknown[]> = {
  NETDELTA: [
    [
      ["Asset", "Instrument", "Side", "Quantity", "Contract size", "Inverse", "Type", "Strike", "Expiry", "Vol"],
      ["ETH", "spot", "long", 10, "", "", "", "", "", ""],
      ["ETH", "perp", "short", 3400, 10, true, "", "", "", ""],
      ["ETH", "option", "long", 5, 1, true, "put", 3000, 73051, 0.7],
    ],
    3400,
    "ETH",
  ],
  BASISAPY: [[[95000]], [[98000]], [[90]], "compound", 365],
  FUNDINGYIELD: [[[0.0003], [0.0001]], [[8]], [[365]], "compound"],
  HEDGEPNL: [[[10]], [[5]], [[3400]], [[3740], [3060]], [[0.0001]], [[90]], [[0.0005]]],
  POSITIONPNL: ["long", [[15000]], [[750]], [[800]], "inverse", [[1]]],
  AVGENTRY: [[[0.5], [0.3]], [[5000], [6000]], "inverse"],
  LIQPRICE: ["short", [[20000]], [[1]], [[400]], [[0.005]], [[10]], "inverse", "entry"],
  FUNDINGPNL: ["long", 15000, [[750], [800]], [[0.0025], [-0.001]], "inverse", 1],
  LEDGER: [
    [
      ["Time UTC", "Exchange", "Symbol", "Side", "Quantity", "Price", "Fee", "Strategy"],
      [46000, "binance", "BTCUSDT", "buy", 1, 100000, 40, "carry"],
      [46001, "binance", "BTCUSDT", "sell", 0.5, 101000, 20, "carry"],
    ],
    [
      ["Time UTC", "Exchange", "Symbol", "Amount", "Asset", "Strategy"],
      [46000.5, "binance", "BTCUSDT", 3, "USDT", ""],
    ],
    [["BTCUSDT", 102000]],
    "average",
    [
      ["Time UTC", "Exchange", "Symbol", "Closing side", "Quantity", "Closed P&L", "Currency"],
      [46001, "binance", "BTCUSDT", "sell", 0.5, 480, "USDT"],
    ],
  ],
  BOOKDELTA: [
    [
      ["Time UTC", "Exchange", "Symbol", "Contract type", "Contract size", "Side", "Quantity", "Price", "Strategy"],
      [46000, "binance", "BTCUSD_PERP", "inverse", 100, "sell", 10, 100000, "carry"],
      [46001, "binance", "BTC/USDT", "linear", 1, "buy", 0.01, 100000, "carry"],
    ],
    [["BTCUSD_PERP", 102000]],
    "fifo",
  ],
  BOOKPNL: [
    [
      ["Time UTC", "Exchange", "Symbol", "Side", "Quantity", "Price", "Fee", "Fee asset", "Strategy"],
      [46000, "binance", "BTCUSDT", "buy", 1, 100000, 40, "USDT", "carry"],
      [46001.25, "binance", "BTCUSDT", "sell", 0.5, 101000, 20, "USDT", "carry"],
    ],
    [
      ["Time UTC", "Exchange", "Symbol", "Amount", "Asset", "Strategy"],
      [46000.5, "binance", "BTCUSDT", 3, "USDT", ""],
    ],
    "USDT",
    "average",
  ],
  FORWARDAPY: [[[30], [60]], [[0.06], [0.07]], [[90]], [[0.08]], "compound"],
  CONSTANTMATURITY: [[[9], [37], [100]], [[0.05], [0.08], [0.1]], [[30, 60, 90]], "continuous"],
  OPTIONPRICE: [[["call"], ["put"]], [[100000]], [[90000], [110000]], [[30, 90]], [[0.6]], [[0.05]], "inverse"],
  OPTIONDELTA: ["put", 100000, [[90000, 110000]], 30, 0.6, 0, "inverse"],
  OPTIONGREEKS: [[["c"], ["p"]], 3000, [[2800], [3200]], 7.5, 0.8, 0.04, "linear"],
  IMPLIEDVOL: ["call", 100000, [[90000], [110000]], 30, [[0.1], [0.05]], null, "inverse"],
  REBALANCE: [[[100000], [115000], [95000], [""]], 1, [["inverse", 1000, 100]], 0.1, "band", 0.0005, null],
  HEDGESTATS: [[[100], [101], [103], [102]], [[50], [50.4], [51.6], [51]], "log"],
  REALIZEDPNL: [
    [["buy"], ["buy"], ["sell"], [""]],
    [[1], [2], [4], [""]],
    [[100], [110], [90], [""]],
    "fifo",
    "inverse",
    100,
    -2,
    120,
  ],
  // Live (below, without I/O): symbols in several spellings and a blank, venues in cells and comma-separated.
  FUNDINGBOARD: [[["BTC"], ["ethusdt"], [""], ["SOL-USDT"]], [["binance", "okx, hyperliquid"]], "year"],
};

describe.each(PURE.map((f) => [f.name, f]))("LEGS.%s with one hostile argument in a valid call", (name, meta) => {
  test("still answers a finite number, a range of them, or a CustomFunctions.Error", async () => {
    const fn = fns[name as string];
    argumentWords = wordsFor(meta.parameters);
    const valid = VALID[name as string];
    expect(valid).toHaveLength(meta.parameters.length);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: meta.parameters.length - 1 }), argument, async (i, hostile) => {
        const args = [...valid];
        args[i] = hostile;
        await expectSafe(fn, args);
      }),
      { numRuns: 500 },
    );
  });
});

describe.each(PURE.map((f) => [f.name, f]))("LEGS.%s under hostile input", (name, meta) => {
  test("answers a finite number, a range of them, or a CustomFunctions.Error with a message", async () => {
    const fn = fns[name as string];
    argumentWords = wordsFor(meta.parameters);
    await fc.assert(
      fc.asyncProperty(fc.array(argument, { minLength: meta.parameters.length, maxLength: meta.parameters.length }), (args) =>
        expectSafe(fn, args),
      ),
      { numRuns: 400 },
    );
  });
});

/**
 * LEGS.FUNDINGBOARD streams live rates, but its arguments are read, and its table built, without
 * I/O (src/functions/fundingboard.ts, in live.js): the same properties there, with every venue
 * quoting each symbol (on 8, 4 or 1-hour intervals), so that any error comes from the arguments.
 */
describe("LEGS.FUNDINGBOARD's arguments and table under hostile input (no I/O)", () => {
  const meta = LEGS_FUNCTIONS.find((f) => f.name === "FUNDINGBOARD")!;
  const INTERVALS = [8, 4, 8, 1, 8];
  const board = (...args: unknown[]): unknown => {
    const req = readBoardRequest(args[0], args[1], args[2]);
    if (isDomainError(req)) throw toExcelError(req);
    const quotes = req.symbols.map(() =>
      req.venues.map((_, i) => ({ rate: 0.0001 * (i - 2) + 0.00001234, intervalHours: INTERVALS[i] })),
    );
    return matrixResult(boardCells(req, quotes));
  };

  test("one hostile argument in a valid call", async () => {
    argumentWords = wordsFor(meta.parameters);
    const valid = VALID.FUNDINGBOARD;
    expect(valid).toHaveLength(meta.parameters.length);
    await expectSafe(board, valid);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: meta.parameters.length - 1 }), argument, async (i, hostile) => {
        const args = [...valid];
        args[i] = hostile;
        await expectSafe(board, args);
      }),
      { numRuns: 500 },
    );
  });

  test("every argument hostile", async () => {
    argumentWords = wordsFor(meta.parameters);
    await fc.assert(
      fc.asyncProperty(fc.array(argument, { minLength: meta.parameters.length, maxLength: meta.parameters.length }), (args) =>
        expectSafe(board, args),
      ),
      { numRuns: 400 },
    );
  });
});
