/**
 * Net delta of a book of legs, in units of the underlying coin.
 *
 * A leg's delta is sign × quantity × contract size × delta: spot, perps and futures have delta 1
 * per unit; an option leg carries its own delta. An inverse (coin-margined) contract is quoted in
 * the quote currency: quantity × contract size is a USD notional, so its coin delta is that
 * notional ÷ price. Pricing an inverse contract like a linear one is one of the mistakes this
 * function exists to prevent, so an inverse leg without a price is an error, not a guess.
 */
import { Dec, Num, ONE, toDec, ZERO } from "./decimal";
import { DomainError, invalid, isDomainError, missing, Result } from "./errors";
import { add, mul, op, ratio, Scaled, scaledOf, toDouble, ZERO_S } from "./scaled";

export type Instrument = "spot" | "perp" | "future" | "option";

const dec = toDec;

export interface Leg {
  /** Where the leg came from, for messages ("legs row 3"). */
  label: string;
  asset: string | null;
  instrument: Instrument | null;
  /** Signed: the side is already applied (short legs are negative). */
  quantity: Num;
  contractSize: Num;
  inverse: boolean;
  /** Per unit of the underlying; null means 1 (spot, perp, future). */
  delta: Num | null;
}

/** One leg's delta in coin. `price` is needed only by inverse legs. */
export function legDelta(leg: Leg, price: Dec | null): Result<Dec> {
  const bad = checkLeg(leg);
  if (bad) return bad;
  const exposure = dec(leg.quantity)
    .times(dec(leg.contractSize))
    .times(leg.delta === null ? ONE : dec(leg.delta));
  if (!leg.inverse) return exposure;
  if (price === null) {
    return missing(
      `${leg.label} is an inverse contract: its coin delta is quantity × contract size ÷ price, so give the price argument`,
    );
  }
  return exposure.div(price);
}

function checkLeg(leg: Leg): DomainError | null {
  if (!(typeof leg.contractSize === "number" ? leg.contractSize > 0 : leg.contractSize.gt(0))) {
    return invalid(`${leg.label}: Contract size must be greater than 0 (got ${leg.contractSize.toString()})`);
  }
  if (leg.instrument === "option" && leg.delta === null) {
    return invalid(`${leg.label} is an option: give its Delta (per unit of the underlying, −1 to 1)`);
  }
  if (leg.delta !== null && (typeof leg.delta === "number" ? Math.abs(leg.delta) > 1 : leg.delta.abs().gt(1))) {
    return invalid(
      `${leg.label}: Delta must be between -1 and 1 per unit of the underlying (got ${leg.delta.toString()})`,
    );
  }
  if (leg.inverse && leg.instrument === "spot") {
    return invalid(`${leg.label}: a spot leg cannot be inverse (only perps, futures and options are coin-margined)`);
  }
  return null;
}

const sameAsset = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * Net delta of the legs, optionally only those of one asset. Adding BTC to ETH is never a
 * meaningful delta, so legs of several assets without an asset filter are an error.
 */
/**
 * `priceDouble` is the price cell's double when it is a plain number (for the fast path).
 * The answer is a Dec, or already the final double when the fast path gave it.
 */
export function netDelta(legs: readonly Leg[], price: Dec | null, asset: string | null, priceDouble: number | null = null): Result<Dec | number> {
  if (price !== null && !price.gt(0)) return invalid(`price must be greater than 0 (got ${price.toString()})`);
  const assets = distinctAssets(legs);
  let chosen = legs;
  if (asset !== null) {
    chosen = legs.filter((leg) => leg.asset !== null && sameAsset(leg.asset, asset));
    if (chosen.length === 0 && legs.length > 0) {
      return missing(`no legs with asset "${asset}" (assets in legs: ${assets.join(", ") || "none"})`);
    }
  } else if (assets.length > 1) {
    return invalid(
      `legs hold ${assets.length} assets (${assets.join(", ")}): give the asset argument to net one of them`,
    );
  }
  // Every leg is checked first, so the fast path below never hides an error.
  let allNumbers = true;
  for (const leg of chosen) {
    const bad = checkLeg(leg);
    if (bad) return bad;
    if (leg.inverse && price === null) {
      const noPrice = legDelta(leg, null);
      if (isDomainError(noPrice)) return noPrice;
    }
    allNumbers &&= typeof leg.quantity === "number" && typeof leg.contractSize === "number" && (leg.delta === null || typeof leg.delta === "number");
  }
  if (allNumbers && (price === null || priceDouble !== null)) {
    const fast = netDeltaFast(chosen as readonly FastLeg[], priceDouble);
    if (fast !== null) return fast;
  }
  let total = ZERO;
  for (const leg of chosen) {
    const d = legDelta(leg, price);
    if (isDomainError(d)) return d;
    total = total.plus(d);
  }
  return total;
}

function distinctAssets(legs: readonly Leg[]): string[] {
  const seen = new Map<string, string>();
  for (const leg of legs) {
    if (leg.asset === null) continue;
    const key = leg.asset.trim().toUpperCase();
    if (!seen.has(key)) seen.set(key, leg.asset.trim());
  }
  return [...seen.values()];
}

/** A leg with its numbers as the doubles from the cells, for the fast path. */
export interface FastLeg {
  quantity: number;
  contractSize: number;
  delta: number | null;
  inverse: boolean;
}

/**
 * Net delta on the fast exact path, for legs already checked (filtered by asset, valid): the
 * linear legs' exact sum plus the inverse legs' exact notional ÷ price, as one division.
 * Null → the decimal path.
 */
export function netDeltaFast(legs: readonly FastLeg[], price: number | null): number | null {
  let linear: Scaled | null = ZERO_S;
  let inverse: Scaled | null = ZERO_S;
  let hasInverse = false;
  for (const leg of legs) {
    const q = scaledOf(leg.quantity);
    const c = scaledOf(leg.contractSize);
    const d = leg.delta === null ? null : scaledOf(leg.delta);
    if (q === null || c === null || (leg.delta !== null && d === null)) return null;
    let exposure = mul(q, c);
    if (d !== null) exposure = op(mul, exposure, d);
    if (exposure === null) return null;
    if (leg.inverse) {
      hasInverse = true;
      inverse = op(add, inverse, exposure);
    } else {
      linear = op(add, linear, exposure);
    }
    if (linear === null || inverse === null) return null;
  }
  if (!hasInverse) return toDouble(linear as Scaled);
  if (price === null || !(price > 0)) return null;
  const p = scaledOf(price);
  if (p === null) return null;
  // linear + inverse / price = (linear × price + inverse) / price
  const num = op(add, op(mul, linear, p), inverse);
  return num === null ? null : ratio(num, p);
}
