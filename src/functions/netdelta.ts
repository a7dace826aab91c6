/** LEGS.NETDELTA(legs, [price], [asset]): net exposure in units of the underlying. */
import { Leg, netDelta as coreNetDelta } from "../core/delta";
import { Dec } from "../core/decimal";
import { isDomainError, Result } from "../core/errors";
import { optionalNumber, optionalText } from "./cells";
import { readLegs } from "./legs-table";
import { Answer, finish } from "./spill";

/** Reads the legs table; `price` and `asset` are the checked arguments (option-legs.ts uses them). */
export type LegsReader = (legs: unknown, price: Dec | null, asset: string | null) => Result<Leg[]>;

export function netDelta(legs: unknown, price: unknown, asset: unknown): Answer {
  return netDeltaOfLegs(legs, price, asset, readLegs);
}

export function netDeltaOfLegs(legs: unknown, price: unknown, asset: unknown, read: LegsReader): Answer {
  const p = optionalNumber("price", price, null);
  if (isDomainError(p)) return p;
  const a = optionalText("asset", asset);
  if (isDomainError(a)) return a;
  const parsed = read(legs, p, a);
  if (isDomainError(parsed)) return parsed;
  const one = Array.isArray(price) ? price[0]?.[0] : price;
  return finish(coreNetDelta(parsed, p, a, typeof one === "number" ? one : null));
}
