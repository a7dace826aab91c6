/**
 * The preview's TODAY() and NOW() (src/preview/sheet-clock.ts) on an injected clock: the values
 * HyperFormula's own functions give at that instant (Excel's conventions: the local date as a
 * serial, NOW() to the whole second), each engine on its own clock, the real clock by default.
 */
import { evaluatePlan } from "../../src/preview/engine";
import { todayIso } from "../../src/sheets/inputs";
import { SheetPlan } from "../../src/sheets/plan";

/** A one-sheet plan with the formulas in A1, A2, …. */
function plan(...formulas: string[]): SheetPlan {
  return {
    templateId: "clock",
    sheetName: "Clock",
    cells: formulas.map((formula, i) => ({ ref: `A${i + 1}`, formula })),
    columnWidths: [],
    tables: [],
    names: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    spills: [],
    freezeRows: 0,
  };
}

/** Excel's serial (days since 1899-12-30) of an instant's date in the run's time zone, as Excel's TODAY(). */
function serialOf(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000 + 25569;
}

/** The instant as the run's time zone writes it: yyyy-mm-dd hh:mm:ss. */
function localText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

describe("TODAY() and NOW() on the engine's clock", () => {
  // 2024-02-29 (a leap day) 23:59:30 UTC, and 2031-06-15 12:00:00 UTC.
  const LEAP = Date.UTC(2024, 1, 29, 23, 59, 30);
  const LATER = Date.UTC(2031, 5, 15, 12);

  test("TODAY() is the clock's local date; NOW() adds the local time to the second", () => {
    const ev = evaluatePlan(plan("=TODAY()", "=NOW()", '=TEXT(NOW(),"yyyy-mm-dd hh:mm:ss")'), {
      now: () => LEAP + 400, // the milliseconds do not show, as in Excel
    });
    const local = new Date(LEAP);
    expect(ev.value("A1")).toBe(serialOf(LEAP));
    // HyperFormula rounds results to 14 significant digits (its precisionRounding).
    const seconds = local.getHours() * 3600 + local.getMinutes() * 60 + local.getSeconds();
    expect(ev.value("A2") as number).toBeCloseTo(serialOf(LEAP) + seconds / 86400, 6);
    expect(ev.value("A3")).toBe(localText(LEAP));
  });

  test("each engine keeps its own clock, and the clock is read again on recalculation", () => {
    let t = LATER;
    const moving = evaluatePlan(plan("=TODAY()"), { now: () => t });
    const fixed = evaluatePlan(plan("=TODAY()"), { now: () => LEAP });
    expect(moving.value("A1")).toBe(serialOf(LATER));
    expect(fixed.value("A1")).toBe(serialOf(LEAP));
    t += 86400000;
    moving.set("A2", 1); // any change recalculates the volatile TODAY()
    expect(moving.value("A1")).toBe(serialOf(LATER) + 1);
    expect(fixed.value("A1")).toBe(serialOf(LEAP));
  });

  test("no clock given: the real one (here, the test run's)", () => {
    const ev = evaluatePlan(plan("=TODAY()"));
    const today = todayIso(new Date());
    expect(ev.value("A1")).toBe(Date.parse(`${today}T00:00:00Z`) / 86400000 + 25569);
    expect(ev.value("A1")).toBe(serialOf(Date.now()));
  });
});

/**
 * The date defaults ("today+90") and TODAY() must be the same day at any hour in any time zone:
 * a UTC "today" against Excel's local TODAY() made "Days left" 91 in a New York evening. This
 * holds in whatever zone the run has; `npm run test:dates` runs the suite in New York and
 * Auckland too.
 */
describe("todayIso: the date defaults' 'today' is the day the sheet's TODAY() shows", () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  test.each([
    Date.UTC(2026, 11, 7, 0, 0, 1),
    Date.UTC(2026, 11, 7, 3),
    Date.UTC(2026, 11, 7, 11, 59),
    Date.UTC(2026, 11, 7, 12, 1),
    Date.UTC(2026, 11, 7, 23, 59, 59),
    Date.UTC(2024, 1, 29, 23, 30),
  ])(`at %d ms (in the run's zone, ${zone})`, (at) => {
    const ev = evaluatePlan(plan('=TEXT(TODAY(),"yyyy-mm-dd")'), { now: () => at });
    expect(todayIso(new Date(at))).toBe(ev.value("A1"));
  });
});
