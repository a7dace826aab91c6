/** The exchanges Legwork reads (kept apart so functions.js can check arguments without the service). */
export type Exchange = "binance" | "bybit" | "okx" | "hyperliquid" | "deribit";
export const EXCHANGES: readonly Exchange[] = ["binance", "bybit", "okx", "hyperliquid", "deribit"];
