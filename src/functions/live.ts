/**
 * The live-data LEGS functions in host-neutral form: arguments are checked here, in
 * functions.js; the market-data service (src/live) is a bundle of its own (live.js) loaded on first use, so
 * loading the functions bundle starts no timer, sends no request and stays small.
 */
import { Dec } from "../core/decimal";
import { DomainError, invalid, isDomainError, missing, Result } from "../core/errors";
import type { TickerField } from "../live/market";
import { EXCHANGES } from "../live/exchange-names";
import type { Exchange } from "../live/exchange-names";
import { describe as describeValue, isBlank, optionalChoice, optionalNumber, single } from "./cells";
import { cannotLoadChunks, lazyScript } from "./lazy";

type Service = typeof import("../live/service");

/** A streaming cell whose first load failed tries again this much later. */
const RETRY_MS = 30000;

/** The market-data service (live.js), loaded on the first live call. */
const loadService = lazyScript<Service>("live", "legworkLive", () => import(/* webpackIgnore: true */ "../live/service"));

const notLoaded = (e: unknown): DomainError =>
  missing(
    `live exchange data could not be loaded (${e instanceof Error ? e.message : String(e)}): it needs the add-in's shared runtime`,
  );

interface LiveArgs {
  exchange: Exchange;
  symbol: string;
}

function liveArgs(
  symbol: unknown,
  exchange: unknown,
  name = "symbol",
  eg = ["BTC, BTCUSDT or BTC-USDT", '"BTC" or "BTCUSDT"'],
): Result<LiveArgs> {
  const ex = optionalChoice("exchange", exchange, EXCHANGES, "binance");
  if (isDomainError(ex)) return ex;
  const s = single(name, symbol);
  if (isDomainError(s)) return s;
  if (isBlank(s)) return missing(`${name} is required (got a blank cell): e.g. ${eg[0]}`);
  if (typeof s !== "string") return invalid(`${name} must be text such as ${eg[1]} (got ${describeValue(s)})`);
  return { exchange: ex, symbol: s.trim() };
}

export interface LiveSink<T = number> {
  value(v: T): void;
  error(e: DomainError): void;
}

/**
 * Streams one ticker field into `sink`; returns the function that stops it (call it from
 * Excel's onCanceled). Cells with the same exchange, symbol and field share one poll.
 */
export function streamTicker(field: TickerField, symbol: unknown, exchange: unknown, sink: LiveSink): () => void {
  const args = liveArgs(symbol, exchange);
  return streamLive(args, sink, (svc, a, s) => svc.stream(field, a.exchange, a.symbol, s));
}

/**
 * Streams LEGS.FUTURES' table of an asset's dated futures (header, then a row per contract) into
 * `sink`; cells with the same exchange, asset and margin share one poll (margin is read in live.js).
 */
export function streamFutures(
  asset: unknown,
  exchange: unknown,
  margin: unknown,
  sink: LiveSink<(string | number)[][]>,
): () => void {
  let args = liveArgs(asset, exchange, "asset", ["BTC or ETH", '"BTC" or "ETH"']);
  if (!isDomainError(args)) {
    const a = args.symbol.toUpperCase();
    args = /^[A-Z0-9]{1,20}$/.test(a)
      ? { ...args, symbol: a }
      : invalid(`asset must be a coin such as "BTC" (got "${args.symbol}")`);
  }
  return streamLive(args, sink, (svc, a, s) => svc.streamFutures(a.exchange, a.symbol, margin, s));
}

/**
 * Streams LEGS.FUNDINGBOARD into `sink`. Its arguments are read in live.js (functions.js has no
 * room for them); a bad one arrives as the sink's first error.
 */
export function streamFundingBoard(
  symbols: unknown,
  exchanges: unknown,
  horizon: unknown,
  sink: LiveSink<(string | number | DomainError)[][]>,
): () => void {
  return streamLive(0, sink, (svc, _, s) => svc.streamFundingBoard(symbols, exchanges, horizon, s));
}

function streamLive<A, T>(
  args: Result<A>,
  sink: LiveSink<T>,
  subscribe: (svc: Service, args: A, sink: { value(v: T): void; error(m: string | DomainError): void }) => () => void,
): () => void {
  if (isDomainError(args)) {
    sink.error(args);
    return () => undefined;
  }
  let stop: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const start = (): void => {
    loadService().then(
      (svc) => {
        if (!cancelled)
          stop = subscribe(svc, args, { value: sink.value, error: (m) => sink.error(isDomainError(m) ? m : missing(m)) });
      },
      (e) => {
        sink.error(notLoaded(e));
        // Try again later (a page that failed to fetch live.js may succeed next time).
        if (!cancelled && !cannotLoadChunks()) retry = setTimeout(start, RETRY_MS);
      },
    );
  };
  start();
  return () => {
    cancelled = true;
    clearTimeout(retry);
    stop?.();
  };
}

/** A service answer as a value or #N/A with the service's message. */
async function answer<T>(
  read: (svc: Service) => Promise<{ ok: true; value: T } | { ok: false; message: string }>,
): Promise<T | DomainError> {
  let svc: Service;
  try {
    svc = await loadService();
  } catch (e) {
    return notLoaded(e);
  }
  const a = await read(svc);
  return a.ok ? a.value : missing(a.message);
}

export async function fundingInterval(symbol: unknown, exchange: unknown): Promise<number | DomainError> {
  const args = liveArgs(symbol, exchange);
  return isDomainError(args) ? args : answer((svc) => svc.interval(args.exchange, args.symbol));
}

const DEFAULT_DAYS = new Dec(30);
const MAX_DAYS = 1095;

/** [[time, rate], …] oldest first; time as an Excel date serial (UTC). */
export async function fundingHistory(symbol: unknown, exchange: unknown, days: unknown): Promise<number[][] | DomainError> {
  const args = liveArgs(symbol, exchange);
  if (isDomainError(args)) return args;
  const d = optionalNumber("days", days, DEFAULT_DAYS);
  if (isDomainError(d)) return d;
  if (!d.gt(0) || d.gt(MAX_DAYS)) return invalid(`days must be greater than 0 and at most ${MAX_DAYS} (got ${d.toString()})`);
  return answer((svc) => svc.history(args.exchange, args.symbol, d.toNumber()));
}
