/**
 * LEGS.REBALANCE(prices, spot_qty, hedge, band, [mode], [fee_rate], [times]): a delta-hedged book
 * walked along the trader's own prices (src/core/rebalance.ts), spilled as
 *
 *   Price | Delta before | Trade | Delta after | Fees | Cumulative P&L      (header)
 *   one row per price, the first the entry (trade 0, P&L 0)
 *   No rebalancing | delta at the last price | "" | the same delta | 0 | its cumulative P&L
 *
 * - prices: one column or row, > 0, at least 2; blank cells at its end are ignored (room in a pasted
 *   column), a blank in the middle is #VALUE! naming the item.
 * - spot_qty: coins of spot (0 for a pure option position; negative: short spot).
 * - hedge: a row or column, the kind first: "linear", coins short | "inverse", contracts,
 *   contract_size (USD) | "usd", notional | "call"/"put", strike, days, vol, quantity, [rate],
 *   [settlement] (the options delta-hedged with a linear perp, which is what trades). Negative
 *   sizes are long hedges.
 * - band: coins of |delta| that trigger a rebalance back to 0 (mode "band", the default); with mode
 *   "every", price steps (whole, ≥ 1), or hours when times are given.
 * - fee_rate: of traded notional (|coins| × price), default 0. Opening the hedge at the first price
 *   is not charged: both the rebalanced and the never-rebalanced book open it.
 * - times: Excel date serials, one per price, increasing. Without them each price step is one day
 *   (options' days to expiry fall by 1 a step).
 *
 * Host-neutral: Excel's cells as they arrive (numbers, text, booleans; null or "" for blanks;
 * ranges as 2-D arrays of rows; an omitted optional argument as null).
 */
import { OptionType, Settlement } from "../core/black76";
import { DomainError, invalid, isDomainError, missing, Result } from "../core/errors";
import { Hedge, REBALANCE_MODES, rebalance, RebalanceMode } from "../core/rebalance";
import { cellNum, describe, isBlank, optionalChoice, single, toGrid, wordIn } from "./cells";
import { optionTypeOf } from "./options";
import { Answer } from "./spill";

export const REBALANCE_HEADER: readonly string[] = ["Price", "Delta before", "Trade", "Delta after", "Fees", "Cumulative P&L"];
/** The first cell of the last row: the same book with the hedge as opened, never traded. */
export const NO_REBALANCING = "No rebalancing";

/** A cell's number as a double (numeric text too), or an error naming `where`. */
function cellDouble(where: string, v: unknown): Result<number> {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const x = cellNum(where, v);
  return isDomainError(x) ? x : typeof x === "number" ? x : x.toNumber();
}

/** A one-column or one-row range: its length without the blank cells at its end, and its i-th cell. */
interface Line {
  length: number;
  at: (i: number) => unknown;
}

function lineOf(name: string, what: string, v: unknown): Result<Line> {
  const grid = toGrid(name, v);
  if (isDomainError(grid)) return grid;
  if (grid.length > 1 && grid[0].length > 1)
    return invalid(`${name} must be one column or one row of ${what} (got ${describe(grid)})`);
  const at = grid.length > 1 ? (i: number) => grid[i][0] : (i: number) => grid[0][i];
  let length = Math.max(grid.length, grid[0].length);
  while (length > 0 && isBlank(at(length - 1))) length--;
  return { length, at };
}

/** A column or row of numbers: blanks at the end ignored, one in the middle refused; null if all blank. */
function numbersOf(name: string, what: string, v: unknown): Result<Float64Array | null> {
  const line = lineOf(name, what, v);
  if (isDomainError(line)) return line;
  if (line.length === 0) return null;
  const out = new Float64Array(line.length);
  for (let i = 0; i < line.length; i++) {
    const c = line.at(i);
    if (typeof c === "number" && Number.isFinite(c)) {
      out[i] = c;
      continue;
    }
    const where = `${name} (item ${i + 1})`;
    if (isBlank(c)) return invalid(`${where} is blank, but ${what} follow it: fill it in or remove it`);
    const x = cellDouble(where, c);
    if (isDomainError(x)) return x;
    out[i] = x;
  }
  return out;
}

const HEDGE_KINDS = `"linear", "inverse", "usd", "call" or "put"`;
type Kind = "linear" | "inverse" | "usd";
const KIND_WORDS: Record<string, Kind> = { linear: "linear", inverse: "inverse", usd: "usd" };
const SETTLEMENT_WORDS: Record<string, Settlement> = { linear: "linear", inverse: "inverse" };

/** What follows the kind in the hedge cells: names, and how many are required. */
const HEDGE_ITEMS: Record<Kind | "option", { names: string[]; required: number; example: string }> = {
  linear: { names: ["coins"], required: 1, example: `"linear", 1` },
  inverse: { names: ["contracts", "contract_size"], required: 2, example: `"inverse", 1000, 100` },
  usd: { names: ["notional"], required: 1, example: `"usd", 100000` },
  option: {
    names: ["strike", "days", "vol", "quantity", "rate", "settlement"],
    required: 4,
    example: `"call", 100000, 30, 0.6, 1`,
  },
};

/** The hedge row (or column): the kind, then its numbers. */
function readHedge(v: unknown): Result<Hedge> {
  const line = lineOf("hedge", "cells", v);
  if (isDomainError(line)) return line;
  const cells = Array.from({ length: line.length }, (_, i) => line.at(i));
  const first = cells.length === 0 ? null : cells[0];
  const word = typeof first === "string" ? first.trim().toLowerCase() : "";
  const kind: Kind | null = wordIn(KIND_WORDS, word) ?? null;
  const type: OptionType | null = kind ? null : optionTypeOf(first);
  if (kind === null && type === null) {
    const message = `hedge must start with ${HEDGE_KINDS} (got ${describe(first)})`;
    return isBlank(first) ? missing(message) : invalid(message);
  }
  const spec = HEDGE_ITEMS[kind ?? "option"];
  const given = cells.slice(1);
  const label = kind ?? type;
  if (given.length > spec.names.length) {
    return invalid(
      `hedge "${label}" takes ${spec.names.length} value${spec.names.length > 1 ? "s" : ""} after the kind ` +
        `(${spec.names.join(", ")}) (got ${given.length})`,
    );
  }
  const numbers: number[] = [];
  for (let i = 0; i < spec.required; i++) {
    const where = `hedge ${spec.names[i]} (item ${i + 2})`;
    const c = given[i];
    if (isBlank(c)) return missing(`${where} is required (got a blank cell): e.g. ${spec.example}`);
    const x = cellDouble(where, c);
    if (isDomainError(x)) return x;
    numbers.push(x);
  }
  if (kind === "linear") return { kind, coins: numbers[0] };
  if (kind === "inverse") return { kind, contracts: numbers[0], contractSize: numbers[1] };
  if (kind === "usd") return { kind, notional: numbers[0] };
  const rate = isBlank(given[4]) ? 0 : cellDouble("hedge rate (item 6)", given[4]);
  if (isDomainError(rate)) return rate;
  const settlementCell = given[5];
  let settlement: Settlement | undefined = "linear";
  if (!isBlank(settlementCell)) {
    settlement = typeof settlementCell === "string" ? wordIn(SETTLEMENT_WORDS, settlementCell.trim().toLowerCase()) : undefined;
    if (!settlement) {
      return invalid(
        `hedge settlement (item 7) must be "linear" (premium in quote currency) or "inverse" (coin-settled) (got ${describe(settlementCell)})`,
      );
    }
  }
  return {
    kind: "option",
    type: type as OptionType,
    strike: numbers[0],
    days: numbers[1],
    vol: numbers[2],
    quantity: numbers[3],
    rate,
    settlement,
  };
}

/** A required single number. */
function requiredDouble(name: string, v: unknown): Result<number> {
  const one = single(name, v);
  if (isDomainError(one)) return one;
  return cellDouble(name, one);
}

/** LEGS.REBALANCE. */
export function rebalanceOf(
  prices: unknown,
  spotQty: unknown,
  hedge: unknown,
  band: unknown,
  mode: unknown,
  feeRate: unknown,
  times: unknown,
): Answer {
  const p = numbersOf("prices", "prices", prices);
  if (isDomainError(p)) return p;
  if (p === null) return missing("prices is required (got no prices): give a column of prices, the first the entry");
  const spot = requiredDouble("spot_qty", spotQty);
  if (isDomainError(spot)) return spot;
  const h = readHedge(hedge);
  if (isDomainError(h)) return h;
  const b = requiredDouble("band", band);
  if (isDomainError(b)) return b;
  const m = optionalChoice<RebalanceMode>("mode", mode, REBALANCE_MODES, "band");
  if (isDomainError(m)) return m;
  const feeCell = single("fee_rate", feeRate);
  if (isDomainError(feeCell)) return feeCell;
  const fee = isBlank(feeCell) ? 0 : cellDouble("fee_rate", feeCell);
  if (isDomainError(fee)) return fee;
  const t = isBlank(times) ? null : numbersOf("times", "dates", times);
  if (isDomainError(t)) return t;

  const path = rebalance({ prices: p, spotQty: spot, hedge: h, band: b, mode: m, feeRate: fee, times: t });
  if (isDomainError(path)) return path;
  const n = p.length;
  const out: (number | string | DomainError)[][] = new Array(n + 2);
  out[0] = REBALANCE_HEADER.slice();
  const { deltaBefore, trade, deltaAfter, fee: fees, pnl, unrebalanced } = path;
  for (let k = 0; k < n; k++) out[k + 1] = [p[k], deltaBefore[k], trade[k], deltaAfter[k], fees[k], pnl[k]];
  out[n + 1] = [NO_REBALANCING, unrebalanced.delta, "", unrebalanced.delta, 0, unrebalanced.pnl];
  return out;
}
