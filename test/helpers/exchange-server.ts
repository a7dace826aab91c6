/**
 * A local stand-in for the five exchanges' public REST APIs (and Binance COIN-M's host), on 127.0.0.1: responses shaped
 * exactly like the documented ones (test/fixtures/exchanges, see SOURCES.md there), funding
 * history generated on the fly and paged with each API's own parameters, and switches to
 * misbehave (down, slow, rate-limited, 5xx) per exchange. Tests never touch the internet.
 */
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as path from "path";
import { Venue, VENUES } from "../../src/live/exchange-names";

const FIXTURES = path.resolve(__dirname, "../fixtures/exchanges");

/**
 * "rate-limited": HTTP 429 with Retry-After; "rpc-rate-limited": Deribit's JSON-RPC error 10028
 * too_many_requests in an HTTP 400, without Retry-After (its real status is not documented).
 */
export type Mode = "ok" | "down" | "slow" | "rate-limited" | "rpc-rate-limited" | "server-error" | "redirect" | "malformed";

export function fixture<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8")) as T;
}

type Json = Record<string, unknown>;

/**
 * The fixtures' own "now": the time the exchange answers in test/fixtures/exchanges were taken
 * (2026-11-22T19:30Z). A test that reads dated contracts or a "last N days" window from these
 * fixtures runs its clock from here, never from the machine's date.
 */
export const SNAPSHOT = Date.UTC(2026, 10, 22, 19, 30);

/** Synthetic funding history: one event every `intervalMs` ending at `end`, rates varying. */
export function syntheticHistory(end: number, intervalMs: number, days: number): { time: number; rate: string }[] {
  const out: { time: number; rate: string }[] = [];
  const first = end - days * 86400000;
  const start = Math.ceil(first / intervalMs) * intervalMs;
  for (let t = start, i = 0; t <= end; t += intervalMs, i++)
    out.push({ time: t, rate: (0.0001 + ((i % 7) - 3) * 0.00001).toFixed(8) });
  return out;
}

export class ExchangeServer {
  private server: http.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  readonly modes: Record<string, Mode> = Object.fromEntries(VENUES.map((ex) => [ex, "ok"]));
  /** Requests received, by "exchange path". */
  readonly hits = new Map<string, number>();
  /** The headers of every request received, in order. */
  readonly requestHeaders: http.IncomingHttpHeaders[] = [];
  retryAfterSeconds = 2;
  slowMs = 3000;
  /** End of the generated histories (ms) and how far back they go. */
  historyEnd = Date.UTC(2026, 10, 25, 8);
  historyDays = 1200;

  get base(): Record<Venue, string> {
    const b = `http://127.0.0.1:${this.port}`;
    return Object.fromEntries(VENUES.map((ex) => [ex, `${b}/${ex}`])) as Record<Venue, string>;
  }

  hitCount(prefix: string): number {
    let n = 0;
    for (const [k, v] of this.hits) if (k.startsWith(prefix)) n += v;
    return n;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server!.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const [, exchange, ...rest] = url.pathname.split("/");
    const route = `/${rest.join("/")}`;
    const key = `${exchange} ${route}`;
    this.hits.set(key, (this.hits.get(key) ?? 0) + 1);
    this.requestHeaders.push(req.headers);
    const body = await new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (c) => (data += c));
      req.on("end", () => resolve(data));
    });
    const mode = this.modes[exchange] ?? "ok";
    if (mode === "down") {
      req.socket.destroy();
      return;
    }
    if (mode === "slow") await new Promise((r) => setTimeout(r, this.slowMs));
    if (mode === "rate-limited") {
      res.writeHead(429, { "Content-Type": "application/json", "Retry-After": String(this.retryAfterSeconds) });
      res.end(JSON.stringify({ code: -1003, msg: "Too many requests" }));
      return;
    }
    if (mode === "rpc-rate-limited") {
      res.writeHead(400, { "Content-Type": "application/json" });
      res.end(JSON.stringify(fixture("deribit/error-too-many-requests.json")));
      return;
    }
    if (mode === "redirect") {
      res.writeHead(302, { Location: `http://127.0.0.1:${this.port}/elsewhere${route}` });
      res.end();
      return;
    }
    if (mode === "malformed") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"symbol": "BTCUSDT", "markPrice": ');
      return;
    }
    if (mode === "server-error") {
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end("<html>Bad gateway</html>");
      return;
    }
    const answer = this.answer(exchange, route, url.searchParams, body);
    if (res.destroyed) return;
    // A cookie, as some exchanges' CDNs set: the relay must never pass it to the add-in.
    res.writeHead(answer.status, { "Content-Type": "application/json", "Set-Cookie": "__cf_bm=fixture; Path=/; HttpOnly" });
    res.end(JSON.stringify(answer.json));
  }

  private answer(exchange: string, route: string, q: URLSearchParams, body: string): { status: number; json: unknown } {
    const ok = (json: unknown) => ({ status: 200, json });
    const num = (name: string, dflt: number) => (q.has(name) ? Number(q.get(name)) : dflt);
    switch (`${exchange} ${route}`) {
      case "binance /fapi/v1/premiumIndex":
        return ok(fixture("binance/premiumIndex-all.json"));
      case "binance /fapi/v1/exchangeInfo":
        return ok(fixture("binance/exchangeInfo.json"));
      case "binance-coinm /dapi/v1/exchangeInfo":
        return ok(fixture("binance-coinm/exchangeInfo.json"));
      case "binance-coinm /dapi/v1/premiumIndex":
        return ok(fixture("binance-coinm/premiumIndex-all.json"));
      case "binance /fapi/v1/fundingInfo":
        return ok(fixture("binance/fundingInfo.json"));
      case "binance /fapi/v1/fundingRate": {
        const symbol = q.get("symbol");
        const known = fixture<Json[]>("binance/premiumIndex-all.json").some((x) => x.symbol === symbol);
        if (!known) return { status: 400, json: fixture("binance/error-invalid-symbol.json") };
        const [template] = fixture<Json[]>("binance/fundingRate-BTCUSDT.json");
        const limit = Math.min(num("limit", 100), 1000);
        const events = syntheticHistory(this.historyEnd, 8 * 3600000, this.historyDays)
          .filter((e) => e.time >= num("startTime", 0) && e.time <= num("endTime", Infinity))
          .slice(0, limit);
        return ok(events.map((e) => ({ ...template, symbol, fundingRate: e.rate, fundingTime: e.time })));
      }
      case "bybit /v5/market/tickers":
        return ok(fixture(q.get("category") === "inverse" ? "bybit/tickers-inverse-all.json" : "bybit/tickers-linear-all.json"));
      case "bybit /v5/market/instruments-info":
        return ok(
          fixture(q.get("category") === "inverse" ? "bybit/instruments-info-inverse.json" : "bybit/instruments-info-linear.json"),
        );
      case "bybit /v5/market/funding/history": {
        const symbol = q.get("symbol");
        const tickers = fixture<{ result: { list: Json[] } }>("bybit/tickers-linear-all.json");
        if (!tickers.result.list.some((x) => x.symbol === symbol)) return ok(fixture("bybit/error-invalid-symbol.json"));
        const page = fixture<{ result: { list: Json[] } } & Json>("bybit/funding-history-BTCUSDT.json");
        const limit = Math.min(num("limit", 200), 200);
        const events = syntheticHistory(this.historyEnd, 8 * 3600000, this.historyDays)
          .filter((e) => e.time >= num("startTime", 0) && e.time <= num("endTime", Infinity))
          .reverse()
          .slice(0, limit);
        const [template] = page.result.list;
        return ok({
          ...page,
          result: {
            ...page.result,
            list: events.map((e) => ({ ...template, symbol, fundingRate: e.rate, fundingRateTimestamp: String(e.time) })),
          },
        });
      }
      case "okx /api/v5/public/funding-rate": {
        const instId = q.get("instId");
        if (instId === "ANY") {
          // Documented: instId=ANY answers every perpetual, in the same shape.
          const files = fs
            .readdirSync(path.join(FIXTURES, "okx"))
            .filter((f) => /^funding-rate-[A-Z0-9]+-[A-Z]+-SWAP\.json$/.test(f));
          const data = files.flatMap((f) => fixture<{ data: Json[] }>(`okx/${f}`).data);
          return ok({ ...fixture<Json>("okx/funding-rate-BTC-USDT-SWAP.json"), data });
        }
        const file = `okx/funding-rate-${instId}.json`;
        return ok(fs.existsSync(path.join(FIXTURES, file)) ? fixture(file) : fixture("okx/error-invalid-instId.json"));
      }
      case "okx /api/v5/public/mark-price":
        return ok(fixture(q.get("instType") === "FUTURES" ? "okx/mark-price-FUTURES.json" : "okx/mark-price-SWAP.json"));
      case "okx /api/v5/public/instruments":
        return ok(fixture("okx/instruments-FUTURES.json"));
      case "okx /api/v5/market/index-tickers":
        return ok(fixture(q.get("quoteCcy") === "USD" ? "okx/index-tickers-USD.json" : "okx/index-tickers.json"));
      case "okx /api/v5/public/funding-rate-history": {
        const instId = q.get("instId");
        if (!fs.existsSync(path.join(FIXTURES, `okx/funding-rate-${instId}.json`)))
          return ok(fixture("okx/error-invalid-instId.json"));
        const page = fixture<{ data: Json[] } & Json>("okx/funding-rate-history-BTC-USDT-SWAP.json");
        const limit = Math.min(num("limit", 100), 400);
        const events = syntheticHistory(this.historyEnd, 8 * 3600000, this.historyDays)
          .filter((e) => e.time < num("after", Infinity) && e.time > num("before", -Infinity))
          .reverse()
          .slice(0, limit);
        const [template] = page.data;
        return ok({
          ...page,
          data: events.map((e) => ({
            ...template,
            instId,
            fundingRate: e.rate,
            realizedRate: e.rate,
            fundingTime: String(e.time),
          })),
        });
      }
      case "hyperliquid /info": {
        const request = JSON.parse(body || "{}") as Json;
        if (request.type === "metaAndAssetCtxs") return ok(fixture("hyperliquid/metaAndAssetCtxs.json"));
        if (request.type === "fundingHistory") {
          const [template] = fixture<Json[]>("hyperliquid/fundingHistory-BTC.json");
          const start = Number(request.startTime ?? 0);
          const end = request.endTime === undefined ? Infinity : Number(request.endTime);
          const events = syntheticHistory(this.historyEnd, 3600000, this.historyDays)
            .filter((e) => e.time >= start && e.time <= end)
            .slice(0, 500);
          return ok(events.map((e) => ({ ...template, coin: request.coin, fundingRate: e.rate, time: e.time })));
        }
        return { status: 422, json: "Failed to deserialize the JSON body" };
      }
      case "deribit /api/v2/public/get_book_summary_by_currency": {
        const file = `deribit/get_book_summary_by_currency-${q.get("currency")}-${q.get("kind")}.json`;
        if (fs.existsSync(path.join(FIXTURES, file))) return ok(fixture(file));
        return { status: 400, json: fixture("deribit/error-invalid-currency.json") };
      }
      case "deribit /api/v2/public/get_instruments": {
        const file = `deribit/get_instruments-${q.get("currency")}-${q.get("kind")}.json`;
        if (fs.existsSync(path.join(FIXTURES, file))) return ok(fixture(file));
        return { status: 400, json: fixture("deribit/error-invalid-currency.json") };
      }
      case "deribit /api/v2/public/get_funding_rate_history": {
        const name = q.get("instrument_name");
        const listed = ["BTC", "ETH", "USDC"].some((c) =>
          fixture<{ result: Json[] }>(`deribit/get_book_summary_by_currency-${c}-future.json`).result.some(
            (x) => x.instrument_name === name && String(name).endsWith("-PERPETUAL"),
          ),
        );
        if (!listed) return { status: 400, json: fixture("deribit/error-instrument-not-found.json") };
        const page = fixture<{ result: Json[] } & Json>("deribit/get_funding_rate_history-BTC-PERPETUAL.json");
        const [template] = page.result;
        // Hourly rows: interest_1h an eighth of the generated 8-hour rate, interest_8h the trailing
        // 8 hours' sum; a row stamped exactly at start_timestamp is not returned (as reported), at
        // most 744 rows (as ccxt reports).
        const hours = syntheticHistory(this.historyEnd, 3600000, this.historyDays).map((e) => ({
          time: e.time,
          interest1h: Number(e.rate) / 8,
        }));
        const start = num("start_timestamp", 0);
        const end = num("end_timestamp", Infinity);
        const rows: Json[] = [];
        hours.forEach((h, i) => {
          if (h.time <= start || h.time > end || rows.length >= 744) return;
          const trailing = hours.slice(Math.max(0, i - 7), i + 1).reduce((sum, x) => sum + x.interest1h, 0);
          rows.push({ ...template, timestamp: h.time, interest_8h: trailing, interest_1h: h.interest1h });
        });
        return ok({ ...page, result: rows });
      }
      default:
        return { status: 404, json: { error: `no route ${exchange} ${route}` } };
    }
  }
}
