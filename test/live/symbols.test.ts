import { nativeSymbol, parseSymbol } from "../../src/live/symbols";

describe("symbols in a common form, mapped per exchange", () => {
  test.each([
    ["BTC", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["btcusdt", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["BTC-USDT", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["BTC/USDT", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["BTC-USDT-SWAP", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["ETHUSDC", "ETHUSDC", "ETHUSDC", "ETH-USDC-SWAP", "ETH"],
    ["1000PEPE", "1000PEPEUSDT", "1000PEPEUSDT", "1000PEPE-USDT-SWAP", "1000PEPE"],
  ])("%s → binance %s, bybit %s, okx %s, hyperliquid %s", (text, b, y, o, h) => {
    const s = parseSymbol(text)!;
    expect([
      nativeSymbol("binance", s),
      nativeSymbol("bybit", s),
      nativeSymbol("okx", s),
      nativeSymbol("hyperliquid", s),
    ]).toEqual([b, y, o, h]);
  });

  test.each(["", "  ", "BTC-EUR", "BTC USDT X", "BTC$"])("%p is not a symbol", (text) => {
    expect(parseSymbol(text)).toBeNull();
  });
});
