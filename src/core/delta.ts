/**
 * Net delta of a book of legs, in units of the underlying coin.
 *
 * A leg's delta is sign × quantity × contract size × delta: spot, perps and futures have delta 1
 * per unit; an option leg carries its own delta. An inverse (coin-margined) contract is quoted in
 * the quote currency: quantity × contract size is a USD notional, so its coin delta is that
 * notional ÷ price. Pricing an inverse contract like a linear one is one of the mistakes this
 * function exists to prevent, so an inverse leg without a price is an error, not a guess.
 */
import { Dec, ONE, ZERO } from "./decimal";
import { DomainError, invalid, isDomainError, missing, Result } from "./errors";

export type Instrument = "spot" | "perp" | "future" | "option";

export interface Leg {
  /** Where the leg came from, for messages ("legs row 3"). */
  label: string;
  asset: string | null;
  instrument: Instrument | null;
  /** Signed: the side is already applied (short legs are negative). */
  quantity: Dec;
  contractSize: Dec;
  inverse: boolean;
  /** Per unit of the underlying; null means 1 (spot, perp, future). */
  delta: Dec | null;
}

/** One leg's delta in coin. `price` is needed only by inverse legs. */
export function legDelta(leg: Leg, price: Dec | null): Result<Dec> {
  const bad = checkLeg(leg);
  if (bad) return bad;
  const exposure = leg.quantity.times(leg.contractSize).times(leg.delta ?? ONE);
  if (!leg.inverse) return exposure;
  if (price === null) {
    return missing(
      `${leg.label} is an inverse contract: its coin delta is quantity × contract size ÷ price, so give the price argument`,
    );
  }
  return exposure.div(price);
}

function checkLeg(leg: Leg): DomainError | null {
  if (!leg.contractSize.gt(0)) {
    return invalid(`${leg.label}: Contract size must be greater than 0 (got ${leg.contractSize.toString()})`);
  }
  if (leg.instrument === "option" && leg.delta === null) {
    return invalid(`${leg.label} is an option: give its Delta (per unit of the underlying, −1 to 1)`);
  }
  if (leg.delta !== null && leg.delta.abs().gt(1)) {
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
export function netDelta(legs: readonly Leg[], price: Dec | null, asset: string | null): Result<Dec> {
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
