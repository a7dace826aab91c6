/**
 * OKX trading history (Assets › Order center › Trading history › Export), after a preamble line
 * "UID:…,Account Type:…,Time Zone:UTC+8":
 *   id,Order id,Time,Trade Type,Symbol,Action,Amount,Trading Unit,Filled Price,PnL,Fee,Fee Unit,Position Change,Position Balance,Balance Change,Balance,Balance Unit
 * (some files add Filled_price-USD,Pnl-USD,… columns; they are ignored). One row per bill, newest
 * first, as OKX's bills endpoints give them. Conventions:
 * - Time is yyyy-mm-dd hh:mm:ss in the zone the preamble states; without one, OKX's default UTC+8
 *   (or the zone the caller gives), and the summary says so.
 * - Numbers may be scale-8 decimals, zero written "0E-8".
 * - Action is the bill's subtype: Buy, Sell, Open long, Close long, Open short, Close short, and
 *   the Partial liquidation / Liquidation / ADL / Delivery / block trade forms of them; funding
 *   is "Funding fee expense" / "Funding fee income" (its PnL, and Balance Change, signed + received).
 * - Amount of a swap or future is in contracts when Trading Unit is "cont": a linear fill's size in
 *   coins is contracts × ctVal (okx-contract-values.ts; an instrument not there is refused, never
 *   guessed); an inverse fill stays in contracts of ctVal USD.
 * - Fee is negative when paid, positive for a rebate (the Book's fee is −Fee).
 * - PnL is the realized P&L of a closing fill before its fee (gross): Balance Change = PnL + Fee.
 * - A spot trade comes as two rows sharing its Order id and Time, one per currency, each with
 *   its Balance Unit: the coin's row (BTC of BTC-USDT) is the fill, its Amount and Filled Price,
 *   side Buy or Sell as the coin's row says; the fee is on the row of the currency it was paid in
 *   (a buy's in the coin, a sell's in the quote; real rows: everytrade-io/everytrade-plugins,
 *   OkxBeanV2_2Test.java). Margin trades are counted, not imported.
 * Sources: OKX API v5 docs, "Get bills details" (subtype names, `sz` in contracts for SWAP/FUTURES,
 * "fee: negative … charged, positive … rebate", funding subtypes 173/174 with the amount in `pnl`);
 * public importers reading this file (BittyTax okx.py: the id column may carry a byte-order mark;
 * open-source OKX importers' tests: preamble, Time Zone, two-row spot fills, Open/Close long/short
 * with negative fees and gross PnL, funding rows by Action).
 */
import { ExportFormat, FileContext, hasColumns } from "../format";
import { spotFill } from "../spot-legs";
import { okxContract } from "../okx-contract-values";
import { prepareTimes, timeOf } from "../file-times";
import { decimalQuotient, decimalText, decimalTimes, isEmpty, NATIVE_DATES, negate, offsetFromLabel, zoneLabel } from "../values";

const COLUMNS = [
  "id",
  "Order id",
  "Time",
  "Trade Type",
  "Symbol",
  "Action",
  "Amount",
  "Trading Unit",
  "Filled Price",
  "PnL",
  "Fee",
  "Fee Unit",
  "Balance Change",
  "Balance Unit",
];

/** OKX's default display zone, for a file whose preamble states none. */
const DEFAULT_OFFSET = 8 * 60;

/** An Action → the fill's side; null when it is not a fill. */
function sideOf(action: string): "buy" | "sell" | null {
  const a = action
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^(partial liquidation|liquidation|adl|block trade|delivery) /, "");
  if (a === "buy" || a === "open long" || a === "close short" || a === "short") return "buy";
  if (a === "sell" || a === "open short" || a === "close long" || a === "long") return "sell";
  return null;
}

export const okxTrades: ExportFormat = {
  id: "okx-trading-history",
  exchange: "okx",
  name: "OKX trading history (UID:…,Time Zone:… preamble; id,Order id,Time,Trade Type,Symbol,Action,Amount,Trading Unit,…)",
  matches: (h) => hasColumns(h, COLUMNS),
  prepare(records, context) {
    const preamble = context.preamble.join(",").replace(/\uFEFF/g, "");
    const stated = /Time\s*Zone\s*:\s*([^,]*)/i.exec(preamble);
    const offset = stated ? offsetFromLabel(stated[1]) : null;
    if (offset !== null) {
      context.offset = offset;
      context.notes.push(`times read in the zone the file states, ${zoneLabel(offset)}`);
    } else {
      const given = context.options.utcOffsetMinutes;
      context.offset = given ?? DEFAULT_OFFSET;
      const said = stated ? `states the time zone "${stated[1].trim()}", which is not a UTC offset` : "states no time zone";
      context.notes.push(
        given !== undefined
          ? `the file ${said}: times read in the zone given, ${zoneLabel(given)}`
          : `the file ${said} (OKX writes "Time Zone:UTC+8" above the header): times read as UTC+8, OKX's default`,
      );
    }
    context.spotQuoteLegs = spotQuoteLegs(records);
    prepareTimes(records, context, "Time", (r) => r.Time, NATIVE_DATES);
    // Excel shortens 19-digit ids to 3.56E+18 when it saves the file again: they no longer tell rows apart.
    context.ids = !records.some((r) => /e\+?\d+$/i.test(r.id ?? ""));
    if (!context.ids)
      context.notes.push(
        'the id column is in exponent form (saved again by Excel, e.g. "3.56E+18"): rows are keyed by their content',
      );
  },
  read(r, context) {
    const time = timeOf(r.Time, context, context.offset as number);
    if (time === null) return { problem: `Time "${r.Time}" is not a date and time (yyyy-mm-dd hh:mm:ss)` };
    const id = context.ids ? r.id : "";
    const symbol = r.Symbol;
    const action = r.Action;

    if (/^funding fee/i.test(action)) {
      if (isEmpty(symbol)) return { problem: `Action "${action}" has no Symbol` };
      const [pnl, change] = [decimalText(r.PnL), decimalText(r["Balance Change"])];
      const amount = pnl !== null && pnl !== "0" ? pnl : change;
      if (amount === null) return { problem: `PnL "${r.PnL}" and Balance Change "${r["Balance Change"]}" are not numbers` };
      const negative = amount.startsWith("-");
      if ((/expense/i.test(action) && !negative && amount !== "0") || (/income/i.test(action) && negative)) {
        return {
          problem: `Action "${action}" with an amount of ${amount}: an expense must be negative and an income positive (PnL is + received)`,
        };
      }
      const asset = (isEmpty(r["Balance Unit"]) ? r["Fee Unit"] : r["Balance Unit"]).toUpperCase();
      return { funding: { time, exchange: "okx", symbol, amount, asset, rate: "", transactionId: id } };
    }

    if (isEmpty(symbol)) return { other: isEmpty(action) ? r["Trade Type"] || "row without a Symbol" : action };
    const parts = symbol.split("-");
    if (parts.length === 2) {
      if (/margin/i.test(r["Trade Type"])) return { other: "margin trade (the Book holds spot and derivatives fills)" };
      return spotRow(r, time, id, parts, context);
    }
    const side = sideOf(action);
    if (!side) {
      if (/open|close|buy|sell|long|short/i.test(action)) {
        return { problem: `Action "${action}" is not an OKX fill (Buy, Sell, Open long, Close short, Liquidation long, …)` };
      }
      return { other: action || r["Trade Type"] };
    }
    if (/^[CP]$/.test(parts[parts.length - 1]) && parts.length === 5) {
      return {
        problem: `Symbol "${symbol}" is an option: OKX option fills are not read (their contract multiplier is not in Legwork's table)`,
      };
    }
    const contract = okxContract(symbol);
    if ("unknown" in contract) {
      return {
        problem: `Symbol "${symbol}": ${contract.unknown}, so its Amount in contracts cannot be turned into a quantity (the row is not read)`,
      };
    }
    const [amount, price, fee] = [decimalText(r.Amount), decimalText(r["Filled Price"]), decimalText(r.Fee)];
    if (amount === null || price === null || fee === null) {
      return { problem: `Amount, Filled Price and Fee must be numbers (got "${r.Amount}", "${r["Filled Price"]}", "${r.Fee}")` };
    }
    if (amount.startsWith("-")) return { problem: `Amount "${r.Amount}" is negative: OKX writes fill sizes ≥ 0` };
    const unit = r["Trading Unit"].toUpperCase();
    let quantity: string | null = null;
    if (contract.contractType === "linear") {
      if (unit === "CONT") quantity = decimalTimes(amount, contract.ctVal);
      else if (unit === contract.asset) quantity = amount;
    } else if (unit === "CONT") quantity = amount;
    else if (unit === "USD") quantity = decimalQuotient(amount, contract.ctVal);
    if (quantity === null) {
      const allowed = contract.contractType === "linear" ? `cont or ${contract.asset}` : "cont or USD";
      return { problem: `Trading Unit "${r["Trading Unit"]}" with Amount ${amount} on ${symbol}: the unit must be ${allowed}` };
    }
    const feeUnit = r["Fee Unit"].toUpperCase();
    return {
      // "Open long" opens; "Close short", "Liquidation long", … close; Buy / Sell (net mode) do not say.
      effect: /^open/i.test(action) ? "open" : /^(close|liquidation|adl|delivery)/i.test(action) ? "close" : undefined,
      fill: {
        time,
        exchange: "okx",
        symbol,
        asset: contract.asset,
        instrument: contract.instrument,
        contractType: contract.contractType,
        contractSize: contract.contractType === "linear" ? "1" : contract.ctVal,
        side,
        quantity,
        price,
        // Negative when paid in this export; the Book records a fee as a positive cost.
        fee: negate(fee),
        feeAsset: feeUnit || (contract.contractType === "inverse" ? contract.asset : parts[1].toUpperCase()),
        exchangeRealized: decimalText(r.PnL) ?? "",
        tradeId: id,
      },
    };
  },
};

/** A spot trade's rows share these: the order, the second and the pair. */
const spotKey = (r: Record<string, string>) => `${r["Order id"]}|${r.Time}|${r.Symbol}`;

/** The spot rows of the quote currency (USDT of BTC-USDT): their fees, in file order per trade. */
function spotQuoteLegs(records: readonly Record<string, string>[]): Map<string, { fee: string; unit: string }[]> {
  const legs = new Map<string, { fee: string; unit: string }[]>();
  for (const r of records) {
    const parts = (r.Symbol ?? "").split("-");
    if (
      parts.length !== 2 ||
      /margin/i.test(r["Trade Type"]) ||
      (r["Balance Unit"] ?? "").toUpperCase() === parts[0].toUpperCase()
    )
      continue;
    const list = legs.get(spotKey(r)) ?? [];
    list.push({ fee: r.Fee, unit: r["Fee Unit"] });
    legs.set(spotKey(r), list);
  }
  return legs;
}

function spotRow(r: Record<string, string>, time: number, id: string, parts: string[], context: FileContext) {
  const [base, quote] = [parts[0].toUpperCase(), parts[1].toUpperCase()];
  if ((r["Balance Unit"] ?? "").toUpperCase() !== base) return { other: "spot trade's quote row (in its coin row's fill)" };
  const side = /^buy$/i.test(r.Action) ? "buy" : /^sell$/i.test(r.Action) ? "sell" : null;
  if (!side) return { problem: `Action "${r.Action}" of a spot ${r.Symbol} row is neither Buy nor Sell` };
  const [quantity, price, baseFee] = [decimalText(r.Amount), decimalText(r["Filled Price"]), decimalText(r.Fee)];
  if (quantity === null || price === null || baseFee === null)
    return { problem: `Amount, Filled Price and Fee must be numbers (got "${r.Amount}", "${r["Filled Price"]}", "${r.Fee}")` };
  const partner = (context.spotQuoteLegs as Map<string, { fee: string; unit: string }[]>).get(spotKey(r))?.shift();
  if (!partner)
    return {
      problem: `a spot ${r.Symbol} row in ${base} without its ${quote} row (same Order id and Time): the fill's fee is not known`,
    };
  const quoteFee = decimalText(partner.fee);
  if (quoteFee === null) return { problem: `the ${quote} row's Fee "${partner.fee}" is not a number` };
  return spotFill({
    time,
    exchange: "okx",
    symbol: r.Symbol,
    base,
    quote,
    side,
    quantity,
    price,
    baseFee,
    quoteFee,
    baseFeeAsset: r["Fee Unit"],
    quoteFeeAsset: partner.unit,
    tradeId: id,
  });
}
