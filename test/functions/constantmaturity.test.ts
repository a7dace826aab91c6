/**
 * LEGS.CONSTANTMATURITY (src/core/term-structure.ts): the basis at a fixed horizon between the
 * listed expiries, by Coin Metrics' method (docs.coinmetrics.io, Market data › Basis: "Using the
 * two contract's basis we calculate the forward yield between the further dated contract and the
 * nearer dated … Using this forward yield, we then calculate the target date's basis by
 * multiplying the front contract's basis by the time to expiration and adding to it the forward
 * yield multiplied by the difference between the front contract and the target expiration. We
 * divide this by the total target duration").
 */
import { constantMaturity } from "../../src/functions/constantmaturity";
import { col, expectError, grid, num, row } from "../helpers/answers";

const cm = (days: unknown, apys: unknown, target: unknown, c: unknown = null) => constantMaturity(days, apys, target, c);

/** Coin Metrics' steps, written out from their text. */
function coinMetrics(t1: number, b1: number, t2: number, b2: number, T: number): number {
  const forward = (b2 * t2 - b1 * t1) / (t2 - t1);
  return (b1 * t1 + forward * (T - t1)) / T;
}

describe("LEGS.CONSTANTMATURITY", () => {
  test("the 30-day basis between a 9-day and a 37-day contract, as Coin Metrics' steps give it", () => {
    const x = num(cm(col(9, 37, 100), col(0.05, 0.08, 0.1), 30));
    expect(x).toBeCloseTo(coinMetrics(9, 0.05, 37, 0.08, 30), 15);
    // Exactly: forward (2.96 − 0.45) / 28 = 0.0896428…; (0.45 + 0.0896428… × 21) / 30 = 2.3325 / 30 = 0.07775.
    expect(x).toBe(0.07775);
  });

  test("30/60/90 days in one formula; a listed expiry gives its own APY; order of the expiries does not matter", () => {
    const out = grid(cm(col(100, 9, 37), col(0.1, 0.05, 0.08), row(30, 37, 90)));
    expect(out[0][0]).toBe(0.07775);
    expect(out[0][1]).toBe(0.08);
    expect(out[0][2]).toBeCloseTo(coinMetrics(37, 0.08, 100, 0.1, 90), 15);
  });

  test("compound: (1 + APY)^days interpolated log-linearly; equal APYs give that APY at any horizon", () => {
    expect(num(cm(col(30, 90), col(0.1, 0.1), 60, "compound"))).toBeCloseTo(0.1, 15);
    const x = num(cm(col(30, 90), col(0.05, 0.1), 60, "compound"));
    const growth = Math.pow(1.05, 30) * Math.pow(Math.pow(1.1, 90) / Math.pow(1.05, 30), 30 / 60);
    expect(x).toBeCloseTo(Math.pow(growth, 1 / 60) - 1, 12);
  });

  test("rows blank in both columns are room for more expiries", () => {
    expect(num(cm(col(9, "", 37), col(0.05, "", 0.08), 30))).toBe(0.07775);
  });

  test("#N/A outside the listed expiries (never extrapolated); #VALUE! for bad input", () => {
    expectError(cm(col(9, 37), col(0.05, 0.08), 60), "missing", /target_days 60 is outside the listed expiries \(9 to 37 days\)/);
    expectError(cm(col(9, 37), col(0.05, 0.08), 5), "missing", /outside the listed expiries/);
    expectError(cm(col(9, 9), col(0.05, 0.08), 9), "invalid", /days lists 9 twice/);
    expectError(cm(col(9, 37), col(0.05), 20), "invalid", /days is a 2×1 range but apys is a 1×1 range/);
    expectError(cm(col(9, 37), col(0.05, ""), 20), "missing", /apys \(item 2\) is required/);
    expectError(cm(col(9, 37), col(0.05, 0.08), 0), "invalid", /target_days must be greater than 0 \(got 0\)/);
  });
});
