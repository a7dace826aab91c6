/**
 * Reading a legs table (a worksheet range) into the core's legs.
 *
 * With a header row, columns are found by name in any order (case, spaces, "_" and "-" ignored;
 * synonyms below); unknown columns (Entry, Exchange, Notes…) are ignored. Without one, a single
 * column or row is read as signed quantities. Rows blank in every recognised column are skipped,
 * so a table can have empty rows at the bottom waiting for new legs.
 */
import { Instrument, Leg } from "../core/delta";
import { invalid, isDomainError, missing, Result } from "../core/errors";
import { cellNum, describe, Grid, isBlank, isNumericText, readSide, toGrid, wordIn } from "./cells";

type Field = "asset" | "instrument" | "side" | "quantity" | "contractSize" | "inverse" | "delta";

/** Header synonyms, normalised (lower case, no spaces, "_", "-" or "."). */
const HEADERS: Record<string, Field> = {
  asset: "asset",
  symbol: "asset",
  coin: "asset",
  instrument: "instrument",
  type: "instrument",
  side: "side",
  direction: "side",
  quantity: "quantity",
  qty: "quantity",
  size: "quantity",
  amount: "quantity",
  contractsize: "contractSize",
  multiplier: "contractSize",
  inverse: "inverse",
  settlement: "inverse",
  delta: "delta",
};

const FIELD_TITLES: Record<Field, string> = {
  asset: "Asset",
  instrument: "Instrument",
  side: "Side",
  quantity: "Quantity",
  contractSize: "Contract size",
  inverse: "Inverse",
  delta: "Delta",
};

const INSTRUMENTS: Record<string, Instrument> = {
  spot: "spot",
  perp: "perp",
  perps: "perp",
  perpetual: "perp",
  perpetuals: "perp",
  swap: "perp",
  perpetualswap: "perp",
  future: "future",
  futures: "future",
  option: "option",
  options: "option",
};

const INVERSE_WORDS: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  inverse: true,
  false: false,
  no: false,
  n: false,
  linear: false,
};

export const normalise = (s: string): string => s.toLowerCase().replace(/[\s_.-]+/g, "");

type Columns = Partial<Record<Field, number>>;

/** The legs of a table, or the first problem found in it. */
export function readLegs(value: unknown): Result<Leg[]> {
  const grid = toGrid("legs", value);
  if (isDomainError(grid)) return grid;
  const header = readHeader(grid[0]);
  if (isDomainError(header)) return header;
  if (header === null) return readQuantityList(grid);
  const legs: Leg[] = [];
  const layout = layoutOf(header);
  for (let r = 1; r < grid.length; r++) {
    const leg = readRow(grid[r], layout, r);
    if (isDomainError(leg)) return leg;
    if (leg !== null) legs.push(leg);
  }
  return legs;
}

/** Header rows seen before (tables are re-read on every recalculation). */
const headerRows = new Map<string, Result<Columns | null>>();

/** The header row's columns, null when the first row is data. */
function readHeader(first: readonly unknown[]): Result<Columns | null> {
  if (!first.every((v) => typeof v === "string")) return parseHeader(first);
  const key = first.join("\u0000");
  let known = headerRows.get(key);
  if (known === undefined) {
    if (headerRows.size > 256) headerRows.clear();
    known = parseHeader(first);
    headerRows.set(key, known);
  }
  return known;
}

function parseHeader(first: readonly unknown[]): Result<Columns | null> {
  const filled = first.filter((v) => !isBlank(v));
  const isText = (v: unknown) => typeof v === "string" && !isNumericText(v);
  if (filled.length === 0 || !filled.every(isText)) return null;
  const columns: Columns = {};
  first.forEach((v, c) => {
    if (isBlank(v)) return;
    const field = wordIn(HEADERS, normalise(String(v)));
    if (field === undefined) return;
    if (columns[field] !== undefined) {
      columns[field] = -1; // marked ambiguous, reported below
    } else {
      columns[field] = c;
    }
  });
  const ambiguous = (Object.keys(columns) as Field[]).find((f) => columns[f] === -1);
  if (ambiguous) {
    return invalid(`legs has two ${FIELD_TITLES[ambiguous]} columns: keep one so each leg has one value`);
  }
  if (columns.quantity === undefined) {
    const found = filled.map((v) => `"${String(v).trim()}"`).join(", ");
    return invalid(
      `legs has no Quantity column (headers found: ${found}); name one Quantity, Qty, Size or Amount, ` +
        `or give a single column of signed quantities without a header`,
    );
  }
  return columns;
}

/** No header row: one column (or one row) of signed quantities. */
function readQuantityList(grid: Grid): Result<Leg[]> {
  const rows = grid.length;
  const cols = grid[0].length;
  if (rows > 1 && cols > 1) {
    return invalid(
      `legs is a ${rows}×${cols} range without a header row: put headers (Quantity, Side, Instrument…) ` +
        `in its first row, or give a single column of signed quantities`,
    );
  }
  const legs: Leg[] = [];
  const cells = cols === 1 ? grid.map((row) => row[0]) : grid[0];
  for (let i = 0; i < cells.length; i++) {
    if (isBlank(cells[i])) continue;
    const label = `legs ${cols === 1 ? "row" : "column"} ${i + 1}`;
    const quantity = cellNum(label, cells[i]);
    if (isDomainError(quantity)) return quantity;
    legs.push({ label, asset: null, instrument: null, quantity, contractSize: 1, inverse: false, delta: null });
  }
  return legs;
}

/** Where each field is in a row (−1: no such column), worked out once per table. */
interface Layout {
  asset: number;
  instrument: number;
  side: number;
  quantity: number;
  contractSize: number;
  inverse: number;
  delta: number;
  /** Every recognised column, for the blank-row test. */
  used: number[];
}

function layoutOf(columns: Columns): Layout {
  const at = (f: Field) => columns[f] ?? -1;
  return {
    asset: at("asset"),
    instrument: at("instrument"),
    side: at("side"),
    quantity: at("quantity"),
    contractSize: at("contractSize"),
    inverse: at("inverse"),
    delta: at("delta"),
    used: Object.values(columns) as number[],
  };
}

/** "legs row 3, Quantity": built only when a message needs it. */
const placeOf = (label: string, f: Field) => `${label}, ${FIELD_TITLES[f]}`;

function readRow(row: readonly unknown[], layout: Layout, r: number): Result<Leg | null> {
  let blank = true;
  for (const i of layout.used) if (!isBlank(row[i])) blank = false;
  if (blank) return null;
  const label = `legs row ${r + 1}`;
  const cell = (i: number): unknown => (i < 0 ? null : row[i]);
  const where = (f: Field) => placeOf(label, f);
  const number = (f: Field, v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : cellNum(placeOf(label, f), v));

  const q = cell(layout.quantity);
  if (isBlank(q)) return missing(`${where("quantity")} is blank: give the leg's size`);
  let quantity = number("quantity", q);
  if (isDomainError(quantity)) return quantity;

  const sideCell = cell(layout.side);
  const side = sideCell === "long" ? 1 : sideCell === "short" ? -1 : readSide(where("side"), sideCell);
  if (isDomainError(side)) return side;
  if (side !== null) {
    if (typeof quantity === "number" ? quantity < 0 : quantity.isNegative() && !quantity.isZero()) {
      return invalid(
        `${where("quantity")} is ${quantity.toString()} while Side is given: with a Side the quantity must be 0 or ` +
          `more (a sign and a side are ambiguous); or leave Side blank and sign the quantity`,
      );
    }
    quantity = typeof quantity === "number" ? (side === 1 ? quantity : -quantity) : quantity.times(side);
  }

  const instrument = readInstrument(() => where("instrument"), cell(layout.instrument));
  if (isDomainError(instrument)) return instrument;
  const cs = cell(layout.contractSize);
  const contractSize = isBlank(cs) ? 1 : number("contractSize", cs);
  if (isDomainError(contractSize)) return contractSize;
  const inverse = readInverse(() => where("inverse"), cell(layout.inverse));
  if (isDomainError(inverse)) return inverse;
  const d = cell(layout.delta);
  const delta = isBlank(d) ? null : number("delta", d);
  if (isDomainError(delta)) return delta;
  const assetCell = cell(layout.asset);
  const asset = isBlank(assetCell) ? null : typeof assetCell === "string" ? assetCell.trim() : String(assetCell);

  return { label, asset, instrument, quantity, contractSize, inverse, delta, row: r };
}

function readInstrument(where: () => string, v: unknown): Result<Instrument | null> {
  if (isBlank(v)) return null;
  const instrument = typeof v === "string" ? (wordIn(INSTRUMENTS, v) ?? wordIn(INSTRUMENTS, normalise(v))) : undefined;
  return instrument ?? invalid(`${where()} must be spot, perp (perpetual, swap), future or option (got ${describe(v)})`);
}

function readInverse(where: () => string, v: unknown): Result<boolean> {
  if (isBlank(v)) return false;
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  const word = typeof v === "string" ? wordIn(INVERSE_WORDS, v.trim().toLowerCase()) : undefined;
  return word ?? invalid(`${where()} must be TRUE/FALSE, yes/no, inverse/linear or 1/0 (got ${describe(v)})`);
}
