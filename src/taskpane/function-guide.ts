/** What the taskpane shows about each LEGS function: a signature, what it answers, an example. */
export interface FunctionGuide {
  signature: string;
  summary: string;
  example: string;
  result: string;
}

export const FUNCTION_GUIDE: readonly FunctionGuide[] = [
  {
    signature: "LEGS.NETDELTA(legs, [price], [asset])",
    summary: "Net exposure of a legs table in coins; inverse legs need the price.",
    example: "=LEGS.NETDELTA(A1:C3) with spot long 10 and perp short 10",
    result: "0 (market neutral)",
  },
  {
    signature: "LEGS.BASISAPY(spot, future, days, [compounding], [days_in_year])",
    summary: "Annualised basis of a future over spot: simple, compound or continuous.",
    example: "=LEGS.BASISAPY(95000, 98000, 90)",
    result: "0.1280… (12.8 % a year)",
  },
  {
    signature: "LEGS.FUNDINGYIELD(rate, [interval_hours], [horizon_days], [compounding])",
    summary: "Funding return over a horizon from a rate or a history of rates.",
    example: "=LEGS.FUNDINGYIELD(0.0003)",
    result: "0.3285 (32.85 % a year)",
  },
  {
    signature: "LEGS.HEDGEPNL(spot_qty, hedge_qty, entry_price, exit_price, [funding_rate], [funding_periods], [fee_rate])",
    summary: "P&L of spot hedged with a short perp, with funding and fees; spills over a range of exit prices.",
    example: "=LEGS.HEDGEPNL(10, 5, 3400, 3740)",
    result: "1700",
  },
];
