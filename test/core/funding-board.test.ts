/**
 * The arithmetic behind LEGS.FUNDINGBOARD: a funding rate restated from its venue's interval to a
 * common horizon (simple, not compounded), and the best pair of venues for one symbol.
 *
 * Conventions, with sources:
 * - Coin Metrics, "Futures Funding Rates" (docs.coinmetrics.io, network-data / market-data
 *   reference): funding rates are annualised as rate × (1 year) / (period in years), without
 *   compounding, after "converting the funding rates to a common funding period" to compare venues.
 *   An 8-hour period is 8 / 8760 of a year, so an 8-hour rate times 1095 is its APR.
 * - Hyperliquid funds every hour at 1/8 of the computed 8-hour rate (Hyperliquid docs, "Funding";
 *   see test/fixtures/exchanges/SOURCES.md): an hourly 0.0000125 is 0.0001 per 8 h, 0.1095 a year.
 * - Binance USDⓈ-M: most symbols fund every 8 h; /fapi/v1/fundingInfo lists the ones whose
 *   fundingIntervalHours was changed, to 4 h or 1 h (the fixture: HIFIUSDT 4, MYROUSDT 1).
 * - Bybit: instruments-info's fundingInterval is in minutes per symbol (the fixture: SOLUSDT 240).
 * - The seed article (background, "spot and derivatives", Funding Rate Capture): "At 0.03% funding
 *   per 8 hours: Daily yield: 0.09% … Annual yield: ~33%", i.e. 0.0003 × 1095 = 0.3285, the same
 *   simple convention as LEGS.FUNDINGYIELD (src/core/funding.ts), checked against it below.
 */
import { Dec, toDouble } from "../../src/core/decimal";
import { DomainError, isDomainError } from "../../src/core/errors";
import { bestPair, HOURS_PER_YEAR, rateOver } from "../../src/core/funding-board";
import { fundingYield } from "../../src/functions/fundingyield";
import { expectError, num } from "../helpers/answers";

const d = (x: string | number): Dec => new Dec(x);

/** rateOver as the exact decimal string (throws on an error, so a test fails loudly). */
function over(rate: string, intervalHours: string | number, horizonHours: string | number): string {
  const r = rateOver(d(rate), d(intervalHours), d(horizonHours));
  if (isDomainError(r)) throw new Error(r.message);
  return r.toString();
}

/** The same, as the double a cell shows. */
const overDouble = (rate: string, intervalHours: string | number, horizonHours: string | number): number =>
  toDouble(d(over(rate, intervalHours, horizonHours))) as number;

describe("HOURS_PER_YEAR", () => {
  test("365 days of 24 hours (FUNDINGYIELD's year, Coin Metrics' '1 year' in hours)", () => {
    expect(HOURS_PER_YEAR.toString()).toBe("8760");
    expect(HOURS_PER_YEAR.eq(365 * 24)).toBe(true);
  });
});

describe("rateOver: rate × horizon / interval, exact and simple", () => {
  test("Hyperliquid: hourly 0.0000125 is 0.0001 per 8 h and 0.1095 a year", () => {
    expect(over("0.0000125", 1, 8)).toBe("0.0001");
    expect(over("0.0000125", 1, 8760)).toBe("0.1095");
    expect(over("0.0000125", 1, 24)).toBe("0.0003");
    expect(overDouble("0.0000125", 1, 8760)).toBe(0.1095);
  });

  test("Binance 4 h (HIFIUSDT 0.00052174): 0.00104348 per 8 h, 0.00052174 × 2190 = 1.1426106 a year", () => {
    expect(over("0.00052174", 4, 8)).toBe("0.00104348");
    expect(over("0.00052174", 4, 8760)).toBe("1.1426106");
    expect(d("0.00052174").times(2190).toString()).toBe("1.1426106");
  });

  test("Binance 1 h (MYROUSDT): 0.0001 an hour is 0.0008 per 8 h, 0.876 a year", () => {
    expect(over("0.0001", 1, 8)).toBe("0.0008");
    expect(over("0.0001", 1, 8760)).toBe("0.876");
  });

  test("Bybit 240-minute interval (SOLUSDT −0.00002284): −0.00004568 per 8 h", () => {
    expect(over("-0.00002284", 4, 8)).toBe("-0.00004568");
    expect(over("-0.00002284", d(240).div(60).toString(), 8)).toBe("-0.00004568"); // 240 min = 4 h
  });

  test("8-hour venues (Binance default, OKX, Deribit's quoting period) are unchanged over 8 h; ×1095 a year (Coin Metrics)", () => {
    expect(over("0.00010000", 8, 8)).toBe("0.0001");
    expect(over("0.00037684722210026844", 8, 8)).toBe("0.00037684722210026844");
    // Coin Metrics: rate × (1 year) / (period in years), period = 8 h = 8/8760 year.
    const periodInYears = d(8).div(8760);
    expect(d("0.0000514420987312").times(1).div(periodInYears).toString()).toBe(over("0.0000514420987312", 8, 8760));
    expect(over("0.0000514420987312", 8, 8760)).toBe("0.056329098110664");
  });

  test("seed article: 0.03 % per 8 h → 0.09 % a day → 0.3285 (≈ 33 %) a year, not compounded", () => {
    expect(over("0.0003", 8, 24)).toBe("0.0009");
    expect(over("0.0003", 8, 8760)).toBe("0.3285");
    expect(overDouble("0.0003", 8, 8760)).toBe(0.3285);
    expect(0.0003 * 1095).not.toBe(0.3285); // what doubles would have shown
    // Compounded it would be (1.0003)^1095 − 1 ≈ 0.3885: not this convention.
    expect(d("1.0003").pow(1095).minus(1).toNumber()).toBeGreaterThan(0.388);
  });

  test("the APR equals LEGS.FUNDINGYIELD(rate, interval, 365) (simple) for venues' real intervals", () => {
    const cases: [number, number][] = [
      [0.0003, 8],
      [0.0000125, 1],
      [0.00052174, 4],
      [-0.00002284, 4],
      [0.0001, 1],
      [0.00037684722210026844, 8],
      [0.0000514420987312, 8],
      [-0.0000041829, 1],
    ];
    for (const [rate, hours] of cases) {
      const apr = overDouble(String(rate), hours, 8760);
      expect(apr).toBe(num(fundingYield(rate, hours, 365, null)));
      expect(apr).toBe(num(fundingYield(rate, hours, 365, "simple")));
    }
  });

  test("a horizon shorter than the interval, and fractional ones", () => {
    expect(over("0.0001", 8, 1)).toBe("0.0000125");
    expect(over("0.0001", 8, "0.5")).toBe("0.00000625");
    expect(over("0.0001", 8, 168)).toBe("0.0021"); // a week
  });

  test("zero and negative rates; no rounding in the division (÷ 3 h keeps 40 digits)", () => {
    expect(over("0", 1, 8760)).toBe("0");
    expect(over("-0.0001", 8, 8760)).toBe("-0.1095");
    expect(over("0.0001", 3, 8)).toBe("0.0002666666666666666666666666666666666666667");
  });

  test("interval and horizon must be more than 0, named in the message", () => {
    expectError(rateOver(d("0.0001"), d(0), d(8)), "invalid", /^interval_hours must be greater than 0 \(got 0\)$/);
    expectError(rateOver(d("0.0001"), d(-8), d(8)), "invalid", /^interval_hours must be greater than 0 \(got -8\)$/);
    expectError(rateOver(d("0.0001"), d(8), d(0)), "invalid", /^horizon must be greater than 0 \(got 0\)$/);
    expectError(rateOver(d("0.0001"), d(8), d(-1)), "invalid", /^horizon must be greater than 0 \(got -1\)$/);
    // Interval first when both are wrong.
    expectError(rateOver(d("0.0001"), d(0), d(0)), "invalid", /^interval_hours/);
  });
});

describe("bestPair: the venue to be short on (highest rate), to be long on (lowest), their spread", () => {
  const pair = (...rates: (string | null)[]) => bestPair(rates.map((r) => (r === null ? null : d(r))));
  const plain = (p: ReturnType<typeof pair>) => (p === null ? null : { ...p, spread: p.spread.toString() });

  test("three venues: short the highest, long the lowest, spread exact", () => {
    expect(plain(pair("0.0001", "0.0002", "0.00005"))).toEqual({ short: 1, long: 2, spread: "0.00015" });
  });

  test("the fixtures' ETH at 8 h: short Deribit, long OKX, spread 0.00032540512336906844 exactly", () => {
    // binance, bybit, okx, hyperliquid (0.0000097436 × 8), deribit
    const p = pair("0.00007415", "0.00007511", "0.0000514420987312", "0.0000779488", "0.00037684722210026844");
    expect(plain(p)).toEqual({ short: 4, long: 2, spread: "0.00032540512336906844" });
    // The spread's APR: × 1095, simple (= FUNDINGYIELD(spread, 8, 365)).
    const apr = toDouble(p!.spread.times(HOURS_PER_YEAR).div(8))!;
    expect(apr).toBe(0.35631861008912996);
    // FUNDINGYIELD of the spread as a cell shows it (the nearest double, 0.00032540512336906845).
    expect(String(p!.spread.toNumber())).toBe("0.00032540512336906845");
    expect(apr).toBe(num(fundingYield(p!.spread.toNumber(), 8, 365, null)));
  });

  test("all negative: short the least negative (it pays least), long the most negative (it is paid most)", () => {
    expect(plain(pair("-0.00002318", "-0.00004568", "-0.0000334632"))).toEqual({ short: 0, long: 1, spread: "0.0000225" });
  });

  test("ties go to the venue listed first, for the short and for the long", () => {
    expect(plain(pair("0.0002", "0.0001", "0.0002", "0.0001"))).toEqual({ short: 0, long: 1, spread: "0.0001" });
    expect(plain(pair("0.0001", "0.0002", "0.0001", "0.0002"))).toEqual({ short: 1, long: 0, spread: "0.0001" });
    // Equal values written differently are equal (0.0001 and 0.00010000, as Binance prints it).
    expect(plain(pair("0.00010000", "0.0001", "0"))).toEqual({ short: 0, long: 2, spread: "0.0001" });
  });

  test("all rates equal: still two different venues (the first two quoting), spread 0", () => {
    expect(plain(pair("0.0001", "0.0001"))).toEqual({ short: 0, long: 1, spread: "0" });
    expect(plain(pair("0.0001", "0.0001", "0.0001", "0.0001", "0.0001"))).toEqual({ short: 0, long: 1, spread: "0" });
    expect(plain(pair(null, "0", null, "0"))).toEqual({ short: 1, long: 3, spread: "0" });
    expect(plain(pair("0", "-0"))).toEqual({ short: 0, long: 1, spread: "0" });
    const p = pair(null, "-0.0003", "-0.0003", null)!;
    expect(p.short).not.toBe(p.long);
  });

  test("one venue quoting, or none: no pair (null)", () => {
    expect(pair()).toBeNull();
    expect(pair("0.0001")).toBeNull();
    expect(pair(null, "0.0001", null)).toBeNull();
    expect(pair(null, null, null, null, null)).toBeNull();
  });

  test("nulls interleaved: the indexes are the venues' own positions", () => {
    expect(plain(pair(null, "-0.0001", null, "0.0003", null, "0.0001"))).toEqual({ short: 3, long: 1, spread: "0.0004" });
    expect(plain(pair("0.0002", null, null, "0.0002"))).toEqual({ short: 0, long: 3, spread: "0" });
    expect(plain(pair(null, "0.0001", null, "0.0003"))).toEqual({ short: 3, long: 1, spread: "0.0002" });
  });

  test("the spread is exact where doubles are not (0.0003 − 0.0001)", () => {
    expect(0.0003 - 0.0001).not.toBe(0.0002);
    expect(toDouble(pair("0.0003", "0.0001")!.spread)).toBe(0.0002);
  });

  test("never an error value", () => {
    expect(pair("1e-30", "-1e-30")).not.toBeInstanceOf(DomainError);
    expect(plain(pair("1e-30", "-1e-30"))).toEqual({ short: 0, long: 1, spread: "2e-30" });
  });
});
