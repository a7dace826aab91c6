/**
 * Load on loopback, bounded in count and time: 1,000 simulated clients poll every venue as a
 * sheet of live cells does (each client once per poll interval, at its own offset) for two
 * minutes, through the real relay in front of the fixture exchanges. Whatever the number of
 * clients, the exchanges see one request per endpoint per poll. (Latency percentiles are
 * measured by `npm run bench`, not asserted here.)
 */
import * as http from "http";
import { RunningRelay, startRelay } from "../../src/relay/node";
import { ExchangeServer } from "../helpers/exchange-server";

const CLIENTS = 1000;
const POLL_MS = 10000;
const DURATION_MS = 120000;

/** What one client asks each venue every poll: the requests behind its FUNDINGRATE/MARKPRICE/FUTURES cells. */
const POLL: { venue: string; method: "GET" | "POST"; path: string; body?: string; endpoint: string }[] = [
  { venue: "binance", method: "GET", path: "/binance/fapi/v1/premiumIndex", endpoint: "binance /fapi/v1/premiumIndex" },
  // LEGS.FUTURES' COIN-M quarterlies (its USDⓈ-M prices are the premiumIndex above).
  {
    venue: "binance-coinm",
    method: "GET",
    path: "/binance-coinm/dapi/v1/premiumIndex",
    endpoint: "binance-coinm /dapi/v1/premiumIndex",
  },
  { venue: "bybit", method: "GET", path: "/bybit/v5/market/tickers?category=linear", endpoint: "bybit /v5/market/tickers" },
  // LEGS.FUTURES on Bybit: the inverse quarterlies' prices (the linear ones are the request above).
  { venue: "bybit", method: "GET", path: "/bybit/v5/market/tickers?category=inverse", endpoint: "bybit /v5/market/tickers" },
  {
    venue: "okx",
    method: "GET",
    path: "/okx/api/v5/public/funding-rate?instId=ANY",
    endpoint: "okx /api/v5/public/funding-rate",
  },
  { venue: "okx", method: "GET", path: "/okx/api/v5/public/mark-price?instType=SWAP", endpoint: "okx /api/v5/public/mark-price" },
  {
    venue: "okx",
    method: "GET",
    path: "/okx/api/v5/market/index-tickers?quoteCcy=USDT",
    endpoint: "okx /api/v5/market/index-tickers",
  },
  // LEGS.FUTURES on OKX: the dated futures' marks and the USD indexes of the inverse ones (the
  // USDT indexes are the index-tickers above); same endpoints as the perpetuals', other queries.
  {
    venue: "okx",
    method: "GET",
    path: "/okx/api/v5/public/mark-price?instType=FUTURES",
    endpoint: "okx /api/v5/public/mark-price",
  },
  {
    venue: "okx",
    method: "GET",
    path: "/okx/api/v5/market/index-tickers?quoteCcy=USD",
    endpoint: "okx /api/v5/market/index-tickers",
  },
  {
    venue: "hyperliquid",
    method: "POST",
    path: "/hyperliquid/info",
    body: '{"type":"metaAndAssetCtxs"}',
    endpoint: "hyperliquid /info",
  },
  {
    venue: "deribit",
    method: "GET",
    path: "/deribit/api/v2/public/get_book_summary_by_currency?currency=BTC&kind=future",
    endpoint: "deribit /api/v2/public/get_book_summary_by_currency",
  },
];

const server = new ExchangeServer();
let relay: RunningRelay;
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

beforeAll(async () => {
  await server.start();
  relay = await startRelay({ port: 0, host: "127.0.0.1", relay: { upstream: server.base, pollMs: POLL_MS } });
});
afterAll(async () => {
  agent.destroy();
  await relay.close();
  await server.stop();
});

/**
 * One request. A keep-alive socket the relay closes as idle (after 5 s) can race a new request on
 * it: as browsers do for idempotent requests (and as Node's documentation advises), a request
 * that fails on a reused socket is sent once more, on a fresh one.
 */
function ask(port: number, r: (typeof POLL)[number], retried = false): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: r.path,
        method: r.method,
        agent,
        headers: r.body ? { "Content-Type": "application/json" } : {},
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => {
      if (req.reusedSocket && !retried) resolve(ask(port, r, true));
      else resolve(0);
    });
    req.end(r.body);
  });
}

test(
  `${CLIENTS} clients × ${new Set(POLL.map((p) => p.venue)).size} venues polling for ${DURATION_MS / 60000} minutes: one upstream request per endpoint per poll`,
  async () => {
    const started = Date.now();
    const statuses = new Map<number, number>();
    let sent = 0;
    const clients = Array.from({ length: CLIENTS }, async (_, i) => {
      // Clients start spread over the first interval, as cells recalculated at different times.
      let next = started + Math.floor((i * POLL_MS) / CLIENTS);
      while (next < started + DURATION_MS) {
        await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
        const answers = await Promise.all(POLL.map((p) => ask(relay.port, p)));
        sent += answers.length;
        for (const s of answers) statuses.set(s, (statuses.get(s) ?? 0) + 1);
        next += POLL_MS;
      }
    });
    await Promise.all(clients);
    const polls = Math.ceil(DURATION_MS / POLL_MS);
    expect(sent).toBe(CLIENTS * POLL.length * polls);
    expect([...statuses.keys()]).toEqual([200]);
    for (const endpoint of new Set(POLL.map((p) => p.endpoint))) {
      const hits = server.hitCount(endpoint);
      // One per poll interval of the relay's cache for each distinct query on the endpoint (a boundary can add one each).
      const queries = POLL.filter((p) => p.endpoint === endpoint).length;
      const ok = hits >= queries * (polls - 1) && hits <= queries * (polls + 1);
      expect({ endpoint, ok }).toEqual({ endpoint, ok: true });
    }
    console.log(
      `load: ${sent} requests from ${CLIENTS} clients in ${((Date.now() - started) / 1000).toFixed(0)} s; upstream: ${[...new Set(POLL.map((p) => p.endpoint))].map((e) => `${e} ${server.hitCount(e)}`).join(", ")}`,
    );
  },
  DURATION_MS + 120000,
);
