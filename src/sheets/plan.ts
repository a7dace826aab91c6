/**
 * A sheet plan: everything a strategy sheet is, as data. Templates produce plans; the Excel
 * writer (src/excel) applies them in a few batched calls; the preview evaluates the same plan
 * with HyperFormula. Plans are pure data: testable without Excel.
 *
 * Addresses are A1 on the plan's own sheet. Formulas are exactly what Excel receives.
 */
import { CellAddress, parseCell } from "./a1";
import { FormatKind } from "./formats";

/** How a cell looks: the writer maps each to Excel formatting, the preview to CSS. */
export type CellStyle =
  | "title"
  | "subtitle"
  | "section" // a block heading: "Inputs", "Legs", "Metrics", …
  | "label"
  | "input" // a cell the user is meant to change
  | "metric" // a key result
  | "header" // a column header outside a table
  | "note" // explanation text
  | "warning"; // a reminder that needs attention

export interface PlanCell {
  ref: string;
  /** A constant (number, text or boolean). */
  value?: number | string | boolean;
  /** A formula, with its leading "=". */
  formula?: string;
  format?: FormatKind;
  style?: CellStyle;
}

export interface PlanTable {
  /** Workbook-wide in Excel: the writer makes it unique and rewrites formulas to match. */
  name: string;
  /** Header row included. */
  ref: string;
}

/** A sheet-scoped name for an input or a result (dies with the sheet, so never collides). */
export interface PlanName {
  name: string;
  ref: string;
}

/** Highlight cells by their value. */
export type PlanConditionalFormat =
  | { ref: string; kind: "sign" } // negative red, positive green (P&L)
  | { ref: string; kind: "alert"; formula: string }; // red fill where the formula (for the top-left cell) is TRUE

export interface PlanValidation {
  ref: string;
  min?: number;
  max?: number;
  /** min and max themselves are not allowed (as InputSpec.exclusive). */
  exclusive?: boolean;
  /** Allowed words (a drop-down). */
  list?: string[];
  message: string;
}

export interface PlanChart {
  title: string;
  /** X values (a column). */
  xRef: string;
  series: { name: string; ref: string }[];
  /** Top-left cell the chart is placed at, and its size in columns × rows. */
  anchor: string;
  width: number;
  height: number;
}

/** A formula whose result spills: the writer leaves the area empty, the preview checks it. */
export interface PlanSpill {
  ref: string;
  rows: number;
  cols: number;
}

export interface SheetPlan {
  templateId: string;
  /** The sheet's name before collision handling ("Cash-and-carry"). */
  sheetName: string;
  cells: PlanCell[];
  columnWidths: number[];
  tables: PlanTable[];
  names: PlanName[];
  conditionalFormats: PlanConditionalFormat[];
  validations: PlanValidation[];
  charts: PlanChart[];
  spills: PlanSpill[];
  /** Rows frozen at the top (title and subtitle). */
  freezeRows: number;
}

/** The plan's cells with their positions, and the used area (rows × cols from A1). */
export function placeCells(plan: SheetPlan): { rows: number; cols: number; cells: { at: CellAddress; cell: PlanCell }[] } {
  let rows = 1;
  let cols = 1;
  const cells = plan.cells.map((cell) => {
    const at = parseCell(cell.ref);
    rows = Math.max(rows, at.row + 1);
    cols = Math.max(cols, at.col + 1);
    return { at, cell };
  });
  return { rows, cols, cells };
}
