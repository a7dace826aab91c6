/**
 * Imports normalised export rows into a Book sheet's Fills and Funding tables.
 *
 *   1. One sync: each table's header and where its data rows are.
 *   2. The rows already there, read in slices (Excel answers at most 5 MB per request), for their keys.
 *   3. Only the rows not there yet are added (src/import/book-rows.ts says what "the same row" is),
 *      at the end of each table, with `rows.add`, in batches that each stay under Excel's 5 MB
 *      request limit; progress is reported after each batch, and each sync yields to the taskpane.
 *   4. If any batch fails, the rows this import added are deleted again (by position: after the
 *      rows the table had), so the tables are as they were. Rows already there are never written:
 *      a Strategy typed in by the user survives any re-import.
 *
 * Text from a file is written with a leading apostrophe, Excel's mark for "this is text": a cell
 * "=HYPERLINK(…)", "+cmd" or "@SUM(…)" in an export arrives as those characters, never as a
 * formula, and a trade id "000123" keeps its zeros.
 */
import {
  CLOSED_COLUMNS,
  FILL_COLUMNS,
  FUNDING_COLUMNS,
  ImportPlan,
  planImport,
  TableLayout,
  tableLayout,
} from "../import/book-rows";
import { ParsedExport } from "../import/types";
import { ExcelRun, MAX_PAYLOAD_BYTES, WriteError } from "./writer";

/** A sheet holding a Fills and a Funding table. */
export interface BookTables {
  sheetName: string;
  fills: string;
  funding: string;
  /** The Closed P&L table, when the Book has one (Books made before Legwork read Closed P&L exports do not). */
  closed?: string;
}

export interface ImportProgress {
  /** Rows written so far, of `total`. */
  written: number;
  total: number;
}

export interface ImportResult {
  fillsAdded: number;
  fundingAdded: number;
  /** Rows of the files that the tables already held. */
  skippedFills: number;
  skippedFunding: number;
  /** Closed-position rows added to the Closed P&L table, and those it already held. */
  closedAdded: number;
  skippedClosed: number;
  syncs: number;
  /** Write requests (batches) sent, and the largest one, in bytes of JSON. */
  batches: number;
  largestRequestBytes: number;
}

/** Cells read back per sync when collecting the keys of the rows already there (≈ 3 MB of answer). */
const READ_CELLS_PER_SYNC = 150000;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\.\s*$/, "");

/** Every sheet that holds a Fills table and a Funding table (recognised by their header rows, whatever their names). */
export async function findBooks(run: ExcelRun): Promise<BookTables[]> {
  return run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const found = tables.items.map((t) => {
      const table = tables.getItem(t.name);
      const header = table.getHeaderRowRange().load("values");
      const sheet = table.worksheet.load("name");
      return { name: t.name, header, sheet };
    });
    await context.sync();
    const books = new Map<string, BookTables>();
    for (const t of found) {
      const header = t.header.values[0];
      const kind =
        "at" in tableLayout("Fills", header, FILL_COLUMNS)
          ? "fills"
          : "at" in tableLayout("Funding", header, FUNDING_COLUMNS)
            ? "funding"
            : "at" in tableLayout("Closed P&L", header, CLOSED_COLUMNS)
              ? "closed"
              : null;
      if (!kind) continue;
      const book = books.get(t.sheet.name) ?? { sheetName: t.sheet.name, fills: "", funding: "" };
      if (!book[kind]) book[kind] = t.name;
      books.set(t.sheet.name, book);
    }
    return [...books.values()].filter((b) => b.fills && b.funding);
  });
}

/** A value for rows.add: text marked as text; numbers as they are. */
function cellValue(v: unknown): unknown {
  return typeof v === "string" && v !== "" ? `'${v}` : v;
}

interface Target {
  label: "Fills" | "Funding" | "Closed P&L";
  table: Excel.Table;
  sheet: Excel.Worksheet;
  body: Excel.Range;
  header: Excel.Range;
  /** Data rows before the import (an empty table's one blank row is 0). */
  before: number;
  layout: TableLayout;
  existing: unknown[][];
}

export async function importIntoBook(
  run: ExcelRun,
  book: BookTables,
  files: readonly ParsedExport[],
  onProgress: (p: ImportProgress) => void = () => undefined,
  /** Smaller batches than Excel's limit (tests, and hosts with a lower limit). */
  maxRequestBytes = MAX_PAYLOAD_BYTES,
): Promise<ImportResult> {
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs += 1;
      await context.sync();
    };

    // 1. The tables, their headers and where their rows are.
    const closedRows = files.reduce((n, f) => n + f.closed.length, 0);
    if (closedRows > 0 && !book.closed)
      throw new WriteError(
        `The Book on "${book.sheetName}" has no Closed P&L table (it was made before Legwork read Bybit's Closed P&L export): ` +
          "import into a new Book sheet, or leave that file out. Nothing was written.",
        false,
      );
    const targets: Target[] = (
      [
        ["Fills", book.fills],
        ["Funding", book.funding],
        ...(book.closed ? ([["Closed P&L", book.closed]] as const) : []),
      ] as const
    ).map(([label, name]) => {
      const table = context.workbook.tables.getItem(name);
      return {
        label,
        table,
        // A navigation property (a proxy for the table's sheet), not a value: nothing to load.
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
        sheet: table.worksheet,
        header: table.getHeaderRowRange().load("values"),
        body: table.getDataBodyRange().load("rowIndex,columnIndex,rowCount,columnCount"),
        before: 0,
        layout: { header: [], at: {} },
        existing: [],
      };
    });
    try {
      await sync();
    } catch (e) {
      throw new WriteError(
        `Could not find the Book's tables on "${book.sheetName}": ${messageOf(e)}. Nothing was written.`,
        false,
      );
    }
    for (const t of targets) {
      const columns = t.label === "Fills" ? FILL_COLUMNS : t.label === "Funding" ? FUNDING_COLUMNS : CLOSED_COLUMNS;
      const layout = tableLayout(t.label, t.header.values[0], columns);
      if ("missing" in layout) throw new WriteError(`On "${book.sheetName}", ${layout.missing}. Nothing was written.`, false);
      t.layout = layout;
    }

    // 2. The rows already there, in slices.
    try {
      await readExisting(targets, sync);
    } catch (e) {
      throw new WriteError(`Could not read the Book's tables: ${messageOf(e)}. Nothing was written.`, false);
    }
    for (const t of targets) {
      const blankOnly = t.existing.length === 1 && t.existing[0].every((v) => v === "" || v === null);
      t.before = blankOnly ? 0 : t.existing.length;
    }

    // 3. The new rows, in batches.
    const [fills, funding, closed] = targets;
    const plan: ImportPlan = planImport(
      files,
      { layout: fills.layout, rows: fills.existing },
      { layout: funding.layout, rows: funding.existing },
      closed ? { layout: closed.layout, rows: closed.existing } : undefined,
    );
    if (plan.conflicts.length > 0) throw new WriteError(`${plan.conflicts.join("; ")}. Nothing was written.`, false);
    const total = plan.fills.length + plan.funding.length + plan.closed.length;
    let written = 0;
    let batches = 0;
    let largestRequestBytes = 0;
    try {
      for (const [t, rows] of [
        [fills, plan.fills],
        [funding, plan.funding],
        ...(closed ? ([[closed, plan.closed]] as const) : []),
      ] as const) {
        for (const batch of batchesOf(
          rows.map((r) => r.map(cellValue)),
          maxRequestBytes,
        )) {
          t.table.rows.add(undefined, batch.rows as (string | number | boolean)[][]);
          await sync();
          batches += 1;
          largestRequestBytes = Math.max(largestRequestBytes, batch.bytes);
          written += batch.rows.length;
          onProgress({ written, total });
        }
      }
    } catch (e) {
      const cause = messageOf(e);
      await rollBack(targets, sync, cause);
      throw new WriteError(`Could not import into "${book.sheetName}": ${cause}. The tables were left as they were.`, true);
    }
    return {
      fillsAdded: plan.fills.length,
      fundingAdded: plan.funding.length,
      skippedFills: plan.skippedFills,
      skippedFunding: plan.skippedFunding,
      closedAdded: plan.closed.length,
      skippedClosed: plan.skippedClosed,
      syncs,
      batches,
      largestRequestBytes,
    };
  });
}

/** Loads the data rows of every target, several slices per sync, each sync's answer under the limit. */
async function readExisting(targets: Target[], sync: () => Promise<void>): Promise<void> {
  const slices: { t: Target; range: Excel.Range }[] = [];
  let cells = 0;
  const flush = async () => {
    if (slices.length === 0) return;
    await sync();
    for (const s of slices) s.t.existing.push(...(s.range.values as unknown[][]));
    slices.length = 0;
    cells = 0;
  };
  for (const t of targets) {
    const { rowIndex, columnIndex, rowCount, columnCount } = t.body;
    const rowsPerSlice = Math.max(1, Math.floor(READ_CELLS_PER_SYNC / columnCount));
    for (let r = 0; r < rowCount; r += rowsPerSlice) {
      const n = Math.min(rowsPerSlice, rowCount - r);
      if (cells + n * columnCount > READ_CELLS_PER_SYNC) await flush();
      slices.push({ t, range: t.sheet.getRangeByIndexes(rowIndex + r, columnIndex, n, columnCount).load("values") });
      cells += n * columnCount;
    }
  }
  await flush();
}

/** Rows in consecutive batches, each under the request limit. */
export function* batchesOf(rows: unknown[][], limit = MAX_PAYLOAD_BYTES): Generator<{ rows: unknown[][]; bytes: number }> {
  let batch: unknown[][] = [];
  let bytes = 2;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (batch.length > 0 && bytes + size > limit) {
      yield { rows: batch, bytes };
      batch = [];
      bytes = 2;
    }
    batch.push(row);
    bytes += size;
  }
  if (batch.length > 0) yield { rows: batch, bytes };
}

/** Deletes the rows this import added after each table's own rows (none if the failed batch was not applied). */
async function rollBack(targets: Target[], sync: () => Promise<void>, cause: string): Promise<void> {
  try {
    const now = targets.map((t) => t.table.getDataBodyRange().load("rowCount"));
    await sync();
    // An empty table shows one blank row, which rows.add fills: is that row still blank?
    const single = targets.map((t, i) =>
      t.before === 0 && now[i].rowCount === 1 ? t.table.getDataBodyRange().load("values") : null,
    );
    if (single.some((r) => r !== null)) await sync();
    let deleting = false;
    targets.forEach((t, i) => {
      const blank = single[i]?.values[0].every((v) => v === "" || v === null) ?? false;
      // Rows after the table's own (deleting every row of a table leaves its blank row again).
      const extra = blank ? 0 : now[i].rowCount - t.before;
      if (extra <= 0) return;
      t.sheet.getRangeByIndexes(t.body.rowIndex + t.before, t.body.columnIndex, extra, t.body.columnCount).delete("Up");
      deleting = true;
    });
    if (deleting) await sync();
  } catch (cleanup) {
    throw new WriteError(
      `Could not import: ${cause}. Removing the rows already added also failed (${messageOf(cleanup)}): ` +
        `delete the rows after row ${targets.map((t) => `${t.before} of ${t.label}`).join(" and ")} by hand.`,
      false,
    );
  }
}
