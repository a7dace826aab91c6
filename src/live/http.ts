/**
 * JSON over HTTP with a deadline on every request, and the exchanges' failures sorted into
 * MarketErrors: 429/418 are rate limits (with the Retry-After hint), network errors and 5xx are
 * "unreachable". Uses the runtime's fetch (the shared runtime's browser, or Node 18+).
 */
import { MarketError } from "./types";

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
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new MarketError("unreachable", `${exchange} did not answer within ${options.timeoutMs / 1000} s`));
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
    if (response.status === 429 || response.status === 418) {
      const retryAfter = Number(response.headers.get("retry-after"));
      const waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : DEFAULT_BACKOFF_MS;
      // Up to 25 % more, so many clients told the same Retry-After do not all return at once.
      const jittered = Math.round(waitMs * (1 + 0.25 * options.random()));
      throw new MarketError("rate-limited", `${exchange} rate limit (HTTP ${response.status})`, options.now() + jittered);
    }
    if (response.status >= 500) throw new MarketError("unreachable", `${exchange} answered HTTP ${response.status}`);
    const text = await Promise.race([response.text(), deadline]);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MarketError("bad-response", `${exchange} sent a response that is not JSON (HTTP ${response.status})`);
    }
    return { status: response.status, json };
  } catch (e) {
    if (e instanceof MarketError) throw e;
    throw new MarketError("unreachable", `${exchange} is unreachable (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
