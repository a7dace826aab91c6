/**
 * LEGS.REALIZEDPNL(sides, quantities, prices, [method], [contract_type], [contract_size],
 * [opening_position], [opening_entry]): realized P&L of each fill of one instrument, in time
 * order, as the exchange's "Realized Profit" column shows it (before fees). A history that starts
 * in the middle of a position states what was held before its first fill (signed quantity and
 * average entry): the figures then start from it, as the exchange's do. Three same-shaped columns (or rows); the answer has that
 * shape, one value per fill, so SUM gives the total. A row blank in all three cells answers ""
 * and is skipped (room for more fills); any other bad row makes the whole answer one #VALUE!
 * naming the row, because a running position cannot skip a fill.
 */
import { CONTRACT_TYPES } from "../core/contracts";
import { ONE, toDec } from "../core/decimal";
import { invalid, isDomainError, Result } from "../core/errors";
import { COST_METHODS, OpeningPosition, realizedPnl, TradeFill } from "../core/realized";
import { cellNum, describe, isBlank, optionalChoice, optionalNumber, readSide, toGrid } from "./cells";
import { Answer, finish } from "./spill";

export function realizedPnlOf(
  sides: unknown,
  quantities: unknown,
  prices: unknown,
  method: unknown,
  contractType: unknown,
  contractSize: unknown,
  openingPosition?: unknown,
  openingEntry?: unknown,
): Answer {
  const m = optionalChoice("method", method, COST_METHODS, "average");
  if (isDomainError(m)) return m;
  const type = optionalChoice("contract_type", contractType, CONTRACT_TYPES, "linear");
  if (isDomainError(type)) return type;
  const size = optionalNumber("contract_size", contractSize, ONE);
  if (isDomainError(size)) return size;
  if (!size.gt(0)) return invalid(`contract_size must be greater than 0 (got ${size.toString()})`);
  const opening = readOpening(openingPosition, openingEntry);
  if (isDomainError(opening)) return opening;

  const grids = [toGrid("sides", sides), toGrid("quantities", quantities), toGrid("prices", prices)];
  for (const g of grids) if (isDomainError(g)) return g;
  const [ss, qs, ps] = grids as unknown[][][];
  const rows = ss.length;
  const cols = ss[0].length;
  if (qs.length !== rows || ps.length !== rows || qs[0].length !== cols || ps[0].length !== cols) {
    return invalid(
      `sides is ${describe(ss)}, quantities ${describe(qs)} and prices ${describe(ps)}: give three ranges of the same shape`,
    );
  }
  if (rows > 1 && cols > 1) return invalid(`sides is ${describe(ss)}: give the fills as one column (or one row) each`);

  const n = Math.max(rows, cols);
  const at = (i: number) => (rows > 1 ? [i, 0] : [0, i]);
  const fills: TradeFill[] = [];
  const used: number[] = [];
  for (let i = 0; i < n; i++) {
    const [r, c] = at(i);
    const [s, q, p] = [ss[r][c], qs[r][c], ps[r][c]];
    if (isBlank(s) && isBlank(q) && isBlank(p)) continue;
    const where = n > 1 ? ` (fill ${i + 1})` : "";
    const side = readSide(`sides${where}`, s);
    if (isDomainError(side)) return side;
    if (side === null)
      return invalid(`sides${where} is blank but the fill has a quantity or price: give buy, sell, long or short`);
    const quantity = cellNum(`quantities${where}`, q);
    if (isDomainError(quantity)) return quantity;
    const price = cellNum(`prices${where}`, p);
    if (isDomainError(price)) return price;
    const qd = toDec(quantity);
    const pd = toDec(price);
    if (qd.isNegative())
      return invalid(`quantities${where} must be 0 or more (got ${qd.toString()}): the side says the direction`);
    if (!pd.gt(0)) return invalid(`prices${where} must be greater than 0 (got ${pd.toString()})`);
    fills.push({ side, quantity: qd, price: pd });
    used.push(i);
  }

  const { realized } = realizedPnl(fills, m, type, size, opening ?? undefined);
  const out: (number | "")[] = Array(n).fill("");
  for (let k = 0; k < used.length; k++) {
    const x = finish(realized[k]);
    if (isDomainError(x)) return x;
    out[used[k]] = x;
  }
  return rows > 1 || n === 1 ? out.map((v) => [v]) : [out];
}

/** The position held before the first fill, or null (none stated, or 0). */
function readOpening(position: unknown, entry: unknown): Result<OpeningPosition | null> {
  const q = optionalNumber("opening_position", position, null);
  if (isDomainError(q)) return q;
  const e = optionalNumber("opening_entry", entry, null);
  if (isDomainError(e)) return e;
  if (q === null || q.isZero()) {
    if (e !== null && q === null)
      return invalid(
        `opening_entry is ${e.toString()} but opening_position is blank: give the position held before the first fill (+ long, − short)`,
      );
    return null;
  }
  if (e === null)
    return invalid(`opening_position is ${q.toString()} but opening_entry is blank: give its average entry price (> 0)`);
  if (!e.gt(0)) return invalid(`opening_entry must be greater than 0 (got ${e.toString()})`);
  return { position: q, entry: e };
}
