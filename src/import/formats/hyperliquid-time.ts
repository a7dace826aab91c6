/**
 * Hyperliquid's export dates: the browser's locale order (DD/MM/YYYY or M/D/YYYY, " - " or a
 * space before the time), and no time zone. The order is decided once for the whole file by
 * dates.ts: a first number above 12 means day first, a second above 12 month first; a file where
 * neither appears is read in the one order that keeps its rows in time order, and where both do,
 * the trader is asked (ImportOptions.dateOrder).
 */
import { FileContext } from "../format";
import { prepareTimes, timeOf } from "../file-times";
import { zoneLabel } from "../values";

export function dateOrderOf(records: readonly Record<string, string>[], context: FileContext): void {
  prepareTimes(records, context, "time", (r) => r.time, []);
  const offset = context.options.utcOffsetMinutes ?? 0;
  context.notes.push(
    offset === 0
      ? "Hyperliquid states no time zone: times read as UTC"
      : `Hyperliquid states no time zone: times read as ${zoneLabel(offset)}`,
  );
}

export function hyperliquidTime(s: string, context: FileContext): number | null {
  return timeOf(s, context, context.options.utcOffsetMinutes ?? 0);
}
