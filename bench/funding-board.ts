/**
 * LEGS.FUNDINGBOARD (issue 14): requests per poll for a board of 50 symbols × 5 venues, and the
 * board's recalculation time.
 *
 * Requests. A MarketData whose `fetch` is an in-process fake (no sockets) answering each venue's
 * documented endpoints with answers shaped exactly like test/fixtures/exchanges (SOURCES.md
 * there): the fixture rows, plus copies of each venue's BTC row for the generated symbols, each
 * with its own rate and interval. The board is read as the service reads it, boardQuotes +
 * boardCells, over a few polls on a fake clock moved by pollMs between them; every request is
 * counted by venue and endpoint (path + the query or POST body type that distinguishes it).
 * "One per venue per endpoint per poll" is a correctness property: more throws. The hourly
 * endpoints (Binance fundingInfo, Bybit instruments-info) are asked on the first poll only.
 *
 * A second run gives every answer a latency on the fake clock: every poll must still ask again
 * (the cache ages an answer from when it was asked; aged from its arrival, the next poll, pollMs
 * after the last one started, would find it fresh and reuse it, so each venue would be asked every
 * other poll). A poll that asks nothing throws.
 *
 * Time. boardCells for the 50 × 5 quotes (what every poll recomputes) against the same table in
 * plain doubles written here (rate × horizon / interval, max/min, spread, APR), same run; and a
 * whole poll with every answer cached (boardQuotes + boardCells), and with new answers (parsed).
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { BoardCell, BoardQuote, BoardRequest, boardCells, readBoardRequest } from "../src/functions/fundingboard";
import { isDomainError } from "../src/core/errors";
import { boardQuotes } from "../src/live/funding-board";
import { defaultConfig, MarketData } from "../src/live/market";
import { Venue, VENUES } from "../src/live/exchange-names";
import type { Fetch } from "../src/live/http";
import { measure } from "./timing";

const SYMBOLS = 50;
const POLLS = 3;
/** The fixtures' snapshot time (SOURCES.md): 2026-11-22T19:30:00Z. */
const T0 = 1795375800000;
const HOUR = 3600000;
const LATENCY_MS = 150;

type Json = Record<string, unknown>;

export interface VenueRequests {
  venue: string;
  /** Requests sent in each poll (fake fetch), poll 1 first. */
  perPoll: number[];
  /** What market.cache.requests counted for the venue over all polls (must equal the sum). */
  cacheCounted: number;
  /** Each endpoint asked and its requests per poll. */
  endpoints: { endpoint: string; perPoll: number[] }[];
  /** Symbols of the board this venue quotes (a rate), and those it does not list. */
  quoted: number;
  notListed: number;
  /** At most one request per endpoint in every poll. */
  met: boolean;
  note: string;
}

export interface FundingBoardBench {
  symbols: number;
  venues: number;
  polls: number;
  pollMs: number;
  requests: VenueRequests[];
  /** Total requests per poll (all venues), poll 1 first. */
  totalPerPoll: number[];
  /** The same polls with every answer taking LATENCY_MS on the fake clock. */
  withLatency: { latencyMs: number; polls: number; totalPerPoll: number[]; note: string };
  /** boardCells from fetched quotes (50 × 5), per board. */
  cellsNs: number;
  plainNs: number;
  cellsVsPlain: number;
  /** boardQuotes + boardCells, every answer cached. */
  warmPollNs: number;
  warmVsPlain: number;
  /** boardQuotes + boardCells with new answers (all poll-age endpoints asked again and parsed). */
  freshPollNs: number;
  freshVsPlain: number;
  /** Largest |ours − plain| / |plain| over the numeric cells. */
  worstRelDiff: number;
}

// ---------------------------------------------------------------- the venues' answers

const symbolNames = (): string[] => {
  const names = ["BTC", "ETH", "SOL"];
  for (let i = names.length + 1; names.length < SYMBOLS; i++) names.push(`COIN${i}`);
  return names;
};

/** A distinct, plausible rate per symbol and venue (per 8 h scale; Hyperliquid's hourly is an eighth). */
const rateOf = (i: number, v: number): number => ((((i * 7919 + v * 104729) % 2001) - 600) * 1e-7) / (v === 3 ? 8 : 1);

/** Intervals of the generated symbols: mostly 8 h, some 4 h and 1 h as the venues have. */
const binanceHours = (i: number) => (i % 7 === 0 ? 1 : i % 5 === 0 ? 4 : 8);
const bybitMinutes = (i: number) => (i % 9 === 0 ? 60 : i % 4 === 0 ? 240 : 480);
const okxHours = (i: number) => (i % 6 === 0 ? 4 : 8);

/** Every answer the fake sends, by venue and endpoint key, as the text on the wire. */
function venueAnswers(root: string): Map<string, string> {
  const dir = path.join(root, "test/fixtures/exchanges");
  const fixture = <T = unknown>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as T;
  const names = symbolNames();
  const answers = new Map<string, string>();
  const set = (key: string, json: unknown) => answers.set(key, JSON.stringify(json));
  /** The fixture's rows for board symbols kept, the others generated from the template; other rows kept. */
  const extend = (rows: Json[], id: (name: string) => string, idField: string, make: (template: Json, i: number) => Json) => {
    const byId = new Map(rows.map((r) => [String(r[idField]), r]));
    const template = byId.get(id("BTC"));
    if (!template) throw new Error(`no BTC row (${id("BTC")}) to copy`);
    const board = names.map((n, i) => byId.get(id(n)) ?? make({ ...template, [idField]: id(n) }, i));
    const boardIds = new Set(names.map(id));
    return [...board, ...rows.filter((r) => !boardIds.has(String(r[idField])))];
  };

  // Binance: premiumIndex (every symbol), fundingInfo (only adjusted symbols; others 8 h).
  const premium = extend(
    fixture<Json[]>("binance/premiumIndex-all.json"),
    (n) => `${n}USDT`,
    "symbol",
    (r, i) => ({
      ...r,
      lastFundingRate: rateOf(i, 0).toFixed(8),
      nextFundingTime: binanceHours(i) === 8 ? r.nextFundingTime : T0 + HOUR / 2,
    }),
  );
  set("binance GET /fapi/v1/premiumIndex", premium);
  const info = fixture<Json[]>("binance/fundingInfo.json");
  const [infoTemplate] = info;
  names.forEach((n, i) => {
    if (i >= 3 && binanceHours(i) !== 8)
      info.push({ ...infoTemplate, symbol: `${n}USDT`, fundingIntervalHours: binanceHours(i) });
  });
  set("binance GET /fapi/v1/fundingInfo", info);

  // Bybit: tickers and instruments-info, category=linear.
  const tickers = fixture<{ result: { list: Json[] } } & Json>("bybit/tickers-linear-all.json");
  tickers.result.list = extend(
    tickers.result.list,
    (n) => `${n}USDT`,
    "symbol",
    (r, i) => ({
      ...r,
      fundingRate: String(Number(rateOf(i, 1).toFixed(8))),
      fundingIntervalHour: String(bybitMinutes(i) / 60),
    }),
  );
  set("bybit GET /v5/market/tickers?category=linear", tickers);
  const instruments = fixture<{ result: { list: Json[] } } & Json>("bybit/instruments-info-linear.json");
  instruments.result.list = extend(
    instruments.result.list,
    (n) => `${n}USDT`,
    "symbol",
    (r, i) => ({
      ...r,
      symbolId: 1000 + i,
      baseCoin: names[i],
      fundingInterval: bybitMinutes(i),
    }),
  );
  set("bybit GET /v5/market/instruments-info?category=linear&limit=1000", instruments);

  // OKX: funding-rate?instId=ANY (every perpetual in one answer; the fixtures hold BTC and ETH).
  const okxRows = ["BTC", "ETH"].flatMap((c) => fixture<{ data: Json[] }>(`okx/funding-rate-${c}-USDT-SWAP.json`).data);
  const okx = fixture<{ data: Json[] } & Json>("okx/funding-rate-BTC-USDT-SWAP.json");
  okx.data = extend(
    okxRows,
    (n) => `${n}-USDT-SWAP`,
    "instId",
    (r, i) => ({
      ...r,
      fundingRate: String(rateOf(i, 2)),
      nextFundingTime: String(Number(r.fundingTime) + okxHours(i) * HOUR),
    }),
  );
  set("okx GET /api/v5/public/funding-rate?instId=ANY", okx);

  // Hyperliquid: POST /info {"type":"metaAndAssetCtxs"}: [meta {universe}, assetCtxs] index by index.
  const [meta, ctxs] = fixture<[{ universe: Json[] } & Json, Json[]]>("hyperliquid/metaAndAssetCtxs.json");
  const pairs = meta.universe.map((u, k) => ({ ...u, ctx: ctxs[k] }));
  const extended = extend(
    pairs,
    (n) => n,
    "name",
    (p, i) => ({
      ...p,
      szDecimals: 1,
      maxLeverage: 10,
      ctx: { ...(p.ctx as Json), funding: String(rateOf(i, 3)) },
    }),
  );
  set("hyperliquid POST /info metaAndAssetCtxs", [
    { ...meta, universe: extended.map(({ ctx: _ctx, ...u }) => u) },
    extended.map((p) => p.ctx),
  ]);

  // Deribit: the book summaries as they are (perpetuals only under BTC, ETH and USDC).
  for (const c of ["BTC", "ETH", "USDC"])
    set(
      `deribit GET /api/v2/public/get_book_summary_by_currency?currency=${c}&kind=future`,
      fixture(`deribit/get_book_summary_by_currency-${c}-future.json`),
    );
  answers.set("deribit error", JSON.stringify(fixture("deribit/error-invalid-currency.json")));
  return answers;
}

/**
 * The fake exchanges: counts each request by venue and endpoint and answers from `answers`; an
 * answer arrives `latencyMs` after it was asked on the fake clock.
 */
function fakeVenues(answers: Map<string, string>, clock: { t: number }, latencyMs = 0) {
  const counts = new Map<string, Map<string, number>>();
  const fetch: Fetch = async (url, init) => {
    const asked = clock.t;
    const u = new URL(url);
    const [, venue, ...rest] = u.pathname.split("/");
    const route = `/${rest.join("/")}`;
    let endpoint: string;
    if (init?.method === "POST") endpoint = `POST ${route} ${String((JSON.parse(init.body ?? "{}") as Json).type)}`;
    else endpoint = `GET ${route}${u.search}`;
    const byEndpoint = counts.get(venue) ?? new Map<string, number>();
    counts.set(venue, byEndpoint);
    byEndpoint.set(endpoint, (byEndpoint.get(endpoint) ?? 0) + 1);
    let text = answers.get(`${venue} ${endpoint}`);
    let status = 200;
    if (text === undefined && venue === "deribit") {
      text = answers.get("deribit error");
      status = 400;
    }
    if (text === undefined) {
      text = JSON.stringify({ error: `no route ${venue} ${endpoint}` });
      status = 404;
    }
    if (latencyMs > 0) {
      await Promise.resolve();
      clock.t = Math.max(clock.t, asked + latencyMs);
    }
    const body = text;
    return { status, headers: { get: () => null }, text: async () => body };
  };
  return { fetch, counts };
}

function market(fetch: Fetch, clock: { t: number }): MarketData {
  const base = "http://venues.bench";
  return new MarketData({
    ...defaultConfig(),
    baseUrls: Object.fromEntries(VENUES.map((v) => [v, `${base}/${v}`])) as Record<Venue, string>,
    viaRelay: false,
    directFallback: {},
    now: () => clock.t,
    fetch,
    random: () => 0.5,
    timeoutMs: 2000,
  });
}

const snapshot = (counts: Map<string, Map<string, number>>) =>
  new Map([...counts].map(([v, m]) => [v, new Map(m)] as [string, Map<string, number>]));

/** `polls` polls pollMs apart: each poll's requests by venue and endpoint, and the last board. */
async function runPolls(req: BoardRequest, answers: Map<string, string>, polls: number, latencyMs = 0) {
  const clock = { t: T0 };
  const fake = fakeVenues(answers, clock, latencyMs);
  const m = market(fake.fetch, clock);
  const perPoll: Map<string, Map<string, number>>[] = [];
  let quotes: BoardQuote[][] = [];
  let cells: BoardCell[][] = [];
  for (let p = 0; p < polls; p++) {
    clock.t = T0 + p * m.config.pollMs;
    const before = snapshot(fake.counts);
    quotes = await boardQuotes(m, req);
    cells = boardCells(req, quotes);
    const diff = new Map<string, Map<string, number>>();
    for (const [venue, byEndpoint] of fake.counts) {
      const d = new Map<string, number>();
      for (const [e, n] of byEndpoint) d.set(e, n - (before.get(venue)?.get(e) ?? 0));
      diff.set(venue, d);
    }
    perPoll.push(diff);
  }
  return { market: m, clock, fake, perPoll, quotes, cells };
}

// ---------------------------------------------------------------- the plain-double board

/** The same table as boardCells, in plain doubles, written straightforwardly. */
function plainBoard(req: BoardRequest, horizon: number, quotes: readonly (readonly BoardQuote[])[]): (string | number)[][] {
  const l = req.horizonLabel;
  const out: (string | number)[][] = [
    ["Symbol", ...req.venues.map((v) => `${v} ${l}`), "Best short", "Best long", `Spread ${l}`, "Spread APR"],
  ];
  for (let i = 0; i < req.symbols.length; i++) {
    const row: (string | number)[] = [req.symbols[i] ?? ""];
    const q = quotes[i];
    const rates: (number | null)[] = [];
    let hi = -1;
    let lo = -1;
    for (let j = 0; j < q.length; j++) {
      const x = q[j];
      if (x === null || typeof x === "string") {
        row.push(x ?? "");
        rates.push(null);
        continue;
      }
      const r = (x.rate * horizon) / x.intervalHours;
      row.push(r);
      rates.push(r);
      if (hi < 0 || r > (rates[hi] as number)) hi = j;
      if (lo < 0 || r < (rates[lo] as number)) lo = j;
    }
    if (hi === lo && hi >= 0) lo = rates.findIndex((r, j) => r !== null && j !== hi);
    if (hi < 0 || lo < 0) row.push("", "", "", "");
    else {
      const spread = (rates[hi] as number) - (rates[lo] as number);
      row.push(req.venues[hi], req.venues[lo], spread, (spread * 8760) / horizon);
    }
    out.push(row);
  }
  return out;
}

/** Both tables hold the same cells (numbers to 1e-12 relative); returns the largest relative difference. */
function compare(ours: BoardCell[][], plain: (string | number)[][]): number {
  let worst = 0;
  if (ours.length !== plain.length) throw new Error(`board has ${ours.length} rows, plain ${plain.length}`);
  ours.forEach((row, i) =>
    row.forEach((c, j) => {
      const p = plain[i][j];
      if (typeof c === "number" && typeof p === "number") {
        const rel = Math.abs(c - p) / Math.max(Math.abs(p), 1e-300);
        if (c !== p) worst = Math.max(worst, rel);
        if (rel > 1e-12) throw new Error(`board cell ${i},${j}: ${c} vs plain ${p}`);
      } else if (c !== p) throw new Error(`board cell ${i},${j}: ${JSON.stringify(c)} vs plain ${JSON.stringify(p)}`);
    }),
  );
  return worst;
}

// ---------------------------------------------------------------- timing

/** measure() for an async call, each call awaited before the next; median ns of the rounds. */
async function measureAsync(fn: () => Promise<unknown>, { warmMs = 150, roundMs = 40, rounds = 15 } = {}): Promise<number> {
  let sink: unknown;
  const warmEnd = performance.now() + warmMs;
  let calls = 0;
  while (performance.now() < warmEnd) {
    sink = await fn();
    calls++;
  }
  const callsPerRound = Math.max(1, Math.round(roundMs / Math.max(warmMs / Math.max(calls, 1), 1e-6)));
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerRound; i++) sink = await fn();
    samples.push(((performance.now() - t0) * 1e6) / callsPerRound);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Interleaved passes, the fastest median of each: a neighbour's burst slows one pass, not one side of a ratio. */
async function together<K extends string>(fns: Record<K, () => unknown>, passes = 3): Promise<Record<K, number>> {
  const best = {} as Record<K, number>;
  for (let p = 0; p < passes; p++) {
    for (const k of Object.keys(fns) as K[]) {
      const probe = fns[k]();
      const ns =
        probe instanceof Promise
          ? (await probe, await measureAsync(fns[k] as () => Promise<unknown>, { rounds: 9 }))
          : measure(fns[k], { rounds: 9 }).ns;
      best[k] = p === 0 ? ns : Math.min(best[k], ns);
    }
  }
  return best;
}

// ---------------------------------------------------------------- the bench

const NOTES: Record<string, string> = {
  binance: "premiumIndex every poll; fundingInfo (intervals) hourly, so first poll only",
  bybit: "tickers every poll; instruments-info (intervals) hourly, so first poll only",
  okx: "funding-rate?instId=ANY holds rate and interval: one request",
  hyperliquid: "metaAndAssetCtxs: every perpetual, hourly funding",
  deribit:
    "one book summary per currency (BTC, ETH); other coins not listed (Deribit lists perpetuals only under BTC, ETH, USDC)",
};

export async function fundingBoardBench(root: string): Promise<FundingBoardBench> {
  const answers = venueAnswers(root);
  const names = symbolNames();
  const req = readBoardRequest(
    names.map((n) => [n]),
    null,
    null,
  );
  if (isDomainError(req)) throw new Error(`FUNDINGBOARD request refused: ${req.message}`);
  const horizon = req.horizonHours.toNumber();

  // Requests per poll.
  const run = await runPolls(req, answers, POLLS);
  const requests: VenueRequests[] = req.venues.map((venue, j) => {
    const endpoints = new Set<string>();
    for (const poll of run.perPoll) for (const e of poll.get(venue)?.keys() ?? []) endpoints.add(e);
    const rows = [...endpoints].map((endpoint) => ({
      endpoint,
      perPoll: run.perPoll.map((poll) => poll.get(venue)?.get(endpoint) ?? 0),
    }));
    const perPoll = run.perPoll.map((_, p) => rows.reduce((t, r) => t + r.perPoll[p], 0));
    const over = rows.filter((r) => r.perPoll.some((n) => n > 1));
    if (over.length > 0)
      throw new Error(
        `FUNDINGBOARD: ${venue} asked ${over.map((r) => `${r.endpoint} ${r.perPoll.join("/")}`).join(", ")} per poll (target one)`,
      );
    const cacheCounted = run.market.cache.requests.get(venue) ?? 0;
    if (cacheCounted !== perPoll.reduce((a, b) => a + b, 0))
      throw new Error(
        `FUNDINGBOARD: ${venue}: the cache counted ${cacheCounted} requests, the venue received ${perPoll.join("+")}`,
      );
    const column = run.quotes.map((q) => q[j]);
    const errors = column.filter((q) => typeof q === "string");
    if (errors.length > 0) throw new Error(`FUNDINGBOARD: ${venue}: ${String(errors[0])}`);
    return {
      venue,
      perPoll,
      cacheCounted,
      endpoints: rows,
      quoted: column.filter((q) => q !== null && typeof q === "object").length,
      notListed: column.filter((q) => q === null).length,
      met: true,
      note: NOTES[venue] ?? "",
    };
  });
  for (const r of requests)
    if (r.venue !== "deribit" && r.quoted !== SYMBOLS)
      throw new Error(`FUNDINGBOARD: ${r.venue} quotes ${r.quoted} of ${SYMBOLS}`);
  const worstRelDiff = compare(run.cells, plainBoard(req, horizon, run.quotes));
  const totalPerPoll = run.perPoll.map((_, p) => requests.reduce((t, r) => t + r.perPoll[p], 0));

  // The same polls, every answer taking LATENCY_MS (stamped on arrival, polls pollMs apart from their start).
  const LATENCY_POLLS = 4;
  const slow = await runPolls(req, answers, LATENCY_POLLS, LATENCY_MS);
  const slowTotals = slow.perPoll.map((poll) =>
    [...poll.values()].reduce((t, m) => t + [...m.values()].reduce((a, b) => a + b, 0), 0),
  );
  const reused = slowTotals.slice(1).some((n) => n === 0);
  if (reused) throw new Error(`with ${LATENCY_MS} ms answers a poll asked nothing: ${slowTotals.join(", ")}`);
  const withLatency = {
    latencyMs: LATENCY_MS,
    polls: LATENCY_POLLS,
    totalPerPoll: slowTotals,
    note: reused
      ? `an answer is stamped when it arrives, so the next poll, pollMs after the last one started, finds it ${LATENCY_MS} ms younger than pollMs and reuses it: each venue is asked every other poll (new rates every ${(2 * slow.market.config.pollMs) / 1000} s)`
      : "every poll asked again",
  };

  // Recalculation: boardCells from the fetched quotes vs the plain table.
  const quotes = run.quotes;
  const w = await runPolls(req, answers, 1);
  const warmPoll = async () => boardCells(req, await boardQuotes(w.market, req));
  // A poll with new answers: the clock moves a poll on each call, so every poll-age endpoint is asked and parsed.
  const f = await runPolls(req, answers, 1);
  const freshPoll = async () => {
    f.clock.t += f.market.config.pollMs;
    return boardCells(req, await boardQuotes(f.market, req));
  };
  const t = await together({
    cellsNs: () => boardCells(req, quotes),
    plainNs: () => plainBoard(req, horizon, quotes),
    warmPollNs: warmPoll,
    freshPollNs: freshPoll,
  });
  // The warm poll must have been served from the cache throughout.
  const warmSent = [...w.market.cache.requests.values()].reduce((a, b) => a + b, 0);
  const firstPollSent = [...w.perPoll[0].values()].reduce((t2, m) => t2 + [...m.values()].reduce((a, b) => a + b, 0), 0);
  if (warmSent !== firstPollSent) throw new Error(`FUNDINGBOARD: the warm poll sent ${warmSent - firstPollSent} requests`);

  return {
    symbols: SYMBOLS,
    venues: req.venues.length,
    polls: POLLS,
    pollMs: run.market.config.pollMs,
    requests,
    totalPerPoll,
    withLatency,
    cellsNs: t.cellsNs,
    plainNs: t.plainNs,
    cellsVsPlain: t.cellsNs / t.plainNs,
    warmPollNs: t.warmPollNs,
    warmVsPlain: t.warmPollNs / t.plainNs,
    freshPollNs: t.freshPollNs,
    freshVsPlain: t.freshPollNs / t.plainNs,
    worstRelDiff,
  };
}
