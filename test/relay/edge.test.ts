/**
 * The edge build of the relay (build/relay/worker.js, an ES module exporting `{ fetch }` as
 * Cloudflare Workers, Deno and Bun call it) runs with web-standard APIs alone: it is evaluated as
 * a module in a vm context that has only the web platform's globals (no process, Buffer, require,
 * setImmediate, fs), and answers relayed requests from the fixture exchanges, refuses the rest, caches and
 * coalesces as the Node relay does. (Webpack's "webworker" target already refuses to build it if
 * it imported a Node module.)
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExchangeServer, fixture } from "../helpers/exchange-server";

const worker = path.resolve(__dirname, "../../build/relay/worker.js");
const server = new ExchangeServer();

beforeAll(() => server.start());
afterAll(() => server.stop());

function runOnEdge(script: string, env: Record<string, string>): Promise<unknown> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "legwork-edge-")), "run.mjs");
  fs.writeFileSync(
    file,
    `import vm from "node:vm";
import fs from "node:fs";
const log = console.log.bind(console);
// An edge isolate: web-standard globals only (no process, Buffer, require, setImmediate, fs…).
const web = { fetch, Request, Response, Headers, URL, URLSearchParams, AbortController, AbortSignal, TextEncoder, TextDecoder,
  ReadableStream, WritableStream, TransformStream, Blob, FormData, crypto, atob, btoa, structuredClone, queueMicrotask,
  setTimeout, clearTimeout, setInterval, clearInterval, console };
const context = vm.createContext(web);
if (vm.runInContext("typeof process + typeof Buffer + typeof require", context) !== "undefinedundefinedundefined") throw new Error("Node globals leaked");
const mod = new vm.SourceTextModule(fs.readFileSync(${JSON.stringify(worker)}, "utf8"), { context });
await mod.link(() => { throw new Error("the edge build must import nothing"); });
await mod.evaluate();
const worker = mod.namespace.default;
const env = ${JSON.stringify(env)};
const ask = async (path, init) => {
  const r = await worker.fetch(new Request("https://legwork.example" + path, init), env);
  return { status: r.status, cache: r.headers.get("cache-control"), relay: r.headers.get("x-legwork-relay"), body: await r.text() };
};
${script}`,
  );
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["--experimental-vm-modules", "--no-warnings", file], { timeout: 30000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    ),
  );
}

test("the edge build relays, refuses, caches and coalesces with web APIs only", async () => {
  expect(fs.existsSync(worker)).toBe(true);
  const env = { LEGWORK_UPSTREAM_BINANCE: server.base.binance, LEGWORK_UPSTREAM_HYPERLIQUID: server.base.hyperliquid };
  const out = (await runOnEdge(
    `const many = await Promise.all(Array.from({ length: 20 }, () => ask("/binance/fapi/v1/premiumIndex")));
const refused = await ask("/binance/fapi/v1/order");
const post = await ask("/hyperliquid/info", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"type":"metaAndAssetCtxs"}' });
const bad = await ask("/hyperliquid/info", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"type":"userFills","user":"0x1"}' });
log(JSON.stringify({ first: many[0], same: new Set(many.map((m) => m.body)).size, refused, post: post.status, bad: bad.status }));`,
    env,
  )) as {
    first: { status: number; cache: string; relay: string; body: string };
    same: number;
    refused: { status: number };
    post: number;
    bad: number;
  };
  expect(out.first.status).toBe(200);
  expect(JSON.parse(out.first.body)).toEqual(fixture("binance/premiumIndex-all.json"));
  expect(out.first.cache).toBe("public, max-age=30, s-maxage=30");
  expect(out.first.relay).toBe("1");
  expect(out.same).toBe(1);
  expect(server.hitCount("binance /fapi/v1/premiumIndex")).toBe(1);
  expect(out.refused.status).toBe(404);
  expect(out.post).toBe(200);
  expect(out.bad).toBe(400);
  expect(server.hitCount("hyperliquid /info")).toBe(1);
});
