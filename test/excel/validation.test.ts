/**
 * Excel's in-sheet validation must accept exactly what the taskpane and the preview accept
 * (src/sheets/inputs.ts): the same inputs, the same bounds, exclusive ones strict. Otherwise a
 * user types 0 where the form refuses it, and the metrics show #DIV/0!.
 */
import { Dec } from "../../src/core/decimal";
import { validationRule } from "../../src/excel/validation";
import { readInput } from "../../src/sheets/inputs";
import { TEMPLATES } from "../../src/sheets/templates";
import { checkInputs } from "../../src/sheets/inputs";

const TODAY = "2026-11-25";

/** What Excel's rule allows for a number typed into the cell. */
function excelAllows(rule: Excel.DataValidationRule, x: number): boolean {
  if (rule.decimal) {
    const { formula1, formula2, operator } = rule.decimal as { formula1: number; formula2?: number; operator: string };
    switch (operator) {
      case "Between":
        return x >= formula1 && x <= formula2!;
      case "GreaterThan":
        return x > formula1;
      case "GreaterThanOrEqualTo":
        return x >= formula1;
      case "LessThan":
        return x < formula1;
      case "LessThanOrEqualTo":
        return x <= formula1;
    }
  }
  if (rule.custom) {
    const m = /^=AND\(ISNUMBER\(([A-Z]+\d+)\),\1>(-?[\d.e-]+),\1<(-?[\d.e-]+)\)$/.exec(rule.custom.formula);
    if (!m) throw new Error(`unexpected custom rule ${rule.custom.formula}`);
    return x > Number(m[2]) && x < Number(m[3]);
  }
  throw new Error(`unexpected rule ${JSON.stringify(rule)}`);
}

describe("in-sheet validation agrees with the taskpane's input check", () => {
  for (const t of TEMPLATES.filter((x) => x.inputs.some((s) => s.min !== undefined || s.max !== undefined))) {
    const plan = t.build(checkInputs(t.inputs, {}, TODAY).values);
    const bounded = t.inputs.filter(
      (s) => (s.kind === "number" || s.kind === "percent") && (s.min !== undefined || s.max !== undefined),
    );
    test.each(bounded.map((s) => [s.id, s] as const))(`${t.id}: %s`, (_id, spec) => {
      const named = plan.names.find((n) => n.name === spec.id)!;
      const v = plan.validations.find((x) => x.ref === named.ref.replace(/\$/g, ""))!;
      expect(v).toBeDefined();
      const rule = validationRule(v);
      const edges = [spec.min, spec.max].filter((e): e is number => e !== undefined);
      const probes = edges.flatMap((e) => [e - 1, e - 1e-9, e, e + 1e-9, e + 1]);
      for (const x of probes) {
        const typed = spec.kind === "percent" ? new Dec(x).times(100).toString() : String(x);
        const form = typeof readInput(spec, typed, TODAY) === "number";
        expect({ x, excel: excelAllows(rule, x) }).toEqual({ x, excel: form });
      }
    });
  }

  test("an exclusive range has no Excel operator: a custom rule that also refuses text", () => {
    expect(validationRule({ ref: "B7", min: 0, max: 24, exclusive: true, message: "m" })).toEqual({
      custom: { formula: "=AND(ISNUMBER(B7),B7>0,B7<24)" },
    });
  });
});
