/**
 * The relay as a Node process: serves the add-in's files (dist/) and relays `/{exchange}/…`, on
 * HTTPS when given a certificate (npm start: the development certificate), or on plain HTTP
 * behind a TLS-terminating proxy or CDN (a container). Stateless apart from its short-lived
 * cache: any number of replicas can stand behind a load balancer or CDN.
 *
 * Environment: LEGWORK_PORT (3000), LEGWORK_HOST (0.0.0.0), LEGWORK_STATIC_DIR (dist/ beside
 * this build), LEGWORK_TLS_CERT + LEGWORK_TLS_KEY (files; both or neither),
 * LEGWORK_UPSTREAM_BINANCE / _BINANCE_COINM / _BYBIT / _OKX / _HYPERLIQUID / _DERIBIT (each venue's upstream
 * base URL).
 */
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import * as path from "path";
import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Venue, VENUES, venueEnvName } from "../live/exchange-names";
import { relayApp } from "./app";
import { DEFAULT_RELAY_OPTIONS, refuse, Relay, RelayOptions } from "./relay";

export interface NodeRelayOptions {
  port: number;
  host?: string;
  /** The add-in's built files; omitted, the relay serves only `/{exchange}/…`. */
  staticDir?: string;
  tls?: { key: string | Buffer; cert: string | Buffer };
  relay?: Partial<RelayOptions>;
}

export interface RunningRelay {
  relay: Relay;
  server: ServerType;
  port: number;
  close(): Promise<void>;
}

/** Upstream overrides from LEGWORK_UPSTREAM_<VENUE>; the allow-list of paths stays the same. */
export function upstreamFromEnv(env: NodeJS.ProcessEnv): Record<Venue, string> {
  const upstream = { ...DEFAULT_RELAY_OPTIONS.upstream };
  for (const ex of VENUES) {
    const override = env[venueEnvName(ex)];
    if (override) {
      if (!/^https?:\/\/[^\s]+$/.test(override)) throw new Error(`${venueEnvName(ex)} must be an http(s) URL (got ${override})`);
      upstream[ex] = override;
    }
  }
  return upstream;
}

/** A request target that is not a plain path: a step up, a backslash, an encoded dot or slash, another host. */
export function suspiciousTarget(target: string): boolean {
  const path = target.split("?")[0];
  return !path.startsWith("/") || /(^|\/)\.\.?(\/|$)|\\|%2e|%2f|%5c|\/\//i.test(path);
}

export function startRelay(options: NodeRelayOptions): Promise<RunningRelay> {
  const relay = new Relay({
    ...DEFAULT_RELAY_OPTIONS,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    ...options.relay,
  });
  const root = options.staticDir;
  const app = relayApp(relay, root ? serveStatic({ root, index: "index.html" }) : undefined);
  // Slow or stalled clients cannot hold a connection: headers within 5 s, the whole request within
  // 10 s (checked every second, not Node's default 30 s), idle keep-alive sockets closed after 5 s.
  const limits = { headersTimeout: 5000, requestTimeout: 10000, connectionsCheckingInterval: 1000, keepAliveTimeout: 5000 };
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        // The request line as the client sent it: URL parsing would resolve "..", "%2e%2e" and "\"
        // into another path before the relay saw it; such a request is refused instead.
        fetch: (request: Request, env: { incoming: { url?: string } }) =>
          suspiciousTarget(env.incoming.url ?? "") ? refuse(400, "not an allowed path") : app.fetch(request, env),
        port: options.port,
        hostname: options.host ?? "0.0.0.0",
        ...(options.tls
          ? { createServer: https.createServer, serverOptions: { ...limits, key: options.tls.key, cert: options.tls.cert } }
          : { serverOptions: limits }),
      },
      (info) => {
        resolve({
          relay,
          server,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              (server as http.Server).closeAllConnections?.();
              server.close(() => done());
            }),
        });
      },
    );
    (server as http.Server).on("error", reject);
  });
}

/** `node build/relay/server.js`: the relay from the environment, until SIGTERM or SIGINT. */
export async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.LEGWORK_PORT ?? 3000);
  const staticDir = env.LEGWORK_STATIC_DIR ?? path.resolve(__dirname, "../../dist");
  if (!fs.existsSync(path.join(staticDir, "functions.json"))) {
    throw new Error(
      `${staticDir} holds no built add-in (functions.json): run \`npm run build\` first, or set LEGWORK_STATIC_DIR`,
    );
  }
  if (Boolean(env.LEGWORK_TLS_CERT) !== Boolean(env.LEGWORK_TLS_KEY))
    throw new Error("set both LEGWORK_TLS_CERT and LEGWORK_TLS_KEY, or neither");
  const tls = env.LEGWORK_TLS_CERT
    ? { cert: fs.readFileSync(env.LEGWORK_TLS_CERT), key: fs.readFileSync(env.LEGWORK_TLS_KEY!) }
    : undefined;
  const running = await startRelay({ port, host: env.LEGWORK_HOST, staticDir, tls, relay: { upstream: upstreamFromEnv(env) } });
  console.log(
    `Legwork relay on ${tls ? "https" : "http"}://${env.LEGWORK_HOST ?? "0.0.0.0"}:${running.port} serving ${staticDir}`,
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
