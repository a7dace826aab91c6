/**
 * Binance's export times: `Time` in the zone the file name states ("…(UTC+3).csv",
 * "…(UTC--6)…" for minus six hours), `Date(UTC)` / `Time(UTC)` in UTC. Binance writes the date
 * year first with a two-digit year (`26-03-17 09:34:12`, in the exports traders have today) or a
 * four-digit one (`2026-06-18 20:07:24`); a file saved again by a spreadsheet has its locale's
 * layout, read per file by dates.ts. Shared by the trade and transaction histories.
 */
import { FileContext } from "../format";
import { prepareTimes, timeOf } from "../file-times";
import { NATIVE_DATES, offsetFromName } from "../values";

const UTC_COLUMNS = ["Date(UTC)", "Time(UTC)", "date(utc)", "time(utc)"];

/** The row's time cell and whether its header says UTC. */
function timeCell(r: Record<string, string>): { cell: string | undefined; utcHeader: boolean } {
  for (const c of UTC_COLUMNS) if (r[c] !== undefined) return { cell: r[c], utcHeader: true };
  return { cell: r.Time ?? r.time, utcHeader: false };
}

export function prepareBinanceTimes(records: readonly Record<string, string>[], context: FileContext): void {
  const fromName = offsetFromName(context.options.fileName);
  context.offset = fromName ?? 0;
  const utcHeader = records.length > 0 && timeCell(records[0]).utcHeader;
  context.notes.push(
    utcHeader
      ? "times read as UTC (the header says so)"
      : fromName !== null
        ? `times read in the file name's zone, UTC${fromName >= 0 ? "+" : "-"}${Math.abs(fromName) / 60}`
        : "times read as UTC (Binance states the zone in the file name, e.g. …(UTC+3).csv; this one states none)",
  );
  prepareTimes(records, context, utcHeader ? "the UTC time column" : "Time", (r) => timeCell(r).cell, NATIVE_DATES);
}

export function binanceTime(r: Record<string, string>, context: FileContext): number | null {
  const { cell, utcHeader } = timeCell(r);
  return timeOf(cell, context, utcHeader ? 0 : (context.offset as number));
}
