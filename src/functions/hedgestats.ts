/**
 * LEGS.HEDGESTATS(spot_prices, hedge_prices, [returns]): how well a hedge tracked the spot over
 * a window of prices, spilled as a two-column table (label, value) under a header row; the
 * statistics are src/core/hedge-stats.ts's.
 *
 * The two ranges are one column or one row each, with the same number of cells, paired item by
 * item (a column against a row is fine). Rows blank in both are skipped (room at the end of a
 * pasted column; a period then runs from the previous filled row); a row with one leg blank is
 * #N/A naming the row. Cells are read once into Float64Arrays: a window of 100,000 prices costs
 * no per-cell allocation.
 */
import { hedgeStats, RETURN_MODES } from "../core/hedge-stats";
import { DomainError, invalid, isDomainError, missing, Result } from "../core/errors";
import { cellNumber, describe, isBlank, optionalChoice } from "./cells";
import { Answer } from "./spill";

/** The spilled table's first column, in order (the header row first). */
export const HEDGE_STATS_LABELS = [
  "Statistic",
  "Periods",
  "Correlation",
  "Hedge ratio h* (price changes)",
  "Hedge ratio (returns)",
  "Effectiveness R²",
  "Spot volatility",
  "Hedge volatility",
  "Hedged volatility",
  "Largest divergence",
  "Largest divergence at row",
] as const;

/**
 * A one-column or one-row range, or a single value, read in place: cell i is data[i] of a row
 * (or of a single value's one-cell list), data[i][0] of a column. Checked here only as far as
 * its first row; the loop that reads the cells checks each row of a column (toGrid would walk
 * every row twice more).
 */
interface Vector {
  name: string;
  column: boolean;
  data: readonly unknown[];
  length: number;
}

function vector(name: string, v: unknown): Result<Vector> {
  if (!Array.isArray(v)) return { name, column: false, data: [v], length: 1 };
  const first: unknown = v[0];
  if (v.length === 0 || !Array.isArray(first) || first.length === 0) {
    return invalid(`${name} must be a range of cells (got an empty or malformed array)`);
  }
  if (v.length === 1) return { name, column: false, data: first, length: first.length };
  if (first.length !== 1) return invalid(`${name} must be one column or one row of prices (got ${describe(v)})`);
  return { name, column: true, data: v, length: v.length };
}

/** A column's row as its one cell; RAGGED for anything else (toGrid's "rows of different lengths"). */
const RAGGED = Symbol("ragged");
const onlyCell = (row: unknown): unknown => (Array.isArray(row) && row.length === 1 ? (row[0] as unknown) : RAGGED);

/** A price cell that is not a plain positive double: numeric text, or the error naming it. */
function slowPrice(name: string, item: number, v: unknown): Result<number> {
  const where = `${name} (item ${item})`;
  const d = cellNumber(where, v);
  if (isDomainError(d)) return d;
  const x = d.toNumber();
  return x > 0 ? x : invalid(`${where} must be a price greater than 0 (got ${describe(v)})`);
}

/**
 * Row i when it is not two plain positive doubles: false when blank in both legs (skipped), true
 * when its prices (numeric text) went into spot[k], hedge[k], else the error naming it.
 */
function slowPair(a: unknown, b: unknown, i: number, spot: Float64Array, hedge: Float64Array, k: number): Result<boolean> {
  if (a === RAGGED) return ragged("spot_prices");
  if (b === RAGGED) return ragged("hedge_prices");
  const blankA = isBlank(a);
  const blankB = isBlank(b);
  if (blankA && blankB) return false;
  if (blankA) return bothLegs("spot_prices", "hedge_prices", i + 1, b);
  if (blankB) return bothLegs("hedge_prices", "spot_prices", i + 1, a);
  const x = slowPrice("spot_prices", i + 1, a);
  if (isDomainError(x)) return x;
  const y = slowPrice("hedge_prices", i + 1, b);
  if (isDomainError(y)) return y;
  spot[k] = x;
  hedge[k] = y;
  return true;
}

const ragged = (name: string): DomainError => invalid(`${name} must be a rectangular range (got rows of different lengths)`);

/** Cell i of a vector (RAGGED for a column's row that is not one cell). */
const cellOf = (v: Vector, i: number): unknown => (v.column ? onlyCell(v.data[i]) : v.data[i]);

/**
 * The pairs of prices into spot and hedge; the number of pairs, or the first error. Each loop is
 * its own small function, with anything but two plain prices handled out of line, so that it
 * compiles tight: two columns (the usual case) read row by row, anything else cell by cell.
 */
function readPairs(sv: Vector, hv: Vector, spot: Float64Array, hedge: Float64Array): Result<number> {
  return sv.column && hv.column ? readColumns(sv.data, hv.data, spot, hedge) : readCells(sv, hv, spot, hedge);
}

function readColumns(sd: readonly unknown[], hd: readonly unknown[], spot: Float64Array, hedge: Float64Array): Result<number> {
  const len = spot.length;
  let k = 0;
  for (let i = 0; i < len; i++) {
    const ra = sd[i];
    const rb = hd[i];
    if (Array.isArray(ra) && Array.isArray(rb) && ra.length === 1 && rb.length === 1) {
      const a: unknown = ra[0];
      const b: unknown = rb[0];
      if (typeof a === "number" && typeof b === "number" && a > 0 && b > 0 && a < Infinity && b < Infinity) {
        spot[k] = a;
        hedge[k++] = b;
        continue;
      }
    }
    const kept = slowPair(onlyCell(ra), onlyCell(rb), i, spot, hedge, k);
    if (kept === true) k++;
    else if (kept !== false) return kept;
  }
  return k;
}

function readCells(sv: Vector, hv: Vector, spot: Float64Array, hedge: Float64Array): Result<number> {
  const len = spot.length;
  let k = 0;
  for (let i = 0; i < len; i++) {
    const a = cellOf(sv, i);
    const b = cellOf(hv, i);
    if (typeof a === "number" && typeof b === "number" && a > 0 && b > 0 && a < Infinity && b < Infinity) {
      spot[k] = a;
      hedge[k++] = b;
      continue;
    }
    const kept = slowPair(a, b, i, spot, hedge, k);
    if (kept === true) k++;
    else if (kept !== false) return kept;
  }
  return k;
}

/**
 * The row (1-based item of the ranges, blank rows counted) of the p-th pair read (0-based): p + 1
 * when no row was skipped, else found by counting the rows that are not blank in both legs.
 */
function rowOfPair(sv: Vector, hv: Vector, p: number, pairs: number): number {
  if (pairs === sv.length) return p + 1;
  let seen = -1;
  for (let i = 0; i < sv.length; i++) {
    if (isBlank(cellOf(sv, i)) && isBlank(cellOf(hv, i))) continue;
    if (++seen === p) return i + 1;
  }
  return p + 1; // not reached: p < pairs
}

export function hedgeStatsOf(spotPrices: unknown, hedgePrices: unknown, returns: unknown): Answer {
  const mode = optionalChoice("returns", returns, RETURN_MODES, "simple");
  if (isDomainError(mode)) return mode;
  const sv = vector("spot_prices", spotPrices);
  if (isDomainError(sv)) return sv;
  const hv = vector("hedge_prices", hedgePrices);
  if (isDomainError(hv)) return hv;
  const len = sv.length;
  if (hv.length !== len) {
    return invalid(
      `spot_prices is ${shape(spotPrices)} but hedge_prices is ${shape(hedgePrices)}: give one hedge price for each spot price`,
    );
  }
  const spot = new Float64Array(len);
  const hedge = new Float64Array(len);
  const k = readPairs(sv, hv, spot, hedge);
  if (isDomainError(k)) return k;
  const st = hedgeStats(spot, hedge, mode, k);
  if (isDomainError(st)) return st;
  const values: (number | DomainError)[] = [
    st.periods,
    st.correlation,
    st.hedgeRatioChanges,
    st.hedgeRatioReturns,
    st.effectiveness,
    st.spotVolatility,
    st.hedgeVolatility,
    st.hedgedVolatility,
    st.largestDivergence,
    // Period p runs from pair p to pair p + 1: its row is the later price's.
    rowOfPair(sv, hv, st.largestDivergenceAt + 1, k),
  ];
  const out: (number | string | DomainError)[][] = [["Statistic", "Value"]];
  for (let i = 0; i < values.length; i++) out.push([HEDGE_STATS_LABELS[i + 1], values[i]]);
  return out;
}

/** A range as messages describe it (a single value as a 1×1 range). */
const shape = (v: unknown): string => (Array.isArray(v) ? describe(v) : "a 1×1 range");

const bothLegs = (blank: string, other: string, row: number, v: unknown): DomainError =>
  missing(`${blank} is blank at row ${row} where ${other} has ${describe(v)}: a window needs both legs`);
