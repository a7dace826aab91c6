/**
 * LEGS.LIQPRICE(side, entry_price, quantity, margin, maint_rate, [maint_amount],
 * [contract_type], [maint_basis]): the price at which the position is liquidated. Numeric
 * arguments may be ranges (a column of margins shows how far each top-up moves the price).
 */
import { CONTRACT_TYPES } from "../core/contracts";
import { isDomainError } from "../core/errors";
import { liquidationPrice, liquidationPriceFast, MAINTENANCE_BASES } from "../core/liquidation";
import { optionalChoice, requiredSide, withDefault } from "./cells";
import { Answer, spill } from "./spill";

export function liqPrice(
  side: unknown,
  entryPrice: unknown,
  quantity: unknown,
  margin: unknown,
  maintRate: unknown,
  maintAmount: unknown,
  contractType: unknown,
  maintBasis: unknown,
): Answer {
  const s = requiredSide("side", side);
  if (isDomainError(s)) return s;
  const type = optionalChoice("contract_type", contractType, CONTRACT_TYPES, "linear");
  if (isDomainError(type)) return type;
  const basis = optionalChoice("maint_basis", maintBasis, MAINTENANCE_BASES, "mark");
  if (isDomainError(basis)) return basis;
  return spill(
    [
      { name: "entry_price", value: entryPrice },
      { name: "quantity", value: quantity },
      { name: "margin", value: margin },
      { name: "maint_rate", value: maintRate },
      { name: "maint_amount", value: withDefault(maintAmount, 0) },
    ],
    ([entry, q, m, rate, amount]) =>
      liquidationPrice({
        side: s,
        entry,
        quantity: q,
        margin: m,
        maintRate: rate,
        maintAmount: amount,
        contractType: type,
        basis,
      }),
    ([entry, q, m, rate, amount]) => liquidationPriceFast(s, entry, q, m, rate, amount, type, basis),
  );
}
