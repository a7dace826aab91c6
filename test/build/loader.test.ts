/**
 * The production functions bundle loads where only `CustomFunctions` exists — no window,
 * document or Office — as in Excel's JavaScript-only custom-functions runtime, and every id in
 * the generated functions.json is associated and callable there.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { LEGS_FUNCTIONS } from "../../src/functions/registry";
import { fakeCustomFunctions, FakeCustomFunctionError, FakeCustomFunctions } from "../helpers/custom-functions";

const dist = path.resolve(__dirname, "../../dist");

interface FunctionMetadata {
  id: string;
  name: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  result: { dimensionality?: string };
}

function loadBundle(): { cf: FakeCustomFunctions; context: vm.Context } {
  const cf = fakeCustomFunctions();
  const context = vm.createContext({ CustomFunctions: cf });
  vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
  return { cf, context };
}

/** A plausible argument for each parameter: 1×1 ranges for matrix parameters, null for optionals. */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  NETDELTA: [[["Side", "Quantity"], ["long", 10], ["short", 10]], null, null],
  BASISAPY: [[[95000]], [[98000]], [[90]], null, null],
  FUNDINGYIELD: [[[0.0003]], null, null, null],
  HEDGEPNL: [[[10]], [[5]], [[3400]], [[3740], [3060]], null, null, null],
  POSITIONPNL: ["long", [[15000]], [[750]], [[800]], "inverse", null],
  AVGENTRY: [[[0.5], [0.3]], [[5000], [6000]], null],
  LIQPRICE: ["long", [[20000]], [[1]], [[400]], [[0.005]], null, "linear", "entry"],
  FUNDINGPNL: ["long", 15000, [[750]], [[0.0025]], "inverse", null],
  REALIZEDPNL: [[["buy"], ["sell"]], [[1], [1]], [[100], [110]], null, null, null, null, null],
  LEDGER: [[["Exchange", "Symbol", "Side", "Quantity", "Price"], ["binance", "BTCUSDT", "buy", 1, 100]], null, null, null, null],
  BOOKDELTA: [[["Exchange", "Symbol", "Side", "Quantity", "Price"], ["binance", "BTCUSDT", "buy", 1, 100]], null, null],
  BOOKPNL: [[["Time UTC", "Exchange", "Symbol", "Side", "Quantity", "Price"], [46000, "binance", "BTCUSDT", "buy", 1, 100]], null, null, null],
  FORWARDAPY: [[[30]], [[0.06]], [[90]], [[0.08]], null],
  CONSTANTMATURITY: [[[9], [37]], [[0.05], [0.08]], [[30]], null],
  // Hull's put on a future (F = K = 20, 4 months, 25 %, r = 9 %); a Deribit-style coin-settled call.
  OPTIONPRICE: ["put", 20, 20, 365 / 3, 0.25, 0.09, null],
  OPTIONDELTA: ["call", 100000, 100000, 30, 0.6, null, "inverse"],
  OPTIONGREEKS: ["c", 100000, 100000, 30, 0.6, null, null],
  IMPLIEDVOL: ["call", 100000, 100000, 30, 0.05, null, "inverse"],
  // The hedge backtests live in options.js too.
  REBALANCE: [[[100000], [115000]], 1, [["inverse", 1000, 100]], 0.1, null, null, null],
  HEDGESTATS: [[[100], [101], [103]], [[50], [50.4], [51.6]], null],
  // Live functions, with arguments rejected before any request (the bare vm has no network).
  FUNDINGRATE: ["BTC", "kraken"],
  MARKPRICE: ["", null],
  INDEXPRICE: ["BTC", 7],
  FUNDINGINTERVAL: [5, null],
  FUNDINGHISTORY: ["BTC", null, -1],
  FUTURES: ["BTC-USD", "deribit", null],
  // Its arguments are read in live.js (functions.js only forwards them): valid ones, and still #N/A here.
  FUNDINGBOARD: [[["BTC"], ["ETH"]], null, null],
};

const STREAMING = new Set(["FUNDINGRATE", "MARKPRICE", "INDEXPRICE", "FUTURES", "FUNDINGBOARD"]);

const EXPECTED: Record<string, unknown> = {
  NETDELTA: 0,
  BASISAPY: [[0.1280701754385965]],
  FUNDINGYIELD: [[0.3285]],
  HEDGEPNL: [[1700], [-1700]],
  POSITIONPNL: [[1.25]],
  AVGENTRY: 5375,
  LIQPRICE: [[19700]],
  FUNDINGPNL: -0.05,
  // The book functions are book.js, which a runtime without a page cannot load: a clear #N/A.
  LEDGER: {
    code: "#N/A",
    message: "the book functions could not be loaded (document is not defined): they need the add-in's shared runtime",
  },
  BOOKDELTA: {
    code: "#N/A",
    message: "the book functions could not be loaded (document is not defined): they need the add-in's shared runtime",
  },
  BOOKPNL: {
    code: "#N/A",
    message: "the book functions could not be loaded (document is not defined): they need the add-in's shared runtime",
  },
  REALIZEDPNL: {
    code: "#N/A",
    message: "the book functions could not be loaded (document is not defined): they need the add-in's shared runtime",
  },
  ...Object.fromEntries(
    ["FORWARDAPY", "CONSTANTMATURITY"].map((id) => [
      id,
      {
        code: "#N/A",
        message: "the term-structure functions could not be loaded (document is not defined): they need the add-in's shared runtime",
      },
    ]),
  ),
  // So are the option functions (options.js).
  ...Object.fromEntries(
    ["OPTIONPRICE", "OPTIONDELTA", "OPTIONGREEKS", "IMPLIEDVOL", "REBALANCE", "HEDGESTATS"].map((id) => [
      id,
      {
        code: "#N/A",
        message: "the option functions could not be loaded (document is not defined): they need the add-in's shared runtime",
      },
    ]),
  ),
  FUNDINGRATE: { code: "#VALUE!", message: 'exchange must be one of "binance", "bybit", "okx", "hyperliquid", "deribit" (got text "kraken")' },
  MARKPRICE: { code: "#N/A", message: "symbol is required (got a blank cell): e.g. BTC, BTCUSDT or BTC-USDT" },
  INDEXPRICE: { code: "#VALUE!", message: 'exchange must be one of "binance", "bybit", "okx", "hyperliquid", "deribit" (got 7)' },
  FUNDINGINTERVAL: { code: "#VALUE!", message: 'symbol must be text such as "BTC" or "BTCUSDT" (got 5)' },
  FUNDINGHISTORY: { code: "#VALUE!", message: "days must be greater than 0 and at most 1095 (got -1)" },
  FUTURES: { code: "#VALUE!", message: 'asset must be a coin such as "BTC" (got "BTC-USD")' },
  // live.js cannot be added where there is no page: a clear #N/A, whatever the arguments.
  FUNDINGBOARD: {
    code: "#N/A",
    message: "live exchange data could not be loaded (document is not defined): it needs the add-in's shared runtime",
  },
};

describe("dist/functions.js in a bare vm (Excel's JavaScript-only runtime)", () => {
  const metadata: { functions: FunctionMetadata[] } = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));

  test("the context has no window, document or Office, and the bundle still loads", () => {
    const { context } = loadBundle();
    expect(vm.runInContext("typeof window + typeof document + typeof Office", context)).toBe(
      "undefinedundefinedundefined",
    );
  });

  test("functions.json lists every LEGS function, and each has a sample call here", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(SAMPLE_ARGS).sort());
  });

  test("the host-neutral registry (used by the preview) lists the same functions and parameters", () => {
    for (const meta of metadata.functions) {
      const fn = LEGS_FUNCTIONS.find((f) => f.name === meta.id);
      expect(fn?.parameters).toEqual(meta.parameters.map((p) => p.name));
      expect(fn?.required).toBe(meta.parameters.filter((p) => !p.optional).length);
    }
    expect(LEGS_FUNCTIONS).toHaveLength(metadata.functions.length);
  });

  test("every id in functions.json is associated exactly once, and nothing else is", () => {
    const { cf } = loadBundle();
    expect([...cf.associated.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test.each(Object.keys(SAMPLE_ARGS))("%s is callable there and answers as expected", async (id) => {
    const { cf } = loadBundle();
    const fn = cf.associated.get(id);
    expect(fn).toBeDefined();
    const meta = metadata.functions.find((f) => f.id === id) as FunctionMetadata;
    expect(SAMPLE_ARGS[id]).toHaveLength(meta.parameters.length);
    let answer: unknown;
    if (STREAMING.has(id)) {
      const results: unknown[] = [];
      fn!(...SAMPLE_ARGS[id], { setResult: (v: unknown) => results.push(v) });
      // FUNDINGBOARD answers once the attempt to load live.js has failed (a promise later).
      for (let i = 0; i < 200 && results.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      expect(results).toHaveLength(1);
      answer = results[0];
    } else {
      try {
        answer = await fn!(...SAMPLE_ARGS[id]);
      } catch (e) {
        answer = e;
      }
    }
    // Results cross the vm boundary: compare as JSON.
    expect(JSON.parse(JSON.stringify(answer))).toEqual(EXPECTED[id]);
  });

  // The minified bundle must compute what the source computes on the decimal.js path too
  // (numeric text and the compound/continuous conventions never take the fast path).
  test.each([
    ["BASISAPY", [[[95000]], [[98000]], [[90]], "compound", null]],
    ["BASISAPY", [[[95000]], [[98000]], [[90]], "continuous", 360]],
    ["FUNDINGYIELD", [[[0.0003]], null, [[30], [365]], "compound"]],
    ["POSITIONPNL", ["short", [["15000"]], [["750.5"]], [["800.25"]], "inverse", null]],
    ["HEDGEPNL", [[["10.123456789012345"]], [[5]], [[3400]], [[3740]], null, null, null]],
    ["NETDELTA", [[["Quantity", "Inverse"], ["1.5", false], ["-3400", true]], "3400.5", null]],
    ["LIQPRICE", ["long", [["20000"]], [["1"]], [["400"]], [["0.005"]], null, "inverse", "mark"]],
    ["AVGENTRY", [[["1000"], ["1000"]], [["10000"], ["20000"]], "inverse"]],
    ["FUNDINGPNL", ["long", "15000", [["750"]], [["0.0025"]], "inverse", null]],
    // ln and pow far from 1: decimal.js multiplies in ln(10), whose digits the build trims to 300.
    ["BASISAPY", [[[1e-300]], [["1e300"]], [[0.5]], "continuous", null]],
    ["BASISAPY", [[["0.000123"]], [["98765.4321"]], [[7]], "compound", null]],
    ["FUNDINGYIELD", [[["-0.00987654321"]], [[0.125]], [[1095]], "compound"]],
  ])("%s on the decimal path gives the source's answer", async (id, args) => {
    const { cf } = loadBundle();
     
    const source = require("../../src/functions/functions") as Record<string, (...a: unknown[]) => unknown>;
    (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = fakeCustomFunctions();
    const settle = async (f: () => unknown) => {
      try {
        return JSON.parse(JSON.stringify(await f()));
      } catch (e) {
        return JSON.parse(JSON.stringify(e));
      }
    };
    expect(await settle(() => cf.associated.get(id as string)!(...(args as unknown[])))).toEqual(
      await settle(() => source[id as string](...(args as unknown[]))),
    );
  });

  test("errors come back as the runtime's CustomFunctions.Error", () => {
    const { cf } = loadBundle();
    let thrown: unknown;
    try {
      cf.associated.get("FUNDINGYIELD")!([[0.0003]], [[0]], null, null);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeCustomFunctionError);
    expect(thrown).toMatchObject({ code: "#VALUE!", message: "interval_hours must be greater than 0 (got 0)" });
  });
});

/**
 * The shared runtime: a page where functions.js can add book.js and options.js as scripts. Here
 * the vm's `document` runs each added script from dist/ in the same context, as a page would.
 * Each bundle has its own copy of the core's error class; functions.js must still turn their
 * errors into CustomFunctions.Error with the message (they cross the bundle boundary).
 */
describe("dist/functions.js with its lazy bundles (the shared runtime)", () => {
  function loadPage(): FakeCustomFunctions {
    const cf = fakeCustomFunctions();
    const context = vm.createContext({ CustomFunctions: cf, setTimeout, clearTimeout });
    const document = {
      createElement: () => ({ src: "", onload: null as null | (() => void), onerror: null, remove: () => undefined }),
      head: {
        appendChild(script: { src: string; onload: () => void }) {
          const code = fs.readFileSync(path.join(dist, script.src), "utf8");
          setTimeout(() => {
            vm.runInContext(code, context, { filename: script.src });
            script.onload();
          }, 0);
        },
      },
    };
    context.document = document;
    vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
    return cf;
  }

  async function call(cf: FakeCustomFunctions, id: string, ...args: unknown[]): Promise<unknown> {
    try {
      return JSON.parse(JSON.stringify(await cf.associated.get(id)!(...args)));
    } catch (e) {
      expect(e).toBeInstanceOf(FakeCustomFunctionError);
      return JSON.parse(JSON.stringify(e));
    }
  }

  test("the option functions load options.js and answer (Hull's futures put: 1.1166)", async () => {
    const cf = loadPage();
    const [put] = (await call(cf, "OPTIONPRICE", "put", 20, 20, 365 / 3, 0.25, 0.09, null)) as number[][];
    expect(put[0]).toBeCloseTo(1.1166, 4);
    const greeks = (await call(cf, "OPTIONGREEKS", [["call"], ["put"]], 100000, 100000, 30, 0.6, null, null)) as number[][];
    expect(greeks.map((row) => row.length)).toEqual([5, 5]);
  });

  test("errors made in options.js and book.js arrive as CustomFunctions.Error with their message", async () => {
    const cf = loadPage();
    expect(await call(cf, "OPTIONPRICE", "put", 20, 20, 0, 0.25, null, null)).toEqual({
      code: "#VALUE!",
      message: "days must be greater than 0 (got 0)",
    });
    // One bad cell of a spill: the others still compute.
    const spilled = (await call(cf, "OPTIONDELTA", "call", 100, [[100], [-1]], 30, 0.5, null, null)) as unknown[][];
    expect(typeof spilled[0][0]).toBe("number");
    expect(spilled[1][0]).toEqual({ code: "#VALUE!", message: "strike must be greater than 0 (got -1)" });
    expect(await call(cf, "REALIZEDPNL", [["buy"]], [[1]], [[-5]], null, null, null)).toMatchObject({ code: "#VALUE!" });
    expect(await call(cf, "IMPLIEDVOL", "call", 100, 100, 30, 150, null, null)).toMatchObject({ code: "#N/A" });
  });

  test("the term-structure functions load curves.js: a roll from 30 days at 6 % to 90 at 8 % locks in 9 %", async () => {
    const cf = loadPage();
    expect(await call(cf, "FORWARDAPY", [[30]], [[0.06]], [[90]], [[0.08]], null)).toEqual([[0.09]]);
    expect(await call(cf, "CONSTANTMATURITY", [[9], [37]], [[0.05], [0.08]], [[60]], null)).toMatchObject({ code: "#N/A" });
  });

  test("NETDELTA computes an option leg's delta in options.js; a table without option columns stays in functions.js", async () => {
    const cf = loadPage();
    const legs = [
      ["Instrument", "Type", "Side", "Quantity", "Strike", "Days", "Vol"],
      ["spot", "", "long", 1, "", "", ""],
      ["option", "put", "long", 2, 100000, 30, 0.6],
    ];
    const withOptions = (await call(cf, "NETDELTA", legs, 100000, null)) as number;
    expect(withOptions).toBeGreaterThan(0);
    expect(withOptions).toBeLessThan(1);
    expect(await call(cf, "NETDELTA", [["Side", "Quantity"], ["long", 10], ["short", 10]], null, null)).toBe(0);
  });
});
