/**
 * Contract conventions shared by the position formulas.
 *
 * - linear (USDT/USDC-margined): quantity is in coins × contract size; P&L and margin in the
 *   quote currency.
 * - inverse (coin-margined, e.g. BitMEX XBTUSD, Binance COIN-M): quantity is in contracts, each
 *   worth `contract size` in the quote currency; P&L and margin in coin, so P&L is
 *   value × (1/entry − 1/exit), not value × (exit − entry).
 */
export type ContractType = "linear" | "inverse";
export const CONTRACT_TYPES: readonly ContractType[] = ["linear", "inverse"];

/** +1 long (buy), −1 short (sell). */
export type Side = 1 | -1;
