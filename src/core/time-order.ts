/**
 * The order of events by time, ties in their own order (the order of a file or a table): one
 * numeric sort of key × n + index (exact below 2^53) instead of a comparator call per
 * comparison. The key is the time itself (whole milliseconds, from the earliest) when that
 * fits, else the time's rank among the sorted times; NaN times (unreadable dates) get a plain
 * comparison. Used by LEDGER's replay and the import's checks of a file's rows.
 */

/**
 * The indexes of `t` in time order, or null when that is their own order. `alloc` gives the
 * answer's memory (LEDGER lends it from a pool).
 */
export function timeOrder(t: Float64Array, alloc: (n: number) => Float64Array = (n) => new Float64Array(n)): Float64Array | null {
  const n = t.length;
  let sorted = true;
  let whole = true;
  let min = Infinity;
  let max = -Infinity;
  for (let e = 0; e < n; e++) {
    const x = t[e];
    if (!Number.isInteger(x)) whole = false;
    if (e > 0 && !(x >= t[e - 1])) sorted = false;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (sorted) return null; // already in time order (ties keep their order)
  const order = alloc(n);
  // (time, index) is a total order on finite times, so any sort gives the one answer; NaN times
  // get the comparison they always had.
  const compared = () => {
    order.set([...t.keys()].sort((a, b) => t[a] - t[b] || a - b));
    return order;
  };
  if (!whole && !t.every(Number.isFinite)) return compared();
  if (whole && (max - min + 1) * n < 2 ** 53) {
    for (let e = 0; e < n; e++) order[e] = (t[e] - min) * n + e;
  } else {
    if (n >= 2 ** 26) return compared();
    const ranks = t.slice().sort();
    for (let e = 0; e < n; e++) {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ranks[mid] < t[e]) lo = mid + 1;
        else hi = mid;
      }
      order[e] = lo * n + e;
    }
  }
  order.sort();
  for (let k = 0; k < n; k++) order[k] %= n;
  return order;
}
