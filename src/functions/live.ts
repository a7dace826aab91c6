/**
 * The live-data LEGS functions in host-neutral form: argument checks, then the market-data
 * service (src/live). One service and one stream hub for the whole runtime, created on first
 * use (loading the functions bundle starts no timer and sends no request).
 */
import { Dec } from "../core/decimal";
import { DomainError, invalid, isDomainError, missing, Result } from "../core/errors";
import { defaultConfig, MarketConfig, MarketData, TickerField } from "../live/market";
import { StreamHub } from "../live/streams";
import { Exchange, EXCHANGES, FundingEvent } from "../live/types";
import { describe as describeValue, optionalChoice, optionalNumber, single, isBlank } from "./cells";

let market: MarketData | null = null;
let hub: StreamHub | null = null;

function service(): { market: MarketData; hub: StreamHub } {
  if (!market || !hub) {
    const config = defaultConfig();
    market = new MarketData(config);
    hub = newHub(config);
  }
  return { market, hub };
}

function newHub(config: MarketConfig): StreamHub {
  return new StreamHub({
    pollMs: config.pollMs,
    staleAfterMs: config.staleAfterMs,
    now: config.now,
    setInterval: (f, ms) => setInterval(f, ms),
    clearInterval: (t) => clearInterval(t),
  });
}

/** Replaces the service's settings (tests: a local fixture server, short polls). */
export function configureLive(overrides: Partial<MarketConfig>): MarketData {
  hub?.stopAll();
  const config = { ...defaultConfig(), ...overrides };
  market = new MarketData(config);
  hub = newHub(config);
  return market;
}

export function liveHub(): StreamHub {
  return service().hub;
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
  const { market: m, hub: h } = service();
  const key = `${args.exchange}:${args.symbol.toUpperCase()}:${field}`;
  return h.subscribe(
    key,
    async () => (await m.ticker(args.exchange, args.symbol))[field],
    (e) => m.describe(args.exchange, e),
    { value: (v) => sink.value(v), error: (message) => sink.error(missing(message)) },
  );
}

export async function fundingInterval(symbol: unknown, exchange: unknown): Promise<number | DomainError> {
  const args = liveArgs(symbol, exchange);
  if (isDomainError(args)) return args;
  const { market: m } = service();
  try {
    return await m.intervalHours(args.exchange, args.symbol);
  } catch (e) {
    return missing(m.describe(args.exchange, e));
  }
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
  const { market: m } = service();
  let events: FundingEvent[];
  try {
    events = await m.history(args.exchange, args.symbol, d.toNumber());
  } catch (e) {
    return missing(m.describe(args.exchange, e));
  }
  if (events.length === 0) return missing(`${args.exchange} has no funding events for ${args.symbol} in the last ${d.toString()} days`);
  return events.map((e) => [excelSerial(e.time), e.rate]);
}
