/** What every exchange adapter offers, and the helpers they share for reading responses. */
import { FundingEvent, MarketError, Ticker } from "../types";

/** HTTP as the adapters see it: base URL and error handling done by the market service. */
export interface Transport {
  get(path: string, query?: Record<string, string | number>): Promise<{ status: number; json: unknown }>;
  post(path: string, body: unknown): Promise<{ status: number; json: unknown }>;
  /** The shared cache: one request per key however many cells ask. */
  cached<T>(key: string, maxAgeMs: number, load: () => Promise<T>): Promise<T>;
  pollMs: number;
}

/** A perpetual's current funding rate per its own interval. */
export interface Funding {
  rate: number;
  intervalHours: number;
}

export interface ExchangeAdapter {
  /** Live numbers of one perpetual (native symbol), or null when the exchange does not list it. */
  ticker(t: Transport, native: string): Promise<Ticker | null>;
  /** Hours between funding events, or null for an unknown symbol. */
  intervalHours(t: Transport, native: string): Promise<number | null>;
  /**
   * The current funding rate and its interval together, where the venue has both in answers that
   * hold nothing else LEGS.FUNDINGBOARD needs (OKX: funding-rate?instId=ANY, without the mark and
   * index requests of ticker); otherwise the market reads ticker and intervalHours.
   */
  funding?(t: Transport, native: string): Promise<Funding | null>;
  /** Funding events in [startMs, endMs], oldest first, following the API's pages; null for an unknown symbol. */
  history(t: Transport, native: string, startMs: number, endMs: number): Promise<FundingEvent[] | null>;
}

/** Interval data changes rarely: re-read it at most hourly. */
export const INTERVAL_MAX_AGE_MS = 60 * 60 * 1000;

/** A most-pages guard, so a misbehaving API cannot keep a cell busy for ever. */
export const MAX_PAGES = 200;

export function bad(exchange: string, what: string): MarketError {
  return new MarketError("bad-response", `${exchange} sent an unexpected response (${what})`);
}

/** A decimal string or number field as a finite number. */
export function num(exchange: string, v: unknown, what: string): number {
  const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  if (!Number.isFinite(x)) throw bad(exchange, `${what} is ${JSON.stringify(v)}`);
  return x;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function array(exchange: string, v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw bad(exchange, `${what} is not a list`);
  return v;
}

/** Oldest first, each funding time once. */
export function dedupeSorted(events: FundingEvent[]): FundingEvent[] {
  const byTime = new Map(events.map((e) => [e.time, e]));
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}
