/**
 * The run's "now" for the template tests, taken once per test file (the real date, or
 * LEGWORK_TEST_NOW's): the date inputs' defaults, the sheet's TODAY() and NOW() and the LEGS
 * functions that read a clock (NETDELTA's option legs) all read this one instant, so no test
 * depends on the hour it runs, and every CI date exercises the templates on a different day.
 */
import { useClock } from "../../src/functions/registry";
import { evaluatePlan, EvaluatedPlan } from "../../src/preview/engine";
import { todayIso } from "../../src/sheets/inputs";
import { SheetPlan } from "../../src/sheets/plan";
import { testNow } from "./test-clock";

export const NOW = testNow();
export const TODAY = todayIso(new Date(NOW));

/** The plan evaluated as the preview does, on the run's clock. */
export function evaluateNow(plan: SheetPlan): EvaluatedPlan {
  useClock(() => NOW);
  return evaluatePlan(plan, { now: () => NOW });
}
