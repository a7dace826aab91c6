/**
 * Bybit V5, linear perpetuals, public endpoints:
 * - GET /v5/market/tickers?category=linear (every symbol in one request): markPrice,
 *   indexPrice, fundingRate;
 * - GET /v5/market/instruments-info?category=linear: fundingInterval in minutes, per symbol;
 * - GET /v5/market/funding/history?category=linear&symbol&startTime&endTime&limit (≤ 200,
 *   newest first: page backwards with endTime).
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

async function tickers(t: Transport): Promise<Map<string, Ticker>> {
  return t.cached(`${EX}:tickers`, t.pollMs, async () => {
    const { json } = await t.get("/v5/market/tickers", { category: "linear" });
    const map = new Map<string, Ticker>();
    for (const item of resultList(json, "tickers").list) {
      if (!isRecord(item) || typeof item.symbol !== "string" || item.fundingRate === "" || item.fundingRate === undefined)
        continue;
      map.set(item.symbol, {
        fundingRate: num(EX, item.fundingRate, `${item.symbol} fundingRate`),
        markPrice: num(EX, item.markPrice, `${item.symbol} markPrice`),
        indexPrice: num(EX, item.indexPrice, `${item.symbol} indexPrice`),
      });
    }
    return map;
  });
}

export const bybit: ExchangeAdapter = {
  async ticker(t, native) {
    return (await tickers(t)).get(native) ?? null;
  },

  async intervalHours(t, native) {
    const intervals = await t.cached(`${EX}:instruments-info`, INTERVAL_MAX_AGE_MS, async () => {
      const map = new Map<string, number>();
      let cursor = "";
      for (let page = 0; page < MAX_PAGES; page++) {
        const query: Record<string, string | number> = { category: "linear", limit: INSTRUMENTS_PAGE };
        if (cursor) query.cursor = cursor;
        const { json } = await t.get("/v5/market/instruments-info", query);
        const { list, cursor: next } = resultList(json, "instruments-info");
        for (const item of list) {
          if (isRecord(item) && typeof item.symbol === "string" && item.fundingInterval !== undefined) {
            map.set(item.symbol, num(EX, item.fundingInterval, `${item.symbol} fundingInterval`) / 60);
          }
        }
        if (!next) break;
        cursor = next;
      }
      return map;
    });
    return intervals.get(native) ?? null;
  },

  async history(t, native, startMs, endMs) {
    if (!(await tickers(t)).has(native)) return null;
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
