/**
 * Net delta of a book of legs, in units of the underlying coin.
 *
 * A leg's delta is sign × quantity × contract size × delta: spot, perps and futures have delta 1
 * per unit; an option leg carries its own delta. An inverse (coin-margined) contract is quoted in
 * the quote currency: quantity × contract size is a USD notional, so its coin delta is that
 * notional ÷ price. Pricing an inverse contract like a linear one is one of the mistakes this
 * function exists to prevent, so an inverse leg without a price is an error, not a guess.
 */
import { Dec, Num, toDec } from "./decimal";
import { DomainError, invalid, missing, Result } from "./errors";
import { Arith, DECIMAL, Fraction, SCALED } from "./arith";
import { ratio, Scaled, scaledOf, toDouble } from "./scaled";

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
  /** The table row it was read from (0 = the header), when it came from a table with a header. */
  row?: number;
}

function checkLeg(leg: Leg): DomainError | null {
  if (!(typeof leg.contractSize === "number" ? leg.contractSize > 0 : leg.contractSize.gt(0))) {
    return invalid(`${leg.label}: Contract size must be greater than 0 (got ${leg.contractSize.toString()})`);
  }
  if (leg.instrument === "option" && leg.delta === null) {
    return invalid(
      `${leg.label} is an option: give its Delta (per unit of the underlying, −1 to 1), or Type, Strike, Expiry (or Days) and Vol columns and the price`,
    );
  }
  if (leg.delta !== null && (typeof leg.delta === "number" ? Math.abs(leg.delta) > 1 : leg.delta.abs().gt(1))) {
    return invalid(`${leg.label}: Delta must be between -1 and 1 per unit of the underlying (got ${leg.delta.toString()})`);
  }
  if (leg.inverse && leg.instrument === "spot") {
    return invalid(`${leg.label}: a spot leg cannot be inverse (only perps, futures and options are coin-margined)`);
  }
  return null;
}

/**
 * Counted ÷ price: an inverse perp or future, whose quantity × contract size is quote currency.
 * An option's contract is in coins whatever its settlement (Deribit 1 BTC, OKX 0.01 BTC): Inverse
 * on an option means coin-settled, which its Delta already reflects (premium-adjusted).
 */
const coinMargined = (leg: { inverse: boolean; instrument?: Instrument | null }): boolean =>
  leg.inverse && leg.instrument !== "option";

export const sameAsset = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * Net delta of the legs, optionally only those of one asset. Adding BTC to ETH is never a
 * meaningful delta, so legs of several assets without an asset filter are an error.
 * `priceDouble` is the price cell's double when it is a plain number (for the fast path); the
 * answer is a Dec, or already the final double when the fast path gave it.
 */
export function netDelta(
  legs: readonly Leg[],
  price: Dec | null,
  asset: string | null,
  priceDouble: number | null = null,
): Result<Dec | number> {
  if (price !== null && !price.gt(0)) return invalid(`price must be greater than 0 (got ${price.toString()})`);
  const assets = distinctAssets(legs);
  let chosen = legs;
  if (asset !== null) {
    chosen = legs.filter((leg) => leg.asset !== null && sameAsset(leg.asset, asset));
    if (chosen.length === 0 && legs.length > 0) {
      return missing(`no legs with asset "${asset}" (assets in legs: ${assets.join(", ") || "none"})`);
    }
  } else if (assets.length > 1) {
    return invalid(`legs hold ${assets.length} assets (${assets.join(", ")}): give the asset argument to net one of them`);
  }
  // Every leg is checked first, so the fast path below never hides an error.
  let allNumbers = true;
  for (const leg of chosen) {
    const bad = checkLeg(leg);
    if (bad) return bad;
    if (coinMargined(leg) && price === null) {
      return missing(`${leg.label} is an inverse contract (quantity × contract size in quote currency): give the price argument`);
    }
    allNumbers &&=
      typeof leg.quantity === "number" &&
      typeof leg.contractSize === "number" &&
      (leg.delta === null || typeof leg.delta === "number");
  }
  if (allNumbers && (price === null || priceDouble !== null)) {
    const fast = netDeltaFast(chosen as readonly FastLeg[], priceDouble);
    if (fast !== null) return fast;
  }
  const f = netFraction(
    DECIMAL,
    chosen.map((l) => ({
      quantity: dec(l.quantity),
      contractSize: dec(l.contractSize),
      delta: l.delta === null ? null : dec(l.delta),
      inverse: coinMargined(l),
    })),
    price,
  );
  return f.den === null ? (f.num as Dec) : (f.num as Dec).div(f.den);
}

interface ArithLeg<T> {
  quantity: T;
  contractSize: T;
  delta: T | null;
  inverse: boolean;
}

/**
 * Σ quantity × contract size × delta over the linear legs, plus the inverse legs' notional ÷
 * price, as one fraction ((linear × price + inverse) / price) for either arithmetic.
 */
function netFraction<T>(m: Arith<T>, legs: readonly ArithLeg<T>[], price: T | null): Fraction<T> {
  let linear: T | null = m.int(0);
  let inverse: T | null = m.int(0);
  let hasInverse = false;
  for (const leg of legs) {
    let exposure = m.mul(leg.quantity, leg.contractSize);
    if (leg.delta !== null) exposure = m.mul(exposure, leg.delta);
    if (leg.inverse) {
      hasInverse = true;
      inverse = m.add(inverse, exposure);
    } else {
      linear = m.add(linear, exposure);
    }
  }
  return hasInverse ? { num: m.add(m.mul(linear, price), inverse), den: price } : { num: linear, den: null };
}

function distinctAssets(legs: readonly Leg[]): string[] {
  // Usually every leg names the same asset the same way: check that before normalising.
  const raw = new Set<string>();
  for (const leg of legs) if (leg.asset !== null) raw.add(leg.asset);
  if (raw.size <= 1) return [...raw].map((a) => a.trim());
  const seen = new Map<string, string>();
  for (const a of raw) {
    const key = a.trim().toUpperCase();
    if (!seen.has(key)) seen.set(key, a.trim());
  }
  return [...seen.values()];
}

/** A leg with its numbers as the doubles from the cells, for the fast path. */
export interface FastLeg {
  quantity: number;
  contractSize: number;
  delta: number | null;
  inverse: boolean;
  instrument: Instrument | null;
}

/** Net delta on the fast exact path, for legs already checked; null → the decimal path. */
export function netDeltaFast(legs: readonly FastLeg[], price: number | null): number | null {
  const scaled: ArithLeg<Scaled>[] = [];
  for (const leg of legs) {
    const quantity = scaledOf(leg.quantity);
    const contractSize = scaledOf(leg.contractSize);
    const delta = leg.delta === null ? null : scaledOf(leg.delta);
    if (quantity === null || contractSize === null || (leg.delta !== null && delta === null)) return null;
    scaled.push({ quantity, contractSize, delta, inverse: coinMargined(leg) });
  }
  const p = price === null ? null : scaledOf(price);
  if (price !== null && (p === null || !(price > 0))) return null;
  const f = netFraction(SCALED, scaled, p);
  if (f.num === null) return null;
  if (f.den === null) return toDouble(f.num);
  return f.den.int === 0 ? null : ratio(f.num, f.den);
}
