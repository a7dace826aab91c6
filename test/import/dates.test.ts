/**
 * dates.ts reads a time cell in a file's date order. Its common shapes are read character by
 * character (a time per row of a large export) and everything else by one general expression:
 * both must give exactly the time the cell writes, or nothing.
 */
import fc from "fast-check";
import { DateOrder, readTime, timeLayout } from "../../src/import/dates";

const two = (n: number) => String(n).padStart(2, "0");

describe("readTime", () => {
  test("any date and time in any order, separator, year width, with or without seconds and milliseconds, is the time it writes", () => {
    fc.assert(
      fc.property(
        fc.record({
          y: fc.integer({ min: 2000, max: 2099 }),
          mo: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 31 }),
          h: fc.integer({ min: 0, max: 23 }),
          mi: fc.integer({ min: 0, max: 59 }),
          s: fc.option(fc.integer({ min: 0, max: 59 })),
          ms: fc.option(fc.integer({ min: 0, max: 999 })),
          sep: fc.constantFrom("-", "/", "."),
          order: fc.constantFrom<DateOrder>("ymd", "dmy", "mdy"),
          shortYear: fc.boolean(),
          t: fc.constantFrom(" ", "T"),
          pad: fc.boolean(),
        }),
        (x) => {
          const year = x.shortYear && x.order !== "ymd" ? two(x.y % 100) : String(x.y);
          const [mo, d] = x.pad ? [two(x.mo), two(x.d)] : [String(x.mo), String(x.d)];
          const date = x.order === "ymd" ? [year, mo, d] : x.order === "dmy" ? [d, mo, year] : [mo, d, year];
          const seconds =
            x.s === null ? "" : `:${two(x.s)}${x.s !== null && x.ms !== null ? `.${String(x.ms).padStart(3, "0")}` : ""}`;
          const cell = `${date.join(x.sep)}${x.t}${two(x.h)}:${two(x.mi)}${seconds}`;
          const expected = Date.UTC(x.y, x.mo - 1, x.d, x.h, x.mi, x.s ?? 0, x.s !== null ? (x.ms ?? 0) : 0);
          const real = new Date(expected).getUTCDate() === x.d;
          expect(readTime(cell, x.order, 0)).toBe(real ? expected : null);
          // The same cell with the spaces a spreadsheet may leave, and at an offset.
          expect(readTime(` ${cell} `, x.order, 60)).toBe(real ? expected - 3600000 : null);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("12-hour clocks, date-only cells and other shapes still read; text that is no date does not", () => {
    expect(readTime("1/26/2020 6:32:04 PM", "mdy", 0)).toBe(Date.UTC(2020, 0, 26, 18, 32, 4));
    expect(readTime("12/25/2019 12:00:00 AM", "mdy", 0)).toBe(Date.UTC(2019, 11, 25, 0, 0, 0));
    expect(readTime("26.03.2026", "dmy", 0)).toBe(Date.UTC(2026, 2, 26));
    expect(readTime("2026-03-26  09:00", "ymd", 0)).toBe(Date.UTC(2026, 2, 26, 9));
    for (const bad of [
      "",
      "abc",
      "2026-03-26 9",
      "2026-03-26 09:0",
      "2026-13-01 00:00:00",
      "2026-03-26 09:00:00.1234",
      "2026-03/26 09:00",
    ])
      expect(readTime(bad, "ymd", 0)).toBeNull();
  });
});

describe("timeLayout", () => {
  test("the exchange's own layout, the only order that fits, time order, the trader's answer, or the question", () => {
    const native = [{ order: "ymd" as const, sep: "-" }];
    expect(timeLayout(["26-03-17 09:34:12", "26-03-16 10:00:00"], native)).toEqual({
      order: "ymd",
      how: "native",
      seconds: true,
    });
    expect(timeLayout(["17.03.2026 09:34", "13.03.2026 10:00"], native)).toEqual({ order: "dmy", how: "only", seconds: false });
    expect(timeLayout(["03.04.2026 09:34", "03.05.2026 10:00", "04.04.2026 10:00"], native)).toEqual({
      order: "mdy",
      how: "sorted",
      seconds: false,
    });
    expect(timeLayout(["03.04.2026 09:34", "04.03.2026 10:00"], native)).toEqual({
      ambiguous: ["dmy", "mdy"],
      example: "03.04.2026 09:34",
    });
    expect(timeLayout(["03.04.2026 09:34", "04.03.2026 10:00"], native, "mdy")).toEqual({
      order: "mdy",
      how: "answer",
      seconds: false,
    });
  });
});
