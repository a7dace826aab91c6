/**
 * The live functions as Excel calls them, through the real relay in front of the fixture
 * exchanges: through every fault upstream a streaming cell keeps its last value while it is
 * fresh, then shows the #N/A that says which route failed and since when; with the relay itself
 * down, Hyperliquid (which allows cross-origin calls) is asked directly and the others say so.
 */
import { relayUrls } from "../../src/live/market";
import { configure as configureLive, service } from "../../src/live/service";
import { RunningRelay, startRelay } from "../../src/relay/node";
import { fakeCustomFunctions } from "../helpers/custom-functions";
import { ExchangeServer, Mode } from "../helpers/exchange-server";
import { FakeInvocation, invocation, sleep, until as waitUntil } from "../helpers/streaming-cell";

const CF = fakeCustomFunctions();
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = CF;
const fns = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

const server = new ExchangeServer();
let relay: RunningRelay;
const POLL_MS = 40;
const STALE_MS = 600;

// The relay adds a hop: a little more time than the direct streaming tests allow.
const until = (check: () => boolean) => waitUntil(check, 5000);
const errorsOf = (c: FakeInvocation) => c.results.filter((r) => r instanceof CF.Error) as { code: string; message: string }[];

beforeAll(async () => {
  await server.start();
  server.slowMs = 1500;
  server.retryAfterSeconds = 60;
  relay = await startRelay({ port: 0, host: "127.0.0.1", relay: { upstream: server.base, pollMs: POLL_MS, timeoutMs: 300 } });
});

afterAll(async () => {
  service().hub.stopAll();
  await relay?.close();
  await server.stop();
});

function configure(directFallback: Record<string, string> = {}) {
  configureLive({
    baseUrls: relayUrls(`http://127.0.0.1:${relay.port}/`),
    viaRelay: true,
    directFallback,
    pollMs: POLL_MS,
    staleAfterMs: STALE_MS,
    timeoutMs: 1000,
    now: () => Date.now(),
  });
}

beforeEach(() => {
  for (const k of Object.keys(server.modes)) server.modes[k] = "ok";
  configure();
});
afterEach(() => service().hub.stopAll());

describe("faults upstream, seen from a cell", () => {
  test.each<[Mode, RegExp]>([
    ["down", /^binance via relay unreachable since \d\d:\d\d UTC \(binance is unreachable/],
    ["slow", /^binance via relay unreachable since \d\d:\d\d UTC \(binance did not answer within 0\.3 s\)$/],
    ["server-error", /^binance via relay unreachable since \d\d:\d\d UTC \(binance answered HTTP 502\)$/],
    [
      "malformed",
      /^binance via relay unreachable since \d\d:\d\d UTC \(binance sent a response that is not JSON \(HTTP 200\)\)$/,
    ],
    ["rate-limited", /^binance rate limit: retrying after \d\d:\d\d UTC$/],
  ])("%s: the last value stays while fresh, then #N/A %s", async (mode, message) => {
    const c = invocation();
    fns.MARKPRICE("BTC", null, c as unknown as CustomFunctions.StreamingInvocation<number>);
    await until(() => c.results.length > 0);
    expect(typeof c.results[0]).toBe("number");
    server.modes.binance = mode;
    const before = c.results.length;
    await sleep(STALE_MS / 3);
    expect(c.results.slice(before).every((r) => typeof r === "number")).toBe(true);
    await until(() => errorsOf(c).length > 0);
    expect(errorsOf(c)[0].code).toBe("#N/A");
    expect(errorsOf(c)[0].message).toMatch(message);
    c.onCanceled!();
  });
});

describe("the relay itself down", () => {
  test("okx: #N/A 'okx via relay unreachable since …'; hyperliquid: asked directly, values go on", async () => {
    configure({ hyperliquid: server.base.hyperliquid });
    const b = invocation();
    const h = invocation();
    fns.FUNDINGRATE("BTC", "okx", b as unknown as CustomFunctions.StreamingInvocation<number>);
    fns.FUNDINGRATE("BTC", "hyperliquid", h as unknown as CustomFunctions.StreamingInvocation<number>);
    await until(() => b.results.length > 0 && h.results.length > 0);
    expect([typeof b.results[0], typeof h.results[0]]).toEqual(["number", "number"]);
    await relay.close();
    try {
      await until(() => errorsOf(b).length > 0);
      expect(errorsOf(b)[0].message).toMatch(/^okx via relay unreachable since \d\d:\d\d UTC \(the relay is unreachable/);
      // Hyperliquid answers directly: no error, fresh values keep coming.
      const n = h.results.length;
      await until(() => h.results.length > n + 3);
      expect(errorsOf(h)).toEqual([]);
      expect(server.hitCount("hyperliquid /info")).toBeGreaterThan(0);
    } finally {
      b.onCanceled!();
      h.onCanceled!();
      relay = await startRelay({ port: 0, host: "127.0.0.1", relay: { upstream: server.base, pollMs: POLL_MS, timeoutMs: 300 } });
    }
  });

  test("and when the direct call fails too, the message says 'direct'", async () => {
    configure({ hyperliquid: server.base.hyperliquid });
    const h = invocation();
    fns.MARKPRICE("ETH", "hyperliquid", h as unknown as CustomFunctions.StreamingInvocation<number>);
    await until(() => h.results.length > 0);
    const port = relay.port;
    await relay.close();
    server.modes.hyperliquid = "down";
    try {
      await until(() => errorsOf(h).length > 0);
      expect(errorsOf(h)[0].message).toMatch(/^hyperliquid direct unreachable since \d\d:\d\d UTC \(hyperliquid is unreachable/);
    } finally {
      h.onCanceled!();
      relay = await startRelay({ port, host: "127.0.0.1", relay: { upstream: server.base, pollMs: POLL_MS, timeoutMs: 300 } });
    }
  });
});
