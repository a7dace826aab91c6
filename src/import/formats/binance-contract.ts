/**
 * What a Binance futures symbol is. USDⓈ-M: BTCUSDT (perpetual), BTCUSDT_251226 (quarterly),
 * linear, quantities in coins. COIN-M: BTCUSD_PERP, BTCUSD_251226, inverse, quantities in
 * contracts of 100 USD (BTC) or 10 USD (every other coin), as Binance's contract specifications
 * state.
 */
import { ContractType, Instrument } from "../types";
import { assetOf } from "../values";

export function binanceContract(symbol: string): {
  asset: string;
  instrument: Instrument;
  contractType: ContractType;
  contractSize: string;
} {
  const [pair, suffix] = symbol.toUpperCase().split("_");
  const inverse = pair.endsWith("USD");
  const asset = assetOf(pair);
  return {
    asset,
    instrument: suffix && suffix !== "PERP" ? "future" : "perp",
    contractType: inverse ? "inverse" : "linear",
    contractSize: inverse ? (asset === "BTC" ? "100" : "10") : "1",
  };
}
