/**
 * The market-data service behind the live LEGS functions: symbol mapping, the exchange adapters,
 * the shared cache, and the messages cells show when data is missing.
 *
 * In the add-in every request goes to the relay on the add-in's own origin ("/binance/…", see
 * src/relay): a browser page may read another host's answer only if that host sends CORS headers,
 * which Binance's and Bybit's public APIs do not. A venue known to allow cross-origin calls is
 * asked directly when the relay itself cannot be reached.
 */
import { SharedCache } from "./cache";
import { binance } from "./exchanges/binance";
import { bybit } from "./exchanges/bybit";
import { deribit } from "./exchanges/deribit";
import { ExchangeAdapter, Funding, Transport } from "./exchanges/adapter";
import { hyperliquid } from "./exchanges/hyperliquid";
import { okx } from "./exchanges/okx";
import { DEFAULT_BASE_URLS } from "./endpoints";
import { datedFutures, futuresTable, Margin } from "./futures";
import { Fetch, requestJson } from "./http";
import { defaultQuote, nativeSymbol, parseSymbol } from "./symbols";
import { Exchange, FundingEvent, MarketError, Ticker } from "./types";
import { Venue, VENUES } from "./exchange-names";

const ADAPTERS: Record<Exchange, ExchangeAdapter> = { binance, bybit, okx, hyperliquid, deribit };

export { DEFAULT_BASE_URLS };

/**
 * Venues whose public API answers cross-origin requests, so a page may call them itself when the
 * relay is down. Hyperliquid's own web app (app.hyperliquid.xyz) reads api.hyperliquid.xyz from
 * the browser, which needs CORS. The page's Content-Security-Policy allows exactly these hosts.
 */
export const DIRECT_FALLBACK: Partial<Record<Exchange, string>> = { hyperliquid: DEFAULT_BASE_URLS.hyperliquid };

/** Set at build time from LEGWORK_PUBLIC_URL (webpack DefinePlugin); "" means the page's own origin. */
declare const LEGWORK_RELAY_URL: string | undefined;

/** The relay's address for each venue: `<relay>/binance`, … */
export function relayUrls(root: string): Record<Venue, string> {
  const base = root.endsWith("/") ? root : `${root}/`;
  const urls = {} as Record<Venue, string>;
  for (const ex of VENUES) urls[ex] = `${base}${ex}`;
  return urls;
}

/** Where the relay is: the release's public URL, or the directory of the page this runs in. */
function relayRoot(): string | null {
  if (typeof LEGWORK_RELAY_URL === "string" && LEGWORK_RELAY_URL) return LEGWORK_RELAY_URL;
  const here = (globalThis as { location?: { href: string } }).location?.href;
  return here ? new URL("./", here).href : null;
}

export interface MarketConfig {
  /** Where each venue is asked: the relay (`…/binance`), or the exchanges themselves (Node, tests). */
  baseUrls: Record<Venue, string>;
  /** Whether baseUrls are the relay's: then messages say "via relay", and the fallback applies. */
  viaRelay: boolean;
  /** Asked directly when the relay cannot be reached (see DIRECT_FALLBACK). */
  directFallback: Partial<Record<Exchange, string>>;
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
  const root = relayRoot();
  return {
    baseUrls: root ? relayUrls(root) : { ...DEFAULT_BASE_URLS },
    viaRelay: root !== null,
    directFallback: root ? { ...DIRECT_FALLBACK } : {},
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

  private transport(exchange: Venue): Transport {
    const { viaRelay } = this.config;
    const base = this.config.baseUrls[exchange].replace(/\/$/, "");
    const direct =
      viaRelay && exchange !== "binance-coinm" ? this.config.directFallback[exchange]?.replace(/\/$/, "") : undefined;
    const http = { fetch: this.config.fetch, timeoutMs: this.config.timeoutMs, now: this.config.now, random: this.config.random };
    // The relay first; if the relay itself cannot be reached, the venue directly where it allows that.
    const send = async (pathAndQuery: string, body?: unknown) => {
      try {
        return await requestJson(exchange, `${base}${pathAndQuery}`, { ...http, relay: viaRelay }, body);
      } catch (e) {
        if (!(e instanceof MarketError && e.relayDown && direct)) throw e;
        return requestJson(exchange, `${direct}${pathAndQuery}`, { ...http, direct: true }, body);
      }
    };
    return {
      get: (path, query) => {
        const qs = query
          ? `?${Object.entries(query)
              .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
              .join("&")}`
          : "";
        return send(`${path}${qs}`);
      },
      post: (path, body) => send(path, body),
      cached: (key, maxAgeMs, load) => this.cache.get(exchange, key, maxAgeMs, load),
      pollMs: this.config.pollMs,
    };
  }

  private native(exchange: Exchange, symbol: string): string {
    const parsed = parseSymbol(symbol, defaultQuote(exchange));
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

  /** The current funding rate and the interval it is per. */
  async funding(exchange: Exchange, symbol: string): Promise<Funding> {
    const native = this.native(exchange, symbol);
    const adapter = ADAPTERS[exchange];
    const t = this.transport(exchange);
    const f = adapter.funding
      ? await adapter.funding(t, native)
      : await adapter.ticker(t, native).then(async (tk) => {
          const hours = tk && (await adapter.intervalHours(t, native));
          return tk && hours ? { rate: tk.fundingRate, intervalHours: hours } : null;
        });
    if (!f) throw new MarketError("unknown-symbol", `unknown symbol: ${exchange} lists no perpetual ${native}`);
    return f;
  }

  async history(exchange: Exchange, symbol: string, days: number): Promise<FundingEvent[]> {
    const native = this.native(exchange, symbol);
    const end = this.config.now();
    const events = await ADAPTERS[exchange].history(this.transport(exchange), native, end - days * 86400000, end);
    if (events === null) throw new MarketError("unknown-symbol", `unknown symbol: ${exchange} lists no perpetual ${native}`);
    return events;
  }

  /**
   * LEGS.FUTURES' table for an asset (BTC, ETH, …) at this moment: header, then the contracts not
   * yet expired (of one margin family, if given), soonest first; none is an unknown asset.
   */
  async futures(exchange: Exchange, asset: string, margin: Margin | null = null): Promise<(string | number)[][]> {
    const all = await datedFutures(exchange, asset, (venue) => this.transport(venue));
    const table = futuresTable(margin ? all.filter((f) => f.margin === margin) : all, this.config.now());
    if (table.length === 1)
      throw new MarketError("unknown-symbol", `${exchange} lists no ${margin ? `${margin} ` : ""}dated futures for ${asset}`);
    return table;
  }

  /**
   * The message a cell shows for a failure: "binance via relay unreachable since 14:02 UTC (…)",
   * "hyperliquid direct unreachable since …", "unknown symbol: …".
   */
  describe(exchange: Exchange, e: unknown): string {
    if (e instanceof MarketError) {
      if (e.kind === "unreachable") {
        const since = this.cache.healthOf(exchange).unreachableSince;
        const route = e.direct ? `${exchange} direct` : this.config.viaRelay ? `${exchange} via relay` : exchange;
        return since === null ? e.message : `${route} unreachable since ${utcClock(since)} (${e.message})`;
      }
      if (e.kind === "rate-limited" && e.retryAt) return `${exchange} rate limit: retrying after ${utcClock(e.retryAt)}`;
      return e.message;
    }
    return `${exchange}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
