/**
 * Hyperliquid trade history (Portfolio › Trade History › Export as CSV):
 *   time,coin,dir,px,sz,ntl,fee,closedPnl
 * `dir` is Open Long, Close Long, Open Short, Close Short, the flips Long > Short / Short > Long
 * (and "(Price Improved)" variants); spot rows are Buy / Sell on a pair ("HYPE/USDC"). Sizes are
 * coins; fees positive when paid, in USDC, but a spot buy pays its fee in the coin bought
 * (real rows: closedPnl = −fee × px, e.g. HYPE/USDC 4.03 at 58.319, fee 0.00282099 HYPE,
 * closedPnl −0.16451731581); closedPnl is net of the fill's fee. Dates follow the
 * browser's locale (DD/MM/YYYY or M/D/YYYY, with or without " - ") and carry no time zone.
 * Source of the layout: a real export in GitHub amauryleproux/funding-farmer (trade_history.csv).
 */
import { ExportFormat, hasColumns } from "../format";
import { decimalText } from "../values";
import { dateOrderOf, hyperliquidTime } from "./hyperliquid-time";

const BUY = /^(Open Long|Close Short|Short > Long|Buy)\b/;
const SELL = /^(Open Short|Close Long|Long > Short|Sell)\b/;

export const hyperliquidTrades: ExportFormat = {
  id: "hyperliquid-trades",
  exchange: "hyperliquid",
  name: "Hyperliquid trade history (time,coin,dir,px,sz,ntl,fee,closedPnl)",
  matches: (h) => hasColumns(h, ["time", "coin", "dir", "px", "sz", "ntl", "fee", "closedPnl"]),
  realizedNetOfFee: true,
  prepare(records, context) {
    dateOrderOf(records, context);
    // The Book keeps each venue's own figure: say which convention this one is.
    context.notes.push(
      "Exchange realized is Hyperliquid's closedPnl, net of the fill's fee (Binance, Bybit and OKX write it gross)",
    );
  },
  read(r, context) {
    const time = hyperliquidTime(r.time, context);
    if (time === null) return { problem: `time "${r.time}" is not a date and time this export uses` };
    const side = BUY.test(r.dir) ? "buy" : SELL.test(r.dir) ? "sell" : null;
    if (!side) return { problem: `dir "${r.dir}" is not a Hyperliquid direction (Open Long, Close Short, Long > Short, …)` };
    const [quantity, price, fee, closed] = [decimalText(r.sz), decimalText(r.px), decimalText(r.fee), decimalText(r.closedPnl)];
    if (quantity === null || price === null || fee === null)
      return { problem: `sz, px and fee must be numbers (got "${r.sz}", "${r.px}", "${r.fee}")` };
    const spot = r.coin.includes("/");
    return {
      // A flip (Long > Short) closes the old position first.
      effect: spot ? undefined : /^Open/.test(r.dir) ? "open" : "close",
      fill: {
        time,
        exchange: "hyperliquid",
        symbol: r.coin,
        asset: spot ? r.coin.split("/")[0] : r.coin,
        instrument: spot ? "spot" : "perp",
        contractType: "linear",
        contractSize: "1",
        side,
        quantity,
        price,
        fee,
        // A spot buy's fee is taken from the coin bought; a sell's from the quote it receives.
        feeAsset: spot ? (side === "buy" ? r.coin.split("/")[0] : r.coin.split("/")[1]) : "USDC",
        exchangeRealized: closed ?? "",
        tradeId: "",
      },
    };
  },
};
