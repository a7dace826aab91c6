/**
 * A format's time column, read in one layout for the whole file (see dates.ts): `prepareTimes`
 * decides it from every row before any row is read (or refuses the file with the question, when
 * the dates fit several orders and the trader has not chosen one), `timeOf` reads a cell in it.
 */
import { FileContext } from "./format";
import { ambiguityMessage, DateOrder, layoutNote, NativeLayout, KeptTimes, readTime, timeLayout, timesOf } from "./dates";

export function prepareTimes(
  records: readonly Record<string, string>[],
  context: FileContext,
  column: string,
  cellOf: (r: Record<string, string>) => string | undefined,
  native: readonly NativeLayout[],
  /** Another layout than the exchange's own means a spreadsheet saved the file again (say so). */
  resaved = native.length > 0,
): void {
  const cells: string[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) cells[i] = cellOf(records[i]) ?? "";
  const kept: { times?: KeptTimes } = {};
  const layout = timeLayout(cells, native, context.options.dateOrder, kept);
  if ("ambiguous" in layout) {
    context.refused = ambiguityMessage(column, layout.ambiguous, layout.example);
    return;
  }
  // No value is a date at all: each row says so itself.
  context.dateOrder = "order" in layout ? layout.order : (native[0]?.order ?? "ymd");
  // Each row's time, worked out here once: `timeOf` finds it by the row being read.
  if (kept.times) context.times = { cells, times: timesOf(kept.times, context.dateOrder as DateOrder) };
  if ("order" in layout) {
    const note = layoutNote(layout, resaved);
    if (note) context.notes.push(note);
  }
}

/** A time cell in the file's layout, `offsetMinutes` east of UTC → ms UTC, or null. */
export function timeOf(cell: string | undefined, context: FileContext, offsetMinutes: number): number | null {
  if (cell === undefined) return null;
  const known = context.times as { cells: string[]; times: Float64Array } | undefined;
  const row = context.row;
  if (known && row !== undefined && known.cells[row] === cell) {
    const t = known.times[row];
    return t === t ? t - offsetMinutes * 60000 : null;
  }
  return readTime(cell, context.dateOrder as DateOrder, offsetMinutes);
}
