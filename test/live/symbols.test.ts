import { defaultQuote, nativeSymbol, parseSymbol } from "../../src/live/symbols";

describe("symbols in a common form, mapped per exchange", () => {
  test.each([
    ["BTC", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["btcusdt", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["BTC-USDT", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["BTC/USDT", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["BTC-USDT-SWAP", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
    ["ETHUSDC", "ETHUSDC", "ETHUSDC", "ETH-USDC-SWAP", "ETH"],
    ["1000PEPE", "1000PEPEUSDT", "1000PEPEUSDT", "1000PEPE-USDT-SWAP", "1000PEPE"],
    ["BTC-PERPETUAL", "BTCUSDT", "BTCUSDT", "BTC-USDT-SWAP", "BTC"],
  ])("%s → binance %s, bybit %s, okx %s, hyperliquid %s", (text, b, y, o, h) => {
    const s = parseSymbol(text)!;
    expect([
      nativeSymbol("binance", s),
      nativeSymbol("bybit", s),
      nativeSymbol("okx", s),
      nativeSymbol("hyperliquid", s),
    ]).toEqual([b, y, o, h]);
  });

  test.each([
    ["BTC", "BTC-PERPETUAL"],
    ["eth", "ETH-PERPETUAL"],
    ["BTC-PERPETUAL", "BTC-PERPETUAL"],
    ["BTC-PERP", "BTC-PERPETUAL"],
    ["BTCUSD", "BTC-PERPETUAL"],
    ["BTC/USD", "BTC-PERPETUAL"],
    ["BTC_USDC-PERPETUAL", "BTC_USDC-PERPETUAL"],
    ["btc_usdc-perpetual", "BTC_USDC-PERPETUAL"],
    ["BTCUSDC", "BTC_USDC-PERPETUAL"],
    ["SOL-USDC", "SOL_USDC-PERPETUAL"],
    ["BTCUSDT", "BTC_USDT-PERPETUAL"],
  ])("deribit: %s → %s (a bare coin is the inverse USD perpetual)", (text, native) => {
    expect(nativeSymbol("deribit", parseSymbol(text, defaultQuote("deribit"))!)).toBe(native);
  });

  test.each(["", "  ", "BTC-EUR", "BTC USDT X", "BTC$", "BTC-25DEC26"])("%p is not a symbol", (text) => {
    expect(parseSymbol(text)).toBeNull();
  });
});
