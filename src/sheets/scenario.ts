/**
 * The scenario grid every strategy sheet ends with: price moves from −30 % to +30 % down the
 * rows, a second dimension (hedge ratio, days, perp size) across the columns, and the P&L in the
 * body, either one spilled LEGS formula or one native formula per cell. The moves and the
 * column values are inputs too: change them and the grid recalculates.
 */
import { cellRef, colFixed, rangeRef, rowFixed } from "./a1";
import { SheetBuilder } from "./builder";
import { FormatKind } from "./formats";

export const PRICE_MOVES: readonly number[] = [-0.3, -0.25, -0.2, -0.15, -0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

export interface ScenarioSpec {
  title: string;
  note: string;
  /** Formula for the exit price of a row, given the move cell ("A30"). */
  exitPrice: (moveRef: string) => string;
  across: { label: string; values: readonly number[]; format: FormatKind };
  /** An optional computed row under the column values (e.g. hedge quantity = SpotQty × ratio). */
  helper?: { label: string; formula: (acrossRef: string) => string; format: FormatKind };
  /**
   * The body: "spill" gives one formula for the whole body from the exit-price column range and
   * the across row (the helper row if there is one); "cells" one formula per cell.
   */
  body:
    | { kind: "spill"; formula: (exitRange: string, acrossRange: string) => string }
    | { kind: "cells"; formula: (exitRef: string, acrossRef: string) => string };
  format: FormatKind;
  /** Extra columns right of the grid, one formula per row (e.g. "Your hedge"). */
  extra?: { label: string; spill?: (exitRange: string) => string; cell?: (exitRef: string) => string; format: FormatKind }[];
  chart: { title: string; series: string[] };
}

export interface ScenarioRefs {
  moves: string;
  exits: string;
  body: string;
  columns: Record<string, string>;
}

export function scenarioGrid(b: SheetBuilder, spec: ScenarioSpec): ScenarioRefs {
  b.section(spec.title);
  b.note(spec.note);
  const n = PRICE_MOVES.length;
  const k = spec.across.values.length;
  const headerRow = b.row;
  b.headers(headerRow, 0, ["Price move", "Exit price"]);
  spec.across.values.forEach((v, i) => b.set(headerRow, 2 + i, { value: v, style: "input", format: spec.across.format }));
  let acrossRow = headerRow;
  b.set(headerRow - 1, 2, { value: `${spec.across.label} →`, style: "header" });
  if (spec.helper) {
    acrossRow = headerRow + 1;
    b.set(acrossRow, 1, { value: spec.helper.label, style: "label" });
    spec.across.values.forEach((_, i) =>
      b.set(acrossRow, 2 + i, { formula: spec.helper!.formula(rowFixed(headerRow, 2 + i)), format: spec.helper!.format }),
    );
  }
  const first = acrossRow + 1;
  const last = first + n - 1;
  PRICE_MOVES.forEach((move, i) => {
    const r = first + i;
    b.set(r, 0, { value: move, style: "input", format: "pct" });
    b.set(r, 1, { formula: spec.exitPrice(cellRef(r, 0)), format: "price" });
  });
  const exitRange = rangeRef({ row: first, col: 1 }, { row: last, col: 1 }, true);
  const acrossRange = rangeRef({ row: acrossRow, col: 2 }, { row: acrossRow, col: 2 + k - 1 }, true);
  if (spec.body.kind === "spill") {
    b.spill(first, 2, spec.body.formula(exitRange, acrossRange), n, k, spec.format);
  } else {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        const exitRef = colFixed(first + i, 1);
        const acrossRef = rowFixed(acrossRow, 2 + j);
        b.set(first + i, 2 + j, { formula: spec.body.formula(exitRef, acrossRef), format: spec.format });
      }
    }
  }
  const body = rangeRef({ row: first, col: 2 }, { row: last, col: 2 + k - 1 });
  b.signColours(body);
  const columns: Record<string, string> = {};
  (spec.extra ?? []).forEach((extra, i) => {
    const col = 2 + k + 1 + i;
    b.set(headerRow, col, { value: extra.label, style: "header" });
    if (extra.spill) {
      b.spill(first, col, extra.spill(exitRange), n, 1, extra.format);
    } else if (extra.cell) {
      for (let i = 0; i < n; i++) b.set(first + i, col, { formula: extra.cell(colFixed(first + i, 1)), format: extra.format });
    }
    columns[extra.label] = rangeRef({ row: first, col }, { row: last, col });
    b.signColours(columns[extra.label]);
  });
  const exits = rangeRef({ row: first, col: 1 }, { row: last, col: 1 });
  b.chart({
    title: spec.chart.title,
    xRef: exits,
    series: spec.chart.series.map((name) => ({ name, ref: columns[name] })),
    anchor: cellRef(3, 9),
    width: 8,
    height: 18,
  });
  b.row = last + 2;
  return { moves: rangeRef({ row: first, col: 0 }, { row: last, col: 0 }), exits, body, columns };
}
