#!/usr/bin/env node
/**
 * The development server (`npm run dev-server`; `npm start` runs it in the background): webpack
 * in watch mode builds the add-in and the relay, and the relay serves the add-in's files and
 * relays `/{exchange}/…` on https://localhost:3000 with the development certificate. The same
 * relay as in production, so the live functions reach the exchanges the same way in development.
 *
 * Builds go to build/dev-<port>/ (never dist/), so several servers on different ports, and the
 * tests' production build, never write over each other.
 * LEGWORK_UPSTREAM_BINANCE (… _BYBIT, _OKX, _HYPERLIQUID, _DERIBIT) point a venue elsewhere (tests, private hosts).
 */
const path = require("path");
const webpack = require("webpack");
const { getHttpsOptions } = require("./dev-certs");
const { root, port } = require("./dev-server-state");

async function main() {
  const out = path.join(root, "build", `dev-${port}`);
  const configs = await require("../webpack.config.js")({}, { mode: "development" });
  const addin = configs.find((c) => c.name === "addin");
  addin.output.path = path.join(out, "dist");
  const relayNode = configs.find((c) => c.name === "relay-node");
  relayNode.entry = { relay: "./src/relay/node.ts" };
  relayNode.output.path = path.join(out, "relay");

  const tls = await getHttpsOptions();
  let running = null;
  webpack([addin, relayNode]).watch({ aggregateTimeout: 300 }, (err, stats) => {
    if (err || stats.hasErrors()) {
      console.error(err ? err.message : stats.toString("errors-only"));
      return;
    }
    console.log(`built ${new Date().toISOString()}`);
    if (running) return;
    running = true;
    const { startRelay, upstreamFromEnv } = require(path.join(out, "relay", "relay.js"));
    startRelay({
      port,
      host: process.env.LEGWORK_HOST || "127.0.0.1",
      staticDir: path.join(out, "dist"),
      tls,
      relay: { upstream: upstreamFromEnv(process.env) },
    })
      .then((r) => console.log(`Legwork (add-in and relay) on https://localhost:${r.port}`))
      .catch((e) => {
        console.error(`the relay did not start: ${e.message}`);
        process.exit(1);
      });
  });
}

main().catch((e) => {
  console.error(`dev server: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
