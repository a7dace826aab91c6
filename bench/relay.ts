/**
 * The relay's latency for a cached answer (what every user but the first in a poll gets), as
 * percentiles over many requests on loopback, against a baseline measured in the same run: a
 * bare Node HTTP server sending the same bytes, the floor for any answer over HTTP here.
 */
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as path from "path";
import { performance } from "perf_hooks";
import { startRelay } from "../src/relay/node";

const REQUESTS = 20000;
const CONCURRENCY = 32;

export interface RelayRow {
  requests: number;
  concurrency: number;
  bodyBytes: number;
  relayP50Ms: number;
  relayP99Ms: number;
  bareP50Ms: number;
  bareP99Ms: number;
  p99VsBare: number;
  upstreamRequests: number;
}

function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as net.AddressInfo).port }));
  });
}

async function latencies(port: number, urlPath: string): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const times: number[] = [];
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const t0 = performance.now();
      http
        .get({ host: "127.0.0.1", port, path: urlPath, agent }, (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
            times.push(performance.now() - t0);
            resolve();
          });
        })
        .on("error", reject);
    });
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) await one();
    }),
  );
  agent.destroy();
  return times.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

export async function relayBench(root: string): Promise<RelayRow> {
  const body = fs.readFileSync(path.join(root, "test/fixtures/exchanges/binance/premiumIndex-all.json"));
  let upstreamRequests = 0;
  const upstream = await listen((_req, res) => {
    upstreamRequests++;
    res.writeHead(200, { "Content-Type": "application/json" }).end(body);
  });
  const bare = await listen((_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(body));
  const base = `http://127.0.0.1:${upstream.port}`;
  const relay = await startRelay({
    port: 0,
    host: "127.0.0.1",
    relay: {
      upstream: { binance: base, "binance-coinm": base, bybit: base, okx: base, hyperliquid: base, deribit: base },
      pollMs: 10 * 60000,
    },
  });
  try {
    await latencies(relay.port, "/binance/fapi/v1/premiumIndex"); // warm-up (and the one upstream request)
    await latencies(bare.port, "/");
    const viaRelay = await latencies(relay.port, "/binance/fapi/v1/premiumIndex");
    const floor = await latencies(bare.port, "/");
    return {
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      bodyBytes: body.length,
      relayP50Ms: pct(viaRelay, 0.5),
      relayP99Ms: pct(viaRelay, 0.99),
      bareP50Ms: pct(floor, 0.5),
      bareP99Ms: pct(floor, 0.99),
      p99VsBare: pct(viaRelay, 0.99) / pct(floor, 0.99),
      upstreamRequests,
    };
  } finally {
    await relay.close();
    upstream.server.close();
    bare.server.close();
  }
}
