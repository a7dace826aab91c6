/**
 * Writing a 100,000-row export into the Book's tables: how many round trips (syncs) and how large
 * the largest request is (Excel refuses a request over 5 MB), for a first import and for a
 * re-import of the same file into the filled tables (which must add nothing). Against the fake
 * workbook of the writer's tests, which applies Office.js's batch semantics and Excel's limit.
 */
import { performance } from "perf_hooks";
import { importIntoBook } from "../src/excel/book-import";
import { FILL_COLUMNS, FUNDING_COLUMNS } from "../src/import/book-rows";
import { readExport } from "../src/import/read-export";
import { FakeBook } from "../test/helpers/fake-book";
import { hyperliquidExport } from "./book";

export interface ImportWriteRow {
  rows: number;
  syncs: number;
  batches: number;
  largestRequestBytes: number;
  writeMs: number;
  reimportSyncs: number;
  reimportAdded: number;
  reimportMs: number;
}

export async function importWriteBench(rows = 100000): Promise<ImportWriteRow> {
  const parsed = readExport(hyperliquidExport(rows));
  if ("refused" in parsed) throw new Error(parsed.refused);
  const wb = new FakeBook();
  wb.addTable("Book", "Fills", 3, 28, [...FILL_COLUMNS]);
  wb.addTable("Book", "Funding", 3, 44, [...FUNDING_COLUMNS]);
  const book = { sheetName: "Book", fills: "Fills", funding: "Funding" };
  let t0 = performance.now();
  const first = await importIntoBook(wb.run, book, [parsed]);
  const writeMs = performance.now() - t0;
  if (first.fillsAdded !== rows) throw new Error(`wrote ${first.fillsAdded} of ${rows} rows`);
  const syncsBefore = wb.syncs;
  t0 = performance.now();
  const again = await importIntoBook(wb.run, book, [parsed]);
  const reimportMs = performance.now() - t0;
  return {
    rows,
    syncs: first.syncs,
    batches: first.batches,
    largestRequestBytes: Math.max(first.largestRequestBytes, wb.largestRequest),
    writeMs,
    reimportSyncs: wb.syncs - syncsBefore,
    reimportAdded: again.fillsAdded + again.fundingAdded,
    reimportMs,
  };
}
