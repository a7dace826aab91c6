/**
 * Realized P&L of a sequence of fills of one instrument, fill by fill, as the exchanges' own
 * "Realized Profit" / "closedPnl" columns show it before fees:
 *
 * - a fill that opens or adds realizes 0 and moves the entry;
 * - a fill that reduces realizes, per closed unit, sign(position) × (price − entry) for linear
 *   contracts (quote currency), sign(position) × contract_size × (1/entry − 1/price) for inverse
 *   ones (coin);
 * - a fill that crosses zero closes the whole position and opens the rest at its own price.
 *
 * Entry by `average` cost (Binance, Bybit, OKX, Hyperliquid: a reducing fill leaves the average
 * unchanged; an adding fill re-averages it, harmonically for inverse) or by `fifo` lots (oldest
 * open lots close first).
 *
 * The open position is kept as exact sums — quantity and cost (Σ q·p linear, Σ q/p inverse) — so
 * the average is never rounded and carried: each realized amount is one exact expression, rounded
 * once at 40 digits.
 *
 * Linear books also take a fast exact path (`fillScaled`, for LEDGER's many fills): the same
 * operations on scaled integers (src/core/scaled.ts), taken only while every intermediate value
 * is a safe integer (at most 16 digits, so decimal.js at 40 digits computes it exactly too) and
 * every division is exact. The first fill that does not fit turns the book into decimals — the
 * very values decimal.js would hold, since every step so far was exact — for good.
 */
import { ContractType, Side } from "./contracts";
import { Dec, ZERO } from "./decimal";
import * as S from "./scaled";

export type CostMethod = "average" | "fifo";
export const COST_METHODS: readonly CostMethod[] = ["average", "fifo"];

export interface TradeFill {
  side: Side;
  /** Coins (linear) or contracts (inverse), ≥ 0. */
  quantity: Dec;
  /** > 0. */
  price: Dec;
}

/** An open lot: its quantity and what it cost (q·p linear, q/p inverse). */
interface Lot {
  quantity: Dec;
  cost: Dec;
}

/** An open lot on the fast exact path. */
interface ScaledLot {
  quantity: S.Scaled;
  cost: S.Scaled;
}

/** A scaled value as the exact decimal it stands for. */
export const scaledToDec = (a: S.Scaled): Dec => new Dec(a.scale === 0 ? String(a.int) : `${a.int}e-${a.scale}`);

/** a / b exactly (b > 0), when the quotient is a decimal that fits; else null. */
function exactDiv(a: S.Scaled, b: S.Scaled): S.Scaled | null {
  let num = a.int;
  for (let k = 0; k < 23; k++) {
    if (!Number.isSafeInteger(num)) return null;
    if (num % b.int === 0) {
      // An exact integer quotient of safe integers: the IEEE division gives it exactly.
      let int = num / b.int;
      let scale = a.scale + k - b.scale;
      if (scale < 0) {
        int *= 10 ** -scale;
        scale = 0;
        if (!Number.isSafeInteger(int)) return null;
      }
      return { int: int === 0 ? 0 : int, scale };
    }
    num *= 10;
  }
  return null;
}

/** Sign of a − b, or null when the two cannot be compared on safe integers. */
function compare(a: S.Scaled, b: S.Scaled): number | null {
  const d = S.sub(a, b);
  return d === null ? null : Math.sign(d.int);
}

/** The position as the engine holds it: its sign and its open lots (one lot under `average`). */
export class PositionBook {
  private lots: Lot[] = [];
  /** The open lots on the fast exact path (linear only); null once the book holds decimals. */
  private scaledLots: ScaledLot[] | null;
  sign: Side | 0 = 0;

  constructor(
    private readonly method: CostMethod,
    private readonly type: ContractType,
    private readonly size: Dec,
  ) {
    this.scaledLots = type === "linear" ? [] : null;
  }

  /** The open lots as decimals (exactly the fast path's values). */
  private decimalLots(): Lot[] {
    return this.scaledLots === null
      ? this.lots
      : this.scaledLots.map((l) => ({ quantity: scaledToDec(l.quantity), cost: scaledToDec(l.cost) }));
  }

  /** Leaves the fast path for good: the lots become decimals. */
  private toDecimal(): void {
    if (this.scaledLots === null) return;
    this.lots = this.decimalLots();
    this.scaledLots = null;
  }

  /**
   * `fill` on the fast exact path: what the fill realized, exactly as `fill` would give it, or
   * null — the book unchanged — when this book is not on the fast path or a value does not fit
   * (then call `fill` with the same fill as decimals).
   */
  fillScaled(side: Side, quantity: S.Scaled, price: S.Scaled): S.Scaled | null {
    const lots = this.scaledLots;
    if (lots === null) return null;
    if (quantity.int === 0) return S.ZERO_S;
    if (this.sign === 0 || this.sign === side) {
      const cost = S.mul(quantity, price);
      if (cost === null) return null;
      if (this.method === "fifo" || lots.length === 0) lots.push({ quantity, cost });
      else {
        const q = S.add(lots[0].quantity, quantity);
        const c = S.add(lots[0].cost, cost);
        if (q === null || c === null) return null;
        lots[0] = { quantity: q, cost: c };
      }
      this.sign = side;
      return S.ZERO_S;
    }
    // Reduce from the oldest lots, computed aside and committed only if every step fits.
    let realized: S.Scaled | null = S.ZERO_S;
    let rest = quantity;
    let closed = 0;
    let partial: ScaledLot | null = null;
    while (rest.int > 0 && closed < lots.length) {
      const lot = lots[closed];
      const order = compare(rest, lot.quantity);
      if (order === null) return null;
      const take = order < 0 ? rest : lot.quantity;
      // The share of the lot's cost that is closed, cost × take / lot quantity; then take·price − it.
      const closedCost = S.op(exactDiv, S.mul(lot.cost, take), lot.quantity);
      const gain = S.op(S.sub, S.mul(take, price), closedCost);
      if (gain === null) return null;
      realized = S.op(S.add, realized, this.sign === 1 ? gain : S.neg(gain));
      if (order >= 0) closed++;
      else {
        const q = S.sub(lot.quantity, take);
        const c = S.op(S.sub, lot.cost, closedCost);
        if (q === null || c === null) return null;
        partial = { quantity: q, cost: c };
      }
      const left = S.sub(rest, take);
      if (left === null || realized === null) return null;
      rest = left;
    }
    let opened: ScaledLot | null = null;
    if (rest.int > 0) {
      const cost = S.mul(rest, price);
      if (cost === null) return null;
      opened = { quantity: rest, cost };
    }
    if (partial) lots[closed] = partial;
    lots.splice(0, closed);
    if (lots.length === 0) this.sign = 0;
    if (opened) {
      // Crossed zero: the rest opens a new position at this fill's price.
      this.sign = side;
      lots.push(opened);
    }
    return realized;
  }

  private costOf(quantity: Dec, price: Dec): Dec {
    return this.type === "linear" ? quantity.times(price) : quantity.div(price);
  }

  /** What closing `quantity` of a lot worth `cost` for its `lotQuantity` realizes at `price`. */
  private realize(quantity: Dec, lotQuantity: Dec, cost: Dec, price: Dec): Dec {
    // The share of the lot's cost that is closed: cost × quantity / lotQuantity.
    const closedCost = cost.times(quantity).div(lotQuantity);
    const gain =
      this.type === "linear"
        ? quantity.times(price).minus(closedCost) // q·(price − entry)
        : closedCost.minus(quantity.div(price)).times(this.size); // size·q·(1/entry − 1/price)
    return this.sign === 1 ? gain : gain.neg();
  }

  private add(quantity: Dec, price: Dec): void {
    const cost = this.costOf(quantity, price);
    if (this.method === "fifo" || this.lots.length === 0) this.lots.push({ quantity, cost });
    else this.lots[0] = { quantity: this.lots[0].quantity.plus(quantity), cost: this.lots[0].cost.plus(cost) };
  }

  /** Closes up to `quantity` from the oldest lots; returns what it realized and what was left to close. */
  private reduce(quantity: Dec, price: Dec): { realized: Dec; rest: Dec } {
    let realized = ZERO;
    let rest = quantity;
    while (rest.gt(0) && this.lots.length > 0) {
      const lot = this.lots[0];
      const take = Dec.min(rest, lot.quantity);
      realized = realized.plus(this.realize(take, lot.quantity, lot.cost, price));
      if (take.eq(lot.quantity)) this.lots.shift();
      else this.lots[0] = { quantity: lot.quantity.minus(take), cost: lot.cost.minus(lot.cost.times(take).div(lot.quantity)) };
      rest = rest.minus(take);
    }
    if (this.lots.length === 0) this.sign = 0;
    return { realized, rest };
  }

  fill(f: TradeFill): Dec {
    this.toDecimal();
    if (f.quantity.isZero()) return ZERO;
    if (this.sign === 0 || this.sign === f.side) {
      this.sign = f.side;
      this.add(f.quantity, f.price);
      return ZERO;
    }
    const { realized, rest } = this.reduce(f.quantity, f.price);
    if (rest.gt(0)) {
      // Crossed zero: the rest opens a new position at this fill's price.
      this.sign = f.side;
      this.add(rest, f.price);
    }
    return realized;
  }

  /** The signed open quantity. */
  get position(): Dec {
    const q = this.decimalLots().reduce((s, l) => s.plus(l.quantity), ZERO);
    return this.sign === -1 ? q.neg() : q;
  }

  /** The average entry of what is open (harmonic for inverse), or null when flat. */
  get entry(): Dec | null {
    const lots = this.decimalLots();
    if (lots.length === 0) return null;
    const q = lots.reduce((s, l) => s.plus(l.quantity), ZERO);
    const cost = lots.reduce((s, l) => s.plus(l.cost), ZERO);
    return this.type === "linear" ? cost.div(q) : q.div(cost);
  }
}

export interface RealizedResult {
  /** Realized P&L of each fill, in order. */
  realized: Dec[];
  /** The position left open (signed) and its average entry (null when flat). */
  position: Dec;
  entry: Dec | null;
}

/**
 * Realized P&L fill by fill. The caller has checked every fill (quantity ≥ 0, price > 0) and the
 * contract size (> 0): this cannot fail.
 */
export function realizedPnl(
  fills: readonly TradeFill[],
  method: CostMethod,
  type: ContractType,
  contractSize: Dec,
): RealizedResult {
  const book = new PositionBook(method, type, contractSize);
  const realized = fills.map((f) => book.fill(f));
  return { realized, position: book.position, entry: book.entry };
}
