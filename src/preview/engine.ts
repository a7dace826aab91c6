/**
 * Evaluates a sheet plan with HyperFormula: the plan's names become sheet-scoped named
 * expressions, its formulas are entered as Excel receives them (structured table references
 * translated, the one difference), and LEGS.* run through the plugin. Used by the preview page
 * and by the evaluation tests.
 */
import { HyperFormula } from "hyperformula";
import type { CellValue, RawCellContent } from "hyperformula";
import { asText } from "../excel/grid";
import { parseCell, parseRange } from "../sheets/a1";
import { placeCells, SheetPlan } from "../sheets/plan";
import { structuredToA1, tableShapes } from "../sheets/structured-refs";
import { registerLegsFunctions } from "./legs-plugin";
import { Clock, registerSheetClock, setSheetClock } from "./sheet-clock";

export interface EvaluatedPlan {
  plan: SheetPlan;
  hf: HyperFormula;
  sheet: number;
  /** The computed value at an A1 address (or of a sheet-scoped name). */
  value(refOrName: string): CellValue;
  /** The computed values of a range, rows of cells. */
  values(range: string): CellValue[][];
  /** Changes an input (by name or address) and recalculates, as typing in Excel does. */
  set(refOrName: string, value: RawCellContent): void;
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

export interface EvaluateOptions {
  /** The clock the sheet's TODAY() and NOW() read (ms since 1970): the real one unless given. */
  now?: Clock;
}

export function evaluatePlan(plan: SheetPlan, options: EvaluateOptions = {}): EvaluatedPlan {
  registerLegsFunctions();
  registerSheetClock();
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  setSheetClock(hf, options.now ?? Date.now);
  const sheetName = hf.addSheet(plan.sheetName);
  const sheet = hf.getSheetId(sheetName) as number;
  for (const n of plan.names) hf.addNamedExpression(n.name, `=${quoteSheet(sheetName)}!${n.ref}`, sheet);

  const tables = tableShapes(plan);
  const { rows, cols, cells } = placeCells(plan);
  const grid: RawCellContent[][] = Array.from({ length: rows }, () => Array<RawCellContent>(cols).fill(null));
  for (const { at, cell } of cells) {
    // Text that looks like a formula stays text, as the writer sends it to Excel.
    const constant = typeof cell.value === "string" ? asText(cell.value) : cell.value;
    const content = cell.formula !== undefined ? structuredToA1(cell.formula, tables) : constant;
    grid[at.row][at.col] = content === undefined ? null : content;
  }
  hf.setSheetContent(sheet, grid);

  const addressOf = (refOrName: string) => {
    const named = plan.names.find((n) => n.name.toLowerCase() === refOrName.toLowerCase());
    const at = parseCell(named ? named.ref : refOrName);
    return { sheet, row: at.row, col: at.col };
  };
  return {
    plan,
    hf,
    sheet,
    value: (refOrName) => hf.getCellValue(addressOf(refOrName)),
    values: (range) => {
      const r = parseRange(range);
      const out: CellValue[][] = [];
      for (let row = r.start.row; row <= r.end.row; row++) {
        const line: CellValue[] = [];
        for (let col = r.start.col; col <= r.end.col; col++) line.push(hf.getCellValue({ sheet, row, col }));
        out.push(line);
      }
      return out;
    },
    set: (refOrName, value) => {
      hf.setCellContents(addressOf(refOrName), [[value]]);
    },
  };
}
