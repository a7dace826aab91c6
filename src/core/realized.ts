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
 */
import { ContractType, Side } from "./contracts";
import { Dec, ZERO } from "./decimal";

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

/** The position as the engine holds it: its sign and its open lots (one lot under `average`). */
export class PositionBook {
  private lots: Lot[] = [];
  sign: Side | 0 = 0;

  constructor(
    private readonly method: CostMethod,
    private readonly type: ContractType,
    private readonly size: Dec,
  ) {}

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
    const q = this.lots.reduce((s, l) => s.plus(l.quantity), ZERO);
    return this.sign === -1 ? q.neg() : q;
  }

  /** The average entry of what is open (harmonic for inverse), or null when flat. */
  get entry(): Dec | null {
    if (this.lots.length === 0) return null;
    const q = this.lots.reduce((s, l) => s.plus(l.quantity), ZERO);
    const cost = this.lots.reduce((s, l) => s.plus(l.cost), ZERO);
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
