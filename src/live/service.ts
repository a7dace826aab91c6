/**
 * The runtime's one market-data service and stream hub. This module (and everything it pulls
 * in: the exchange adapters, HTTP, cache) is a separate chunk, live.js, loaded the first time a
 * live function is called, so functions.js stays small for the math that every sheet uses.
 */
import type { Exchange } from "./exchange-names";
import { defaultConfig, MarketConfig, MarketData, TickerField } from "./market";
import { StreamHub } from "./streams";
import { boardCells, BoardCell, readBoardRequest } from "../functions/fundingboard";
import { DomainError, invalid, isDomainError } from "../core/errors";
import { describe, isBlank, single } from "../functions/cells";
import { MARGINS } from "./futures";
import { boardQuotes } from "./funding-board";

let market: MarketData | null = null;
let hub: StreamHub | null = null;

function newHub(config: MarketConfig): StreamHub {
  return new StreamHub({
    pollMs: config.pollMs,
    staleAfterMs: config.staleAfterMs,
    now: config.now,
    setInterval: (f, ms) => setInterval(f, ms),
    clearInterval: (t) => clearInterval(t),
  });
}

export function service(): { market: MarketData; hub: StreamHub } {
  if (!market || !hub) {
    const config = defaultConfig();
    market = new MarketData(config);
    hub = newHub(config);
  }
  return { market, hub };
}

/** Replaces the service's settings (tests: a local fixture server, short polls). */
export function configure(overrides: Partial<MarketConfig>): MarketData {
  hub?.stopAll();
  const config = { ...defaultConfig(), ...overrides };
  market = new MarketData(config);
  hub = newHub(config);
  return market;
}

/** What the live functions ask of the service; failures come back as the message a cell shows. */
export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

async function ask<T>(exchange: Exchange, read: (m: MarketData) => Promise<T>): Promise<Answer<T>> {
  const { market: m } = service();
  try {
    return { ok: true, value: await read(m) };
  } catch (e) {
    return { ok: false, message: m.describe(exchange, e) };
  }
}

/** Subscribes a cell to one ticker field; returns the function that unsubscribes it. */
export function stream(
  field: TickerField,
  exchange: Exchange,
  symbol: string,
  sink: { value(v: number): void; error(message: string): void },
): () => void {
  const { market: m, hub: h } = service();
  return h.subscribe(
    `${exchange}:${symbol.toUpperCase()}:${field}`,
    async () => (await m.ticker(exchange, symbol))[field],
    (e) => m.describe(exchange, e),
    sink,
  );
}

/**
 * Subscribes a cell to LEGS.FUTURES' table of an asset (upper case), of one margin family when
 * `margin` says so; returns the function that unsubscribes it.
 */
export function streamFutures(
  exchange: Exchange,
  asset: string,
  margin: unknown,
  sink: { value(rows: (string | number)[][]): void; error(message: string | DomainError): void },
): () => void {
  // Read here, in live.js: functions.js has no room for it.
  const family = single("margin", margin);
  const found = typeof family === "string" ? MARGINS.find((x) => x === family.trim().toLowerCase()) : undefined;
  if (isDomainError(family)) {
    sink.error(family); // a range of several cells: "margin takes a single value (got a 1×2 range)"
    return () => undefined;
  }
  if (!isBlank(family) && !found) {
    sink.error(
      invalid(
        `margin must be "linear" (USDT/USDC-margined), "inverse" (coin-margined) or blank for both (got ${describe(family)})`,
      ),
    );
    return () => undefined;
  }
  const { market: m, hub: h } = service();
  return h.subscribe(
    `${exchange}:${asset}:futures:${found ?? ""}`,
    () => m.futures(exchange, asset, found ?? null),
    (e) => m.describe(exchange, e),
    sink,
  );
}

/**
 * Subscribes a cell to LEGS.FUNDINGBOARD (its raw arguments are read here, in live.js); cells
 * with the same symbols, venues and horizon share one poll. A bad argument is reported at once.
 */
export function streamFundingBoard(
  symbols: unknown,
  exchanges: unknown,
  horizon: unknown,
  sink: { value(rows: BoardCell[][]): void; error(e: string | DomainError): void },
): () => void {
  const req = readBoardRequest(symbols, exchanges, horizon);
  if (isDomainError(req)) {
    sink.error(req);
    return () => undefined;
  }
  const { market: m, hub: h } = service();
  const key = `board:${req.venues.join(",")}:${req.horizonHours.toString()}:${JSON.stringify(req.symbols)}`;
  return h.subscribe(
    key,
    async () => boardCells(req, await boardQuotes(m, req)),
    // The board's reads report failures in their cells; only a programming error lands here.
    (e) => `funding board: ${e instanceof Error ? e.message : String(e)}`,
    sink,
  );
}

export const interval = (exchange: Exchange, symbol: string): Promise<Answer<number>> =>
  ask(exchange, (m) => m.intervalHours(exchange, symbol));

/** [[Excel date serial (UTC), rate], …] oldest first. */
export async function history(exchange: Exchange, symbol: string, days: number): Promise<Answer<number[][]>> {
  const events = await ask(exchange, (m) => m.history(exchange, symbol, days));
  if (!events.ok) return events;
  if (events.value.length === 0)
    return { ok: false, message: `${exchange} has no funding events for ${symbol} in the last ${days} days` };
  return { ok: true, value: events.value.map((e) => [e.time / 86400000 + 25569, e.rate]) };
}
