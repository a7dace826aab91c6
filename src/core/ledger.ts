/**
 * The ledger: one combined P&L per position and per strategy — realized (as REALIZEDPNL computes
 * it, gross), fees, funding and unrealized — in each position's own currency (quote currency for
 * linear contracts, coin for inverse ones), never adding one currency to another.
 *
 * Positions are (strategy, exchange, symbol): the same symbol on two venues is two positions,
 * each with its own entry. Funding without a strategy goes to the strategies holding that symbol
 * on that exchange at that time, pro rata by position size; to the unassigned position if none
 * does. Fees in another asset than the position's currency (BNB on Binance) are kept in that
 * asset, in the totals.
 */
import { ContractType, Side } from "./contracts";
import { Dec, Num, toDec, ZERO } from "./decimal";
import * as B from "./big-decimal";
import { CostMethod, PositionBook, scaledToDec } from "./realized";
import * as S from "./scaled";
import { borrowMemory, returnMemory } from "./scratch";
import { timeOrder } from "./time-order";

export interface LedgerFill {
  strategy: string;
  exchange: string;
  symbol: string;
  /** The position's P&L currency: quote currency (linear) or coin (inverse). */
  currency: string;
  /** ms UTC, or null when the table has no times (then table order is time order). */
  time: number | null;
  side: Side;
  /**
   * Numbers as the cells hold them: a double (read as the decimal the user typed, on the fast
   * exact path when it fits) or an exact decimal parsed from numeric text.
   */
  quantity: Num;
  price: Num;
  contractType: ContractType;
  contractSize: Num;
  /** A positive cost (a rebate negative). */
  fee: Num;
  feeAsset: string;
}

export interface LedgerFunding {
  strategy: string;
  exchange: string;
  symbol: string;
  time: number | null;
  /** + received, − paid. */
  amount: Dec;
  asset: string;
}

/** A closed position as the exchange states it (Bybit's Closed P&L): net of its fees and funding. */
export interface LedgerClosed {
  strategy: string;
  exchange: string;
  symbol: string;
  /** + profit, − loss, in `currency`. */
  pnl: Dec;
  currency: string;
}

export interface LedgerMark {
  /** null: applies to the symbol on every exchange. */
  exchange: string | null;
  symbol: string;
  mark: Dec;
}

export interface LedgerLine {
  strategy: string;
  exchange: string;
  symbol: string;
  currency: string;
  position: Dec | null;
  entry: Dec | null;
  realized: Dec;
  /** Fees as P&L: negative for a cost. */
  fees: Dec;
  funding: Dec;
  unrealized: Dec | null;
  total: Dec;
  /**
   * The exchange's own closed-position P&L for this position (net of fees and funding, as Bybit's
   * Closed P&L states it), beside the figures computed from the fills; null when it has none.
   */
  exchangeClosed: Dec | null;
  kind: "position" | "strategy" | "currency";
}

interface Position {
  strategy: string;
  exchange: string;
  symbol: string;
  currency: string;
  type: ContractType;
  size: Dec;
  book: PositionBook;
  /** Realized and fees, summed fill by fill (on the fast exact paths while they take them). */
  realized: ExactSum;
  fees: ExactSum;
  funding: Dec;
  exchangeClosed: Dec | null;
}

/**
 * A running sum exactly as decimal.js would hold it (each sum rounded at 40 digits, as `plus`
 * rounds): on scaled integers while it fits, then on BigInt decimals, then on decimal.js.
 */
class ExactSum {
  private scaled: S.Scaled | null = S.ZERO_S;
  private big: B.Big | null = null;
  private decimal: Dec = ZERO;

  add(x: S.Scaled | B.Big | Dec): void {
    if (this.scaled !== null) {
      // (An opening fill realizes nothing, a zero fee costs nothing: no sum to do.)
      if (!("int" in x)) this.toBig();
      else if (x.int === 0) return;
      else {
        const sum = S.add(this.scaled, x);
        if (sum !== null) {
          this.scaled = sum;
          return;
        }
        this.toBig();
      }
    }
    if (this.big !== null) {
      const y = x instanceof Dec ? B.bigOfNum(x) : "int" in x ? B.bigOf(x) : x;
      const sum = y === null ? null : B.add(this.big, y);
      if (sum !== null) {
        this.big = sum;
        return;
      }
      this.decimal = B.bigToDec(this.big);
      this.big = null;
    }
    this.decimal = this.decimal.plus(x instanceof Dec ? x : "int" in x ? scaledToDec(x) : B.bigToDec(x));
  }

  private toBig(): void {
    this.big = B.bigOf(this.scaled!);
    this.scaled = null;
  }

  get value(): Dec {
    return this.scaled !== null ? scaledToDec(this.scaled) : this.big !== null ? B.bigToDec(this.big) : this.decimal;
  }
}

/** −x, on whichever path x is. */
const negated = (x: S.Scaled | B.Big | Dec): S.Scaled | B.Big | Dec =>
  x instanceof Dec ? x.neg() : "int" in x ? S.neg(x) : B.neg(x);

/** A fill on its position's book: on a fast exact path when one takes it (see realized.ts). */
function fillBook(p: Position, side: Side, q: NumColumn, price: NumColumn, i: number): S.Scaled | B.Big | Dec {
  const quantity = q.get(i);
  const at = price.get(i);
  const realized = p.book.fillExact(side, quantity, at, q.scaled(i), price.scaled(i));
  return realized ?? p.book.fill({ side, quantity: toDec(quantity), price: toDec(at) });
}

/**
 * Event order: by time, the earlier event first (funding before fills at the same instant, by
 * number: funding is numbered first), or without times fills first, then funding, each in table
 * order. Returns the event numbers (funding 0…, then fills) in that order, or null when that is
 * their own order.
 */
function eventOrder(t: Float64Array, fundingCount: number, timed: boolean): Float64Array | null {
  const n = t.length;
  if (!timed) {
    const order = f64("ledger order", n);
    let k = 0;
    for (let e = fundingCount; e < n; e++) order[k++] = e;
    for (let e = 0; e < fundingCount; e++) order[k++] = e;
    return order;
  }
  return timeOrder(t, (size) => f64("ledger order", size));
}

const keyOf = (strategy: string, exchange: string, symbol: string) =>
  `${strategy}\u0000${exchange.toLowerCase()}\u0000${symbol.toUpperCase()}`;

const f64 = (role: string, n: number) => new Float64Array(borrowMemory(role, n * 8), 0, n);

/** A column of numbers as cells hold them: doubles in place, a decimal (from text) beside, NaN in its place. */
class NumColumn {
  values: Float64Array;
  private decimals: Map<number, Dec> | null = null;
  private lastValue = NaN;
  private lastScaled: S.Scaled | null = null;

  constructor(
    private readonly role: string,
    capacity: number,
  ) {
    this.values = f64(role, capacity);
  }

  release(): void {
    returnMemory(this.role, this.values.buffer);
    this.values = new Float64Array(0);
  }

  set(i: number, x: Num): void {
    if (typeof x === "number") this.values[i] = x;
    else {
      this.values[i] = NaN;
      (this.decimals ??= new Map()).set(i, x);
    }
  }
  get(i: number): Num {
    const x = this.values[i];
    return x === x ? x : this.decimals!.get(i)!;
  }

  /** The number at i as the fast path holds it (scaled.ts), or null: text, or a number that does not fit. */
  scaled(i: number): S.Scaled | null {
    const x = this.values[i];
    if (x !== this.lastValue) {
      if (x !== x) return null; // a decimal from text
      this.lastValue = x; // (the same size or fee again and again is common: worked out once)
      this.lastScaled = S.scaledOf(x);
    }
    return this.lastScaled;
  }
}

/**
 * The fills of a ledger, taken one at a time in table order (see `add`) and kept as columns —
 * a hundred thousand fill objects cost more to make and keep than the ledger costs to compute.
 * Each fill's position is found when it is added, by the cells' own text first.
 */
export class LedgerFills {
  /** Positions by key, in first-seen order (the order of the answer's lines). */
  readonly positions = new Map<string, Position>();
  length = 0;
  timed = true;
  private readonly byText = new Map<string, Map<string, Map<string, number>>>();
  private readonly positionList: Position[] = [];
  private position: Int32Array;
  time: Float64Array;
  private side: Int8Array;
  private readonly quantity: NumColumn;
  private readonly price: NumColumn;
  private readonly fee: NumColumn;
  /** Fills whose fee is in another asset than their position's currency: fill → strategy \0 asset. */
  private readonly feeElsewhere = new Map<number, string>();

  constructor(
    readonly method: CostMethod,
    readonly capacity: number,
  ) {
    this.position = new Int32Array(borrowMemory("ledger position", capacity * 4), 0, capacity);
    this.time = f64("ledger time", capacity);
    this.side = new Int8Array(borrowMemory("ledger side", capacity), 0, capacity);
    this.quantity = new NumColumn("ledger quantity", capacity);
    this.price = new NumColumn("ledger price", capacity);
    this.fee = new NumColumn("ledger fee", capacity);
  }

  /** Gives the columns' memory back for the next ledger: this LedgerFills is spent. */
  release(): void {
    returnMemory("ledger position", this.position.buffer);
    returnMemory("ledger time", this.time.buffer);
    returnMemory("ledger side", this.side.buffer);
    this.quantity.release();
    this.price.release();
    this.fee.release();
    this.position = new Int32Array(0);
    this.time = new Float64Array(0);
    this.side = new Int8Array(0);
    this.length = 0;
  }

  /** The position of (strategy, exchange, symbol), opened with these terms if it is new. */
  open(strategy: string, exchange: string, symbol: string, currency: string, type: ContractType, size: Num): Position {
    const key = keyOf(strategy, exchange, symbol);
    let p = this.positions.get(key);
    if (!p) {
      const exactSize = toDec(size);
      p = {
        strategy,
        exchange,
        symbol,
        currency,
        type,
        size: exactSize,
        book: new PositionBook(this.method, type, exactSize),
        realized: new ExactSum(),
        fees: new ExactSum(),
        funding: ZERO,
        exchangeClosed: null,
      };
      this.positions.set(key, p);
    }
    return p;
  }

  /** Appends a fill (the object is read, not kept: it may be reused). At most `capacity` fills. */
  add(f: LedgerFill): void {
    if (this.length >= this.position.length) throw new RangeError("LedgerFills: more fills than its capacity, or spent");
    const i = this.length++;
    let byExchange = this.byText.get(f.strategy);
    if (!byExchange) this.byText.set(f.strategy, (byExchange = new Map()));
    let bySymbol = byExchange.get(f.exchange);
    if (!bySymbol) byExchange.set(f.exchange, (bySymbol = new Map()));
    let k = bySymbol.get(f.symbol);
    if (k === undefined) {
      bySymbol.set(f.symbol, (k = this.positionList.length));
      this.positionList.push(this.open(f.strategy, f.exchange, f.symbol, f.currency, f.contractType, f.contractSize));
    }
    this.position[i] = k;
    const p = this.positionList[k];
    if (f.time === null) this.timed = false;
    else this.time[i] = f.time;
    this.side[i] = f.side;
    this.quantity.set(i, f.quantity);
    this.price.set(i, f.price);
    this.fee.set(i, f.fee);
    if (!(f.feeAsset === "" || f.feeAsset === p.currency || f.feeAsset.toUpperCase() === p.currency.toUpperCase()))
      this.feeElsewhere.set(i, `${f.strategy}\u0000${f.feeAsset.toUpperCase()}`);
  }

  /** Books fill i on its position; a fee in another asset goes to `otherFees`. */
  replay(i: number, otherFees: Map<string, Dec>): void {
    const p = this.positionList[this.position[i]];
    p.realized.add(fillBook(p, this.side[i] as Side, this.quantity, this.price, i));
    const elsewhere = this.feeElsewhere.size === 0 ? undefined : this.feeElsewhere.get(i);
    if (elsewhere === undefined) {
      const fee = this.fee.get(i);
      p.fees.add(negated(this.fee.scaled(i) ?? B.bigOfNum(fee) ?? toDec(fee)));
    } else otherFees.set(elsewhere, (otherFees.get(elsewhere) ?? ZERO).minus(toDec(this.fee.get(i))));
  }
}

/**
 * The ledger's lines: one per position, then the totals per strategy and currency, then per
 * currency. `fills` may come already taken into a LedgerFills (of the same method), which this
 * replays (once: a LedgerFills is spent by its ledger).
 */
export function ledger(
  fills: readonly LedgerFill[] | LedgerFills,
  funding: readonly LedgerFunding[],
  marks: readonly LedgerMark[],
  method: CostMethod,
  closed: readonly LedgerClosed[] = [],
): LedgerLine[] {
  let book: LedgerFills;
  if (fills instanceof LedgerFills) book = fills;
  else {
    book = new LedgerFills(method, fills.length);
    for (const f of fills) book.add(f);
  }
  const positions = book.positions;
  const otherFees = new Map<string, Dec>(); // strategy \0 asset → fees (as P&L)
  const open = book.open.bind(book);
  // First-seen order follows the fills table (positions were opened as fills were added); then
  // fills and funding are replayed in time order (funding at the same instant as a fill first:
  // it is paid on the position held until then).
  let times = book.time.subarray(0, book.length);
  let timed = book.timed;
  if (funding.length > 0) {
    times = new Float64Array(funding.length + book.length);
    for (let i = 0; i < funding.length; i++) {
      const t = funding[i].time;
      if (t === null) timed = false;
      else times[i] = t;
    }
    times.set(book.time.subarray(0, book.length), funding.length);
  }

  const order = eventOrder(times, funding.length, timed);
  for (let k = 0; k < times.length; k++) {
    const e = order === null ? k : order[k];
    if (e >= funding.length) {
      book.replay(e - funding.length, otherFees);
      continue;
    }
    const f = funding[e];
    if (f.strategy !== "") {
      const p = open(f.strategy, f.exchange, f.symbol, f.asset, "linear", new Dec(1));
      p.funding = p.funding.plus(f.amount);
      continue;
    }
    // Unassigned funding: to whoever holds the symbol on that exchange now, by size.
    const holders = [...positions.values()].filter(
      (p) =>
        p.exchange.toLowerCase() === f.exchange.toLowerCase() &&
        p.symbol.toUpperCase() === f.symbol.toUpperCase() &&
        !p.book.position.isZero(),
    );
    const held = holders.reduce((s, p) => s.plus(p.book.position.abs()), ZERO);
    if (!timed || holders.length === 0 || held.isZero()) {
      const p = open("", f.exchange, f.symbol, f.asset, "linear", new Dec(1));
      p.funding = p.funding.plus(f.amount);
      continue;
    }
    for (const p of holders) p.funding = p.funding.plus(f.amount.times(p.book.position.abs()).div(held));
  }

  // The exchange's closed positions: to the strategy they name; else to the one position holding
  // that symbol on that exchange; else (none, or several strategies) to the position without one.
  for (const c of closed) {
    let p = c.strategy === "" ? undefined : positions.get(keyOf(c.strategy, c.exchange, c.symbol));
    if (!p && c.strategy === "") {
      const holders = [...positions.values()].filter(
        (x) => x.exchange.toLowerCase() === c.exchange.toLowerCase() && x.symbol.toUpperCase() === c.symbol.toUpperCase(),
      );
      if (holders.length === 1) p = holders[0];
    }
    p ??= open(c.strategy, c.exchange, c.symbol, c.currency, "linear", new Dec(1));
    p.exchangeClosed = (p.exchangeClosed ?? ZERO).plus(c.pnl);
  }

  // The columns are spent: their memory goes back for the next ledger.
  book.release();
  if (order !== null) returnMemory("ledger order", order.buffer);
  const lines: LedgerLine[] = [];
  for (const p of positions.values()) {
    const position = p.book.position;
    const entry = p.book.entry;
    const mark =
      marks.find(
        (m) =>
          m.exchange !== null &&
          m.exchange.toLowerCase() === p.exchange.toLowerCase() &&
          m.symbol.toUpperCase() === p.symbol.toUpperCase(),
      ) ?? marks.find((m) => m.exchange === null && m.symbol.toUpperCase() === p.symbol.toUpperCase());
    let unrealized: Dec | null = null;
    if (position.isZero()) unrealized = marks.length > 0 ? ZERO : null;
    else if (mark && entry) {
      unrealized =
        p.type === "linear"
          ? position.times(mark.mark.minus(entry))
          : position.times(p.size).times(ONE_OVER(entry).minus(ONE_OVER(mark.mark)));
    }
    const realized = p.realized.value;
    const fees = p.fees.value;
    const total = realized
      .plus(fees)
      .plus(p.funding)
      .plus(unrealized ?? ZERO);
    lines.push({
      strategy: p.strategy,
      exchange: p.exchange,
      symbol: p.symbol,
      currency: p.currency,
      position,
      entry,
      realized,
      fees,
      funding: p.funding,
      unrealized,
      total,
      exchangeClosed: p.exchangeClosed,
      kind: "position",
    });
  }
  const positionLines = [...lines];
  const add = (
    into: Map<string, LedgerLine>,
    key: string,
    seed: Omit<LedgerLine, "realized" | "fees" | "funding" | "unrealized" | "total" | "exchangeClosed">,
    l: Partial<LedgerLine>,
  ) => {
    const t = into.get(key) ?? {
      ...seed,
      realized: ZERO,
      fees: ZERO,
      funding: ZERO,
      unrealized: null,
      total: ZERO,
      exchangeClosed: null,
    };
    if (l.exchangeClosed) t.exchangeClosed = (t.exchangeClosed ?? ZERO).plus(l.exchangeClosed);
    t.realized = t.realized.plus(l.realized ?? ZERO);
    t.fees = t.fees.plus(l.fees ?? ZERO);
    t.funding = t.funding.plus(l.funding ?? ZERO);
    if (l.unrealized) t.unrealized = (t.unrealized ?? ZERO).plus(l.unrealized);
    t.total = t.total.plus(l.total ?? ZERO);
    into.set(key, t);
  };
  const byStrategy = new Map<string, LedgerLine>();
  const byCurrency = new Map<string, LedgerLine>();
  const totalSeed = (strategy: string, currency: string, kind: LedgerLine["kind"]) => ({
    strategy,
    exchange: "",
    symbol: "Total",
    currency,
    position: null,
    entry: null,
    kind,
  });
  for (const l of positionLines) {
    add(byStrategy, `${l.strategy}\u0000${l.currency}`, totalSeed(l.strategy, l.currency, "strategy"), l);
    add(byCurrency, l.currency, totalSeed("All strategies", l.currency, "currency"), l);
  }
  for (const [k, fee] of otherFees) {
    const [strategy, asset] = k.split("\u0000");
    add(byStrategy, `${strategy}\u0000${asset}`, totalSeed(strategy, asset, "strategy"), { fees: fee, total: fee });
    add(byCurrency, asset, totalSeed("All strategies", asset, "currency"), { fees: fee, total: fee });
  }
  return [...positionLines, ...byStrategy.values(), ...byCurrency.values()];
}

const ONE_OVER = (x: Dec) => new Dec(1).div(x);
