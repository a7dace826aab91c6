/**
 * Binance futures trade history (Orders › Trade History › Export), USDⓈ-M and COIN-M:
 *   Uid,Time,Symbol,Side,Price,Quantity,Amount,Fee,Realized Profit,Buyer,Maker,Trade ID,Order ID
 * and the older layout beginning Date(UTC),Symbol,Side,Price,Quantity,Amount,Fee,Realized Profit
 * (some with Fee Coin / Quote Asset columns). The fee cell carries its asset ("0.03682290USDT",
 * "0.2952 USDC", or BNB); Realized Profit is gross (fees are separate). `Time` is in the zone the
 * file name states ("…(UTC+3).csv"); `Date(UTC)` and `Time(UTC)` are UTC. Binance writes the
 * year with two digits (`26-03-17 09:34:12`) or four; see binance-time.ts. An export of a period
 * without trades holds the line "No data matches the criteria." under the header.
 */
import { ExportFormat, hasColumns } from "../format";
import { amountWithAsset, decimalText } from "../values";
import { binanceContract } from "./binance-contract";
import { binanceTime, prepareBinanceTimes } from "./binance-time";
import { englishTradeHeader } from "./binance-headers";

/** What Binance writes under the header of an export of a period without rows. */
export const NO_DATA = /^No data matches the criteria\.?$/i;

export const binanceTrades: ExportFormat = {
  id: "binance-futures-trades",
  exchange: "binance",
  name: "Binance futures trade history (…,Symbol,Side,Price,Quantity,Amount,Fee,Realized Profit,…)",
  translate: englishTradeHeader,
  matches: (h) =>
    hasColumns(h, ["Symbol", "Side", "Price", "Quantity", "Amount", "Fee", "Realized Profit"]) &&
    (h.includes("Time") || h.includes("Date(UTC)") || h.includes("Time(UTC)")),
  noData: NO_DATA,
  prepare: prepareBinanceTimes,
  read(r, context) {
    const time = binanceTime(r, context);
    if (time === null) return { problem: `time "${r.Time ?? r["Date(UTC)"] ?? r["Time(UTC)"]}" is not a date and time` };
    const side = r.Side.toUpperCase() === "BUY" ? "buy" : r.Side.toUpperCase() === "SELL" ? "sell" : null;
    if (!side) return { problem: `Side "${r.Side}" is neither BUY nor SELL` };
    const [price, quantity] = [decimalText(r.Price), decimalText(r.Quantity)];
    if (price === null || quantity === null)
      return { problem: `Price and Quantity must be numbers (got "${r.Price}", "${r.Quantity}")` };
    const fee = amountWithAsset(r.Fee);
    if (!fee) return { problem: `Fee "${r.Fee}" is not an amount such as 0.0368229 USDT` };
    const contract = binanceContract(r.Symbol);
    const realized = decimalText(r["Realized Profit"]) ?? "";
    return {
      // Realized Profit is written only on a fill that reduces a position.
      effect: realized !== "" && realized !== "0" ? "close" : undefined,
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
        exchangeRealized: realized,
        tradeId: r["Trade ID"] ?? r["Trade Id"] ?? "",
      },
    };
  },
};
