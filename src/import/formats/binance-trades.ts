/**
 * Binance futures trade history (Orders › Trade History › Export), USDⓈ-M and COIN-M:
 *   Uid,Time,Symbol,Side,Price,Quantity,Amount,Fee,Realized Profit,Buyer,Maker,Trade ID,Order ID
 * and the older layout beginning Date(UTC),Symbol,Side,Price,Quantity,Amount,Fee,Realized Profit
 * (some with Fee Coin / Quote Asset columns). The fee cell carries its asset ("0.03682290USDT",
 * "0.2952 USDC", or BNB); Realized Profit is gross (fees are separate). `Time` is in the zone the
 * file name states ("…(UTC+3).csv"); `Date(UTC)` is UTC.
 */
import { ExportFormat, hasColumns } from "../format";
import { amountWithAsset, decimalText, isoLocalTime, offsetFromName } from "../values";
import { binanceContract } from "./binance-contract";

export const binanceTrades: ExportFormat = {
  id: "binance-futures-trades",
  exchange: "binance",
  name: "Binance futures trade history (…,Symbol,Side,Price,Quantity,Amount,Fee,Realized Profit,…)",
  matches: (h) =>
    hasColumns(h, ["Symbol", "Side", "Price", "Quantity", "Amount", "Fee", "Realized Profit"]) &&
    (h.includes("Time") || h.includes("Date(UTC)")),
  prepare(_records, context) {
    const fromName = offsetFromName(context.options.fileName);
    context.offset = fromName ?? 0;
    context.zoneFromHeader = false;
    context.notes.push(
      fromName !== null
        ? `times read in the file name's zone, UTC${fromName >= 0 ? "+" : "-"}${Math.abs(fromName) / 60}`
        : "times read as UTC (Binance states the zone in the file name, e.g. …(UTC+3).csv; this one states none, or the header says UTC)",
    );
  },
  read(r, context) {
    const utcHeader = r["Date(UTC)"] !== undefined;
    const time = isoLocalTime(utcHeader ? r["Date(UTC)"] : r.Time, utcHeader ? 0 : (context.offset as number));
    if (time === null) return { problem: `time "${r.Time ?? r["Date(UTC)"]}" is not a date and time (yyyy-mm-dd hh:mm:ss)` };
    const side = r.Side.toUpperCase() === "BUY" ? "buy" : r.Side.toUpperCase() === "SELL" ? "sell" : null;
    if (!side) return { problem: `Side "${r.Side}" is neither BUY nor SELL` };
    const [price, quantity] = [decimalText(r.Price), decimalText(r.Quantity)];
    if (price === null || quantity === null)
      return { problem: `Price and Quantity must be numbers (got "${r.Price}", "${r.Quantity}")` };
    const fee = amountWithAsset(r.Fee);
    if (!fee) return { problem: `Fee "${r.Fee}" is not an amount such as 0.0368229 USDT` };
    const contract = binanceContract(r.Symbol);
    return {
      fill: {
        time,
        exchange: "binance",
        symbol: r.Symbol,
        ...contract,
        side,
        quantity,
        price,
        fee: fee.amount,
        feeAsset:
          fee.asset || (r["Fee Coin"] ?? "").toUpperCase() || (contract.contractType === "inverse" ? contract.asset : "USDT"),
        exchangeRealized: decimalText(r["Realized Profit"]) ?? "",
        tradeId: r["Trade ID"] ?? "",
      },
    };
  },
};
