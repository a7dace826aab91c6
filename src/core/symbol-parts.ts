/**
 * A trading symbol as exchanges write it (BTCUSDT, BTC-USDT-SWAP, BTCUSD_PERP, ETH) split into its
 * coin and its quote currency. One list of quotes for the export reader and the ledger.
 */
const QUOTES = ["USDT", "USDC", "BUSD", "FDUSD", "USD"];

export function symbolParts(symbol: string): { base: string; quote: string | null } {
  const parts = symbol.toUpperCase().split(/[-_/]/);
  const head = parts[0];
  const suffix = QUOTES.find((q) => head.length > q.length && head.endsWith(q));
  const base = suffix ? head.slice(0, -suffix.length) : head;
  const quote = parts.slice(1).find((p) => QUOTES.includes(p)) ?? suffix ?? null;
  return { base, quote };
}
