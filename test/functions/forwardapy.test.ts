/**
 * LEGS.FORWARDAPY (src/core/term-structure.ts): the yield between two expiries implied by their
 * annualised bases, the yield a roll from the near contract to the far one locks in.
 */
import { Decimal } from "decimal.js";
import { forwardApy } from "../../src/functions/forwardapy";
import { col, expectError, grid, num } from "../helpers/answers";

const Ref = Decimal.clone({ precision: 60 });
const fwd = (d1: unknown, a1: unknown, d2: unknown, a2: unknown, c: unknown = null) => forwardApy(d1, a1, d2, a2, c);

describe("LEGS.FORWARDAPY", () => {
  // Hull (Options, Futures, and Other Derivatives, ch. 4) and Wikipedia "Forward rate", continuous
  // compounding: R_F = (R₂T₂ − R₁T₁) / (T₂ − T₁). 10 % to a quarter and 12 % to a half year: 14 %.
  test("additive form: 10 % to 91.25 days, 12 % to 182.5 days → 14 % a year from the first expiry to the second", () => {
    expect(num(fwd(91.25, 0.1, 182.5, 0.12))).toBe(0.14);
    expect(num(fwd(91.25, 0.1, 182.5, 0.12, "continuous"))).toBe(0.14);
  });

  // Wikipedia "Forward rate", yearly compounded: r₁,₂ = ((1+r₂)^t₂ / (1+r₁)^t₁)^(1/(t₂−t₁)) − 1.
  test("compound: 10 % for a year, 12 % for two → (1.12² / 1.1) − 1 = 14.036 % (to 1e-15)", () => {
    const x = num(fwd(365, 0.1, 730, 0.12, "compound"));
    const ref = new Ref("1.12").pow(2).div("1.1").minus(1);
    expect(Math.abs(x - ref.toNumber())).toBeLessThan(1e-15);
    expect(x).toBeCloseTo(0.1403636, 7);
  });

  test("from today (days1 = 0) the forward is the far APY itself; an upward curve's roll earns more than either", () => {
    expect(num(fwd(0, 0.5, 90, 0.08))).toBe(0.08);
    expect(num(fwd(0, 0.5, 90, 0.08, "compound"))).toBeCloseTo(0.08, 15);
    expect(num(fwd(30, 0.06, 90, 0.08))).toBe(0.09);
  });

  test("a column of near expiries against one far one spills", () => {
    expect(grid(fwd(col(30, 60), col(0.06, 0.07), 90, 0.08))).toEqual([[0.09], [0.1]]);
  });

  test("errors name the argument", () => {
    expectError(fwd(90, 0.08, 30, 0.06), "invalid", /days2 must be greater than days1 \(got 30 and 90\)/);
    expectError(fwd(-1, 0.08, 30, 0.06), "invalid", /days1 must be 0 or more \(got -1\)/);
    expectError(fwd(30, -1.5, 90, 0.06, "compound"), "invalid", /apy1 must be greater than -1/);
    expectError(fwd(30, 0.06, 90, 0.08, "yearly"), "invalid", /compounding must be one of "simple", "compound", "continuous"/);
    expectError(fwd(30, "", 90, 0.08), "missing", /apy1 is required/);
  });
});
