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
import { Dec } from "../core/decimal";
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
  private readonly bySymbol = new Map<string, { fill: FillRow; effect: Effect; n: number }[]>();
  private seen = 0;

  /**
   * @param netOfFee the exchange's realized column is net of the fill's fee (Hyperliquid's
   * closedPnl), so the gross P&L the entry follows from is realized + fee.
   */
  constructor(private readonly netOfFee = false) {}

  see(fill: FillRow, effect: Effect): void {
    if (fill.instrument === "spot") return;
    const k = `${fill.exchange}|${fill.symbol}`;
    let list = this.bySymbol.get(k);
    if (!list) this.bySymbol.set(k, (list = []));
    list.push({ fill, effect, n: this.seen++ });
  }

  suggestions(): OpeningSuggestion[] {
    const out: OpeningSuggestion[] = [];
    for (const list of this.bySymbol.values()) {
      // Time order; of fills at the same time the file's order (exports newest first list a
      // position's opening fill after its partial fills, in the same second, either way).
      const ordered = [...list].sort((a, b) => a.fill.time - b.fill.time || a.n - b.n);
      const first = ordered[0];
      if (first.effect !== "close") continue;
      let held = new Dec(0);
      for (const { fill, effect } of ordered) {
        if (effect !== "close" || fill.side !== first.fill.side) break;
        held = held.plus(fill.quantity);
      }
      // A sell closes a long, a buy a short.
      const long = first.fill.side === "sell";
      const f = first.fill;
      const at = new Date(f.time).toISOString().slice(0, 19).replace("T", " ");
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
   * No opening position puts these right: the file lacks fills.
   */
  gaps(openings: readonly OpeningSuggestion[]): string[] {
    const out: string[] = [];
    for (const list of this.bySymbol.values()) {
      const ordered = [...list].sort((a, b) => a.fill.time - b.fill.time || a.n - b.n);
      const { exchange, symbol } = ordered[0].fill;
      const opening = openings.find((o) => o.exchange === exchange && o.symbol === symbol);
      let held = new Dec(opening?.position ?? 0);
      for (const { fill, effect } of ordered) {
        const signed = fill.side === "buy" ? new Dec(fill.quantity) : new Dec(fill.quantity).neg();
        if (effect === "close" && !signed.isZero() && (held.isZero() || held.isNegative() === signed.isNegative())) {
          out.push(
            `${exchange} ${symbol}: fills are missing before ${utcText(fill.time)} UTC (that ${fill.side} closes, as the exchange says, ` +
              "but the file's fills hold nothing to close): the realized P&L computed from this file differs from the exchange's from there; export the whole period",
          );
          break;
        }
        held = held.plus(signed);
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
