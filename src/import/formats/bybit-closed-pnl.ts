/**
 * Bybit's "Closed P&L" export (Orders › Derivatives › Closed P&L › Export), the export many Bybit
 * traders have:
 *   Contracts,Closing Direction,Qty,Entry Price,Exit Price,Closed P&L,Exit Type,Trade Time(UTC+0),Order No.,Create Time
 * (older files: "Order No" without the dot, a "Symbol Type" column such as "USDT Perpetual", and
 * a "UID: …,Name: …" line above the header).
 *
 * Each row is a closed position (or the part of one an order closed), not a fill: Entry Price is
 * the position's average entry, Exit Price the closing order's average price, and Closed P&L is
 * what Bybit says closing it made, net of the position's opening and closing fees and its
 * funding (Bybit's help centre: "Closed P&L = position P&L − opening fee − closing fee −
 * funding fees"). They are kept as closed-position records, which the ledger shows beside what
 * it computes from the fills; no fill is made from them (the quantities and fees of the fills
 * are not in this export).
 *
 * Closing Direction is "Close Long" / "Close Short" (the newer files) or the closing order's
 * side, "Sell" / "Buy" (older ones): a sell closes a long. Times are in the zone the header
 * states (UTC+0), in yyyy-mm-dd hh:mm:ss, or as a spreadsheet re-saved them (read per file). P&L
 * is in the quote currency for USDT and USDC contracts, in the coin for inverse ones (BTCUSD).
 *
 * Sources: real rows in pakkof13-a11y/Patrimo (tests/fixtures/import/passe2/bybit-closedpl.csv)
 * and in a public trading-journal page (test/fixtures/exports/SOURCES.md).
 */
import { symbolParts } from "../../core/symbol-parts";
import { ExportFormat, hasColumns } from "../format";
import { prepareTimes, timeOf } from "../file-times";
import { decimalText, NATIVE_DATES } from "../values";

const COLUMNS = ["Contracts", "Closing Direction", "Qty", "Entry Price", "Exit Price", "Closed P&L"];

const CLOSING: Readonly<Record<string, "buy" | "sell">> = {
  "close long": "sell",
  sell: "sell",
  "close short": "buy",
  buy: "buy",
};

/** The header's trade-time column ("Trade Time(UTC+0)", "Trade Time(UTC)", "Trade Time"), and its offset east of UTC in minutes. */
function tradeTimeColumn(header: readonly string[]): { name: string; offset: number } | null {
  for (const name of header) {
    const m = /^Trade Time\s*(?:\(UTC(?:([+-])(\d{1,2})(?::?(\d\d))?)?\))?$/i.exec(name.trim());
    if (!m) continue;
    const minutes = m[2] ? Number(m[2]) * 60 + Number(m[3] ?? 0) : 0;
    return { name, offset: m[1] === "-" ? -minutes : minutes };
  }
  return null;
}

export const bybitClosedPnl: ExportFormat = {
  id: "bybit-closed-pnl",
  exchange: "bybit",
  name: "Bybit Closed P&L (Contracts,Closing Direction,Qty,Entry Price,Exit Price,Closed P&L,…,Trade Time)",
  matches: (h) => hasColumns(h, COLUMNS) && tradeTimeColumn(h) !== null,
  prepare(records, context) {
    const column = tradeTimeColumn(Object.keys(records[0] ?? {}));
    context.tradeTime = column;
    context.notes.push(
      "closed positions with Bybit's Closed P&L, net of their opening and closing fees and funding: the ledger shows them beside the P&L it computes from fills (this export has no fills)",
    );
    if (column) prepareTimes(records, context, column.name, (r) => r[column.name], NATIVE_DATES);
  },
  read(r, context) {
    const column = context.tradeTime as { name: string; offset: number } | null;
    const cell = column ? r[column.name] : undefined;
    const time = column ? timeOf(cell, context, column.offset) : null;
    if (time === null) return { problem: `Trade Time "${cell ?? ""}" is not a date and time (yyyy-mm-dd hh:mm:ss)` };
    const closingSide = CLOSING[r["Closing Direction"].toLowerCase()];
    if (!closingSide)
      return { problem: `Closing Direction "${r["Closing Direction"]}" is not Close Long, Close Short, Sell or Buy` };
    const [quantity, entryPrice, exitPrice, closedPnl] = [
      decimalText(r.Qty),
      decimalText(r["Entry Price"]),
      decimalText(r["Exit Price"]),
      decimalText(r["Closed P&L"]),
    ];
    if (quantity === null || entryPrice === null || exitPrice === null || closedPnl === null) {
      return {
        problem: `Qty, Entry Price, Exit Price and Closed P&L must be numbers (got "${r.Qty}", "${r["Entry Price"]}", "${r["Exit Price"]}", "${r["Closed P&L"]}")`,
      };
    }
    if (quantity.startsWith("-")) return { problem: `Qty "${r.Qty}" is negative: this export writes sizes without a sign` };
    const symbol = r.Contracts;
    const { base, quote } = symbolParts(symbol);
    // BTCUSD, ETHUSD, BTCUSDH26: inverse, settled in the coin; USDT and USDC contracts in those.
    const inverse =
      /inverse/i.test(r["Symbol Type"] ?? "") || quote === "USD" || (quote === null && /USD[A-Z]\d\d$/.test(symbol));
    return {
      closed: {
        time,
        exchange: "bybit",
        symbol,
        closingSide,
        quantity,
        entryPrice,
        exitPrice,
        closedPnl,
        currency: inverse ? base.replace(/USD[A-Z]\d\d$/, "") : (quote ?? "USDT"),
        orderId: (r["Order No."] ?? r["Order No"] ?? "").trim(),
      },
    };
  },
};
