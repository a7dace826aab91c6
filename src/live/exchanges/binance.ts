/**
 * Binance USDⓈ-M futures, public endpoints:
 * - GET /fapi/v1/premiumIndex (no symbol: every symbol in one request): markPrice, indexPrice,
 *   lastFundingRate (the current period's predicted rate); delivery (dated) contracts, and
 *   delisted symbols, show lastFundingRate "" and are not perpetuals: skipped;
 * - GET /fapi/v1/fundingInfo: only symbols whose interval or caps were changed
 *   (fundingIntervalHours); a listed symbol absent from it is on the default 8 h;
 * - GET /fapi/v1/fundingRate?symbol&startTime&endTime&limit (≤ 1000, oldest first).
 */
import { FundingEvent, Ticker } from "../types";
import { array, ExchangeAdapter, INTERVAL_MAX_AGE_MS, isRecord, MAX_PAGES, num, Transport } from "./adapter";

const EX = "binance";
const PAGE = 1000;

/** Every row of the all-symbols premiumIndex (perpetuals and delivery contracts), by symbol: one request per poll. */
export async function premiumRows(t: Transport, path = "/fapi/v1/premiumIndex"): Promise<Map<string, Record<string, unknown>>> {
  return t.cached(`${EX}:${path}`, t.pollMs, async () => {
    const { json } = await t.get(path);
    const map = new Map<string, Record<string, unknown>>();
    for (const item of array(EX, json, "premiumIndex")) {
      if (isRecord(item) && typeof item.symbol === "string") map.set(item.symbol, item);
    }
    return map;
  });
}

/** The perpetuals' live numbers (read field by field, so one odd row fails only its own cells). */
async function premiumIndex(t: Transport): Promise<Map<string, () => Ticker>> {
  const rows = await premiumRows(t);
  const map = new Map<string, () => Ticker>();
  for (const [symbol, item] of rows) {
    // "" for a delivery contract (documented for COIN-M; modelled so for USDⓈ-M too): not a perpetual.
    if (item.lastFundingRate === "" || item.lastFundingRate === undefined) continue;
    map.set(symbol, () => ({
      fundingRate: num(EX, item.lastFundingRate, `${symbol} lastFundingRate`),
      markPrice: num(EX, item.markPrice, `${symbol} markPrice`),
      indexPrice: num(EX, item.indexPrice, `${symbol} indexPrice`),
    }));
  }
  return map;
}

export const binance: ExchangeAdapter = {
  async ticker(t, native) {
    return (await premiumIndex(t)).get(native)?.() ?? null;
  },

  async intervalHours(t, native) {
    if (!(await premiumIndex(t)).has(native)) return null;
    const intervals = await t.cached(`${EX}:fundingInfo`, INTERVAL_MAX_AGE_MS, async () => {
      const { json } = await t.get("/fapi/v1/fundingInfo");
      const map = new Map<string, number>();
      for (const item of array(EX, json, "fundingInfo")) {
        if (isRecord(item) && typeof item.symbol === "string") {
          map.set(item.symbol, num(EX, item.fundingIntervalHours, `${item.symbol} fundingIntervalHours`));
        }
      }
      return map;
    });
    return intervals.get(native) ?? 8;
  },

  async history(t, native, startMs, endMs) {
    if (!(await premiumIndex(t)).has(native)) return null;
    const events: FundingEvent[] = [];
    let from = startMs;
    for (let page = 0; page < MAX_PAGES && from <= endMs; page++) {
      const { json } = await t.get("/fapi/v1/fundingRate", { symbol: native, startTime: from, endTime: endMs, limit: PAGE });
      const items = array(EX, json, "fundingRate");
      for (const item of items) {
        if (!isRecord(item)) continue;
        events.push({ time: num(EX, item.fundingTime, "fundingTime"), rate: num(EX, item.fundingRate, "fundingRate") });
      }
      if (items.length < PAGE) break;
      from = events[events.length - 1].time + 1;
    }
    return events;
  },
};
