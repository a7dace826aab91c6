/** A MarketData over the local fixture exchanges: its clock, no jitter, short deadlines, no relay. */
import { defaultConfig, MarketData } from "../../src/live/market";
import { ExchangeServer } from "./exchange-server";

export type MarketConfig = Partial<ReturnType<typeof defaultConfig>>;

export function fixtureMarket(server: ExchangeServer, now: () => number, overrides: MarketConfig = {}): MarketData {
  return new MarketData({
    ...defaultConfig(),
    baseUrls: server.base,
    viaRelay: false,
    directFallback: {},
    now,
    random: () => 0.5,
    timeoutMs: 2000,
    ...overrides,
  });
}
