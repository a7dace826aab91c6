/**
 * The exchanges' public endpoints that Legwork reads, as an explicit allow-list: method, path,
 * the query parameters each may carry (with the values allowed), the POST bodies allowed, and how
 * long an answer may be reused. The exchange adapters (src/live/exchanges) request nothing else,
 * and the relay (src/relay) forwards nothing else: one list for both, so the relay can never be
 * used as an open proxy and never refuses what the add-in asks.
 */
import type { Venue } from "./exchange-names";
import { INTERVAL_MAX_AGE_MS, isRecord } from "./exchanges/adapter";

/** The public REST hosts. */
export const DEFAULT_BASE_URLS: Record<Venue, string> = {
  binance: "https://fapi.binance.com",
  bybit: "https://api.bybit.com",
  okx: "https://www.okx.com",
  hyperliquid: "https://api.hyperliquid.xyz",
  deribit: "https://www.deribit.com",
  "binance-coinm": "https://dapi.binance.com",
};

export interface Endpoint {
  method: "GET" | "POST";
  /** The path on the exchange's host, exactly. */
  path: string;
  /** Query parameters allowed, with the pattern each value must match; any other is refused. */
  query: Readonly<Record<string, RegExp>>;
  /** POST: the bodies allowed, by their `type` field, with each field's pattern. */
  bodies?: Readonly<Record<string, Readonly<Record<string, RegExp>>>>;
  /** How long an answer may be reused: the poll interval, or a fixed time for slow-changing data. */
  maxAgeMs: "poll" | number;
}

// Value patterns: short, printable, no separators that could smuggle a header or a path.
const SYMBOL = /^[A-Z0-9]{2,30}$/;
const INST_ID = /^(ANY|[A-Z0-9]{1,20}-[A-Z0-9]{1,20}(-SWAP)?)$/;
const MILLIS = /^\d{1,15}$/;
const LIMIT = /^\d{1,4}$/;
const COIN = /^[A-Za-z0-9]{1,20}$/;
// Deribit's perpetuals: BTC-PERPETUAL (inverse), BTC_USDC-PERPETUAL (linear).
const DERIBIT_PERP = /^[A-Z0-9]{1,20}(_USDC)?-PERPETUAL$/;
// Bybit's paging cursor is opaque (base64-like, may be percent-encoded once more by us).
const CURSOR = /^[A-Za-z0-9+/=%_:.-]{1,256}$/;

export const ENDPOINTS: Readonly<Record<Venue, readonly Endpoint[]>> = {
  binance: [
    { method: "GET", path: "/fapi/v1/premiumIndex", query: {}, maxAgeMs: "poll" },
    { method: "GET", path: "/fapi/v1/fundingInfo", query: {}, maxAgeMs: INTERVAL_MAX_AGE_MS },
    { method: "GET", path: "/fapi/v1/exchangeInfo", query: {}, maxAgeMs: INTERVAL_MAX_AGE_MS },
    {
      method: "GET",
      path: "/fapi/v1/fundingRate",
      query: { symbol: SYMBOL, startTime: MILLIS, endTime: MILLIS, limit: LIMIT },
      maxAgeMs: "poll",
    },
  ],
  "binance-coinm": [
    { method: "GET", path: "/dapi/v1/premiumIndex", query: {}, maxAgeMs: "poll" },
    { method: "GET", path: "/dapi/v1/exchangeInfo", query: {}, maxAgeMs: INTERVAL_MAX_AGE_MS },
  ],
  bybit: [
    { method: "GET", path: "/v5/market/tickers", query: { category: /^(linear|inverse)$/ }, maxAgeMs: "poll" },
    {
      method: "GET",
      path: "/v5/market/instruments-info",
      query: { category: /^(linear|inverse)$/, limit: LIMIT, cursor: CURSOR },
      maxAgeMs: INTERVAL_MAX_AGE_MS,
    },
    {
      method: "GET",
      path: "/v5/market/funding/history",
      query: { category: /^linear$/, symbol: SYMBOL, startTime: MILLIS, endTime: MILLIS, limit: LIMIT },
      maxAgeMs: "poll",
    },
  ],
  okx: [
    { method: "GET", path: "/api/v5/public/funding-rate", query: { instId: INST_ID }, maxAgeMs: "poll" },
    { method: "GET", path: "/api/v5/public/mark-price", query: { instType: /^(SWAP|FUTURES)$/ }, maxAgeMs: "poll" },
    { method: "GET", path: "/api/v5/public/instruments", query: { instType: /^FUTURES$/ }, maxAgeMs: INTERVAL_MAX_AGE_MS },
    { method: "GET", path: "/api/v5/market/index-tickers", query: { quoteCcy: /^(USD|USDT|USDC)$/ }, maxAgeMs: "poll" },
    {
      method: "GET",
      path: "/api/v5/public/funding-rate-history",
      query: { instId: INST_ID, after: MILLIS, before: MILLIS, limit: LIMIT },
      maxAgeMs: "poll",
    },
  ],
  hyperliquid: [
    {
      method: "POST",
      path: "/info",
      query: {},
      bodies: {
        metaAndAssetCtxs: {},
        fundingHistory: { coin: COIN, startTime: MILLIS, endTime: MILLIS },
      },
      maxAgeMs: "poll",
    },
  ],
  deribit: [
    {
      method: "GET",
      path: "/api/v2/public/get_book_summary_by_currency",
      query: { currency: /^(BTC|ETH|USDC)$/, kind: /^future$/ },
      maxAgeMs: "poll",
    },
    {
      method: "GET",
      path: "/api/v2/public/get_instruments",
      query: { currency: /^(BTC|ETH)$/, kind: /^future$/ },
      maxAgeMs: INTERVAL_MAX_AGE_MS,
    },
    {
      method: "GET",
      path: "/api/v2/public/get_funding_rate_history",
      query: { instrument_name: DERIBIT_PERP, start_timestamp: MILLIS, end_timestamp: MILLIS },
      maxAgeMs: "poll",
    },
  ],
};

/**
 * An answer that means "rate limited" whatever its HTTP status (429 and 418 always do): Deribit's
 * JSON-RPC error 10028 too_many_requests, whose HTTP status Deribit does not document. The relay
 * and the add-in treat it as a 429 without Retry-After.
 */
export function isRateLimitAnswer(exchange: string, json: unknown): boolean {
  return exchange === "deribit" && isRecord(json) && isRecord(json.error) && json.error.code === 10028;
}

/** The endpoint for a method and path, or undefined: the path must match exactly. */
export function findEndpoint(exchange: Venue, method: string, path: string): Endpoint | undefined {
  return ENDPOINTS[exchange].find((e) => e.method === method && e.path === path);
}

/** Why a query is refused, or null when every parameter is allowed (each at most once). */
export function checkQuery(endpoint: Endpoint, params: URLSearchParams): string | null {
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (seen.has(key)) return `query parameter "${key}" given twice`;
    seen.add(key);
    const pattern = Object.prototype.hasOwnProperty.call(endpoint.query, key) ? endpoint.query[key] : undefined;
    if (!pattern) return `query parameter "${key}" is not allowed on ${endpoint.path}`;
    if (!pattern.test(value)) return `query parameter "${key}" has a value that is not allowed`;
  }
  return null;
}

/**
 * A POST body as the canonical JSON the relay forwards (fields in a fixed order), or why it is
 * refused: it must be an object whose `type` is allowed and whose other fields are exactly those
 * listed (all optional but `type`), numbers for times, text for names.
 */
export function checkBody(endpoint: Endpoint, body: unknown): { canonical: string } | { refused: string } {
  if (!endpoint.bodies) return { refused: `${endpoint.path} takes no body` };
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { refused: "the body must be a JSON object" };
  const record = body as Record<string, unknown>;
  const type = record.type;
  const fields =
    typeof type === "string" && Object.prototype.hasOwnProperty.call(endpoint.bodies, type) ? endpoint.bodies[type] : undefined;
  if (!fields) return { refused: `body type ${JSON.stringify(type)} is not allowed` };
  const canonical: Record<string, unknown> = { type };
  for (const [key, value] of Object.entries(record)) {
    if (key === "type") continue;
    const pattern = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    if (!pattern) return { refused: `body field "${key}" is not allowed` };
    if ((typeof value !== "string" && typeof value !== "number") || !pattern.test(String(value))) {
      return { refused: `body field "${key}" has a value that is not allowed` };
    }
  }
  for (const key of Object.keys(fields)) if (key in record) canonical[key] = record[key];
  return { canonical: JSON.stringify(canonical) };
}
