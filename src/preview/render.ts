/**
 * Draws an evaluated plan as an HTML grid: computed values formatted as Excel would show them,
 * styles and conditional formats as CSS classes, the formula behind a cell in its tooltip.
 * Text is only ever set with textContent: nothing from a plan or a query string becomes HTML.
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
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) tableCells.add(`${r},${c}${r === a.row ? ",h" : ""}`);
  }

  const table = doc.createElement("table");
  table.className = "sheet";
  const head = doc.createElement("tr");
  head.append(doc.createElement("th"));
  for (let c = 0; c < cols; c++) {
    const th = doc.createElement("th");
    th.textContent = columnLetters(c);
    head.append(th);
  }
  table.append(head);
  for (let r = 0; r < rows; r++) {
    const tr = doc.createElement("tr");
    const rh = doc.createElement("th");
    rh.textContent = String(r + 1);
    tr.append(rh);
    for (let c = 0; c < cols; c++) {
      const td = doc.createElement("td");
      const key = `${r},${c}`;
      const cell = byAddress.get(key);
      const v = value(r, c);
      td.textContent = displayValue(v, cell?.format);
      // Text runs on over empty cells to its right, as in Excel.
      if (typeof v === "string" && v.length > 0) {
        let span = 1;
        while (c + span < cols && !byAddress.has(`${r},${c + span}`) && value(r, c + span) === null) span++;
        if (span > 1) {
          td.colSpan = span;
          td.classList.add("overflow");
        }
        c += span - 1;
      }
      td.dataset.ref = `${columnLetters(c)}${r + 1}`;
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
  return table;
}
