/**
 * Two views of the Book beside the ledger, from the same fills and funding:
 *
 * - net delta per strategy and asset, in coins: linear positions are coins already; an inverse
 *   position of n contracts of S quote currency each is n × S / mark coins (its coin exposure at
 *   the mark; at the average entry when no mark is given). A strategy whose legs hedge each other
 *   shows 0 (background article: "Delta = +1 … Delta = −1 … net 0").
 * - P&L by day in one currency: realized (gross, as REALIZEDPNL), funding and fees of every
 *   position settled in that currency, summed per UTC day and cumulated — what the Book's chart
 *   draws. Currencies are never mixed: coin-settled P&L has its own series.
 */
import { symbolParts } from "./symbol-parts";
import { Dec, toDec, ZERO } from "./decimal";
import { LedgerFill, LedgerFunding, LedgerMark } from "./ledger";
import { CostMethod, PositionBook } from "./realized";

export interface DeltaLine {
  strategy: string;
  asset: string;
  delta: Dec;
}

const markFor = (marks: readonly LedgerMark[], exchange: string, symbol: string): Dec | null =>
  (
    marks.find(
      (m) =>
        m.exchange !== null &&
        m.exchange.toLowerCase() === exchange.toLowerCase() &&
        m.symbol.toUpperCase() === symbol.toUpperCase(),
    ) ?? marks.find((m) => m.exchange === null && m.symbol.toUpperCase() === symbol.toUpperCase())
  )?.mark ?? null;

export function netDeltaByStrategy(fills: readonly LedgerFill[], marks: readonly LedgerMark[], method: CostMethod): DeltaLine[] {
  const positions = new Map<string, { f: LedgerFill; book: PositionBook }>();
  for (const f of fills) {
    const key = `${f.strategy}\u0000${f.exchange.toLowerCase()}\u0000${f.symbol.toUpperCase()}`;
    let p = positions.get(key);
    if (!p) {
      p = { f, book: new PositionBook(method, f.contractType, toDec(f.contractSize)) };
      positions.set(key, p);
    }
    p.book.fill({ side: f.side, quantity: toDec(f.quantity), price: toDec(f.price) });
  }
  const lines = new Map<string, DeltaLine>();
  for (const { f, book } of positions.values()) {
    const asset = f.contractType === "inverse" ? f.currency : symbolParts(f.symbol).base;
    const key = `${f.strategy}\u0000${asset}`;
    const line = lines.get(key) ?? { strategy: f.strategy, asset, delta: ZERO };
    const position = book.position;
    if (!position.isZero()) {
      if (f.contractType === "linear") line.delta = line.delta.plus(position);
      else {
        const price = markFor(marks, f.exchange, f.symbol) ?? book.entry!;
        line.delta = line.delta.plus(position.times(toDec(f.contractSize)).div(price));
      }
    }
    lines.set(key, line);
  }
  return [...lines.values()];
}

export interface DayLine {
  /** Excel date serial of the UTC day. */
  day: number;
  realized: Dec;
  funding: Dec;
  /** As P&L: negative for a cost. */
  fees: Dec;
  cumulative: Dec;
}

/** Realized, funding and fees per UTC day in `currency`, with the running total. Needs times. */
export function pnlByDay(
  fills: readonly LedgerFill[],
  funding: readonly LedgerFunding[],
  currency: string,
  method: CostMethod,
): DayLine[] {
  const cur = currency.toUpperCase();
  const days = new Map<number, DayLine>();
  const dayOf = (ms: number) => {
    const day = Math.floor(ms / 86400000) + 25569;
    let d = days.get(day);
    if (!d) {
      d = { day, realized: ZERO, funding: ZERO, fees: ZERO, cumulative: ZERO };
      days.set(day, d);
    }
    return d;
  };
  // Realized needs each position's fills in time order (the table may not be sorted).
  const order = fills.map((f, i) => ({ f, i })).sort((a, b) => a.f.time! - b.f.time! || a.i - b.i);
  const books = new Map<string, PositionBook>();
  for (const { f } of order) {
    const key = `${f.strategy}\u0000${f.exchange.toLowerCase()}\u0000${f.symbol.toUpperCase()}`;
    let book = books.get(key);
    if (!book) {
      book = new PositionBook(method, f.contractType, toDec(f.contractSize));
      books.set(key, book);
    }
    const realized = book.fill({ side: f.side, quantity: toDec(f.quantity), price: toDec(f.price) });
    if (f.currency.toUpperCase() === cur && !realized.isZero()) {
      const d = dayOf(f.time!);
      d.realized = d.realized.plus(realized);
    }
    const feeAsset = f.feeAsset === "" ? f.currency : f.feeAsset;
    if (feeAsset.toUpperCase() === cur && !toDec(f.fee).isZero()) {
      const d = dayOf(f.time!);
      d.fees = d.fees.minus(toDec(f.fee));
    }
  }
  for (const u of funding) {
    if (u.asset.toUpperCase() !== cur) continue;
    const d = dayOf(u.time!);
    d.funding = d.funding.plus(u.amount);
  }
  let running = ZERO;
  return [...days.values()]
    .sort((a, b) => a.day - b.day)
    .map((d) => {
      running = running.plus(d.realized).plus(d.funding).plus(d.fees);
      return { ...d, cumulative: running };
    });
}
