/**
 * NETDELTA with option legs whose delta it computes: a leg with a blank Delta, a Type (call or
 * put), a Strike, an Expiry (a date) or Days, and a Vol (or IV) gets OPTIONDELTA's delta at
 * forward = the `price` argument (then required), rate 0, and the settlement of its Inverse (or
 * Settlement) column: inverse = coin-settled, the premium-adjusted delta. The core counts option
 * legs in coins, × quantity × contract size, signed by side. A typed Delta still wins; an option
 * past its expiry counts 0 (it has settled; a Delta left typed beside it is stale).
 *
 * This runs in options.js (with Black-76); functions.js sends a table here only when its header
 * has a Strike or Vol column (option-columns.ts), and reads every other table itself.
 *
 * How the table is read: the option columns are taken out and the rest goes through the same
 * legs reader as always (same synonyms, same messages), then each option leg's cells are read
 * from its row. "Type" is the option type when there is also an Instrument column; otherwise it
 * is the instrument column, where call and put mean an option of that type.
 */
import { OptionType, optionDelta } from "../core/black76";
import { Dec } from "../core/decimal";
import { Leg, sameAsset } from "../core/delta";
import { invalid, isDomainError, missing, Result } from "../core/errors";
import { describe, Grid, isBlank, toGrid, wordIn } from "./cells";
import { normalise, readLegs } from "./legs-table";
import { netDeltaOfLegs } from "./netdelta";
import { OPTION_HEADERS, OptionField } from "./option-columns";
import { optionTypeOf, readDouble, readOptionType } from "./options";
import { Answer } from "./spill";

const MS_PER_DAY = 86400000;
/** Excel's serial 25569 is 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
/**
 * A date without a time of day expires at 08:00 UTC: the expiry of Deribit's, OKX's, Bybit's
 * and Binance's options (and of their dated futures).
 */
export const EXPIRY_HOUR_UTC = 8;

/** Where each option column is; "type" is where call/put may stand in the instrument column. */
type OptionColumns = Partial<Record<OptionField, number>>;

interface TableLayout {
  /** The table with the option columns taken out (and call/put read as "option"). */
  stripped: Grid;
  columns: OptionColumns;
  /** The Type column when it is the instrument column (no Instrument header), else −1. */
  typeAsInstrument: number;
}

const TITLES: Record<OptionField, string> = {
  optionType: "Type",
  strike: "Strike",
  expiry: "Expiry",
  days: "Days",
  vol: "Vol",
};

function layoutOf(grid: Grid): Result<TableLayout | null> {
  const header = grid[0];
  if (!header.some((v) => typeof v === "string")) return null;
  const names = header.map((v) => (typeof v === "string" ? normalise(v) : ""));
  const hasInstrument = names.includes("instrument");
  const columns: OptionColumns = {};
  const taken = new Set<number>();
  let typeAsInstrument = -1;
  names.forEach((n, c) => {
    let field = wordIn(OPTION_HEADERS, n);
    if (n === "type") {
      if (!hasInstrument) {
        typeAsInstrument = c;
        return;
      }
      field = "optionType";
    }
    if (field === undefined) return;
    if (columns[field] !== undefined) columns[field] = -1;
    else columns[field] = c;
    taken.add(c);
  });
  const twice = (Object.keys(columns) as OptionField[]).find((f) => columns[f] === -1);
  if (twice) return invalid(`legs has two ${TITLES[twice]} columns: keep one so each leg has one value`);
  if (typeAsInstrument >= 0) columns.optionType = typeAsInstrument;
  const stripped = grid.map((row, r) =>
    row.map((v, c) => (r > 0 && c === typeAsInstrument && isCallPut(v) ? "option" : v)).filter((_, c) => !taken.has(c)),
  );
  return { stripped, columns, typeAsInstrument };
}

const isCallPut = (v: unknown): boolean => optionTypeOf(v) !== null;

/** The days to expiry from an Expiry cell: an Excel date (serial), UTC; a bare date at 08:00. */
function daysFromExpiry(where: string, v: unknown, now: number): Result<number> {
  const x = readDouble(where, v);
  if (isDomainError(x)) return x;
  if (!(x > 0) || x > 2958465) return invalid(`${where} must be a date (got ${describe(v)})`);
  const at = (x - UNIX_EPOCH_SERIAL) * MS_PER_DAY + (Number.isInteger(x) ? EXPIRY_HOUR_UTC * 3600000 : 0);
  return (at - now) / MS_PER_DAY;
}

/**
 * The delta of an option leg with a blank Delta, from its row; null when the leg needs none
 * (not an option, or its Delta is typed). An expired option's delta is 0 even when typed.
 */
function optionLegDelta(
  leg: Leg,
  row: readonly unknown[],
  layout: TableLayout,
  forward: Dec | null,
  now: number,
): Result<number | null> {
  const { columns } = layout;
  const cell = (f: OptionField): unknown => (columns[f] === undefined ? null : row[columns[f] as number]);
  const where = (f: OptionField) => `${leg.label}, ${TITLES[f]}`;
  // In an instrument column only call and put say the option's type ("option" does not).
  const typeCell = columns.optionType === layout.typeAsInstrument && !isCallPut(cell("optionType")) ? null : cell("optionType");
  if (leg.instrument !== "option" && !(leg.instrument === null && isCallPut(typeCell))) return null;

  // The time left, when given, decides first: an expired option has no delta.
  let days: number | null = null;
  if (!isBlank(cell("days"))) {
    const d = readDouble(where("days"), cell("days"));
    if (isDomainError(d)) return d;
    days = d;
  } else if (!isBlank(cell("expiry"))) {
    const d = daysFromExpiry(where("expiry"), cell("expiry"), now);
    if (isDomainError(d)) return d;
    days = d;
  }
  if (days !== null && days <= 0) return 0;
  if (leg.delta !== null) return null;

  const lacking: string[] = [];
  if (isBlank(typeCell)) lacking.push("Type (call or put)");
  if (isBlank(cell("strike"))) lacking.push("Strike");
  if (days === null) lacking.push("Expiry (or Days)");
  if (isBlank(cell("vol"))) lacking.push("Vol");
  if (lacking.length > 0) {
    return missing(`${leg.label} is an option without a Delta: give its ${lacking.join(", ")}, or type its Delta`);
  }
  if (forward === null) {
    return missing(`${leg.label} is an option without a Delta: give the price argument (the forward its delta is computed at)`);
  }
  const type: Result<OptionType> = readOptionType(where("optionType"), typeCell);
  if (isDomainError(type)) return type;
  const strike = readDouble(where("strike"), cell("strike"));
  if (isDomainError(strike)) return strike;
  const vol = readDouble(where("vol"), cell("vol"));
  if (isDomainError(vol)) return vol;
  const delta = optionDelta(type, forward.toNumber(), strike, days as number, vol, 0, leg.inverse ? "inverse" : "linear");
  // Black-76's messages name the argument ("vol must be at most 10 …"): say which leg.
  return isDomainError(delta) ? invalid(`${leg.label}: ${delta.message}`) : delta;
}

/** LEGS.NETDELTA over a table with option columns; `now` (ms since 1970, UTC) for Expiry. */
export function netDeltaOf(legs: unknown, price: unknown, asset: unknown, now: number = Date.now()): Answer {
  return netDeltaOfLegs(legs, price, asset, (value, forward, only) => {
    const grid = toGrid("legs", value);
    if (isDomainError(grid)) return grid;
    const layout = layoutOf(grid);
    if (isDomainError(layout)) return layout;
    if (layout === null) return readLegs(value);
    const read = readLegs(layout.stripped);
    if (isDomainError(read)) return read;
    const out: Leg[] = [];
    for (const leg of read) {
      // Another asset's options are left alone: the price is this asset's forward, and the
      // core drops them anyway.
      if (only !== null && (leg.asset === null || !sameAsset(leg.asset, only))) {
        out.push(leg);
        continue;
      }
      const delta = optionLegDelta(leg, grid[leg.row as number], layout, forward, now);
      if (isDomainError(delta)) return delta;
      out.push(delta === null ? leg : { ...leg, instrument: "option", delta });
    }
    return out;
  });
}
