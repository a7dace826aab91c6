/**
 * Black-76 (src/core/black76.ts): published examples, Deribit's premium-adjusted delta, an
 * independent 60-digit decimal.js evaluation of the textbook formulas for the 1e-10 accuracy
 * claim, and fast-check properties (parity, bounds, implied-volatility round trips, errors).
 */
import fc from "fast-check";
import {
  Greeks,
  GREEK_NAMES,
  impliedVol,
  optionDelta,
  optionGreeks,
  optionPrice,
  OptionType,
  Settlement,
} from "../../src/core/black76";
import { DomainError, isDomainError, Result } from "../../src/core/errors";
import { normCdf } from "../../src/core/normal";
import { normalReference, RefDecimal } from "../helpers/normal-reference";

// ---------------------------------------------------------------------------------------------
// The reference: Black-76 exactly as printed, at 60 digits. N(x) = ½·erfc(−x/√2), with erfc by
// its power series below 5 and its continued fraction above (A&S 7.1.6, 7.1.14); the same
// reference is checked against published values in normal.test.ts.

const { Ref, exact, N, phi } = normalReference(60);
type Ref = RefDecimal;

interface Case {
  type: OptionType;
  F: number;
  K: number;
  days: number;
  vol: number;
  rate: number;
  settlement: Settlement;
}

/** Price (settlement currency), delta and the quote-currency greeks, as printed, at 60 digits. */
function reference(c: Case): Record<keyof Greeks, Ref> {
  const [F, K, sigma, r] = [exact(c.F), exact(c.K), exact(c.vol), exact(c.rate)];
  const T = exact(c.days).div(365);
  const sqrtT = T.sqrt();
  const s = sigma.times(sqrtT);
  const d1 = F.div(K).ln().plus(s.times(s).div(2)).div(s);
  const d2 = d1.minus(s);
  const df = r.neg().times(T).exp();
  const call = c.type === "call";
  const linear = call
    ? df.times(F.times(N(d1)).minus(K.times(N(d2))))
    : df.times(K.times(N(d2.neg())).minus(F.times(N(d1.neg()))));
  const linearDelta = call ? df.times(N(d1)) : df.times(N(d1.neg())).neg();
  // Deribit's Net Transaction Delta, Black delta − mark price in coin, is ±DF·(K/F)·N(±d2). The
  // difference itself would cancel all 60 digits deep in the money (K/F = 1e-80); the property
  // tests below check the difference in doubles, and this test checks the algebra at 60 digits.
  const inverseDelta = call ? df.times(K.div(F)).times(N(d2)) : df.times(K.div(F)).times(N(d2.neg())).neg();
  const inverse = c.settlement === "inverse";
  const pdf = phi(d1);
  return {
    price: inverse ? linear.div(F) : linear,
    delta: inverse ? inverseDelta : linearDelta,
    gamma: df.times(pdf).div(F.times(s)),
    vega: df.times(F).times(pdf).times(sqrtT).div(100),
    theta: r
      .times(linear)
      .minus(df.times(F).times(pdf).times(sigma).div(sqrtT.times(2)))
      .div(365),
  };
}

const value = <T>(r: Result<T>): T => {
  if (isDomainError(r)) throw new Error(`unexpected ${r.kind}: ${r.message}`);
  return r;
};
const rel = (got: number, want: Ref): number =>
  want.isZero() ? Math.abs(got) : new Ref(got).minus(want).div(want).abs().toNumber();
const greeks = (c: Case) => value(optionGreeks(c.type, c.F, c.K, c.days, c.vol, c.rate, c.settlement));

// ---------------------------------------------------------------------------------------------
// Inputs over the domain: 0.5 day to 3 years, 5 % to 300 % vol, strikes from deep in to deep
// out of the money, either as ln(F/K) in [−3, 3] or as h = ln(F/K)/(σ√T) out to ±37 standard
// deviations, where prices near 1e-300 still show.

const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
const domain = fc
  .record({
    type: fc.constantFrom<OptionType>("call", "put"),
    settlement: fc.constantFrom<Settlement>("linear", "inverse"),
    F: logUniform(0.01, 1e6),
    days: logUniform(0.5, 1095),
    vol: logUniform(0.05, 3),
    rate: fc.oneof(fc.constant(0), fc.double({ min: -0.2, max: 0.2, noNaN: true })),
    moneyness: fc.oneof(
      fc.double({ min: -3, max: 3, noNaN: true }).map((x) => ({ x })),
      fc.double({ min: -37, max: 37, noNaN: true }).map((h) => ({ h })),
    ),
  })
  .map(({ moneyness, ...c }): Case => {
    const s = c.vol * Math.sqrt(c.days / 365);
    const x = "x" in moneyness ? moneyness.x : moneyness.h * s;
    return { ...c, K: c.F * Math.exp(-x) };
  });

describe("published values", () => {
  test("Hull: put on a futures F = K = 20, r = 9 %, σ = 25 %, 4 months → 1.12 (1.1166)", () => {
    // J. Hull, Options, Futures, and Other Derivatives, futures-options chapter (Black's model):
    // d1 = 0.07216, N(−d1) = 0.4712, N(−d2) = 0.5288, p = e^(−0.03)·(20·0.5288 − 20·0.4712) = 1.12.
    // MathWorks' blkprice documents the same example, citing Hull (5th ed., pp. 287–288):
    // [Call, Put] = blkprice(20, 20, 0.09, 4/12, 0.25) → 1.1166, 1.1166.
    const days = 365 / 3;
    const put = value(optionPrice("put", 20, 20, days, 0.25, 0.09));
    const call = value(optionPrice("call", 20, 20, days, 0.25, 0.09));
    expect(put.toFixed(2)).toBe("1.12");
    expect(put.toFixed(4)).toBe("1.1166");
    expect(call.toFixed(4)).toBe("1.1166");
    expect(normCdf((-0.25 * Math.sqrt(1 / 3)) / 2).toFixed(4)).toBe("0.4712");
    // MathWorks' blkimpv documents the inverse: 1.1166 → 0.25.
    expect(value(impliedVol("call", 20, 20, days, 1.1166, 0.09)).toFixed(4)).toBe("0.2500");
  });

  test("Hull: call on gold futures F = 620, K = 600, r = 5 %, σ = 20 %, 6 months → 44.19", () => {
    // Hull's example of Black's model used in place of Black–Scholes–Merton (a six-month option
    // on spot gold priced off the six-month futures): d1 = 0.3026, d2 = 0.1611,
    // c = e^(−0.025)·(620·N(0.3026) − 600·N(0.1611)) = 44.19. The same option at F = 1,240,
    // K = 1,200 is worth exactly twice as much: the price is homogeneous in (F, K).
    const gold = value(optionPrice("call", 620, 600, 182.5, 0.2, 0.05));
    expect(gold.toFixed(2)).toBe("44.19");
    expect(value(optionPrice("call", 1240, 1200, 182.5, 0.2, 0.05)) / gold).toBeCloseTo(2, 14);
  });

  test("every figure above also agrees with the 60-digit reference to 1e-13", () => {
    for (const c of [
      { type: "put", F: 20, K: 20, days: 365 / 3, vol: 0.25, rate: 0.09, settlement: "linear" },
      { type: "call", F: 620, K: 600, days: 182.5, vol: 0.2, rate: 0.05, settlement: "linear" },
    ] as Case[]) {
      const want = reference(c);
      const got = greeks(c);
      for (const g of GREEK_NAMES) expect([g, rel(got[g], want[g]) < 1e-13]).toEqual([g, true]);
    }
  });
});

describe("Deribit: coin-settled premium and premium-adjusted (Net Transaction) delta", () => {
  // Deribit API documentation (private/get_account_summary → delta_total; public/ticker → greeks):
  // "Net Transaction Delta = Black Scholes Delta − Mark Price of Options", the mark price in coin.

  test("the FAQ's example: a 0.50-delta call bought for 0.10 BTC adds 0.40 BTC of delta", () => {
    // A call with d1 = 0 (K = F·e^(s²/2)) has linear delta exactly ½ at r = 0; its coin price is
    // ½ − e^(s²/2)·N(−s), which is 0.10 at the s found here by bisection (60 digits).
    let lo = new Ref(0.1);
    let hi = new Ref(0.5);
    const coinPrice = (s: Ref) => new Ref(0.5).minus(s.times(s).div(2).exp().times(N(s.neg())));
    for (let i = 0; i < 80; i++) {
      const mid = lo.plus(hi).div(2);
      if (coinPrice(mid).lt(0.1)) lo = mid;
      else hi = mid;
    }
    const s = lo.toNumber();
    const days = 30;
    const vol = s / Math.sqrt(days / 365);
    const F = 60000;
    const K = F * Math.exp((s * s) / 2);
    expect(value(optionDelta("call", F, K, days, vol)).toFixed(10)).toBe("0.5000000000");
    expect(value(optionPrice("call", F, K, days, vol, 0, "inverse")).toFixed(10)).toBe("0.1000000000");
    expect(value(optionDelta("call", F, K, days, vol, 0, "inverse")).toFixed(10)).toBe("0.4000000000");
  });

  test("the API docs' example: a call struck at (almost) 0 costs 1 BTC and has Black delta 1, NTD 0", () => {
    const F = 60000;
    const K = 1e-6; // coin price 1 − K/F = 1 − 1.7e-11, NTD = K/F
    expect(value(optionPrice("call", F, K, 30, 0.6, 0, "inverse"))).toBeCloseTo(1, 10);
    expect(value(optionDelta("call", F, K, 30, 0.6))).toBe(1);
    expect(value(optionDelta("call", F, K, 30, 0.6, 0, "inverse"))).toBeCloseTo(K / F, 20);
  });

  test("at 60 digits, Black delta − coin price = ±DF·(K/F)·N(±d2) (near the money, no cancellation)", () => {
    for (const type of ["call", "put"] as OptionType[]) {
      for (const K of [40000, 60000, 90000]) {
        const c: Case = { type, F: 60000, K, days: 45, vol: 0.7, rate: 0.03, settlement: "inverse" };
        const linear = reference({ ...c, settlement: "linear" });
        const coin = reference(c);
        expect(linear.delta.minus(coin.price).minus(coin.delta).abs().lt("1e-50")).toBe(true);
      }
    }
  });

  test("a put: the premium paid in coin makes the exposure more negative", () => {
    const linear = value(optionDelta("put", 60000, 55000, 14, 0.55));
    const coin = value(optionPrice("put", 60000, 55000, 14, 0.55, 0, "inverse"));
    const adjusted = value(optionDelta("put", 60000, 55000, 14, 0.55, 0, "inverse"));
    expect(adjusted).toBeLessThan(linear);
    expect(adjusted).toBeCloseTo(linear - coin, 15);
  });
});

describe("accuracy against the 60-digit reference over the domain", () => {
  test("price, delta, gamma, vega to 1e-10 relative; theta to 1e-10 of its terms", () => {
    let worst = 0;
    fc.assert(
      fc.property(domain, (c) => {
        const want = reference(c);
        const got = greeks(c);
        for (const g of ["price", "delta", "gamma", "vega"] as const) {
          if (want[g].abs().lt("1e-290")) {
            expect(Math.abs(got[g])).toBeLessThan(1e-280); // below the double range's normal numbers
            continue;
          }
          const e = rel(got[g], want[g]);
          worst = Math.max(worst, e);
          if (!(e < 1e-10)) throw new Error(`${g} off by ${e} for ${JSON.stringify(c)}`);
        }
        // Theta is a difference of two terms and crosses 0 when r > 0: measure against the terms.
        const scale = new Ref(Math.abs(got.theta)).plus(want.vega.times(100).abs()).plus(want.price.abs());
        if (scale.gt("1e-290") && !new Ref(got.theta).minus(want.theta).abs().div(scale).lt(1e-10)) {
          throw new Error(`theta off for ${JSON.stringify(c)}`);
        }
      }),
      { numRuns: 400 },
    );
    expect(worst).toBeLessThan(1e-11);
  });

  test("the regions of the out-of-the-money formula, each at its edges", () => {
    // h + t just either side of −10 (asymptotic series), 0.85 (first-term form), t either side of
    // 0.01 (Taylor), and an at-the-money option with tiny s.
    const cases: Case[] = [];
    for (const type of ["call", "put"] as OptionType[]) {
      for (const [h, s] of [
        [-10.0001, 0.0185],
        [-9.9999, 0.0185],
        [-10, 0.01999],
        [-10, 0.02001],
        [-3, 0.0199],
        [-3, 0.0201],
        [-0.4, 2.5],
        [-0.44, 2.5],
        [-0.5, 2.7],
        [0, 0.002],
        [0, 1.7],
        [-36, 0.5],
        [-30, 4],
        [-5, 0.0001],
      ]) {
        const days = 100;
        const vol = s / Math.sqrt(days / 365);
        const x = h * s; // OTM call when x < 0; the put at the same strike is in the money
        cases.push({ type, F: 100, K: 100 * Math.exp(-x), days, vol, rate: 0, settlement: "linear" });
      }
    }
    for (const c of cases) {
      const want = reference(c);
      const got = greeks(c);
      const e = rel(got.price, want.price);
      expect([c, e < 1e-11]).toEqual([c, true]);
    }
  });
});

describe("properties", () => {
  test("put–call parity: C − P = DF·(F − K)", () => {
    fc.assert(
      fc.property(domain, (c) => {
        const C = value(optionPrice("call", c.F, c.K, c.days, c.vol, c.rate));
        const P = value(optionPrice("put", c.F, c.K, c.days, c.vol, c.rate));
        const df = Math.exp((-c.rate * c.days) / 365);
        expect(Math.abs(C - P - df * (c.F - c.K))).toBeLessThanOrEqual(1e-14 * df * Math.max(c.F, c.K));
      }),
      { numRuns: 1000 },
    );
  });

  test("no-arbitrage bounds: max(DF·(F−K), 0) ≤ C ≤ DF·F and max(DF·(K−F), 0) ≤ P ≤ DF·K", () => {
    fc.assert(
      fc.property(domain, (c) => {
        const df = Math.exp((-c.rate * c.days) / 365);
        const C = value(optionPrice("call", c.F, c.K, c.days, c.vol, c.rate));
        const P = value(optionPrice("put", c.F, c.K, c.days, c.vol, c.rate));
        expect(C).toBeGreaterThanOrEqual(Math.max(df * (c.F - c.K), 0) * (1 - 1e-15));
        expect(C).toBeLessThanOrEqual(df * c.F * (1 + 1e-15));
        expect(P).toBeGreaterThanOrEqual(Math.max(df * (c.K - c.F), 0) * (1 - 1e-15));
        expect(P).toBeLessThanOrEqual(df * c.K * (1 + 1e-15));
      }),
      { numRuns: 1000 },
    );
  });

  test("deltas: linear call in [0, DF], put in [−DF, 0]; inverse delta = linear delta − coin price", () => {
    fc.assert(
      fc.property(domain, (c) => {
        const df = Math.exp((-c.rate * c.days) / 365);
        const linear = value(optionDelta(c.type, c.F, c.K, c.days, c.vol, c.rate));
        const inverse = value(optionDelta(c.type, c.F, c.K, c.days, c.vol, c.rate, "inverse"));
        const coin = value(optionPrice(c.type, c.F, c.K, c.days, c.vol, c.rate, "inverse"));
        if (c.type === "call") {
          expect(linear >= 0 && linear <= df).toBe(true);
          expect(inverse >= 0 && inverse <= linear).toBe(true);
        } else {
          expect(linear >= -df && linear <= 0).toBe(true);
          expect(inverse <= linear).toBe(true);
        }
        expect(Math.abs(inverse - (linear - coin))).toBeLessThanOrEqual(1e-12 * (Math.abs(linear) + coin) + 1e-300);
      }),
      { numRuns: 1000 },
    );
  });

  test("inverse price × F = linear price; gamma, vega ≥ 0; the greeks row = the single functions", () => {
    fc.assert(
      fc.property(domain, (c) => {
        const linear = value(optionPrice(c.type, c.F, c.K, c.days, c.vol, c.rate));
        const coin = value(optionPrice(c.type, c.F, c.K, c.days, c.vol, c.rate, "inverse"));
        // Relative to the last bit, except where the price is subnormal (a put struck at 1e-24):
        // there a double has fewer significant bits, so the floor is absolute.
        expect(Math.abs(coin * c.F - linear)).toBeLessThanOrEqual(4e-16 * linear + 1e-300);
        const g = greeks(c);
        expect(g.gamma).toBeGreaterThanOrEqual(0);
        expect(g.vega).toBeGreaterThanOrEqual(0);
        expect(g.price).toBe(value(optionPrice(c.type, c.F, c.K, c.days, c.vol, c.rate, c.settlement)));
        expect(g.delta).toBe(value(optionDelta(c.type, c.F, c.K, c.days, c.vol, c.rate, c.settlement)));
        const other = greeks({ ...c, settlement: c.settlement === "linear" ? "inverse" : "linear" });
        // gamma, vega and theta are in the quote currency whatever the settlement
        expect([other.gamma, other.vega, other.theta]).toEqual([g.gamma, g.vega, g.theta]);
      }),
      { numRuns: 500 },
    );
  });

  test("IMPLIEDVOL round trip: price → vol → price, and vol to 1e-8 wherever the price pins it", () => {
    let pinned = 0;
    let runs = 0;
    fc.assert(
      fc.property(domain, (c) => {
        runs++;
        const p = value(optionPrice(c.type, c.F, c.K, c.days, c.vol, c.rate, c.settlement));
        const iv = impliedVol(c.type, c.F, c.K, c.days, p, c.rate, c.settlement);
        const g = greeks(c);
        const unit = c.settlement === "inverse" ? c.F : 1;
        const df = Math.exp((-c.rate * c.days) / 365);
        const intrinsic = (df * Math.max(c.type === "call" ? c.F - c.K : c.K - c.F, 0)) / unit;
        if (isDomainError(iv)) {
          // Only when the time value is lost in the price's last bits (or underflows).
          expect(iv.kind).toBe("missing");
          expect(p - intrinsic).toBeLessThanOrEqual(4e-16 * p + 1e-300);
          return;
        }
        // dPrice/dσ in the settlement currency
        const dPdSigma = (g.vega * 100) / unit;
        const again = value(optionPrice(c.type, c.F, c.K, c.days, iv, c.rate, c.settlement));
        // the price back to 1e-13, or as close as a few ulps of σ can bring it (far out of the
        // money a price moves by h² ≈ 1000 times the relative change of σ)
        expect(Math.abs(again - p)).toBeLessThanOrEqual(1e-13 * p + 1e-15 * c.vol * dPdSigma + 1e-300);
        // for the price to pin the vol, 1e-8 of vol must move it by ≥ 1e-13 of itself (and it must
        // be a normal double, not one of the last few hundred bits of the range)
        if (p > 1e-290 && dPdSigma * 1e-8 >= 1e-13 * p) {
          pinned++;
          expect(Math.abs(iv - c.vol)).toBeLessThanOrEqual(1e-8);
        }
      }),
      { numRuns: 2000 },
    );
    expect(pinned).toBeGreaterThan(runs / 2);
  });

  test("IMPLIEDVOL up to 1000 % and at the edges", () => {
    for (const vol of [0.01, 0.05, 1, 3, 5, 9.99, 10]) {
      for (const type of ["call", "put"] as OptionType[]) {
        const p = value(optionPrice(type, 100, 101, 200, vol));
        expect(Math.abs(value(impliedVol(type, 100, 101, 200, p)) - vol)).toBeLessThanOrEqual(1e-8);
      }
    }
  });

  test("IMPLIEDVOL always terminates with a number or #N/A, for any price", () => {
    fc.assert(
      fc.property(domain, fc.double({ min: 0, max: 2, noNaN: true }), (c, fraction) => {
        const bound = c.type === "call" ? c.F : c.K;
        const unit = c.settlement === "inverse" ? c.F : 1;
        const r = impliedVol(c.type, c.F, c.K, c.days, (fraction * bound) / unit, c.rate, c.settlement);
        if (isDomainError(r)) expect(r.kind).toBe("missing");
        else expect(r > 0 && r <= 10).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test("any input at all gives a finite number or a domain error, never NaN, ∞ or a throw", () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.double({ min: 1e-320, max: 1e308 }),
      fc.constantFrom(0, -0, 1e-300, 5e-324, 1e300, 36500, 10, 1, -1),
    );
    const ok = (r: Result<number | Greeks>) =>
      isDomainError(r) || (typeof r === "number" ? Number.isFinite(r) : GREEK_NAMES.every((g) => Number.isFinite(r[g])));
    fc.assert(
      fc.property(
        fc.constantFrom<OptionType>("call", "put"),
        anyNumber,
        anyNumber,
        anyNumber,
        anyNumber,
        anyNumber,
        fc.constantFrom<Settlement>("linear", "inverse"),
        (type, F, K, days, v, r, settlement) => {
          expect(ok(optionPrice(type, F, K, days, v, r, settlement))).toBe(true);
          expect(ok(optionDelta(type, F, K, days, v, r, settlement))).toBe(true);
          expect(ok(optionGreeks(type, F, K, days, v, r, settlement))).toBe(true);
          expect(ok(impliedVol(type, F, K, days, v, r, settlement))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("errors name the argument, the value and what is allowed", () => {
  const err = (r: Result<unknown>): [string, string] => {
    expect(r).toBeInstanceOf(DomainError);
    const e = r as DomainError;
    return [e.kind, e.message];
  };

  test.each([
    [() => optionPrice("straddle" as OptionType, 100, 100, 30, 0.5), 'type must be "call" or "put" (got straddle)'],
    [() => optionPrice("call", 0, 100, 30, 0.5), "forward must be greater than 0 (got 0)"],
    [() => optionPrice("call", -5, 100, 30, 0.5), "forward must be greater than 0 (got -5)"],
    [() => optionPrice("call", NaN, 100, 30, 0.5), "forward must be a finite number (got NaN)"],
    [() => optionDelta("put", 100, 0, 30, 0.5), "strike must be greater than 0 (got 0)"],
    [() => optionDelta("put", 100, Infinity, 30, 0.5), "strike must be a finite number (got Infinity)"],
    [() => optionGreeks("call", 100, 100, 0, 0.5), "days must be greater than 0 (got 0)"],
    [() => optionGreeks("call", 100, 100, -1, 0.5), "days must be greater than 0 (got -1)"],
    [
      () => optionGreeks("call", 100, 100, 45658, 0.5),
      "days must be at most 36500 (100 years) (got 45658): give the days to expiry, not the expiry date",
    ],
    [() => optionPrice("call", 100, 100, 30, 0), "vol must be greater than 0 (got 0)"],
    [() => optionPrice("call", 100, 100, 30, 60), "vol must be at most 10, i.e. 1000 % (got 60): give 60 % as 0.6"],
    [() => optionPrice("call", 100, 100, 30, 0.5, 5), "rate must be between -1 and 1 (got 5): give 5 % as 0.05"],
    [() => optionPrice("call", 100, 100, 30, 0.5, NaN), "rate must be a finite number (got NaN)"],
    [
      () => optionPrice("call", 100, 100, 30, 0.5, 0, "quanto" as Settlement),
      'settlement must be "linear" or "inverse" (got quanto)',
    ],
    [() => impliedVol("call", 100, 100, 30, -1), "price must be 0 or more (got -1)"],
    [() => impliedVol("call", 100, 100, 30, NaN), "price must be a finite number (got NaN)"],
  ])("%#: %s", (f, message) => {
    expect(err(f())).toEqual(["invalid", message]);
  });

  test("IMPLIEDVOL: #N/A below, at and above the no-arbitrage bounds, and beyond 1000 %", () => {
    // call F = 110, K = 100, r = 0: intrinsic 10, bound 110
    expect(err(impliedVol("call", 110, 100, 30, 9.5))).toEqual([
      "missing",
      "price 9.5 is below the discounted intrinsic value 10: no volatility above 0 gives it",
    ]);
    expect(err(impliedVol("call", 110, 100, 30, 10))).toEqual([
      "missing",
      "price 10 is at the discounted intrinsic value 10: no volatility above 0 gives it",
    ]);
    expect(err(impliedVol("call", 110, 100, 30, 110))).toEqual([
      "missing",
      "price 110 is at or above the most a call can be worth, 110 (the discounted forward): no volatility gives it",
    ]);
    expect(err(impliedVol("put", 110, 100, 30, 0))).toEqual([
      "missing",
      "price 0 is at the discounted intrinsic value 0: no volatility above 0 gives it",
    ]);
    expect(err(impliedVol("put", 110, 100, 30, 100.5))).toEqual([
      "missing",
      "price 100.5 is at or above the most a put can be worth, 100 (the discounted strike): no volatility gives it",
    ]);
    // coin-settled: a call is worth less than DF coin
    expect(err(impliedVol("call", 60000, 60000, 30, 1, 0, "inverse"))[0]).toBe("missing");
    // one day, at the money: even 1000 % is worth only ~20 % of F
    expect(err(impliedVol("call", 100, 100, 1, 50))).toEqual(["missing", "price 50 needs a volatility above 10 (1000 %)"]);
  });
});
