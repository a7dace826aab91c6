/**
 * The live-data LEGS functions in host-neutral form: arguments are checked here, in
 * functions.js; the market-data service (src/live) is a separate chunk loaded on first use, so
 * loading the functions bundle starts no timer, sends no request and stays small.
 */
import { Dec } from "../core/decimal";
import { DomainError, invalid, isDomainError, missing, Result } from "../core/errors";
import type { MarketConfig, MarketData, TickerField } from "../live/market";
import type { StreamHub } from "../live/streams";
import { EXCHANGES } from "../live/exchange-names";
import type { Exchange } from "../live/exchange-names";
import { describe as describeValue, isBlank, optionalChoice, optionalNumber, single } from "./cells";

type Service = typeof import("../live/service");

let loading: Promise<Service> | null = null;

/** The service chunk, loaded once. */
function loadService(): Promise<Service> {
  loading ??= import(/* webpackChunkName: "live" */ "../live/service");
  return loading;
}

const notLoaded = (e: unknown): DomainError =>
  missing(`live exchange data could not be loaded (${e instanceof Error ? e.message : String(e)}): it needs the add-in's shared runtime`);

/** Replaces the service's settings (tests: a local fixture server, short polls). */
export async function configureLive(overrides: Partial<MarketConfig>): Promise<MarketData> {
  return (await loadService()).configure(overrides);
}

export async function liveHub(): Promise<StreamHub> {
  return (await loadService()).service().hub;
}

interface LiveArgs {
  exchange: Exchange;
  symbol: string;
}

function liveArgs(symbol: unknown, exchange: unknown): Result<LiveArgs> {
  const ex = optionalChoice("exchange", exchange, EXCHANGES, "binance");
  if (isDomainError(ex)) return ex;
  const s = single("symbol", symbol);
  if (isDomainError(s)) return s;
  if (isBlank(s)) return missing("symbol is required (got a blank cell): e.g. BTC, BTCUSDT or BTC-USDT");
  if (typeof s !== "string") return invalid(`symbol must be text such as "BTC" or "BTCUSDT" (got ${describeValue(s)})`);
  return { exchange: ex, symbol: s.trim() };
}

export interface LiveSink {
  value(v: number): void;
  error(e: DomainError): void;
}

/**
 * Streams one ticker field into `sink`; returns the function that stops it (call it from
 * Excel's onCanceled). Cells with the same exchange, symbol and field share one poll.
 */
export function streamTicker(field: TickerField, symbol: unknown, exchange: unknown, sink: LiveSink): () => void {
  const args = liveArgs(symbol, exchange);
  if (isDomainError(args)) {
    sink.error(args);
    return () => undefined;
  }
  let stop: (() => void) | null = null;
  let cancelled = false;
  loadService().then(
    (svc) => {
      if (cancelled) return;
      const { market, hub } = svc.service();
      const key = `${args.exchange}:${args.symbol.toUpperCase()}:${field}`;
      stop = hub.subscribe(
        key,
        async () => (await market.ticker(args.exchange, args.symbol))[field],
        (e) => market.describe(args.exchange, e),
        { value: (v) => sink.value(v), error: (message) => sink.error(missing(message)) },
      );
    },
    (e) => sink.error(notLoaded(e)),
  );
  return () => {
    cancelled = true;
    stop?.();
  };
}

/** Runs `read` against the market service; a failure becomes #N/A with the reason. */
async function withMarket<T>(exchange: Exchange, read: (market: MarketData) => Promise<T>): Promise<T | DomainError> {
  let market: MarketData;
  try {
    market = (await loadService()).service().market;
  } catch (e) {
    return notLoaded(e);
  }
  try {
    return await read(market);
  } catch (e) {
    return missing(market.describe(exchange, e));
  }
}

export async function fundingInterval(symbol: unknown, exchange: unknown): Promise<number | DomainError> {
  const args = liveArgs(symbol, exchange);
  if (isDomainError(args)) return args;
  return withMarket(args.exchange, (market) => market.intervalHours(args.exchange, args.symbol));
}

const DEFAULT_DAYS = new Dec(30);
const MAX_DAYS = 1095;

/** Excel's date serial (days since 1899-12-30) of a UTC time in ms. */
export function excelSerial(ms: number): number {
  return ms / 86400000 + 25569;
}

/** [[time, rate], …] oldest first; time as an Excel date serial (UTC). */
export async function fundingHistory(symbol: unknown, exchange: unknown, days: unknown): Promise<number[][] | DomainError> {
  const args = liveArgs(symbol, exchange);
  if (isDomainError(args)) return args;
  const d = optionalNumber("days", days, DEFAULT_DAYS);
  if (isDomainError(d)) return d;
  if (!d.gt(0) || d.gt(MAX_DAYS)) return invalid(`days must be greater than 0 and at most ${MAX_DAYS} (got ${d.toString()})`);
  const events = await withMarket(args.exchange, (market) => market.history(args.exchange, args.symbol, d.toNumber()));
  if (isDomainError(events)) return events;
  if (events.length === 0) return missing(`${args.exchange} has no funding events for ${args.symbol} in the last ${d.toString()} days`);
  return events.map((e) => [excelSerial(e.time), e.rate]);
}
