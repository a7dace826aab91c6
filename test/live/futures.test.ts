/**
 * LEGS.FUTURES against the local fixture server (test/fixtures/exchanges, see SOURCES.md): each
 * venue's dated futures, their numbers (Basis, Basis %, and the APY checked against BASISAPY's
 * simple convention on the same cells), expired contracts dropping off, requests per poll, and
 * errors; then the function as Excel calls it. Real HTTP on 127.0.0.1, never the internet.
 */
import { MarketData } from "../../src/live/market";
import { configure as configureLive, service } from "../../src/live/service";
import { deribitExpiryFromName, FUTURES_HEADER, futuresTable } from "../../src/live/futures";
import { fixtureMarket, MarketConfig } from "../helpers/fixture-market";
import { ExchangeServer, fixture, SNAPSHOT } from "../helpers/exchange-server";
import { fakeCustomFunctions } from "../helpers/custom-functions";
import { invocation, until } from "../helpers/streaming-cell";

const CF = fakeCustomFunctions();
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = CF;
const fns = require("../../src/functions/functions") as typeof import("../../src/functions/functions");
const call = (fn: unknown, ...args: unknown[]): any => (fn as (...a: unknown[]) => unknown)(...args);

const server = new ExchangeServer();
const DAY = 86400000;
let clock = SNAPSHOT;

function market(overrides: MarketConfig = {}): MarketData {
  return fixtureMarket(server, () => clock, { pollMs: 30000, ...overrides });
}

beforeAll(() => server.start());
afterAll(async () => {
  service().hub.stopAll();
  await server.stop();
});
beforeEach(() => {
  for (const k of Object.keys(server.modes)) server.modes[k] = "ok";
  server.hits.clear();
  clock = SNAPSHOT;
});

type Json = Record<string, unknown>;
type Row = (string | number)[];

/** BASISAPY(index, mark, days) as Excel computes it: the simple convention, Y = 365. */
const basisApyCell = (index: number, mark: number, days: number): number =>
  (call(fns.BASISAPY, [[index]], [[mark]], [[days]]) as number[][])[0][0];

/** The row the fixtures' numbers make: Basis, Basis % exact on the printed decimals; APY as BASISAPY. */
function expectRow(row: Row, instrument: string, expiry: number, mark: number, index: number, now = SNAPSHOT): void {
  const days = (expiry - now) / DAY;
  expect(row.slice(0, 5)).toEqual([instrument, expiry / DAY + 25569, days, mark, index]);
  expect(row[5]).toBeCloseTo(mark - index, 9);
  expect(row[6]).toBeCloseTo((mark - index) / index, 15);
  expect(row[7]).toBe(basisApyCell(index, mark, row[2] as number));
  expect(row[7]).toBeCloseTo((((mark - index) / index) * 365) / days, 12);
}

const deribitRow = (name: string): Json =>
  fixture<{ result: Json[] }>("deribit/get_book_summary_by_currency-BTC-future.json").result.find(
    (x) => x.instrument_name === name,
  )!;
const deribitExpiry = (name: string): number =>
  fixture<{ result: Json[] }>("deribit/get_instruments-BTC-future.json").result.find((x) => x.instrument_name === name)!
    .expiration_timestamp as number;

test.each([
  // Deribit's BTC-… dated futures are coin-margined; its USDC-margined ones are not read.
  ["deribit", ["BTC-27NOV26", "BTC-25DEC26", "BTC-26MAR27"], []],
  ["binance", ["BTCUSD_261225", "BTCUSD_270326"], ["BTCUSDT_261225", "BTCUSDT_270326"]],
  ["okx", null, null],
  ["bybit", null, null],
] as const)(
  "%s: each contract in its margin family (inverse, linear), together the whole table",
  async (venue, inverse, linear) => {
    const m = market();
    const names = (t: (string | number)[][]) => t.slice(1).map((r) => r[0] as string);
    const all = names(await m.futures(venue, "BTC"));
    const of = async (margin: "inverse" | "linear") => names(await m.futures(venue, "BTC", margin).catch(() => [[]]));
    const [inv, lin] = [await of("inverse"), await of("linear")];
    if (inverse) expect(inv).toEqual(inverse);
    if (linear) expect(lin).toEqual(linear);
    // OKX: BTC-USD-… inverse, BTC-USDT-… linear; Bybit: BTCUSDH27-style inverse, BTCUSDT-… linear.
    for (const n of inv) expect(n).not.toMatch(/USDT|USDC/);
    for (const n of lin) expect(n).toMatch(/USDT|USDC/);
    expect([...inv, ...lin].sort()).toEqual([...all].sort());
  },
);

describe("Deribit", () => {
  test("BTC: the inverse dated futures, soonest first, expiry from get_instruments; the expired BTC-20NOV26 is dropped", async () => {
    const table = await market().futures("deribit", "btc".toUpperCase());
    expect(table[0]).toEqual(FUTURES_HEADER);
    expect(table.slice(1).map((r) => r[0])).toEqual(["BTC-27NOV26", "BTC-25DEC26", "BTC-26MAR27"]);
    for (const row of table.slice(1)) {
      const name = row[0] as string;
      const r = deribitRow(name);
      expectRow(row, name, deribitExpiry(name), r.mark_price as number, r.estimated_delivery_price as number);
    }
    // The documented numbers: BTC-25DEC26 mark 97302.5 over index 96548.12, 32.52 days out.
    const dec = table[2];
    expect(dec[2]).toBeCloseTo(32.5208333, 6);
    expect(dec[5]).toBe(754.38);
    expect(dec[6]).toBeCloseTo(754.38 / 96548.12, 15);
    expect(dec[7]).toBeCloseTo(0.087695547366654, 14); // 754.38 / 96548.12 × 365 / 32.5208333…
    // Still listed in the book summary, but its expiry (08:00 UTC of the date in its name) has passed.
    expect(deribitRow("BTC-20NOV26")).toBeDefined();
    expect(deribitExpiryFromName("BTC-20NOV26")).toBe(Date.UTC(2026, 10, 20, 8));
  });

  test("one book summary per poll and one get_instruments an hour, however many readers", async () => {
    const m = market();
    await Promise.all([m.futures("deribit", "BTC"), m.futures("deribit", "BTC"), m.ticker("deribit", "BTC")]);
    expect(server.hitCount("deribit /api/v2/public/get_book_summary_by_currency")).toBe(1);
    expect(server.hitCount("deribit /api/v2/public/get_instruments")).toBe(1);
    clock += 30000;
    const later = await m.futures("deribit", "BTC");
    expect(server.hitCount("deribit /api/v2/public/get_book_summary_by_currency")).toBe(2);
    expect(server.hitCount("deribit /api/v2/public/get_instruments")).toBe(1);
    // Days count down with the clock.
    expect(later[1][2]).toBeCloseTo((deribitExpiry("BTC-27NOV26") - clock) / DAY, 12);
  });

  test("ETH; an asset Deribit has no dated futures for is #N/A without a request", async () => {
    const eth = await market().futures("deribit", "ETH");
    expect(eth.slice(1).map((r) => r[0])).toEqual(["ETH-25DEC26"]);
    server.hits.clear();
    await expect(market().futures("deribit", "XYZ")).rejects.toMatchObject({
      kind: "unknown-symbol",
      message: "deribit lists no dated futures for XYZ",
    });
    expect(server.hitCount("deribit ")).toBe(0);
  });
});

describe("Binance", () => {
  const usdm = (symbol: string) => fixture<Json[]>("binance/premiumIndex-all.json").find((x) => x.symbol === symbol)!;
  const coinm = (symbol: string) => fixture<Json[]>("binance-coinm/premiumIndex-all.json").find((x) => x.symbol === symbol)!;

  test("BTC: USDⓈ-M (BTCUSDT_…) and COIN-M (BTCUSD_…) quarterlies in one table, by expiry", async () => {
    const table = await market().futures("binance", "BTC");
    expect(table.slice(1).map((r) => r[0])).toEqual(["BTCUSDT_261225", "BTCUSD_261225", "BTCUSDT_270326", "BTCUSD_270326"]);
    const expiry: Record<string, number> = { "261225": Date.UTC(2026, 11, 25, 8), "270326": Date.UTC(2027, 2, 26, 8) };
    for (const row of table.slice(1)) {
      const symbol = row[0] as string;
      const p = symbol.startsWith("BTCUSDT") ? usdm(symbol) : coinm(symbol);
      expectRow(row, symbol, expiry[symbol.slice(-6)], Number(p.markPrice), Number(p.indexPrice));
    }
    // BTCUSDT_261225: 97310.2 − 96548.12456522 = 762.07543478 exactly.
    expect(table[1][5]).toBe(762.07543478);
  });

  test("one request per endpoint per poll on each host; exchange info hourly", async () => {
    const m = market();
    await Promise.all([m.futures("binance", "BTC"), m.futures("binance", "ETH"), m.ticker("binance", "BTC")]);
    const counts = () =>
      [
        "binance /fapi/v1/premiumIndex",
        "binance /fapi/v1/exchangeInfo",
        "binance-coinm /dapi/v1/premiumIndex",
        "binance-coinm /dapi/v1/exchangeInfo",
      ].map((e) => server.hitCount(e));
    expect(counts()).toEqual([1, 1, 1, 1]);
    clock += 30000;
    await m.futures("binance", "BTC");
    expect(counts()).toEqual([2, 1, 2, 1]);
    clock += 3600000;
    await m.futures("binance", "BTC");
    expect(counts()).toEqual([3, 2, 3, 2]);
  });

  test("an expired quarter drops off by itself: at 2026-12-25T09:00Z only the March contracts are left", async () => {
    clock = Date.UTC(2026, 11, 25, 9);
    const table = await market().futures("binance", "BTC");
    expect(table.slice(1).map((r) => r[0])).toEqual(["BTCUSDT_270326", "BTCUSD_270326"]);
    expectRow(table[1], "BTCUSDT_270326", Date.UTC(2027, 2, 26, 8), 98604.7, 96548.12456522, clock);
  });

  test("ETH has only a COIN-M quarter here; hyperliquid lists none", async () => {
    const table = await market().futures("binance", "ETH");
    expect(table.slice(1).map((r) => r[0])).toEqual(["ETHUSD_261225"]);
    await expect(market().futures("hyperliquid", "BTC")).rejects.toMatchObject({
      message: "hyperliquid lists no dated futures for BTC",
    });
  });
});

describe("OKX", () => {
  const okxMark = (instId: string) =>
    Number(fixture<{ data: Json[] }>("okx/mark-price-FUTURES.json").data.find((x) => x.instId === instId)!.markPx);
  const okxIndex = (file: string, instId: string) =>
    Number(fixture<{ data: Json[] }>(file).data.find((x) => x.instId === instId)!.idxPx);
  const okxInstrument = (instId: string) =>
    fixture<{ data: Json[] }>("okx/instruments-FUTURES.json").data.find((x) => x.instId === instId)!;

  test("BTC: inverse (BTC-USD-…, index BTC-USD) and linear (BTC-USDT-…, index BTC-USDT), by expTime", async () => {
    const table = await market().futures("okx", "BTC");
    expect(table[0]).toEqual(FUTURES_HEADER);
    expect(table.slice(1).map((r) => r[0])).toEqual([
      "BTC-USD-261127",
      "BTC-USD-261204",
      "BTC-USD-261225",
      "BTC-USDT-261225",
      "BTC-USD-270326",
      "BTC-USDT-270326",
    ]);
    for (const row of table.slice(1)) {
      const instId = row[0] as string;
      const index = instId.startsWith("BTC-USDT-")
        ? okxIndex("okx/index-tickers.json", "BTC-USDT")
        : okxIndex("okx/index-tickers-USD.json", "BTC-USD");
      expectRow(row, instId, Number(okxInstrument(instId).expTime), okxMark(instId), index);
    }
    // BTC-USD-261225: 97296.5 over 96548.1, 32.52 days out; BTC-USDT-261225: 97302.1 over 96546.8.
    const [usd, usdt] = [table[3], table[4]];
    expect(usd[1]).toBe(Date.UTC(2026, 11, 25, 8) / DAY + 25569);
    expect(usd[2]).toBeCloseTo(32.5208333, 6);
    expect(usd[5]).toBe(748.4);
    expect(usd[6]).toBeCloseTo(748.4 / 96548.1, 15);
    expect(usd[7]).toBeCloseTo(0.087000399328, 11); // 748.4 / 96548.1 × 365 / 32.5208333…
    expect(usdt[5]).toBe(755.3);
    expect(usdt[7]).toBeCloseTo(0.087803696438, 11); // 755.3 / 96546.8 × 365 / 32.5208333…
  });

  test("left out: the settled BTC-USD-261120 (still in the hourly list), the preopen BTC-USD-270625, the xperp BTC-USDT-271231", async () => {
    const names = (await market().futures("okx", "BTC")).map((r) => r[0]);
    // All three are in the fixtures, with prices for the expired and the xperp one.
    expect(okxInstrument("BTC-USD-261120").expTime).toBe(String(Date.UTC(2026, 10, 20, 8)));
    expect(okxMark("BTC-USD-261120")).toBe(96101);
    expect(okxInstrument("BTC-USD-270625").state).toBe("preopen");
    expect(okxInstrument("BTC-USDT-271231")).toMatchObject({ ruleType: "xperp", state: "live" });
    expect(okxMark("BTC-USDT-271231")).toBe(96560.2);
    for (const absent of ["BTC-USD-261120", "BTC-USD-270625", "BTC-USDT-271231"]) expect(names).not.toContain(absent);
  });

  test("one mark-price (FUTURES) and one index-tickers per quote currency per poll, shared with the perpetuals; instruments hourly", async () => {
    const m = market();
    await Promise.all([m.futures("okx", "BTC"), m.futures("okx", "BTC"), m.futures("okx", "ETH"), m.ticker("okx", "BTC")]);
    const counts = () =>
      ["okx /api/v5/public/instruments", "okx /api/v5/public/mark-price", "okx /api/v5/market/index-tickers"].map((e) =>
        server.hitCount(e),
      );
    // mark-price: instType=FUTURES (the futures) + instType=SWAP (the perpetual); index-tickers: USD + USDT.
    expect(counts()).toEqual([1, 2, 2]);
    clock += 30000;
    await Promise.all([m.futures("okx", "BTC"), m.futures("okx", "ETH")]);
    expect(counts()).toEqual([1, 3, 4]);
    clock += 3600000;
    await m.futures("okx", "BTC");
    expect(counts()).toEqual([2, 4, 6]);
  });

  test("ETH: the one inverse quarter over the ETH-USD index; an asset OKX lists none for is #N/A", async () => {
    const eth = await market().futures("okx", "ETH");
    expect(eth.slice(1).map((r) => r[0])).toEqual(["ETH-USD-261225"]);
    expectRow(eth[1], "ETH-USD-261225", Date.UTC(2026, 11, 25, 8), 3440.87, 3413.9);
    await expect(market().futures("okx", "XYZ")).rejects.toMatchObject({
      kind: "unknown-symbol",
      message: "okx lists no dated futures for XYZ",
    });
  });
});

describe("Bybit", () => {
  const rows = (file: string) => fixture<{ result: { list: Json[] } }>(file).result.list;
  const price = (symbol: string) =>
    [...rows("bybit/tickers-linear-all.json"), ...rows("bybit/tickers-inverse-all.json")].find((x) => x.symbol === symbol)!;
  const delivery = (symbol: string) =>
    Number(
      [...rows("bybit/instruments-info-linear.json"), ...rows("bybit/instruments-info-inverse.json")].find(
        (x) => x.symbol === symbol,
      )!.deliveryTime,
    );

  test("BTC: USDT futures (category=linear, LinearFutures) and inverse (category=inverse, InverseFutures), by deliveryTime", async () => {
    const table = await market().futures("bybit", "BTC");
    expect(table[0]).toEqual(FUTURES_HEADER);
    expect(table.slice(1).map((r) => r[0])).toEqual([
      "BTCUSDT-27NOV26",
      "BTCUSDT-25DEC26",
      "BTCUSDZ26",
      "BTCUSDH27",
      "BTCUSDT-26MAR27",
    ]);
    for (const row of table.slice(1)) {
      const symbol = row[0] as string;
      const p = price(symbol);
      expectRow(row, symbol, delivery(symbol), Number(p.markPrice), Number(p.indexPrice));
    }
    // Same expiry: by name. BTCUSDT-25DEC26: mark 97305.0 over index 96547.31; BTCUSDZ26: 97294.0 over 96547.95; 32.52 days out.
    const [usdt, inverse] = [table[2], table[3]];
    expect(usdt[1]).toBe(Date.UTC(2026, 11, 25, 8) / DAY + 25569);
    expect(usdt[5]).toBe(757.69);
    expect(usdt[7]).toBeCloseTo(0.088081068884, 11);
    expect(inverse[5]).toBe(746.05);
    expect(inverse[7]).toBeCloseTo(0.086727350026, 11);
    // Bybit's own basis fields are not what is shown (their definitions do not reproduce).
    expect(usdt[5]).not.toBe(Number(price("BTCUSDT-25DEC26").basis));
    expect(usdt[6]).not.toBe(Number(price("BTCUSDT-25DEC26").basisRate));
    expect(usdt[7]).not.toBe(Number(price("BTCUSDT-25DEC26").basisRateYear));
  });

  test("perpetuals are not dated futures; the weekly drops off once delivered (2026-11-27T09:00Z)", async () => {
    const names = (await market().futures("bybit", "BTC")).map((r) => r[0]);
    for (const perp of ["BTCUSDT", "BTCUSD"]) expect(names).not.toContain(perp);
    clock = Date.UTC(2026, 10, 27, 9);
    const table = await market().futures("bybit", "BTC");
    expect(table.slice(1).map((r) => r[0])).toEqual(["BTCUSDT-25DEC26", "BTCUSDZ26", "BTCUSDH27", "BTCUSDT-26MAR27"]);
    expectRow(table[1], "BTCUSDT-25DEC26", Date.UTC(2026, 11, 25, 8), 97305, 96547.31, clock);
  });

  test("one tickers request per category per poll, the linear one shared with the perpetuals; instruments hourly", async () => {
    const m = market();
    await Promise.all([
      m.futures("bybit", "BTC"),
      m.futures("bybit", "BTC"),
      m.futures("bybit", "ETH"),
      m.ticker("bybit", "BTC"),
    ]);
    const counts = () => ["bybit /v5/market/instruments-info", "bybit /v5/market/tickers"].map((e) => server.hitCount(e));
    // instruments-info: linear + inverse; tickers: linear (futures and the perpetual) + inverse.
    expect(counts()).toEqual([2, 2]);
    clock += 30000;
    await Promise.all([m.futures("bybit", "BTC"), m.ticker("bybit", "BTC")]);
    expect(counts()).toEqual([2, 4]);
    clock += 3600000;
    await m.futures("bybit", "BTC");
    expect(counts()).toEqual([4, 6]);
  });

  test("ETH: the inverse quarter only; an asset Bybit lists none for is #N/A", async () => {
    const eth = await market().futures("bybit", "ETH");
    expect(eth.slice(1).map((r) => r[0])).toEqual(["ETHUSDZ26"]);
    expectRow(eth[1], "ETHUSDZ26", Date.UTC(2026, 11, 25, 8), 3441.2, 3413.91);
    await expect(market().futures("bybit", "XYZ")).rejects.toMatchObject({
      kind: "unknown-symbol",
      message: "bybit lists no dated futures for XYZ",
    });
  });
});

describe("LEGS.FUTURES as Excel calls it", () => {
  const POLL_MS = 40;
  beforeEach(() => {
    // A clock running from the fixtures' snapshot, so staleness passes in real time.
    const started = Date.now();
    configureLive({
      baseUrls: server.base,
      pollMs: POLL_MS,
      staleAfterMs: 400,
      timeoutMs: 500,
      now: () => SNAPSHOT + Date.now() - started,
    });
  });
  afterEach(() => service().hub.stopAll());

  test("streams the table (any case of asset, default exchange binance) and re-polls", async () => {
    const inv = invocation();
    call(fns.FUTURES, "btc", undefined, null, inv);
    await until(() => inv.results.length > 1);
    const table = inv.results[0] as Row[];
    expect(table[0]).toEqual(FUTURES_HEADER);
    expect(table.slice(1).map((r) => r[0])).toEqual(["BTCUSDT_261225", "BTCUSD_261225", "BTCUSDT_270326", "BTCUSD_270326"]);
    expect(table.every((r) => r.length === 8)).toBe(true);
    inv.onCanceled!();
    expect(service().hub.active).toBe(0);
  });

  test("margin picks one family: linear (USDⓈ-M) or inverse (COIN-M); a bad margin is #VALUE! naming it", async () => {
    const tables: Record<string, Row[]> = {};
    for (const margin of ["linear", " Inverse ", null]) {
      const inv = invocation();
      call(fns.FUTURES, "BTC", "binance", margin, inv);
      await until(() => inv.results.length > 0);
      tables[String(margin).trim().toLowerCase()] = inv.results[0] as Row[];
      inv.onCanceled!();
    }
    expect(tables.linear.slice(1).map((r) => r[0])).toEqual(["BTCUSDT_261225", "BTCUSDT_270326"]);
    expect(tables.inverse.slice(1).map((r) => r[0])).toEqual(["BTCUSD_261225", "BTCUSD_270326"]);
    expect(tables.null).toHaveLength(5);
    const inv = invocation();
    call(fns.FUTURES, "BTC", "binance", "usdt", inv);
    await until(() => inv.results.length > 0);
    expect(inv.results[0]).toEqual(
      new CF.Error(
        "#VALUE!",
        'margin must be "linear" (USDT/USDC-margined), "inverse" (coin-margined) or blank for both (got text "usdt")',
      ),
    );
    inv.onCanceled!();
    const range = invocation();
    call(fns.FUTURES, "BTC", "binance", [["linear", "inverse"]], range);
    await until(() => range.results.length > 0);
    expect(range.results[0]).toEqual(new CF.Error("#VALUE!", "margin takes a single value (got a 1×2 range)"));
    range.onCanceled!();
  });

  test("errors: unknown asset #N/A, bad exchange and bad asset #VALUE!, blank #N/A", async () => {
    const cases: [unknown, unknown, InstanceType<typeof CF.Error>][] = [
      ["XYZ", "deribit", new CF.Error("#N/A", "deribit lists no dated futures for XYZ")],
      [
        "BTC",
        "kraken",
        new CF.Error(
          "#VALUE!",
          'exchange must be one of "binance", "bybit", "okx", "hyperliquid", "deribit" (got text "kraken")',
        ),
      ],
      ["BTC-USD", "deribit", new CF.Error("#VALUE!", 'asset must be a coin such as "BTC" (got "BTC-USD")')],
      ["", "deribit", new CF.Error("#N/A", "asset is required (got a blank cell): e.g. BTC or ETH")],
      [5, "deribit", new CF.Error("#VALUE!", 'asset must be text such as "BTC" or "ETH" (got 5)')],
    ];
    for (const [asset, exchange, expected] of cases) {
      const inv = invocation();
      call(fns.FUTURES, asset, exchange, null, inv);
      await until(() => inv.results.length > 0);
      expect(inv.results[0]).toEqual(expected);
      inv.onCanceled!();
    }
  });

  test("venue down: the last table is kept for staleAfterMs, then #N/A 'deribit unreachable since'", async () => {
    const inv = invocation();
    call(fns.FUTURES, "BTC", "deribit", null, inv);
    await until(() => inv.results.length > 0);
    expect(Array.isArray(inv.results[0])).toBe(true);
    server.modes.deribit = "down";
    const downAt = Date.now();
    const isError = (v: unknown) => !Array.isArray(v);
    await until(() => inv.results.some(isError));
    // Cells kept the last table until it was older than staleAfterMs (400 ms).
    expect(Date.now() - downAt).toBeGreaterThanOrEqual(300);
    const error = inv.results.find(isError) as { code: string; message: string };
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^deribit unreachable since \d\d:\d\d UTC/);
    inv.onCanceled!();
  });
});

/**
 * Binance's published COIN-M basis example (developers.binance.com › Derivatives › Coin-Margined
 * Futures › Market Data › Basis, GET /futures/data/basis): BTCUSD CURRENT_QUARTER at timestamp
 * 1653381600000 (2022-05-24T08:40Z), indexPrice 29269.93972727, futuresPrice 29341.3, basis
 * 71.36027273, basisRate 0.0024, annualizedBasisRate 0.0283. The quarter was BTCUSD_220624,
 * delivered 2022-06-24T08:00Z. Binance's annualisation is FUTURES' (simple, 365 days, on
 * fractional days to delivery) applied to its basisRate rounded to 4 decimals.
 */
test("Binance's /futures/data/basis example: the same basis, and annualizedBasisRate from the same simple convention", () => {
  const now = 1653381600000;
  const delivery = Date.UTC(2022, 5, 24, 8);
  const [, row] = futuresTable(
    [{ instrument: "BTCUSD_220624", expiry: delivery, mark: 29341.3, index: 29269.93972727, margin: "inverse" }],
    now,
  );
  const [, , days, , , basis, basisPct, apy] = row as number[];
  expect(basis).toBe(71.36027273);
  expect(Number(basisPct.toFixed(4))).toBe(0.0024);
  expect(days).toBeCloseTo(30.97222222, 8);
  // Binance annualises its rounded basisRate: 0.0024 × 365 / 30.97 = 0.02828 → 0.0283.
  expect(Number(((0.0024 * 365) / days).toFixed(4))).toBe(0.0283);
  // FUTURES annualises the exact ratio: the same convention, without the rounding.
  expect(apy).toBeCloseTo((basisPct * 365) / days, 15);
});

/**
 * The expiry boundary on every venue, by the injected clock: one second before a contract's
 * delivery it is listed, with 1 s to go (Days = 1/86,400); at delivery and one second after it is
 * gone from the table, whatever day the suite runs. The soonest BTC contract of each venue is
 * taken from its own table at the fixtures' time.
 */
describe.each(["deribit", "binance", "okx", "bybit"] as const)("%s: a contract at its expiry", (venue) => {
  const SECOND = 1000;

  async function soonest(): Promise<{ instrument: string; expiry: number }> {
    const [, first] = await market().futures(venue, "BTC");
    return { instrument: first[0] as string, expiry: Math.round(((first[1] as number) - 25569) * DAY) };
  }

  test("expiry − 1 s: listed, 1 s to go; expiry and expiry + 1 s: dropped (with any contract delivered at the same time)", async () => {
    const { instrument, expiry } = await soonest();
    clock = expiry - SECOND;
    const before = (await market().futures(venue, "BTC")).slice(1);
    expect(before[0][0]).toBe(instrument);
    expect(before[0][2]).toBe(SECOND / DAY);
    const later = before.filter((r) => r[2] !== SECOND / DAY).map((r) => r[0]);
    expect(later.length).toBeGreaterThan(0);
    for (const at of [expiry, expiry + SECOND]) {
      clock = at;
      const names = await market()
        .futures(venue, "BTC")
        .then((t) => t.slice(1).map((r) => r[0]))
        .catch(() => []);
      expect(names).not.toContain(instrument);
      expect(names).toEqual(later);
    }
  });
});
