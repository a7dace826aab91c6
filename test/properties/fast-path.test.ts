/**
 * The fast exact path (src/core/scaled.ts) gives the very same answers as the decimal.js path.
 * The same values are passed once as numbers (fast path) and once as numeric text (which always
 * takes the decimal path): the doubles — and the errors — must be identical.
 */
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { avgEntry } from "../../src/functions/avgentry";
import { basisApy } from "../../src/functions/basisapy";
import { fundingPnl } from "../../src/functions/fundingpnl";
import { fundingYield } from "../../src/functions/fundingyield";
import { hedgePnl } from "../../src/functions/hedgepnl";
import { liqPrice } from "../../src/functions/liqprice";
import { netDelta } from "../../src/functions/netdelta";
import { positionPnl } from "../../src/functions/positionpnl";

/** Decimals with up to `places` places, some huge or tiny to reach the fallbacks too. */
const dec = (min: number, max: number, places: number) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
        .map((n) => Number(new Decimal(n).div(10 ** places).toString())),
    },
    { weight: 1, arbitrary: fc.double({ min, max, noNaN: true }) },
  );
const text = (v: unknown): unknown => (typeof v === "number" ? String(v) : Array.isArray(v) ? v.map((r) => r.map(text)) : v);

/** Same answer both ways (errors compared by kind and message). */
function same(f: (...a: unknown[]) => unknown, args: unknown[]): void {
  const fast = f(...args);
  const slow = f(...args.map(text));
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
}

const RUNS = { numRuns: 400 };

describe("fast exact path = decimal path", () => {
  test("HEDGEPNL", () => {
    fc.assert(
      fc.property(
        dec(-1000, 1000, 4),
        dec(-1000, 1000, 4),
        dec(0, 100000, 2),
        dec(0, 100000, 2),
        dec(-0.01, 0.01, 6),
        dec(0, 2000, 0),
        dec(-0.001, 0.01, 5),
        (...a) => same(hedgePnl as never, a),
      ),
      RUNS,
    );
  });
  test("BASISAPY (simple; other modes always take the decimal path)", () => {
    fc.assert(
      fc.property(dec(0, 200000, 2), dec(0, 200000, 2), dec(0, 1000, 1), (s, f, d) =>
        same(basisApy as never, [s, f, d, null, null]),
      ),
      RUNS,
    );
  });
  test("FUNDINGYIELD over a history", () => {
    fc.assert(
      fc.property(fc.array(dec(-0.01, 0.01, 8), { minLength: 1, maxLength: 30 }), dec(0, 24, 2), dec(0, 1095, 1), (rates, h, d) =>
        same(fundingYield as never, [rates.map((r) => [r]), h, d, null]),
      ),
      RUNS,
    );
  });
  test("POSITIONPNL, linear and inverse", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("long", "short"),
        dec(0, 100000, 3),
        dec(0, 100000, 2),
        dec(0, 100000, 2),
        fc.constantFrom("linear", "inverse"),
        dec(0, 100, 2),
        (...a) => same(positionPnl as never, a),
      ),
      RUNS,
    );
  });
  test("AVGENTRY (linear)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dec(0, 100, 4), dec(0, 100000, 2)), { minLength: 1, maxLength: 10 }), (fills) =>
        same(avgEntry as never, [fills.map((f) => [f[0]]), fills.map((f) => [f[1]]), null]),
      ),
      RUNS,
    );
  });
  test("LIQPRICE, all four cases", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("long", "short"),
        dec(0, 100000, 2),
        dec(0, 1000, 3),
        dec(0, 100000, 3),
        dec(0, 0.2, 4),
        dec(0, 100, 2),
        fc.constantFrom("linear", "inverse"),
        fc.constantFrom("mark", "entry"),
        (...a) => same(liqPrice as never, a),
      ),
      { numRuns: 1000 },
    );
  });
  test("FUNDINGPNL (linear)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("long", "short"),
        dec(0, 100, 3),
        fc.array(fc.tuple(dec(0, 100000, 2), dec(-0.01, 0.01, 8)), { minLength: 1, maxLength: 30 }),
        (side, q, events) =>
          same(fundingPnl as never, [side, q, events.map((e) => [e[0]]), events.map((e) => [e[1]]), null, null]),
      ),
      RUNS,
    );
  });
  test("NETDELTA with linear and inverse legs", () => {
    const leg = fc.tuple(fc.constantFrom("long", "short"), dec(0, 10000, 4), fc.constantFrom(1, 0.1, 10, 100), fc.boolean());
    fc.assert(
      fc.property(fc.array(leg, { minLength: 1, maxLength: 12 }), dec(0, 100000, 2), (legs, price) => {
        const table = [
          ["Side", "Quantity", "Contract size", "Inverse", "Instrument"],
          ...legs.map(([s, q, c, inv]) => [s, q, c, inv, "perp"]),
        ];
        same(netDelta as never, [table, price, null]);
      }),
      RUNS,
    );
  });
});
