/**
 * The runtime's one market-data service and stream hub. This module (and everything it pulls
 * in: the exchange adapters, HTTP, cache) is a separate chunk, live.js, loaded the first time a
 * live function is called, so functions.js stays small for the math that every sheet uses.
 */
import { defaultConfig, MarketConfig, MarketData } from "./market";
import { StreamHub } from "./streams";

let market: MarketData | null = null;
let hub: StreamHub | null = null;

function newHub(config: MarketConfig): StreamHub {
  return new StreamHub({
    pollMs: config.pollMs,
    staleAfterMs: config.staleAfterMs,
    now: config.now,
    setInterval: (f, ms) => setInterval(f, ms),
    clearInterval: (t) => clearInterval(t),
  });
}

export function service(): { market: MarketData; hub: StreamHub } {
  if (!market || !hub) {
    const config = defaultConfig();
    market = new MarketData(config);
    hub = newHub(config);
  }
  return { market, hub };
}

/** Replaces the service's settings (tests: a local fixture server, short polls). */
export function configure(overrides: Partial<MarketConfig>): MarketData {
  hub?.stopAll();
  const config = { ...defaultConfig(), ...overrides };
  market = new MarketData(config);
  hub = newHub(config);
  return market;
}
