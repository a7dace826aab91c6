/**
 * The LEGS.* worksheet functions: Excel's entry points.
 *
 * Each is a named top-level function with JSDoc tags, from which custom-functions-metadata-plugin
 * generates functions.json and appends the CustomFunctions.associate calls. They only adapt:
 * the argument reading lives in the host-neutral modules beside this file, the finance in
 * src/core. Optional arguments arrive as null when omitted (TypeScript defaults never apply).
 * No Office, window or document here (see excel-result.ts).
 */
import { avgEntry } from "./avgentry";
import { basisApy } from "./basisapy";
import { boardToCell, futuresToCell, matrixResult, scalarResult, streamToCell } from "./excel-result";
import { fundingPnl } from "./fundingpnl";
import { fundingYield } from "./fundingyield";
import { hedgePnl } from "./hedgepnl";
import { liqPrice } from "./liqprice";
import { fundingHistory, fundingInterval } from "./live";
import { netDelta } from "./netdelta";
import { positionPnl } from "./positionpnl";
import { withBook, withCurves, withOptions } from "./chunks";
import { hasOptionColumns } from "./option-columns";

/**
 * Net delta of a book of legs: spot, perps, futures and options, linear or inverse, in units of the underlying coin.
 * @customfunction NETDELTA
 * @param legs The legs table with a header row (Asset, Instrument, Side, Quantity, Contract size, Inverse, Delta; for options without a Delta: Type, Strike, Expiry or Days, Vol), or a single column of signed quantities.
 * @param [price] Price of the underlying in quote currency: needed when a leg is inverse, and the forward at which option deltas are computed.
 * @param [asset] Only the legs of this asset (e.g. "ETH"); needed when the table holds more than one asset.
 * @returns Net exposure in coins: positive is net long, 0 is market neutral.
 */
export async function NETDELTA(legs: any[][], price?: any, asset?: any): Promise<number> {
  // A table with option columns may need Black-76, which lives in options.js.
  return scalarResult(
    hasOptionColumns(legs) ? await withOptions((o) => o.netDeltaOf(legs, price, asset)) : netDelta(legs, price, asset),
  );
}

/**
 * Annualised basis of a dated future over spot, as a fraction (0.128 = 12.8 % a year). Ranges of spot, future or days spill a term structure.
 * @customfunction BASISAPY
 * @param spot Spot price (> 0), or a range of them.
 * @param future Future price (> 0), or a range of them.
 * @param days Days to expiry (> 0), or a range of them.
 * @param [compounding] "simple" (default): (F−S)/S × Y/days; "compound": (F/S)^(Y/days) − 1; "continuous": ln(F/S) × Y/days.
 * @param [days_in_year] Days in a year, Y (default 365).
 * @returns The annualised basis: one number, or a spilled range when an argument is a range.
 */
export function BASISAPY(spot: any[][], future: any[][], days: any[][], compounding?: any, days_in_year?: any): any[][] {
  return matrixResult(basisApy(spot, future, days, compounding, days_in_year));
}

/**
 * The annualised yield between two expiries implied by their basis APYs: what rolling from the near contract to the far one locks in.
 * @customfunction FORWARDAPY
 * @param days1 Days to the near expiry (≥ 0). Range ok.
 * @param apy1 Annualised basis to the near expiry (0.1 = 10 %), e.g. from LEGS.BASISAPY. Range ok.
 * @param days2 Days to the far expiry (> days1). Range ok.
 * @param apy2 Annualised basis to the far expiry. Range ok.
 * @param [compounding] "simple" (default) or "continuous": (apy2·days2 − apy1·days1)/(days2 − days1); "compound": ((1+apy2)^days2/(1+apy1)^days1)^(1/(days2−days1)) − 1.
 * @returns The forward yield per year.
 */
export async function FORWARDAPY(
  days1: any[][],
  apy1: any[][],
  days2: any[][],
  apy2: any[][],
  compounding?: any,
): Promise<any[][]> {
  return matrixResult(await withCurves((c) => c.forwardApy(days1, apy1, days2, apy2, compounding)));
}

/**
 * The basis APY at a constant maturity (30, 60, 90 days…), interpolated between the two listed expiries around it as Coin Metrics does; #N/A outside them.
 * @customfunction CONSTANTMATURITY
 * @param days Days to each listed expiry (a column or row).
 * @param apys The annualised basis of each expiry, the same shape as days.
 * @param target_days The maturity wanted, in days (> 0), or a range of them.
 * @param [compounding] "simple" (default) or "continuous": the total basis interpolated linearly in time; "compound": (1+APY)^days log-linearly.
 * @returns The basis APY at the target maturity.
 */
export async function CONSTANTMATURITY(days: any[][], apys: any[][], target_days: any[][], compounding?: any): Promise<any[][]> {
  return matrixResult(await withCurves((c) => c.constantMaturity(days, apys, target_days, compounding)));
}

/**
 * Return of a perpetual funding position over a horizon, as a fraction (0.3285 = 32.85 %). A short receives it when the rate is positive.
 * @customfunction FUNDINGYIELD
 * @param rate Funding rate per interval (0.0003 = 0.03 %), or a range of historical rates (their mean is used).
 * @param [interval_hours] Hours between funding events (default 8; 1 on Hyperliquid), or a range.
 * @param [horizon_days] Days of funding (default 365), or a range.
 * @param [compounding] "simple" (default): rate × n; "compound": (1 + rate)^n − 1; n = horizon_days × 24 / interval_hours.
 * @returns The funding return over the horizon.
 */
export function FUNDINGYIELD(rate: any[][], interval_hours?: any[][], horizon_days?: any[][], compounding?: any): any[][] {
  return matrixResult(fundingYield(rate, interval_hours, horizon_days, compounding));
}

/**
 * P&L of long spot hedged with a short perpetual, from entry to exit, with funding and fees. A range of exit prices spills a scenario table.
 * @customfunction HEDGEPNL
 * @param spot_qty Spot held, in coins (negative for a short).
 * @param hedge_qty Perp short, in coins (negative for a long perp: enhanced exposure).
 * @param entry_price Price at which both legs were opened (> 0).
 * @param exit_price Price at which the P&L is measured (≥ 0), or a range of them.
 * @param [funding_rate] Funding rate per period (a short receives a positive rate). Counts only with funding_periods.
 * @param [funding_periods] Number of funding events held (default 0: an instant move).
 * @param [fee_rate] Fee per side on the perp's notional (0.0005 = 0.05 %; negative for a rebate).
 * @returns P&L in quote currency.
 */
export function HEDGEPNL(
  spot_qty: any[][],
  hedge_qty: any[][],
  entry_price: any[][],
  exit_price: any[][],
  funding_rate?: any[][],
  funding_periods?: any[][],
  fee_rate?: any[][],
): any[][] {
  return matrixResult(hedgePnl(spot_qty, hedge_qty, entry_price, exit_price, funding_rate, funding_periods, fee_rate));
}

/**
 * P&L of one futures or perpetual position: linear (in quote currency) or inverse (in coin). A range of exit prices spills.
 * @customfunction POSITIONPNL
 * @param side long, buy, short or sell (or 1 / -1).
 * @param quantity Coins for linear; contracts for inverse (≥ 0; the side gives the direction). Range ok.
 * @param entry_price Entry price (> 0). Range ok.
 * @param exit_price Exit or mark price (≥ 0 linear, > 0 inverse). Range ok.
 * @param [contract_type] "linear" (default): side × q × size × (exit − entry); "inverse": side × q × size × (1/entry − 1/exit).
 * @param [contract_size] Coins per contract (linear) or quote currency per contract (inverse); default 1.
 * @returns P&L: quote currency for linear, coin for inverse.
 */
export function POSITIONPNL(
  side: any,
  quantity: any[][],
  entry_price: any[][],
  exit_price: any[][],
  contract_type?: any,
  contract_size?: any[][],
): any[][] {
  return matrixResult(positionPnl(side, quantity, entry_price, exit_price, contract_type, contract_size));
}

/**
 * Average entry price of fills: quantity-weighted for linear contracts, harmonic for inverse.
 * @customfunction AVGENTRY
 * @param quantities Fill quantities (≥ 0), a range.
 * @param prices Fill prices (> 0), a range of the same shape.
 * @param [contract_type] "linear" (default): Σq·p / Σq; "inverse": Σq / Σ(q/p).
 * @returns The average entry price.
 */
export function AVGENTRY(quantities: any[][], prices: any[][], contract_type?: any): number {
  return scalarResult(avgEntry(quantities, prices, contract_type));
}

/**
 * Liquidation price: where margin + unrealised P&L falls to the maintenance margin.
 * @customfunction LIQPRICE
 * @param side long, buy, short or sell (or 1 / -1).
 * @param entry_price Entry price (> 0). Range ok.
 * @param quantity Coins for linear; position value in quote currency for inverse (> 0). Range ok.
 * @param margin Isolated margin, or for cross margin the wallet balance available to the position (≥ 0; coin for inverse). Range ok.
 * @param maint_rate Maintenance margin rate, 0 ≤ rate < 1 (0.005 = 0.5 %). Range ok.
 * @param [maint_amount] Maintenance deduction of the tier (Binance "cum"), default 0. Range ok.
 * @param [contract_type] "linear" (default) or "inverse".
 * @param [maint_basis] "mark" (default; Binance, Hyperliquid): maintenance on the value at the liquidation price; "entry" (Bybit): on the entry value.
 * @returns The liquidation price.
 */
export function LIQPRICE(
  side: any,
  entry_price: any[][],
  quantity: any[][],
  margin: any[][],
  maint_rate: any[][],
  maint_amount?: any[][],
  contract_type?: any,
  maint_basis?: any,
): any[][] {
  return matrixResult(liqPrice(side, entry_price, quantity, margin, maint_rate, maint_amount, contract_type, maint_basis));
}

/**
 * Funding received (+) or paid (−) by a perpetual position over one or many funding events; longs pay positive rates.
 * @customfunction FUNDINGPNL
 * @param side long, buy, short or sell (or 1 / -1).
 * @param quantity Coins for linear; contracts for inverse (≥ 0).
 * @param price Mark price at the funding event, or a range with one price per rate.
 * @param rate Funding rate per event, or a range of the history.
 * @param [contract_type] "linear" (default): −side × q × size × price × rate; "inverse": −side × q × size × rate / price.
 * @param [contract_size] Coins per contract (linear) or quote currency per contract (inverse); default 1.
 * @returns Funding P&L: quote currency for linear, coin for inverse.
 */
export function FUNDINGPNL(
  side: any,
  quantity: any,
  price: any[][],
  rate: any[][],
  contract_type?: any,
  contract_size?: any,
): number {
  return scalarResult(fundingPnl(side, quantity, price, rate, contract_type, contract_size));
}

/**
 * Realized P&L of each fill of one instrument, in time order, as the exchange's Realized Profit column shows it (before fees). SUM it for the total.
 * @customfunction REALIZEDPNL
 * @param sides Each fill's side: buy, sell, long or short (or 1 / -1), a column (or row).
 * @param quantities Each fill's quantity (≥ 0): coins for linear, contracts for inverse; same shape as sides.
 * @param prices Each fill's price (> 0); same shape as sides.
 * @param [method] "average" (default; Binance, Bybit, OKX, Hyperliquid: reducing keeps the average entry) or "fifo" (oldest open lots close first).
 * @param [contract_type] "linear" (default; P&L in quote currency) or "inverse" (coin-margined; P&L in coin).
 * @param [contract_size] Coins per contract (linear) or quote currency per contract (inverse); default 1.
 * @param [opening_position] The position held before the first fill, for a history that starts in the middle of one: + long, − short (coins linear, contracts inverse); default none.
 * @param [opening_entry] That position's average entry price (> 0); needed with opening_position.
 * @returns One realized P&L per fill (0 for a fill that opens or adds; "" for a blank row), in the shape of the fills.
 */
export async function REALIZEDPNL(
  sides: any[][],
  quantities: any[][],
  prices: any[][],
  method?: any,
  contract_type?: any,
  contract_size?: any,
  opening_position?: any,
  opening_entry?: any,
): Promise<any[][]> {
  return matrixResult(
    await withBook((b) =>
      b.realizedPnlOf(sides, quantities, prices, method, contract_type, contract_size, opening_position, opening_entry),
    ),
  );
}

/**
 * The book's combined P&L: one row per position (strategy, exchange, symbol) with realized, fees, funding and unrealized, then totals per strategy and currency.
 * @customfunction LEDGER
 * @param fills The Fills table with its header row (Time UTC, Exchange, Symbol, Asset, Contract type, Contract size, Side, Quantity, Price, Fee, Fee asset, Strategy; found by name).
 * @param [funding] The Funding table with its header row (Time UTC, Exchange, Symbol, Amount, Asset, Strategy); funding without a Strategy goes to whoever held the symbol then, pro rata.
 * @param [marks] Symbol | Mark, or Exchange | Symbol | Mark (e.g. LEGS.MARKPRICE cells), for the unrealized P&L; without it Unrealized is blank.
 * @param [method] "average" (default) or "fifo", as in REALIZEDPNL.
 * @param [closed] The Closed P&L table with its header row (the exchange's own closed positions, net of fees and funding): adds a column Exchange closed P&L beside the computed figures.
 * @returns A table with a header row: Strategy, Exchange, Symbol, Currency, Position, Avg entry, Realized, Fees, Funding, Unrealized, Total (and Exchange closed P&L, given closed).
 */
export async function LEDGER(
  fills: any[][],
  funding?: any[][],
  marks?: any[][],
  method?: any,
  closed?: any[][],
): Promise<any[][]> {
  return matrixResult(await withBook((b) => b.ledgerOf(fills, funding, marks, method, closed)));
}

/**
 * Net delta of each strategy in the Book, per asset, in coins: linear positions as they are, inverse ones at their mark.
 * @customfunction BOOKDELTA
 * @param fills The Fills table with its header row (as LEDGER reads it).
 * @param [marks] Symbol | Mark, or Exchange | Symbol | Mark: converts inverse contracts to coins (at the average entry without it).
 * @param [method] "average" (default) or "fifo".
 * @returns A table with a header row: Strategy, Asset, Net delta.
 */
export async function BOOKDELTA(fills: any[][], marks?: any[][], method?: any): Promise<any[][]> {
  return matrixResult(await withBook((b) => b.bookDeltaOf(fills, marks, method)));
}

/**
 * The Book's P&L by UTC day in one currency: realized (gross), funding and fees, and the running total.
 * @customfunction BOOKPNL
 * @param fills The Fills table with its header row.
 * @param [funding] The Funding table with its header row.
 * @param [currency] The P&L currency, e.g. "USDT" or "BTC" (default: the currency of most fills).
 * @param [method] "average" (default) or "fifo".
 * @returns A table with a header row: Date, Realized, Funding, Fees, Cumulative.
 */
export async function BOOKPNL(fills: any[][], funding?: any[][], currency?: any, method?: any): Promise<any[][]> {
  return matrixResult(await withBook((b) => b.bookPnlOf(fills, funding, currency, method)));
}

/**
 * Black-76 premium of a European option on a forward or future (Deribit's underlying price). Ranges spill: strikes down × expiries across is a price surface.
 * @customfunction OPTIONPRICE
 * @param type "call" or "put" ("c" / "p"). Range ok.
 * @param forward Forward or futures price the option is priced on (> 0). Range ok.
 * @param strike Strike (> 0). Range ok.
 * @param days Days to expiry (> 0; fractions allowed). Range ok.
 * @param vol Volatility per year (> 0; 0.6 = 60 %). Range ok.
 * @param [rate] Discount rate per year (default 0; 0.05 = 5 %). Range ok.
 * @param [settlement] "linear" (default: premium in quote currency, USDC options) or "inverse" (coin-settled, Deribit and OKX: premium in coin). Range ok.
 * @returns The premium per option (one coin of underlying): quote currency when linear, coin when inverse.
 */
export async function OPTIONPRICE(
  type: any[][],
  forward: any[][],
  strike: any[][],
  days: any[][],
  vol: any[][],
  rate?: any[][],
  settlement?: any[][],
): Promise<any[][]> {
  return matrixResult(await withOptions((o) => o.optionPriceOf(type, forward, strike, days, vol, rate, settlement)));
}

/**
 * Black-76 delta in coins per option; for coin-settled options the premium-adjusted delta (Deribit's net transaction delta): Black delta − premium in coin.
 * @customfunction OPTIONDELTA
 * @param type "call" or "put" ("c" / "p"). Range ok.
 * @param forward Forward or futures price (> 0). Range ok.
 * @param strike Strike (> 0). Range ok.
 * @param days Days to expiry (> 0). Range ok.
 * @param vol Volatility per year (> 0; 0.6 = 60 %). Range ok.
 * @param [rate] Discount rate per year (default 0). Range ok.
 * @param [settlement] "linear" (default): call DF·N(d1), put −DF·N(−d1); "inverse": that minus the premium in coin. Range ok.
 * @returns Delta in coins per option.
 */
export async function OPTIONDELTA(
  type: any[][],
  forward: any[][],
  strike: any[][],
  days: any[][],
  vol: any[][],
  rate?: any[][],
  settlement?: any[][],
): Promise<any[][]> {
  return matrixResult(await withOptions((o) => o.optionDeltaOf(type, forward, strike, days, vol, rate, settlement)));
}

/**
 * Black-76 price and greeks of an option as one row: price, delta, gamma, vega (per vol point), theta (per calendar day). A column of options spills a row each.
 * @customfunction OPTIONGREEKS
 * @param type "call" or "put" ("c" / "p"). Range ok.
 * @param forward Forward or futures price (> 0). Range ok.
 * @param strike Strike (> 0). Range ok.
 * @param days Days to expiry (> 0). Range ok.
 * @param vol Volatility per year (> 0; 0.6 = 60 %). Range ok.
 * @param [rate] Discount rate per year (default 0). Range ok.
 * @param [settlement] "linear" (default) or "inverse": price in coin and premium-adjusted delta; gamma, vega and theta stay in quote currency. Range ok.
 * @returns Price, delta, gamma, vega, theta: one row per option (a row of options: one column each).
 */
export async function OPTIONGREEKS(
  type: any[][],
  forward: any[][],
  strike: any[][],
  days: any[][],
  vol: any[][],
  rate?: any[][],
  settlement?: any[][],
): Promise<any[][]> {
  return matrixResult(await withOptions((o) => o.optionGreeksOf(type, forward, strike, days, vol, rate, settlement)));
}

/**
 * Implied volatility (Black-76): the vol at which the option is worth the price, to 1e-8; #N/A when no vol does (below intrinsic value, above the no-arbitrage bound).
 * @customfunction IMPLIEDVOL
 * @param type "call" or "put" ("c" / "p"). Range ok.
 * @param forward Forward or futures price (> 0). Range ok.
 * @param strike Strike (> 0). Range ok.
 * @param days Days to expiry (> 0). Range ok.
 * @param price The option's price (> 0): quote currency when linear, coin when inverse (Deribit's BTC prices). Range ok.
 * @param [rate] Discount rate per year (default 0). Range ok.
 * @param [settlement] "linear" (default) or "inverse" (the price is in coin). Range ok.
 * @returns The volatility per year (0.6 = 60 %).
 */
export async function IMPLIEDVOL(
  type: any[][],
  forward: any[][],
  strike: any[][],
  days: any[][],
  price: any[][],
  rate?: any[][],
  settlement?: any[][],
): Promise<any[][]> {
  return matrixResult(await withOptions((o) => o.impliedVolOf(type, forward, strike, days, price, rate, settlement)));
}

/**
 * Current (predicted) funding rate per funding interval of a perpetual, live from the exchange; refreshes every 30 seconds.
 * @customfunction FUNDINGRATE
 * @param symbol The perpetual: "BTC", "BTCUSDT" or "BTC-USDT" (a bare coin means its USDT perpetual).
 * @param [exchange] "binance" (USDⓈ-M, default), "bybit" (linear), "okx" (swap), "hyperliquid" or "deribit" (rate per 8 h; BTC means BTC-PERPETUAL).
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function FUNDINGRATE(symbol: any, exchange: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamToCell("fundingRate", symbol, exchange, invocation);
}

/**
 * Mark price of a perpetual, live from the exchange; refreshes every 30 seconds.
 * @customfunction MARKPRICE
 * @param symbol The perpetual: "BTC", "BTCUSDT" or "BTC-USDT".
 * @param [exchange] "binance" (default), "bybit", "okx", "hyperliquid" or "deribit" (BTC means BTC-PERPETUAL).
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function MARKPRICE(symbol: any, exchange: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamToCell("markPrice", symbol, exchange, invocation);
}

/**
 * Index price of a perpetual (Hyperliquid: its oracle price), live from the exchange; refreshes every 30 seconds.
 * @customfunction INDEXPRICE
 * @param symbol The perpetual: "BTC", "BTCUSDT" or "BTC-USDT".
 * @param [exchange] "binance" (default), "bybit", "okx", "hyperliquid" or "deribit" (BTC means BTC-PERPETUAL).
 * @param invocation Streaming invocation (supplied by Excel).
 * @streaming
 */
export function INDEXPRICE(symbol: any, exchange: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamToCell("indexPrice", symbol, exchange, invocation);
}

/**
 * Dated futures of an asset, live: spills a header and a row per contract, soonest expiry first: Instrument, Expiry (Excel date, UTC), Days, Mark, Index, Basis, Basis %, APY (simple); refreshes every 30 seconds.
 * @customfunction FUTURES
 * @param asset The coin: "BTC" or "ETH".
 * @param [exchange] "binance" (default: USDⓈ-M and COIN-M quarterlies), "deribit" (BTC-25DEC26…), "okx" (BTC-USD-261225, BTC-USDT-261225) or "bybit" (BTCUSDT-25DEC26, BTCUSDZ26).
 * @param [margin] "linear" (USDT/USDC-margined), "inverse" (coin-margined) or blank for both: one family makes one curve.
 * @param invocation Streaming invocation (supplied by Excel).
 * @returns Rows of [Instrument, Expiry, Days, Mark, Index, Basis, Basis %, APY].
 * @streaming
 */
export function FUTURES(asset: any, exchange: any, margin: any, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  futuresToCell(asset, exchange, margin, invocation);
}

/**
 * Hours between funding events for a perpetual on an exchange (Binance 8, 4 or 1; Hyperliquid 1; Deribit 8, the period its continuous funding is quoted for).
 * @customfunction FUNDINGINTERVAL
 * @param symbol The perpetual: "BTC", "BTCUSDT" or "BTC-USDT".
 * @param [exchange] "binance" (default), "bybit", "okx", "hyperliquid" or "deribit" (BTC means BTC-PERPETUAL).
 * @returns Hours between funding events.
 */
export async function FUNDINGINTERVAL(symbol: any, exchange?: any): Promise<number> {
  return scalarResult(await fundingInterval(symbol, exchange));
}

/**
 * Funding-rate history of a perpetual: spills two columns, the funding time (Excel date, UTC) and the rate, oldest first.
 * @customfunction FUNDINGHISTORY
 * @param symbol The perpetual: "BTC", "BTCUSDT" or "BTC-USDT".
 * @param [exchange] "binance" (default), "bybit", "okx", "hyperliquid" or "deribit" (BTC means BTC-PERPETUAL).
 * @param [days] How many days back (default 30, at most 1095).
 * @returns Rows of [time, rate]. Format the time column as a date and time (Custom format yyyy-mm-dd hh:mm) to read it.
 */
export async function FUNDINGHISTORY(symbol: any, exchange?: any, days?: any): Promise<any[][]> {
  return matrixResult(await fundingHistory(symbol, exchange, days));
}

/**
 * Current funding of perpetuals across venues on one basis: spills a header, then per symbol each venue's rate restated over the horizon from its own interval (blank where the venue does not list it), the best venue to be short and to be long, their spread and its APR; refreshes every 30 seconds.
 * @customfunction FUNDINGBOARD
 * @param symbols The symbols, one row or one column: BTC, ETHUSDT, SOL-USDT (a bare coin means each venue's main perpetual).
 * @param [exchanges] The venues to compare: names in cells or comma-separated; default binance, bybit, okx, hyperliquid, deribit.
 * @param [horizon] The period rates are restated over: hours (8, "1h", "24h"), days ("1d") or "year" for APR; default 8 hours.
 * @param invocation Streaming invocation (supplied by Excel).
 * @returns Rows of [Symbol, a rate per venue, Best short, Best long, Spread, Spread APR].
 * @streaming
 */
export function FUNDINGBOARD(
  symbols: any[][],
  exchanges: any[][],
  horizon: any,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  boardToCell(symbols, exchanges, horizon, invocation);
}

/**
 * Backtest of a hedge rebalanced along a price path: spills Price, Delta before, Trade, Delta after, Fees, Cumulative P&L per price, then the same book never rebalanced.
 * @customfunction REBALANCE
 * @param prices The price path, one column or row; the first is the entry price.
 * @param spot_qty Coins of spot held (0 for an option position alone).
 * @param hedge The hedge opened at the first price: "linear", coins; "inverse", contracts, contract size; "usd", notional; or "call"/"put", strike, days, vol, quantity, [rate], [settlement] (delta-hedged with a linear perp).
 * @param band Threshold mode: rebalance when the book delta leaves ± this many coins. Mode "every": every this many prices, or hours with times.
 * @param [mode] "band" (default) or "every".
 * @param [fee_rate] Fee on each trade's notional, e.g. 0.0005; default 0.
 * @param [times] Excel dates of the prices, for "every" in hours and for the options' time to expiry.
 * @returns Rows of [Price, Delta before, Trade, Delta after, Fees, Cumulative P&L], and a last row without rebalancing.
 */
export async function REBALANCE(
  prices: any[][],
  spot_qty: any,
  hedge: any[][],
  band: any,
  mode?: any,
  fee_rate?: any,
  times?: any[][],
): Promise<any[][]> {
  return matrixResult(await withOptions((o) => o.rebalanceOf(prices, spot_qty, hedge, band, mode, fee_rate, times)));
}

/**
 * How well a hedge tracked the spot over a window of prices: correlation, the minimum-variance hedge ratio, effectiveness (R²), volatilities and the largest divergence.
 * @customfunction HEDGESTATS
 * @param spot_prices The spot's prices, one column or row.
 * @param hedge_prices The hedge's prices at the same times, same size.
 * @param [returns] "simple" (default) or "log".
 * @returns Rows of [Statistic, Value].
 */
export async function HEDGESTATS(spot_prices: any[][], hedge_prices: any[][], returns?: any): Promise<any[][]> {
  return matrixResult(await withOptions((o) => o.hedgeStatsOf(spot_prices, hedge_prices, returns)));
}
