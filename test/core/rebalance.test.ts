/**
 * The path simulation behind LEGS.REBALANCE (src/core/rebalance.ts). Sources:
 * - the background article, "How To Trade Spot & Derivatives Simultaneously", Strategy #4
 *   Delta-Neutral Positioning: "Volatility Capture: Enter delta-neutral, then rebalance as price
 *   moves", "Threshold-based: Rebalance when delta exceeds ±0.1", "Time-based: Rebalance every X
 *   hours";
 * - the README's delta-neutral template (and test/sheets/templates.test.ts): 1 BTC hedged with
 *   1,000 inverse BTCUSD contracts of 100 USD at 100,000; at 115,000 the net delta is +0.13,
 *   outside the ±0.1 band: "Short 150 more contracts";
 * - the gamma-scalping identity of a delta-hedged option over a short step,
 *   P&L ≈ ½·Γ·(ΔS)² + Θ·Δt (J. Hull, "Options, Futures, and Other Derivatives", the chapter on the
 *   Greek letters: the relationship between delta, theta and gamma), with Γ and Θ (per day) from
 *   LEGS.OPTIONGREEKS.
 * Properties use the project's fixed fast-check seed (test/helpers/fast-check-seed.js).
 */
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { optionGreeks, optionPrice, OptionType, Settlement } from "../../src/core/black76";
import { DomainError } from "../../src/core/errors";
import { Hedge, rebalance, RebalanceInputs, rebalanceDecimal, rebalanceFast, RebalancePath } from "../../src/core/rebalance";
import { expectError } from "../helpers/answers";

const Ref = Decimal.clone({ precision: 60 });

function run(partial: Partial<RebalanceInputs> & { prices: number[]; hedge: Hedge }): RebalancePath {
  const r = rebalance({ spotQty: 1, band: 0.1, mode: "band", feeRate: 0, times: null, ...partial });
  if (r instanceof DomainError) throw new Error(r.message);
  return r;
}

const inverse = (contracts: number, contractSize: number): Hedge => ({ kind: "inverse", contracts, contractSize });
const option = (
  type: OptionType,
  strike: number,
  days: number,
  vol: number,
  quantity: number,
  settlement: Settlement = "linear",
  rate = 0,
): Hedge => ({ kind: "option", type, strike, days, vol, quantity, rate, settlement });

const columns = (r: RebalancePath) => [r.deltaBefore, r.trade, r.deltaAfter, r.fee, r.pnl].map((c) => Array.from(c));

/** Decimals as traders type them: `places` decimal places in [min, max]. */
const dec = (min: number, max: number, places: number) =>
  fc
    .integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
    .map((n) => Number(new Ref(n).div(10 ** places).toString()));
const pricePath = fc.array(dec(1, 200000, 2), { minLength: 2, maxLength: 40 });
const modeAndBand = fc.oneof(
  dec(0.001, 2, 3).map((band) => ({ mode: "band" as const, band })),
  fc.integer({ min: 1, max: 5 }).map((band) => ({ mode: "every" as const, band })),
);

describe("REBALANCE core: the background article's volatility capture", () => {
  // README delta-neutral template: 1 BTC, 1,000 × 100 USD inverse contracts at 100,000 → 115,000:
  // net delta 1 − 100,000/115,000 = +0.1304, outside ±0.1: short 150 more contracts.
  test("README's delta-neutral template: +0.1304 at 115,000 is outside ±0.1, the trade is 150 contracts, delta after 0", () => {
    const r = run({ prices: [100000, 115000], spotQty: 1, hedge: inverse(1000, 100), band: 0.1 });
    expect(r.deltaBefore[0]).toBe(0); // delta-neutral at entry: 1,000 × 100 / 100,000 = 1 BTC
    expect(r.trade[0]).toBe(0);
    expect(r.pnl[0]).toBe(0);
    expect(r.deltaBefore[1]).toBe(3 / 23); // 1 − 100,000/115,000 = 15/115, to the nearest double
    expect(r.deltaBefore[1]).toBeCloseTo(0.1304, 4);
    expect(r.trade[1]).toBe(-3 / 23);
    // In contracts of 100 USD at 115,000: coins × price ÷ size = 150 more contracts short.
    expect((-r.trade[1] * 115000) / 100).toBeCloseTo(150, 9);
    expect(r.deltaAfter[1]).toBe(0);
    // No move was hedged badly yet: the step from 100,000 was taken delta-neutral.
    expect(r.pnl[1]).toBe(0);
    expect(r.unrebalanced).toEqual({ delta: 3 / 23, pnl: 0 });
  });

  test("the round trip back to 100,000: rebalancing saved the drift's loss, fees are f × |coins| × price", () => {
    const r = run({ prices: [100000, 115000, 100000], spotQty: 1, hedge: inverse(1000, 100), band: 0.1, feeRate: 0.0005 });
    // 115,000: |trade| × price = 15,000 USD → fee 7.5; 100,000: short 115,000 USD is 1.15 BTC → delta −0.15.
    expect(Array.from(r.fee)).toEqual([0, 7.5, 7.5]);
    expect(r.deltaBefore[2]).toBe(-0.15);
    expect(r.trade[2]).toBe(0.15);
    expect(Array.from(r.pnl)).toEqual([0, -7.5, -15]);
    // Never rebalanced: long 0.1304 BTC from 115,000 down to 100,000 loses 15,000² / 115,000.
    expect(r.unrebalanced.delta).toBe(0);
    expect(r.unrebalanced.pnl).toBe(new Ref(-15000).times(15000).div(115000).toNumber());
    expect(r.unrebalanced.pnl).toBeCloseTo(-1956.5217, 4);
  });

  test("the inverse hedge's P&L is its coin P&L at each step's price (POSITIONPNL inverse × price)", () => {
    // Short 100,000 USD from 100,000 to 80,000: N × (1/80,000 − 1/100,000) = 0.25 BTC, × 80,000 = 20,000;
    // spot 1 BTC loses 20,000: book 0 over this step (it was delta-neutral at 100,000).
    const r = run({ prices: [100000, 80000, 90000], spotQty: 1, hedge: inverse(1000, 100), band: 10 });
    expect(r.pnl[1]).toBe(0);
    // Delta at 80,000: 1 − 100,000/80,000 = −0.25; to 90,000: coin P&L 100,000 × (1/90,000 − 1/80,000) × 90,000 = −12,500,
    // spot +10,000: −2,500 = −0.25 × 10,000.
    expect(r.deltaBefore[1]).toBe(-0.25);
    expect(r.pnl[2]).toBe(-2500);
  });

  test("a usd hedge is an inverse contract of 1 USD", () => {
    const prices = [3400, 3740, 3060, 2720, 3400.5];
    const a = run({ prices, spotQty: 10, hedge: { kind: "usd", notional: 34000 }, band: 0.05, feeRate: 0.0004 });
    const b = run({ prices, spotQty: 10, hedge: inverse(34000, 1), band: 0.05, feeRate: 0.0004 });
    expect(columns(a)).toEqual(columns(b));
    expect(a.unrebalanced).toEqual(b.unrebalanced);
  });

  test("exact decimals: spot 0.3 against a linear short of 0.1 from 1.1 to 1.3 is delta 0.2 and P&L exactly 0.04", () => {
    expect(0.3 - 0.1).not.toBe(0.2);
    expect((0.3 - 0.1) * (1.3 - 1.1)).not.toBe(0.04);
    const r = run({ prices: [1.1, 1.3], spotQty: 0.3, hedge: { kind: "linear", coins: 0.1 }, band: 1 });
    expect(r.deltaBefore[1]).toBe(0.2);
    expect(r.pnl[1]).toBe(0.04);
    expect(r.unrebalanced).toEqual({ delta: 0.2, pnl: 0.04 });
  });

  test("a linear hedge outside the band trades once, at the first step, and never again", () => {
    const r = run({ prices: [100, 110, 120, 90], spotQty: 1, hedge: { kind: "linear", coins: 0.5 }, band: 0.1, feeRate: 0.001 });
    expect(Array.from(r.trade)).toEqual([0, -0.5, 0, 0]);
    expect(Array.from(r.deltaAfter)).toEqual([0.5, 0, 0, 0]);
    // 0.5 × 10 gained on the first step, less 0.001 × 0.5 × 110 = 0.055.
    expect(Array.from(r.pnl)).toEqual([0, 4.945, 4.945, 4.945]);
    expect(r.unrebalanced).toEqual({ delta: 0.5, pnl: -5 });
  });
});

describe("REBALANCE core: properties", () => {
  // The background article: "Long 1 BTC spot, Short 1 BTC perpetual, Delta = 0" — a coin-sized
  // linear hedge stays neutral at every price, so it never trades and never earns or pays.
  test("a coin-sized linear hedge (q = spot) never trades; its delta and P&L are 0 on any path, fees or not", () => {
    fc.assert(
      fc.property(pricePath, dec(0, 100, 4), modeAndBand, dec(0, 0.001, 6), (prices, q, { mode, band }, feeRate) => {
        const r = run({ prices, spotQty: q, hedge: { kind: "linear", coins: q }, band, mode, feeRate });
        for (const column of columns(r)) expect(column.every((x) => Object.is(x, 0))).toBe(true);
        expect(r.unrebalanced).toEqual({ delta: 0, pnl: 0 });
      }),
      { numRuns: 300 },
    );
  });

  test("an inverse hedge: every trade restores delta exactly 0, and |delta after| ≤ band after every step", () => {
    fc.assert(
      fc.property(
        pricePath,
        dec(0, 10, 4),
        fc.integer({ min: 0, max: 20000 }),
        fc.constantFrom(1, 10, 100),
        dec(0.001, 1, 3),
        dec(0, 0.001, 6),
        (prices, spot, contracts, size, band, feeRate) => {
          const r = run({ prices, spotQty: spot, hedge: inverse(contracts, size), band, feeRate });
          for (let k = 1; k < prices.length; k++) {
            expect(Math.abs(r.deltaAfter[k])).toBeLessThanOrEqual(band);
            if (r.trade[k] !== 0) {
              expect(r.deltaAfter[k]).toBe(0);
              expect(r.trade[k]).toBe(-r.deltaBefore[k]);
              expect(Math.abs(r.deltaBefore[k])).toBeGreaterThan(band);
            } else {
              expect(r.deltaAfter[k]).toBe(r.deltaBefore[k]);
              expect(r.fee[k]).toBe(0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  const dollarHedge = fc.oneof(
    fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.constantFrom(1, 10, 100)).map(([c, s]) => inverse(c, s)),
    dec(-500000, 500000, 2).map((notional): Hedge => ({ kind: "usd", notional })),
    dec(-100, 100, 4).map((coins): Hedge => ({ kind: "linear", coins })),
  );

  // src/core/rebalance.ts: the fast path must give the decimal path's doubles, cell for cell.
  test("the fast exact path gives exactly the decimal path's doubles (linear, inverse, usd)", () => {
    fc.assert(
      fc.property(
        pricePath,
        dec(-10, 10, 4),
        dollarHedge,
        modeAndBand,
        dec(-0.0002, 0.001, 6),
        (prices, spotQty, hedge, mb, feeRate) => {
          const inputs: RebalanceInputs = { prices, spotQty, hedge, feeRate, times: null, ...mb };
          const fast = rebalanceFast(inputs);
          const exact = rebalanceDecimal(inputs) as RebalancePath;
          expect(fast).not.toBeNull();
          expect(columns(fast as RebalancePath)).toEqual(columns(exact));
          expect(Object.is((fast as RebalancePath).unrebalanced.pnl, exact.unrebalanced.pnl)).toBe(true);
          expect(Object.is((fast as RebalancePath).unrebalanced.delta, exact.unrebalanced.delta)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  // An independent plain-double implementation of the same definition agrees to rounding.
  test("an inverse hedge agrees with a plain-double simulation of the same rules to 1e-9", () => {
    fc.assert(
      fc.property(
        pricePath,
        dec(0, 10, 4),
        fc.integer({ min: 0, max: 20000 }),
        dec(0.001, 1, 3),
        (prices, S, contracts, band) => {
          const r = run({ prices, spotQty: S, hedge: inverse(contracts, 100), band, feeRate: 0.0005 });
          let N = contracts * 100;
          let pnl = 0;
          for (let k = 1; k < prices.length; k++) {
            pnl += (S - N / prices[k - 1]) * (prices[k] - prices[k - 1]);
            const d = S - N / prices[k];
            expect(r.deltaBefore[k]).toBeCloseTo(d, 9);
            if (Math.abs(d) > band + 1e-12) {
              pnl -= 0.0005 * Math.abs(d) * prices[k];
              N = S * prices[k];
            }
            expect(Math.abs(r.pnl[k] - pnl)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(pnl)));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("REBALANCE core: options (gamma scalping)", () => {
  const call = option("call", 100000, 30, 0.6, 1);
  const greeks = (F: number, days: number) => optionGreeks("call", F, 100000, days, 0.6) as { gamma: number; theta: number };

  // Hull, the Greek letters: for a delta-neutral portfolio ΔΠ = Θ·Δt + ½·Γ·ΔS² (+ higher order).
  test("each rebalanced step of a delta-hedged long call earns ½Γ(ΔS)² + Θ·Δt to within 1 % of the gamma term", () => {
    const minute = 1 / 1440; // days: times are Excel date serials
    for (const move of [20, 100, 200]) {
      const prices = [100000, 100000 + move, 100000];
      const times = [46000, 46000 + minute, 46000 + 2 * minute];
      // Rebalanced at every price (every 1e-9 hours with times): each step starts delta-neutral.
      const r = run({ prices, times, spotQty: 0, hedge: call, band: 1e-9, mode: "every" });
      expect(Array.from(r.deltaAfter)).toEqual([0, 0, 0]);
      const g0 = greeks(100000, 30);
      const g1 = greeks(100000 + move, 30 - minute);
      const gamma0 = 0.5 * g0.gamma * move * move;
      const gamma1 = 0.5 * g1.gamma * move * move;
      expect(Math.abs(r.pnl[1] - (gamma0 + g0.theta * minute))).toBeLessThan(0.01 * gamma0);
      expect(Math.abs(r.pnl[2] - r.pnl[1] - (gamma1 + g1.theta * minute))).toBeLessThan(0.01 * gamma1);
    }
  });

  test("on a path that does not move, the hedged call's P&L is exactly its time decay V(t1) − V(t0)", () => {
    // Without times each price step is one day.
    const r = run({ prices: [100000, 100000], spotQty: 1, hedge: call, band: 0.1 });
    const decay =
      (optionPrice("call", 100000, 100000, 29, 0.6) as number) - (optionPrice("call", 100000, 100000, 30, 0.6) as number);
    expect(r.pnl[1]).toBe(decay);
    expect(r.pnl[1]).toBeCloseTo(-114.92, 2); // about Θ = −114 a day at the money, 30 days, 60 %
    // With times: 6 hours.
    const t = run({ prices: [100000, 100000], times: [46000, 46000.25], spotQty: 0, hedge: call, band: 0.1 });
    expect(t.pnl[1]).toBe(
      (optionPrice("call", 100000, 100000, 29.75, 0.6) as number) - (optionPrice("call", 100000, 100000, 30, 0.6) as number),
    );
  });

  test("the perp starts at the size that makes the book neutral: the spot held changes nothing", () => {
    const prices = [100000, 103000, 98000, 101000];
    const a = run({ prices, spotQty: 0, hedge: call, band: 0.05, feeRate: 0.0005 });
    const b = run({ prices, spotQty: 3.7, hedge: call, band: 0.05, feeRate: 0.0005 });
    expect(columns(a)).toEqual(columns(b));
    expect(a.deltaBefore[0]).toBe(0);
  });

  test("a delta-hedged long call earns from rebalancing on a round trip (long gamma); the short call pays exactly that", () => {
    const prices = [100000, 110000, 100000];
    const long = run({ prices, spotQty: 0, hedge: call, band: 0.01 });
    const short = run({ prices, spotQty: 0, hedge: option("call", 100000, 30, 0.6, -1), band: 0.01 });
    // Never rebalanced, the round trip leaves two days' decay; rebalanced at 110,000 (sold high, bought back low) it earns more.
    expect(long.unrebalanced.pnl).toBeCloseTo(
      (optionPrice("call", 100000, 100000, 28, 0.6) as number) - (optionPrice("call", 100000, 100000, 30, 0.6) as number),
      6,
    );
    expect(long.pnl[2]).toBeGreaterThan(long.unrebalanced.pnl);
    expect(short.pnl[2]).toBe(-long.pnl[2]);
    expect(short.unrebalanced.pnl).toBe(-long.unrebalanced.pnl);
  });

  // README, OPTIONDELTA: a coin-settled option's exposure is the premium-adjusted delta (Black
  // delta − premium in coin). With its coin value counted at each step's price, hedging that
  // delta leaves no first-order P&L: a 10 USD move adds only a second-order amount to the decay.
  test("coin-settled: hedged with the premium-adjusted delta, a small move adds only second order to the decay", () => {
    const coinCalls = option("call", 100000, 30, 0.6, 10, "inverse");
    const minute = 1 / 1440;
    const times = [46000, 46000 + minute];
    const moved = run({ prices: [100000, 100010], times, spotQty: 0, hedge: coinCalls, band: 1 });
    const still = run({ prices: [100000, 100000], times, spotQty: 0, hedge: coinCalls, band: 1 });
    const g = optionGreeks("call", 100000, 100000, 30, 0.6, 0, "inverse") as { price: number; gamma: number };
    // The Black delta would be off by the premium: 10 × 0.0685 BTC × 10 USD ≈ 6.85 USD of first-order P&L.
    expect(10 * g.price * 10).toBeGreaterThan(6.8);
    expect(Math.abs(moved.pnl[1] - still.pnl[1])).toBeLessThan(10 * g.gamma * 100);
  });

  test("past expiry the option is worth its intrinsic value at the first price at or after expiry, with delta 0", () => {
    const put = option("put", 100000, 2, 0.6, 1);
    // One day a step: expired at the third price (2 days), settled there at 100,000 − 95,000.
    const r = run({ prices: [100000, 99000, 95000, 90000], spotQty: 0, hedge: put, band: 1, mode: "every" });
    const v1 = optionPrice("put", 99000, 100000, 1, 0.6) as number;
    const d1 = (optionGreeks("put", 99000, 100000, 1, 0.6) as { delta: number }).delta;
    // Over the last day the put went from v1 to 5,000 and the perp, long −d1 coins, moved −4,000.
    expect(r.pnl[2] - r.pnl[1]).toBeCloseTo(5000 - v1 + -d1 * -4000, 6);
    expect(r.deltaBefore[2]).toBeCloseTo(-d1, 12); // only the perp is left: closed by the rebalance
    expect(r.deltaAfter[2]).toBe(0);
    expect(r.deltaBefore[3]).toBe(0);
    expect(r.pnl[3]).toBe(r.pnl[2]); // settled: no more P&L
  });
});

describe("REBALANCE core: options against a decimal oracle", () => {
  /**
   * The definition written out plainly in decimal.js, with Black-76's doubles converted as typed
   * (String(x)): the option path (error-free double arithmetic) must agree to far below a cent.
   */
  function oracle(prices: number[], hedge: Extract<Hedge, { kind: "option" }>, band: number, fee: number) {
    const D = (x: number) => new Ref(String(x));
    const q = D(hedge.quantity);
    let settled: number | null = null;
    const at = (k: number) => {
      const days = hedge.days - k;
      if (settled !== null) return { value: settled, delta: 0 };
      if (days <= 0) {
        const p = prices[k];
        const intrinsic = hedge.type === "call" ? Math.max(p - hedge.strike, 0) : Math.max(hedge.strike - p, 0);
        settled = hedge.settlement === "inverse" ? intrinsic / p : intrinsic;
        return { value: settled, delta: 0 };
      }
      const g = optionGreeks(hedge.type, prices[k], hedge.strike, days, hedge.vol, hedge.rate, hedge.settlement) as {
        price: number;
        delta: number;
      };
      return { value: g.price, delta: g.delta };
    };
    let o = at(0);
    let d = q.times(D(o.delta)).neg();
    const d0 = d;
    let pnl = new Ref(0);
    let pnl0 = new Ref(0);
    const out: number[] = [0];
    for (let k = 1; k < prices.length; k++) {
      const next = at(k);
      const dv = D(next.value).minus(D(o.value));
      const step = hedge.settlement === "inverse" ? q.times(dv).times(D(prices[k])) : q.times(dv);
      const move = D(prices[k]).minus(D(prices[k - 1]));
      pnl = pnl.plus(step).plus(d.times(move));
      pnl0 = pnl0.plus(step).plus(d0.times(move));
      const before = d.plus(q.times(D(next.delta)));
      if (before.abs().gt(D(band))) {
        pnl = pnl.minus(D(fee).times(before.abs()).times(D(prices[k])));
        d = q.times(D(next.delta)).neg();
      }
      out.push(pnl.toNumber());
      o = next;
    }
    return { pnl: out, pnl0: pnl0.toNumber() };
  }

  test("calls and puts, linear and coin-settled, through expiry: the same P&L as the decimal oracle to 1e-7", () => {
    const hedgeArb = fc.record({
      kind: fc.constant("option" as const),
      type: fc.constantFrom<OptionType>("call", "put"),
      strike: dec(50000, 150000, 0),
      days: fc.integer({ min: 1, max: 60 }),
      vol: dec(0.1, 1.5, 2),
      quantity: dec(-10, 10, 1),
      rate: fc.constantFrom(0, 0.05),
      settlement: fc.constantFrom<Settlement>("linear", "inverse"),
    });
    const path = fc.array(dec(60000, 140000, 2), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(path, hedgeArb, dec(0.001, 0.5, 3), dec(0, 0.001, 5), (prices, hedge, band, feeRate) => {
        const r = run({ prices, spotQty: 1, hedge, band, feeRate });
        const want = oracle(prices, hedge, band, feeRate);
        for (let k = 0; k < prices.length; k++) expect(Math.abs(r.pnl[k] - want.pnl[k])).toBeLessThan(1e-7);
        expect(Math.abs(r.unrebalanced.pnl - want.pnl0)).toBeLessThan(1e-7);
      }),
      { numRuns: 200 },
    );
  });
});

describe("REBALANCE core: schedules", () => {
  const rising = Array.from({ length: 10 }, (_, k) => 100000 + 1000 * k);

  // The background article: "Time-based: Rebalance every X hours".
  test("every 3 price steps: trades exactly at steps 3, 6 and 9", () => {
    const r = run({ prices: rising, hedge: inverse(1000, 100), band: 3, mode: "every" });
    const traded = Array.from(r.trade, (t, k) => (t !== 0 ? k : -1)).filter((k) => k >= 0);
    expect(traded).toEqual([3, 6, 9]);
    for (const k of traded) expect(r.deltaAfter[k]).toBe(0);
  });

  test("every 2 hours with times: at the first price at or after 2 hours since the last rebalance", () => {
    const hour = 1 / 24;
    const times = [0, 1.5, 2.5, 3, 4.6, 5, 6.5, 6.7, 9, 9.1].map((h) => 46000 + h * hour);
    const r = run({ prices: rising, times, hedge: inverse(1000, 100), band: 2, mode: "every" });
    const traded = Array.from(r.trade, (t, k) => (t !== 0 ? k : -1)).filter((k) => k >= 0);
    // 2.5 h (≥ 2 after 0), 4.6 h (≥ 2 after 2.5), not 6.5 h (1.9 after 4.6) but 6.7 h, 9 h (2.3 after 6.7), not 9.1 h
    expect(traded).toEqual([2, 4, 7, 8]);
  });

  test("hours typed as date serials: 8:00 intervals count as 8 hours despite the serials' rounding", () => {
    const times = rising.map((_, k) => 46000 + (k * 8) / 24);
    const r = run({ prices: rising, times, hedge: inverse(1000, 100), band: 8, mode: "every" });
    expect(Array.from(r.trade, (t) => t !== 0)).toEqual([false, true, true, true, true, true, true, true, true, true]);
  });
});

describe("REBALANCE core: never NaN, Infinity or a hang", () => {
  test("prices with more than 12 decimals take the decimal path and still give the nearest doubles", () => {
    const inputs: RebalanceInputs = {
      prices: [1.1234567890123, 1.2234567890127, 1.1],
      spotQty: 1,
      hedge: inverse(1000, 100),
      band: 1e-12,
      mode: "band",
      feeRate: 0.0005,
      times: null,
    };
    expect(rebalanceFast(inputs)).toBeNull();
    const r = rebalance(inputs) as RebalancePath;
    expect(columns(r)).toEqual(columns(rebalanceDecimal(inputs) as RebalancePath));
    expect(columns(r).every((c) => c.every(Number.isFinite))).toBe(true);
  });

  test("a P&L too large for a worksheet number is #NUM!, not Infinity", () => {
    const r = rebalance({
      prices: [1e308, 1.7e308],
      spotQty: 10,
      hedge: { kind: "linear", coins: 0 },
      band: 100,
      mode: "band",
      feeRate: 0,
      times: null,
    });
    expectError(r, "overflow", /^Cumulative P&L at prices \(item 2\) would be too large for a worksheet number$/);
  });

  test("a huge every-N band or band of hours ends at once: no trades", () => {
    const r = run({ prices: [100, 200, 300], hedge: inverse(1, 100), band: 1e300, mode: "every" });
    expect(Array.from(r.trade)).toEqual([0, 0, 0]);
  });
});

describe("REBALANCE core: errors name the argument, the value and what is allowed", () => {
  const base: RebalanceInputs = {
    prices: [100, 110],
    spotQty: 1,
    hedge: inverse(1, 100),
    band: 0.1,
    mode: "band",
    feeRate: 0,
    times: null,
  };
  const cases: [string, Partial<RebalanceInputs>][] = [
    ["prices must hold at least 2 prices, the entry and one more (got 1)", { prices: [100] }],
    ["prices (item 5) must be greater than 0 (got 0)", { prices: [100, 110, 120, 130, 0] }],
    ["prices (item 2) must be greater than 0 (got -5)", { prices: [100, -5] }],
    ["prices (item 2) must be a finite number (got NaN)", { prices: [100, NaN] }],
    ["band must be greater than 0 (got -0.1)", { band: -0.1 }],
    ["band must be greater than 0 (got 0)", { band: 0 }],
    [
      'band must be a whole number of price steps, 1 or more, when mode is "every" without times (got 2.5)',
      { mode: "every", band: 2.5 },
    ],
    [
      'band must be a number of hours greater than 0 when mode is "every" with times (got 0)',
      { mode: "every", band: 0, times: [1, 2] },
    ],
    ["fee_rate must be greater than -1 and less than 1 (got 1)", { feeRate: 1 }],
    ["spot_qty must be a finite number (got Infinity)", { spotQty: Infinity }],
    ["times must have one date per price (got 4 for 5 prices)", { prices: [1, 2, 3, 4, 5], times: [1, 2, 3, 4] }],
    ["times must increase (item 3 is not after item 2)", { prices: [1, 2, 3], times: [46000, 46001, 46001] }],
    ["hedge contract_size (item 3) must be greater than 0 (got 0)", { hedge: inverse(1, 0) }],
    ["hedge strike (item 2) must be greater than 0 (got 0)", { hedge: option("call", 0, 30, 0.6, 1) }],
    [
      "hedge days (item 3) must be greater than 0 and at most 36500 (got 0): the days to expiry at the first price, not the expiry date",
      { hedge: option("call", 100, 0, 0.6, 1) },
    ],
    [
      "hedge vol (item 4) must be greater than 0 and at most 10 (got 60): give 60 % as 0.6",
      { hedge: option("put", 100, 30, 60, 1) },
    ],
    [
      "hedge rate (item 6) must be between -1 and 1 (got 5): give 5 % as 0.05",
      { hedge: option("put", 100, 30, 0.6, 1, "linear", 5) },
    ],
  ];
  test.each(cases)("%s", (message, change) => {
    const r = rebalance({ ...base, ...change });
    expectError(r, "invalid");
    expect((r as DomainError).message).toBe(message);
  });
});
