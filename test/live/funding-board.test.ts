/**
 * LEGS.FUNDINGBOARD against the local fixture server (test/fixtures/exchanges, see SOURCES.md):
 * the fixtures' real rates and intervals from all five venues restated on one basis, the best
 * pair, spread and APR, computed here by exact decimal arithmetic; one request per venue per
 * endpoint per poll however many symbols (and spellings) are on the board; a venue that is down
 * or rate-limited keeps its last value for staleAfterMs, then shows its message, while the other
 * venues keep their numbers; then the function as Excel calls it. Real HTTP on 127.0.0.1, never
 * the internet; a fake clock, so no test depends on timing.
 */
import { Dec } from "../../src/core/decimal";
import { DomainError } from "../../src/core/errors";
import { boardCells, BoardCell, readBoardRequest } from "../../src/functions/fundingboard";
import { fundingYield } from "../../src/functions/fundingyield";
import { boardQuotes } from "../../src/live/funding-board";
import { MarketData } from "../../src/live/market";
import { configure as configureLive, service } from "../../src/live/service";
import { ExchangeServer, fixture, SNAPSHOT } from "../helpers/exchange-server";
import { fixtureMarket, MarketConfig } from "../helpers/fixture-market";
import { fakeCustomFunctions } from "../helpers/custom-functions";
import { invocation, until } from "../helpers/streaming-cell";
import { num } from "../helpers/answers";

const CF = fakeCustomFunctions();
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = CF;
const fns = require("../../src/functions/functions") as typeof import("../../src/functions/functions");
const call = (fn: unknown, ...args: unknown[]): any => (fn as (...a: unknown[]) => unknown)(...args);

const server = new ExchangeServer();
const POLL_MS = 30000;
const STALE_MS = 60000;
let clock = SNAPSHOT;

/** Every URL the market asked, in order (the server counts by path; this keeps the query too). */
const asked: string[] = [];

function market(overrides: MarketConfig = {}): MarketData {
  const fetchNow = globalThis.fetch;
  return fixtureMarket(server, () => clock, {
    pollMs: POLL_MS,
    staleAfterMs: STALE_MS,
    fetch: ((url: string, init?: RequestInit) => {
      const body = typeof init?.body === "string" ? ` ${init.body}` : "";
      asked.push(`${url.replace(/^http:\/\/127\.0\.0\.1:\d+/, "")}${body}`);
      return fetchNow(url, init);
    }) as MarketConfig["fetch"],
    ...overrides,
  });
}

beforeAll(() => server.start());
afterAll(async () => {
  service().hub.stopAll();
  await server.stop();
});
beforeEach(() => {
  for (const k of Object.keys(server.modes)) server.modes[k] = "ok";
  server.hits.clear();
  server.retryAfterSeconds = 2;
  asked.length = 0;
  clock = SNAPSHOT;
});

type Json = Record<string, unknown>;

/** A board as the service computes it, on a market and request. */
async function board(
  m: MarketData,
  symbols: unknown,
  exchanges: unknown = null,
  horizon: unknown = null,
): Promise<BoardCell[][]> {
  const req = readBoardRequest(symbols, exchanges, horizon);
  if (req instanceof DomainError) throw new Error(req.message);
  return boardCells(req, await boardQuotes(m, req));
}

/** rate × horizon / interval by exact decimal arithmetic, as the nearest double. */
const per = (rate: string, intervalHours: number | string, horizonHours: number | string = 8): number =>
  new Dec(rate).times(horizonHours).div(intervalHours).toNumber();
const minus = (a: string, b: string): Dec => new Dec(a).minus(b);
/** A spread per 8 h as a cell shows it, and its APR (× 8760 / 8 = × 1095). */
const spread8h = (hi: string, lo: string) => minus(hi, lo).toNumber();
const apr8h = (hi: string, lo: string) => minus(hi, lo).times(1095).toNumber();

const col = (...v: unknown[]) => v.map((x) => [x]);

/**
 * The fixtures' current rates, as printed (each is checked against its file below), and their
 * intervals: Binance 8 h unless fundingInfo says otherwise (HIFIUSDT 4 h); Bybit fundingInterval in
 * minutes (SOLUSDT 240 = 4 h); OKX nextFundingTime − fundingTime (8 h); Hyperliquid hourly;
 * Deribit per 8 h (its quoting period; SOURCES.md, "Funding convention").
 */
const RATE = {
  binance: { BTC: "0.00010000", ETH: "0.00007415", SOL: "-0.00002318", HIFI: "0.00052174" },
  bybit: { BTC: "0.0001", ETH: "0.00007511", SOL: "-0.00002284" },
  okx: { BTC: "0.0000867215403119", ETH: "0.0000514420987312" },
  hyperliquid: { BTC: "0.0000125", ETH: "0.0000097436", SOL: "-0.0000041829" },
  deribit: { BTC: "0", ETH: "0.00037684722210026844" },
};

describe("the fixtures hold the numbers this file uses", () => {
  test("rates and intervals, venue by venue", () => {
    const binance = fixture<Json[]>("binance/premiumIndex-all.json");
    const bin = (s: string) => binance.find((x) => x.symbol === s)!.lastFundingRate;
    expect([bin("BTCUSDT"), bin("ETHUSDT"), bin("SOLUSDT"), bin("HIFIUSDT")]).toEqual(Object.values(RATE.binance));
    const info = fixture<Json[]>("binance/fundingInfo.json");
    expect(info.find((x) => x.symbol === "HIFIUSDT")!.fundingIntervalHours).toBe(4);
    expect(info.find((x) => x.symbol === "BTCUSDT")).toBeUndefined(); // absent: the default 8 h

    const bybit = fixture<{ result: { list: Json[] } }>("bybit/tickers-linear-all.json").result.list;
    const byb = (s: string) => bybit.find((x) => x.symbol === s)!.fundingRate;
    expect([byb("BTCUSDT"), byb("ETHUSDT"), byb("SOLUSDT")]).toEqual(Object.values(RATE.bybit));
    const instruments = fixture<{ result: { list: Json[] } }>("bybit/instruments-info-linear.json").result.list;
    const minutes = (s: string) => instruments.find((x) => x.symbol === s)!.fundingInterval;
    expect([minutes("BTCUSDT"), minutes("ETHUSDT"), minutes("SOLUSDT")]).toEqual([480, 480, 240]);

    for (const coin of ["BTC", "ETH"] as const) {
      const [okx] = fixture<{ data: Json[] }>(`okx/funding-rate-${coin}-USDT-SWAP.json`).data;
      expect(okx.fundingRate).toBe(RATE.okx[coin]);
      expect(Number(okx.nextFundingTime) - Number(okx.fundingTime)).toBe(8 * 3600000);
    }

    const [meta, ctxs] = fixture<[{ universe: Json[] }, Json[]]>("hyperliquid/metaAndAssetCtxs.json");
    const hl = (coin: string) => ctxs[meta.universe.findIndex((u) => u.name === coin)].funding;
    expect([hl("BTC"), hl("ETH"), hl("SOL")]).toEqual(Object.values(RATE.hyperliquid));

    const deribit = (currency: string, name: string) =>
      fixture<{ result: Json[] }>(`deribit/get_book_summary_by_currency-${currency}-future.json`).result.find(
        (x) => x.instrument_name === name,
      )!.current_funding as number;
    // JSON numbers: the double's shortest decimal is the text printed.
    expect(String(deribit("BTC", "BTC-PERPETUAL"))).toBe(RATE.deribit.BTC);
    expect(String(deribit("ETH", "ETH-PERPETUAL"))).toBe(RATE.deribit.ETH);
  });
});

describe("the board over all five venues", () => {
  test("BTC, ETH, SOL, HIFIUSDT at 8 h: each venue's rate on its own interval restated, best pair, spread, APR", async () => {
    const table = await board(market(), col("BTC", "ETH", "SOL", "HIFIUSDT"));
    expect(table[0]).toEqual([
      "Symbol",
      "binance 8h",
      "bybit 8h",
      "okx 8h",
      "hyperliquid 8h",
      "deribit 8h",
      "Best short",
      "Best long",
      "Spread 8h",
      "Spread APR",
    ]);
    const [, btc, eth, sol, hifi] = table;

    // BTC: binance 0.0001 (8 h), bybit 0.0001 (480 min), okx 0.0000867…, hyperliquid 0.0000125 × 8
    // = 0.0001, deribit 0 (inside its ±0.025 % damper). Three tie at the top: binance, listed first.
    expect(btc).toEqual([
      "BTC",
      0.0001,
      0.0001,
      0.0000867215403119,
      per(RATE.hyperliquid.BTC, 1),
      0,
      "binance",
      "deribit",
      0.0001,
      0.1095,
    ]);
    expect(per(RATE.hyperliquid.BTC, 1)).toBe(0.0001);

    // ETH: deribit's 0.00037684722210026844 per 8 h is the highest, okx's the lowest.
    expect(eth).toEqual([
      "ETH",
      0.00007415,
      0.00007511,
      0.0000514420987312,
      per(RATE.hyperliquid.ETH, 1), // 0.0000779488
      0.00037684722210026844,
      "deribit",
      "okx",
      spread8h(RATE.deribit.ETH, RATE.okx.ETH), // 0.00032540512336906844
      apr8h(RATE.deribit.ETH, RATE.okx.ETH), // 0.35631861008912994180 → 0.35631861008912996
    ]);
    expect(eth[4]).toBe(0.0000779488);
    // The exact 0.00032540512336906844's nearest double prints as …845.
    expect(String(eth[8])).toBe("0.00032540512336906845");
    expect(eth[9]).toBe(0.35631861008912996);

    // SOL: bybit funds every 4 h: −0.00002284 × 2 = −0.00004568 per 8 h, the lowest; binance's
    // −0.00002318 the highest. OKX and Deribit (SOL-PERPETUAL) do not list it: "".
    expect(sol).toEqual([
      "SOL",
      -0.00002318,
      per(RATE.bybit.SOL, 4),
      "",
      per(RATE.hyperliquid.SOL, 1),
      "",
      "binance",
      "bybit",
      0.0000225,
      0.0246375,
    ]);
    expect(sol[2]).toBe(-0.00004568);
    expect(sol[4]).toBe(-0.0000334632);

    // HIFIUSDT: Binance only, 4-hourly (fundingInfo): 0.00052174 × 2 = 0.00104348 per 8 h; no pair.
    expect(hifi).toEqual(["HIFIUSDT", per(RATE.binance.HIFI, 4), "", "", "", "", "", "", "", ""]);
    expect(hifi[1]).toBe(0.00104348);
  });

  test("on the APR horizon each cell is rate × 8760 / interval, as FUNDINGYIELD(rate, interval, 365)", async () => {
    const [header, btc, eth, sol, hifi] = await board(market(), col("BTC", "ETH", "SOL", "HIFIUSDT"), null, "APR");
    expect(header.slice(1, 6)).toEqual(["binance APR", "bybit APR", "okx APR", "hyperliquid APR", "deribit APR"]);
    // HIFIUSDT: 0.00052174 × 2190 = 1.1426106.
    expect(hifi[1]).toBe(new Dec("0.00052174").times(2190).toNumber());
    expect(hifi[1]).toBe(1.1426106);
    // Hyperliquid BTC: 0.0000125 × 8760 = 0.1095, as 0.0001 per 8 h × 1095.
    expect(btc[4]).toBe(0.1095);
    expect(btc.slice(6)).toEqual(["binance", "deribit", 0.1095, 0.1095]);
    const intervals = [8, 8, 8, 1, 8];
    const check = (cells: BoardCell[], rates: (string | undefined)[], hours: number[]) =>
      rates.forEach((rate, i) => {
        if (rate === undefined) return expect(cells[i + 1]).toBe("");
        expect(cells[i + 1]).toBe(per(rate, hours[i], 8760));
        expect(cells[i + 1]).toBe(num(fundingYield(Number(rate), hours[i], 365, null)));
      });
    const venues = ["binance", "bybit", "okx", "hyperliquid", "deribit"] as const;
    const rates = (coin: "BTC" | "ETH" | "SOL") => venues.map((v) => (RATE[v] as Record<string, string>)[coin]);
    check(btc, rates("BTC"), intervals);
    check(eth, rates("ETH"), intervals);
    check(sol, rates("SOL"), [8, 4, 8, 1, 8]);
    check(hifi, [RATE.binance.HIFI, undefined, undefined, undefined, undefined], [4, 8, 8, 1, 8]);
    // The spread's APR is the same whichever horizon the board shows.
    const eight = await board(market(), col("BTC", "ETH", "SOL"));
    expect([btc[9], eth[9], sol[9]]).toEqual([eight[1][9], eight[2][9], eight[3][9]]);
    expect(eth[8]).toBe(eth[9]);
  });

  test("spellings: BTCUSDT and btc-usdt are the USDT perpetuals (not Deribit's inverse BTC-PERPETUAL)", async () => {
    const [, , btcusdt, dashed] = await board(market(), col("BTC", "BTCUSDT", "btc-usdt"), null, "1h");
    // Per hour: binance 0.0001 / 8, okx 0.0000867215403119 / 8, hyperliquid 0.0000125; Deribit lists no BTC_USDT-PERPETUAL.
    const row = [
      per(RATE.binance.BTC, 8, 1),
      per(RATE.bybit.BTC, 8, 1),
      per(RATE.okx.BTC, 8, 1),
      0.0000125,
      "",
      "binance",
      "okx",
      minus(RATE.binance.BTC, RATE.okx.BTC).div(8).toNumber(),
      minus(RATE.binance.BTC, RATE.okx.BTC).times(1095).toNumber(),
    ];
    expect(btcusdt).toEqual(["BTCUSDT", ...row]);
    expect(dashed).toEqual(["btc-usdt", ...row]);
    expect(btcusdt[3]).toBe(0.0000108401925389875);
    expect(btcusdt[9]).toBe(0.0145399133584695);
  });

  test("a symbol no venue lists: #N/A in Best short naming the venues; an unreadable one: #VALUE!; a blank: a blank row", async () => {
    const [, xyz, blank, odd] = await board(market(), col("XYZ", "", "B@D"), "okx, deribit");
    expect(xyz.slice(0, 3)).toEqual(["XYZ", "", ""]);
    expect(xyz[3]).toEqual(new DomainError("missing", "none of okx, deribit lists a perpetual for XYZ"));
    expect(blank).toEqual(["", "", "", "", "", "", ""]);
    expect(odd[1]).toEqual(
      new DomainError("invalid", 'text "B@D" is not a perpetual\'s symbol: use a form like BTC, BTCUSDT or BTC-USDT'),
    );
  });
});

describe("requests per poll", () => {
  /** The fixtures' symbols, each in several spellings, and the Deribit linear SOL_USDC perpetual. */
  const SYMBOLS = col(
    "BTC",
    "BTCUSDT",
    "btc-usdt",
    "ETH",
    "ethusdt",
    "ETH/USDT",
    "SOL",
    "SOL-USDT-SWAP",
    "sol_usdc",
    "HIFIUSDT",
    "hifi",
    "XYZ",
    "",
    "B@D",
  );

  /** One request per venue per endpoint (and per book-summary currency at Deribit). */
  const PER_POLL = [
    "/binance/fapi/v1/premiumIndex",
    "/bybit/v5/market/tickers?category=linear",
    "/okx/api/v5/public/funding-rate?instId=ANY",
    '/hyperliquid/info {"type":"metaAndAssetCtxs"}',
    "/deribit/api/v2/public/get_book_summary_by_currency?currency=BTC&kind=future",
    "/deribit/api/v2/public/get_book_summary_by_currency?currency=ETH&kind=future",
    "/deribit/api/v2/public/get_book_summary_by_currency?currency=USDC&kind=future",
  ];
  /** Intervals: read hourly. */
  const HOURLY = ["/binance/fapi/v1/fundingInfo", "/bybit/v5/market/instruments-info?category=linear&limit=1000"];

  const hitCounts = () =>
    [
      "binance /fapi/v1/premiumIndex",
      "binance /fapi/v1/fundingInfo",
      "bybit /v5/market/tickers",
      "bybit /v5/market/instruments-info",
      "okx /api/v5/public/funding-rate",
      "hyperliquid /info",
      "deribit /api/v2/public/get_book_summary_by_currency",
    ].map((e) => server.hitCount(e));

  test("14 symbol cells (9 distinct perpetuals in 3 spellings each): one request per venue per endpoint", async () => {
    const m = market();
    const first = await board(m, SYMBOLS);
    expect(first).toHaveLength(15);
    expect([...asked].sort()).toEqual([...PER_POLL, ...HOURLY].sort());
    // By the server's own count: 1 each, Deribit one per currency (BTC, ETH, USDC).
    expect(hitCounts()).toEqual([1, 1, 1, 1, 1, 1, 3]);
    expect([...server.hits.values()].reduce((a, b) => a + b, 0)).toBe(9);

    // Within the poll interval the board reads the cache: no request.
    clock += POLL_MS - 1;
    await board(m, SYMBOLS);
    expect(hitCounts()).toEqual([1, 1, 1, 1, 1, 1, 3]);

    // The next poll: each per-poll endpoint once more; the intervals are still fresh (hourly).
    clock += 1;
    asked.length = 0;
    const second = await board(m, SYMBOLS);
    expect([...asked].sort()).toEqual([...PER_POLL].sort());
    expect(hitCounts()).toEqual([2, 1, 2, 1, 2, 2, 6]);
    expect(second).toEqual(first);

    // An hour on: the intervals are read again, once each.
    clock += 3600000;
    asked.length = 0;
    await board(m, SYMBOLS);
    expect([...asked].sort()).toEqual([...PER_POLL, ...HOURLY].sort());
    expect(hitCounts()).toEqual([3, 2, 3, 2, 3, 3, 9]);
  });

  test("the same perpetual in three spellings gets the same numbers", async () => {
    const t = await board(market(), SYMBOLS);
    const rowOf = (s: string) => t.find((r) => r[0] === s)!.slice(1);
    expect(rowOf("btc-usdt")).toEqual(rowOf("BTCUSDT"));
    expect(rowOf("ETH/USDT")).toEqual(rowOf("ethusdt"));
    expect(rowOf("SOL-USDT-SWAP")).toEqual(rowOf("SOL"));
    expect(rowOf("hifi")).toEqual(rowOf("HIFIUSDT"));
    // sol_usdc: only Hyperliquid (SOL) and Deribit's linear SOL_USDC-PERPETUAL list it.
    expect(rowOf("sol_usdc")).toEqual([
      "",
      "",
      "",
      per(RATE.hyperliquid.SOL, 1),
      -0.00036996280223177216,
      "hyperliquid",
      "deribit",
      minus(new Dec(RATE.hyperliquid.SOL).times(8).toString(), "-0.00036996280223177216").toNumber(),
      minus(new Dec(RATE.hyperliquid.SOL).times(8).toString(), "-0.00036996280223177216").times(1095).toNumber(),
    ]);
  });
});

describe("a venue that fails", () => {
  const SYMS = col("BTC", "ETH", "SOL");
  const okxCells = (t: BoardCell[][]) => t.slice(1).map((r) => r[3]);
  const othersAreNumbers = (t: BoardCell[][]) => {
    for (const r of t.slice(1)) {
      for (const i of [1, 2, 4]) expect(typeof r[i]).toBe("number"); // binance, bybit, hyperliquid
    }
  };

  test("okx down: its cells keep the last value before staleAfterMs, then #N/A naming okx; the others keep their numbers", async () => {
    const m = market();
    const before = await board(m, SYMS);
    expect(okxCells(before)).toEqual([0.0000867215403119, 0.0000514420987312, ""]);

    server.modes.okx = "down";
    clock += POLL_MS; // 19:30:30, the first failure
    const kept = await board(m, SYMS);
    expect(server.hitCount("okx ")).toBe(2); // one request per poll, not one per symbol
    expect(kept).toEqual(before);
    othersAreNumbers(kept);

    clock += POLL_MS - 1; // the last value is 59.999 s old: still shown
    expect(await board(m, SYMS)).toEqual(before);
    expect(server.hitCount("okx ")).toBe(3);

    clock += 1; // 60 s: stale
    const stale = await board(m, SYMS);
    othersAreNumbers(stale);
    for (const cell of okxCells(stale)) {
      expect(cell).toBeInstanceOf(DomainError);
      expect((cell as DomainError).kind).toBe("missing");
      expect((cell as DomainError).message).toMatch(/^okx unreachable since 19:30 UTC \(okx is unreachable \(.+\)\)$/);
    }
    // Without okx, ETH's best long is binance (0.00007415), no longer okx.
    expect(stale[2].slice(6)).toEqual([
      "deribit",
      "binance",
      spread8h(RATE.deribit.ETH, RATE.binance.ETH),
      apr8h(RATE.deribit.ETH, RATE.binance.ETH),
    ]);
    // BTC: short binance, long deribit, as before.
    expect(stale[1].slice(6)).toEqual(before[1].slice(6));

    // okx answers again: its numbers are back at the next poll.
    server.modes.okx = "ok";
    clock += POLL_MS;
    expect(await board(m, SYMS)).toEqual(before);
  });

  test("okx rate-limited (HTTP 429, Retry-After): kept, then #N/A 'okx rate limit: retrying after …'", async () => {
    const m = market();
    const before = await board(m, SYMS);
    server.modes.okx = "rate-limited";
    server.retryAfterSeconds = 120;
    clock += POLL_MS;
    expect(await board(m, SYMS)).toEqual(before);
    expect(server.hitCount("okx ")).toBe(2);
    // Told to wait 120 s (× 1.125 jitter = 135 s): no request is sent meanwhile, the value is kept.
    clock += POLL_MS - 1;
    expect(await board(m, SYMS)).toEqual(before);
    expect(server.hitCount("okx ")).toBe(2);
    clock += 1;
    const stale = await board(m, SYMS);
    expect(server.hitCount("okx ")).toBe(2);
    othersAreNumbers(stale);
    // 19:30:30 + 135 s = 19:32:45.
    for (const cell of okxCells(stale))
      expect(cell).toEqual(new DomainError("missing", "okx rate limit: retrying after 19:32 UTC"));
  });

  test("two venues down at once: each venue's own message in its own cells", async () => {
    const m = market();
    await board(m, SYMS);
    server.modes.okx = "down";
    server.modes.deribit = "server-error";
    clock += STALE_MS;
    const t = await board(m, SYMS);
    expect((t[1][3] as DomainError).message).toMatch(/^okx unreachable since 19:31 UTC/);
    expect(t[1][5]).toEqual(new DomainError("missing", "deribit unreachable since 19:31 UTC (deribit answered HTTP 502)"));
    // SOL: okx did not list it at the last answer (""); that answer is stale now, so okx says why
    // it cannot tell. Deribit is never asked about SOL (it lists SOL only against USDC): still "".
    expect((t[3][3] as DomainError).message).toMatch(/^okx unreachable since 19:31 UTC/);
    expect(t[3][5]).toBe("");
    // BTC: binance, bybit and hyperliquid still give a pair.
    // All equal (0.0001 per 8 h): short the first, long the second of them.
    expect(t[1].slice(6)).toEqual(["binance", "bybit", 0, 0]);
  });

  test("a venue that never answered shows its message at once", async () => {
    server.modes.hyperliquid = "server-error";
    const t = await board(market(), col("BTC"), "hyperliquid, binance");
    expect(t[1][1]).toEqual(
      new DomainError("missing", "hyperliquid unreachable since 19:30 UTC (hyperliquid answered HTTP 502)"),
    );
    expect(t[1].slice(2)).toEqual([0.0001, "", "", "", ""]);
  });
});

describe("LEGS.FUNDINGBOARD as Excel calls it", () => {
  beforeEach(() => {
    // A clock running from the fixtures' snapshot: polls every 40 ms, values stale after 400 ms.
    const started = Date.now();
    configureLive({
      baseUrls: server.base,
      pollMs: 40,
      staleAfterMs: 400,
      timeoutMs: 500,
      now: () => SNAPSHOT + Date.now() - started,
    });
  });
  afterEach(() => service().hub.stopAll());

  const isCfError = (v: unknown): v is { code: string; message?: string } => v instanceof CF.Error;

  test("streams the table (exchanges and horizon omitted: all five venues, 8 h) and re-polls", async () => {
    const inv = invocation();
    call(fns.FUNDINGBOARD, col("BTC", "ETH", "HIFIUSDT", "XYZ"), null, null, inv);
    await until(() => inv.results.length > 1);
    const table = inv.results[0] as unknown[][];
    expect(table[0]).toEqual([
      "Symbol",
      "binance 8h",
      "bybit 8h",
      "okx 8h",
      "hyperliquid 8h",
      "deribit 8h",
      "Best short",
      "Best long",
      "Spread 8h",
      "Spread APR",
    ]);
    expect(table[1]).toEqual(["BTC", 0.0001, 0.0001, 0.0000867215403119, 0.0001, 0, "binance", "deribit", 0.0001, 0.1095]);
    expect(table[2].slice(6)).toEqual([
      "deribit",
      "okx",
      spread8h(RATE.deribit.ETH, RATE.okx.ETH),
      apr8h(RATE.deribit.ETH, RATE.okx.ETH),
    ]);
    expect(table[3]).toEqual(["HIFIUSDT", 0.00104348, "", "", "", "", "", "", "", ""]);
    // A DomainError cell becomes the runtime's CustomFunctions.Error, with its message on #N/A.
    expect(table[4][6]).toEqual(
      new CF.Error("#N/A", "none of binance, bybit, okx, hyperliquid, deribit lists a perpetual for XYZ"),
    );
    expect(inv.results[1]).toEqual(table);
    inv.onCanceled!();
    expect(service().hub.active).toBe(0);
  });

  test("exchanges as a range and a year horizon", async () => {
    const inv = invocation();
    call(fns.FUNDINGBOARD, [["HIFIUSDT", "BTC"]], [["binance", "hyperliquid"]], "year", inv);
    await until(() => inv.results.length > 0);
    expect(inv.results[0]).toEqual([
      ["Symbol", "binance APR", "hyperliquid APR", "Best short", "Best long", "Spread (year)", "Spread APR"],
      ["HIFIUSDT", 1.1426106, "", "", "", "", ""],
      ["BTC", 0.1095, 0.1095, "binance", "hyperliquid", 0, 0],
    ]);
    inv.onCanceled!();
  });

  test("a bad argument: #VALUE! with the message as the cell's first result, before any request", async () => {
    const cases: [unknown[], InstanceType<typeof CF.Error>][] = [
      [
        [
          [
            ["BTC", "ETH"],
            ["SOL", "XRP"],
          ],
          null,
          null,
        ],
        new CF.Error("#VALUE!", "symbols must be one row or one column (got a 2×2 range)"),
      ],
      [
        [col("BTC"), "kraken", null],
        new CF.Error(
          "#VALUE!",
          'exchanges must name venues among "binance", "bybit", "okx", "hyperliquid", "deribit" (got "kraken")',
        ),
      ],
      [[col("BTC"), [["okx", "okx"]], null], new CF.Error("#VALUE!", 'exchanges names "okx" twice')],
      [
        [col("BTC"), null, "abc"],
        new CF.Error("#VALUE!", 'horizon must be hours (e.g. 8 or "8h"), days ("1d", "7d") or "year" (got text "abc")'),
      ],
      [
        [col("BTC"), null, 9000],
        new CF.Error("#VALUE!", "horizon must be more than 0 hours and at most a year, 8760 (got 9000 hours)"),
      ],
      [[col("", null), null, null], new CF.Error("#N/A", "symbols is required (got only blank cells): e.g. BTC, ETH, SOL")],
    ];
    for (const [args, expected] of cases) {
      server.hits.clear();
      const inv = invocation();
      call(fns.FUNDINGBOARD, ...args, inv);
      await until(() => inv.results.length > 0);
      expect(inv.results).toEqual([expected]);
      expect(server.hits.size).toBe(0);
      expect(service().hub.active).toBe(0);
      inv.onCanceled!();
    }
  });

  test("okx down: the other venues keep their numbers; okx's cells keep their value, then #N/A naming okx", async () => {
    const inv = invocation();
    call(fns.FUNDINGBOARD, col("BTC", "ETH"), null, null, inv);
    await until(() => inv.results.length > 0);
    const first = inv.results[0] as unknown[][];
    const okxBefore = [first[1][3], first[2][3]];
    expect(okxBefore).toEqual([0.0000867215403119, 0.0000514420987312]);
    const seen = inv.results.length;
    server.modes.okx = "down";
    await until(() => inv.results.some((t) => isCfError((t as unknown[][])[1][3])));
    for (const t of inv.results.slice(seen) as unknown[][][]) {
      // Every table since: binance, bybit, hyperliquid, deribit numbers; okx its last value or the error.
      for (const r of t.slice(1)) for (const i of [1, 2, 4, 5]) expect(typeof r[i]).toBe("number");
      const okx = [t[1][3], t[2][3]];
      if (!isCfError(okx[0])) expect(okx).toEqual(okxBefore);
    }
    const last = inv.results.find((t) => isCfError((t as unknown[][])[1][3])) as unknown[][];
    for (const cell of [last[1][3], last[2][3]]) {
      expect(isCfError(cell) && cell.code).toBe("#N/A");
      expect((cell as { message: string }).message).toMatch(/^okx unreachable since \d\d:\d\d UTC \(/);
    }
    // ETH without okx: long binance.
    expect(last[2][7]).toBe("binance");
    inv.onCanceled!();
  });
});
