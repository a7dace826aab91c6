/**
 * Draws an evaluated plan as an HTML grid: computed values formatted as Excel would show them,
 * styles and conditional formats as CSS classes, the formula behind a cell in its tooltip.
 * Text is only ever set with textContent: nothing from a plan or a query string becomes HTML.
 *
 * Columns get the plan's widths (in characters, as Excel's), widened to fit the numbers and
 * the text that has no empty cell to run over: the table's layout is fixed, so a long note
 * runs over its empty neighbours (as in Excel) without widening column A. Every used column is
 * drawn; the page's .grid box scrolls both ways, with the letters and row numbers kept in view.
 */
import { DetailedCellError } from "hyperformula";
import { columnLetters, parseCell } from "../sheets/a1";
import { displayNumber } from "../sheets/formats";
import { conditionalMarks } from "./conditional";
import { EvaluatedPlan } from "./engine";
import { placeCells } from "../sheets/plan";

export function displayValue(v: unknown, format: Parameters<typeof displayNumber>[1]): string {
  if (v === null || v === undefined) return "";
  if (v instanceof DetailedCellError) return v.value;
  if (typeof v === "number") return displayNumber(v, format);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 8.43;
/** The widest a column grows to fit its content, in characters (longer text is cut with "…"). */
const MAX_FIT = 40;

/** Widths of the grid's columns, in characters: the plan's, or wider to fit `longest`. */
export function columnWidths(planWidths: readonly number[], longest: readonly number[]): number[] {
  return longest.map((chars, c) => Math.max(planWidths[c] ?? DEFAULT_WIDTH, Math.min(chars + 1, MAX_FIT)));
}

export function renderGrid(doc: Document, ev: EvaluatedPlan): HTMLTableElement {
  const { plan, hf, sheet } = ev;
  const placed = placeCells(plan);
  let { rows, cols } = placed;
  const byAddress = new Map(placed.cells.map(({ at, cell }) => [`${at.row},${at.col}`, cell]));
  for (const s of plan.spills) {
    const at = parseCell(s.ref);
    rows = Math.max(rows, at.row + s.rows);
    cols = Math.max(cols, at.col + s.cols);
  }
  const value = (row: number, col: number) => hf.getCellValue({ sheet, row, col });
  const marks = conditionalMarks(plan.conditionalFormats, value, (f) => hf.calculateFormula(f, sheet));
  const tableCells = new Set<string>();
  for (const t of plan.tables) {
    const [a, b] = t.ref.split(":").map(parseCell);
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++) tableCells.add(`${r},${c}${r === a.row ? ",h" : ""}`);
  }

  const table = doc.createElement("table");
  table.className = "sheet";
  table.dataset.rows = String(rows);
  table.dataset.cols = String(cols);
  const colgroup = doc.createElement("colgroup");
  const rowHeader = doc.createElement("col");
  rowHeader.className = "row-head";
  colgroup.append(rowHeader);
  const colEls = Array.from({ length: cols }, () => doc.createElement("col"));
  colgroup.append(...colEls);
  table.append(colgroup);
  // Longest text shown in one cell of each column (text running over empty cells excluded).
  const longest = Array<number>(cols).fill(0);
  const head = doc.createElement("tr");
  head.className = "col-head";
  head.append(doc.createElement("th"));
  for (let c = 0; c < cols; c++) {
    const th = doc.createElement("th");
    th.textContent = columnLetters(c);
    th.dataset.col = String(c);
    th.scope = "col";
    head.append(th);
  }
  table.append(head);
  for (let r = 0; r < rows; r++) {
    const tr = doc.createElement("tr");
    const rh = doc.createElement("th");
    rh.textContent = String(r + 1);
    rh.scope = "row";
    tr.append(rh);
    for (let c = 0; c < cols; c++) {
      const td = doc.createElement("td");
      const key = `${r},${c}`;
      const cell = byAddress.get(key);
      const v = value(r, c);
      const text = displayValue(v, cell?.format);
      td.textContent = text;
      td.dataset.ref = `${columnLetters(c)}${r + 1}`;
      td.dataset.col = String(c);
      // Text runs on over empty cells to its right, as in Excel.
      let span = 1;
      if (typeof v === "string" && v.length > 0) {
        while (c + span < cols && !byAddress.has(`${r},${c + span}`) && value(r, c + span) === null) span++;
        if (span > 1) {
          td.colSpan = span;
          td.classList.add("overflow");
        }
        // The whole text on hover, in case the width cuts it.
        if (!cell?.formula) td.title = text;
      }
      if (span === 1) longest[c] = Math.max(longest[c], text.length);
      c += span - 1;
      const classes: string[] = [];
      if (cell?.style) classes.push(`s-${cell.style}`);
      if (tableCells.has(`${key},h`)) classes.push("t-head");
      else if (tableCells.has(key)) classes.push("t-cell");
      if (typeof v === "number") classes.push("num");
      if (v instanceof DetailedCellError) {
        classes.push("err");
        td.title = v.message || v.value;
      } else if (cell?.formula) {
        td.title = cell.formula;
      }
      const mark = marks.get(key);
      if (mark) classes.push(`m-${mark}`);
      td.classList.add(...classes);
      tr.append(td);
    }
    table.append(tr);
  }
  // Widths through the CSSOM (not a style attribute): allowed by a style-src 'self' policy.
  columnWidths(plan.columnWidths, longest).forEach((w, c) => (colEls[c].style.width = `calc(${w}ch + 14px)`));
  return table;
}
