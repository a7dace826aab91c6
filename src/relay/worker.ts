/**
 * The relay on an edge platform (Cloudflare Workers; the same app runs on Deno or Bun): the
 * platform serves dist/ as static assets and calls this for everything else (see
 * deploy/wrangler.toml). Each isolate keeps its own cache and coalesces its own requests, and the
 * answers' Cache-Control lets the platform's CDN cache them in front of every isolate.
 *
 * Upstream overrides come from the platform's environment (LEGWORK_UPSTREAM_BINANCE, …, LEGWORK_UPSTREAM_BINANCE_COINM).
 */
import { VENUES, venueEnvName } from "../live/exchange-names";
import { relayApp } from "./app";
import { DEFAULT_RELAY_OPTIONS, Relay } from "./relay";

type Env = Partial<Record<string, string>>;

let app: ReturnType<typeof relayApp> | null = null;

function appFor(env: Env): ReturnType<typeof relayApp> {
  if (!app) {
    const upstream = { ...DEFAULT_RELAY_OPTIONS.upstream };
    for (const ex of VENUES) {
      const override = env[venueEnvName(ex)];
      if (override) upstream[ex] = override;
    }
    const relay = new Relay({
      ...DEFAULT_RELAY_OPTIONS,
      upstream,
      fetch: (input, init) => fetch(input, init),
      now: () => Date.now(),
    });
    app = relayApp(relay);
  }
  return app;
}

export default {
  fetch(request: Request, env: Env = {}): Response | Promise<Response> {
    return appFor(env).fetch(request, env);
  },
};
