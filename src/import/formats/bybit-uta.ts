/**
 * Bybit unified trading account transaction log (Assets › Unified Trading › Export), after a
 * preamble line "UID: …,Company Name: ,Country: ":
 *   Uid,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Action,Time(UTC)
 * (a variant has OrderId,TradeId,Time instead of Uid and Time(UTC)). "--" is empty. In this CSV
 * Fee Paid and Funding are negative when paid; Cash Flow is the closing trade's realized P&L
 * before fee and funding (Change = Cash Flow + Funding + Fee Paid). TRADE rows with Action OPEN or
 * CLOSE are derivatives fills; SETTLEMENT rows are funding; a spot trade comes as two legs with
 * Action "--", one per currency, at the same time (real rows: everytrade-io/everytrade-plugins,
 * bybiteu_uta_v001.csv): the base leg (Currency BTC of BTCEUR) is the fill, its size and price,
 * and the fee is on the leg of the currency it was paid in (a buy's in BTC, a sell's in EUR);
 * the quote leg is counted as part of its base leg's fill.
 */
import { ExportFormat, FileContext, hasColumns } from "../format";
import { spotFill } from "../spot-legs";
import { prepareTimes, timeOf } from "../file-times";
import { assetOf, decimalText, isEmpty, negate, NATIVE_DATES } from "../values";

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
  prepare(records, context) {
    context.notes.push("times are UTC, as the Time(UTC) column says");
    context.spotQuoteFees = quoteLegFees(records);
    // Bybit's own yyyy-mm-dd, or a spreadsheet's layout when one saved the file again (dates.ts).
    prepareTimes(records, context, "Time(UTC)", (r) => r["Time(UTC)"] ?? r.Time, NATIVE_DATES);
  },
  read(r, context) {
    const time = timeOf(r["Time(UTC)"] ?? r.Time, context, 0);
    if (time === null) return { problem: `time "${r["Time(UTC)"] ?? r.Time}" is not a date and time (yyyy-mm-dd hh:mm:ss)` };
    const contract = r.Contract;
    const inverse = /USD$/i.test(contract);
    if (r.Type === "SETTLEMENT") {
      const amount = decimalText(r.Funding);
      if (amount === null) return { problem: `Funding "${r.Funding}" is not a number` };
      return { funding: { time, exchange: "bybit", symbol: contract, amount, asset: r.Currency, rate: "", transactionId: "" } };
    }
    if (r.Type !== "TRADE") return { other: r.Type };
    if (isEmpty(r.Action)) return spotLeg(r, time, context);
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

/** A spot leg's pairing key: the trade's time, pair and direction (both legs share them). */
const legKey = (r: Record<string, string>) => `${r["Time(UTC)"] ?? r.Time}|${r.Contract}|${r.Direction}`;

/** Whether the row is a spot trade's base leg (Currency BTC of Contract BTCEUR). */
const isBaseLeg = (r: Record<string, string>) => r.Contract.length > r.Currency.length && r.Contract.startsWith(r.Currency);

/** The quote legs' fees (negative when paid), in file order per pairing key. */
function quoteLegFees(records: readonly Record<string, string>[]): Map<string, string[]> {
  const fees = new Map<string, string[]>();
  for (const r of records) {
    if (r.Type !== "TRADE" || !isEmpty(r.Action) || isBaseLeg(r)) continue;
    const k = legKey(r);
    const list = fees.get(k) ?? [];
    list.push(r["Fee Paid"]);
    fees.set(k, list);
  }
  return fees;
}

function spotLeg(r: Record<string, string>, time: number, context: FileContext) {
  if (!isBaseLeg(r)) return { other: "spot trade's quote leg (in its base leg's fill)" };
  const side = r.Direction === "BUY" ? "buy" : r.Direction === "SELL" ? "sell" : null;
  if (!side) return { problem: `Direction "${r.Direction}" is neither BUY nor SELL` };
  const quote = r.Contract.slice(r.Currency.length);
  const partner = (context.spotQuoteFees as Map<string, string[]>).get(legKey(r))?.shift();
  const [quantity, price, baseFee] = [decimalText(r.Quantity), decimalText(r["Filled Price"]), decimalText(r["Fee Paid"])];
  const quoteFee = partner === undefined ? null : decimalText(partner);
  if (quantity === null || price === null || baseFee === null)
    return {
      problem: `Quantity, Filled Price and Fee Paid must be numbers (got "${r.Quantity}", "${r["Filled Price"]}", "${r["Fee Paid"]}")`,
    };
  if (partner === undefined)
    return {
      problem: `a spot ${r.Contract} leg in ${r.Currency} without its ${quote} leg at the same time: the fill's fee is not known`,
    };
  if (quoteFee === null) return { problem: `the ${quote} leg's Fee Paid "${partner}" is not a number` };
  return spotFill({
    time,
    exchange: "bybit",
    symbol: r.Contract,
    base: r.Currency,
    quote,
    side,
    quantity,
    price,
    baseFee,
    quoteFee,
    tradeId: r.TradeId ?? "",
  });
}
