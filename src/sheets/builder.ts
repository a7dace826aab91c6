/**
 * A small vocabulary for laying out a strategy sheet top to bottom: title, inputs, a legs table,
 * metrics, tables of outcomes, a scenario grid and a chart. Each template is then a short list
 * of what it shows; the builder keeps rows, names and formats consistent.
 */
import { cellRef, rangeRef } from "./a1";
import { FormatKind } from "./formats";
import { InputSpec, InputValues } from "./inputs";
import {
  CellStyle,
  PlanCell,
  PlanChart,
  PlanConditionalFormat,
  PlanName,
  PlanSpill,
  PlanTable,
  PlanValidation,
  SheetPlan,
} from "./plan";

/** A cell's content in a row: a constant, a formula (text starting with "="), or empty. */
export type Content = number | string | boolean | null | { formula: string; format?: FormatKind; style?: CellStyle };

export interface Metric {
  label: string;
  formula: string;
  format: FormatKind;
  note: string;
  /** Sheet-scoped name for the result, so later formulas can use it. */
  name?: string;
  style?: CellStyle;
}

/** Column widths in characters: labels, values, then the tables' columns. */
const COLUMN_WIDTHS = [30, 16, 16, 14, 14, 14, 14, 14, 14, 14, 14, 14];

export class SheetBuilder {
  private readonly cells = new Map<string, PlanCell>();
  private readonly names: PlanName[] = [];
  private readonly tables: PlanTable[] = [];
  private readonly conditionalFormats: PlanConditionalFormat[] = [];
  private readonly validations: PlanValidation[] = [];
  private readonly charts: PlanChart[] = [];
  private readonly spills: PlanSpill[] = [];
  /** The next free row (zero-based). */
  row = 0;
  /** Column widths in characters, from column A. */
  columnWidths: readonly number[] = COLUMN_WIDTHS;

  constructor(
    private readonly templateId: string,
    private readonly sheetName: string,
  ) {}

  set(row: number, col: number, cell: Omit<PlanCell, "ref">): string {
    const ref = cellRef(row, col);
    this.cells.set(ref, { ref, ...cell });
    return ref;
  }

  /** Puts `content` at (row, col), reading "=…" text as a formula. */
  put(row: number, col: number, content: Content, format?: FormatKind, style?: CellStyle): string {
    if (content === null) return cellRef(row, col);
    if (typeof content === "object") {
      return this.set(row, col, { formula: content.formula, format: content.format ?? format, style: content.style ?? style });
    }
    if (typeof content === "string" && content.startsWith("=")) return this.set(row, col, { formula: content, format, style });
    return this.set(row, col, { value: content, format, style });
  }

  name(name: string, ref: string): string {
    this.names.push({ name, ref: absolute(ref) });
    return name;
  }

  title(title: string, subtitle: string): void {
    this.set(0, 0, { value: title, style: "title" });
    this.set(1, 0, { value: subtitle, style: "subtitle" });
    this.row = 3;
  }

  section(title: string): void {
    this.set(this.row, 0, { value: title, style: "section" });
    this.row += 1;
  }

  note(text: string, style: CellStyle = "note"): void {
    this.set(this.row, 0, { value: text, style });
    this.row += 1;
  }

  skip(rows = 1): void {
    this.row += rows;
  }

  /** The inputs block: label, value (named, styled as input, validated), help. */
  inputs(specs: readonly InputSpec[], values: InputValues): void {
    this.section("Inputs");
    for (const spec of specs) {
      const r = this.row;
      this.set(r, 0, { value: spec.label, style: "label" });
      const ref = this.set(r, 1, { value: values[spec.id], style: "input", format: spec.format ?? formatOf(spec) });
      this.set(r, 2, { value: spec.help, style: "note" });
      this.name(spec.id, ref);
      const v = validationOf(spec, ref);
      if (v) this.validations.push(v);
      this.row += 1;
    }
    this.row += 1;
  }

  /** Label / formula / note rows; returns the value cells by label. */
  metrics(title: string, metrics: readonly Metric[]): Record<string, string> {
    this.section(title);
    const refs: Record<string, string> = {};
    for (const m of metrics) {
      const r = this.row;
      this.set(r, 0, { value: m.label, style: "label" });
      refs[m.label] = this.set(r, 1, { formula: m.formula, format: m.format, style: m.style ?? "metric" });
      this.set(r, 2, { value: m.note, style: "note" });
      if (m.name) this.name(m.name, refs[m.label]);
      this.row += 1;
    }
    this.row += 1;
    return refs;
  }

  /**
   * An Excel table: a header row and data rows, starting in column A. Returns the table's name
   * (formulas refer to it as Name[#All], Name[Column]) and the data range of each column.
   */
  table(
    name: string,
    headers: readonly string[],
    rows: readonly (readonly Content[])[],
    formats: readonly (FormatKind | undefined)[] = [],
    at: { row: number; col: number } = { row: this.row, col: 0 },
    /** Rows of data (e.g. from a file): text is text, even when it starts with "=". */
    literal = false,
  ): { name: string; columns: Record<string, string>; ref: string } {
    const { row: top, col: left } = at;
    headers.forEach((h, c) => this.set(top, left + c, { value: h }));
    rows.forEach((cells, i) =>
      cells.forEach((content, c) => {
        if (literal && content !== null && typeof content !== "object")
          this.set(top + 1 + i, left + c, { value: content, format: formats[c] });
        else this.put(top + 1 + i, left + c, content, formats[c]);
      }),
    );
    // An empty table has one blank data row (Excel's); it carries the columns' formats to new rows.
    if (rows.length === 0) formats.forEach((f, c) => f && this.set(top + 1, left + c, { format: f }));
    const bottom = top + Math.max(rows.length, 1);
    const ref = rangeRef({ row: top, col: left }, { row: bottom, col: left + headers.length - 1 });
    this.tables.push({ name, ref });
    const columns: Record<string, string> = {};
    headers.forEach((h, c) => (columns[h] = rangeRef({ row: top + 1, col: left + c }, { row: bottom, col: left + c })));
    if (left === 0) this.row = bottom + 2;
    return { name, columns, ref };
  }

  /** Column headers (outside tables) across a row from column `col`. */
  headers(row: number, col: number, headers: readonly string[]): void {
    headers.forEach((h, i) => this.set(row, col + i, { value: h, style: "header" }));
  }

  /** A formula at `ref` whose result spills over rows × cols. */
  spill(row: number, col: number, formula: string, rows: number, cols: number, format: FormatKind): string {
    const ref = this.set(row, col, { formula, format });
    this.spills.push({ ref, rows, cols });
    // The spill area takes the formula's number format too (Excel keeps a cell's format).
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (r === 0 && c === 0) continue;
        this.set(row + r, col + c, { format });
      }
    }
    return ref;
  }

  signColours(ref: string): void {
    this.conditionalFormats.push({ ref, kind: "sign" });
  }

  alert(ref: string, formula: string): void {
    this.conditionalFormats.push({ ref, kind: "alert", formula });
  }

  chart(chart: PlanChart): void {
    this.charts.push(chart);
  }

  build(): SheetPlan {
    return {
      templateId: this.templateId,
      sheetName: this.sheetName,
      cells: [...this.cells.values()],
      columnWidths: [...this.columnWidths],
      tables: this.tables,
      names: this.names,
      conditionalFormats: this.conditionalFormats,
      validations: this.validations,
      charts: this.charts,
      spills: this.spills,
      freezeRows: 2,
    };
  }
}

function absolute(ref: string): string {
  return ref
    .split(":")
    .map((part) => part.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}

function formatOf(spec: InputSpec): FormatKind | undefined {
  if (spec.kind === "percent") return "pct";
  if (spec.kind === "date") return "date";
  return spec.kind === "number" ? "number" : undefined;
}

function validationOf(spec: InputSpec, ref: string): PlanValidation | null {
  if (spec.kind === "choice") return { ref, list: [...(spec.choices ?? [])], message: `${spec.label}: choose from the list` };
  if (spec.kind !== "number" && spec.kind !== "percent") return null;
  if (spec.min === undefined && spec.max === undefined) return null;
  return { ref, min: spec.min, max: spec.max, exclusive: spec.exclusive === true, message: `${spec.label}: ${spec.help}` };
}
