/**
 * A spot trade written as two legs, one per currency (Bybit's unified log, OKX's trading
 * history): the coin's leg gives the fill's size, side and price; the fee is on the leg of the
 * currency it was paid in (a buy's in the coin, a sell's in the quote). Shared by those formats:
 * each finds the legs, this makes the one fill, or the problem that stops a guess.
 */
import { RowOutcome } from "./format";
import { negate } from "./values";

export interface SpotLegs {
  time: number;
  exchange: string;
  symbol: string;
  /** The coin (BTC of BTCEUR) and the quote currency (EUR). */
  base: string;
  quote: string;
  side: "buy" | "sell";
  /** Decimal texts as the export writes them; fees negative when paid (as both exports write them). */
  quantity: string;
  price: string;
  baseFee: string;
  quoteFee: string;
  /** The fee's asset when the export names it, else the leg's currency. */
  baseFeeAsset?: string;
  quoteFeeAsset?: string;
  tradeId: string;
}

export function spotFill(legs: SpotLegs): RowOutcome {
  if (legs.baseFee !== "0" && legs.quoteFee !== "0")
    return { problem: `both legs of a spot ${legs.symbol} trade carry a fee: not a layout Legwork knows` };
  const [fee, feeAsset] =
    legs.baseFee !== "0" ? [legs.baseFee, legs.baseFeeAsset || legs.base] : [legs.quoteFee, legs.quoteFeeAsset || legs.quote];
  return {
    fill: {
      time: legs.time,
      exchange: legs.exchange,
      symbol: legs.symbol,
      asset: legs.base,
      instrument: "spot",
      contractType: "linear",
      contractSize: "1",
      side: legs.side,
      quantity: legs.quantity.replace(/^-/, ""),
      price: legs.price,
      // Negative when paid in these exports; the Book records a fee as a positive cost.
      fee: negate(fee),
      feeAsset: feeAsset.toUpperCase(),
      exchangeRealized: "",
      tradeId: legs.tradeId,
    },
  };
}
