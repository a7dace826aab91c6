/**
 * Files that start in the middle of a position, and the opening position that puts them right.
 *
 * A derivatives symbol whose earliest fill in the file closes (as the exchange says: Close Long,
 * Action CLOSE; Binance writes Realized Profit only on a reducing fill) was opened before the
 * file starts. Its realized P&L computed from the file alone starts from flat and differs from
 * the exchange's own. The summary says so per exchange and symbol, and offers the opening
 * position for the trader to state (a Fills row, Trade ID "opening position", at a time just
 * before the file's first fill; REALIZEDPNL takes it as opening_position / opening_entry):
 *
 * - size: the fills that close from the start of the file, in the direction of the first one,
 *   up to the first fill that does anything else: at least that much was held;
 * - entry: what the exchange's realized P&L of the first closing fill implies (linear: price ∓
 *   realized / quantity; inverse: from 1/entry = 1/price ± realized / (quantity × contract
 *   size)), gross of the fee where the exchange's figure is net of it (Hyperliquid); blank when
 *   the exchange gave none.
 *
 * Both are suggestions: the trader knows what they held and types over them.
 */
import * as B from "../core/big-decimal";
import { Dec } from "../core/decimal";
import { timeOrder } from "../core/time-order";
import { decimalText } from "./values";
import { FillRow, ParsedExport } from "./types";

/** What the summary offers the trader to state, per exchange and symbol. */
export interface OpeningSuggestion {
  exchange: string;
  symbol: string;
  asset: string;
  instrument: FillRow["instrument"];
  contractType: FillRow["contractType"];
  contractSize: string;
  /** Just before the file's first fill of the symbol (ms UTC): one second earlier. */
  time: number;
  /** Signed decimal text: + long, − short (coins linear, contracts inverse). */
  position: string;
  /** Average entry as decimal text, or "" when the export gives nothing to work it out from. */
  entry: string;
  /** The figure in the summary's "Check:" line. */
  warning: string;
}

/** The Trade ID of a stated opening position in the Fills table: one per exchange and symbol. */
export const OPENING_TRADE_ID = "opening position";

type Effect = "open" | "close" | undefined;

export class OpeningCheck {
  /** Per exchange, then symbol: its fills and what the exchange says each did, in file order. */
  private readonly byExchange = new Map<string, Map<string, { fills: FillRow[]; effects: Effect[] }>>();
  private last: { exchange: string; symbol: string; list: { fills: FillRow[]; effects: Effect[] } } | null = null;
  private sorted: { fills: FillRow[]; effects: Effect[] }[] | null = null;

  /**
   * @param netOfFee the exchange's realized column is net of the fill's fee (Hyperliquid's
   * closedPnl), so the gross P&L the entry follows from is realized + fee.
   */
  constructor(private readonly netOfFee = false) {}

  see(fill: FillRow, effect: Effect): void {
    if (fill.instrument === "spot") return;
    // (No key text made per fill: a file's fills come a symbol at a time more often than not.)
    let list =
      this.last !== null && this.last.symbol === fill.symbol && this.last.exchange === fill.exchange ? this.last.list : null;
    if (list === null) {
      let bySymbol = this.byExchange.get(fill.exchange);
      if (!bySymbol) this.byExchange.set(fill.exchange, (bySymbol = new Map()));
      list = bySymbol.get(fill.symbol) ?? null;
      if (list === null) bySymbol.set(fill.symbol, (list = { fills: [], effects: [] }));
      this.last = { exchange: fill.exchange, symbol: fill.symbol, list };
    }
    list.fills.push(fill);
    list.effects.push(effect);
  }

  /**
   * Each symbol's fills in time order; of fills at the same time, the file's order (exports newest
   * first list a position's opening fill after its partial fills, in the same second, either way).
   * Files oldest first need no sort at all.
   */
  private inTimeOrder(): { fills: FillRow[]; effects: Effect[] }[] {
    if (this.sorted) return this.sorted;
    const lists = [...this.byExchange.values()].flatMap((bySymbol) => [...bySymbol.values()]);
    this.sorted = lists.map(({ fills, effects }) => {
      let rising = true;
      let falling = true;
      for (let i = 1; i < fills.length && (rising || falling); i++) {
        if (fills[i].time < fills[i - 1].time) rising = false;
        else if (fills[i].time > fills[i - 1].time) falling = false;
      }
      if (rising) return { fills, effects };
      let order: ArrayLike<number> | null;
      if (falling) {
        // Newest first: the runs of one time reversed as wholes, each in the file's order.
        const reversed = new Int32Array(fills.length);
        let k = 0;
        for (let end = fills.length; end > 0;) {
          let start = end - 1;
          while (start > 0 && fills[start - 1].time === fills[end - 1].time) start--;
          for (let i = start; i < end; i++) reversed[k++] = i;
          end = start;
        }
        order = reversed;
      } else order = timeOrder(Float64Array.from(fills, (f) => f.time));
      if (order === null) return { fills, effects };
      const inOrder: FillRow[] = new Array(order.length);
      const effectsInOrder: Effect[] = new Array(order.length);
      for (let k = 0; k < order.length; k++) {
        inOrder[k] = fills[order[k]];
        effectsInOrder[k] = effects[order[k]];
      }
      return { fills: inOrder, effects: effectsInOrder };
    });
    return this.sorted;
  }

  suggestions(): OpeningSuggestion[] {
    const out: OpeningSuggestion[] = [];
    for (const { fills, effects } of this.inTimeOrder()) {
      const f = fills[0];
      if (effects[0] !== "close") continue;
      let n = 0;
      while (n < fills.length && effects[n] === "close" && fills[n].side === f.side) n++;
      const held = exactSum(fills, n);
      // A sell closes a long, a buy a short.
      const long = f.side === "sell";
      const at = utcText(f.time);
      const realized = f.exchangeRealized !== "" && !new Dec(f.exchangeRealized).isZero();
      const why = `closes${realized ? `, with the exchange's realized P&L ${f.exchangeRealized}` : ""}`;
      out.push({
        exchange: f.exchange,
        symbol: f.symbol,
        asset: f.asset,
        instrument: f.instrument,
        contractType: f.contractType,
        contractSize: f.contractSize,
        time: f.time - 1000,
        position: (long ? held : held.neg()).toString(),
        entry: realized ? this.entryOf(f, long) : "",
        warning:
          `${f.exchange} ${f.symbol}: the file starts in the middle of a position (its first fill, ${at} UTC, ${why}); ` +
          "the realized P&L computed from these fills starts from flat and differs from the exchange's own: " +
          "state the position held before it (offered below), or export from before the position was opened",
      });
    }
    return out.sort((a, b) => (a.warning < b.warning ? -1 : 1));
  }

  /**
   * Symbols with fills missing in the middle: a fill the exchange says closes, when the file's
   * fills (from the position offered above, or flat) hold nothing to close in its direction.
   * No opening position puts these right: the file lacks fills. The running position is kept in
   * doubles, and worked out exactly (decimals) only where a double says it may be flat or on the
   * fill's side: a file of a hundred thousand fills makes no decimal per fill.
   */
  gaps(openings: readonly OpeningSuggestion[]): string[] {
    const out: string[] = [];
    for (const { fills, effects } of this.inTimeOrder()) {
      const { exchange, symbol } = fills[0];
      const opening = openings.find((o) => o.exchange === exchange && o.symbol === symbol);
      let held = opening ? Number(opening.position) : 0;
      let scale = Math.abs(held);
      // Once a double was not sure, the rest of this symbol is followed exactly.
      let exact: Dec | null = null;
      let lastText = "";
      let lastQ = 0;
      for (let i = 0; i < fills.length; i++) {
        const f = fills[i];
        // (One size again and again is common, and the reader keeps one text for it.)
        const q = f.quantity === lastText ? lastQ : (lastQ = Number((lastText = f.quantity)));
        const signed = f.side === "buy" ? q : -q;
        scale = Math.max(scale, q);
        if (effects[i] === "close" && q !== 0) {
          if (exact === null && (Math.abs(held) <= scale * 1e-9 || held > 0 === signed > 0))
            exact = heldBefore(fills, i, opening);
          if (exact !== null && (exact.isZero() || exact.isNegative() === (f.side === "sell"))) {
            out.push(
              `${exchange} ${symbol}: fills are missing before ${utcText(f.time)} UTC (that ${f.side} closes, as the exchange says, ` +
                "but the file's fills hold nothing to close): the realized P&L computed from this file differs from the exchange's from there; export the whole period",
            );
            break;
          }
        }
        held += signed;
        if (exact !== null) exact = f.side === "buy" ? exact.plus(f.quantity) : exact.minus(f.quantity);
      }
    }
    return out.sort();
  }

  /** The average entry the first closing fill's realized P&L implies; "" when it implies none. */
  private entryOf(f: FillRow, long: boolean): string {
    const q = new Dec(f.quantity);
    const price = new Dec(f.price);
    let gross = new Dec(f.exchangeRealized);
    if (this.netOfFee && f.fee !== "") gross = gross.plus(f.fee);
    if (q.isZero()) return "";
    const perUnit = gross.div(q).times(long ? 1 : -1);
    let entry: Dec;
    if (f.contractType === "linear") entry = price.minus(perUnit);
    else {
      // realized = ±q × size × (1/entry − 1/price)
      const inverse = perUnit.div(f.contractSize).plus(new Dec(1).div(price));
      if (!inverse.gt(0)) return "";
      entry = new Dec(1).div(inverse);
    }
    if (!entry.gt(0)) return "";
    // A suggestion to type over: ten decimals past the price's own are more than any venue quotes.
    const places = (f.price.split(".")[1] ?? "").length + 10;
    return entry.toDecimalPlaces(places).toString();
  }
}

/**
 * The quantities of the first `n` fills added as decimal.js adds them, on BigInt decimals
 * (core/big-decimal.ts): a file may close thousands of times before it opens.
 */
function exactSum(fills: readonly FillRow[], n: number): Dec {
  let sum: B.Big | null = B.ZERO_BIG;
  let lastText = "";
  let last: B.Big | null = null;
  for (let k = 0; k < n && sum !== null; k++) {
    const q = fills[k].quantity;
    // (One size again and again is common, and the reader keeps one text for it.)
    if (q !== lastText) last = B.bigOfText((lastText = q));
    sum = last === null ? null : B.add(sum, last);
  }
  if (sum !== null) return B.bigToDec(sum);
  let exact = new Dec(0);
  for (let k = 0; k < n; k++) exact = exact.plus(fills[k].quantity);
  return exact;
}

/** Exactly, the position the fills before `i` hold, from the opening. */
function heldBefore(fills: readonly FillRow[], i: number, opening: OpeningSuggestion | undefined): Dec {
  let held = new Dec(opening?.position ?? 0);
  for (let k = 0; k < i; k++) held = fills[k].side === "buy" ? held.plus(fills[k].quantity) : held.minus(fills[k].quantity);
  return held;
}

/** "2026-02-08 15:05:59" (UTC, seconds optional; a T works too) → ms, or null. */
function utcTime(text: string): number | null {
  const m = /^\s*(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 31 April over to 1 May: only a real date and time is one.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

/** The time as the form shows it: "2026-02-08 15:05:59". */
export const utcText = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/**
 * The trader's stated opening position as the Fills row it is written as: a buy (long) or sell
 * (short) of the position's size at its average entry, fee 0, at the stated time, Trade ID
 * "opening position" (so importing it again adds nothing). Or what is wrong with what was typed.
 */
export function statedOpening(
  s: OpeningSuggestion,
  typed: { position: string; entry: string; time: string },
): FillRow | { problem: string } {
  const position = decimalText(typed.position);
  if (position === null || position === "0")
    return { problem: `Position "${typed.position}" must be a number other than 0: + long, − short` };
  const entry = decimalText(typed.entry);
  if (entry === null || !new Dec(entry).gt(0)) return { problem: `Avg entry "${typed.entry}" must be a price greater than 0` };
  const time = utcTime(typed.time);
  if (time === null) return { problem: `Time "${typed.time}" must be a UTC date and time like 2026-02-08 15:05:59` };
  if (time >= s.time + 1000)
    return {
      problem: `Time ${typed.time} is after the file's first ${s.symbol} fill (${utcText(s.time + 1000)}): state what was held before it`,
    };
  const long = !position.startsWith("-");
  return {
    time,
    exchange: s.exchange,
    symbol: s.symbol,
    asset: s.asset,
    instrument: s.instrument,
    contractType: s.contractType,
    contractSize: s.contractSize,
    side: long ? "buy" : "sell",
    quantity: long ? position : position.slice(1),
    price: entry,
    fee: "0",
    feeAsset: "",
    exchangeRealized: "",
    tradeId: OPENING_TRADE_ID,
    key: `${s.exchange}|${s.symbol}|${OPENING_TRADE_ID}`,
  };
}

/** Stated opening positions as one more "file" for the import (they go into the Fills table). */
export function openingsExport(fills: readonly FillRow[]): ParsedExport {
  const times = fills.map((f) => f.time);
  return {
    formatId: "opening-positions",
    exchange: "",
    formatName: "Opening positions you stated",
    rows: fills.length,
    fills: [...fills],
    funding: [],
    closed: [],
    other: [],
    problems: [],
    from: fills.length ? Math.min(...times) : null,
    to: fills.length ? Math.max(...times) : null,
    symbols: [...new Set(fills.map((f) => f.symbol))].sort(),
    notes: [],
    warnings: [],
    openings: [],
  };
}
