/**
 * Funding received (+) or paid (−) by a perpetual position over funding events.
 *
 * At each event a long pays (a short receives) position value × rate, with the value taken at
 * the event's mark price (Hyperliquid: oracle price). Linear value = q × cs × price (quote
 * currency); inverse value = q × cs / price (coin). So for each event i:
 *   linear  −side × q × cs × price_i × rate_i
 *   inverse −side × q × cs × rate_i / price_i
 * Checked against BitMEX's documented example: long 15,000 XBTUSD at mark 750, rate 0.25 % →
 * pays 0.05 XBT.
 */
import { ContractType, Side } from "./contracts";
import { Dec, ONE, ZERO } from "./decimal";
import { firstError, mustBeBetween, mustBeNonNegative, mustBePositive } from "./checks";
import { DomainError, Result } from "./errors";
import { add, int, mul, op, Scaled, scaledOf, toDouble, ZERO_S } from "./scaled";

export interface FundingEvent {
  price: Dec;
  rate: Dec;
  /** Names the event in messages ("row 3"), or "" for a single event. */
  label: string;
}

export interface FundingPosition {
  side: Side;
  quantity: Dec;
  contractType: ContractType;
  contractSize: Dec;
}

export function checkFundingPosition(p: FundingPosition): DomainError | null {
  return firstError(mustBeNonNegative("quantity", p.quantity), mustBePositive("contract_size", p.contractSize));
}

export function fundingPnl(position: FundingPosition, events: readonly FundingEvent[]): Result<Dec> {
  const bad = checkFundingPosition(position);
  if (bad) return bad;
  const size = position.quantity.times(position.contractSize).times(-position.side);
  let total = ZERO;
  for (const e of events) {
    const at = e.label ? ` (${e.label})` : "";
    const wrong = firstError(mustBePositive(`price${at}`, e.price), mustBeBetween(`rate${at}`, e.rate, ONE.neg(), ONE));
    if (wrong) return wrong;
    const value = position.contractType === "linear" ? size.times(e.price) : size.div(e.price);
    total = total.plus(value.times(e.rate));
  }
  return total;
}

/**
 * Linear funding P&L on the fast exact path: −side × q × cs × Σ priceᵢ × rateᵢ over raw doubles
 * (one price for every rate when `prices` has one element); null → the decimal path.
 */
export function fundingPnlLinearFast(
  side: Side,
  quantity: number,
  contractSize: number,
  prices: readonly number[],
  rates: readonly number[],
): number | null {
  if (!(quantity >= 0 && contractSize > 0)) return null;
  const Q = scaledOf(quantity);
  const C = scaledOf(contractSize);
  if (Q === null || C === null) return null;
  let sum: Scaled | null = ZERO_S;
  const one = prices.length === 1;
  let P = one ? scaledOf(prices[0]) : null;
  if (one && !(prices[0] > 0)) return null;
  for (let i = 0; i < rates.length; i++) {
    const r = rates[i];
    if (!(r > -1 && r < 1)) return null;
    if (!one) {
      if (!(prices[i] > 0)) return null;
      P = scaledOf(prices[i]);
    }
    const R = scaledOf(r);
    if (P === null || R === null) return null;
    sum = op(add, sum, mul(P, R));
    if (sum === null) return null;
  }
  const total = op(mul, op(mul, op(mul, Q, C), int(-side)), sum);
  return total === null ? null : toDouble(total);
}
