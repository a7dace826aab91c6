/**
 * The suite's date switch (test/helpers/test-clock.js): LEGWORK_TEST_NOW moves every test file's
 * clock there and lets it run on, without changing anything else about `Date`. `npm run
 * test:dates` runs the whole suite at two dates far apart this way; this file checks the switch
 * itself took effect in the run it is part of, and how a shifted `Date` behaves.
 */
import { clockShifted, fakeStart, shiftClock, testNow } from "../helpers/test-clock";

test("the run's clock is the one LEGWORK_TEST_NOW names (or the real one), and it runs on", async () => {
  const start = fakeStart();
  const before = Date.now();
  await new Promise((r) => setTimeout(r, 20));
  expect(Date.now()).toBeGreaterThanOrEqual(before + 15);
  if (start === null) {
    expect(clockShifted).toBe(false);
    return;
  }
  expect(clockShifted).toBe(true);
  // Started at the named date; a whole CI run is far shorter than a day.
  expect(before).toBeGreaterThanOrEqual(start);
  expect(before).toBeLessThan(start + 86400000);
  expect(Math.abs(new Date().getTime() - Date.now())).toBeLessThan(1000);
  expect(Math.abs(testNow() - Date.now())).toBeLessThan(1000);
});

describe("a shifted Date", () => {
  // A scope of its own, shifted by whatever the run's offset is (none at the real date).
  const scope = { Date } as { Date: DateConstructor };
  shiftClock(scope);
  const Shifted = scope.Date;

  test("keeps what does not read the clock: dates from parts, parsing, UTC, instanceof both ways", () => {
    expect(new Shifted(0).toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(new Shifted(Date.UTC(2024, 1, 29)).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(Shifted.UTC(2031, 5, 15)).toBe(Date.UTC(2031, 5, 15));
    expect(Shifted.parse("2026-12-07T00:00:00Z")).toBe(Date.parse("2026-12-07T00:00:00Z"));
    expect(new Shifted()).toBeInstanceOf(Date);
    expect(new Date(0)).toBeInstanceOf(Shifted);
    class Sub extends Shifted {}
    expect(new Sub(0).getTime()).toBe(0);
  });

  test("reads 'now' from the shifted clock: Date.now(), new Date(), Date()", () => {
    expect(Math.abs(Shifted.now() - testNow())).toBeLessThan(1000);
    expect(Math.abs(new Shifted().getTime() - testNow())).toBeLessThan(1000);
    expect(typeof (Shifted as unknown as () => string)()).toBe("string");
  });
});
