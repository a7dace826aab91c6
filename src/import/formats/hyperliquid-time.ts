/**
 * Hyperliquid's export dates: the browser's locale order (DD/MM/YYYY or M/D/YYYY, " - " or a
 * space before the time), and no time zone. The order is decided once for the whole file: a
 * first number above 12 means day first, a second above 12 month first; a file where neither
 * appears is read day first, and the summary says so.
 */
import { FileContext } from "../format";
import { utc, zoneLabel } from "../values";

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*-\s*|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

export function dateOrderOf(records: readonly Record<string, string>[], context: FileContext): void {
  let dayFirst = false;
  let monthFirst = false;
  for (const r of records) {
    const m = DATE.exec((r.time ?? "").trim());
    if (!m) continue;
    if (+m[1] > 12) dayFirst = true;
    if (+m[2] > 12) monthFirst = true;
  }
  context.monthFirst = monthFirst && !dayFirst;
  context.notes.push(
    monthFirst && !dayFirst
      ? "dates read as month/day/year (a second number above 12 appears)"
      : dayFirst
        ? "dates read as day/month/year (a first number above 12 appears)"
        : "dates read as day/month/year: no day above 12 in the file tells the order for certain",
  );
  const offset = context.options.utcOffsetMinutes ?? 0;
  context.notes.push(
    offset === 0
      ? "Hyperliquid states no time zone: times read as UTC"
      : `Hyperliquid states no time zone: times read as ${zoneLabel(offset)}`,
  );
}

export function hyperliquidTime(s: string, context: FileContext): number | null {
  const m = DATE.exec(s.trim());
  if (!m) return null;
  const [a, b] = [+m[1], +m[2]];
  const [day, month] = context.monthFirst ? [b, a] : [a, b];
  return utc(+m[3], month, day, +m[4], +m[5], +(m[6] ?? 0), 0, context.options.utcOffsetMinutes ?? 0);
}
