/**
 * Applies a sheet plan to the workbook: the one place that talks Office.js.
 *
 * At most three context.sync calls per sheet, whatever its size:
 *   1. read the sheet and table names already in the workbook (never overwrite: the new sheet
 *      and its tables get free names);
 *   2. write everything, with calculation and screen updating suspended: values and formulas as
 *      whole 2D arrays, number formats, styles, tables, names, conditional formats, validation,
 *      the chart;
 *   3. only if 2 failed: delete the half-written sheet (its tables, names and chart go with it),
 *      so the workbook is as it was.
 */
import { parseRange } from "../sheets/a1";
import { PlanChart, PlanConditionalFormat, PlanValidation, SheetPlan } from "../sheets/plan";
import { resolvePlan } from "../sheets/resolve";
import { planGrid } from "./grid";
import { ALERT_FILL, ALERT_FONT, NEGATIVE_FONT, POSITIVE_FONT, STYLES } from "./styles";

/** Excel.run, or a stand-in with the same shape in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WriteResult {
  sheetName: string;
  syncs: number;
  /** Size of the cell data sent (values, formulas, formats), in bytes of JSON. */
  payloadBytes: number;
}

export class WriteError extends Error {
  constructor(
    message: string,
    readonly rolledBack: boolean,
  ) {
    super(message);
    this.name = "WriteError";
  }
}

const CHARACTER_WIDTH_POINTS = 7;

/** Excel refuses requests over 5 MB; keep a margin for the styles and the request's framing. */
export const MAX_PAYLOAD_BYTES = Math.floor(5 * 1024 * 1024 * 0.9);

export async function writePlan(run: ExcelRun, plan: SheetPlan): Promise<WriteResult> {
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs += 1;
      await context.sync();
    };
    const workbook = context.workbook;

    // 1. What is already there.
    const sheets = workbook.worksheets;
    const tables = workbook.tables;
    const names = workbook.names;
    sheets.load("items");
    tables.load("items");
    names.load("items");
    try {
      await sync();
    } catch (e) {
      throw new WriteError(`Could not read the workbook: ${messageOf(e)}. Nothing was changed.`, false);
    }
    const resolved = resolvePlan(plan, {
      sheets: sheets.items.map((s) => s.name),
      tables: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
    });

    // 2. Everything, in one batch: refused before anything is written if Excel would reject it.
    const grid = planGrid(resolved);
    const payloadBytes = JSON.stringify([grid.constants, grid.formulas, grid.numberFormats]).length;
    if (payloadBytes > MAX_PAYLOAD_BYTES) {
      const mb = (payloadBytes / 1024 / 1024).toFixed(1);
      throw new WriteError(
        `"${resolved.sheetName}" is too large to write (${mb} MB of cells; Excel accepts 5 MB per request): ` +
          `use fewer rows. Nothing was changed.`,
        false,
      );
    }
    try {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      const ws = sheets.add(resolved.sheetName);
      const used = ws.getRange(grid.address);
      used.formulas = grid.constants;
      for (const t of resolved.tables) {
        const table = ws.tables.add(t.ref, true);
        table.name = t.name;
        table.style = "TableStyleLight9";
      }
      for (const n of resolved.names) ws.names.add(n.name, ws.getRange(n.ref));
      used.formulas = grid.formulas;
      used.numberFormat = grid.numberFormats;
      applyStyles(ws, resolved);
      resolved.columnWidths.forEach((w, i) => {
        ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * CHARACTER_WIDTH_POINTS;
      });
      for (const cf of resolved.conditionalFormats) addConditionalFormat(ws, cf);
      for (const v of resolved.validations) addValidation(ws, v);
      for (const c of resolved.charts) addChart(ws, c);
      if (resolved.freezeRows > 0) ws.freezePanes.freezeRows(resolved.freezeRows);
      ws.activate();
      await sync();
    } catch (e) {
      const cause = messageOf(e);
      // 3. Roll back: remove whatever part of the sheet was created.
      try {
        sheets.getItem(resolved.sheetName).delete();
        await sync();
      } catch (cleanup) {
        if (!isNotFound(cleanup)) {
          throw new WriteError(
            `Could not create "${resolved.sheetName}": ${cause}. Removing the partial sheet also failed ` +
              `(${messageOf(cleanup)}): delete the sheet "${resolved.sheetName}" by hand.`,
            false,
          );
        }
      }
      throw new WriteError(`Could not create "${resolved.sheetName}": ${cause}. The workbook was left as it was.`, true);
    }
    return { sheetName: resolved.sheetName, syncs, payloadBytes };
  });
}

/** An error's message, without a final full stop (ours follows it). */
function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\.\s*$/, "");
}

function isNotFound(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "ItemNotFound" || /not found|doesn't exist|does not exist/i.test(messageOf(e));
}

function applyStyles(ws: Excel.Worksheet, plan: SheetPlan): void {
  const byStyle = new Map<string, string[]>();
  for (const c of plan.cells) {
    if (!c.style) continue;
    const list = byStyle.get(c.style) ?? [];
    list.push(c.ref);
    byStyle.set(c.style, list);
  }
  for (const [style, refs] of byStyle) {
    const spec = STYLES[style as keyof typeof STYLES];
    const format = ws.getRanges(refs.join(",")).format;
    if (spec.bold !== undefined) format.font.bold = spec.bold;
    if (spec.italic !== undefined) format.font.italic = spec.italic;
    if (spec.size !== undefined) format.font.size = spec.size;
    if (spec.fontColor) format.font.color = spec.fontColor;
    if (spec.fill) format.fill.color = spec.fill;
  }
}

function addConditionalFormat(ws: Excel.Worksheet, cf: PlanConditionalFormat): void {
  const range = ws.getRange(cf.ref);
  if (cf.kind === "sign") {
    const negative = range.conditionalFormats.add("CellValue");
    negative.cellValue.format.font.color = NEGATIVE_FONT;
    negative.cellValue.rule = { formula1: "0", operator: "LessThan" };
    const positive = range.conditionalFormats.add("CellValue");
    positive.cellValue.format.font.color = POSITIVE_FONT;
    positive.cellValue.rule = { formula1: "0", operator: "GreaterThan" };
  } else {
    const alert = range.conditionalFormats.add("Custom");
    alert.custom.rule.formula = `=${cf.formula}`;
    alert.custom.format.fill.color = ALERT_FILL;
    alert.custom.format.font.color = ALERT_FONT;
  }
}

function addValidation(ws: Excel.Worksheet, v: PlanValidation): void {
  const dv = ws.getRange(v.ref).dataValidation;
  if (v.list) {
    dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
  } else if (v.min !== undefined && v.max !== undefined) {
    dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
  } else if (v.min !== undefined) {
    dv.rule = { decimal: { formula1: v.min, operator: "GreaterThanOrEqualTo" } };
  } else if (v.max !== undefined) {
    dv.rule = { decimal: { formula1: v.max, operator: "LessThanOrEqualTo" } };
  }
  dv.errorAlert = { message: v.message, showAlert: true, style: "Stop", title: "Legwork" };
}

function addChart(ws: Excel.Worksheet, c: PlanChart): void {
  const [first, ...rest] = c.series;
  const chart = ws.charts.add("XYScatterLinesNoMarkers", ws.getRange(first.ref), "Columns");
  chart.title.text = c.title;
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(ws.getRange(c.xRef));
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setXAxisValues(ws.getRange(c.xRef));
    series.setValues(ws.getRange(s.ref));
  }
  const anchor = parseRange(c.anchor).start;
  chart.setPosition(
    ws.getRangeByIndexes(anchor.row, anchor.col, 1, 1),
    ws.getRangeByIndexes(anchor.row + c.height - 1, anchor.col + c.width - 1, 1, 1),
  );
}
