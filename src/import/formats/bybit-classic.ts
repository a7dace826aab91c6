/**
 * Bybit classic-account derivatives transaction log (the derivatives wallet of an account not
 * upgraded to the unified trading account):
 *   Time,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Fee Rate,Trade ID,Order ID
 * Newest first, times UTC (yyyy-mm-dd hh:mm:ss). Type is lower-case: trade, funding, liquidation,
 * transferIn, transferOut. Direction is Open Long, Close Long, Open Short, Close Short (Open Long
 * and Close Short buy; Open Short and Close Long sell). Quantity has no sign (Position does).
 * Unlike the unified log (bybit-uta.ts), Fee Paid and Funding are POSITIVE when paid (a negative
 * Fee Paid is a rebate, a negative Funding is received): the Book's funding is −Funding. Cash
 * Flow is the closing fill's realized P&L before fee and funding (gross):
 * Change = Cash Flow − Funding − Fee Paid. USDT contracts (BTCUSDT) count coins; inverse ones,
 * settled in the coin (Currency BTC, BTCUSD), count contracts of 1 USD.
 * Sources: Bybit API v5 "Get Transaction Log" for the classic account
 * (/v5/account/contract-transaction-log: funding "Positive value means deducting funding fee",
 * fee "Positive fee value means expense", cashFlow excludes fees and funding,
 * change = cashFlow − funding − fee) and BittyTax's Bybit Futures parser (this header; types and
 * directions; Fee Paid and Funding subtracted from the balance; rows read oldest first from the end).
 */
import { ExportFormat, hasColumns } from "../format";
import { prepareTimes, timeOf } from "../file-times";
import { assetOf, decimalText, isEmpty, negate, NATIVE_DATES } from "../values";

const COLUMNS = [
  "Time",
  "Currency",
  "Contract",
  "Type",
  "Direction",
  "Quantity",
  "Position",
  "Filled Price",
  "Funding",
  "Fee Paid",
  "Cash Flow",
  "Change",
  "Wallet Balance",
  "Fee Rate",
  "Trade ID",
  "Order ID",
];

const SIDES: Readonly<Record<string, "buy" | "sell">> = {
  "open long": "buy",
  "close short": "buy",
  "open short": "sell",
  "close long": "sell",
};

/** Settled in the quote currency: linear. Settled in the coin: inverse. */
const LINEAR_SETTLE = ["USDT", "USDC"];

export const bybitClassic: ExportFormat = {
  id: "bybit-classic-transactions",
  exchange: "bybit",
  name: "Bybit classic derivatives transaction log (Time,Currency,Contract,Type,Direction,…,Fee Rate,Trade ID,Order ID)",
  // The unified log has an Action column and no Fee Rate: the two can never match one header.
  matches: (h) => hasColumns(h, COLUMNS) && !h.includes("Action"),
  prepare(records, context) {
    context.notes.push("times are UTC; Fee Paid and Funding are positive when paid in this log");
    prepareTimes(records, context, "Time", (r) => r.Time, NATIVE_DATES);
  },
  read(r, context) {
    const time = timeOf(r.Time, context, 0);
    if (time === null) return { problem: `Time "${r.Time}" is not a date and time (yyyy-mm-dd hh:mm:ss)` };
    const contract = r.Contract;
    const currency = r.Currency.toUpperCase();
    const inverse = !LINEAR_SETTLE.includes(currency);
    const type = r.Type.toLowerCase();

    if (type === "funding") {
      const funding = decimalText(r.Funding);
      if (funding === null) return { problem: `Funding "${r.Funding}" is not a number (positive when paid)` };
      return {
        funding: {
          time,
          exchange: "bybit",
          symbol: contract,
          amount: negate(funding),
          asset: currency,
          rate: "",
          transactionId: "",
        },
      };
    }
    if (type !== "trade" && type !== "liquidation") return { other: r.Type };

    const side = SIDES[r.Direction.toLowerCase()];
    if (!side) return { problem: `Direction "${r.Direction}" is not Open Long, Close Long, Open Short or Close Short` };
    const [quantity, price, feePaid] = [decimalText(r.Quantity), decimalText(r["Filled Price"]), decimalText(r["Fee Paid"])];
    if (quantity === null || price === null || feePaid === null) {
      return {
        problem: `Quantity, Filled Price and Fee Paid must be numbers (got "${r.Quantity}", "${r["Filled Price"]}", "${r["Fee Paid"]}")`,
      };
    }
    if (quantity.startsWith("-"))
      return { problem: `Quantity "${r.Quantity}" is negative: this log writes fill sizes without a sign` };
    const future = /USD[FGHJKMNQUVXZ]\d{2}$/.test(contract) || /-\d{2}[A-Z]{3}\d{2}$/.test(contract);
    return {
      effect: /^open/i.test(r.Direction) ? "open" : "close",
      fill: {
        time,
        exchange: "bybit",
        symbol: contract,
        asset: inverse ? currency : assetOf(contract),
        instrument: future ? "future" : "perp",
        contractType: inverse ? "inverse" : "linear",
        contractSize: "1",
        side,
        quantity,
        price,
        // Positive when paid in this log, as the Book records it.
        fee: feePaid,
        feeAsset: currency,
        exchangeRealized: decimalText(r["Cash Flow"]) ?? "",
        tradeId: isEmpty(r["Trade ID"]) ? "" : r["Trade ID"],
      },
    };
  },
};
