/**
 * Applies a sheet plan to the workbook: the one place that talks Office.js.
 *
 * Four context.sync calls, whatever the sheet's size:
 *   1. read the names of the sheets, tables and workbook names already there (names only: a
 *      bare load("items") would pull every property of every object). Never overwrite: the new
 *      sheet and its tables get free names.
 *   2. add the sheet, and learn its id. From here on the sheet is addressed by that id, so a
 *      rollback can only ever remove the sheet this call created, never one that a co-author
 *      created meanwhile under the same name. If the name was taken between 1 and 2, the names
 *      are read again and the next free one is used.
 *   3. write everything: values and formulas as whole 2D arrays, number formats, styles,
 *      tables, names, conditional formats, validation, the chart. Calculation is not suspended
 *      (Excel would then leave the recalculation to us), only screen updating. If this fails,
 *      the sheet with that id is deleted, so the workbook is as it was.
 *   4. cosmetic: freeze the title rows and activate the sheet. Excel refuses these while another
 *      workbook has the focus (Microsoft: "API limitations when the active workbook switches"),
 *      so they come after the sheet is safely written and never fail the creation.
 */
import { parseRange } from "../sheets/a1";
import { PlanChart, PlanConditionalFormat, PlanValidation, SheetPlan } from "../sheets/plan";
import { resolvePlan } from "../sheets/resolve";
import { columnWidthPoints } from "./column-width";
import { planGrid } from "./grid";
import { ALERT_FILL, ALERT_FONT, NEGATIVE_FONT, POSITIVE_FONT, STYLES } from "./styles";
import { validationRule } from "./validation";

/** Excel.run, or a stand-in with the same shape in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WriteResult {
  sheetName: string;
  syncs: number;
  /** Size of the cell data sent (values, formulas, formats), in bytes of JSON. */
  payloadBytes: number;
  /** Why freezing the title rows or activating the sheet was skipped (the sheet itself is complete). */
  cosmeticSkipped?: string;
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

/** Excel refuses requests over 5 MB; keep a margin for the styles and the request's framing. */
export const MAX_PAYLOAD_BYTES = Math.floor(5 * 1024 * 1024 * 0.9);

/** Adding the sheet is tried this many times when its free name is taken just before the add. */
const ADD_ATTEMPTS = 3;

export async function writePlan(run: ExcelRun, plan: SheetPlan): Promise<WriteResult> {
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs += 1;
      await context.sync();
    };
    const sheets = context.workbook.worksheets;

    // 1 and 2: a free name, then the sheet itself (again with fresh names if one was taken meanwhile).
    let resolved: SheetPlan | null = null;
    let sheetId = "";
    let payloadBytes = 0;
    let grid: ReturnType<typeof planGrid> | null = null;
    for (let attempt = 1; !resolved; attempt++) {
      const taken = await readNames(context, sync);
      const candidate = resolvePlan(plan, taken);
      if (!grid) {
        grid = planGrid(candidate);
        payloadBytes = JSON.stringify([grid.constants, grid.formulas, grid.numberFormats]).length;
        if (payloadBytes > MAX_PAYLOAD_BYTES) {
          const mb = (payloadBytes / 1024 / 1024).toFixed(1);
          throw new WriteError(
            `"${candidate.sheetName}" is too large to write (${mb} MB of cells; Excel accepts 5 MB per request): ` +
              `use fewer rows. Nothing was changed.`,
            false,
          );
        }
      }
      const added = sheets.add(candidate.sheetName);
      added.load("id");
      try {
        await sync();
      } catch (e) {
        if (isAlreadyExists(e) && attempt < ADD_ATTEMPTS) continue;
        throw new WriteError(`Could not create "${candidate.sheetName}": ${messageOf(e)}. Nothing was changed.`, false);
      }
      sheetId = added.id;
      resolved = candidate;
    }
    // Formulas refer to the tables by name, so the grid follows the names finally chosen.
    grid = planGrid(resolved);

    // 3. Everything, in one batch, into the sheet with that id.
    try {
      context.application.suspendScreenUpdatingUntilNextSync();
      const ws = sheets.getItem(sheetId);
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
        ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = columnWidthPoints(w);
      });
      for (const cf of resolved.conditionalFormats) addConditionalFormat(ws, cf);
      for (const v of resolved.validations) addValidation(ws, v);
      for (const c of resolved.charts) addChart(ws, c);
      await sync();
    } catch (e) {
      const cause = messageOf(e);
      // Roll back: remove the sheet this call created (by its id), with whatever part was written.
      try {
        sheets.getItem(sheetId).delete();
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

    // 4. Cosmetic, and allowed to fail: the sheet is complete without it.
    let cosmeticSkipped: string | undefined;
    try {
      const ws = sheets.getItem(sheetId);
      if (resolved.freezeRows > 0) ws.freezePanes.freezeRows(resolved.freezeRows);
      ws.activate();
      await sync();
    } catch (e) {
      cosmeticSkipped = messageOf(e);
    }
    return { sheetName: resolved.sheetName, syncs, payloadBytes, ...(cosmeticSkipped ? { cosmeticSkipped } : {}) };
  });
}

/** The names in use, loading nothing but the names. */
async function readNames(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
): Promise<{ sheets: string[]; tables: string[] }> {
  const { worksheets, tables, names } = context.workbook;
  worksheets.load("items/name");
  tables.load("items/name");
  names.load("items/name");
  try {
    await sync();
  } catch (e) {
    throw new WriteError(`Could not read the workbook: ${messageOf(e)}. Nothing was changed.`, false);
  }
  return {
    sheets: worksheets.items.map((s) => s.name),
    tables: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
  };
}

/** An error's message, without a final full stop (ours follows it). */
function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\.\s*$/, "");
}

function isAlreadyExists(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "ItemAlreadyExists" || /already exists/i.test(messageOf(e));
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
  dv.rule = validationRule(v);
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
