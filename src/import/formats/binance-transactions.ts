/**
 * Binance futures transaction history (Wallet › Transaction History › Export):
 *   Time,Type,Amount,Asset,Symbol,Transaction ID   (older: Date(UTC),type,Amount,Asset,Symbol,Transaction ID)
 * FUNDING_FEE rows are funding, signed + received / − paid. COMMISSION and REALIZED_PNL rows
 * repeat what the trade history holds per fill; transfers and the rest are not trading: all are
 * counted in the summary and not imported as fills.
 */
import { ExportFormat, hasColumns } from "../format";
import { decimalText, isoLocalTime, offsetFromName } from "../values";

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
  prepare(_records, context) {
    const fromName = offsetFromName(context.options.fileName);
    context.offset = fromName ?? 0;
    context.notes.push(
      fromName !== null
        ? `times read in the file name's zone, UTC${fromName >= 0 ? "+" : "-"}${Math.abs(fromName) / 60}`
        : "times read as UTC",
    );
  },
  read(raw, context) {
    const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    const utcHeader = r["date(utc)"] !== undefined;
    const time = isoLocalTime(utcHeader ? r["date(utc)"] : r.time, utcHeader ? 0 : (context.offset as number));
    if (time === null) return { problem: `time "${r.time ?? r["date(utc)"]}" is not a date and time (yyyy-mm-dd hh:mm:ss)` };
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
