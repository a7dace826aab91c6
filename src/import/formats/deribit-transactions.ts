/**
 * Deribit transaction log (Account › Transaction log › Download CSV), one file per currency:
 *   ID,UserSeq,Date,Instrument,Type,Side,Amount,Base Amount,Position,Price,Mark Price,Index Price,Cash Flow,Funding,Fee Rate,Fee Charged,Fee Balance,Change,Balance,Equity,Trade ID,Order ID,Info,Note
 * (older files: Base Amount or Size for Amount; Fee Paid for Fee Charged). Dates DD/MM/YY HH:MM:ss,
 * UTC. Inverse perpetuals and futures (BTC-PERPETUAL, BTC-27DEC24) count Amount in USD, in
 * contracts of 10 USD (BTC) or 1 USD (ETH); linear ones (BTC_USDC-PERPETUAL) and options in the
 * coin. Fee Charged is positive when paid; Funding on settlement rows is + received / − paid.
 * Cash Flow is Deribit's session P&L since the last daily settlement, not an average-cost
 * realized P&L: it is kept as the exchange's figure, to compare over a whole position.
 * Layout: Deribit's help centre ("Transaction log") and BittyTax's parser.
 */
import { ExportFormat, hasColumns } from "../format";
import { ContractType, Instrument } from "../types";
import { prepareTimes, timeOf } from "../file-times";
import { decimalText } from "../values";

/** Deribit's own layout: DD/MM/YY, two-digit year; a spreadsheet's re-save is read per file (dates.ts). */
const DERIBIT_DATES = [{ order: "dmy", sep: "/" }] as const;

function contractOf(instrument: string): {
  asset: string;
  instrument: Instrument;
  contractType: ContractType;
  size: number;
  feeAsset: string;
} {
  const [head, ...rest] = instrument.split("-");
  const linear = head.includes("_");
  const asset = head.split("_")[0];
  const kind: Instrument = rest.length >= 3 ? "option" : rest[0] === "PERPETUAL" ? "perp" : "future";
  if (linear) return { asset, instrument: kind, contractType: "linear", size: 1, feeAsset: head.split("_")[1] };
  if (kind === "option") return { asset, instrument: kind, contractType: "linear", size: 1, feeAsset: asset };
  return { asset, instrument: kind, contractType: "inverse", size: asset === "BTC" ? 10 : 1, feeAsset: asset };
}

export const deribitTransactions: ExportFormat = {
  id: "deribit-transactions",
  exchange: "deribit",
  name: "Deribit transaction log (ID,UserSeq,Date,Instrument,Type,Side,…)",
  matches: (h) =>
    hasColumns(h, ["ID", "UserSeq", "Date", "Instrument", "Type", "Side", "Price", "Cash Flow", "Funding", "Change", "Balance"]),
  prepare(records, context) {
    context.notes.push(
      "times are UTC (Deribit writes DD/MM/YY HH:MM:ss in UTC); Cash Flow is Deribit's session P&L, not average-cost realized",
    );
    prepareTimes(records, context, "Date", (r) => r.Date, DERIBIT_DATES);
  },
  read(r, context) {
    const time = timeOf(r.Date, context, 0);
    if (time === null) return { problem: `Date "${r.Date}" is not DD/MM/YY HH:MM:ss` };
    const c = contractOf(r.Instrument);
    if (r.Type === "settlement") {
      const funding = decimalText(r.Funding);
      if (funding === null || funding === "0") return { other: "settlement (session P&L)" };
      return {
        funding: {
          time,
          exchange: "deribit",
          symbol: r.Instrument,
          amount: funding,
          asset: c.feeAsset,
          rate: "",
          transactionId: r.ID,
        },
      };
    }
    if (r.Type !== "trade") return { other: r.Type };
    const side = /buy$/.test(r.Side) ? "buy" : /sell$/.test(r.Side) ? "sell" : null;
    if (!side) return { problem: `Side "${r.Side}" is not open/close buy or sell` };
    const rawAmount = r.Amount ?? r["Base Amount"] ?? r.Size;
    const [amount, price, fee] = [decimalText(rawAmount), decimalText(r.Price), decimalText(r["Fee Charged"] ?? r["Fee Paid"])];
    if (amount === null || price === null || fee === null)
      return { problem: `Amount, Price and Fee Charged must be numbers (got "${rawAmount}", "${r.Price}")` };
    // Inverse amounts are USD: the Book counts contracts (10 USD for BTC, 1 USD for ETH).
    const quantity = c.contractType === "inverse" ? decimalText(String(Number(amount) / c.size)) : amount;
    if (quantity === null) return { problem: `Amount "${rawAmount}" is not a number` };
    return {
      fill: {
        time,
        exchange: "deribit",
        symbol: r.Instrument,
        asset: c.asset,
        instrument: c.instrument,
        contractType: c.contractType,
        contractSize: String(c.size),
        side,
        quantity,
        price,
        fee,
        feeAsset: c.feeAsset,
        exchangeRealized: decimalText(r["Cash Flow"]) ?? "",
        tradeId: r["Trade ID"] ?? "",
      },
    };
  },
};
