/**
 * LEGS.OPTIONPRICE, OPTIONDELTA, OPTIONGREEKS and IMPLIEDVOL: Black-76 (src/core/black76.ts)
 * over Excel arguments. Every argument may be a range and broadcasts as in the other functions (a
 * column of strikes against a row of expiries is a whole price or volatility surface), the type
 * and settlement included, so one formula can run down a table of mixed calls and puts. This is
 * double math (the normal CDF is transcendental): cells are read as doubles, numeric text too.
 */
import { GREEK_NAMES, Greeks, impliedVol, optionDelta, optionGreeks, optionPrice, OptionType, Settlement } from "../core/black76";
import { DomainError, invalid, isDomainError, missing, Result } from "../core/errors";
import { cellNum, describe, isBlank, wordIn } from "./cells";
import { Answer, broadcastShape, cellAt, SpillArg } from "./spill";

const TYPE_WORDS: Record<string, OptionType> = { call: "call", c: "call", put: "put", p: "put" };
const SETTLEMENT_WORDS: Record<string, Settlement> = { linear: "linear", inverse: "inverse" };

/** The option type a cell names (call/put, also c/p, any case), or null. */
export function optionTypeOf(v: unknown): OptionType | null {
  if (v === "call" || v === "put") return v;
  return (typeof v === "string" && wordIn(TYPE_WORDS, v.trim().toLowerCase())) || null;
}

/** call/put, also c/p, any case; required. */
export function readOptionType(where: string, v: unknown): Result<OptionType> {
  const t = optionTypeOf(v);
  if (t) return t;
  if (isBlank(v)) return missing(`${where} is required (got a blank cell): give "call" or "put"`);
  return invalid(`${where} must be "call", "put", "c" or "p" (got ${describe(v)})`);
}

/** linear (default when blank) or inverse. */
function readSettlement(v: unknown): Result<Settlement> {
  if (v === "inverse" || v === "linear") return v;
  if (isBlank(v)) return "linear";
  const s = typeof v === "string" ? wordIn(SETTLEMENT_WORDS, v.trim().toLowerCase()) : undefined;
  return s ?? invalid(`settlement must be "linear" (premium in quote currency) or "inverse" (coin-settled) (got ${describe(v)})`);
}

/** A cell's double: a number as it is, numeric text read as a number; blank is #N/A. */
export function readDouble(name: string, v: unknown): Result<number> {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const x = cellNum(name, v);
  return isDomainError(x) ? x : typeof x === "number" ? x : x.toNumber();
}

/** The seven arguments of one option, read from the cells at one point of the broadcast. */
interface OptionInputs {
  type: OptionType;
  forward: number;
  strike: number;
  days: number;
  /** vol for the pricing functions, price for IMPLIEDVOL. */
  fifth: number;
  rate: number;
  settlement: Settlement;
}

function readInputs(fifth: string, cells: readonly unknown[]): Result<OptionInputs> {
  const type = readOptionType("type", cells[0]);
  if (isDomainError(type)) return type;
  const forward = readDouble("forward", cells[1]);
  if (isDomainError(forward)) return forward;
  const strike = readDouble("strike", cells[2]);
  if (isDomainError(strike)) return strike;
  const days = readDouble("days", cells[3]);
  if (isDomainError(days)) return days;
  const five = readDouble(fifth, cells[4]);
  if (isDomainError(five)) return five;
  const rate = isBlank(cells[5]) ? 0 : readDouble("rate", cells[5]);
  if (isDomainError(rate)) return rate;
  const settlement = readSettlement(cells[6]);
  if (isDomainError(settlement)) return settlement;
  return { type, forward, strike, days, fifth: five, rate, settlement };
}

const NAMES = ["type", "forward", "strike", "days", "", "rate", "settlement"];

/**
 * `compute` at every point of the broadcast of the seven arguments (`at`), with the shape and the
 * names of the arguments given as ranges; a point whose inputs are bad answers its own error.
 */
function perOption<T>(
  fifth: string,
  values: readonly unknown[],
  compute: (o: OptionInputs) => Result<T>,
): Result<{ rows: number; cols: number; ranges: string[]; at: (r: number, c: number) => Result<T> }> {
  const args: SpillArg[] = NAMES.map((name, i) => ({ name: name || fifth, value: values[i] }));
  const shape = broadcastShape(args);
  if (isDomainError(shape)) return shape;
  const { grids, rows, cols } = shape;
  const cells: unknown[] = new Array(grids.length);
  const at = (r: number, c: number): Result<T> => {
    for (let i = 0; i < grids.length; i++) cells[i] = cellAt(grids[i], r, c);
    return single(fifth, cells, compute);
  };
  const ranges = args.filter((_, i) => grids[i].length > 1 || grids[i][0].length > 1).map((a) => a.name);
  return { rows, cols, ranges, at };
}

/**
 * The seven cells when every argument is a single cell (or a 1×1 range), else null: the common
 * formula over single values skips the broadcasting.
 */
function singleCells(values: readonly unknown[]): unknown[] | null {
  const cells: unknown[] = new Array(NAMES.length);
  for (let i = 0; i < NAMES.length; i++) {
    const v = values[i];
    if (!Array.isArray(v)) cells[i] = v;
    else if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) cells[i] = v[0][0];
    else return null;
  }
  return cells;
}

/** One option from single cells. */
function single<T>(fifth: string, cells: readonly unknown[], compute: (o: OptionInputs) => Result<T>): Result<T> {
  const o = readInputs(fifth, cells);
  return isDomainError(o) ? o : compute(o);
}

/** One number per option, in the broadcast's shape. */
function scalarPerOption(fifth: string, values: readonly unknown[], compute: (o: OptionInputs) => Result<number>): Answer {
  const cells = singleCells(values);
  if (cells) return single(fifth, cells, compute);
  const each = perOption(fifth, values, compute);
  if (isDomainError(each)) return each;
  const out: (number | DomainError)[][] = [];
  for (let r = 0; r < each.rows; r++) {
    const row: (number | DomainError)[] = [];
    for (let c = 0; c < each.cols; c++) row.push(each.at(r, c));
    out.push(row);
  }
  return out;
}

/** LEGS.OPTIONPRICE: the premium, in the settlement currency (coin when inverse). */
export function optionPriceOf(...values: unknown[]): Answer {
  return scalarPerOption("vol", values, (o) => optionPrice(o.type, o.forward, o.strike, o.days, o.fifth, o.rate, o.settlement));
}

/** LEGS.OPTIONDELTA: coins per option; premium-adjusted when inverse. */
export function optionDeltaOf(...values: unknown[]): Answer {
  return scalarPerOption("vol", values, (o) => optionDelta(o.type, o.forward, o.strike, o.days, o.fifth, o.rate, o.settlement));
}

/** LEGS.IMPLIEDVOL: the volatility that gives the price (coin when inverse). */
export function impliedVolOf(...values: unknown[]): Answer {
  return scalarPerOption("price", values, (o) => impliedVol(o.type, o.forward, o.strike, o.days, o.fifth, o.rate, o.settlement));
}

/**
 * LEGS.OPTIONGREEKS: price, delta, gamma, vega, theta. One option is one row of five; a column
 * of options spills a row each, a row of options a column each (the greeks down, each under its
 * option). A two-dimensional surface of options has no room for five numbers a point: #VALUE!.
 */
export function optionGreeksOf(...values: unknown[]): Answer {
  const compute = (o: OptionInputs) => optionGreeks(o.type, o.forward, o.strike, o.days, o.fifth, o.rate, o.settlement);
  const cells = singleCells(values);
  if (cells) {
    const g = single("vol", cells, compute);
    return isDomainError(g) ? g : [[g.price, g.delta, g.gamma, g.vega, g.theta]];
  }
  const each = perOption("vol", values, compute);
  if (isDomainError(each)) return each;
  const { rows, cols } = each;
  if (rows > 1 && cols > 1) {
    return invalid(
      `${each.ranges.join(", ")} make a ${rows}×${cols} grid of options, but OPTIONGREEKS spills five numbers per option: ` +
        `give a single row or column of options (OPTIONPRICE and OPTIONDELTA take a surface)`,
    );
  }
  const asRow = (g: Result<Greeks>): (number | DomainError)[] => GREEK_NAMES.map((name) => (isDomainError(g) ? g : g[name]));
  if (cols === 1) {
    return Array.from({ length: rows }, (_, r) => asRow(each.at(r, 0)));
  }
  const columns = Array.from({ length: cols }, (_, c) => asRow(each.at(0, c)));
  return GREEK_NAMES.map((_, k) => columns.map((column) => column[k]));
}
