/** LEGS.NETDELTA(legs, [price], [asset]): net exposure in units of the underlying. */
import { netDelta as coreNetDelta } from "../core/delta";
import { isDomainError } from "../core/errors";
import { optionalNumber, optionalText } from "./cells";
import { readLegs } from "./legs-table";
import { Answer, finish } from "./spill";

export function netDelta(legs: unknown, price: unknown, asset: unknown): Answer {
  const p = optionalNumber("price", price, null);
  if (isDomainError(p)) return p;
  const a = optionalText("asset", asset);
  if (isDomainError(a)) return a;
  const parsed = readLegs(legs);
  if (isDomainError(parsed)) return parsed;
  const one = Array.isArray(price) ? price[0]?.[0] : price;
  return finish(coreNetDelta(parsed, p, a, typeof one === "number" ? one : null));
}
