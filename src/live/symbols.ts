/**
 * Symbols in a common form: "BTC", "BTCUSDT", "BTC-USDT", "BTC/USDT", "btc-usdt-swap" all name
 * the BTC/USDT perpetual; each exchange's own form is derived from it. A bare coin means its
 * USDT perpetual (Hyperliquid: its USDC perpetual, named by the coin).
 */
import { Exchange } from "./types";

export interface PerpSymbol {
  base: string;
  quote: string;
}

const QUOTES = ["USDT", "USDC", "USD"];

export function parseSymbol(text: string): PerpSymbol | null {
  const s = text
    .trim()
    .toUpperCase()
    .replace(/[-_/ ]?(SWAP|PERP)$/, "")
    .replace(/\.P$/, "");
  if (s === "") return null;
  const parts = s.split(/[-_/ ]+/).filter(Boolean);
  if (parts.length === 2) return valid(parts[0], parts[1]);
  if (parts.length !== 1) return null;
  const joined = parts[0];
  for (const q of QUOTES) {
    if (joined.length > q.length && joined.endsWith(q)) return valid(joined.slice(0, -q.length), q);
  }
  return valid(joined, "USDT");
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
  }
}
