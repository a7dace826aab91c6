/**
 * BitMEX execution history (Orders › Trade History › Export), a UTF-8 file with a byte-order mark
 * and every field quoted:
 *   "transactTime","symbol","execType","side","lastQty","lastPx","execCost","commission","execComm","ordType","orderQty","leavesQty","price","text","orderID"
 * (newer files add "account" and write ISO-8601 times, UTC; older ones write "1/26/2020, 6:32:04 PM"
 * in the exporting browser's time zone: the file is built in the browser, and real exports show
 * BitMEX's 12:00 UTC daily settlement at 7:00 AM from New York — rotki's wallet-history fixture —
 * so those times are read at the offset the user gives, as Hyperliquid's are; the browser's
 * locale decides their date order, read per file by bitmex-time.ts). XBT contracts are inverse, 1 USD each (`lastQty` contracts); `execComm` is in satoshi,
 * positive when paid, negative for a maker rebate. The file has no realized P&L per fill. Funding
 * rows (execType Funding) carry the payment in execComm, positive when paid.
 * Source of the layout: GitHub everytrade-io/everytrade-plugins, parser-files/bitmex_v001_M.csv.
 */
import { ExportFormat, hasColumns } from "../format";
import { bitmexTime, prepareBitmexTimes } from "./bitmex-time";
import { decimalText, negate, zoneLabel } from "../values";

const SATOSHI_DIGITS = 8;

/** Satoshi (an integer, as text) → XBT as exact decimal text. */
function satoshiToXbt(s: string): string | null {
  const d = decimalText(s);
  if (d === null) return null;
  const neg = d.startsWith("-");
  const digits = (neg ? d.slice(1) : d).split(".");
  if (digits.length > 1) return null; // satoshi are whole
  const padded = digits[0].padStart(SATOSHI_DIGITS + 1, "0");
  const whole = padded.slice(0, -SATOSHI_DIGITS);
  const frac = padded.slice(-SATOSHI_DIGITS).replace(/0+$/, "");
  const text = frac ? `${whole}.${frac}` : whole;
  return decimalText(neg ? `-${text}` : text);
}

/** XBTUSD (perpetual) and XBT quarterlies (XBTZ20, XBTH21): inverse, 1 USD per contract. */
const XBT_INVERSE = /^XBT(USD|[FGHJKMNQUVXZ]\d\d)$/;

export const bitmexExecutions: ExportFormat = {
  id: "bitmex-executions",
  exchange: "bitmex",
  name: 'BitMEX execution history ("transactTime","symbol","execType","side","lastQty","lastPx",…)',
  matches: (h) => hasColumns(h, ["transactTime", "symbol", "execType", "side", "lastQty", "lastPx", "execCost", "execComm"]),
  prepare(records, context) {
    prepareBitmexTimes(records, context, "transactTime");
    const local = records.some((r) => !/Z$/.test((r.transactTime ?? "").trim()));
    const offset = context.options.utcOffsetMinutes ?? 0;
    context.notes.push(
      local
        ? `times like "1/26/2020, 6:32:04 PM" are the exporting browser's local time (its date order read from the whole file): read as ${zoneLabel(offset)}`
        : "ISO times, UTC as BitMEX writes them",
    );
  },
  read(r, context) {
    const time = bitmexTime(r.transactTime, context, context.options.utcOffsetMinutes ?? 0);
    if (time === null) return { problem: `transactTime "${r.transactTime}" is not a date and time BitMEX writes` };
    if (!XBT_INVERSE.test(r.symbol))
      return { problem: `${r.symbol}: only BitMEX's inverse XBT contracts (XBTUSD, XBT quarterlies) are read so far` };
    if (r.execType === "Funding") {
      const paid = satoshiToXbt(r.execComm);
      if (paid === null) return { problem: `execComm "${r.execComm}" is not a whole number of satoshi` };
      return {
        funding: {
          time,
          exchange: "bitmex",
          symbol: r.symbol,
          amount: negate(paid),
          asset: "XBT",
          rate: decimalText(r.commission) ?? "",
          transactionId: "",
        },
      };
    }
    if (r.execType !== "Trade") return { other: r.execType };
    const side = r.side === "Buy" ? "buy" : r.side === "Sell" ? "sell" : null;
    if (!side) return { problem: `side "${r.side}" is neither Buy nor Sell` };
    const [quantity, price, fee] = [decimalText(r.lastQty), decimalText(r.lastPx), satoshiToXbt(r.execComm)];
    if (quantity === null || price === null || fee === null) {
      return { problem: `lastQty, lastPx and execComm must be numbers (got "${r.lastQty}", "${r.lastPx}", "${r.execComm}")` };
    }
    return {
      fill: {
        time,
        exchange: "bitmex",
        symbol: r.symbol,
        asset: "XBT",
        instrument: r.symbol === "XBTUSD" ? "perp" : "future",
        contractType: "inverse",
        contractSize: "1",
        side,
        quantity,
        price,
        fee,
        feeAsset: "XBT",
        exchangeRealized: "",
        tradeId: "",
      },
    };
  },
};
