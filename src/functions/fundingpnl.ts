/**
 * LEGS.FUNDINGPNL(side, quantity, price, rate, [contract_type], [contract_size]): funding
 * received (+) or paid (−) over one or many funding events. `rate` is one rate or a range of
 * the history; `price` is one price or a range of the same shape (the mark price at each event).
 */
import { CONTRACT_TYPES } from "../core/contracts";
import { Dec, Num, toDec } from "../core/decimal";
import { invalid, isDomainError, Result } from "../core/errors";
import { fundingPnl as coreFundingPnl, fundingPnlLinearFast } from "../core/funding-pnl";
import {
  cellNum,
  describe,
  Grid,
  isBlank,
  optionalChoice,
  optionalNumber,
  requiredNum,
  requiredSide,
  single,
  toGrid,
} from "./cells";
import { Answer, finish } from "./spill";

const ONE = new Dec(1);

export function fundingPnl(
  side: unknown,
  quantity: unknown,
  price: unknown,
  rate: unknown,
  contractType: unknown,
  contractSize: unknown,
): Answer {
  const s = requiredSide("side", side);
  if (isDomainError(s)) return s;
  const q = requiredNum("quantity", quantity);
  if (isDomainError(q)) return q;
  const type = optionalChoice("contract_type", contractType, CONTRACT_TYPES, "linear");
  if (isDomainError(type)) return type;
  const size = optionalNumber("contract_size", contractSize, ONE);
  if (isDomainError(size)) return size;
  const events = readEvents(price, rate);
  if (isDomainError(events)) return events;
  // Linear funding over plain numbers: the fast exact path first.
  const cs = single("contract_size", contractSize);
  const rawSize = isBlank(cs) ? 1 : cs;
  if (type === "linear" && typeof q === "number" && typeof rawSize === "number" && events.allNumbers) {
    const fast = fundingPnlLinearFast(s, q, rawSize, events.prices as number[], events.rates as number[]);
    if (fast !== null) return fast;
  }
  const single1 = isSingleRate(rate);
  const exact = events.prices.map((p, i) => ({
    price: toDec(p),
    rate: toDec(events.rates[i]),
    label: single1 ? "" : `row ${events.rows[i] + 1}, column ${events.cols[i] + 1}`,
  }));
  return finish(coreFundingPnl({ side: s, quantity: toDec(q), contractType: type, contractSize: size }, exact));
}

/** The events as read, column-wise: their numbers and where each sits in the rate range. */
interface RawEvents {
  prices: Num[];
  rates: Num[];
  rows: number[];
  cols: number[];
  /** Every price and rate a plain double (the fast path can take them). */
  allNumbers: boolean;
}

const isSingleRate = (rate: unknown) =>
  !Array.isArray(rate) || (rate.length === 1 && Array.isArray(rate[0]) && rate[0].length === 1);

/** Pairs (price_i, rate_i); a single price applies to every rate. */
function readEvents(price: unknown, rate: unknown): Result<RawEvents> {
  const rates = toGrid("rate", rate);
  if (isDomainError(rates)) return rates;
  const prices = toGrid("price", price);
  if (isDomainError(prices)) return prices;
  const onePrice = prices.length === 1 && prices[0].length === 1;
  const oneRate = rates.length === 1 && rates[0].length === 1;
  if (!onePrice && (prices.length !== rates.length || prices[0].length !== rates[0].length)) {
    return invalid(`price is ${describe(prices)} but rate is ${describe(rates)}: give one price, or a price for each rate`);
  }
  const priceAt = (g: Grid, r: number, c: number) => (onePrice ? g[0][0] : g[r][c]);
  if (onePrice) {
    const p = cellNum("price", prices[0][0]);
    if (isDomainError(p)) return p;
  }
  const events: RawEvents = { prices: [], rates: [], rows: [], cols: [], allNumbers: true };
  for (let r = 0; r < rates.length; r++) {
    for (let c = 0; c < rates[0].length; c++) {
      const rv = rates[r][c];
      const pv = priceAt(prices, r, c);
      const rateBlank = isBlank(rv);
      const priceBlank = isBlank(pv);
      if (rateBlank && (priceBlank || onePrice) && !oneRate) continue; // no event here
      const at = oneRate ? "" : ` (row ${r + 1}, column ${c + 1})`;
      if (!onePrice && rateBlank !== priceBlank) {
        return invalid(
          `funding event${at} has a ${rateBlank ? "price but no rate" : "rate but no price"}: fill both cells or neither`,
        );
      }
      // Plain numbers are taken as they are; anything else is read (and named in errors) by cellNum.
      const eventRate = typeof rv === "number" && Number.isFinite(rv) ? rv : cellNum(`rate${at}`, rv);
      if (isDomainError(eventRate)) return eventRate;
      const eventPrice = typeof pv === "number" && Number.isFinite(pv) ? pv : cellNum(`price${at}`, pv);
      if (isDomainError(eventPrice)) return eventPrice;
      events.prices.push(eventPrice);
      events.rates.push(eventRate);
      events.rows.push(r);
      events.cols.push(c);
      if (typeof eventPrice !== "number" || typeof eventRate !== "number") events.allNumbers = false;
    }
  }
  return events;
}
