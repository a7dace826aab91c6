/**
 * Symbols in a common form: "BTC", "BTCUSDT", "BTC-USDT", "BTC/USDT", "btc-usdt-swap" all name
 * the BTC/USDT perpetual; each exchange's own form is derived from it. A bare coin means its
 * USDT perpetual (Hyperliquid: its USDC perpetual, named by the coin; Deribit: its inverse USD
 * perpetual, BTC-PERPETUAL).
 */
import { Exchange } from "./types";

export interface PerpSymbol {
  base: string;
  quote: string;
}

const QUOTES = ["USDT", "USDC", "USD"];

/** The quote a bare coin means on an exchange. */
export function defaultQuote(exchange: Exchange): string {
  return exchange === "deribit" ? "USD" : "USDT";
}

export function parseSymbol(text: string, bareQuote = "USDT"): PerpSymbol | null {
  const s = text
    .trim()
    .toUpperCase()
    .replace(/[-_/ ]?(SWAP|PERPETUAL|PERP)$/, "")
    .replace(/\.P$/, "");
  if (s === "") return null;
  const parts = s.split(/[-_/ ]+/).filter(Boolean);
  if (parts.length === 2) return valid(parts[0], parts[1]);
  if (parts.length !== 1) return null;
  const joined = parts[0];
  for (const q of QUOTES) {
    if (joined.length > q.length && joined.endsWith(q)) return valid(joined.slice(0, -q.length), q);
  }
  return valid(joined, bareQuote);
}

function valid(base: string, quote: string): PerpSymbol | null {
  return /^[A-Z0-9]{1,20}$/.test(base) && QUOTES.includes(quote) ? { base, quote } : null;
}

/** The exchange's own name for the perpetual. */
export function nativeSymbol(exchange: Exchange, s: PerpSymbol): string {
  switch (exchange) {
    case "binance":
    case "bybit":
      return `${s.base}${s.quote}`;
    case "okx":
      return `${s.base}-${s.quote}-SWAP`;
    case "hyperliquid":
      return s.base;
    case "deribit":
      // Inverse perpetuals are quoted in USD (BTC-PERPETUAL); linear ones name their quote (BTC_USDC-PERPETUAL).
      return s.quote === "USD" ? `${s.base}-PERPETUAL` : `${s.base}_${s.quote}-PERPETUAL`;
  }
}
