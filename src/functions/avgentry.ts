/**
 * LEGS.AVGENTRY(quantities, prices, [contract_type]): average entry price of fills.
 * Two ranges of the same shape (or two single values), read pairwise; a pair blank in both
 * cells is skipped (room for more fills), a pair with one blank is an error.
 */
import { CONTRACT_TYPES } from "../core/contracts";
import { Num, toDec } from "../core/decimal";
import { invalid, isDomainError } from "../core/errors";
import { averageEntry, averageEntryLinearFast, Fill } from "../core/position";
import { cellNum, describe, isBlank, optionalChoice, toGrid } from "./cells";
import { Answer, finish } from "./spill";

export function avgEntry(quantities: unknown, prices: unknown, contractType: unknown): Answer {
  const type = optionalChoice("contract_type", contractType, CONTRACT_TYPES, "linear");
  if (isDomainError(type)) return type;
  const qs = toGrid("quantities", quantities);
  if (isDomainError(qs)) return qs;
  const ps = toGrid("prices", prices);
  if (isDomainError(ps)) return ps;
  if (qs.length !== ps.length || qs[0].length !== ps[0].length) {
    return invalid(`quantities is ${describe(qs)} but prices is ${describe(ps)}: give two ranges of the same shape`);
  }
  const single = qs.length === 1 && qs[0].length === 1;
  const fills: { quantity: Num; price: Num }[] = [];
  const labels: string[] = [];
  for (let r = 0; r < qs.length; r++) {
    for (let c = 0; c < qs[0].length; c++) {
      const at = single ? "" : ` (row ${r + 1}, column ${c + 1})`;
      const q = qs[r][c];
      const p = ps[r][c];
      if (isBlank(q) && isBlank(p)) continue;
      if (isBlank(q) !== isBlank(p)) {
        return invalid(
          `fill${at} has a ${isBlank(q) ? "price but no quantity" : "quantity but no price"}: fill both cells or neither`,
        );
      }
      const quantity = cellNum(`quantities${at}`, q);
      if (isDomainError(quantity)) return quantity;
      const price = cellNum(`prices${at}`, p);
      if (isDomainError(price)) return price;
      fills.push({ quantity, price });
      labels.push(single ? "fill" : `fill${at}`);
    }
  }
  if (
    type === "linear" &&
    fills.length > 0 &&
    fills.every((f) => typeof f.quantity === "number" && typeof f.price === "number")
  ) {
    const fast = averageEntryLinearFast(
      fills.map((f) => f.quantity as number),
      fills.map((f) => f.price as number),
    );
    if (fast !== null) return fast;
  }
  const exact: Fill[] = fills.map((f) => ({ quantity: toDec(f.quantity), price: toDec(f.price) }));
  return finish(averageEntry(exact, type, (i) => labels[i]));
}
