/**
 * Deribit API v2, perpetuals, public endpoints (JSON-RPC 2.0 over HTTP GET, no keys):
 * - GET /api/v2/public/get_book_summary_by_currency?currency&kind=future (every future of that
 *   currency in one request; BTC and ETH list the inverse BTC-PERPETUAL and ETH-PERPETUAL, USDC
 *   the linear BTC_USDC-PERPETUAL, SOL_USDC-PERPETUAL, …): mark_price, estimated_delivery_price (for a
 *   perpetual, the index price), current_funding; dated futures (BTC-27DEC24) are read by
 *   LEGS.FUTURES (see ../futures.ts) from the same answer;
 * - GET /api/v2/public/get_instruments?currency&kind=future (hourly): expiration_timestamp of
 *   each dated future, for LEGS.FUTURES;
 * - GET /api/v2/public/get_funding_rate_history?instrument_name&start_timestamp&end_timestamp
 *   (hourly rows, oldest first; at most 744 per answer, so asked 30 days at a time).
 * An answer is {jsonrpc, result} or, with HTTP 400, {jsonrpc, error: {code, message, data}}:
 * -32602 "Invalid params" with data.reason "instrument not found" is an unknown instrument;
 * 10028 too_many_requests is a rate limit (http.ts and the relay back off, see endpoints.ts).
 *
 * Funding. Deribit quotes its funding rate per 8 hours and pays it continuously (pro rata, every
 * millisecond): there is no funding instant. So, to compare with the other venues:
 * - FUNDINGRATE is current_funding, the rate per 8 h at this moment (after Deribit's damper: 0
 *   while the premium of mark over index is within ±0.025 %, which is common, not missing data);
 * - FUNDINGINTERVAL is 8, the quoting period (rate × 8 / interval and APR = rate × 8760 / interval
 *   work as for the others);
 * - FUNDINGHISTORY has one event every 8 h (00:00, 08:00, 16:00 UTC): the sum of the hourly
 *   interest_1h (each hour's realised funding) over the 8 hours up to it. That is the funding paid
 *   over the period as a fraction of the position, in FUNDINGRATE's unit, spaced FUNDINGINTERVAL
 *   apart, so FUNDINGYIELD and FUNDINGPNL read it as any venue's history. The 8 h still running is
 *   left out until it is complete. interest_8h is not used: sampled every hour, consecutive rows
 *   overlap by 7 h.
 */
import { FundingEvent } from "../types";
import { array, bad, ExchangeAdapter, INTERVAL_MAX_AGE_MS, isRecord, MAX_PAGES, num, Transport } from "./adapter";

const EX = "deribit";
const HOUR = 3600000;
const PERIOD = 8 * HOUR;
/** One history request: 720 hourly rows, under the 744 an answer holds (ccxt; not documented). */
const PAGE_MS = 720 * HOUR;
/** Inverse perpetuals are listed under their coin, the linear ones under USDC. */
const CURRENCIES = ["BTC", "ETH", "USDC"];

/** The JSON-RPC result as a list, or null when Deribit says the instrument does not exist. */
function rows(json: unknown, what: string): unknown[] | null {
  if (!isRecord(json)) throw bad(EX, `${what} is not an object`);
  if (isRecord(json.error)) {
    const { code, message } = json.error;
    const data = isRecord(json.error.data) ? json.error.data : {};
    if (code === -32602 && data.reason === "instrument not found") return null;
    const reason = data.reason === undefined ? "" : ` (${String(data.reason)})`;
    throw bad(EX, `${what}: error ${String(code)} ${String(message ?? "")}${reason}`);
  }
  return array(EX, json.result, `${what} result`);
}

/** The currency whose book summary lists a perpetual (BTC-PERPETUAL: BTC; BTC_USDC-PERPETUAL: USDC). */
function currencyOf(native: string): string | null {
  const m = /^([A-Z0-9]+?)(?:_(USDC))?-PERPETUAL$/.exec(native);
  const currency = m ? (m[2] ?? m[1]) : null;
  return currency !== null && CURRENCIES.includes(currency) ? currency : null;
}

/** Every row of a currency's book summary (perpetuals and dated futures), by name: one request per poll. */
export async function bookSummary(t: Transport, currency: string): Promise<Map<string, Record<string, unknown>>> {
  return t.cached(`${EX}:book-summary:${currency}`, t.pollMs, async () => {
    const { json } = await t.get("/api/v2/public/get_book_summary_by_currency", { currency, kind: "future" });
    const map = new Map<string, Record<string, unknown>>();
    for (const item of rows(json, "get_book_summary_by_currency") ?? []) {
      if (isRecord(item) && typeof item.instrument_name === "string") map.set(item.instrument_name, item);
    }
    return map;
  });
}

/** The book-summary row of a perpetual (read field by field, so one odd row fails only its own cells). */
async function summary(t: Transport, native: string): Promise<Record<string, unknown> | null> {
  const currency = currencyOf(native);
  if (!currency) return null;
  return (await bookSummary(t, currency)).get(native) ?? null;
}

/** Expiry (ms) of each dated future of a currency, from get_instruments, re-read hourly. */
export async function expiries(t: Transport, currency: string): Promise<Map<string, number>> {
  return t.cached(`${EX}:instruments:${currency}`, INTERVAL_MAX_AGE_MS, async () => {
    const { json } = await t.get("/api/v2/public/get_instruments", { currency, kind: "future" });
    const map = new Map<string, number>();
    for (const item of rows(json, "get_instruments") ?? []) {
      if (!isRecord(item) || typeof item.instrument_name !== "string" || item.settlement_period === "perpetual") continue;
      map.set(item.instrument_name, num(EX, item.expiration_timestamp, `${item.instrument_name} expiration_timestamp`));
    }
    return map;
  });
}

export const deribit: ExchangeAdapter = {
  async ticker(t, native) {
    const row = await summary(t, native);
    if (!row) return null;
    return {
      fundingRate: num(EX, row.current_funding, `${native} current_funding`),
      markPrice: num(EX, row.mark_price, `${native} mark_price`),
      // A perpetual's estimated delivery price is its index price (the ticker's index_price).
      indexPrice: num(EX, row.estimated_delivery_price, `${native} estimated_delivery_price`),
    };
  },

  async intervalHours(t, native) {
    return (await summary(t, native)) ? 8 : null;
  },

  async history(t, native, startMs, endMs) {
    if (!(await summary(t, native))) return null;
    // Events at the 8-hour marks in [startMs, endMs]; each sums the hours after the mark before.
    const first = Math.ceil(startMs / PERIOD) * PERIOD;
    const last = Math.floor(endMs / PERIOD) * PERIOD;
    const hourly = new Map<number, number>();
    for (let from = first - PERIOD, page = 0; from < last && page < MAX_PAGES; page++) {
      const to = Math.min(from + PAGE_MS, last);
      const { json } = await t.get("/api/v2/public/get_funding_rate_history", {
        instrument_name: native,
        start_timestamp: from,
        end_timestamp: to,
      });
      const list = rows(json, "get_funding_rate_history");
      if (list === null) return null;
      for (const item of list) {
        if (!isRecord(item)) continue;
        const hour = Math.round(num(EX, item.timestamp, "timestamp") / HOUR) * HOUR;
        hourly.set(hour, num(EX, item.interest_1h, "interest_1h"));
      }
      from = to;
    }
    // A row stamped T is the hour ending at T (it carries prev_index_price, the index at T − 1 h).
    const sums = new Map<number, number>();
    for (const [hour, rate] of [...hourly].sort((a, b) => a[0] - b[0])) {
      const mark = Math.ceil(hour / PERIOD) * PERIOD;
      if (mark >= first && mark <= last) sums.set(mark, (sums.get(mark) ?? 0) + rate);
    }
    const events: FundingEvent[] = [...sums].map(([time, rate]) => ({ time, rate }));
    return events.sort((a, b) => a.time - b.time);
  },
};
