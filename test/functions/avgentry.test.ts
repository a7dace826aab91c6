import { avgEntry } from "../../src/functions/avgentry";
import { col, expectError, num, row } from "../helpers/answers";

const ae = (q: unknown, p: unknown, type: unknown = null) => avgEntry(q, p, type);

describe("LEGS.AVGENTRY", () => {
  // Bybit Help Center, "How is the average entry price calculated?": buying 0.5 BTC at 5,000 and
  // 0.3 BTC at 6,000 gives (0.5 × 5,000 + 0.3 × 6,000) / 0.8 = 5,375.
  test("Bybit: 0.5 @ 5,000 + 0.3 @ 6,000 → 5,375", () => {
    expect(num(ae(col(0.5, 0.3), col(5000, 6000)))).toBe(5375);
  });

  // Bybit Help Center, inverse contracts: "Average entry price = Total quantity of contracts / Total
  // contract value": 50 contracts @ 10,000 + 50 @ 15,000 → 12,000.
  test("Bybit inverse: 50 @ 10,000 + 50 @ 15,000 → 12,000 (harmonic, not 12,500)", () => {
    expect(num(ae(col(50, 50), col(10000, 15000), "inverse"))).toBe(12000);
  });

  test("inverse (harmonic): 1,000 contracts @ 10,000 + 1,000 @ 20,000 → 13,333.33…", () => {
    // Σq / Σ(q/p) = 2,000 / (0.1 + 0.05)
    expect(num(ae(col(1000, 1000), col(10000, 20000), "inverse"))).toBe(Number("13333.33333333333333333333333333333333333"));
  });

  test("single values, rows, and pairs blank in both cells skipped", () => {
    expect(num(ae(2, 100))).toBe(100);
    expect(num(ae(row(1, 3), row(100, 200)))).toBe(175);
    expect(num(ae(col(1, "", 3, null), col(100, "", 200, null)))).toBe(175);
  });

  test("exact decimals: 0.1 @ 0.3 + 0.2 @ 0.6 → exactly 0.5", () => {
    expect(num(ae(col(0.1, 0.2), col(0.3, 0.6)))).toBe(0.5);
  });

  describe("errors", () => {
    test("Σq = 0 → #DIV/0! (as Excel's AVERAGE of nothing)", () => {
      expectError(ae(col(0, 0), col(1, 2)), "divzero");
      expectError(ae(col("", ""), col("", "")), "divzero");
    });
    test("one cell of a pair blank → #VALUE!", () => {
      expectError(ae(col(1, 2), col(100, "")), "invalid", /fill \(row 2, column 1\) has a quantity but no price/);
      expectError(ae(col("", 2), col(100, 200)), "invalid", /fill \(row 1, column 1\) has a price but no quantity/);
    });
    test("shape mismatch → #VALUE!", () => {
      expectError(ae(col(1, 2), col(1, 2, 3)), "invalid", /quantities is a 2×1 range but prices is a 3×1 range/);
    });
    test("negative quantity, price ≤ 0 → #VALUE!", () => {
      expectError(ae(col(1, -2), col(1, 2)), "invalid", /fill \(row 2, column 1\) quantity must be 0 or more \(got -2\)/);
      expectError(ae(1, 0), "invalid", /fill price must be greater than 0 \(got 0\)/);
    });
    test("text, booleans, unknown contract type", () => {
      expectError(ae(col(1, "x"), col(1, 2)), "invalid", /quantities \(row 2, column 1\) must be a number \(got text "x"\)/);
      expectError(ae(1, true), "invalid", /prices must be a number \(got TRUE\)/);
      expectError(ae(1, 1, "harmonic"), "invalid", /contract_type must be one of/);
    });
  });
});
