/**
 * One shared cache for every cell: a workbook full of LEGS.FUNDINGRATE formulas makes one request
 * per (exchange, endpoint) per poll. Concurrent asks for the same key share the request in
 * flight; a fresh answer is reused; each exchange's health (rate-limit back-off, unreachable
 * since) is tracked so that no request is sent while we are told to wait.
 */
import { MarketError } from "./types";

interface Entry {
  value?: unknown;
  at?: number;
  inflight?: Promise<unknown>;
}

export interface Health {
  /** No request to this exchange before this time (ms): a rate limit's Retry-After. */
  blockedUntil: number;
  /** When the exchange stopped answering, or null while it answers. */
  unreachableSince: number | null;
}

export class SharedCache {
  private readonly entries = new Map<string, Entry>();
  private readonly health = new Map<string, Health>();
  /** Requests actually sent, by exchange (for tests and the benchmark). */
  readonly requests = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  healthOf(exchange: string): Health {
    let h = this.health.get(exchange);
    if (!h) {
      h = { blockedUntil: 0, unreachableSince: null };
      this.health.set(exchange, h);
    }
    return h;
  }

  /**
   * The value under `key` if younger than `maxAgeMs`, else what `load` fetches (one load at a
   * time per key). Failures are not cached, but they update the exchange's health.
   */
  async get<T>(exchange: string, key: string, maxAgeMs: number, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key) ?? {};
    this.entries.set(key, entry);
    if (entry.at !== undefined && this.now() - entry.at < maxAgeMs) return entry.value as T;
    if (entry.inflight) return entry.inflight as Promise<T>;
    const health = this.healthOf(exchange);
    if (this.now() < health.blockedUntil) {
      throw new MarketError("rate-limited", `${exchange} asked us to wait (rate limit)`, health.blockedUntil);
    }
    this.requests.set(exchange, (this.requests.get(exchange) ?? 0) + 1);
    // Aged from when it was asked, not when it arrived: polls start pollMs apart, so an answer
    // stamped on arrival would still look fresh at the next poll and be reused, halving the
    // refresh rate whenever the venue takes any time to answer.
    const askedAt = this.now();
    const p = load().then(
      (value) => {
        entry.value = value;
        entry.at = askedAt;
        entry.inflight = undefined;
        health.unreachableSince = null;
        return value;
      },
      (e: unknown) => {
        entry.inflight = undefined;
        if (e instanceof MarketError && e.kind === "rate-limited" && e.retryAt) health.blockedUntil = e.retryAt;
        if (e instanceof MarketError && e.kind === "unreachable") health.unreachableSince ??= this.now();
        throw e;
      },
    );
    entry.inflight = p;
    return p;
  }

  clear(): void {
    this.entries.clear();
    this.health.clear();
    this.requests.clear();
  }
}
