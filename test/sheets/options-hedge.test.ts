/**
 * The options templates (src/sheets/templates/options-hedge.ts) evaluated by HyperFormula with
 * the LEGS plugin, as the preview evaluates them. The premiums, deltas and greeks are checked
 * against Black-76 written out here from the textbook formulas (Hull, "Options, Futures, and
 * Other Derivatives", Black's model; the normal CDF from its Taylor series), and against
 * src/core/black76.ts.
 *
 * The sheet counts days from NOW(), so the exact numbers are checked with "Days to expiry" set to
 * 30 (as typing a number over the formula would); the checks that use the clock (NETDELTA, which
 * reads Expiry itself) assert relations that hold at any time. The clock is the run's, taken once
 * (test/helpers/sheet-now.ts).
 */
import { DetailedCellError } from "hyperformula";
import { optionPrice } from "../../src/core/black76";
import { EvaluatedPlan } from "../../src/preview/engine";
import { evaluateNow as evaluatePlan, NOW, TODAY } from "../helpers/sheet-now";
import { parseCell } from "../../src/sheets/a1";
import { checkInputs } from "../../src/sheets/inputs";
import { PRICE_MOVES } from "../../src/sheets/scenario";
import { templateById } from "../../src/sheets/templates";
import { OPTION_LEG_HEADERS } from "../../src/sheets/templates/template";

/**
 * The offset a trader on this computer types into "Your clock's offset from UTC" (the sheet's
 * NOW() is local time; NETDELTA reads Expiry in UTC): 0 on a UTC machine, −5 in a New York
 * winter, +12 in an Auckland winter (`npm run test:dates` runs in both).
 */
const UTC_OFFSET = String(-new Date(NOW).getTimezoneOffset() / 60);

function evaluate(id: string, overrides: Record<string, string> = {}): EvaluatedPlan {
  const t = templateById(id)!;
  const inputs = t.inputs.some((i) => i.id === "UtcOffset") ? { UtcOffset: UTC_OFFSET, ...overrides } : overrides;
  const { values, errors } = checkInputs(t.inputs, inputs, TODAY);
  expect(errors).toEqual({});
  return evaluatePlan(t.build(values));
}

/** The metric right of `label` in column A, as a number. */
function num(ev: EvaluatedPlan, label: string): number {
  const cell = ev.plan.cells.find((c) => c.ref.startsWith("A") && c.value === label);
  if (!cell) throw new Error(`no label "${label}"`);
  const v = ev.value(`B${cell.ref.slice(1)}`);
  if (typeof v !== "number") throw new Error(`${label}: ${v instanceof DetailedCellError ? v.message : String(v)}`);
  return v;
}

/** The scenario grid: exit prices, the body (rows × the across columns) and the extra columns by header. */
function grid(ev: EvaluatedPlan) {
  const helper = ev.plan.cells.find((c) => c.value === "Days left")!;
  const at = parseCell(helper.ref);
  const cell = (row: number, col: number) => ev.hf.getCellValue({ sheet: ev.sheet, row, col }) as number;
  const rows = PRICE_MOVES.map((_, i) => at.row + 1 + i);
  const headerRow = at.row - 1;
  const extra = (label: string) => {
    const h = ev.plan.cells.find((c) => c.value === label && c.style === "header")!;
    return rows.map((r) => cell(r, parseCell(h.ref).col));
  };
  return {
    exits: rows.map((r) => cell(r, 1)),
    daysLeft: [2, 3, 4, 5, 6].map((c) => cell(at.row, c)),
    elapsed: [2, 3, 4, 5, 6].map((c) => cell(headerRow, c)),
    body: rows.map((r) => [2, 3, 4, 5, 6].map((c) => cell(r, c))),
    extra,
  };
}

/**
 * `actual` within 1e-9 of `expected` relative (absolute near 0): HyperFormula returns a cell's
 * value rounded to about 11 significant digits.
 */
function near(actual: number, expected: number, tolerance = 1e-9): void {
  const allowed = tolerance * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= allowed)) throw new Error(`expected ${expected} ± ${allowed}, got ${actual}`);
}

/**
 * NETDELTA reads the clock to the millisecond, the sheet's NOW() to the whole second (as Excel's):
 * on the same clock they may be a second apart, a change of about 1e-7 in the book's delta.
 */
const NOW_SECONDS = 1e-6;

// ---------------------------------------------------------------------------------------------
// Black-76 from the textbook (rate 0): c = F·N(d1) − K·N(d2), p = K·N(−d2) − F·N(−d1),
// d1 = (ln(F/K) + σ²T/2)/(σ√T), d2 = d1 − σ√T; delta N(d1), N(d1) − 1; gamma φ(d1)/(F·σ√T);
// vega F·φ(d1)·√T per unit of σ; theta −F·φ(d1)·σ/(2√T) per year.

/** N(x) from its Taylor series ½ + φ-free Σ (−1)ⁿ x^(2n+1) / (2ⁿ n! (2n+1)) / √(2π): exact to ~1e-16 for |x| < 2. */
function normCdf(x: number): number {
  let sum = 0;
  let term = x;
  for (let n = 0; n < 80; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (2 * (n + 1));
  }
  return 0.5 + sum / Math.sqrt(2 * Math.PI);
}
const normPdf = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

function black76(type: "call" | "put", F: number, K: number, days: number, vol: number) {
  const T = days / 365;
  const s = vol * Math.sqrt(T);
  const d1 = (Math.log(F / K) + (s * s) / 2) / s;
  const d2 = d1 - s;
  const price = type === "call" ? F * normCdf(d1) - K * normCdf(d2) : K * normCdf(-d2) - F * normCdf(-d1);
  const delta = type === "call" ? normCdf(d1) : normCdf(d1) - 1;
  return {
    price,
    delta,
    gamma: normPdf(d1) / (F * s),
    vega: (F * normPdf(d1) * Math.sqrt(T)) / 100,
    theta: (-F * normPdf(d1) * vol) / (2 * Math.sqrt(T)) / 365,
  };
}

describe("Black-76 here agrees with the textbook and with src/core", () => {
  test("F 100,500, K 100,000, 30 days, 55 %: call 6,552.87, put 6,052.87 (parity: call − put = F − K)", () => {
    const call = black76("call", 100500, 100000, 30, 0.55).price;
    const put = black76("put", 100500, 100000, 30, 0.55).price;
    expect(call).toBeCloseTo(6552.87, 2);
    expect(put).toBeCloseTo(6052.87, 2);
    expect(call - put).toBeCloseTo(500, 9);
    expect(optionPrice("call", 100500, 100000, 30, 0.55) as number).toBeCloseTo(call, 8);
    expect(black76("put", 100500, 90000, 30, 0.55).price).toBeCloseTo(2139.53, 2);
  });
});

// ---------------------------------------------------------------------------------------------

describe("Options hedge (long calls, short perp)", () => {
  const F = 100500;
  const K = 100000;
  const S = 100000;
  const n = 10;
  const bs = black76("call", F, K, 30, 0.55);
  const coin = bs.price / F; // coin-settled premium per option

  const at30 = (overrides: Record<string, string> = {}) => {
    const ev = evaluate("options-hedge", overrides);
    ev.set("DaysToExpiry", 30);
    return ev;
  };

  test("the legs table has the option columns after the standard ones", () => {
    const plan = templateById("options-hedge")!.build(checkInputs(templateById("options-hedge")!.inputs, {}, TODAY).values);
    const legs = plan.tables[0];
    expect(legs.name).toBe("OptionLegs");
    const top = parseCell(legs.ref.split(":")[0]).row + 1;
    const headers = plan.cells.filter((c) => c.ref.replace(/^[A-Z]+/, "") === String(top)).map((c) => c.value);
    expect(headers.slice(-OPTION_LEG_HEADERS.length)).toEqual(["Type", "Strike", "Expiry", "Vol"]);
  });

  test("premium: Black-76 in coin (0.0652 BTC a call), × spot in USD, × 10 contracts paid", () => {
    const ev = at30();
    near(num(ev, "Premium per option, as quoted"), coin);
    expect(coin).toBeCloseTo(6552.87 / 100500, 7);
    near(num(ev, "Premium per option in coin"), coin);
    near(num(ev, "Premium per option in USD"), coin * S);
    near(num(ev, "Premium paid in coin"), n * coin);
    near(num(ev, "Premium paid in USD"), n * coin * S);
  });

  test("delta: Black N(d1) = 0.5440; premium-adjusted = Black − coin premium = 0.4788; the hedge shorts 10 × that", () => {
    const ev = at30();
    near(num(ev, "Black delta per option"), bs.delta);
    expect(bs.delta).toBeCloseTo(0.544, 3);
    near(num(ev, "Delta per option, premium-adjusted"), bs.delta - coin);
    near(num(ev, "Premium adjustment per option"), coin);
    near(num(ev, "Options delta"), n * (bs.delta - coin));
    near(num(ev, "Hedge: coins to short"), n * (bs.delta - coin));
    // The legs table's hedge row holds that quantity.
    const hedgeRow = ev.plan.cells.find((c) => c.formula === "=HedgeQty")!;
    near(ev.value(hedgeRow.ref) as number, n * (bs.delta - coin));
  });

  test("book greeks: 10 × gamma (per 1 %), vega, theta; the break-even daily move is vol ÷ √365", () => {
    const ev = at30();
    near(num(ev, "Book gamma (delta per 1 % move)"), n * bs.gamma * F * 0.01);
    near(num(ev, "Book vega (per vol point)"), n * bs.vega);
    near(num(ev, "Book theta (per day)"), n * bs.theta);
    expect(num(ev, "Book theta (per day)")).toBeLessThan(0);
    near(num(ev, "Break-even daily move"), 0.55 / Math.sqrt(365));
  });

  test("the perp short: margin at 5×, liquidation at spot × 1.2 / 1.005, funding 90 payments to expiry", () => {
    const ev = at30();
    const hedge = n * (bs.delta - coin);
    near(num(ev, "Perp margin"), (hedge * S) / 5);
    near(num(ev, "Perp liquidation price"), (S * 1.2) / 1.005);
    near(num(ev, "Buffer to liquidation"), 1.2 / 1.005 - 1);
    near(num(ev, "Perp funding until expiry"), hedge * S * 0.0001 * 90);
    near(num(ev, "Carry to expiry"), hedge * S * 0.0001 * 90 - n * coin * S);
  });

  test("NETDELTA of the legs (which reads the calls' Expiry itself) is 0 after the hedge: inverse, linear, spot hedge", () => {
    const cases: Record<string, string>[] = [
      {},
      { Settlement: "linear" },
      { HedgeWith: "spot", Strike: "110000", Contracts: "3" },
    ];
    for (const overrides of cases) {
      const ev = evaluate("options-hedge", overrides);
      expect(num(ev, "Hedge: coins to short")).toBeGreaterThan(0);
      near(num(ev, "Net delta of the legs"), 0, NOW_SECONDS);
    }
    // Without the short, the net delta is the calls' premium-adjusted delta.
    const ev = evaluate("options-hedge");
    const hedgeRow = ev.plan.cells.find((c) => c.formula === "=HedgeQty")!;
    const delta = num(ev, "Options delta");
    ev.set(hedgeRow.ref, 0);
    near(num(ev, "Net delta of the legs"), delta, NOW_SECONDS);
  });

  test("linear (USDC) options: the premium is in USD and there is no premium adjustment", () => {
    const ev = at30({ Settlement: "linear" });
    near(num(ev, "Premium per option, as quoted"), bs.price);
    near(num(ev, "Premium per option in USD"), bs.price);
    near(num(ev, "Premium per option in coin"), bs.price / S);
    expect(num(ev, "Premium adjustment per option")).toBe(0);
    near(num(ev, "Hedge: coins to short"), n * bs.delta);
  });

  test("scenario grid: 0 at 0 % and no time elapsed, long gamma either way, the premium lost at the strike at expiry", () => {
    const ev = at30();
    const g = grid(ev);
    expect(g.elapsed).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(g.daysLeft).toEqual([30, 22.5, 15, 7.5, 0]);
    const zero = PRICE_MOVES.indexOf(0);
    expect(g.exits[zero]).toBe(S);
    near(g.body[zero][0], 0, 1e-6);
    // Delta-neutral and long gamma: ±5 % today both gain.
    expect(g.body[zero - 1][0]).toBeGreaterThan(0);
    expect(g.body[zero + 1][0]).toBeGreaterThan(0);
    // Near the money the hedged book is far flatter than the calls alone.
    expect(Math.abs(g.body[zero + 1][0] - g.body[zero - 1][0])).toBeLessThan(
      0.05 * Math.abs(g.extra("Calls alone, today")[zero + 1] - g.extra("Calls alone, today")[zero - 1]),
    );
    // Theta: at an unchanged price the book loses as time passes, all the premium by expiry.
    const flat = g.body[zero];
    for (let j = 1; j < flat.length; j++) expect(flat[j]).toBeLessThan(flat[j - 1]);
    near(flat[4], -n * coin * S);
    // The extra columns: today = the first column; at expiry = the last.
    g.body.forEach((row, i) => {
      near(g.extra("Hedged, today")[i], row[0]);
      near(g.extra("Hedged, at expiry")[i], row[4]);
    });
  });

  test("scenario grid at expiry: (intrinsic in coin − premium in coin) × exit price + the short's P&L", () => {
    const ev = at30();
    const g = grid(ev);
    const hedge = n * (bs.delta - coin);
    g.exits.forEach((x, i) => {
      const intrinsicCoin = Math.max(x - K, 0) / x;
      near(g.body[i][4], n * (intrinsicCoin - coin) * x - hedge * (x - S));
    });
    // +30 %: the calls pay 30,000 a call; the premium's coins are worth 130,000 each.
    near(g.body[PRICE_MOVES.indexOf(0.3)][4], n * 30000 - n * coin * 130000 - hedge * 30000);
  });

  test("scenario grid mid-life: the calls repriced by OPTIONPRICE at the exit price, the basis shrinking to expiry", () => {
    const ev = at30();
    const g = grid(ev);
    const hedge = n * (bs.delta - coin);
    const i = PRICE_MOVES.indexOf(-0.1);
    const x = g.exits[i];
    // 15 days left: the forward's 500 over spot halves.
    const v = (optionPrice("call", x + 250, K, 15, 0.55, 0, "inverse") as number) * x;
    near(g.body[i][2], n * v - n * coin * x - hedge * (x - S));
  });

  test("recalculates: 20 contracts double the premium, the hedge and the greeks", () => {
    const ev = at30();
    const before = [num(ev, "Premium paid in USD"), num(ev, "Hedge: coins to short"), num(ev, "Book vega (per vol point)")];
    ev.set("Contracts", 20);
    near(num(ev, "Premium paid in USD"), 2 * before[0]);
    near(num(ev, "Hedge: coins to short"), 2 * before[1]);
    near(num(ev, "Book vega (per vol point)"), 2 * before[2]);
    near(grid(ev).body[PRICE_MOVES.indexOf(0)][0], 0, 1e-6);
  });

  test("days to expiry count to 08:00 UTC of the expiry date on this computer's clock, shifted by the UTC offset", () => {
    const ev = evaluate("options-hedge");
    const expiry = Date.parse(`${TODAY}T08:00:00Z`) + 30 * 86400000;
    const days = num(ev, "Days to expiry");
    // NOW() is local time: the offset input (set by `evaluate` as the trader would) makes up for it.
    near(days, (expiry - NOW) / 86400000, NOW_SECONDS);
    expect(days).toBeGreaterThan(29);
    ev.set("Expiry", 40000); // 2009-07-06: long past
    expect(num(ev, "Days to expiry")).toBe(0);
    const status = ev.plan.cells.find((c) => c.value === "Expiry status")!;
    expect(ev.value(`B${status.ref.slice(1)}`)).toBe("Expired: enter a later expiry");
  });
});

// ---------------------------------------------------------------------------------------------

describe("Protective put (1 BTC held, 1 put at 90,000)", () => {
  const F = 100500;
  const K = 90000;
  const S = 100000;
  const cost = 60000;
  const bs = black76("put", F, K, 30, 0.55);
  const coin = bs.price / F;

  const at30 = (overrides: Record<string, string> = {}) => {
    const ev = evaluate("protective-put", overrides);
    ev.set("DaysToExpiry", 30);
    return ev;
  };

  test("premium and delta: Black-76 put, 0.0213 BTC; premium-adjusted delta = N(d1) − 1 − premium", () => {
    const ev = at30();
    near(num(ev, "Premium per option, as quoted"), coin);
    expect(coin).toBeCloseTo(2139.53 / 100500, 7);
    near(num(ev, "Premium paid in USD"), coin * S);
    near(num(ev, "Black delta per option"), bs.delta);
    near(num(ev, "Delta per option, premium-adjusted"), bs.delta - coin);
    near(num(ev, "Cost of protection"), coin);
    near(num(ev, "Cost of protection a year"), (coin * 365) / 30);
  });

  test("coin-settled: floor = strike × (1 − premium in coin); max loss, worst P&L over cost, breakeven", () => {
    const ev = at30();
    const floor = K * (1 - coin);
    near(num(ev, "Floor value at expiry"), floor);
    near(num(ev, "Max loss by expiry"), S - floor);
    near(num(ev, "Max loss %"), (S - floor) / S);
    near(num(ev, "Worst P&L over the cost basis"), floor - cost);
    near(num(ev, "Breakeven at expiry"), S / (1 - coin));
  });

  test("coin-settled grid at expiry: never below −max loss, reached at the strike (−10 %), above it beyond the breakeven", () => {
    const ev = at30();
    const g = grid(ev);
    const maxLoss = num(ev, "Max loss by expiry");
    g.exits.forEach((x, i) => {
      const expected = x - S + Math.max(K - x, 0) - coin * x;
      near(g.body[i][4], expected);
      near(g.extra("Spot + puts, at expiry")[i], expected);
      expect(g.body[i][4]).toBeGreaterThanOrEqual(-maxLoss - 1e-6);
      near(g.extra("Spot only")[i], x - S);
    });
    near(g.body[PRICE_MOVES.indexOf(-0.1)][4], -maxLoss);
    const breakeven = num(ev, "Breakeven at expiry");
    g.exits.forEach((x, i) => expect(g.body[i][4] > 0).toBe(x > breakeven));
    near(g.body[PRICE_MOVES.indexOf(0)][0], 0, 1e-6);
  });

  test("linear (USDC) puts: P&L at expiry floored at (strike − spot) − premium, (strike − cost) − premium over the cost", () => {
    const ev = at30({ Settlement: "linear" });
    const premium = bs.price;
    near(num(ev, "Premium paid in USD"), premium);
    near(num(ev, "Floor value at expiry"), K - premium);
    near(num(ev, "Worst P&L over the cost basis"), K - cost - premium);
    near(num(ev, "Breakeven at expiry"), S + premium);
    const g = grid(ev);
    g.exits.forEach((x, i) => {
      if (x <= K) near(g.body[i][4], K - S - premium);
      else near(g.body[i][4], x - S - premium);
    });
  });

  test("half the spot protected: the floor is at a zero price, the spot's other half unprotected", () => {
    const ev = at30({ SpotQty: "2", Contracts: "1" });
    expect(num(ev, "Coins protected")).toBe(1);
    near(num(ev, "Floor value at expiry"), K); // the put alone, at a price of 0
  });

  test("NETDELTA: the spot held plus the put's premium-adjusted delta (from the legs' Expiry)", () => {
    const ev = evaluate("protective-put");
    const put = num(ev, "Options delta");
    expect(put).toBeLessThan(0);
    near(num(ev, "Net delta of the legs"), 1 + put, NOW_SECONDS);
  });

  test("the perp short it replaces: liquidation at spot × 1.2 / 1.005, funding received until expiry", () => {
    const ev = at30();
    expect(num(ev, "Perp margin")).toBe(20000);
    near(num(ev, "Perp liquidation price"), (S * 1.2) / 1.005);
    near(num(ev, "Perp funding until expiry"), S * 0.0001 * 90);
    near(num(ev, "The put's cost over the perp's"), coin * S + S * 0.0001 * 90);
    expect(grid(ev).extra("Spot + perp short")).toEqual(Array(PRICE_MOVES.length).fill(num(ev, "Perp funding until expiry")));
  });
});
