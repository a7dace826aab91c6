/**
 * A plan's validation as Excel's data-validation rule. The rule must accept exactly what the
 * taskpane and the preview accept (src/sheets/inputs.ts): an exclusive bound ("greater than 0")
 * is GreaterThan, not GreaterThanOrEqualTo, or Excel would take the 0 that the form refuses.
 * Excel has no exclusive "between", so a range with exclusive bounds is a custom formula.
 */
import { PlanValidation } from "../sheets/plan";

export function validationRule(v: PlanValidation): Excel.DataValidationRule {
  if (v.list) return { list: { inCellDropDown: true, source: v.list.join(",") } };
  const { min, max, exclusive } = v;
  if (min !== undefined && max !== undefined) {
    if (!exclusive) return { decimal: { formula1: min, formula2: max, operator: "Between" } };
    const cell = v.ref.replace(/\$/g, "");
    return { custom: { formula: `=AND(ISNUMBER(${cell}),${cell}>${min},${cell}<${max})` } };
  }
  if (min !== undefined) return { decimal: { formula1: min, operator: exclusive ? "GreaterThan" : "GreaterThanOrEqualTo" } };
  if (max !== undefined) return { decimal: { formula1: max, operator: exclusive ? "LessThan" : "LessThanOrEqualTo" } };
  return {};
}
