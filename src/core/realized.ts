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
 * For LEDGER's many fills a book also runs on two faster exact paths (`fillExact`), doing the very
 * same operations: scaled integers (scaled.ts) while every value is a safe integer (at most 16
 * digits, which decimal.js at 40 digits computes exactly too) and every division exact; else
 * BigInt decimals rounded as decimal.js rounds (big-decimal.ts). Either way the book holds what
 * decimal.js would hold, so it moves from one path to the next (back to scaled integers whenever
 * it is flat) without a difference in any result.
 */
import { ContractType, Side } from "./contracts";
import * as B from "./big-decimal";
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

/** One exact arithmetic for the fast paths: each operation is decimal.js's result, or null (then the next path). */
interface Exact<T> {
  zero: T;
  mul(a: T, b: T): T | null;
  /** a / b, b > 0. */
  div(a: T, b: T): T | null;
  add(a: T, b: T): T | null;
  sub(a: T, b: T): T | null;
  neg(a: T): T;
  /** Sign of a − b. */
  compare(a: T, b: T): number | null;
  sign(a: T): number;
}

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

const SCALED: Exact<S.Scaled> = {
  zero: S.ZERO_S,
  mul: S.mul,
  div: exactDiv,
  add: S.add,
  sub: S.sub,
  neg: S.neg,
  compare: (a, b) => {
    const d = S.sub(a, b);
    return d === null ? null : Math.sign(d.int);
  },
  sign: S.sign,
};

const BIG: Exact<B.Big> = {
  zero: B.ZERO_BIG,
  mul: B.mul,
  div: B.div,
  add: B.add,
  sub: B.sub,
  neg: B.neg,
  compare: B.compare,
  sign: (a) => (a.c === B.ZERO_BIG.c ? 0 : a.c < B.ZERO_BIG.c ? -1 : 1),
};

/** A scaled value as the exact decimal it stands for. */
export const scaledToDec = (a: S.Scaled): Dec => new Dec(a.scale === 0 ? String(a.int) : `${a.int}e-${a.scale}`);

interface ExactLot<T> {
  quantity: T;
  cost: T;
}

/** What a book is on: its lots in one of the exact arithmetics, or in decimal.js. */
type Path = { kind: "scaled"; lots: ExactLot<S.Scaled>[] } | { kind: "big"; lots: ExactLot<B.Big>[] } | { kind: "decimal" };

/** The position as the engine holds it: its sign and its open lots (one lot under `average`). */
export class PositionBook {
  private lots: Lot[] = [];
  private path: Path = { kind: "scaled", lots: [] };
  /** The contract size on the fast paths (used by inverse books), or null when it is not one. */
  private readonly scaledSize: S.Scaled | null;
  private readonly bigSize: B.Big | null;
  sign: Side | 0 = 0;

  constructor(
    private readonly method: CostMethod,
    private readonly type: ContractType,
    private readonly size: Dec,
  ) {
    this.bigSize = B.bigOfNum(size);
    this.scaledSize = this.bigSize && B.scaledOfBig(this.bigSize);
  }

  /** The open lots as decimals (exactly the fast paths' values). */
  private decimalLots(): Lot[] {
    const path = this.path;
    if (path.kind === "decimal") return this.lots;
    const toDec = path.kind === "scaled" ? scaledToDec : B.bigToDec;
    return (path.lots as ExactLot<never>[]).map((l) => ({ quantity: toDec(l.quantity), cost: toDec(l.cost) }));
  }

  /** Leaves the fast paths: the lots become decimals. */
  private toDecimal(): void {
    if (this.path.kind === "decimal") return;
    this.lots = this.decimalLots();
    this.path = { kind: "decimal" };
  }

  /**
   * `fill` on a fast exact path: what the fill realized, exactly as `fill` would give it, or null
   * — the book unchanged — when no fast path takes it (then call `fill` with the same fill as
   * decimals). `quantity` and `price` are the cells' numbers; `scaledQuantity` and `scaledPrice`
   * the same as scaled integers when they are (scaled.ts).
   */
  fillExact(
    side: Side,
    quantity: number | Dec,
    price: number | Dec,
    scaledQuantity: S.Scaled | null,
    scaledPrice: S.Scaled | null,
  ): S.Scaled | B.Big | null {
    if (this.path.kind === "decimal" && this.lots.length === 0) this.path = { kind: "scaled", lots: [] }; // flat: nothing carried
    const path = this.path;
    if (path.kind === "scaled") {
      if (scaledQuantity !== null && scaledPrice !== null && (this.type === "linear" || this.scaledSize !== null)) {
        const realized = this.exactFill(SCALED, path.lots, side, scaledQuantity, scaledPrice, this.scaledSize);
        if (realized !== null) return realized;
      }
      // On to BigInt decimals: the same values.
      this.path = { kind: "big", lots: path.lots.map((l) => ({ quantity: B.bigOf(l.quantity), cost: B.bigOf(l.cost) })) };
    }
    if (this.path.kind === "big") {
      const q = B.bigOfNum(quantity, scaledQuantity);
      const p = B.bigOfNum(price, scaledPrice);
      const lots = this.path.lots;
      const realized =
        q === null || p === null || (this.type === "inverse" && this.bigSize === null)
          ? null
          : this.exactFill(BIG, lots, side, q, p, this.bigSize);
      if (realized !== null) {
        if (lots.length === 0) this.path = { kind: "scaled", lots: [] }; // flat: nothing carried
        return realized;
      }
      this.toDecimal();
    }
    return null;
  }

  /** The fill on `lots` in arithmetic A, committed only if every step has its exact result. */
  private exactFill<T>(A: Exact<T>, lots: ExactLot<T>[], side: Side, quantity: T, price: T, size: T | null): T | null {
    const costOf = (q: T) => (this.type === "linear" ? A.mul(q, price) : A.div(q, price));
    if (A.sign(quantity) === 0) return A.zero;
    if (this.sign === 0 || this.sign === side) {
      const cost = costOf(quantity);
      if (cost === null) return null;
      if (this.method === "fifo" || lots.length === 0) lots.push({ quantity, cost });
      else {
        const q = A.add(lots[0].quantity, quantity);
        const c = A.add(lots[0].cost, cost);
        if (q === null || c === null) return null;
        lots[0] = { quantity: q, cost: c };
      }
      this.sign = side;
      return A.zero;
    }
    // Reduce from the oldest lots (as `reduce` does), computed aside.
    let realized: T | null = A.zero;
    let rest = quantity;
    let closed = 0;
    let partial: ExactLot<T> | null = null;
    while (A.sign(rest) > 0 && closed < lots.length) {
      const lot = lots[closed];
      const order = A.compare(rest, lot.quantity);
      if (order === null) return null;
      const take = order < 0 ? rest : lot.quantity;
      // As `realize`: the closed share of the lot's cost, cost × take / lot quantity; then the gain.
      const product = A.mul(lot.cost, take);
      const closedCost = product === null ? null : A.div(product, lot.quantity);
      if (closedCost === null) return null;
      let gain: T | null;
      if (this.type === "linear") {
        const value = A.mul(take, price);
        gain = value === null ? null : A.sub(value, closedCost);
      } else {
        const value = A.div(take, price);
        const difference = value === null ? null : A.sub(closedCost, value);
        gain = difference === null ? null : A.mul(difference, size!);
      }
      if (gain === null) return null;
      realized = A.add(realized, this.sign === 1 ? gain : A.neg(gain));
      if (order >= 0) closed++;
      else {
        const q = A.sub(lot.quantity, take);
        const c = A.sub(lot.cost, closedCost);
        if (q === null || c === null) return null;
        partial = { quantity: q, cost: c };
      }
      const left = A.sub(rest, take);
      if (left === null || realized === null) return null;
      rest = left;
    }
    let opened: ExactLot<T> | null = null;
    if (A.sign(rest) > 0) {
      const cost = costOf(rest);
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
/**
 * A position held before the first fill (a history that starts in the middle of one): signed
 * quantity (+ long, − short; coins linear, contracts inverse) and its average entry.
 */
export interface OpeningPosition {
  position: Dec;
  /** > 0. */
  entry: Dec;
}

export function realizedPnl(
  fills: readonly TradeFill[],
  method: CostMethod,
  type: ContractType,
  contractSize: Dec,
  opening?: OpeningPosition,
): RealizedResult {
  const book = new PositionBook(method, type, contractSize);
  // Held before: one lot at its average entry, as a fill into a flat book makes it (it realizes 0).
  if (opening && !opening.position.isZero())
    book.fill({ side: opening.position.isNegative() ? -1 : 1, quantity: opening.position.abs(), price: opening.entry });
  const realized = fills.map((f) => book.fill(f));
  return { realized, position: book.position, entry: book.entry };
}
