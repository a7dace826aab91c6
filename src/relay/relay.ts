/**
 * The market-data relay: the add-in's pages ask their own origin (`/binance/fapi/v1/premiumIndex`)
 * and the relay asks the exchange. A browser page may only read another host's answer when that
 * host sends CORS headers, and Binance's and Bybit's public APIs do not; the relay makes every
 * live call same-origin.
 *
 * What it forwards is the allow-list of src/live/endpoints.ts, exactly: the method, the path, the
 * query parameters and POST bodies listed there, to the one upstream host configured for the
 * venue. Anything else is refused before any upstream request. No client header is passed on
 * (no cookies, no authorization), none of the exchange's headers comes back, redirects are not
 * followed, nothing is stored but answers for their lifetime.
 *
 * However many users poll, each distinct request goes upstream at most once per its lifetime:
 * concurrent identical requests share one upstream call, answers are reused for the poll
 * interval and say so in Cache-Control (so a CDN in front can serve them too), and an exchange's
 * 429/418 + Retry-After (or a rate-limit answer in another status: Deribit's error 10028) is
 * honoured once for everyone.
 *
 * Web-standard only (fetch, Request, Response, URL): the same code runs in Node and on edge
 * runtimes (see node.ts and worker.ts).
 */
import { RELAY_HEADER } from "../live/http";
import { Venue, VENUES } from "../live/exchange-names";
import { checkBody, checkQuery, DEFAULT_BASE_URLS, Endpoint, findEndpoint, isRateLimitAnswer } from "../live/endpoints";

export interface RelayOptions {
  /** Each venue's upstream base URL (the exchanges' own, or a fixture/private host). */
  upstream: Record<Venue, string>;
  /** How long a polled answer is reused: the add-in's poll interval. */
  pollMs: number;
  /** Deadline for each upstream request; shorter than the add-in's own (10 s). */
  timeoutMs: number;
  /** Wait after a 429/418 that gives no Retry-After. */
  defaultBackoffMs: number;
  /** At most this many answers are kept (the oldest go first). */
  maxEntries: number;
  fetch: typeof fetch;
  now: () => number;
}

export const DEFAULT_RELAY_OPTIONS: Omit<RelayOptions, "fetch" | "now"> = {
  upstream: { ...DEFAULT_BASE_URLS },
  pollMs: 30000,
  timeoutMs: 8000,
  defaultBackoffMs: 30000,
  maxEntries: 5000,
};

/** POST bodies larger than this are refused (the largest allowed body is under 150 bytes). */
export const MAX_BODY_BYTES = 1024;
/** Upstream answers larger than this are refused (Bybit's linear tickers, the largest, are ~1 MB). */
const MAX_UPSTREAM_BYTES = 8 * 1024 * 1024;

/** An upstream answer as the relay keeps and serves it. */
interface Answer {
  status: number;
  body: string;
  /** When it stops being fresh (ms since 1970); 0 for an answer never reused. */
  expires: number;
  retryAfterS?: number;
}

/** The exchange's prefix of a path: "/binance/…" → "binance". */
export function venueOf(path: string): Venue | undefined {
  const first = path.split("/")[1];
  return (VENUES as readonly string[]).includes(first) ? (first as Venue) : undefined;
}

export class Relay {
  private readonly answers = new Map<string, Answer>();
  private readonly inFlight = new Map<string, Promise<Answer>>();
  private readonly blockedUntil = new Map<Venue, number>();
  /** Upstream requests made, by "exchange path" (for tests and the benchmark). */
  readonly upstreamRequests = new Map<string, number>();

  constructor(readonly options: RelayOptions) {}

  /** Answers a request for `/{exchange}/{path}`; anything outside the allow-list is refused here. */
  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // The raw path, still percent-encoded: "%2F" or ".." never becomes a separator or a step up.
    const raw = url.pathname;
    const exchange = venueOf(raw);
    if (!exchange) return refuse(404, "not a relayed path");
    if (/%|\.\.|\/\/|\\/.test(raw)) return refuse(404, "not an allowed path");
    const path = raw.slice(exchange.length + 1);
    const endpoint = findEndpoint(exchange, request.method, path);
    if (!endpoint) {
      const otherMethod = findEndpoint(exchange, request.method === "GET" ? "POST" : "GET", path);
      return otherMethod ? refuse(405, `${path} takes ${otherMethod.method}`) : refuse(404, "not an allowed path");
    }
    const params = new URLSearchParams(url.search);
    const queryProblem = checkQuery(endpoint, params);
    if (queryProblem) return refuse(400, queryProblem);
    let body: string | undefined;
    if (endpoint.method === "POST") {
      const read = await readBody(request);
      if ("refused" in read) return refuse(read.status, read.refused);
      const checked = checkBody(endpoint, read.json);
      if ("refused" in checked) return refuse(400, checked.refused);
      body = checked.canonical;
    }
    const query = canonicalQuery(params);
    const key = `${exchange} ${endpoint.method} ${path}${query} ${body ?? ""}`;
    return this.respond(await this.answer(exchange, endpoint, path + query, key, body));
  }

  private async answer(exchange: Venue, endpoint: Endpoint, pathAndQuery: string, key: string, body?: string): Promise<Answer> {
    const now = this.options.now();
    const kept = this.answers.get(key);
    if (kept && kept.expires > now) return kept;
    const blocked = this.blockedUntil.get(exchange) ?? 0;
    if (blocked > now) return rateLimited(exchange, Math.ceil((blocked - now) / 1000));
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetchUpstream(exchange, endpoint, pathAndQuery, body).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const answer = await pending;
    if (answer.expires > this.options.now()) this.keep(key, answer);
    return answer;
  }

  private keep(key: string, answer: Answer): void {
    this.answers.delete(key);
    this.answers.set(key, answer);
    if (this.answers.size <= this.options.maxEntries) return;
    const now = this.options.now();
    for (const [k, a] of this.answers) if (a.expires <= now) this.answers.delete(k);
    // Still too many: drop the oldest (a Map keeps insertion order).
    for (const k of this.answers.keys()) {
      if (this.answers.size <= this.options.maxEntries) break;
      this.answers.delete(k);
    }
  }

  private async fetchUpstream(exchange: Venue, endpoint: Endpoint, pathAndQuery: string, body?: string): Promise<Answer> {
    const counted = `${exchange} ${endpoint.path}`;
    this.upstreamRequests.set(counted, (this.upstreamRequests.get(counted) ?? 0) + 1);
    const base = this.options.upstream[exchange].replace(/\/$/, "");
    const controller = new AbortController();
    const seconds = this.options.timeoutMs / 1000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve("timeout");
      }, this.options.timeoutMs);
    });
    try {
      const response = await Promise.race([
        this.options.fetch(`${base}${pathAndQuery}`, {
          method: endpoint.method,
          // Only what the exchange needs: no cookie, no authorization, nothing from the client.
          headers:
            body === undefined
              ? { Accept: "application/json" }
              : { Accept: "application/json", "Content-Type": "application/json" },
          body,
          redirect: "manual",
          credentials: "omit",
          signal: controller.signal,
        }),
        deadline,
      ]);
      if (response === "timeout") return upstreamFailure(504, `${exchange} did not answer within ${seconds} s`);
      const now = this.options.now();
      if (response.status === 429 || response.status === 418) {
        const retryAfter = Number(response.headers.get("retry-after"));
        const waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : this.options.defaultBackoffMs;
        this.blockedUntil.set(exchange, now + waitMs);
        void response.body?.cancel();
        return { ...rateLimited(exchange, Math.ceil(waitMs / 1000)), status: response.status };
      }
      if (response.status >= 300 && response.status < 400) {
        void response.body?.cancel();
        return upstreamFailure(
          502,
          `${exchange} answered with a redirect (HTTP ${response.status}), which the relay does not follow`,
        );
      }
      if (response.status >= 500) {
        void response.body?.cancel();
        return upstreamFailure(502, `${exchange} answered HTTP ${response.status}`);
      }
      const text = await Promise.race([readCapped(response, MAX_UPSTREAM_BYTES), deadline]);
      if (text === "timeout") return upstreamFailure(504, `${exchange} did not finish its answer within ${seconds} s`);
      if (text === null) return upstreamFailure(502, `${exchange} sent more than ${MAX_UPSTREAM_BYTES / 1048576} MB`);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return upstreamFailure(502, `${exchange} sent a response that is not JSON (HTTP ${response.status})`);
      }
      if (isRateLimitAnswer(exchange, json)) {
        const waitMs = this.options.defaultBackoffMs;
        this.blockedUntil.set(exchange, now + waitMs);
        return rateLimited(exchange, Math.ceil(waitMs / 1000));
      }
      const lifetime = endpoint.maxAgeMs === "poll" ? this.options.pollMs : endpoint.maxAgeMs;
      return { status: response.status, body: text, expires: now + lifetime };
    } catch (e) {
      return upstreamFailure(502, `${exchange} is unreachable (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      clearTimeout(timer);
    }
  }

  private respond(answer: Answer): Response {
    const headers: Record<string, string> = {
      "Content-Type": "application/json; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      [RELAY_HEADER]: "1",
    };
    const left = Math.ceil((answer.expires - this.options.now()) / 1000);
    if (answer.expires > 0 && left > 0) {
      // Shared caches (a CDN in front) may serve it for what is left of its lifetime, as the relay does.
      headers["Cache-Control"] = `public, max-age=${left}, s-maxage=${left}`;
    } else {
      headers["Cache-Control"] = "no-store";
    }
    if (answer.retryAfterS !== undefined) headers["Retry-After"] = String(answer.retryAfterS);
    return new Response(answer.body, { status: answer.status, headers });
  }
}

function rateLimited(exchange: Venue, seconds: number): Answer {
  return {
    status: 429,
    body: JSON.stringify({ relay: `${exchange} rate limit: the relay waits ${seconds} s before asking again` }),
    expires: 0,
    retryAfterS: seconds,
  };
}

function upstreamFailure(status: 502 | 504, message: string): Answer {
  return { status, body: JSON.stringify({ relay: message }), expires: 0 };
}

/** The relay's own refusal: nothing was forwarded. */
export function refuse(status: number, message: string): Response {
  return new Response(JSON.stringify({ relay: message }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", [RELAY_HEADER]: "1" },
  });
}

/** Parameters in a fixed order, so the same question is the same cache entry. */
function canonicalQuery(params: URLSearchParams): string {
  const entries = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return "";
  return `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`;
}

async function readBody(request: Request): Promise<{ json: unknown } | { refused: string; status: number }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) return { refused: "the body must be application/json", status: 415 };
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) return { refused: `the body is larger than ${MAX_BODY_BYTES} bytes`, status: 413 };
  const text = await readCapped(request, MAX_BODY_BYTES);
  if (text === null) return { refused: `the body is larger than ${MAX_BODY_BYTES} bytes`, status: 413 };
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { refused: "the body is not JSON", status: 400 };
  }
}

/** A body as text, or null past `max` bytes (stops reading there: a huge body is never buffered). */
async function readCapped(message: Request | Response, max: number): Promise<string | null> {
  if (!message.body) return "";
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
