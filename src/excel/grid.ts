/**
 * A plan's cells as the whole rectangular 2D arrays the writer sends: one `formulas` array and
 * one `numberFormat` array for the used range, however many cells there are.
 */
import { columnLetters } from "../sheets/a1";
import { EXCEL_FORMATS } from "../sheets/formats";
import { placeCells, SheetPlan } from "../sheets/plan";

export interface PlanGrid {
  /** "A1:T65": the used range. */
  address: string;
  /** Constants only (formula cells empty): written first, so tables can take their headers. */
  constants: (string | number | boolean)[][];
  /** Constants and formulas. */
  formulas: (string | number | boolean)[][];
  numberFormats: string[][];
}

/**
 * Text that Excel would read as a formula (=, +, -, @ first) is written with a leading
 * apostrophe, so text from an input is always text.
 */
export function asText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

export function planGrid(plan: SheetPlan): PlanGrid {
  const { rows, cols, cells: placed } = placeCells(plan);
  const make = <T>(v: T) => Array.from({ length: rows }, () => Array<T>(cols).fill(v));
  const constants = make<string | number | boolean>("");
  const formulas = make<string | number | boolean>("");
  const numberFormats = make("General");
  for (const { at, cell } of placed) {
    if (cell.value !== undefined) {
      const v = typeof cell.value === "string" ? asText(cell.value) : cell.value;
      constants[at.row][at.col] = v;
      formulas[at.row][at.col] = v;
    }
    if (cell.formula !== undefined) formulas[at.row][at.col] = cell.formula;
    if (cell.format) numberFormats[at.row][at.col] = EXCEL_FORMATS[cell.format];
  }
  return { address: `A1:${columnLetters(cols - 1)}${rows}`, constants, formulas, numberFormats };
}
