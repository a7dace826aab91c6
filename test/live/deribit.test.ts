/**
 * Deribit's perpetuals against the local fixture server (test/fixtures/exchanges/deribit, shaped
 * like Deribit's documented answers): symbols, the book summary's numbers, one request per
 * currency per poll, the 8-hour funding history built from hourly rows and paged, JSON-RPC
 * errors, rate limits (HTTP 429 and error 10028) and outages; then each LEGS function as Excel
 * calls it. Real HTTP on 127.0.0.1, never the internet.
 */
import { MarketData } from "../../src/live/market";
import { configure as configureLive, service } from "../../src/live/service";
import { MarketError } from "../../src/live/types";
import { fixtureMarket, MarketConfig } from "../helpers/fixture-market";
import { ExchangeServer, fixture } from "../helpers/exchange-server";
import { fakeCustomFunctions } from "../helpers/custom-functions";
import { invocation, until } from "../helpers/streaming-cell";
import type { Fetch } from "../../src/live/http";

const CF = fakeCustomFunctions();
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = CF;
const fns = require("../../src/functions/functions") as typeof import("../../src/functions/functions");
const call = (fn: unknown, ...args: unknown[]): any => (fn as (...a: unknown[]) => unknown)(...args);

const server = new ExchangeServer();
let clock = Date.UTC(2026, 10, 25, 14, 2);
const HOUR = 3600000;

function market(overrides: MarketConfig = {}): MarketData {
  return fixtureMarket(server, () => clock, { ...overrides });
}

beforeAll(() => server.start());
afterAll(async () => {
  service().hub.stopAll();
  await server.stop();
});
beforeEach(() => {
  for (const k of Object.keys(server.modes)) server.modes[k] = "ok";
  server.hits.clear();
  clock = Date.UTC(2026, 10, 25, 14, 2);
});

type Json = Record<string, unknown>;
const row = (currency: string, name: string): Json =>
  fixture<{ result: Json[] }>(`deribit/get_book_summary_by_currency-${currency}-future.json`).result.find(
    (x) => x.instrument_name === name,
  )!;
const SUMMARY = "deribit /api/v2/public/get_book_summary_by_currency";
const HISTORY = "deribit /api/v2/public/get_funding_rate_history";

/** Deribit's damper: no funding while the premium is within ±0.025 %, else the premium beyond it. */
const damped = (mark: number, index: number) => {
  const premium = (mark - index) / index;
  return Math.max(0.00025, premium) + Math.min(-0.00025, premium);
};

describe("symbols and the book summary's numbers", () => {
  test.each([
    ["BTC", "BTC", "BTC-PERPETUAL"],
    ["BTC-PERPETUAL", "BTC", "BTC-PERPETUAL"],
    ["btc-perpetual", "BTC", "BTC-PERPETUAL"],
    ["BTCUSD", "BTC", "BTC-PERPETUAL"],
    ["ETH", "ETH", "ETH-PERPETUAL"],
    ["BTC_USDC-PERPETUAL", "USDC", "BTC_USDC-PERPETUAL"],
    ["BTCUSDC", "USDC", "BTC_USDC-PERPETUAL"],
    ["ETH-USDC", "USDC", "ETH_USDC-PERPETUAL"],
    ["SOL_USDC", "USDC", "SOL_USDC-PERPETUAL"],
  ])("%s → %s summary, %s: current_funding, mark_price, estimated_delivery_price", async (symbol, currency, name) => {
    const r = row(currency, name);
    await expect(market().ticker("deribit", symbol)).resolves.toEqual({
      fundingRate: r.current_funding,
      markPrice: r.mark_price,
      indexPrice: r.estimated_delivery_price,
    });
  });

  test("the fixtures' current_funding is the damped premium of mark over index (0 within ±0.025 %)", () => {
    const perps = ["BTC", "ETH", "USDC"].flatMap((c) =>
      fixture<{ result: Json[] }>(`deribit/get_book_summary_by_currency-${c}-future.json`).result.filter((x) =>
        String(x.instrument_name).endsWith("-PERPETUAL"),
      ),
    );
    expect(perps.length).toBe(5);
    for (const p of perps)
      expect(p.current_funding as number).toBeCloseTo(damped(p.mark_price as number, p.estimated_delivery_price as number), 12);
    expect(row("BTC", "BTC-PERPETUAL").current_funding).toBe(0);
    expect(row("ETH", "ETH-PERPETUAL").current_funding).toBeGreaterThan(0);
  });

  test("FUNDINGINTERVAL is 8: Deribit quotes its continuously paid funding per 8 hours", async () => {
    const m = market();
    await expect(m.intervalHours("deribit", "BTC")).resolves.toBe(8);
    await expect(m.intervalHours("deribit", "SOL_USDC-PERPETUAL")).resolves.toBe(8);
  });

  test.each([
    ["NOPE", "NOPE-PERPETUAL", 0],
    ["SOL", "SOL-PERPETUAL", 0],
    ["DOGE_USDC-PERPETUAL", "DOGE_USDC-PERPETUAL", 1],
    ["BTCUSDT", "BTC_USDT-PERPETUAL", 0],
  ])("%s: unknown symbol naming %s (%i request)", async (symbol, name, requests) => {
    const m = market();
    for (const read of [() => m.ticker("deribit", symbol), () => m.intervalHours("deribit", symbol)]) {
      const error = await read().catch((e) => e);
      expect(error).toBeInstanceOf(MarketError);
      expect(error.kind).toBe("unknown-symbol");
      expect(error.message).toBe(`unknown symbol: deribit lists no perpetual ${name}`);
    }
    await expect(m.history("deribit", symbol, 30)).rejects.toMatchObject({ kind: "unknown-symbol" });
    // Perpetuals are listed under BTC, ETH (inverse) and USDC (linear): no request for any other.
    expect(server.hitCount("deribit ")).toBe(requests);
  });

  test("a dated future is not a perpetual", async () => {
    const error = await market()
      .ticker("deribit", "BTC-25DEC26")
      .catch((e) => e);
    expect(error.kind).toBe("unknown-symbol");
  });
});

describe("one request per currency per poll", () => {
  test("300 asks over 4 perpetuals and 3 fields: one book summary per currency, reused for the poll", async () => {
    const m = market();
    const symbols = ["BTC", "ETH", "BTC_USDC", "SOL-USDC-PERPETUAL"];
    const fields = ["fundingRate", "markPrice", "indexPrice"] as const;
    const answers = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => (await m.ticker("deribit", symbols[i % 4]))[fields[i % 3]]),
    );
    expect(answers.every((a) => typeof a === "number")).toBe(true);
    await m.intervalHours("deribit", "ETH");
    expect(server.hitCount(SUMMARY)).toBe(3); // BTC, ETH, USDC
    clock += 30001;
    await Promise.all(symbols.map((s) => m.ticker("deribit", s)));
    expect(server.hitCount(SUMMARY)).toBe(6);
  });
});

describe("funding history: one event every 8 hours, summed from the hourly rows", () => {
  test("3 years, oldest first, every 8 h event once, in pages of 30 days", async () => {
    clock = server.historyEnd;
    const events = await market().history("deribit", "BTC", 1095);
    expect(events.length).toBe(1095 * 3 + 1);
    for (let i = 1; i < events.length; i++) expect(events[i].time - events[i - 1].time).toBe(8 * HOUR);
    expect(events[events.length - 1].time).toBe(server.historyEnd);
    expect(new Date(events[0].time).getUTCHours() % 8).toBe(0);
    // 1095 days and the 8 hours before the first event, 720 hours a request.
    expect(server.hitCount(HISTORY)).toBe(Math.ceil((1095 * 24 + 8) / 720));
    expect(server.hitCount(SUMMARY)).toBe(1);
  });

  test("each event is the sum of interest_1h over the 8 hours up to it (= that row's trailing interest_8h)", async () => {
    clock = server.historyEnd;
    const events = await market().history("deribit", "ETH", 2);
    expect(events.length).toBe(7);
    const start = events[0].time - 8 * HOUR;
    const res = await fetch(
      `${server.base.deribit}/api/v2/public/get_funding_rate_history?instrument_name=ETH-PERPETUAL&start_timestamp=${start}&end_timestamp=${server.historyEnd}`,
    );
    const hourly = ((await res.json()) as { result: { timestamp: number; interest_1h: number; interest_8h: number }[] }).result;
    expect(hourly.length).toBe(7 * 8);
    for (const e of events) {
      const hours = hourly.filter((h) => h.timestamp > e.time - 8 * HOUR && h.timestamp <= e.time);
      expect(hours.length).toBe(8);
      expect(e.rate).toBeCloseTo(
        hours.reduce((s, h) => s + h.interest_1h, 0),
        15,
      );
      expect(e.rate).toBeCloseTo(hours[hours.length - 1].interest_8h, 15);
    }
  });

  test("the 8 hours still running are left out until complete", async () => {
    clock = server.historyEnd + 5 * HOUR;
    const events = await market().history("deribit", "BTC", 1);
    expect(events[events.length - 1].time).toBe(server.historyEnd);
    expect(events.length).toBe(3);
  });

  test("history answered 'instrument not found' is an unknown symbol", async () => {
    const notFound = fixture("deribit/error-instrument-not-found.json");
    const fetchStub: Fetch = async (url, init) =>
      url.includes("get_funding_rate_history")
        ? { status: 400, headers: { get: () => null }, text: async () => JSON.stringify(notFound) }
        : (fetch(url, init) as unknown as ReturnType<Fetch>);
    const error = await market({ fetch: fetchStub })
      .history("deribit", "BTC", 3)
      .catch((e) => e);
    expect(error.kind).toBe("unknown-symbol");
    expect(error.message).toBe("unknown symbol: deribit lists no perpetual BTC-PERPETUAL");
  });

  test("any other JSON-RPC error is a bad response naming it", async () => {
    const body = { jsonrpc: "2.0", error: { code: -32601, message: "Method not found" }, testnet: false };
    const fetchStub: Fetch = async () => ({ status: 400, headers: { get: () => null }, text: async () => JSON.stringify(body) });
    const error = await market({ fetch: fetchStub })
      .ticker("deribit", "BTC")
      .catch((e) => e);
    expect(error.kind).toBe("bad-response");
    expect(error.message).toBe(
      "deribit sent an unexpected response (get_book_summary_by_currency: error -32601 Method not found)",
    );
  });
});

describe("when Deribit misbehaves", () => {
  test("HTTP 429: back off for Retry-After (jittered), sending nothing meanwhile", async () => {
    const m = market();
    server.modes.deribit = "rate-limited";
    server.retryAfterSeconds = 2;
    const first = await m.ticker("deribit", "BTC").catch((e) => e);
    expect(first.kind).toBe("rate-limited");
    expect(first.retryAt - clock).toBe(2250);
    server.modes.deribit = "ok";
    await expect(m.ticker("deribit", "ETH")).rejects.toMatchObject({ kind: "rate-limited" });
    expect(server.hitCount("deribit ")).toBe(1);
    clock += 2251;
    await expect(m.ticker("deribit", "BTC")).resolves.toMatchObject({ markPrice: expect.any(Number) });
  });

  test("error 10028 too_many_requests (in an HTTP 400, no Retry-After): the same back-off, 30 s", async () => {
    const m = market();
    server.modes.deribit = "rpc-rate-limited";
    const first = await m.ticker("deribit", "BTC").catch((e) => e);
    expect(first.kind).toBe("rate-limited");
    expect(first.message).toBe("deribit rate limit (too_many_requests)");
    // 30 s × (1 + 25 % × 0.5 jitter)
    expect(first.retryAt - clock).toBe(33750);
    expect(m.describe("deribit", first)).toBe("deribit rate limit: retrying after 14:02 UTC");
    server.modes.deribit = "ok";
    await expect(m.history("deribit", "BTC", 1)).rejects.toMatchObject({ kind: "rate-limited" });
    expect(server.hitCount("deribit ")).toBe(1);
    clock += 33751;
    await expect(m.ticker("deribit", "BTC")).resolves.toMatchObject({ markPrice: expect.any(Number) });
    expect(server.hitCount("deribit ")).toBe(2);
  });

  test("down or 5xx: 'deribit unreachable since' the first failure; recovers", async () => {
    const m = market();
    server.modes.deribit = "down";
    const e1 = await m.ticker("deribit", "BTC").catch((e) => e);
    expect(e1.kind).toBe("unreachable");
    clock += 60000;
    server.modes.deribit = "server-error";
    const e2 = await m.ticker("deribit", "BTC").catch((e) => e);
    expect(m.describe("deribit", e2)).toBe("deribit unreachable since 14:02 UTC (deribit answered HTTP 502)");
    server.modes.deribit = "ok";
    await m.ticker("deribit", "BTC");
    expect(m.cache.healthOf("deribit").unreachableSince).toBeNull();
  });

  test("a slow answer fails at its deadline", async () => {
    server.modes.deribit = "slow";
    server.slowMs = 600;
    const error = await market({ timeoutMs: 200 })
      .ticker("deribit", "BTC")
      .catch((e) => e);
    expect(error.message).toBe("deribit did not answer within 0.2 s");
  });
});

describe('the LEGS functions with exchange "deribit"', () => {
  const POLL_MS = 40;
  beforeEach(() => {
    configureLive({ baseUrls: server.base, pollMs: POLL_MS, staleAfterMs: 400, timeoutMs: 500, now: () => Date.now() });
  });
  afterEach(() => service().hub.stopAll());

  test.each([
    ["FUNDINGRATE", "ETH", row("ETH", "ETH-PERPETUAL").current_funding],
    ["MARKPRICE", "BTC-PERPETUAL", row("BTC", "BTC-PERPETUAL").mark_price],
    ["INDEXPRICE", "BTC_USDC-PERPETUAL", row("USDC", "BTC_USDC-PERPETUAL").estimated_delivery_price],
  ] as const)("%s(%s) streams the book summary's number", async (name, symbol, expected) => {
    const inv = invocation();
    call(fns[name], symbol, "deribit", inv);
    await until(() => inv.results.length > 0);
    expect(inv.results[0]).toBe(expected);
    inv.onCanceled!();
  });

  test("FUNDINGINTERVAL 8; FUNDINGHISTORY rows of [Excel date (UTC), rate per 8 h]", async () => {
    await expect(call(fns.FUNDINGINTERVAL, "ETH", "deribit")).resolves.toBe(8);
    configureLive({ baseUrls: server.base, now: () => server.historyEnd });
    const rows = (await call(fns.FUNDINGHISTORY, "BTC", "deribit", 7)) as number[][];
    expect(rows).toHaveLength(7 * 3 + 1);
    expect(rows[rows.length - 1][0]).toBe(server.historyEnd / 86400000 + 25569);
    expect(rows[1][0] - rows[0][0]).toBeCloseTo(1 / 3, 9);
  });

  test("unknown symbol → #N/A naming it; Deribit down → #N/A 'deribit unreachable since'", async () => {
    const unknown = invocation();
    call(fns.FUNDINGRATE, "NOPE", "deribit", unknown);
    await until(() => unknown.results.length > 0);
    expect(unknown.results[0]).toEqual(new CF.Error("#N/A", "unknown symbol: deribit lists no perpetual NOPE-PERPETUAL"));
    unknown.onCanceled!();
    await expect(call(fns.FUNDINGINTERVAL, "XRP_USDC-PERPETUAL", "deribit")).rejects.toEqual(
      new CF.Error("#N/A", "unknown symbol: deribit lists no perpetual XRP_USDC-PERPETUAL"),
    );

    server.modes.deribit = "down";
    const down = invocation();
    call(fns.MARKPRICE, "ETH", "deribit", down);
    await until(() => down.results.length > 0);
    const error = down.results[0] as { code: string; message: string };
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^deribit unreachable since \d\d:\d\d UTC \(deribit is unreachable/);
    down.onCanceled!();
    await expect(call(fns.FUNDINGHISTORY, "ETH", "deribit", 3)).rejects.toMatchObject({ code: "#N/A" });
  });
});
