/**
 * LEGS.REBALANCE's option path: Black-76 values and deltas along the path (src/core/black76.ts),
 * the perp traded. The values and deltas are doubles accurate to about 1e-13; they are summed and
 * multiplied with error-free transformations (src/core/exact-double.ts) and each cell rounded once.
 */
import { optionGreeks } from "./black76";
import { DomainError, isDomainError, Result } from "./errors";
import { low, Sum, twoDiffLow, twoProduct } from "./exact-double";
import { emptyPath, Hedge, RebalanceInputs, RebalancePath } from "./rebalance-types";

export function optionPath(
  inputs: RebalanceInputs,
  o: Extract<Hedge, { kind: "option" }>,
  schedule: Uint8Array | null,
): Result<RebalancePath> {
  const { prices, times } = inputs;
  const n = prices.length;
  const out = emptyPath(n);
  const q = o.quantity;
  const coin = o.settlement === "inverse";
  const bandValue = inputs.band;
  const f = inputs.feeRate;
  // Value (premium per coin, in the settlement currency) and delta at price k; after expiry the
  // value settled at the first price at or past it, delta 0.
  let value = 0;
  let delta = 0;
  let settled = false;
  const evaluate = (k: number): DomainError | null => {
    if (settled) {
      delta = 0;
      return null;
    }
    const p = prices[k];
    const elapsed = times === null ? k : times[k] - times[0];
    const days = o.days - elapsed;
    if (days <= 0) {
      const intrinsic = o.type === "call" ? Math.max(p - o.strike, 0) : Math.max(o.strike - p, 0);
      value = coin ? intrinsic / p : intrinsic;
      delta = 0;
      settled = true;
      return null;
    }
    const g = optionGreeks(o.type, p, o.strike, days, o.vol, o.rate, o.settlement);
    if (isDomainError(g)) return new DomainError(g.kind, `the hedge's ${o.type} at prices (item ${k + 1}): ${g.message}`);
    value = g.price;
    delta = g.delta;
    return null;
  };
  const bad = evaluate(0);
  if (bad) return bad;
  // Spot plus the perp, in coins: the perp opens at −(spot + q × delta), so spot + perp = −q × delta.
  // The spot quantity cancels from everything below.
  let dh = -twoProduct(q, delta);
  let dl = -low[0];
  const d0h = dh;
  const d0l = dl;
  const acc = new Sum();
  const acc0 = new Sum();
  const step = new Sum();
  const book = new Sum();
  for (let k = 1; k < n; k++) {
    const p = prices[k];
    const previousValue = value;
    const e = evaluate(k);
    if (e) return e;
    // Option step: q × (V(k) − V(k−1)), times p(k) when the value is in coin.
    step.reset();
    const dv = value - previousValue;
    const dvLow = twoDiffLow(value, previousValue, dv);
    if (coin) {
      const m = twoProduct(q, p);
      const ml = low[0];
      step.addProduct(dv, m);
      step.add(dv * ml + dvLow * m);
    } else {
      step.addProduct(q, dv);
      step.add(q * dvLow);
    }
    // Price move, exactly as two doubles.
    const move = p - prices[k - 1];
    const moveLow = twoDiffLow(p, prices[k - 1], move);
    // Rebalanced book and never-rebalanced book: option step + (spot + perp) × Δp.
    addBookStep(acc, step, dh, dl, move, moveLow);
    addBookStep(acc0, step, d0h, d0l, move, moveLow);
    // Delta before = (spot + perp) + q × delta.
    const xh = twoProduct(q, delta);
    const xl = low[0];
    book.reset();
    book.add(dh);
    book.add(xh);
    book.add(dl);
    book.add(xl);
    const before = book.hi + 0;
    out.deltaBefore[k] = before;
    const sign = book.hi < 0 ? -1 : 1;
    const absHi = sign * book.hi;
    const absLo = sign * book.lo;
    if (schedule ? schedule[k] === 1 : absHi > bandValue || (absHi === bandValue && absLo > 0)) {
      out.trade[k] = -before + 0;
      if (f !== 0 && before !== 0) {
        // fee = f × |trade| × p, as two doubles.
        const th = twoProduct(absHi, p);
        const tl = low[0] + absLo * p;
        const fh = twoProduct(f, th);
        const fl = low[0] + f * tl;
        out.fee[k] = fh + fl + 0;
        acc.add(-fh);
        acc.add(-fl);
      }
      dh = -xh;
      dl = -xl;
    } else {
      out.deltaAfter[k] = before;
    }
    out.pnl[k] = acc.hi + 0;
  }
  book.reset();
  const xh = twoProduct(q, delta);
  const xl = low[0];
  book.add(d0h);
  book.add(xh);
  book.add(d0l);
  book.add(xl);
  out.unrebalanced = { delta: book.hi + 0, pnl: acc0.hi + 0 };
  return out;
}

/** acc += step + (dh + dl) × (move + moveLow), to about 2^-104. */
function addBookStep(acc: Sum, step: Sum, dh: number, dl: number, move: number, moveLow: number): void {
  acc.add(step.hi);
  acc.add(step.lo);
  if (move === 0 && moveLow === 0) return;
  acc.addProduct(dh, move);
  acc.add(dh * moveLow + dl * move);
}
