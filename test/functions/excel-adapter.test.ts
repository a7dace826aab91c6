/**
 * The Excel entry points (src/functions/functions.ts) under a CustomFunctions stand-in: what a
 * cell receives, including how domain errors become #VALUE!, #N/A and #NUM! with messages.
 */
import { fakeCustomFunctions, thrownBy } from "../helpers/custom-functions";

const CF = fakeCustomFunctions();
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = CF;

const fns = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

/** Calls an entry point as Excel does: omitted optionals arrive as null (not undefined). */

const call = (fn: unknown, ...args: unknown[]): any => (fn as (...a: unknown[]) => unknown)(...args);

describe("Excel adapters", () => {
  test("NETDELTA returns a plain number", async () => {
    expect(
      await call(
        fns.NETDELTA,
        [
          ["Side", "Qty"],
          ["long", 10],
          ["short", 5],
        ],
        null,
        null,
      ),
    ).toBe(5);
  });

  test("matrix functions return a 1×1 array for single values (Excel shows it without a spill)", () => {
    expect(call(fns.FUNDINGYIELD, [[0.0003]], null, null, null)).toEqual([[0.3285]]);
    expect(call(fns.HEDGEPNL, [[0.3]], [[0.1]], [[1.1]], [[1.3]], null, null, null)).toEqual([[0.04]]);
  });

  test("a range spills, with a per-cell error where one cell is bad", () => {
    const out = call(fns.HEDGEPNL, [[10]], [[5]], [[3400]], [[3740], [-1]], null, null, null);
    expect(out[0][0]).toBe(1700);
    expect(out[1][0]).toEqual(new CF.Error("#VALUE!", "exit_price must be 0 or more (got -1)"));
  });

  test("invalid input throws #VALUE! with the message", () => {
    const e = thrownBy(() => call(fns.BASISAPY, [[95000]], [[98000]], [[-5]], null, null));
    expect(e).toEqual(new CF.Error("#VALUE!", "days must be greater than 0 (got -5)"));
  });

  test("missing data throws #N/A with the message (NETDELTA is asynchronous: its promise rejects)", async () => {
    const e = (await call(
      fns.NETDELTA,
      [
        ["Qty", "Inverse"],
        [100, true],
      ],
      null,
      null,
    ).catch((x: unknown) => x)) as { code: string; message: string };
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/give the price argument/);
  });

  test("overflow throws #NUM! (Excel shows no message on it)", () => {
    const e = thrownBy(() => call(fns.BASISAPY, [[1]], [[1e300]], [[1e-300]], "compound", null));
    expect(e).toEqual(new CF.Error("#NUM!"));
  });

  test("a zero total quantity throws #DIV/0!, as Excel's AVERAGE of nothing does", () => {
    const e = thrownBy(() => call(fns.AVGENTRY, [[0]], [[100]], null));
    expect(e).toEqual(new CF.Error("#DIV/0!"));
  });

  test("LIQPRICE that cannot be reached throws #N/A with the reason", () => {
    const e = thrownBy(() => call(fns.LIQPRICE, "long", [[100]], [[1]], [[100]], [[0.005]], null, null, null)) as {
      code: string;
      message: string;
    };
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^position cannot be liquidated/);
  });
});
