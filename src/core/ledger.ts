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
import { Dec, ZERO } from "./decimal";
import { CostMethod, PositionBook } from "./realized";

export interface LedgerFill {
  strategy: string;
  exchange: string;
  symbol: string;
  /** The position's P&L currency: quote currency (linear) or coin (inverse). */
  currency: string;
  /** ms UTC, or null when the table has no times (then table order is time order). */
  time: number | null;
  side: Side;
  quantity: Dec;
  price: Dec;
  contractType: ContractType;
  contractSize: Dec;
  /** A positive cost (a rebate negative). */
  fee: Dec;
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
  realized: Dec;
  fees: Dec;
  funding: Dec;
}

const keyOf = (strategy: string, exchange: string, symbol: string) =>
  `${strategy}\u0000${exchange.toLowerCase()}\u0000${symbol.toUpperCase()}`;

export function ledger(
  fills: readonly LedgerFill[],
  funding: readonly LedgerFunding[],
  marks: readonly LedgerMark[],
  method: CostMethod,
): LedgerLine[] {
  const positions = new Map<string, Position>();
  const otherFees = new Map<string, Dec>(); // strategy \0 asset → fees (as P&L)
  const open = (
    strategy: string,
    exchange: string,
    symbol: string,
    currency: string,
    type: ContractType,
    size: Dec,
  ): Position => {
    const key = keyOf(strategy, exchange, symbol);
    let p = positions.get(key);
    if (!p) {
      p = {
        strategy,
        exchange,
        symbol,
        currency,
        type,
        size,
        book: new PositionBook(method, type, size),
        realized: ZERO,
        fees: ZERO,
        funding: ZERO,
      };
      positions.set(key, p);
    }
    return p;
  };
  // First-seen order follows the fills table; then fills and funding are replayed in time order
  // (funding at the same instant as a fill first: it is paid on the position held until then).
  for (const f of fills) open(f.strategy, f.exchange, f.symbol, f.currency, f.contractType, f.contractSize);
  type Event = { time: number | null; order: number; fill?: LedgerFill; funding?: LedgerFunding };
  const events: Event[] = [
    ...funding.map((f, i) => ({ time: f.time, order: i, funding: f })),
    ...fills.map((f, i) => ({ time: f.time, order: funding.length + i, fill: f })),
  ];
  const timed = events.every((e) => e.time !== null);
  if (timed) events.sort((a, b) => a.time! - b.time! || a.order - b.order);
  else events.sort((a, b) => Number(Boolean(a.funding)) - Number(Boolean(b.funding)) || a.order - b.order);

  for (const e of events) {
    if (e.fill) {
      const f = e.fill;
      const p = open(f.strategy, f.exchange, f.symbol, f.currency, f.contractType, f.contractSize);
      p.realized = p.realized.plus(p.book.fill({ side: f.side, quantity: f.quantity, price: f.price }));
      if (f.feeAsset === "" || f.feeAsset.toUpperCase() === p.currency.toUpperCase()) p.fees = p.fees.minus(f.fee);
      else {
        const k = `${f.strategy}\u0000${f.feeAsset.toUpperCase()}`;
        otherFees.set(k, (otherFees.get(k) ?? ZERO).minus(f.fee));
      }
      continue;
    }
    const f = e.funding!;
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
    const total = p.realized
      .plus(p.fees)
      .plus(p.funding)
      .plus(unrealized ?? ZERO);
    lines.push({
      strategy: p.strategy,
      exchange: p.exchange,
      symbol: p.symbol,
      currency: p.currency,
      position,
      entry,
      realized: p.realized,
      fees: p.fees,
      funding: p.funding,
      unrealized,
      total,
      kind: "position",
    });
  }
  const positionLines = [...lines];
  const add = (
    into: Map<string, LedgerLine>,
    key: string,
    seed: Omit<LedgerLine, "realized" | "fees" | "funding" | "unrealized" | "total">,
    l: Partial<LedgerLine>,
  ) => {
    const t = into.get(key) ?? { ...seed, realized: ZERO, fees: ZERO, funding: ZERO, unrealized: null, total: ZERO };
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
