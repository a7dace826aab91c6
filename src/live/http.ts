/**
 * JSON over HTTP with a deadline on every request, and the exchanges' failures sorted into
 * MarketErrors: 429/418 are rate limits (with the Retry-After hint), and so is an answer the venue
 * marks as one in its body (Deribit's error 10028, see endpoints.ts); network errors and 5xx are
 * "unreachable". Uses the runtime's fetch (the shared runtime's browser, or Node 18+).
 *
 * Through the relay, every answer carries RELAY_HEADER: one without it (a network error, a
 * timeout, some proxy's error page) means the relay itself is down, which the caller may route
 * around; a relay's own error ({"relay": "…"}) says what happened upstream.
 */
import { isRateLimitAnswer } from "./endpoints";
import { MarketError } from "./types";

/** The header the relay puts on every answer (src/relay). */
export const RELAY_HEADER = "x-legwork-relay";

export type Fetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface HttpOptions {
  fetch: Fetch;
  timeoutMs: number;
  now: () => number;
  /** 0 ≤ x < 1, for jittering back-off (Math.random outside tests). */
  random: () => number;
  /** The URL is the relay's. */
  relay?: boolean;
  /** The URL is the exchange's own, asked because the relay is down. */
  direct?: boolean;
}

/** Default wait after a 429 without a Retry-After header. */
const DEFAULT_BACKOFF_MS = 30000;

export async function requestJson(
  exchange: string,
  url: string,
  options: HttpOptions,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const controller = typeof AbortController === "function" ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const who = options.relay ? "the relay" : exchange;
  const route = { relayDown: options.relay, direct: options.direct };
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new MarketError("unreachable", `${who} did not answer within ${options.timeoutMs / 1000} s`, undefined, route));
    }, options.timeoutMs);
  });
  try {
    const init =
      body === undefined
        ? { signal: controller?.signal }
        : {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(body),
            signal: controller?.signal,
          };
    const response = await Promise.race([options.fetch(url, init), deadline]);
    if (options.relay && response.headers.get(RELAY_HEADER) === null) {
      throw new MarketError(
        "unreachable",
        `the relay is unreachable (HTTP ${response.status} from something else)`,
        undefined,
        route,
      );
    }
    if (response.status === 429 || response.status === 418) {
      const retryAfter = Number(response.headers.get("retry-after"));
      const waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : DEFAULT_BACKOFF_MS;
      throw rateLimit(`${exchange} rate limit (HTTP ${response.status})`, waitMs, options);
    }
    if (response.status >= 500) {
      const said = options.relay ? relayMessage(await Promise.race([response.text(), deadline])) : null;
      throw new MarketError("unreachable", said ?? `${exchange} answered HTTP ${response.status}`, undefined, {
        direct: options.direct,
      });
    }
    const text = await Promise.race([response.text(), deadline]);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MarketError("bad-response", `${exchange} sent a response that is not JSON (HTTP ${response.status})`);
    }
    if (isRateLimitAnswer(exchange, json))
      throw rateLimit(`${exchange} rate limit (too_many_requests)`, DEFAULT_BACKOFF_MS, options);
    return { status: response.status, json };
  } catch (e) {
    if (e instanceof MarketError) throw e;
    throw new MarketError(
      "unreachable",
      `${who} is unreachable (${e instanceof Error ? e.message : String(e)})`,
      undefined,
      route,
    );
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** A rate limit: wait `waitMs` plus up to 25 % more, so many clients told the same wait do not all return at once. */
function rateLimit(message: string, waitMs: number, options: HttpOptions): MarketError {
  return new MarketError("rate-limited", message, options.now() + Math.round(waitMs * (1 + 0.25 * options.random())));
}

/** The relay's own account of an upstream failure: {"relay": "binance did not answer within 8 s"}. */
function relayMessage(text: string): string | null {
  try {
    const said = (JSON.parse(text) as { relay?: unknown }).relay;
    return typeof said === "string" ? said : null;
  } catch {
    return null;
  }
}
