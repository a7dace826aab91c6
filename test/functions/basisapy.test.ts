import { Decimal } from "decimal.js";
import { basisApy } from "../../src/functions/basisapy";
import { col, expectError, grid, num, row } from "../helpers/answers";

// An independent reference at 80 digits (the core runs at 40), for the irrational conventions.
const Ref = Decimal.clone({ precision: 80 });
const relErr = (actual: number, expected: Decimal.Value) => new Ref(actual).minus(expected).div(expected).abs().toNumber();

const apy = (spot: unknown, future: unknown, days: unknown, compounding: unknown = null, year: unknown = null) =>
  basisApy(spot, future, days, compounding, year);

describe("LEGS.BASISAPY", () => {
  // Seed article, Strategy #2 Cash-and-Carry: "BTC Spot: $95,000 … March Futures (90 days out):
  // $98,000 … Basis: $3,000 (3.16%) … Annualized: 3.16% × (365/90) = ~12.8% APY".
  test("seed: cash-and-carry 95,000 / 98,000 / 90 days ≈ 12.8 % a year (simple)", () => {
    const x = num(apy(95000, 98000, 90));
    expect(x).toBeCloseTo(0.128, 3);
    // Exactly 3000/95000 × 365/90 = 1095000/8550000 = 0.1280701754385964912280701754…
    expect(x).toBe(Number("0.12807017543859649122807017543859649122807"));
    // The seed's per-period basis, 3.16 %, is the same with a 90-day year.
    expect(num(apy(95000, 98000, 90, null, 90))).toBeCloseTo(0.0316, 4);
  });

  test("compound: (F/S)^(Y/days) − 1 correct to 1e-12 relative", () => {
    const x = num(apy(95000, 98000, 90, "compound"));
    const ref = new Ref(98000).div(95000).pow(new Ref(365).div(90)).minus(1);
    expect(relErr(x, ref)).toBeLessThan(1e-12);
    expect(x).toBeGreaterThan(num(apy(95000, 98000, 90))); // compounding adds for positive basis
  });

  test("continuous: ln(F/S) × Y/days correct to 1e-12 relative", () => {
    const x = num(apy(95000, 98000, 90, "Continuous"));
    const ref = new Ref(98000).div(95000).ln().times(new Ref(365).div(90));
    expect(relErr(x, ref)).toBeLessThan(1e-12);
  });

  test("days_in_year: 360 (money-market) and 365.25", () => {
    expect(num(apy(100, 101, 30, "simple", 360))).toBe(0.12);
    expect(num(apy(100, 101, 365.25, null, 365.25))).toBe(0.01);
  });

  test("backwardation gives a negative APY", () => {
    expect(num(apy(100, 99, 365))).toBe(-0.01);
  });

  test("mode text is case-insensitive and trimmed; blank or omitted is simple", () => {
    expect(num(apy(100, 101, 365, "  COMPOUND "))).toBe(0.01);
    expect(num(apy(100, 101, 365, ""))).toBe(0.01);
    expect(num(apy(100, 101, 365, [[null]]))).toBe(0.01);
  });

  test("a term structure: a column of futures and days spills one APY per row", () => {
    const out = grid(apy(95000, col(96000, 98000, 101000), col(30, 90, 180)));
    expect(out).toEqual([
      [Number(new Ref(1000).div(95000).times(365).div(30).toString())],
      [Number("0.12807017543859649122807017543859649122807")],
      [Number(new Ref(6000).div(95000).times(365).div(180).toString())],
    ]);
  });

  test("a row of spots against a column of futures broadcasts to a grid", () => {
    const out = grid(apy(row(100, 200), col(101, 202), 365));
    expect(out).toEqual([
      [0.01, -0.495],
      [1.02, 0.01],
    ]);
  });

  test("1×1 ranges count as single values", () => {
    expect(apy([[100]], [[101]], [[365]])).toBe(0.01);
  });

  test("numeric text is read as the number it shows", () => {
    expect(num(apy("100", " 101 ", "365"))).toBe(0.01);
  });

  describe("errors", () => {
    test.each([
      ["spot", [0, 98000, 90], /spot must be greater than 0 \(got 0\)/],
      ["spot", [-1, 98000, 90], /spot must be greater than 0 \(got -1\)/],
      ["future", [95000, 0, 90], /future must be greater than 0 \(got 0\)/],
      ["days", [95000, 98000, 0], /days must be greater than 0 \(got 0\)/],
      ["days", [95000, 98000, -5], /days must be greater than 0 \(got -5\)/],
    ])("%s out of range → #VALUE!", (_name, [s, f, d], message) => {
      expectError(apy(s, f, d), "invalid", message);
    });

    test("days_in_year ≤ 0 → #VALUE!", () => {
      expectError(apy(1, 2, 3, null, 0), "invalid", /days_in_year must be greater than 0 \(got 0\)/);
      expectError(apy(1, 2, 3, null, -365), "invalid", /days_in_year/);
    });

    test("unknown compounding → #VALUE! listing the modes", () => {
      expectError(
        apy(1, 2, 3, "annual"),
        "invalid",
        /compounding must be one of "simple", "compound", "continuous" \(got text "annual"\)/,
      );
      expectError(apy(1, 2, 3, 1), "invalid", /compounding .* \(got 1\)/);
      expectError(apy(1, 2, 3, true), "invalid", /compounding .* \(got TRUE\)/);
    });

    test("text, booleans and blanks where a number is needed", () => {
      expectError(apy("abc", 2, 3), "invalid", /spot must be a number \(got text "abc"\)/);
      expectError(apy(1, true, 3), "invalid", /future must be a number \(got TRUE\)/);
      expectError(apy(1, 2, ""), "missing", /days is required \(got a blank cell\)/);
      expectError(apy(null, 2, 3), "missing", /spot is required/);
      expectError(apy(1, 2, NaN), "invalid", /days must be a finite number \(got NaN\)/);
      expectError(apy(1, Infinity, 3), "invalid", /future must be a finite number \(got Infinity\)/);
    });

    test("days_in_year as a range → #VALUE!", () => {
      expectError(apy(1, 2, 3, null, col(365, 360)), "invalid", /days_in_year takes a single value \(got a 2×1 range\)/);
    });

    test("ranges of different shapes → #VALUE!", () => {
      expectError(apy(col(1, 2, 3), col(1, 2), 30), "invalid", /future is a 2×1 range but the other ranges make 3×1/);
    });

    test("one bad row of a term structure is an error in that cell only", () => {
      const out = grid(apy(100, col(101, 0, 102), 365));
      expect(out[0][0]).toBe(0.01);
      expectError(out[1][0], "invalid", /future must be greater than 0/);
      expect(out[2][0]).toBe(0.02);
    });

    test("an empty or ragged array → #VALUE!", () => {
      expectError(apy([], 2, 3), "invalid", /spot must be a range/);
      expectError(apy([[1, 2], [3]], 2, 3), "invalid", /spot must be a rectangular range/);
    });

    test("a result too large for a double → #NUM!", () => {
      expectError(apy(1, 1e300, 1e-300, "compound"), "overflow", /too large/);
    });
  });
});
