/**
 * LEGS.HEDGEPNL(spot_qty, hedge_qty, entry_price, exit_price, [funding_rate], [funding_periods],
 * [fee_rate]): P&L of spot hedged with a short perp. Every argument may be a range: a column of
 * exit prices against a row of hedge sizes draws a whole scenario grid in one formula.
 */
import { hedgePnl as coreHedgePnl, hedgePnlFast } from "../core/hedge";
import { withDefault } from "./cells";
import { Answer, spill } from "./spill";

export function hedgePnl(
  spotQty: unknown,
  hedgeQty: unknown,
  entryPrice: unknown,
  exitPrice: unknown,
  fundingRate: unknown,
  fundingPeriods: unknown,
  feeRate: unknown,
): Answer {
  return spill(
    [
      { name: "spot_qty", value: spotQty },
      { name: "hedge_qty", value: hedgeQty },
      { name: "entry_price", value: entryPrice },
      { name: "exit_price", value: exitPrice },
      { name: "funding_rate", value: withDefault(fundingRate, 0) },
      { name: "funding_periods", value: withDefault(fundingPeriods, 0) },
      { name: "fee_rate", value: withDefault(feeRate, 0) },
    ],
    ([spot, hedge, entry, exit, rate, periods, fee]) =>
      coreHedgePnl({
        spotQty: spot,
        hedgeQty: hedge,
        entry,
        exit,
        fundingRate: rate,
        fundingPeriods: periods,
        feeRate: fee,
      }),
    ([spot, hedge, entry, exit, rate, periods, fee]) => hedgePnlFast(spot, hedge, entry, exit, rate, periods, fee),
  );
}
