import { Decimal } from "decimal.js";
import { fundingYield } from "../../src/functions/fundingyield";
import { col, expectError, grid, num, row } from "../helpers/answers";

const Ref = Decimal.clone({ precision: 80 });
const fy = (rate: unknown, hours: unknown = null, days: unknown = null, mode: unknown = null) =>
  fundingYield(rate, hours, days, mode);

describe("LEGS.FUNDINGYIELD", () => {
  // Seed article, Strategy #3 Funding Rate Capture, "Yield Potential": "At 0.03% funding per
  // 8 hours: Daily yield: 0.09% · Monthly yield: ~2.7% · Annual yield: ~33%".
  test("seed: 0.03 % per 8 h → 0.09 % a day", () => {
    expect(num(fy(0.0003, 8, 1))).toBe(0.0009);
  });
  test("seed: 0.03 % per 8 h → ≈ 2.7 % a month (30 days)", () => {
    expect(num(fy(0.0003, 8, 30))).toBe(0.027);
  });
  test("seed: 0.03 % per 8 h → ≈ 33 % a year, exactly 0.3285 (not 0.32849999999999996)", () => {
    expect(0.0003 * 1095).not.toBe(0.3285);
    expect(num(fy(0.0003))).toBe(0.3285);
    expect(num(fy(0.0003))).toBeCloseTo(0.33, 2);
  });
  // Seed article, Common Mistakes, "Mistake 2: Ignoring Funding Costs": "0.05% every 8 hours.
  // Over a month, that's 4.5% drag."
  test("seed: 0.05 % every 8 hours over a month is 4.5 %", () => {
    expect(num(fy(0.0005, 8, 30))).toBe(0.045);
  });
  // Seed article, Practical Implementation: $50,000 short perp at 0.03 % → "~$45/day".
  test("seed: $50,000 at 0.03 % per 8 h earns $45 a day", () => {
    expect(50000 * num(fy(0.0003, 8, 1))).toBe(45);
  });

  test("compound: (1 + r)^n − 1, correct to 1e-12 relative", () => {
    const x = num(fy(0.0003, 8, 365, "compound"));
    const ref = new Ref("1.0003").pow(1095).minus(1);
    expect(Math.abs(x - ref.toNumber()) / ref.toNumber()).toBeLessThan(1e-12);
    expect(x).toBeGreaterThan(0.3285);
  });

  test("hourly funding (Hyperliquid): 0.00125 % per hour over a year", () => {
    expect(num(fy(0.0000125, 1, 365))).toBe(0.1095);
  });

  test("a fractional number of events is allowed (12 h at 8-hourly funding = 1.5 events)", () => {
    expect(num(fy(0.0001, 8, 0.5))).toBe(0.00015);
  });

  test("horizon 0 days earns 0; a negative rate is a cost", () => {
    expect(num(fy(0.0003, 8, 0))).toBe(0);
    expect(num(fy(-0.0001, 8, 365))).toBe(-0.1095);
  });

  test("a history of rates: the mean of the non-blank cells", () => {
    // mean(0.0001, 0.0002, 0.0003) = 0.0002 exactly; × 1095 events = 0.219
    expect(num(fy(col(0.0001, "", 0.0002, null, 0.0003)))).toBe(0.219);
    expect(
      num(
        fy([
          [0.0001, 0.0003],
          [0.0002, ""],
        ]),
      ),
    ).toBe(0.219);
  });

  test("omitted or blank optionals take the defaults (8 h, 365 days, simple)", () => {
    expect(num(fy(0.0003, "", "", ""))).toBe(0.3285);
    expect(num(fy(0.0003, [[null]], [[""]]))).toBe(0.3285);
  });

  test("horizon_days as a range spills a yield table: 1, 30, 365 days", () => {
    expect(grid(fy(0.0003, 8, row(1, 30, 365)))).toEqual([[0.0009, 0.027, 0.3285]]);
  });

  describe("errors", () => {
    test("interval_hours ≤ 0 → #VALUE!", () => {
      expectError(fy(0.0003, 0), "invalid", /interval_hours must be greater than 0 \(got 0\)/);
      expectError(fy(0.0003, -8), "invalid", /interval_hours must be greater than 0 \(got -8\)/);
    });
    test("horizon_days < 0 → #VALUE!", () => {
      expectError(fy(0.0003, 8, -1), "invalid", /horizon_days must be 0 or more \(got -1\)/);
    });
    test("a rate of ±100 % or more per interval → #VALUE! (a percentage typed as a whole number)", () => {
      expectError(fy(3), "invalid", /rate must be greater than -1 and less than 1 \(got 3\)/);
      expectError(fy(-1), "invalid", /rate must be greater than -1/);
    });
    test("a non-numeric cell in the history → #VALUE! naming the cell", () => {
      expectError(
        fy(col(0.0001, "n/a", 0.0002)),
        "invalid",
        /rate \(row 2, column 1 of the range\) must be a number \(got text "n\/a"\)/,
      );
      expectError(fy(col(0.0001, true)), "invalid", /row 2.*got TRUE/);
    });
    test("an all-blank history → #VALUE!", () => {
      expectError(fy(col("", null, "")), "invalid", /rate has no numbers/);
    });
    test("a blank or text single rate", () => {
      expectError(fy(""), "missing", /rate is required \(got a blank cell\)/);
      expectError(fy("0.03%"), "invalid", /rate must be a number \(got text "0.03%"\)/);
      expectError(fy(false), "invalid", /rate must be a number \(got FALSE\)/);
    });
    test("unknown compounding → #VALUE!", () => {
      expectError(fy(0.0003, 8, 365, "continuous"), "invalid", /compounding must be one of "simple", "compound"/);
    });
    test("text interval → #VALUE!", () => {
      expectError(fy(0.0003, "eight"), "invalid", /interval_hours must be a number \(got text "eight"\)/);
    });
  });
});
