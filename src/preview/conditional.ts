/**
 * Conditional formats as the preview shows them: sign colours from the value, alerts by
 * evaluating the rule's formula for each cell (Excel writes the rule for the range's top-left
 * cell and shifts its relative references for the others; so does this).
 */
import { columnIndex, columnLetters, parseRange } from "../sheets/a1";
import { PlanConditionalFormat } from "../sheets/plan";

/** Shifts the relative parts of A1 references in `formula` by (rows, cols). Text in quotes is left alone. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula
    .split(/("[^"]*")/)
    .map((part) =>
      part.startsWith('"')
        ? part
        : part.replace(/(^|[^A-Za-z0-9_$.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (_m, pre, c$, col, r$, row) => {
            const c = c$ ? col : columnLetters(columnIndex(col) + cols);
            const r = r$ ? row : String(Number(row) + rows);
            return `${pre}${c$}${c}${r$}${r}`;
          }),
    )
    .join("");
}

export type CellMark = "negative" | "positive" | "alert";

/**
 * The mark of each cell covered by a conditional format, by address. `value` reads a computed
 * value; `evaluate` computes a formula on the sheet.
 */
export function conditionalMarks(
  formats: readonly PlanConditionalFormat[],
  value: (row: number, col: number) => unknown,
  evaluate: (formula: string) => unknown,
): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  for (const cf of formats) {
    const r = parseRange(cf.ref);
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) {
        const key = `${row},${col}`;
        if (cf.kind === "sign") {
          const v = value(row, col);
          if (typeof v === "number" && v < 0) marks.set(key, "negative");
          else if (typeof v === "number" && v > 0) marks.set(key, "positive");
        } else if (evaluate(`=${shiftFormula(cf.formula, row - r.start.row, col - r.start.col)}`) === true) {
          marks.set(key, "alert");
        }
      }
    }
  }
  return marks;
}
