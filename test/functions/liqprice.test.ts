import { Decimal } from "decimal.js";
import { liqPrice } from "../../src/functions/liqprice";
import { col, expectError, grid, num } from "../helpers/answers";

const lp = (
  side: unknown,
  entry: unknown,
  q: unknown,
  margin: unknown,
  rate: unknown,
  amount: unknown = null,
  type: unknown = null,
  basis: unknown = null,
) => liqPrice(side, entry, q, margin, rate, amount, type, basis);

const Ref = Decimal.clone({ precision: 80 });

/** Equity − maintenance at price P, at 80 digits: 0 at the liquidation price. */
function gapAt(
  P: number,
  o: { s: number; E: number; Q: number; M: number; m: number; A: number; inverse: boolean; mark: boolean },
): number {
  const [p, E, Q, M, m, A] = [P, o.E, o.Q, o.M, o.m, o.A].map((x) => new Ref(x));
  const pnl = o.inverse ? Q.times(new Ref(1).div(E).minus(new Ref(1).div(p))) : Q.times(p.minus(E));
  const valueAt = o.mark ? p : E;
  const value = o.inverse ? Q.div(valueAt) : Q.times(valueAt);
  return M.plus(pnl.times(o.s)).minus(m.times(value).minus(A)).div(M).toNumber();
}

describe("LEGS.LIQPRICE", () => {
  // Bybit Help Center, "Liquidation Price (USDT Contract)", isolated margin: long 1 BTC at 20,000
  // with 50× leverage: initial margin 400, maintenance 0.5 % × 20,000 = 100;
  // liquidation price = 20,000 − (400 − 100) = 19,700. Bybit holds maintenance on the entry value.
  test("Bybit USDT long 1 BTC at 20,000, 50×, MMR 0.5 % → 19,700 (entry basis)", () => {
    expect(num(lp("long", 20000, 1, 20000 / 50, 0.005, 0, "linear", "entry"))).toBe(19700);
  });
  // Hyperliquid Docs, "Liquidations": liq_price = price − side × margin_available / position_size /
  // (1 − l × side), l = 1 / MAINTENANCE_LEVERAGE; maintenance margin is half the initial margin at
  // max leverage, so maint_rate = 1 / (2 × 50) for a 50× asset. The numbers are a live Hyperliquid
  // position recorded in freqtrade's exchange tests (liquidationPrice 1243.0411908): long 0.0199 ETH
  // at 2,459.5 with isolated margin 24.454895 → 1,243.04.
  test("Hyperliquid long 0.0199 ETH at 2,459.5, margin 24.454895, max leverage 50 → 1,243.04 (mark basis)", () => {
    const x = num(lp("long", 2459.5, 0.0199, 24.454895, 1 / (2 * 50)));
    expect(x).toBeCloseTo(1243.04, 2);
    expect(x).toBe(Number("1243.041216181919699507639206131668443226"));
  });

  test("cross margin: the wallet balance available to the position is the margin", () => {
    // Wallet 10,000 USDT; other positions' maintenance 200 and unrealised P&L −300, so 9,500 is
    // available to a long of 1 BTC at 60,000 with maint_rate 0.4 %:
    // P = (60,000 − 9,500) / (1 × 0.996) = 50,702.81…
    expect(num(lp("long", 60000, 1, 10000 - 200 - 300, 0.004))).toBe(Number("50702.81124497991967871485943775100401606"));
  });

  test("Binance-style tier deduction (cum) raises a long's liquidation price less", () => {
    const withoutCum = num(lp("long", 60000, 10, 60000, 0.01));
    const withCum = num(lp("long", 60000, 10, 60000, 0.01, 500));
    expect(withCum).toBeLessThan(withoutCum);
  });

  const cases = [
    { name: "linear long, mark", s: 1, E: 60000, Q: 2, M: 12000, m: 0.005, A: 50, inverse: false, mark: true },
    { name: "linear short, mark", s: -1, E: 60000, Q: 2, M: 12000, m: 0.005, A: 50, inverse: false, mark: true },
    { name: "linear long, entry", s: 1, E: 3400, Q: 10, M: 3400, m: 0.01, A: 0, inverse: false, mark: false },
    { name: "linear short, entry", s: -1, E: 3400, Q: 10, M: 3400, m: 0.01, A: 0, inverse: false, mark: false },
    { name: "inverse long, mark", s: 1, E: 750, Q: 15000, M: 2, m: 0.005, A: 0, inverse: true, mark: true },
    { name: "inverse short, mark", s: -1, E: 750, Q: 15000, M: 2, m: 0.005, A: 0.01, inverse: true, mark: true },
    { name: "inverse long, entry", s: 1, E: 50000, Q: 100000, M: 0.5, m: 0.005, A: 0, inverse: true, mark: false },
    { name: "inverse short, entry", s: -1, E: 50000, Q: 100000, M: 0.5, m: 0.005, A: 0, inverse: true, mark: false },
  ];
  test.each(cases)("$name: equity equals maintenance at the price, on the right side of entry", (c) => {
    const P = num(lp(c.s, c.E, c.Q, c.M, c.m, c.A, c.inverse ? "inverse" : "linear", c.mark ? "mark" : "entry"));
    expect(Math.abs(gapAt(P, c as never))).toBeLessThan(1e-12);
    if (c.s === 1) expect(P).toBeLessThan(c.E);
    else expect(P).toBeGreaterThan(c.E);
  });

  test("a column of margins spills: each top-up moves a long's liquidation price down", () => {
    const out = grid(lp("long", 20000, 1, col(200, 400, 1000), 0.005, 0, "linear", "entry"));
    expect(out).toEqual([[19900], [19700], [19100]]);
  });

  describe("errors", () => {
    test("no positive liquidation price → #N/A 'position cannot be liquidated'", () => {
      // A 1× long: margin equals the position's value.
      expectError(lp("long", 100, 1, 100, 0.005), "missing", /position cannot be liquidated/);
      // A fully collateralised inverse short (margin = Q / E coin): the classic coin hedge.
      expectError(lp("short", 50000, 10000, 0.2, 0.005, 0, "inverse"), "missing", /position cannot be liquidated/);
    });
    test("margin at or below maintenance at entry → #VALUE! (liquidated at once)", () => {
      expectError(
        lp("long", 20000, 1, 100, 0.005, 0, "linear", "entry"),
        "invalid",
        /margin 100 does not exceed the maintenance margin at entry \(100\)/,
      );
    });
    test("quantity ≤ 0, entry ≤ 0, margin < 0 → #VALUE!", () => {
      expectError(lp("long", 100, 0, 10, 0.01), "invalid", /quantity must be greater than 0 \(got 0\)/);
      expectError(lp("long", 0, 1, 10, 0.01), "invalid", /entry_price must be greater than 0 \(got 0\)/);
      expectError(lp("long", 100, 1, -1, 0.01), "invalid", /margin must be 0 or more \(got -1\)/);
    });
    test("maint_rate outside [0, 1) and negative maint_amount → #VALUE!", () => {
      expectError(lp("long", 100, 1, 10, 1), "invalid", /maint_rate must be 0 or more and less than 1 \(got 1\)/);
      expectError(lp("long", 100, 1, 10, -0.01), "invalid", /maint_rate must be 0 or more/);
      expectError(lp("long", 100, 1, 10, 0.01, -5), "invalid", /maint_amount must be 0 or more \(got -5\)/);
    });
    test("unknown side, contract type or basis → #VALUE!", () => {
      expectError(lp("flat", 100, 1, 10, 0.01), "invalid", /side must be/);
      expectError(lp("long", 100, 1, 10, 0.01, null, "perp"), "invalid", /contract_type must be one of "linear", "inverse"/);
      expectError(
        lp("long", 100, 1, 10, 0.01, null, null, "index"),
        "invalid",
        /maint_basis must be one of "mark", "entry" \(got text "index"\)/,
      );
    });
    test("blanks and text", () => {
      expectError(lp("long", 100, 1, "", 0.01), "missing", /margin is required/);
      expectError(lp("long", 100, "1 BTC", 10, 0.01), "invalid", /quantity must be a number \(got text "1 BTC"\)/);
    });
  });
});
