/**
 * LEGS.FUTURES: the dated futures of an asset on one exchange, with their basis over the index.
 * Each venue is read through its "all instruments" answers (one request per endpoint per poll
 * however many cells or assets ask; instrument lists hourly), shared with the perpetual functions
 * where the endpoint is the same:
 * - deribit: get_book_summary_by_currency?currency=BTC|ETH&kind=future (mark_price;
 *   estimated_delivery_price as the index) + get_instruments (expiration_timestamp; a contract
 *   listed since the last hourly read: 08:00 UTC of the date in its name);
 * - binance: USDⓈ-M (fapi: exchangeInfo contractType CURRENT_/NEXT_QUARTER (and _MONTH),
 *   deliveryDate; premiumIndex markPrice/indexPrice) and COIN-M (dapi.binance.com, the relay's
 *   "binance-coinm": the same two endpoints under /dapi/v1), both in one table: BTCUSDT_261225
 *   is USDⓈ-M, BTCUSD_261225 COIN-M;
 * - okx: public/instruments?instType=FUTURES (hourly: expTime; state live; ruleType xperp, the
 *   perpetual-style futures, left out) + public/mark-price?instType=FUTURES (markPx) + the index
 *   from market/index-tickers?quoteCcy=USD (BTC-USD-261225, inverse) and quoteCcy=USDT
 *   (BTC-USDT-261225, linear): one request per quote currency, as no form serves both at once;
 * - bybit: market/instruments-info?category=linear and category=inverse (hourly: contractType
 *   LinearFutures / InverseFutures, status Trading, baseCoin, deliveryTime) + market/tickers of
 *   the same categories (markPrice, indexPrice; the linear one is the perpetuals' request).
 *   Bybit's own basis/basisRate/basisRateYear fields are not used (their definitions do not
 *   reproduce; research notes §3.5): Basis is computed here like everywhere else;
 * - hyperliquid lists no dated futures.
 */
import { basisApy, basisApySimpleFast, DEFAULT_DAYS_IN_YEAR } from "../core/basis";
import { Dec, fromDouble, toDouble } from "../core/decimal";
import { isDomainError } from "../core/errors";
import type { Exchange, Venue } from "./exchange-names";
import { array, bad, INTERVAL_MAX_AGE_MS, isRecord, num, Transport } from "./exchanges/adapter";
import { premiumRows } from "./exchanges/binance";
import { bookSummary, expiries } from "./exchanges/deribit";
import { BybitCategory, instrumentsInfo, tickerRows } from "./exchanges/bybit";
import { futuresInstruments, futuresMarks, indexTickers } from "./exchanges/okx";

/** One dated future as the exchange prints it. */
export interface DatedFuture {
  instrument: string;
  /** Expiry (delivery) time, ms since 1970 (UTC). */
  expiry: number;
  mark: number;
  index: number;
  /** Coin-margined (inverse: BTC-27DEC24, BTCUSD_261225, BTC-USD-261225, BTCUSDZ26) or quote-margined (linear). */
  margin: Margin;
}

export type Margin = "linear" | "inverse";
export const MARGINS: readonly Margin[] = ["linear", "inverse"];

export type Transports = (venue: Venue) => Transport;

export const FUTURES_HEADER = ["Instrument", "Expiry", "Days", "Mark", "Index", "Basis", "Basis %", "APY"];

const DAY_MS = 86400000;
/** Excel's serial of 1970-01-01. */
const EXCEL_EPOCH = 25569;
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** Deribit's dated name, BTC-27DEC24 → 2024-12-27T08:00Z (its expiries are at 08:00 UTC); null if not dated. */
export function deribitExpiryFromName(name: string): number | null {
  const m = /-(\d{1,2})([A-Z]{3})(\d{2})$/.exec(name);
  const month = m ? MONTHS.indexOf(m[2]) : -1;
  return m && month >= 0 ? Date.UTC(2000 + Number(m[3]), month, Number(m[1]), 8) : null;
}

async function deribitFutures(t: Transports, asset: string): Promise<DatedFuture[]> {
  // Inverse dated futures are listed under their coin; the allow-list (and Deribit) has BTC and ETH.
  if (asset !== "BTC" && asset !== "ETH") return [];
  const tr = t("deribit");
  const [summary, expiry] = await Promise.all([bookSummary(tr, asset), expiries(tr, asset)]);
  const out: DatedFuture[] = [];
  for (const [name, row] of summary) {
    if (!name.startsWith(`${asset}-`) || name.endsWith("-PERPETUAL")) continue;
    const at = expiry.get(name) ?? deribitExpiryFromName(name);
    if (at === null) continue;
    out.push({
      instrument: name,
      expiry: at,
      mark: num("deribit", row.mark_price, `${name} mark_price`),
      index: num("deribit", row.estimated_delivery_price, `${name} estimated_delivery_price`),
      margin: "inverse",
    });
  }
  return out;
}

const BINANCE_DATED = new Set(["CURRENT_QUARTER", "NEXT_QUARTER", "CURRENT_MONTH", "NEXT_MONTH"]);

/** Binance's delivery contracts of an asset from one family's exchangeInfo (hourly) and premiumIndex (per poll). */
async function binanceFamily(t: Transport, prefix: "/fapi/v1" | "/dapi/v1", asset: string): Promise<DatedFuture[]> {
  const ex = prefix === "/fapi/v1" ? "binance" : "binance COIN-M";
  const contracts = await t.cached(`binance:${prefix}/exchangeInfo`, INTERVAL_MAX_AGE_MS, async () => {
    const { json } = await t.get(`${prefix}/exchangeInfo`);
    if (!isRecord(json)) throw bad(ex, "exchangeInfo is not an object");
    const list: { symbol: string; base: string; expiry: number }[] = [];
    for (const s of array(ex, json.symbols, "exchangeInfo symbols")) {
      if (!isRecord(s) || typeof s.symbol !== "string" || !BINANCE_DATED.has(String(s.contractType))) continue;
      list.push({ symbol: s.symbol, base: String(s.baseAsset), expiry: num(ex, s.deliveryDate, `${s.symbol} deliveryDate`) });
    }
    return list;
  });
  const prices = await premiumRows(t, `${prefix}/premiumIndex`);
  const out: DatedFuture[] = [];
  for (const c of contracts) {
    const row = prices.get(c.symbol);
    if (c.base !== asset || !row) continue;
    out.push({
      instrument: c.symbol,
      expiry: c.expiry,
      mark: num(ex, row.markPrice, `${c.symbol} markPrice`),
      index: num(ex, row.indexPrice, `${c.symbol} indexPrice`),
      margin: prefix === "/fapi/v1" ? "linear" : "inverse",
    });
  }
  return out;
}

async function binanceFutures(t: Transports, asset: string): Promise<DatedFuture[]> {
  const [usdm, coinm] = await Promise.all([
    binanceFamily(t("binance"), "/fapi/v1", asset),
    binanceFamily(t("binance-coinm"), "/dapi/v1", asset),
  ]);
  return [...usdm, ...coinm];
}

/** OKX's index quote currencies (the allow-list's): a contract quoted otherwise is not shown. */
const OKX_QUOTES = new Set(["USD", "USDT", "USDC"]);

async function okxFutures(t: Transports, asset: string): Promise<DatedFuture[]> {
  const tr = t("okx");
  const contracts = (await futuresInstruments(tr)).filter((c) => c.base === asset && OKX_QUOTES.has(c.quote));
  if (contracts.length === 0) return [];
  const quotes = [...new Set(contracts.map((c) => c.quote))].sort();
  const [marks, ...indexes] = await Promise.all([futuresMarks(tr), ...quotes.map((q) => indexTickers(tr, q))]);
  const out: DatedFuture[] = [];
  for (const c of contracts) {
    const mark = marks.get(c.instId);
    const index = indexes[quotes.indexOf(c.quote)].get(`${c.base}-${c.quote}`);
    if (mark === undefined || index === undefined) continue;
    out.push({
      instrument: c.instId,
      expiry: c.expiry,
      mark: num("okx", mark, `${c.instId} markPx`),
      index,
      // BTC-USD-261225 is margined and settled in BTC; BTC-USDT-261225 in USDT.
      margin: c.quote === "USD" ? "inverse" : "linear",
    });
  }
  return out;
}

const BYBIT_DATED: Record<BybitCategory, string> = { linear: "LinearFutures", inverse: "InverseFutures" };

/** Bybit's dated futures of an asset in one category: instruments hourly, tickers per poll. */
async function bybitCategory(t: Transport, category: BybitCategory, asset: string): Promise<DatedFuture[]> {
  const contracts = (await instrumentsInfo(t, category)).filter(
    (c) => c.contractType === BYBIT_DATED[category] && c.status === "Trading" && c.baseCoin === asset,
  );
  if (contracts.length === 0) return [];
  const prices = await tickerRows(t, category);
  const out: DatedFuture[] = [];
  for (const c of contracts) {
    const symbol = String(c.symbol);
    const row = prices.get(symbol);
    if (!row) continue;
    out.push({
      instrument: symbol,
      expiry: num("bybit", c.deliveryTime, `${symbol} deliveryTime`),
      mark: num("bybit", row.markPrice, `${symbol} markPrice`),
      index: num("bybit", row.indexPrice, `${symbol} indexPrice`),
      margin: category,
    });
  }
  return out;
}

async function bybitFutures(t: Transports, asset: string): Promise<DatedFuture[]> {
  const tr = t("bybit");
  const [linear, inverse] = await Promise.all([bybitCategory(tr, "linear", asset), bybitCategory(tr, "inverse", asset)]);
  return [...linear, ...inverse];
}

const READERS: Record<Exchange, ((t: Transports, asset: string) => Promise<DatedFuture[]>) | null> = {
  deribit: deribitFutures,
  binance: binanceFutures,
  okx: okxFutures,
  bybit: bybitFutures,
  hyperliquid: null,
};

/** The dated futures an exchange lists for an asset (expired ones included: `futuresTable` drops them). */
export async function datedFutures(exchange: Exchange, asset: string, t: Transports): Promise<DatedFuture[]> {
  const read = READERS[exchange];
  return read ? read(t, asset) : [];
}

/** A decimal result as a double, or the double path's own answer when it does not fit (never for prices). */
const dbl = (d: Dec): number => toDouble(d) ?? d.toNumber();

/**
 * The spilled table at `now`: the header, then one row per contract not yet expired, soonest
 * first: Instrument, Expiry (Excel date, UTC), Days (fractional, counts down), Mark, Index,
 * Basis = Mark − Index, Basis % = Basis / Index, APY = Basis % × 365 / Days (BASISAPY's
 * simple convention, computed by the same code on the same numbers: exact decimals of the
 * prices as printed and of Days as shown).
 */
export function futuresTable(futures: readonly DatedFuture[], now: number): (string | number)[][] {
  const rows = futures
    .filter((f) => f.expiry > now && f.index > 0 && f.mark > 0)
    .sort((a, b) => a.expiry - b.expiry || (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0))
    .map((f) => {
      const days = (f.expiry - now) / DAY_MS;
      const mark = fromDouble(f.mark);
      const index = fromDouble(f.index);
      const basis = mark.minus(index);
      let apy = basisApySimpleFast(f.index, f.mark, days, 365);
      if (apy === null) {
        const exact = basisApy(index, mark, fromDouble(days), "simple", DEFAULT_DAYS_IN_YEAR);
        apy = isDomainError(exact) ? NaN : dbl(exact);
      }
      return [f.instrument, f.expiry / DAY_MS + EXCEL_EPOCH, days, f.mark, f.index, dbl(basis), dbl(basis.div(index)), apy];
    });
  return [FUTURES_HEADER, ...rows];
}
