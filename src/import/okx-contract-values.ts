/**
 * OKX contract values (`ctVal` of GET /api/v5/public/instruments): what one contract of an OKX
 * swap or expiry future is worth. OKX exports count swaps and futures in contracts ("Trading
 * Unit" cont), so a fill's size in coins needs this number; a symbol not listed here is refused
 * by the reader, never guessed.
 *
 * - USDT-margined (linear, BTC-USDT-SWAP, BTC-USDT-250328): ctVal is in the coin (ctValCcy BTC).
 * - Coin-margined (inverse, BTC-USD-SWAP, BTC-USD-250328): ctVal is in USD (ctValCcy USD), the
 *   same for the family's swap and its futures: 100 USD for BTC, 10 USD for every other coin.
 *
 * Sources (values as OKX's instruments endpoint returned them):
 * - ccxt's recorded OKX markets, ts/src/test/static/markets/okx.json (BTC-USDT-SWAP 0.01,
 *   ETH-USDT-SWAP 0.1, LTC-USDT-SWAP 1, ADA-USDT-SWAP 100, XRP-USDT-SWAP 100, DOGE-USDT-SWAP 1000,
 *   TRX-USDT-SWAP 1000, SUSHI-USDT-SWAP 1, BTC-USD-SWAP 100 USD);
 * - nautilus_trader's recorded responses, crates/adapters/okx/test_data/http_get_instruments_swap.json
 *   and …_futures.json (BTC-USDT-SWAP 0.01, ETH-USDT-SWAP 0.1, BTC-USD-SWAP and BTC-USD-2412xx/25xxxx
 *   futures 100 USD);
 * - OKX's help centre, "Perpetual swaps" and "Futures contracts" (BTCUSD 100 USD; BTCUSDT 0.01 BTC,
 *   swap and futures) and its API docs' instruments example (LTC-USD-SWAP ctVal 10, ctValCcy USD);
 * - crypto-crawler-rs, crypto-contract-value/src/exchanges/okx.rs: an offline snapshot of the same
 *   endpoint (the values marked "snapshot" below, and the rule "inverse: BTC 100 USD, others 10").
 * OKX can change a contract's value when it relists it; a value here is the one these sources agree on.
 */
import { ContractType, Instrument } from "./types";

/** USDT-margined swaps: coins per contract. */
const LINEAR_SWAP: Readonly<Record<string, string>> = {
  "BTC-USDT": "0.01",
  "ETH-USDT": "0.1",
  "LTC-USDT": "1",
  "ADA-USDT": "100",
  "XRP-USDT": "100",
  "DOGE-USDT": "1000",
  "TRX-USDT": "1000",
  "SUSHI-USDT": "1",
  // snapshot
  "SOL-USDT": "1",
  "LINK-USDT": "1",
  "DOT-USDT": "1",
  "BCH-USDT": "0.1",
  "NEAR-USDT": "10",
};

/** USDT-margined expiry futures (snapshot; BTC also OKX's help centre): coins per contract. */
const LINEAR_FUTURES: Readonly<Record<string, string>> = {
  "BTC-USDT": "0.01",
  "ETH-USDT": "0.1",
  "LTC-USDT": "1",
  "XRP-USDT": "100",
  "ADA-USDT": "100",
  "TRX-USDT": "1000",
  "LINK-USDT": "1",
  "DOT-USDT": "1",
  "BCH-USDT": "0.1",
  "FIL-USDT": "0.1",
};

/** Coin-margined swaps and futures: USD per contract. */
const INVERSE: Readonly<Record<string, string>> = {
  "BTC-USD": "100",
  "ETH-USD": "10",
  "LTC-USD": "10",
  "SOL-USD": "10",
  "XRP-USD": "10",
  "DOGE-USD": "10",
  "ADA-USD": "10",
  "DOT-USD": "10",
  "LINK-USD": "10",
  "BCH-USD": "10",
  "ETC-USD": "10",
  "FIL-USD": "10",
  "TRX-USD": "10",
};

export interface OkxContract {
  asset: string;
  instrument: Extract<Instrument, "perp" | "future">;
  contractType: ContractType;
  /** Coins per contract (linear) or USD per contract (inverse). */
  ctVal: string;
}

/** An OKX swap or future symbol → its contract, or what is wrong with it. */
export function okxContract(symbol: string): OkxContract | { unknown: string } {
  const parts = symbol.toUpperCase().split("-");
  const [base, quote, kind] = parts;
  const instrument = kind === "SWAP" ? "perp" : /^\d{6}$/.test(kind ?? "") ? "future" : null;
  if (parts.length !== 3 || !instrument) return { unknown: "it is not an OKX swap (BTC-USDT-SWAP) or future (BTC-USDT-250328)" };
  const family = `${base}-${quote}`;
  const inverse = quote === "USD";
  const ctVal = inverse ? INVERSE[family] : (instrument === "perp" ? LINEAR_SWAP : LINEAR_FUTURES)[family];
  if (ctVal === undefined) return { unknown: "its contract value (ctVal) is not in Legwork's OKX table" };
  return { asset: base, instrument, contractType: inverse ? "inverse" : "linear", ctVal };
}
