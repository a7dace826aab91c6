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
    summary:
      "Net exposure of a legs table in coins; inverse legs need the price; options get their delta from Type, Strike, Expiry, Vol.",
    example: "=LEGS.NETDELTA(A1:C3) with spot long 10 and perp short 10",
    result: "0 (market neutral)",
  },
  {
    signature: "LEGS.OPTIONPRICE(type, forward, strike, days, vol, [rate], [settlement])",
    summary: "Black-76 premium of an option on a forward; coin when inverse (Deribit, OKX). Ranges spill a surface.",
    example: '=LEGS.OPTIONPRICE("call", 100000, 100000, 30, 0.6, 0, "inverse")',
    result: "0.0685 (BTC; 6,854 USD linear)",
  },
  {
    signature: "LEGS.OPTIONDELTA(type, forward, strike, days, vol, [rate], [settlement])",
    summary: "Delta in coins per option; coin-settled: the premium-adjusted delta (Black delta − premium in coin).",
    example: '=LEGS.OPTIONDELTA("call", 100000, 100000, 30, 0.6, 0, "inverse")',
    result: "0.4657 (0.5343 − 0.0685)",
  },
  {
    signature: "LEGS.OPTIONGREEKS(type, forward, strike, days, vol, [rate], [settlement])",
    summary: "One row: price, delta, gamma, vega (per vol point), theta (per day); a column of options spills a row each.",
    example: '=LEGS.OPTIONGREEKS("call", 100000, 100000, 30, 0.6, 0, "inverse")',
    result: "0.0685, 0.4657, 0.0000231, 113.95, −113.95",
  },
  {
    signature: "LEGS.IMPLIEDVOL(type, forward, strike, days, price, [rate], [settlement])",
    summary: "The volatility that gives a price (coin when inverse), to 1e-8; #N/A when none does.",
    example: '=LEGS.IMPLIEDVOL("call", 100000, 100000, 30, 0.0687, 0, "inverse")',
    result: "0.6014 (60.1 %)",
  },
  {
    signature: "LEGS.BASISAPY(spot, future, days, [compounding], [days_in_year])",
    summary: "Annualised basis of a future over spot: simple, compound or continuous.",
    example: "=LEGS.BASISAPY(95000, 98000, 90)",
    result: "0.1280… (12.8 % a year)",
  },
  {
    signature: "LEGS.FORWARDAPY(days1, apy1, days2, apy2, [compounding])",
    summary: "What rolling from the near expiry to the far one locks in: the yield between them, a year.",
    example: "=LEGS.FORWARDAPY(30, 0.06, 90, 0.08)",
    result: "0.09 (9 % a year from day 30 to day 90)",
  },
  {
    signature: "LEGS.CONSTANTMATURITY(days, apys, target_days, [compounding])",
    summary: "The basis APY at a fixed horizon (30/60/90 days) between the listed expiries, as Coin Metrics computes it.",
    example: "=LEGS.CONSTANTMATURITY({9;37}, {0.05;0.08}, 30)",
    result: "0.07775",
  },
  {
    signature: "LEGS.REBALANCE(prices, spot_qty, hedge, band, [mode], [fee_rate], [times])",
    summary:
      "Backtest of a hedge kept delta-neutral along a price path: the trades, fees and P&L per price, against never rebalancing.",
    example: '=LEGS.REBALANCE(A2:A3, 1, {"inverse",1000,100}, 0.1) with prices 100,000 and 115,000',
    result: "at 115,000 the delta is +0.1304: a trade of −0.1304 BTC restores 0",
  },
  {
    signature: "LEGS.HEDGESTATS(spot_prices, hedge_prices, [returns])",
    summary:
      "How well a hedge tracked the spot: correlation, minimum-variance hedge ratio h*, effectiveness R², volatilities, largest divergence.",
    example: "=LEGS.HEDGESTATS(B2:B17, C2:C17) on Hull's jet-fuel and heating-oil table",
    result: "ρ 0.928, h* 0.78, R² 0.86",
  },
  {
    signature: "LEGS.FUNDINGYIELD(rate, [interval_hours], [horizon_days], [compounding])",
    summary: "Funding return over a horizon from a rate or a history of rates.",
    example: "=LEGS.FUNDINGYIELD(0.0003)",
    result: "0.3285 (32.85 % a year)",
  },
  {
    signature: "LEGS.FUNDINGBOARD(symbols, [exchanges], [horizon])",
    summary:
      "Live funding across venues on one basis (each venue's own interval restated per 8 h, a day or a year): the venue to be short on, to be long on, their spread and its APR.",
    example: '=LEGS.FUNDINGBOARD(A2:A4, "binance, hyperliquid")',
    result: "a table, refreshed every 30 s: Hyperliquid's hourly 0.00125 % shows as 0.01 % per 8 h, beside Binance's 0.01 %",
  },
  {
    signature: "LEGS.HEDGEPNL(spot_qty, hedge_qty, entry_price, exit_price, [funding_rate], [funding_periods], [fee_rate])",
    summary: "P&L of spot hedged with a short perp, with funding and fees; spills over a range of exit prices.",
    example: "=LEGS.HEDGEPNL(10, 5, 3400, 3740)",
    result: "1700",
  },
  {
    signature: "LEGS.POSITIONPNL(side, quantity, entry_price, exit_price, [contract_type], [contract_size])",
    summary: "P&L of one position: linear in quote currency, inverse in coin.",
    example: '=LEGS.POSITIONPNL("long", 15000, 750, 800, "inverse")',
    result: "1.25 (XBT)",
  },
  {
    signature: "LEGS.AVGENTRY(quantities, prices, [contract_type])",
    summary: "Average entry of fills: weighted for linear, harmonic for inverse.",
    example: "=LEGS.AVGENTRY({0.5;0.3}, {5000;6000})",
    result: "5375",
  },
  {
    signature: "LEGS.LIQPRICE(side, entry_price, quantity, margin, maint_rate, [maint_amount], [contract_type], [maint_basis])",
    summary: "Liquidation price, with maintenance on the mark (Binance, Hyperliquid) or entry value (Bybit).",
    example: '=LEGS.LIQPRICE("long", 20000, 1, 400, 0.005, 0, "linear", "entry")',
    result: "19700",
  },
  {
    signature: "LEGS.FUNDINGPNL(side, quantity, price, rate, [contract_type], [contract_size])",
    summary: "Funding received (+) or paid (−) over one or many funding events.",
    example: '=LEGS.FUNDINGPNL("long", 15000, 750, 0.0025, "inverse")',
    result: "-0.05 (XBT)",
  },
  {
    signature:
      "LEGS.REALIZEDPNL(sides, quantities, prices, [method], [contract_type], [contract_size], [opening_position], [opening_entry])",
    summary:
      "Realized P&L of each fill, as the exchange's Realized Profit column shows it: average cost or FIFO, flips included; a history that starts mid-position states what was held before it.",
    example: '=LEGS.REALIZEDPNL({"buy";"buy";"sell"}, {1;1;1}, {100;200;300})',
    result: "0, 0, 150 (SUM: 150)",
  },
  {
    signature: "LEGS.LEDGER(fills, [funding], [marks], [method], [closed])",
    summary:
      "The Book's combined P&L: per position, then per strategy and currency: realized, fees, funding, unrealized; with the exchange's closed P&L beside it, given its Closed P&L table.",
    example: "=LEGS.LEDGER(Fills[#All], Funding[#All], M6:O15)",
    result: "a table: cash-and-carry +3,000 realized, −294 fees, 2,706 total",
  },
  {
    signature: "LEGS.BOOKDELTA(fills, [marks], [method])",
    summary: "Net delta per strategy and asset in coins; inverse contracts converted at the mark.",
    example: "=LEGS.BOOKDELTA(Fills[#All], M6:O15)",
    result: "a table: spot +0.01 BTC with 10 BTCUSD contracts short at 100,000 → 0",
  },
  {
    signature: "LEGS.BOOKPNL(fills, [funding], [currency], [method])",
    summary: "P&L by UTC day in one currency: realized, funding, fees, and the running total.",
    example: '=LEGS.BOOKPNL(Fills[#All], Funding[#All], "USDT")',
    result: "a table: Date, Realized, Funding, Fees, Cumulative",
  },
];
