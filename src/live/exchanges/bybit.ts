/**
 * Bybit V5, linear perpetuals, public endpoints:
 * - GET /v5/market/tickers?category=linear (every symbol in one request): markPrice,
 *   indexPrice, fundingRate;
 * - GET /v5/market/instruments-info?category=linear: fundingInterval in minutes, per symbol;
 * - GET /v5/market/funding/history?category=linear&symbol&startTime&endTime&limit (≤ 200,
 *   newest first: page backwards with endTime).
 * Dated futures (LEGS.FUTURES, src/live/futures.ts): instruments-info?category=linear and
 * category=inverse (contractType LinearFutures / InverseFutures, deliveryTime ms, status Trading)
 * and tickers?category=linear (the perpetuals' request, shared) and category=inverse (markPrice,
 * indexPrice); symbols BTCUSDT-25DEC26 (USDT), BTC-25DEC26 (USDC), BTCUSDZ26 (inverse).
 * Every answer is {retCode, retMsg, result}; retCode 0 is success.
 */
import { FundingEvent, MarketError, Ticker } from "../types";
import { array, bad, dedupeSorted, ExchangeAdapter, INTERVAL_MAX_AGE_MS, isRecord, MAX_PAGES, num, Transport } from "./adapter";

const EX = "bybit";
const PAGE = 200;
const INSTRUMENTS_PAGE = 1000;

function resultList(json: unknown, what: string): { list: unknown[]; cursor: string } {
  if (!isRecord(json)) throw bad(EX, `${what} is not an object`);
  if (json.retCode !== 0) {
    const msg = String(json.retMsg ?? "");
    if (/symbol/i.test(msg)) throw new MarketError("unknown-symbol", `unknown symbol on bybit (${msg})`);
    throw bad(EX, `${what}: retCode ${String(json.retCode)} ${msg}`);
  }
  const result = json.result;
  if (!isRecord(result)) throw bad(EX, `${what} has no result`);
  return {
    list: array(EX, result.list, `${what} result.list`),
    cursor: typeof result.nextPageCursor === "string" ? result.nextPageCursor : "",
  };
}

export type BybitCategory = "linear" | "inverse";

/** Every row of /v5/market/tickers for a category, by symbol, per poll (perpetuals and dated futures alike). */
export async function tickerRows(t: Transport, category: BybitCategory): Promise<Map<string, Record<string, unknown>>> {
  return t.cached(`${EX}:tickers:${category}`, t.pollMs, async () => {
    const { json } = await t.get("/v5/market/tickers", { category });
    const map = new Map<string, Record<string, unknown>>();
    for (const item of resultList(json, "tickers").list) {
      if (isRecord(item) && typeof item.symbol === "string") map.set(item.symbol, item);
    }
    return map;
  });
}

/** A linear perpetual's numbers; null for a symbol not listed or without a funding rate (a dated future). */
async function ticker(t: Transport, native: string): Promise<Ticker | null> {
  const item = (await tickerRows(t, "linear")).get(native);
  if (!item || item.fundingRate === "" || item.fundingRate === undefined) return null;
  return {
    fundingRate: num(EX, item.fundingRate, `${native} fundingRate`),
    markPrice: num(EX, item.markPrice, `${native} markPrice`),
    indexPrice: num(EX, item.indexPrice, `${native} indexPrice`),
  };
}

/** Every row of /v5/market/instruments-info for a category (all pages), hourly. */
export async function instrumentsInfo(t: Transport, category: BybitCategory): Promise<Record<string, unknown>[]> {
  return t.cached(`${EX}:instruments-info:${category}`, INTERVAL_MAX_AGE_MS, async () => {
    const rows: Record<string, unknown>[] = [];
    let cursor = "";
    for (let page = 0; page < MAX_PAGES; page++) {
      const query: Record<string, string | number> = { category, limit: INSTRUMENTS_PAGE };
      if (cursor) query.cursor = cursor;
      const { json } = await t.get("/v5/market/instruments-info", query);
      const { list, cursor: next } = resultList(json, "instruments-info");
      for (const item of list) if (isRecord(item) && typeof item.symbol === "string") rows.push(item);
      if (!next) break;
      cursor = next;
    }
    return rows;
  });
}

export const bybit: ExchangeAdapter = {
  async ticker(t, native) {
    return ticker(t, native);
  },

  async intervalHours(t, native) {
    const item = (await instrumentsInfo(t, "linear")).find((x) => x.symbol === native);
    return item && item.fundingInterval !== undefined ? num(EX, item.fundingInterval, `${native} fundingInterval`) / 60 : null;
  },

  async history(t, native, startMs, endMs) {
    if (!(await ticker(t, native))) return null;
    const events: FundingEvent[] = [];
    let to = endMs;
    for (let page = 0; page < MAX_PAGES && to >= startMs; page++) {
      const { json } = await t.get("/v5/market/funding/history", {
        category: "linear",
        symbol: native,
        startTime: startMs,
        endTime: to,
        limit: PAGE,
      });
      const { list } = resultList(json, "funding/history");
      for (const item of list) {
        if (!isRecord(item)) continue;
        events.push({
          time: num(EX, item.fundingRateTimestamp, "fundingRateTimestamp"),
          rate: num(EX, item.fundingRate, "fundingRate"),
        });
      }
      if (list.length < PAGE) break;
      to = Math.min(...events.map((e) => e.time)) - 1;
    }
    return dedupeSorted(events);
  },
};
