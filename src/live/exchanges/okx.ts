/**
 * OKX V5, perpetual swaps, public endpoints:
 * - GET /api/v5/public/funding-rate?instId=ANY (every perpetual in one request): fundingRate
 *   (the current period's predicted rate), fundingTime (the upcoming settlement) and
 *   nextFundingTime (their gap is the interval);
 * - GET /api/v5/public/mark-price?instType=SWAP (every swap in one request): markPx;
 * - GET /api/v5/market/index-tickers?quoteCcy (every index in that quote currency): idxPx;
 * - GET /api/v5/public/funding-rate-history?instId&after&limit (≤ 400, newest first; `after`
 *   pages to older records; about three months are kept).
 * Dated futures (LEGS.FUTURES, src/live/futures.ts):
 * - GET /api/v5/public/instruments?instType=FUTURES (hourly): instId BTC-USD-261225 (inverse),
 *   BTC-USDT-261225 (linear), expTime (ms), state, ruleType ("xperp": perpetual-style, not dated);
 * - GET /api/v5/public/mark-price?instType=FUTURES (every future in one request): markPx;
 * - the index of BTC-USD-… is BTC-USD (index-tickers?quoteCcy=USD), of BTC-USDT-… BTC-USDT.
 * Every answer is {code, msg, data}; code "0" is success, 51001 an unknown instrument.
 */
import { FundingEvent, MarketError } from "../types";
import {
  array,
  bad,
  dedupeSorted,
  ExchangeAdapter,
  Funding,
  INTERVAL_MAX_AGE_MS,
  isRecord,
  MAX_PAGES,
  num,
  Transport,
} from "./adapter";

const EX = "okx";
const HISTORY_PAGE = 400;

function data(json: unknown, what: string): unknown[] | null {
  if (!isRecord(json)) throw bad(EX, `${what} is not an object`);
  if (json.code === "51001") return null; // Instrument ID does not exist
  if (json.code !== "0") throw bad(EX, `${what}: code ${String(json.code)} ${String(json.msg ?? "")}`);
  return array(EX, json.data, `${what} data`);
}

async function fundingRates(t: Transport): Promise<Map<string, Funding>> {
  return t.cached(`${EX}:funding-rate:ANY`, t.pollMs, async () => {
    const { json } = await t.get("/api/v5/public/funding-rate", { instId: "ANY" });
    const map = new Map<string, Funding>();
    for (const item of data(json, "funding-rate") ?? []) {
      if (!isRecord(item) || item.instType !== "SWAP" || typeof item.instId !== "string") continue;
      const gap = num(EX, item.nextFundingTime, "nextFundingTime") - num(EX, item.fundingTime, "fundingTime");
      map.set(item.instId, { rate: num(EX, item.fundingRate, `${item.instId} fundingRate`), intervalHours: gap / 3600000 });
    }
    return map;
  });
}

async function fundingRate(t: Transport, instId: string): Promise<Funding | null> {
  return (await fundingRates(t)).get(instId) ?? null;
}

async function allByInstId(
  t: Transport,
  key: string,
  path: string,
  query: Record<string, string>,
  field: string,
): Promise<Map<string, number>> {
  return t.cached(`${EX}:${key}`, t.pollMs, async () => {
    const { json } = await t.get(path, query);
    const map = new Map<string, number>();
    for (const item of data(json, key) ?? []) {
      if (isRecord(item) && typeof item.instId === "string")
        map.set(item.instId, num(EX, item[field], `${item.instId} ${field}`));
    }
    return map;
  });
}

/** Every index quoted in `quote` (USD, USDT, USDC): `BTC-USD` → idxPx; one request per quote currency per poll. */
export async function indexTickers(t: Transport, quote: string): Promise<Map<string, number>> {
  return allByInstId(t, `index-tickers:${quote}`, "/api/v5/market/index-tickers", { quoteCcy: quote }, "idxPx");
}

/** A dated future as listed: `instId` BASE-QUOTE-YYMMDD, its index `BASE-QUOTE`, expiry (ms). */
export interface OkxFuture {
  instId: string;
  base: string;
  quote: string;
  expiry: number;
}

/**
 * The live dated futures (instType FUTURES, state live, ruleType not xperp), read hourly. A
 * contract settled since the last read stays in the list until the next one: LEGS.FUTURES drops
 * it by its expTime.
 */
export async function futuresInstruments(t: Transport): Promise<OkxFuture[]> {
  return t.cached(`${EX}:instruments:FUTURES`, INTERVAL_MAX_AGE_MS, async () => {
    const { json } = await t.get("/api/v5/public/instruments", { instType: "FUTURES" });
    const list: OkxFuture[] = [];
    for (const item of data(json, "instruments") ?? []) {
      if (!isRecord(item) || item.instType !== "FUTURES" || typeof item.instId !== "string") continue;
      if (item.state !== "live" || item.ruleType === "xperp") continue;
      const [base, quote] = item.instId.split("-");
      if (!base || !quote) continue;
      list.push({ instId: item.instId, base, quote, expiry: num(EX, item.expTime, `${item.instId} expTime`) });
    }
    return list;
  });
}

/**
 * Mark prices of every dated future (instType FUTURES), per poll, as sent: each is read only when
 * its contract is shown, so one odd row (a contract not yet trading) cannot spoil the others.
 */
export async function futuresMarks(t: Transport): Promise<Map<string, unknown>> {
  return t.cached(`${EX}:mark-price:FUTURES`, t.pollMs, async () => {
    const { json } = await t.get("/api/v5/public/mark-price", { instType: "FUTURES" });
    const map = new Map<string, unknown>();
    for (const item of data(json, "mark-price") ?? []) {
      if (isRecord(item) && typeof item.instId === "string") map.set(item.instId, item.markPx);
    }
    return map;
  });
}

export const okx: ExchangeAdapter = {
  async ticker(t, native) {
    const funding = await fundingRate(t, native);
    if (!funding) return null;
    const [base, quote] = native.split("-");
    const marks = await allByInstId(t, "mark-price", "/api/v5/public/mark-price", { instType: "SWAP" }, "markPx");
    const indexes = await indexTickers(t, quote);
    const markPrice = marks.get(native);
    const indexPrice = indexes.get(`${base}-${quote}`);
    if (markPrice === undefined || indexPrice === undefined)
      throw new MarketError("bad-response", `okx has no mark or index price for ${native}`);
    return { fundingRate: funding.rate, markPrice, indexPrice };
  },

  async intervalHours(t, native) {
    return (await fundingRate(t, native))?.intervalHours ?? null;
  },

  funding: fundingRate,

  async history(t, native, startMs, endMs) {
    if (!(await fundingRate(t, native))) return null;
    const events: FundingEvent[] = [];
    let after = endMs + 1;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { json } = await t.get("/api/v5/public/funding-rate-history", { instId: native, after, limit: HISTORY_PAGE });
      const list = data(json, "funding-rate-history") ?? [];
      for (const item of list) {
        if (!isRecord(item)) continue;
        const time = num(EX, item.fundingTime, "fundingTime");
        // realizedRate is what was actually paid; fundingRate the rate announced for the period.
        const rate = num(
          EX,
          item.realizedRate !== undefined && item.realizedRate !== "" ? item.realizedRate : item.fundingRate,
          "realizedRate",
        );
        if (time >= startMs && time <= endMs) events.push({ time, rate });
      }
      const oldest = Math.min(...list.filter(isRecord).map((x) => num(EX, x.fundingTime, "fundingTime")));
      if (list.length < HISTORY_PAGE || oldest <= startMs) break;
      after = oldest;
    }
    return dedupeSorted(events);
  },
};
