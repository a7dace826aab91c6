/** Live market data: the exchanges, what we read from them, and how reads fail. */

export type { Exchange } from "./exchange-names";
export { EXCHANGES } from "./exchange-names";

/** One perpetual's live numbers, as the exchange reports them. */
export interface Ticker {
  /** Current (predicted) funding rate per funding interval. */
  fundingRate: number;
  markPrice: number;
  indexPrice: number;
}

/** One funding event of the history. */
export interface FundingEvent {
  /** Milliseconds since 1970 (UTC). */
  time: number;
  rate: number;
}

/**
 * Why live data is not available. `unknown-symbol` and `bad-response` are final for the
 * request; `unreachable` and `rate-limited` pass with time.
 */
export type MarketErrorKind = "unknown-symbol" | "unreachable" | "rate-limited" | "bad-response";

export class MarketError extends Error {
  constructor(
    readonly kind: MarketErrorKind,
    message: string,
    /** For rate-limited: when to try again (ms since 1970). */
    readonly retryAt?: number,
    /** How it was asked: the relay did not answer at all (relayDown), or the venue was asked directly. */
    readonly route: { relayDown?: boolean; direct?: boolean } = {},
  ) {
    super(message);
    this.name = "MarketError";
  }

  get relayDown(): boolean {
    return this.route.relayDown === true;
  }

  get direct(): boolean {
    return this.route.direct === true;
  }
}
