/**
 * Reading Excel arguments: what arrives from a cell, a literal or a range, turned into the
 * core's decimals and choices, or into a DomainError naming the argument and the value.
 *
 * What Excel passes: numbers as doubles, text as strings, TRUE/FALSE as booleans; an omitted
 * optional argument as null; a blank cell as null or "" (inside a range, ""); a range as a 2D
 * array of rows. The HyperFormula preview passes the same shapes.
 */
import { Side } from "../core/contracts";
import { Dec, fromDouble } from "../core/decimal";
import { DomainError, invalid, missing, Result } from "../core/errors";

/** A 2D array as Excel passes a range: rows of cells. */
export type Grid = readonly (readonly unknown[])[];

/** Blank: nothing, an empty string, or only spaces (a stray space is not data). */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const MAX_SHOWN = 40;

/** How a value is quoted in a message: 5, "abc", TRUE, a blank cell, a 3×2 range. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return "a blank cell";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") {
    if (v.trim() === "") return "a blank cell";
    const shown = v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v;
    return `text "${shown}"`;
  }
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = Array.isArray(v[0]) ? v[0].length : 0;
    return `a ${rows}×${cols} range`;
  }
  // A data type (Stocks, Currencies, an entity) reaches a function as an object only where
  // functions.json allows custom data; ours does not, but a clear message costs little.
  if (typeof v === "object" && "type" in v) return `a ${v.type} data type: refer to one of its fields, e.g. =A1.Price`;
  return "an unsupported value";
}

// A plain decimal literal, as Excel's VALUE() reads one: no thousands separators, no percent.
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Text that reads as a number ("0.0003", " 1e5 "). */
export function isNumericText(v: unknown): boolean {
  return typeof v === "string" && DECIMAL_TEXT.test(v.trim());
}

/**
 * One cell's number. Numeric text ("0.0003") counts, as it does in Excel arithmetic; booleans
 * do not (TRUE as a price is always a mistake). `where` names the argument or cell.
 */
export function cellNumber(where: string, v: unknown): Result<Dec> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return invalid(`${where} must be a finite number (got ${String(v)})`);
    return fromDouble(v);
  }
  if (isBlank(v)) return missing(`${where} is required (got a blank cell)`);
  if (typeof v === "string" && DECIMAL_TEXT.test(v.trim())) {
    // Text can spell a number beyond any double ("1e99999999999999999"): refuse it like Infinity.
    const d = new Dec(v.trim());
    return d.isFinite() && Math.abs(d.toNumber()) <= Number.MAX_VALUE
      ? d
      : invalid(`${where} must be a finite number (got ${describe(v)})`);
  }
  return invalid(`${where} must be a number (got ${describe(v)})`);
}

/**
 * One cell's number as the cell holds it: a finite double stays a double (the fast path reads
 * it; the decimal path converts it as typed), numeric text becomes an exact decimal.
 */
export function cellNum(where: string, v: unknown): Result<number | Dec> {
  if (typeof v === "number") return Number.isFinite(v) ? v : invalid(`${where} must be a finite number (got ${String(v)})`);
  return cellNumber(where, v);
}

/**
 * A scalar argument's value: a 1×1 range is its one cell; a larger range is an error for an
 * argument that takes a single value.
 */
export function single(name: string, v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
  return invalid(`${name} takes a single value (got ${describe(v)})`);
}

/** A required single number, kept as the cell's double when it is one (see cellNum). */
export function requiredNum(name: string, v: unknown): Result<number | Dec> {
  const one = single(name, v);
  return one instanceof DomainError ? one : cellNum(name, one);
}

/** An optional number: omitted (null) or blank gives `fallback`. */
export function optionalNumber<F extends Dec | null>(name: string, v: unknown, fallback: F): Result<Dec | F> {
  const one = single(name, v);
  if (one instanceof DomainError) return one;
  return isBlank(one) ? fallback : cellNumber(name, one);
}

/** Optional text, trimmed; omitted or blank gives null. */
export function optionalText(name: string, v: unknown): Result<string | null> {
  const one = single(name, v);
  if (one instanceof DomainError) return one;
  if (isBlank(one)) return null;
  if (typeof one === "string") return one.trim();
  return invalid(`${name} must be text (got ${describe(one)})`);
}

/** One of a fixed set of words, case-insensitive; omitted or blank gives `fallback`. */
export function optionalChoice<T extends string>(name: string, v: unknown, allowed: readonly T[], fallback: T): Result<T> {
  const one = single(name, v);
  if (one instanceof DomainError) return one;
  if (isBlank(one)) return fallback;
  const found = typeof one === "string" ? allowed.find((a) => a === one.trim().toLowerCase()) : undefined;
  return found ?? invalid(`${name} must be one of ${quoteList(allowed)} (got ${describe(one)})`);
}

const quoteList = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(", ");

/**
 * A range argument as a rectangular, non-empty grid; a single value becomes a 1×1 grid.
 */
export function toGrid(name: string, v: unknown): Result<Grid> {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0 || !v.every((row) => Array.isArray(row))) {
    return invalid(`${name} must be a range of cells (got an empty or malformed array)`);
  }
  const width = (v[0] as unknown[]).length;
  if (width === 0 || !v.every((row: unknown[]) => row.length === width)) {
    return invalid(`${name} must be a rectangular range (got rows of different lengths)`);
  }
  return v as Grid;
}

/**
 * An optional argument that may be a range: omitted, or blank cells in it, take `fallback`,
 * keeping the shape for broadcasting.
 */
export function withDefault(value: unknown, fallback: number): unknown {
  if (!Array.isArray(value)) return isBlank(value) ? fallback : value;
  return value.map((row: unknown) => (Array.isArray(row) ? row.map((v) => (isBlank(v) ? fallback : v)) : row));
}

/**
 * A word's entry in a fixed table, or undefined. Own keys only: "constructor" or "__proto__"
 * typed in a cell must not find Object.prototype's members.
 */
export function wordIn<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, word) ? table[word] : undefined;
}

const SIDES: Record<string, Side> = { long: 1, buy: 1, short: -1, sell: -1 };

/** long/buy → +1, short/sell → −1 (or the numbers 1 / −1); blank → null. */
export function readSide(where: string, v: unknown): Result<Side | null> {
  if (isBlank(v)) return null;
  if (v === 1 || v === -1) return v;
  const side = typeof v === "string" ? wordIn(SIDES, v.trim().toLowerCase()) : undefined;
  return side ?? invalid(`${where} must be long, buy, short, sell, 1 or -1 (got ${describe(v)})`);
}

/** A required side argument. */
export function requiredSide(name: string, v: unknown): Result<Side> {
  const one = single(name, v);
  if (one instanceof DomainError) return one;
  const side = readSide(name, one);
  if (side === null) return missing(`${name} is required (got a blank cell): give long, short, buy, sell, 1 or -1`);
  return side;
}
