/**
 * The live LEGS functions as Excel calls them, against the local fixture server: the streaming
 * contract (setResult with values and with errors, onCanceled), shared streams, last value kept
 * through an outage and then #N/A, and the one-shot FUNDINGINTERVAL / FUNDINGHISTORY.
 */
import { configure as configureLive, service } from "../../src/live/service";
import type { StreamHub } from "../../src/live/streams";
import { ExchangeServer, fixture } from "../helpers/exchange-server";
import { fakeCustomFunctions } from "../helpers/custom-functions";
import { invocation, sleep, until } from "../helpers/streaming-cell";

const CF = fakeCustomFunctions();
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = CF;

const fns = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

const server = new ExchangeServer();
const POLL_MS = 40;
const STALE_MS = 800;

const call = (fn: unknown, ...args: unknown[]): any => (fn as (...a: unknown[]) => unknown)(...args);

let hub: StreamHub;

beforeAll(() => server.start());
afterAll(async () => {
  hub.stopAll();
  await server.stop();
});
beforeEach(async () => {
  for (const k of Object.keys(server.modes)) server.modes[k] = "ok";
  server.hits.clear();
  configureLive({ baseUrls: server.base, pollMs: POLL_MS, staleAfterMs: STALE_MS, timeoutMs: 500, now: () => Date.now() });
  hub = service().hub;
});
afterEach(() => hub.stopAll());

type Json = Record<string, unknown>;
const btc = fixture<Json[]>("binance/premiumIndex-all.json").find((x) => x.symbol === "BTCUSDT")!;

describe("LEGS.FUNDINGRATE / MARKPRICE / INDEXPRICE (streaming)", () => {
  test("setResult receives the exchange's number, refreshed every poll; onCanceled stops the polling", async () => {
    const inv = invocation();
    call(fns.FUNDINGRATE, "BTC", null, inv);
    await until(() => inv.results.length >= 3);
    expect(inv.results[0]).toBe(Number(btc.lastFundingRate));
    expect(hub.active).toBe(1);
    inv.onCanceled!();
    expect(hub.active).toBe(0);
    const hits = server.hitCount("binance ");
    await sleep(POLL_MS * 4);
    expect(server.hitCount("binance ")).toBe(hits);
  });

  test("identical cells share one stream; the stream ends with its last cell", async () => {
    const cells = Array.from({ length: 50 }, () => invocation());
    for (const inv of cells) call(fns.MARKPRICE, "btcusdt", "binance", inv);
    await until(() => cells.every((c) => c.results.length > 0));
    expect(cells.every((c) => c.results[0] === Number(btc.markPrice))).toBe(true);
    expect(hub.active).toBe(1);
    cells.slice(1).forEach((c) => c.onCanceled!());
    expect(hub.active).toBe(1);
    cells[0].onCanceled!();
    expect(hub.active).toBe(0);
  });

  test("500 streaming cells across symbols and fields: one request per endpoint per poll", async () => {
    const symbols = ["BTC", "ETH", "SOL"];
    const fieldFns = [fns.FUNDINGRATE, fns.MARKPRICE, fns.INDEXPRICE];
    const cells = Array.from({ length: 500 }, (_, i) => {
      const inv = invocation();
      call(fieldFns[i % 3], symbols[Math.floor(i / 3) % 3], "bybit", inv);
      return inv;
    });
    await until(() => cells.every((c) => c.results.length > 0));
    // 9 streams (3 symbols × 3 fields) polled once each: one tickers request served them all.
    expect(server.hitCount("bybit /v5/market/tickers")).toBe(1);
    cells.forEach((c) => c.onCanceled!());
  });

  test("an outage: the last value stays while fresh, then #N/A 'unreachable since hh:mm UTC'", async () => {
    const inv = invocation();
    call(fns.INDEXPRICE, "ETH", "hyperliquid", inv);
    await until(() => inv.results.length > 0);
    server.modes.hyperliquid = "down";
    const before = inv.results.length;
    await sleep(STALE_MS / 3);
    expect(inv.results.slice(before).every((r) => typeof r === "number")).toBe(true);
    await until(() => inv.results.some((r) => r instanceof CF.Error));
    const error = inv.results.find((r) => r instanceof CF.Error) as { code: string; message: string };
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^hyperliquid unreachable since \d\d:\d\d UTC/);
    // Back up: values again.
    server.modes.hyperliquid = "ok";
    const n = inv.results.length;
    await until(() => inv.results.length > n && typeof inv.results[inv.results.length - 1] === "number");
    inv.onCanceled!();
  });

  test("unknown symbol → #N/A 'unknown symbol'; bad arguments → #VALUE!", async () => {
    const unknown = invocation();
    call(fns.FUNDINGRATE, "NOPE", "okx", unknown);
    await until(() => unknown.results.length > 0);
    expect(unknown.results[0]).toEqual(new CF.Error("#N/A", "unknown symbol: okx lists no perpetual NOPE-USDT-SWAP"));
    unknown.onCanceled!();

    const badExchange = invocation();
    call(fns.FUNDINGRATE, "BTC", "kraken", badExchange);
    expect(badExchange.results[0]).toEqual(
      new CF.Error("#VALUE!", 'exchange must be one of "binance", "bybit", "okx", "hyperliquid", "deribit" (got text "kraken")'),
    );
    const blank = invocation();
    call(fns.MARKPRICE, "", null, blank);
    expect(blank.results[0]).toEqual(
      new CF.Error("#N/A", "symbol is required (got a blank cell): e.g. BTC, BTCUSDT or BTC-USDT"),
    );
    expect(hub.active).toBe(0);
  });
});

describe("LEGS.FUNDINGINTERVAL and LEGS.FUNDINGHISTORY", () => {
  test("FUNDINGINTERVAL: hours per exchange and symbol", async () => {
    await expect(call(fns.FUNDINGINTERVAL, "BTC", null)).resolves.toBe(8);
    await expect(call(fns.FUNDINGINTERVAL, "BTC", "hyperliquid")).resolves.toBe(1);
    await expect(call(fns.FUNDINGINTERVAL, "SOLUSDT", "bybit")).resolves.toBe(4);
    await expect(call(fns.FUNDINGINTERVAL, "NOPE", "binance")).rejects.toEqual(
      new CF.Error("#N/A", "unknown symbol: binance lists no perpetual NOPEUSDT"),
    );
  });

  test("FUNDINGHISTORY spills [Excel date (UTC), rate] oldest first, readable by FUNDINGYIELD", async () => {
    configureLive({ baseUrls: server.base, now: () => server.historyEnd });
    const rows = (await call(fns.FUNDINGHISTORY, "ETH", "binance", 7)) as number[][];
    expect(rows).toHaveLength(7 * 3 + 1);
    expect(rows[rows.length - 1][0]).toBe(server.historyEnd / 86400000 + 25569); // 2026-11-25 08:00 UTC
    expect(rows[0][0]).toBeLessThan(rows[1][0]);
    const yieldOf = call(
      fns.FUNDINGYIELD,
      rows.map((r) => [r[1]]),
      null,
      null,
      null,
    );
    expect(yieldOf[0][0]).toBeGreaterThan(0);
  });

  test("FUNDINGHISTORY argument errors", async () => {
    await expect(call(fns.FUNDINGHISTORY, "ETH", "binance", 0)).rejects.toEqual(
      new CF.Error("#VALUE!", "days must be greater than 0 and at most 1095 (got 0)"),
    );
    await expect(call(fns.FUNDINGHISTORY, 5, null, null)).rejects.toEqual(
      new CF.Error("#VALUE!", 'symbol must be text such as "BTC" or "BTCUSDT" (got 5)'),
    );
  });
});
