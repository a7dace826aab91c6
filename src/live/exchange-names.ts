/** The exchanges Legwork reads (kept apart so functions.js can check arguments without the service). */
export type Exchange = "binance" | "bybit" | "okx" | "hyperliquid" | "deribit";
export const EXCHANGES: readonly Exchange[] = ["binance", "bybit", "okx", "hyperliquid", "deribit"];

/**
 * The hosts the relay forwards to, by its path prefix: every exchange, plus the hosts one exchange
 * spans. "binance-coinm" is Binance COIN-M (dapi.binance.com), read by LEGS.FUTURES under
 * exchange "binance"; it is not an exchange argument of its own.
 */
export type Venue = Exchange | "binance-coinm";
export const VENUES: readonly Venue[] = [...EXCHANGES, "binance-coinm"];

/** A venue's environment-variable suffix: LEGWORK_UPSTREAM_BINANCE_COINM. */
export const venueEnvName = (venue: Venue): string => `LEGWORK_UPSTREAM_${venue.toUpperCase().replace(/-/g, "_")}`;
