/**
 * Hyperliquid, POST /info:
 * - {"type":"metaAndAssetCtxs"}: [meta with universe[i].name, assetCtxs[i] with funding (hourly
 *   rate), markPx, oraclePx] — every perpetual in one request; funding is paid every hour;
 * - {"type":"fundingHistory","coin","startTime","endTime"}: oldest first, up to 500 per answer,
 *   paged by startTime.
 */
import { FundingEvent, Ticker } from "../types";
import { array, bad, dedupeSorted, ExchangeAdapter, isRecord, MAX_PAGES, num, Transport } from "./adapter";

const EX = "hyperliquid";
const PAGE = 500;

async function assets(t: Transport): Promise<Map<string, Ticker>> {
  return t.cached(`${EX}:metaAndAssetCtxs`, t.pollMs, async () => {
    const { json } = await t.post("/info", { type: "metaAndAssetCtxs" });
    const [meta, ctxs] = array(EX, json, "metaAndAssetCtxs");
    if (!isRecord(meta)) throw bad(EX, "meta is not an object");
    const universe = array(EX, meta.universe, "universe");
    const contexts = array(EX, ctxs, "assetCtxs");
    const map = new Map<string, Ticker>();
    universe.forEach((u, i) => {
      const ctx = contexts[i];
      if (!isRecord(u) || typeof u.name !== "string" || !isRecord(ctx)) return;
      map.set(u.name, {
        fundingRate: num(EX, ctx.funding, `${u.name} funding`),
        markPrice: num(EX, ctx.markPx, `${u.name} markPx`),
        // Hyperliquid's index is its oracle price (and funding is paid on it).
        indexPrice: num(EX, ctx.oraclePx, `${u.name} oraclePx`),
      });
    });
    return map;
  });
}

export const hyperliquid: ExchangeAdapter = {
  async ticker(t, native) {
    return (await assets(t)).get(native) ?? null;
  },

  async intervalHours(t, native) {
    return (await assets(t)).has(native) ? 1 : null;
  },

  async history(t, native, startMs, endMs) {
    if (!(await assets(t)).has(native)) return null;
    const events: FundingEvent[] = [];
    let from = startMs;
    for (let page = 0; page < MAX_PAGES && from <= endMs; page++) {
      const { json } = await t.post("/info", { type: "fundingHistory", coin: native, startTime: from, endTime: endMs });
      const list = array(EX, json, "fundingHistory");
      for (const item of list) {
        if (!isRecord(item)) continue;
        events.push({ time: num(EX, item.time, "time"), rate: num(EX, item.fundingRate, "fundingRate") });
      }
      if (list.length < PAGE) break;
      from = events[events.length - 1].time + 1;
    }
    return dedupeSorted(events);
  },
};
