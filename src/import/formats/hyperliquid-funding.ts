/**
 * Hyperliquid funding history (Portfolio › Funding History › Export as CSV):
 *   time,coin,sz,side,payment,rate
 * Hourly; `payment` in USDC from the account's side: + received, − paid; `rate` may be written
 * in exponent form (5.53e-7). Same dates as the trade history.
 */
import { ExportFormat, hasColumns } from "../format";
import { decimalText } from "../values";
import { dateOrderOf, hyperliquidTime } from "./hyperliquid-time";

export const hyperliquidFunding: ExportFormat = {
  id: "hyperliquid-funding",
  exchange: "hyperliquid",
  name: "Hyperliquid funding history (time,coin,sz,side,payment,rate)",
  matches: (h) => hasColumns(h, ["time", "coin", "sz", "side", "payment", "rate"]),
  prepare: (records, context) => dateOrderOf(records, context),
  read(r, context) {
    const time = hyperliquidTime(r.time, context);
    if (time === null) return { problem: `time "${r.time}" is not a date and time this export uses` };
    const amount = decimalText(r.payment);
    if (amount === null) return { problem: `payment "${r.payment}" is not a number` };
    return {
      funding: {
        time,
        exchange: "hyperliquid",
        symbol: r.coin,
        amount,
        asset: "USDC",
        rate: decimalText(r.rate) ?? "",
        transactionId: "",
      },
    };
  },
};
