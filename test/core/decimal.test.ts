import { Dec, fromDouble, toDouble } from "../../src/core/decimal";

describe("decimal: inputs as typed, outputs as the nearest double", () => {
  test("a double is read as the decimal the user typed", () => {
    expect(fromDouble(0.1).toString()).toBe("0.1");
    expect(fromDouble(0.0003).toString()).toBe("0.0003");
    expect(fromDouble(1e-7).toString()).toBe("1e-7");
    expect(fromDouble(3400).toString()).toBe("3400");
  });

  test("0.1 + 0.2 is exactly 0.3, unlike doubles", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toDouble(fromDouble(0.1).plus(fromDouble(0.2)))).toBe(0.3);
  });

  test("the result is the double nearest the exact decimal (1/3 at 40 digits → 0.3333333333333333)", () => {
    expect(toDouble(new Dec(1).div(3))).toBe(1 / 3);
  });

  test("the scoped constructor carries at least 34 significant digits", () => {
    expect(Dec.precision).toBeGreaterThanOrEqual(34);
    expect(new Dec(2).sqrt().toString().replace(".", "").length).toBeGreaterThanOrEqual(34);
  });

  test("negative zero becomes 0 and overflow becomes null (#NUM! upstream)", () => {
    expect(Object.is(toDouble(new Dec(-5).times(0)), 0)).toBe(true);
    expect(toDouble(new Dec("1e400"))).toBeNull();
  });
});
