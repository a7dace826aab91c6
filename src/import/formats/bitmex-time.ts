/**
 * BitMEX's time cells, read per file (dates.ts): API-made files write ISO-8601 in UTC
 * ("2020-05-01T12:00:00.000Z"), the only layout of BitMEX's own; files the website builds in the
 * browser write the browser's locale ("1/26/2020, 6:32:04 PM" in the US, "26/01/2020, 18:32:04"
 * in the UK), in its time zone. Which order such a file's dates are in is read from the whole
 * file, or asked, never guessed per row.
 */
import { FileContext } from "../format";
import { prepareTimes, timeOf } from "../file-times";
import { NATIVE_DATES } from "../values";

/** The cell as dates.ts reads it: the locale's comma after the date dropped, ISO's Z dropped (its offset is 0). */
const cellOf = (s: string | undefined): string =>
  (s ?? "")
    .trim()
    .replace(/Z$/, "")
    .replace(/^([\d./-]+),\s*/, "$1 ");

export function prepareBitmexTimes(records: readonly Record<string, string>[], context: FileContext, column: string): void {
  // A layout other than ISO is the browser's, not a spreadsheet's re-save: nothing to say of that.
  prepareTimes(records, context, column, (r) => cellOf(r[column]), NATIVE_DATES, false);
}

/** A cell → ms UTC: ISO at UTC, the browser's layouts at `offsetMinutes` (the exporting browser's zone). */
export function bitmexTime(cell: string | undefined, context: FileContext, offsetMinutes: number): number | null {
  if (cell === undefined) return null;
  return timeOf(cellOf(cell), context, /Z$/.test(cell.trim()) ? 0 : offsetMinutes);
}
