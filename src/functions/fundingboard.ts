/**
 * LEGS.FUNDINGBOARD's arguments and cells: which symbols, which venues, over what horizon; and
 * the table from each venue's current rate and interval. Host-neutral and without I/O; it is
 * bundled into live.js with the service that fetches the rates (functions.js only forwards the
 * raw arguments), so the functions bundle stays within its size budget.
 */
import { Dec, fromDouble } from "../core/decimal";
import { DomainError, invalid, isDomainError, missing, Result } from "../core/errors";
import { bestPair, HOURS_PER_YEAR, rateOver } from "../core/funding-board";
import { EXCHANGES, Exchange } from "../live/exchange-names";
import { parseSymbol } from "../live/symbols";
import { describe, isBlank, single, toGrid, wordIn } from "./cells";
import { finish } from "./spill";

/** A watchlist longer than this is almost always a whole column selected by mistake. */
export const MAX_BOARD_SYMBOLS = 500;

export interface BoardRequest {
  /** The user's symbols in order, trimmed; null for a blank cell (its row stays, blank). */
  symbols: (string | null)[];
  venues: Exchange[];
  horizonHours: Dec;
  /** "8h", "1h", "24h", "APR": how the columns are labelled. */
  horizonLabel: string;
}

/** One venue's answer for one symbol: its rate and interval, not listed (null), or why it is missing. */
export type BoardQuote = { rate: number; intervalHours: number } | null | string;

export type BoardCell = string | number | DomainError;

const DEFAULT_HORIZON = new Dec(8);
const YEAR_WORDS: Readonly<Record<string, true>> = { year: true, annual: true, apr: true, "1y": true };

function readSymbols(v: unknown): Result<(string | null)[]> {
  const grid = toGrid("symbols", v);
  if (isDomainError(grid)) return grid;
  if (grid.length > 1 && grid[0].length > 1) return invalid(`symbols must be one row or one column (got ${describe(grid)})`);
  const cells = grid.flat();
  if (cells.length > MAX_BOARD_SYMBOLS)
    return invalid(`symbols may hold at most ${MAX_BOARD_SYMBOLS} cells (got ${cells.length})`);
  const out: (string | null)[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (isBlank(c)) out.push(null);
    else if (typeof c === "string") out.push(c.trim());
    else return invalid(`symbols item ${i + 1} must be text such as "BTC" or "ETHUSDT" (got ${describe(c)})`);
  }
  if (out.every((s) => s === null)) return missing("symbols is required (got only blank cells): e.g. BTC, ETH, SOL");
  return out;
}

/** Omitted: every venue. Else venue names, one a cell or comma-separated ("binance, okx"). */
function readVenues(v: unknown): Result<Exchange[]> {
  if (v === null || v === undefined) return [...EXCHANGES];
  const grid = toGrid("exchanges", v);
  if (isDomainError(grid)) return grid;
  const venues: Exchange[] = [];
  for (const c of grid.flat()) {
    if (isBlank(c)) continue;
    if (typeof c !== "string") return invalid(`exchanges must be names such as "binance" (got ${describe(c)})`);
    for (const word of c.split(",")) {
      const name = word.trim().toLowerCase();
      if (name === "") continue;
      const venue = EXCHANGES.find((e) => e === name);
      if (!venue)
        return invalid(`exchanges must name venues among ${EXCHANGES.map((e) => `"${e}"`).join(", ")} (got "${word.trim()}")`);
      if (venues.includes(venue)) return invalid(`exchanges names "${venue}" twice`);
      venues.push(venue);
    }
  }
  return venues.length > 0 ? venues : [...EXCHANGES];
}

/** Hours (a number, or "8h", "1d", "7d"), or a year ("year", "APR"): the period every rate is restated over. */
function readHorizon(v: unknown): Result<{ hours: Dec; label: string }> {
  const h = single("horizon", v);
  if (isDomainError(h)) return h;
  if (isBlank(h)) return { hours: DEFAULT_HORIZON, label: "8h" };
  const allowed = `hours (e.g. 8 or "8h"), days ("1d", "7d") or "year"`;
  let hours: Dec | null = null;
  if (typeof h === "number" && Number.isFinite(h)) hours = fromDouble(h);
  else if (typeof h === "string") {
    const word = h.trim().toLowerCase();
    if (wordIn(YEAR_WORDS, word)) return { hours: HOURS_PER_YEAR, label: "APR" };
    const m = /^(\d+(?:\.\d+)?)\s*(h|d)$/.exec(word);
    if (m) hours = new Dec(m[1]).times(m[2] === "d" ? 24 : 1);
  }
  if (hours === null) return invalid(`horizon must be ${allowed} (got ${describe(h)})`);
  if (!hours.gt(0) || hours.gt(HOURS_PER_YEAR))
    return invalid(`horizon must be more than 0 hours and at most a year, 8760 (got ${hours.toString()} hours)`);
  return { hours, label: hours.eq(HOURS_PER_YEAR) ? "APR" : `${hours.toString()}h` };
}

export function readBoardRequest(symbols: unknown, exchanges: unknown, horizon: unknown): Result<BoardRequest> {
  const s = readSymbols(symbols);
  if (isDomainError(s)) return s;
  const v = readVenues(exchanges);
  if (isDomainError(v)) return v;
  const h = readHorizon(horizon);
  if (isDomainError(h)) return h;
  return { symbols: s, venues: v, horizonHours: h.hours, horizonLabel: h.label };
}

/** Whether the service should ask venues about this symbol at all (it reads as a perpetual). */
export const isSymbol = (s: string): boolean => parseSymbol(s) !== null;

export function boardHeader(req: BoardRequest): string[] {
  const l = req.horizonLabel;
  // Over a year the spread is its own APR: the column says so once, not twice.
  const spread = l === "APR" ? "Spread (year)" : `Spread ${l}`;
  return ["Symbol", ...req.venues.map((v) => `${v} ${l}`), "Best short", "Best long", spread, "Spread APR"];
}

/** One symbol's row: the rates over the horizon per venue, the best pair, its spread and APR. */
function boardRow(req: BoardRequest, symbol: string | null, quotes: readonly BoardQuote[]): BoardCell[] {
  const width = req.venues.length + 5;
  if (symbol === null) return new Array<BoardCell>(width).fill("");
  if (!isSymbol(symbol)) {
    const e = invalid(`${describe(symbol)} is not a perpetual's symbol: use a form like BTC, BTCUSDT or BTC-USDT`);
    return [symbol, ...req.venues.map(() => e), "", "", "", ""];
  }
  const rates: (Dec | null)[] = [];
  const venueCells: BoardCell[] = quotes.map((q, v) => {
    if (q === null || typeof q === "string") {
      rates.push(null);
      return q === null ? "" : missing(q);
    }
    const r = rateOver(fromDouble(q.rate), fromDouble(q.intervalHours), req.horizonHours);
    if (isDomainError(r)) {
      // The horizon was checked when it was read: only the venue's interval can be wrong here. That
      // is the venue's data, not the user's input (rateOver's message names "interval_hours", an
      // argument this function does not have).
      rates.push(null);
      return missing(`${req.venues[v]} sent a funding interval of ${q.intervalHours} hours for ${symbol}`);
    }
    rates.push(r);
    return finish(r);
  });
  const pair = bestPair(rates);
  if (!pair) {
    const listed = quotes.some((q) => q !== null);
    const none = listed ? "" : missing(`none of ${req.venues.join(", ")} lists a perpetual for ${symbol}`);
    return [symbol, ...venueCells, none, "", "", ""];
  }
  const apr = pair.spread.times(HOURS_PER_YEAR).div(req.horizonHours);
  return [symbol, ...venueCells, req.venues[pair.short], req.venues[pair.long], finish(pair.spread), finish(apr)];
}

/** The whole board: a header, then a row per symbol (quotes[symbol][venue], in the request's order). */
export function boardCells(req: BoardRequest, quotes: readonly (readonly BoardQuote[])[]): BoardCell[][] {
  return [boardHeader(req), ...req.symbols.map((s, i) => boardRow(req, s, quotes[i] ?? []))];
}
