/**
 * Bybit unified trading account transaction log (Assets › Unified Trading › Export), after a
 * preamble line "UID: …,Company Name: ,Country: ":
 *   Uid,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Action,Time(UTC)
 * (a variant has OrderId,TradeId,Time instead of Uid and Time(UTC)). "--" is empty. In this CSV
 * Fee Paid and Funding are negative when paid; Cash Flow is the closing trade's realized P&L
 * before fee and funding (Change = Cash Flow + Funding + Fee Paid). TRADE rows with Action OPEN or
 * CLOSE are derivatives fills; SETTLEMENT rows are funding; spot trades come as two legs with
 * Action "--" and are counted, not imported (the Book holds derivatives fills).
 */
import { ExportFormat, hasColumns } from "../format";
import { assetOf, decimalText, isEmpty, isoLocalTime, negate } from "../values";

const COLUMNS = [
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
  "Action",
];

export const bybitUta: ExportFormat = {
  id: "bybit-uta-transactions",
  exchange: "bybit",
  name: "Bybit unified account transaction log (UID: … preamble; Uid,Currency,Contract,Type,Direction,…,Time(UTC))",
  matches: (h) => hasColumns(h, COLUMNS) && (h.includes("Time(UTC)") || h.includes("Time")) && !h.includes("Fee Rate"),
  prepare(_records, context) {
    context.notes.push("times are UTC, as the Time(UTC) column says");
  },
  read(r) {
    const time = isoLocalTime(r["Time(UTC)"] ?? r.Time, 0);
    if (time === null) return { problem: `time "${r["Time(UTC)"] ?? r.Time}" is not a date and time (yyyy-mm-dd hh:mm:ss)` };
    const contract = r.Contract;
    const inverse = /USD$/i.test(contract);
    if (r.Type === "SETTLEMENT") {
      const amount = decimalText(r.Funding);
      if (amount === null) return { problem: `Funding "${r.Funding}" is not a number` };
      return { funding: { time, exchange: "bybit", symbol: contract, amount, asset: r.Currency, rate: "", transactionId: "" } };
    }
    if (r.Type !== "TRADE") return { other: r.Type };
    if (isEmpty(r.Action)) return { other: "spot trade leg (the Book holds derivatives fills)" };
    const side = r.Direction === "BUY" ? "buy" : r.Direction === "SELL" ? "sell" : null;
    if (!side) return { problem: `Direction "${r.Direction}" is neither BUY nor SELL` };
    const [quantity, price, feePaid] = [decimalText(r.Quantity), decimalText(r["Filled Price"]), decimalText(r["Fee Paid"])];
    if (quantity === null || price === null || feePaid === null) {
      return {
        problem: `Quantity, Filled Price and Fee Paid must be numbers (got "${r.Quantity}", "${r["Filled Price"]}", "${r["Fee Paid"]}")`,
      };
    }
    return {
      effect: /^OPEN$/i.test(r.Action) ? "open" : /^CLOSE$/i.test(r.Action) ? "close" : undefined,
      fill: {
        time,
        exchange: "bybit",
        symbol: contract,
        asset: inverse ? r.Currency : assetOf(contract),
        instrument: "perp",
        contractType: inverse ? "inverse" : "linear",
        contractSize: "1",
        side,
        quantity,
        price,
        // Negative when paid in this CSV; the Book records a fee as a positive cost.
        fee: negate(feePaid),
        feeAsset: r.Currency,
        exchangeRealized: decimalText(r["Cash Flow"]) ?? "",
        tradeId: r.TradeId ?? "",
      },
    };
  },
};
