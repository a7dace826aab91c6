/**
 * Element-wise evaluation over range arguments, with Excel's broadcasting: each argument is a
 * single cell or a range; a dimension of 1 repeats along the other arguments' (a column of
 * prices against a row of hedge ratios gives the whole grid). All-single arguments give a single
 * number; otherwise the result spills, with an error in any cell that has one (as Excel's own
 * =A1:A3/B1:B3 does), so one bad row does not hide the rest of a term structure.
 */
import { Dec, toDouble } from "../core/decimal";
import { DomainError, invalid, isDomainError, overflow, Result } from "../core/errors";
import { cellNumber, describe, Grid, toGrid } from "./cells";

/**
 * What a host-neutral LEGS function answers: a number, a spilled grid, or an error. A spilled
 * cell may be text: "" for a row of the input left blank (REALIZEDPNL keeps its input's shape),
 * or a label (LEDGER's header, strategies, symbols).
 */
export type Answer = number | (number | string | DomainError)[][] | DomainError;

export interface SpillArg {
  name: string;
  value: unknown;
}

/**
 * A decimal result as a worksheet number; too large for a double is #NUM!, as in Excel. A
 * number is already final (the fast exact path made it).
 */
export function finish(d: Result<Dec | number>): number | DomainError {
  if (isDomainError(d)) return d;
  if (typeof d === "number") return d;
  const x = toDouble(d);
  return x === null ? overflow(`the result ${d.toExponential(6)} is too large for a worksheet number`) : x;
}

/**
 * `fast`, when given, is tried first with the cells' raw doubles (see src/core/scaled.ts): it
 * returns the exact answer or null, and on null (or any non-number cell) the decimal path runs.
 */
export function spill(
  args: readonly SpillArg[],
  compute: (values: Dec[]) => Result<Dec>,
  fast?: (values: number[]) => number | null,
): Answer {
  // The common case, a formula over single numbers: straight to the fast path.
  if (fast) {
    const raw = singleNumbers(args);
    if (raw) {
      const x = fast(raw);
      if (x !== null) return x;
    }
  }
  const shape = broadcastShape(args);
  if (isDomainError(shape)) return shape;
  const { grids, rows, cols } = shape;
  const raw: number[] = new Array(grids.length);
  const cellOf = (r: number, c: number): number | DomainError => {
    if (fast) {
      let numeric = true;
      for (let i = 0; i < grids.length && numeric; i++) {
        const v = cellAt(grids[i], r, c);
        if (typeof v === "number") raw[i] = v;
        else numeric = false;
      }
      if (numeric) {
        const x = fast(raw);
        if (x !== null) return x;
      }
    }
    const values: Dec[] = [];
    for (let i = 0; i < grids.length; i++) {
      const v = cellNumber(args[i].name, cellAt(grids[i], r, c));
      if (isDomainError(v)) return v;
      values.push(v);
    }
    return finish(compute(values));
  };
  if (rows === 1 && cols === 1) return cellOf(0, 0);
  const out: (number | DomainError)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: (number | DomainError)[] = [];
    for (let c = 0; c < cols; c++) row.push(cellOf(r, c));
    out.push(row);
  }
  return out;
}

/** The arguments as grids, and the shape they broadcast to. */
export interface Broadcast {
  grids: Grid[];
  rows: number;
  cols: number;
}

/**
 * The shape of the result: each argument's rows and columns must be 1 or the largest (a single
 * cell, a single row or a single column repeats), else an error naming the argument.
 */
export function broadcastShape(args: readonly SpillArg[]): Result<Broadcast> {
  const grids: Grid[] = [];
  for (const arg of args) {
    const grid = toGrid(arg.name, arg.value);
    if (isDomainError(grid)) return grid;
    grids.push(grid);
  }
  const rows = Math.max(...grids.map((g) => g.length));
  const cols = Math.max(...grids.map((g) => g[0].length));
  for (let i = 0; i < grids.length; i++) {
    const g = grids[i];
    if ((g.length !== 1 && g.length !== rows) || (g[0].length !== 1 && g[0].length !== cols)) {
      return invalid(
        `${args[i].name} is ${describe(g)} but the other ranges make ${rows}×${cols}: ` +
          `give ranges of the same shape (a single cell, a single row or a single column repeats)`,
      );
    }
  }
  return { grids, rows, cols };
}

/** The cell of `grid` at (r, c) of the broadcast result. */
export const cellAt = (grid: Grid, r: number, c: number): unknown =>
  grid[grid.length === 1 ? 0 : r][grid[0].length === 1 ? 0 : c];

/** The arguments' doubles when every one is a single number (or a 1×1 range of one); else null. */
function singleNumbers(args: readonly SpillArg[]): number[] | null {
  const out: number[] = [];
  for (const { value } of args) {
    const v = Array.isArray(value)
      ? value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
        ? value[0][0]
        : undefined
      : value;
    if (typeof v !== "number") return null;
    out.push(v);
  }
  return out;
}
