/**
 * LEGS.POSITIONPNL(side, quantity, entry_price, exit_price, [contract_type], [contract_size]):
 * P&L of one position, linear (quote currency) or inverse (coin). Numeric arguments may be
 * ranges: a column of exit prices spills the P&L at each.
 */
import { CONTRACT_TYPES } from "../core/contracts";
import { isDomainError } from "../core/errors";
import { positionPnl as corePositionPnl, positionPnlFast } from "../core/position";
import { optionalChoice, requiredSide, withDefault } from "./cells";
import { Answer, spill } from "./spill";

export function positionPnl(
  side: unknown,
  quantity: unknown,
  entryPrice: unknown,
  exitPrice: unknown,
  contractType: unknown,
  contractSize: unknown,
): Answer {
  const s = requiredSide("side", side);
  if (isDomainError(s)) return s;
  const type = optionalChoice("contract_type", contractType, CONTRACT_TYPES, "linear");
  if (isDomainError(type)) return type;
  return spill(
    [
      { name: "quantity", value: quantity },
      { name: "entry_price", value: entryPrice },
      { name: "exit_price", value: exitPrice },
      { name: "contract_size", value: withDefault(contractSize, 1) },
    ],
    ([q, entry, exit, size]) => corePositionPnl({ side: s, quantity: q, entry, exit, contractType: type, contractSize: size }),
    ([q, entry, exit, size]) => positionPnlFast(s, q, entry, exit, type, size),
  );
}
