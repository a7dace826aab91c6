/**
 * Binance futures transaction history (Wallet › Transaction History › Export):
 *   Time,Type,Amount,Asset,Symbol,Transaction ID   (older: Date(UTC),type,Amount,Asset,Symbol,Transaction ID)
 * FUNDING_FEE rows are funding, signed + received / − paid. COMMISSION and REALIZED_PNL rows
 * repeat what the trade history holds per fill; transfers and the rest are not trading: all are
 * counted in the summary and not imported as fills.
 */
import { ExportFormat, hasColumns } from "../format";
import { decimalText } from "../values";
import { NO_DATA } from "./binance-trades";
import { binanceTime, prepareBinanceTimes } from "./binance-time";

export const binanceTransactions: ExportFormat = {
  id: "binance-futures-transactions",
  exchange: "binance",
  name: "Binance futures transaction history (Time,Type,Amount,Asset,Symbol,Transaction ID)",
  matches: (h) => {
    const lower = h.map((c) => c.toLowerCase());
    return (
      hasColumns(lower, ["type", "amount", "asset", "symbol", "transaction id"]) &&
      (lower.includes("time") || lower.includes("date(utc)"))
    );
  },
  noData: NO_DATA,
  prepare: prepareBinanceTimes,
  read(raw, context) {
    const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    const time = binanceTime(raw, context);
    if (time === null) return { problem: `time "${r.time ?? r["date(utc)"]}" is not a date and time` };
    const type = r.type.toUpperCase();
    if (type !== "FUNDING_FEE")
      return { other: type === "COMMISSION" || type === "REALIZED_PNL" ? `${type} (in the trade history's fills)` : type };
    const amount = decimalText(r.amount);
    if (amount === null) return { problem: `Amount "${r.amount}" is not a number` };
    return {
      funding: {
        time,
        exchange: "binance",
        symbol: r.symbol,
        amount,
        asset: r.asset.toUpperCase(),
        rate: "",
        transactionId: r["transaction id"] ?? "",
      },
    };
  },
};
