/**
 * The market-data service behind the live LEGS functions: symbol mapping, the exchange adapters,
 * the shared cache, and the messages cells show when data is missing.
 */
import { SharedCache } from "./cache";
import { binance } from "./exchanges/binance";
import { bybit } from "./exchanges/bybit";
import { ExchangeAdapter, Transport } from "./exchanges/adapter";
import { hyperliquid } from "./exchanges/hyperliquid";
import { okx } from "./exchanges/okx";
import { Fetch, requestJson } from "./http";
import { nativeSymbol, parseSymbol } from "./symbols";
import { Exchange, FundingEvent, MarketError, Ticker } from "./types";

const ADAPTERS: Record<Exchange, ExchangeAdapter> = { binance, bybit, okx, hyperliquid };

/** The public REST hosts (also listed as AppDomains in manifest.xml). */
export const DEFAULT_BASE_URLS: Record<Exchange, string> = {
  binance: "https://fapi.binance.com",
  bybit: "https://api.bybit.com",
  okx: "https://www.okx.com",
  hyperliquid: "https://api.hyperliquid.xyz",
};

export interface MarketConfig {
  baseUrls: Record<Exchange, string>;
  /** How often streaming cells refresh, and how long an answer is reused. */
  pollMs: number;
  /** Deadline for each request. */
  timeoutMs: number;
  /** How long a cell keeps its last good value while the exchange does not answer. */
  staleAfterMs: number;
  fetch: Fetch;
  now: () => number;
  random: () => number;
}

export function defaultConfig(): MarketConfig {
  return {
    baseUrls: { ...DEFAULT_BASE_URLS },
    pollMs: 30000,
    timeoutMs: 10000,
    staleAfterMs: 5 * 60000,
    fetch: ((url, init) => fetch(url, init)) as Fetch,
    now: () => Date.now(),
    random: Math.random,
  };
}

export type TickerField = keyof Ticker;

/** "14:02 UTC" */
export function utcClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16) + " UTC";
}

export class MarketData {
  readonly cache: SharedCache;

  constructor(readonly config: MarketConfig) {
    this.cache = new SharedCache(() => this.config.now());
  }

  private transport(exchange: Exchange): Transport {
    const base = this.config.baseUrls[exchange].replace(/\/$/, "");
    const http = { fetch: this.config.fetch, timeoutMs: this.config.timeoutMs, now: this.config.now, random: this.config.random };
    return {
      get: (path, query) => {
        const qs = query
          ? `?${Object.entries(query)
              .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
              .join("&")}`
          : "";
        return requestJson(exchange, `${base}${path}${qs}`, http);
      },
      post: (path, body) => requestJson(exchange, `${base}${path}`, http, body),
      cached: (key, maxAgeMs, load) => this.cache.get(exchange, key, maxAgeMs, load),
      pollMs: this.config.pollMs,
    };
  }

  private native(exchange: Exchange, symbol: string): string {
    const parsed = parseSymbol(symbol);
    if (!parsed) throw new MarketError("unknown-symbol", `unknown symbol "${symbol}": use a form like BTC, BTCUSDT or BTC-USDT`);
    return nativeSymbol(exchange, parsed);
  }

  async ticker(exchange: Exchange, symbol: string): Promise<Ticker> {
    const native = this.native(exchange, symbol);
    const t = await ADAPTERS[exchange].ticker(this.transport(exchange), native);
    if (!t) throw new MarketError("unknown-symbol", `unknown symbol: ${exchange} lists no perpetual ${native}`);
    return t;
  }

  async intervalHours(exchange: Exchange, symbol: string): Promise<number> {
    const native = this.native(exchange, symbol);
    const h = await ADAPTERS[exchange].intervalHours(this.transport(exchange), native);
    if (h === null) throw new MarketError("unknown-symbol", `unknown symbol: ${exchange} lists no perpetual ${native}`);
    return h;
  }

  async history(exchange: Exchange, symbol: string, days: number): Promise<FundingEvent[]> {
    const native = this.native(exchange, symbol);
    const end = this.config.now();
    const events = await ADAPTERS[exchange].history(this.transport(exchange), native, end - days * 86400000, end);
    if (events === null) throw new MarketError("unknown-symbol", `unknown symbol: ${exchange} lists no perpetual ${native}`);
    return events;
  }

  /** The message a cell shows for a failure: "binance unreachable since 14:02 UTC", "unknown symbol: …". */
  describe(exchange: Exchange, e: unknown): string {
    if (e instanceof MarketError) {
      if (e.kind === "unreachable") {
        const since = this.cache.healthOf(exchange).unreachableSince;
        return since === null ? e.message : `${exchange} unreachable since ${utcClock(since)} (${e.message})`;
      }
      if (e.kind === "rate-limited" && e.retryAt) return `${exchange} rate limit: retrying after ${utcClock(e.retryAt)}`;
      return e.message;
    }
    return `${exchange}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
