/**
 * The market-data service against a local fixture server shaped like each exchange's documented
 * responses (test/fixtures/exchanges): parsing, intervals, history paging, the shared cache,
 * rate limits, timeouts and outages. Real HTTP on 127.0.0.1, never the internet.
 */
import { MarketData, defaultConfig } from "../../src/live/market";
import { MarketError } from "../../src/live/types";
import { ExchangeServer, fixture } from "../helpers/exchange-server";

const server = new ExchangeServer();
let clock = Date.UTC(2026, 10, 25, 14, 2);

function market(overrides: Partial<ReturnType<typeof defaultConfig>> = {}): MarketData {
  return new MarketData({
    ...defaultConfig(),
    baseUrls: server.base,
    now: () => clock,
    random: () => 0.5,
    timeoutMs: 2000,
    ...overrides,
  });
}

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  for (const k of Object.keys(server.modes)) server.modes[k] = "ok";
  server.hits.clear();
  clock = Date.UTC(2026, 10, 25, 14, 2);
});

type Json = Record<string, unknown>;

describe("parsing each exchange's documented responses", () => {
  test("binance: premiumIndex lastFundingRate, markPrice, indexPrice", async () => {
    const item = fixture<Json[]>("binance/premiumIndex-all.json").find((x) => x.symbol === "BTCUSDT")!;
    await expect(market().ticker("binance", "BTC")).resolves.toEqual({
      fundingRate: Number(item.lastFundingRate),
      markPrice: Number(item.markPrice),
      indexPrice: Number(item.indexPrice),
    });
  });

  test('binance: a delivery contract\'s row (lastFundingRate "") is skipped, not a failure of every symbol', async () => {
    const delivery = fixture<Json[]>("binance/premiumIndex-all.json").find((x) => x.lastFundingRate === "")!;
    expect(delivery.nextFundingTime).toBe(0);
    const m = market();
    await expect(m.ticker("binance", "ETH")).resolves.toMatchObject({ markPrice: expect.any(Number) });
    // The contract itself is no perpetual: asked by its native name, the map does not hold it.
    const error = await m.ticker("binance", String(delivery.symbol)).catch((e) => e);
    expect(error.kind).toBe("unknown-symbol");
  });

  test("bybit: tickers fundingRate, markPrice, indexPrice", async () => {
    const item = fixture<{ result: { list: Json[] } }>("bybit/tickers-linear-all.json").result.list.find(
      (x) => x.symbol === "ETHUSDT",
    )!;
    await expect(market().ticker("bybit", "ETH-USDT")).resolves.toEqual({
      fundingRate: Number(item.fundingRate),
      markPrice: Number(item.markPrice),
      indexPrice: Number(item.indexPrice),
    });
  });

  test("okx: funding-rate (instId=ANY), mark-price and index-tickers, each one request for all", async () => {
    const rate = fixture<{ data: Json[] }>("okx/funding-rate-BTC-USDT-SWAP.json").data[0];
    const mark = fixture<{ data: Json[] }>("okx/mark-price-SWAP.json").data.find((x) => x.instId === "BTC-USDT-SWAP")!;
    const index = fixture<{ data: Json[] }>("okx/index-tickers.json").data.find((x) => x.instId === "BTC-USDT")!;
    await expect(market().ticker("okx", "BTCUSDT")).resolves.toEqual({
      fundingRate: Number(rate.fundingRate),
      markPrice: Number(mark.markPx),
      indexPrice: Number(index.idxPx),
    });
  });

  test("hyperliquid: metaAndAssetCtxs funding (hourly), markPx, oraclePx by universe position", async () => {
    const [meta, ctxs] = fixture<[{ universe: Json[] }, Json[]]>("hyperliquid/metaAndAssetCtxs.json");
    const i = meta.universe.findIndex((u) => u.name === "ETH");
    await expect(market().ticker("hyperliquid", "ETH")).resolves.toEqual({
      fundingRate: Number(ctxs[i].funding),
      markPrice: Number(ctxs[i].markPx),
      indexPrice: Number(ctxs[i].oraclePx),
    });
  });

  test.each(["binance", "bybit", "okx", "hyperliquid", "deribit"] as const)(
    "%s: an unlisted symbol is 'unknown symbol'",
    async (ex) => {
      const error = await market()
        .ticker(ex, "NOPECOIN")
        .catch((e) => e);
      expect(error).toBeInstanceOf(MarketError);
      expect(error.kind).toBe("unknown-symbol");
      expect(error.message).toMatch(/^unknown symbol/);
    },
  );
});

describe("funding intervals per symbol", () => {
  test("binance: fundingInfo lists changed symbols; absent means 8 h", async () => {
    const m = market();
    await expect(m.intervalHours("binance", "BTC")).resolves.toBe(8);
    const changed = fixture<Json[]>("binance/fundingInfo.json").find((x) =>
      fixture<Json[]>("binance/premiumIndex-all.json").some((p) => p.symbol === x.symbol),
    )!;
    await expect(m.intervalHours("binance", String(changed.symbol))).resolves.toBe(Number(changed.fundingIntervalHours));
  });

  test("bybit: instruments-info fundingInterval is in minutes", async () => {
    const m = market();
    const perpetuals = fixture<{ result: { list: Json[] } }>("bybit/instruments-info-linear.json").result.list.filter(
      (x) => x.contractType === "LinearPerpetual",
    );
    for (const item of perpetuals) {
      await expect(m.intervalHours("bybit", String(item.symbol))).resolves.toBe(Number(item.fundingInterval) / 60);
    }
  });

  test("okx: the gap between fundingTime and nextFundingTime", async () => {
    const r = fixture<{ data: Json[] }>("okx/funding-rate-BTC-USDT-SWAP.json").data[0];
    await expect(market().intervalHours("okx", "BTC")).resolves.toBe(
      (Number(r.nextFundingTime) - Number(r.fundingTime)) / 3600000,
    );
  });

  test("hyperliquid: every hour", async () => {
    await expect(market().intervalHours("hyperliquid", "BTC")).resolves.toBe(1);
  });
});

describe("funding history, paged", () => {
  test.each([
    ["binance", 8, 1000],
    ["bybit", 8, 200],
    ["okx", 8, 400],
    ["hyperliquid", 1, 500],
  ] as const)("%s: 3 years, oldest first, every %sh event once, in pages of %s", async (ex, hours, page) => {
    clock = server.historyEnd;
    const events = await market().history(ex, "BTC", 1095);
    const expected = (1095 * 24) / hours + 1;
    expect(events.length).toBe(expected);
    for (let i = 1; i < events.length; i++) expect(events[i].time - events[i - 1].time).toBe(hours * 3600000);
    expect(events[events.length - 1].time).toBe(server.historyEnd);
    const requests = server.hitCount(`${ex} `);
    expect(requests).toBeGreaterThanOrEqual(Math.ceil(expected / page));
    expect(requests).toBeLessThanOrEqual(Math.ceil(expected / page) + 2);
  });
});

describe("one shared cache", () => {
  test("500 cells asking for funding at once make one request", async () => {
    const m = market();
    const symbols = ["BTC", "ETH", "SOL"];
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => m.ticker("binance", symbols[i % 3])));
    expect(answers).toHaveLength(500);
    expect(server.hitCount("binance /fapi/v1/premiumIndex")).toBe(1);
    // Within the poll interval the answer is reused; after it, one new request.
    await m.ticker("binance", "BTC");
    expect(server.hitCount("binance /fapi/v1/premiumIndex")).toBe(1);
    clock += 30001;
    await Promise.all([m.ticker("binance", "BTC"), m.ticker("binance", "ETH")]);
    expect(server.hitCount("binance /fapi/v1/premiumIndex")).toBe(2);
  });
});

describe("when exchanges misbehave", () => {
  test("HTTP 429: back off for Retry-After (jittered), sending nothing meanwhile", async () => {
    const m = market();
    server.modes.binance = "rate-limited";
    server.retryAfterSeconds = 2;
    const first = await m.ticker("binance", "BTC").catch((e) => e);
    expect(first.kind).toBe("rate-limited");
    // 2 s × (1 + 25 % × 0.5 jitter) = 2.25 s
    expect(first.retryAt - clock).toBe(2250);
    expect(m.describe("binance", first)).toBe("binance rate limit: retrying after 14:02 UTC");
    server.modes.binance = "ok";
    const during = await m.ticker("binance", "BTC").catch((e) => e);
    expect(during.kind).toBe("rate-limited");
    expect(server.hitCount("binance ")).toBe(1);
    clock += 2251;
    await expect(m.ticker("binance", "BTC")).resolves.toMatchObject({ markPrice: expect.any(Number) });
    expect(server.hitCount("binance ")).toBe(2);
  });

  test("a request that takes too long fails at its deadline", async () => {
    server.modes.okx = "slow";
    server.slowMs = 1500;
    const started = Date.now();
    const error = await market({ timeoutMs: 200 })
      .ticker("okx", "BTC")
      .catch((e) => e);
    expect(Date.now() - started).toBeLessThan(1200);
    expect(error.kind).toBe("unreachable");
    expect(error.message).toBe("okx did not answer within 0.2 s");
  });

  test("a server that drops connections or answers 5xx is 'unreachable since' the first failure", async () => {
    const m = market();
    server.modes.bybit = "down";
    const e1 = await m.ticker("bybit", "BTC").catch((e) => e);
    expect(e1.kind).toBe("unreachable");
    clock += 60000;
    server.modes.bybit = "server-error";
    const e2 = await m.ticker("bybit", "BTC").catch((e) => e);
    expect(m.describe("bybit", e2)).toMatch(/^bybit unreachable since 14:02 UTC \(bybit answered HTTP 502\)$/);
    server.modes.bybit = "ok";
    await m.ticker("bybit", "BTC");
    expect(m.cache.healthOf("bybit").unreachableSince).toBeNull();
  });
});
