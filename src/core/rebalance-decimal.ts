/**
 * LEGS.REBALANCE's decimal path: the definition, step by step (linear, inverse, usd), in
 * decimal.js at 40 digits, each cell rounded once to the nearest double. The reference the fast
 * path (src/core/rebalance-fast.ts) must equal; the accounting is in src/core/rebalance.ts.
 */
import { Dec, fromDouble, toDouble, ZERO } from "./decimal";
import { Result } from "./errors";
import { emptyPath, Hedge, RebalanceInputs, RebalancePath } from "./rebalance-types";

/** USD notional of an inverse or usd hedge, as decimals. */
function dollarNotional(h: Hedge): Dec {
  if (h.kind === "inverse") return fromDouble(h.contracts).times(fromDouble(h.contractSize));
  if (h.kind === "usd") return fromDouble(h.notional);
  throw new Error("not a dollar hedge");
}

export function decimalPath(inputs: RebalanceInputs, schedule: Uint8Array | null): Result<RebalancePath> {
  const { prices, hedge } = inputs;
  const n = prices.length;
  const out = emptyPath(n);
  const P: Dec[] = new Array(n);
  for (let k = 0; k < n; k++) P[k] = fromDouble(prices[k]);
  const S = fromDouble(inputs.spotQty);
  const band = fromDouble(inputs.band);
  const f = fromDouble(inputs.feeRate);
  const dbl = (d: Dec): number => toDouble(d) ?? Infinity; // overflow is reported by firstOverflow
  let pnl = ZERO; // cumulative, fees subtracted
  if (hedge.kind === "linear") {
    // The book's delta in coins: spot plus the perp (−q at first).
    const d0 = S.minus(fromDouble(hedge.coins));
    let d = d0;
    out.deltaBefore[0] = out.deltaAfter[0] = dbl(d0);
    for (let k = 1; k < n; k++) {
      pnl = pnl.plus(d.times(P[k].minus(P[k - 1])));
      out.deltaBefore[k] = dbl(d);
      if (schedule ? schedule[k] === 1 : d.abs().gt(band)) {
        out.trade[k] = dbl(d.neg());
        const fee = f.times(d.abs()).times(P[k]);
        out.fee[k] = dbl(fee);
        pnl = pnl.minus(fee);
        d = ZERO;
      } else {
        out.deltaAfter[k] = out.deltaBefore[k];
      }
      out.pnl[k] = dbl(pnl);
    }
    out.unrebalanced = { delta: dbl(d0), pnl: dbl(d0.times(P[n - 1].minus(P[0]))) };
    return out;
  }
  // Inverse or usd: short N USD; D = spot × p − N is the book's delta × p (USD).
  const N0 = dollarNotional(hedge);
  let N = N0;
  let pnl0 = ZERO; // never rebalanced
  out.deltaBefore[0] = out.deltaAfter[0] = dbl(S.times(P[0]).minus(N0).div(P[0]));
  for (let k = 1; k < n; k++) {
    const move = P[k].minus(P[k - 1]);
    const SPprev = S.times(P[k - 1]);
    pnl = pnl.plus(
      SPprev.minus(N)
        .times(move)
        .div(P[k - 1]),
    );
    pnl0 = pnl0.plus(
      SPprev.minus(N0)
        .times(move)
        .div(P[k - 1]),
    );
    const SP = S.times(P[k]);
    const D = SP.minus(N);
    const before = D.div(P[k]);
    out.deltaBefore[k] = dbl(before);
    if (schedule ? schedule[k] === 1 : D.abs().gt(band.times(P[k]))) {
      out.trade[k] = dbl(before.neg());
      const fee = f.times(D.abs()); // |coins traded| × p = |D|
      out.fee[k] = dbl(fee);
      pnl = pnl.minus(fee);
      N = SP;
    } else {
      out.deltaAfter[k] = out.deltaBefore[k];
    }
    out.pnl[k] = dbl(pnl);
  }
  const last = P[n - 1];
  out.unrebalanced = { delta: dbl(S.times(last).minus(N0).div(last)), pnl: dbl(pnl0) };
  return out;
}
