/**
 * Invariants that must hold for any valid input (fast-check): the identities traders rely on,
 * checked on random books and prices rather than a handful of examples.
 */
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { avgEntry } from "../../src/functions/avgentry";
import { basisApy } from "../../src/functions/basisapy";
import { hedgePnl } from "../../src/functions/hedgepnl";
import { liqPrice } from "../../src/functions/liqprice";
import { netDelta } from "../../src/functions/netdelta";
import { positionPnl } from "../../src/functions/positionpnl";

const Ref = Decimal.clone({ precision: 60 });

/** Decimals as traders type them: up to 8 places, in a range. */
const dec = (min: number, max: number, places = 4) =>
  fc
    .integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
    .map((n) => Number(new Ref(n).div(10 ** places).toString()));

const price = dec(0.01, 200000, 2);
const qty = dec(0, 1000, 4);
const rate = dec(-0.01, 0.01, 6);

describe("invariants", () => {
  test("a full hedge's P&L is funding minus fees, whatever the exit price (exactly)", () => {
    fc.assert(
      fc.property(qty, price, price, rate, fc.integer({ min: 0, max: 3000 }), dec(0, 0.001, 6), (q, entry, exit, r, n, fee) => {
        const got = hedgePnl(q, q, entry, exit, r, n, fee);
        const want = new Ref(q)
          .times(entry)
          .times(r)
          .times(n)
          .minus(new Ref(fee).times(q).times(new Ref(entry).plus(exit)));
        expect(got).toBe(want.isZero() ? 0 : want.toNumber());
      }),
      { numRuns: 500 },
    );
  });

  test("simple BASISAPY × days / 365 is the basis % (to the double)", () => {
    fc.assert(
      fc.property(price, price, fc.integer({ min: 1, max: 730 }), (s, f, d) => {
        const apy = basisApy(s, f, d, null, null) as number;
        const basis = new Ref(f).minus(s).div(s).toNumber();
        expect(Math.abs(apy * (d / 365) - basis)).toBeLessThanOrEqual(Math.abs(basis) * 1e-14 + 1e-300);
      }),
      { numRuns: 500 },
    );
  });

  // (1 + x)^k − 1 ≥ k·x needs k = 365 / days ≥ 1: for terms longer than a year compounding
  // annualises *down*, so the property is stated for days ≤ days_in_year. ln(1 + x)·k ≤ k·x always.
  test("for a positive basis and a term up to a year, compound APY ≥ simple ≥ continuous", () => {
    fc.assert(
      fc.property(price, dec(0.0001, 0.5, 4), fc.integer({ min: 1, max: 365 }), (s, premium, d) => {
        const f = Number(new Ref(s).times(new Ref(1).plus(premium)).toFixed(2));
        fc.pre(f > s);
        const simple = basisApy(s, f, d, "simple", null) as number;
        const compound = basisApy(s, f, d, "compound", null);
        const continuous = basisApy(s, f, d, "continuous", null);
        fc.pre(typeof compound === "number"); // a huge compound APY may overflow to #NUM!
        expect(compound).toBeGreaterThanOrEqual(simple);
        expect(simple).toBeGreaterThanOrEqual(continuous as number);
      }),
      { numRuns: 500 },
    );
  });

  test("NETDELTA does not depend on the order of the legs", () => {
    const leg = fc.record({
      side: fc.constantFrom("long", "short"),
      instrument: fc.constantFrom("spot", "perp", "future"),
      quantity: qty,
      size: fc.constantFrom("", 1, 0.1, 100),
      inverse: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(leg, { minLength: 1, maxLength: 12 }), price, fc.integer(), (legs, p, seed) => {
        const rows = legs.map((l) => [
          l.side,
          l.instrument === "spot" ? "spot" : l.instrument,
          l.quantity,
          l.size,
          l.instrument === "spot" ? false : l.inverse,
        ]);
        const header = ["Side", "Instrument", "Quantity", "Contract size", "Inverse"];
        const shuffled = [...rows]
          .sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7))
          .reverse();
        const a = netDelta([header, ...rows], p, null) as number;
        const b = netDelta([header, ...shuffled], p, null) as number;
        expect(b).toBe(a);
      }),
      { numRuns: 300 },
    );
  });

  test("POSITIONPNL of a long is minus that of the short, linear and inverse", () => {
    fc.assert(
      fc.property(
        qty,
        price,
        price,
        fc.constantFrom("linear", "inverse"),
        fc.constantFrom(1, 10, 100, 0.01),
        (q, entry, exit, type, size) => {
          const long = positionPnl("long", q, entry, exit, type, size) as number;
          const short = positionPnl("short", q, entry, exit, type, size) as number;
          expect(long).toBe(-short === 0 ? 0 : -short);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("AVGENTRY lies between the lowest and highest fill price", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dec(0.0001, 100, 4), price), { minLength: 1, maxLength: 20 }),
        fc.constantFrom("linear", "inverse"),
        (fills, type) => {
          const avg = avgEntry(
            fills.map((f) => [f[0]]),
            fills.map((f) => [f[1]]),
            type,
          ) as number;
          const prices = fills.map((f) => f[1]);
          expect(avg).toBeGreaterThanOrEqual(Math.min(...prices));
          expect(avg).toBeLessThanOrEqual(Math.max(...prices));
        },
      ),
      { numRuns: 500 },
    );
  });

  // Exactly, a long's liquidation price is below entry whenever the position is not liquidated at
  // once. When the margin exceeds maintenance by a hair, the exact price can lie within half an
  // ulp of entry, and the nearest double *is* the entry: so ≤ / ≥ at double precision.
  test("LIQPRICE is below entry for a long and above it for a short", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("long", "short"),
        price,
        dec(0.001, 100, 3),
        dec(0, 1, 3),
        dec(0, 0.1, 4),
        fc.constantFrom("linear", "inverse"),
        fc.constantFrom("mark", "entry"),
        (side, entry, q, marginShare, mmr, type, basis) => {
          // Margin as a share of the position's value, in the margin currency.
          const value = type === "linear" ? q * entry : q / entry;
          const result = liqPrice(side, entry, q, value * marginShare, mmr, null, type, basis);
          fc.pre(typeof result === "number");
          if (side === "long") expect(result).toBeLessThanOrEqual(entry);
          else expect(result).toBeGreaterThanOrEqual(entry);
          // And strictly so unless the gap is below the double's resolution at that price.
          if (result === entry)
            expect(Math.abs(value * marginShare - mmr * value)).toBeLessThan(Math.abs(value) * 1e-12 + 1e-300);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
