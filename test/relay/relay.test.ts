/**
 * The relay (src/relay), the real Node server on 127.0.0.1, in front of the local exchange
 * fixture server: the live functions' requests all work through it; identical requests go
 * upstream once; answers are reused for the poll interval and say so; an exchange's rate limit is
 * honoured once for everyone; nothing outside the allow-list is ever forwarded; faults upstream
 * give clear, prompt answers.
 */
import * as net from "net";
import { DEFAULT_BASE_URLS, ENDPOINTS } from "../../src/live/endpoints";
import { EXCHANGES } from "../../src/live/exchange-names";
import { defaultConfig, MarketData, relayUrls } from "../../src/live/market";
import { RunningRelay, startRelay, upstreamFromEnv } from "../../src/relay/node";
import { ExchangeServer } from "../helpers/exchange-server";

const server = new ExchangeServer();
let relay: RunningRelay;
let base = "";
let now = Date.UTC(2026, 10, 25, 8);

beforeAll(async () => {
  await server.start();
  relay = await startRelay({
    port: 0,
    host: "127.0.0.1",
    relay: { upstream: server.base, pollMs: 30000, timeoutMs: 1000, now: () => now },
  });
  base = `http://127.0.0.1:${relay.port}`;
});

afterAll(async () => {
  await relay.close();
  await server.stop();
});

beforeEach(() => {
  for (const ex of EXCHANGES) server.modes[ex] = "ok";
  server.hits.clear();
  server.requestHeaders.length = 0;
  now += 3600000; // a fresh hour: nothing cached, no back-off left from another test
});

function market(): MarketData {
  return new MarketData({
    ...defaultConfig(),
    baseUrls: relayUrls(base),
    viaRelay: true,
    directFallback: {},
    timeoutMs: 3000,
    now: () => now,
  });
}

/** A raw HTTP exchange with the relay, so nothing (URL parsing, header checks) is cleaned up on the way. */
function raw(request: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    // Written, not ended: the relay answers and closes (Connection: close).
    const socket = net.connect(relay.port, "127.0.0.1", () => socket.write(request));
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (c) => (data += c));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head, ...rest] = data.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), head, body: rest.join("\r\n\r\n") });
    });
  });
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

describe("the live functions through the relay", () => {
  test.each(EXCHANGES)("%s: ticker, funding interval and history, each request an allowed one", async (ex) => {
    const m = market();
    const symbol = "BTC";
    const t = await m.ticker(ex, symbol);
    expect(t.markPrice).toBeGreaterThan(0);
    expect(await m.intervalHours(ex, symbol)).toBeGreaterThan(0);
    const h = await m.history(ex, symbol, 30);
    expect(h.length).toBeGreaterThan(20);
    // The same answers as asking the exchange directly.
    const direct = new MarketData({
      ...defaultConfig(),
      baseUrls: server.base,
      viaRelay: false,
      directFallback: {},
      now: () => now,
    });
    expect(await direct.ticker(ex, symbol)).toEqual(t);
    expect(await direct.history(ex, symbol, 30)).toEqual(h);
    // Every upstream request was one of the allow-list's paths.
    const allowed = new Set(ENDPOINTS[ex].map((e) => `${ex} ${e.path}`));
    for (const key of server.hits.keys()) expect(allowed).toContain(key);
  });
});

describe("LEGS.FUTURES through the relay", () => {
  test("Deribit and Binance (USDⓈ-M and COIN-M): each request an allowed one, one per endpoint", async () => {
    const m = new MarketData({
      ...defaultConfig(),
      baseUrls: relayUrls(base),
      viaRelay: true,
      directFallback: {},
      now: () => now,
    });
    const before = new Map(relay.relay.upstreamRequests);
    const table = await m.futures("binance", "BTC");
    expect(table.slice(1).map((r) => r[0])).toEqual(["BTCUSDT_261225", "BTCUSD_261225", "BTCUSDT_270326", "BTCUSD_270326"]);
    const deribit = await m.futures("deribit", "BTC");
    expect(deribit.slice(1).map((r) => r[0])).toEqual(["BTC-27NOV26", "BTC-25DEC26", "BTC-26MAR27"]);
    for (const e of [
      "binance /fapi/v1/exchangeInfo",
      "binance /fapi/v1/premiumIndex",
      "binance-coinm /dapi/v1/exchangeInfo",
      "binance-coinm /dapi/v1/premiumIndex",
      "deribit /api/v2/public/get_instruments",
      "deribit /api/v2/public/get_book_summary_by_currency",
    ])
      expect({ e, n: (relay.relay.upstreamRequests.get(e) ?? 0) - (before.get(e) ?? 0) }).toEqual({ e, n: 1 });
  });

  test("OKX: instruments (FUTURES), mark-price (FUTURES) and index-tickers (USD, USDT) through the relay", async () => {
    const m = new MarketData({
      ...defaultConfig(),
      baseUrls: relayUrls(base),
      viaRelay: true,
      directFallback: {},
      now: () => now,
    });
    const before = new Map(relay.relay.upstreamRequests);
    const table = await m.futures("okx", "BTC");
    expect(table.slice(1).map((r) => r[0])).toEqual([
      "BTC-USD-261127",
      "BTC-USD-261204",
      "BTC-USD-261225",
      "BTC-USDT-261225",
      "BTC-USD-270326",
      "BTC-USDT-270326",
    ]);
    const delta = (e: string) => (relay.relay.upstreamRequests.get(e) ?? 0) - (before.get(e) ?? 0);
    expect(delta("okx /api/v5/public/instruments")).toBe(1);
    expect(delta("okx /api/v5/public/mark-price")).toBe(1);
    // One per quote currency: USD (BTC-USD-…) and USDT (BTC-USDT-…).
    expect(delta("okx /api/v5/market/index-tickers")).toBe(2);
  });

  test("Bybit: instruments-info and tickers, category=linear and category=inverse, through the relay", async () => {
    const m = new MarketData({
      ...defaultConfig(),
      baseUrls: relayUrls(base),
      viaRelay: true,
      directFallback: {},
      now: () => now,
    });
    const before = new Map(relay.relay.upstreamRequests);
    const table = await m.futures("bybit", "BTC");
    // At the relay tests' clock (2026-11-25T08:00Z) the weekly BTCUSDT-27NOV26 is still live.
    expect(table.slice(1).map((r) => r[0])).toEqual([
      "BTCUSDT-27NOV26",
      "BTCUSDT-25DEC26",
      "BTCUSDZ26",
      "BTCUSDH27",
      "BTCUSDT-26MAR27",
    ]);
    const delta = (e: string) => (relay.relay.upstreamRequests.get(e) ?? 0) - (before.get(e) ?? 0);
    // One per category: linear and inverse.
    expect(delta("bybit /v5/market/instruments-info")).toBe(2);
    expect(delta("bybit /v5/market/tickers")).toBe(2);
  });

  test.each([
    ["/binance-coinm/dapi/v1/premiumIndex?symbol=BTCUSD_PERP", 400],
    ["/bybit/v5/market/tickers?category=option", 400],
    ["/bybit/v5/market/tickers?category=spot", 400],
    ["/bybit/v5/market/tickers?category=inverse&symbol=BTCUSDZ26", 400],
    ["/bybit/v5/market/instruments-info?category=option&limit=1000", 400],
    ["/bybit/v5/market/instruments-info?category=inverse&status=Closed", 400],
    ["/bybit/v5/market/funding/history?category=inverse&symbol=BTCUSD&startTime=1&endTime=2&limit=200", 400],
    ["/bybit/v5/market/delivery-price?category=linear", 404],
    ["/okx/api/v5/public/instruments?instType=OPTION", 400],
    ["/okx/api/v5/public/instruments?instType=SWAP", 400],
    ["/okx/api/v5/public/instruments?instType=FUTURES&instFamily=BTC-USD", 400],
    ["/okx/api/v5/public/mark-price?instType=OPTION", 400],
    ["/okx/api/v5/public/mark-price?instType=FUTURES&instId=BTC-USD-261225", 400],
    ["/okx/api/v5/market/tickers?instType=FUTURES", 404],
    ["/okx/api/v5/public/estimated-price?instId=BTC-USD-261225", 404],
    ["/binance-coinm/fapi/v1/premiumIndex", 404],
    ["/binance/dapi/v1/premiumIndex", 404],
    ["/deribit/api/v2/public/get_instruments?currency=BTC&kind=future&expired=true", 400],
    ["/deribit/api/v2/public/get_instruments?currency=USDC&kind=future", 400],
  ])("%s is refused (%i)", async (target, status) => {
    expect((await get(target)).status).toBe(status);
  });
});

describe("one upstream request per endpoint per poll, whatever the number of users", () => {
  test("200 concurrent identical requests: one upstream request, 200 identical answers", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => get("/binance/fapi/v1/premiumIndex").then((r) => r.text())),
    );
    expect(new Set(answers).size).toBe(1);
    expect(server.hitCount("binance /fapi/v1/premiumIndex")).toBe(1);
  });

  test("an answer is reused for the poll interval, with Cache-Control for a CDN in front, then asked again", async () => {
    const first = await get("/okx/api/v5/public/mark-price?instType=SWAP");
    expect(first.headers.get("cache-control")).toBe("public, max-age=30, s-maxage=30");
    now += 20000;
    const second = await get("/okx/api/v5/public/mark-price?instType=SWAP");
    expect(second.headers.get("cache-control")).toBe("public, max-age=10, s-maxage=10");
    expect(server.hitCount("okx /api/v5/public/mark-price")).toBe(1);
    now += 10001;
    await get("/okx/api/v5/public/mark-price?instType=SWAP");
    expect(server.hitCount("okx /api/v5/public/mark-price")).toBe(2);
  });

  test("query parameters in another order are the same question", async () => {
    await get("/bybit/v5/market/funding/history?category=linear&symbol=BTCUSDT&startTime=1&endTime=2&limit=200");
    await get("/bybit/v5/market/funding/history?limit=200&endTime=2&startTime=1&symbol=BTCUSDT&category=linear");
    expect(server.hitCount("bybit /v5/market/funding/history")).toBe(1);
  });

  test("slow-changing data (funding intervals) is reused for an hour", async () => {
    await get("/binance/fapi/v1/fundingInfo");
    now += 59 * 60000;
    const again = await get("/binance/fapi/v1/fundingInfo");
    expect(Number(/max-age=(\d+)/.exec(again.headers.get("cache-control")!)![1])).toBe(60);
    expect(server.hitCount("binance /fapi/v1/fundingInfo")).toBe(1);
  });

  test("Hyperliquid's POST bodies are the cache key, canonicalised", async () => {
    const post = (body: string) =>
      fetch(`${base}/hyperliquid/info`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    await post('{"type":"metaAndAssetCtxs"}');
    await post('{ "type": "metaAndAssetCtxs" }');
    await post('{"coin":"BTC","type":"fundingHistory","startTime":1}');
    await post('{"type":"fundingHistory","startTime":1,"coin":"BTC"}');
    expect(server.hitCount("hyperliquid /info")).toBe(2);
  });

  test("a 429 with Retry-After is honoured once for everyone: no upstream request until it has passed", async () => {
    server.modes.bybit = "rate-limited";
    server.retryAfterSeconds = 20;
    const first = await get("/bybit/v5/market/tickers?category=linear");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("20");
    server.modes.bybit = "ok";
    now += 5000;
    const others = await Promise.all(Array.from({ length: 50 }, () => get("/bybit/v5/market/tickers?category=linear")));
    expect(others.map((r) => r.status)).toEqual(Array(50).fill(429));
    expect(others[0].headers.get("retry-after")).toBe("15");
    // Another endpoint of the same exchange waits too: the limit is the exchange's, per IP.
    expect((await get("/bybit/v5/market/instruments-info?category=linear&limit=1000")).status).toBe(429);
    expect(server.hitCount("bybit")).toBe(1);
    now += 15001;
    expect((await get("/bybit/v5/market/tickers?category=linear")).status).toBe(200);
    expect(server.hitCount("bybit")).toBe(2);
  });

  test("Deribit's error 10028 too_many_requests (whatever its HTTP status) is a 429 for everyone, for 30 s", async () => {
    server.modes.deribit = "rpc-rate-limited";
    const path = "/deribit/api/v2/public/get_book_summary_by_currency?currency=BTC&kind=future";
    const first = await get(path);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("30");
    expect(first.headers.get("cache-control")).toBe("no-store");
    server.modes.deribit = "ok";
    now += 10000;
    expect((await get("/deribit/api/v2/public/get_book_summary_by_currency?currency=ETH&kind=future")).status).toBe(429);
    await expect(market().ticker("deribit", "BTC")).rejects.toMatchObject({ kind: "rate-limited" });
    expect(server.hitCount("deribit")).toBe(1);
    now += 20001;
    expect((await get(path)).status).toBe(200);
    expect(server.hitCount("deribit")).toBe(2);
  });

  test("Deribit's other errors (HTTP 400, JSON-RPC) pass through as answers: an unknown instrument", async () => {
    const r = await get(
      "/deribit/api/v2/public/get_funding_rate_history?instrument_name=NOPE-PERPETUAL&start_timestamp=1&end_timestamp=2",
    );
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: number } }).error.code).toBe(-32602);
    expect(r.headers.get("cache-control")).toBe("public, max-age=30, s-maxage=30");
    await expect(market().history("deribit", "NOPE_USDC", 1)).rejects.toMatchObject({ kind: "unknown-symbol" });
  });

  test("the add-in reads the relay's 429 as a rate limit with its retry time", async () => {
    server.modes.binance = "rate-limited";
    server.retryAfterSeconds = 30;
    const m = market();
    await expect(m.ticker("binance", "BTC")).rejects.toMatchObject({ kind: "rate-limited" });
    expect(m.describe("binance", await m.ticker("binance", "BTC").catch((e) => e))).toMatch(
      /^binance rate limit: retrying after \d\d:\d\d UTC$/,
    );
  });
});

describe("never an open proxy: refused, nothing forwarded", () => {
  afterEach(() => expect(server.hits.size).toBe(0));

  test.each([
    ["a path outside the allow-list", "/binance/fapi/v1/order", 404],
    ["an exchange's other API", "/binance/sapi/v1/capital/config/getall", 404],
    ["an unknown venue", "/kraken/0/public/Ticker", 404],
    ["a step up with ..", "/binance/fapi/v1/../v1/premiumIndex", 400],
    ["a step up into another venue", "/binance/../okx/api/v5/public/mark-price?instType=SWAP", 400],
    ["an encoded step up", "/binance/fapi/v1/%2e%2e/v1/premiumIndex", 400],
    ["an encoded slash", "/binance/fapi%2Fv1%2FpremiumIndex", 400],
    ["a double slash", "/binance//fapi/v1/premiumIndex", 400],
    ["a backslash", "/binance/fapi\\v1\\premiumIndex", 400],
    ["the venue alone", "/binance", 404],
    ["a query parameter not listed", "/binance/fapi/v1/premiumIndex?symbol=BTCUSDT", 400],
    ["a value not allowed", "/binance/fapi/v1/fundingRate?symbol=btc-usdt", 400],
    ["a parameter given twice", "/binance/fapi/v1/fundingRate?symbol=BTCUSDT&symbol=ETHUSDT", 400],
    ["a header smuggled in a value", "/binance/fapi/v1/fundingRate?symbol=BTCUSDT%0d%0aX-Evil:%201", 400],
    ["another host in a value", "/okx/api/v5/public/funding-rate?instId=https://evil.example/", 400],
    ["deribit: a private method", "/deribit/api/v2/private/get_account_summary?currency=BTC", 404],
    ["deribit: a public method not listed", "/deribit/api/v2/public/ticker?instrument_name=BTC-PERPETUAL", 404],
    ["deribit: options", "/deribit/api/v2/public/get_book_summary_by_currency?currency=BTC&kind=option", 400],
    ["deribit: another currency", "/deribit/api/v2/public/get_book_summary_by_currency?currency=any&kind=future", 400],
    [
      "deribit: a dated future's history",
      "/deribit/api/v2/public/get_funding_rate_history?instrument_name=BTC-25DEC26&start_timestamp=1&end_timestamp=2",
      400,
    ],
  ])("%s: %s → %i", async (_what, path, status) => {
    const r = await raw(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(r.status).toBe(status);
  });

  test("another host in the request line or the Host header is ignored: the upstream is fixed", async () => {
    const r = await raw(
      "GET http://evil.example/binance/fapi/v1/premiumIndex HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
    );
    expect(r.status).toBe(400);
    const ok = await raw("GET /binance/fapi/v1/premiumIndex HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    expect(ok.status).toBe(200);
    expect(server.hitCount("binance /fapi/v1/premiumIndex")).toBe(1);
    server.hits.clear();
  });

  test("the wrong method: 405", async () => {
    expect((await fetch(`${base}/binance/fapi/v1/premiumIndex`, { method: "POST", body: "{}" })).status).toBe(405);
    expect((await get("/hyperliquid/info")).status).toBe(405);
  });

  test("POST bodies: only the allowed types and fields, JSON, at most 1 KB", async () => {
    const post = (body: string, type = "application/json") =>
      fetch(`${base}/hyperliquid/info`, { method: "POST", headers: { "Content-Type": type }, body });
    expect((await post('{"type":"clearinghouseState","user":"0xabc"}')).status).toBe(400);
    expect((await post('{"type":"fundingHistory","coin":"BTC","startTime":1,"extra":1}')).status).toBe(400);
    expect((await post('{"type":"fundingHistory","coin":"../x"}')).status).toBe(400);
    expect((await post("not json")).status).toBe(400);
    expect((await post('{"type":"metaAndAssetCtxs"}', "text/plain")).status).toBe(415);
    expect((await post(JSON.stringify({ type: "metaAndAssetCtxs", pad: "x".repeat(2 * 1024 * 1024) }))).status).toBe(413);
  });

  test("a huge body sent without a length is cut off at 1 KB, not buffered", async () => {
    const r = await raw(
      `POST /hyperliquid/info HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        `${(4096).toString(16)}\r\n${"x".repeat(4096)}\r\n0\r\n\r\n`,
    );
    expect(r.status).toBe(413);
  });
});

describe("headers: nothing passes either way", () => {
  test("the client's cookies and authorization never reach the exchange; the exchange's cookies never reach the client", async () => {
    const r = await get("/binance/fapi/v1/premiumIndex", {
      Cookie: "session=secret",
      Authorization: "Bearer secret",
      "X-MBX-APIKEY": "key",
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("set-cookie")).toBeNull();
    const sent = server.requestHeaders[0];
    expect(sent.cookie).toBeUndefined();
    expect(sent.authorization).toBeUndefined();
    expect(sent["x-mbx-apikey"]).toBeUndefined();
  });
});

describe("slow clients cannot hold the relay", () => {
  test("headers never finished: the connection is closed by the relay within its 5 s header timeout", async () => {
    const started = Date.now();
    const closed = await new Promise<number>((resolve) => {
      const socket = net.connect(relay.port, "127.0.0.1", () =>
        socket.write("GET /binance/fapi/v1/premiumIndex HTTP/1.1\r\nHost: x\r\n"),
      );
      socket.on("data", () => undefined);
      socket.on("close", () => resolve(Date.now() - started));
      socket.on("error", () => undefined);
    });
    expect(closed).toBeLessThan(12000);
  }, 20000);
});

describe("faults upstream: a clear answer, within the deadline, never cached", () => {
  const cases: [string, Parameters<typeof setMode>[0], number, RegExp][] = [
    ["down", "down", 502, /^binance is unreachable/],
    ["slow (past the relay's 1 s deadline)", "slow", 504, /^binance did not answer within 1 s$/],
    ["5xx", "server-error", 502, /^binance answered HTTP 502$/],
    ["malformed JSON", "malformed", 502, /^binance sent a response that is not JSON \(HTTP 200\)$/],
    [
      "a redirect to another host",
      "redirect",
      502,
      /^binance answered with a redirect \(HTTP 302\), which the relay does not follow$/,
    ],
  ];
  function setMode(mode: "down" | "slow" | "server-error" | "malformed" | "redirect") {
    server.modes.binance = mode;
  }
  test.each(cases)("%s → %s", async (_what, mode, status, message) => {
    setMode(mode);
    server.slowMs = 3000;
    const started = Date.now();
    const r = await get("/binance/fapi/v1/premiumIndex");
    expect(Date.now() - started).toBeLessThan(2500);
    expect(r.status).toBe(status);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect((await r.json()).relay).toMatch(message);
    // Not followed: nothing was asked of the redirect's target.
    expect(server.hitCount("elsewhere")).toBe(0);
    // The add-in's message says the route and what the relay saw.
    const m = market();
    const e = await m.ticker("binance", "BTC").catch((x) => x);
    expect(m.describe("binance", e)).toMatch(/^binance via relay unreachable since \d\d:\d\d UTC \(binance /);
  });
});

describe("configuration", () => {
  test("LEGWORK_UPSTREAM_<VENUE> overrides one venue's host; the others keep theirs", () => {
    expect(upstreamFromEnv({ LEGWORK_UPSTREAM_BINANCE: "http://127.0.0.1:9001" })).toEqual({
      ...DEFAULT_BASE_URLS,
      binance: "http://127.0.0.1:9001",
    });
    expect(() => upstreamFromEnv({ LEGWORK_UPSTREAM_OKX: "ftp://x" })).toThrow(/LEGWORK_UPSTREAM_OKX must be an http\(s\) URL/);
  });

  test("LEGWORK_UPSTREAM_BINANCE_COINM overrides Binance COIN-M's host (dapi.binance.com)", () => {
    expect(DEFAULT_BASE_URLS["binance-coinm"]).toBe("https://dapi.binance.com");
    expect(upstreamFromEnv({ LEGWORK_UPSTREAM_BINANCE_COINM: "http://127.0.0.1:9002" })["binance-coinm"]).toBe(
      "http://127.0.0.1:9002",
    );
  });

  test("the relay's paths are the same whatever the host", () => {
    // The allow-list is keyed by venue and path only: a fixture host answers the same requests.
    for (const ex of EXCHANGES) for (const e of ENDPOINTS[ex]) expect(e.path.startsWith("/")).toBe(true);
  });
});

describe("static files", () => {
  test("a relay started without a static root serves nothing else", async () => {
    expect((await get("/taskpane.html")).status).toBe(404);
    expect((await get("/../../etc/passwd")).status).toBe(404);
  });
});
