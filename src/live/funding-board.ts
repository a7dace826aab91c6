/**
 * LEGS.FUNDINGBOARD's live reads: each venue's current funding rate and interval for every symbol
 * of the board. Each venue answers for all its perpetuals in one request per endpoint (premiumIndex,
 * tickers, funding-rate?instId=ANY, metaAndAssetCtxs, a book summary per currency; intervals hourly),
 * and the shared cache makes the symbols of one poll share it: one request per venue per endpoint
 * per poll however many symbols are on the board.
 *
 * A venue that fails is not the board's failure: its cells keep their last value while it is
 * younger than the service's stale limit (as a streaming cell does), then show the venue's message.
 */
import type { BoardQuote, BoardRequest } from "../functions/fundingboard";
import { isSymbol } from "../functions/fundingboard";
import type { Exchange } from "./exchange-names";
import type { MarketData } from "./market";
import { MarketError } from "./types";

interface Remembered {
  quote: BoardQuote;
  at: number;
}

/** Last good quote per market, venue and symbol. */
const memory = new WeakMap<MarketData, Map<string, Remembered>>();

async function quote(market: MarketData, venue: Exchange, symbol: string, seen: Map<string, Remembered>): Promise<BoardQuote> {
  const key = `${venue}:${symbol.toUpperCase()}`;
  const now = market.config.now();
  try {
    const f = await market.funding(venue, symbol);
    const q = { rate: f.rate, intervalHours: f.intervalHours };
    seen.set(key, { quote: q, at: now });
    return q;
  } catch (e) {
    if (e instanceof MarketError && e.kind === "unknown-symbol") {
      seen.set(key, { quote: null, at: now });
      return null;
    }
    const last = seen.get(key);
    if (last && now - last.at < market.config.staleAfterMs) return last.quote;
    return market.describe(venue, e);
  }
}

/** quotes[symbol][venue] in the request's order (blank and unreadable symbols are not asked). */
export async function boardQuotes(market: MarketData, req: BoardRequest): Promise<BoardQuote[][]> {
  let seen = memory.get(market);
  if (!seen) memory.set(market, (seen = new Map()));
  const known = seen;
  return Promise.all(
    req.symbols.map((s) => (s === null || !isSymbol(s) ? [] : Promise.all(req.venues.map((v) => quote(market, v, s, known))))),
  );
}
