/** Symbols as the exports and tables write them → coin and quote (src/core/symbol-parts.ts). */
import { symbolParts } from "../../src/core/symbol-parts";

test.each([
  ["BTCUSDT", "BTC", "USDT"],
  ["BTC-USDT-SWAP", "BTC", "USDT"],
  ["BTCUSD_PERP", "BTC", "USD"],
  ["ETHUSD_251226", "ETH", "USD"],
  ["XAUTUSDT", "XAUT", "USDT"],
  ["BTCFDUSD", "BTC", "FDUSD"],
  ["HYPE/USDC", "HYPE", "USDC"],
  ["ETH", "ETH", null],
  ["BTC-PERPETUAL", "BTC", null],
])("%s → %s, %s", (symbol, base, quote) => {
  expect(symbolParts(symbol)).toEqual({ base, quote });
});
