/** core/time-order.ts: events by time, ties in their own order, on each of its three paths. */
import fc from "fast-check";
import { timeOrder } from "../../src/core/time-order";

const reference = (t: number[]) => t.map((_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
const run = (t: number[]) => {
  const order = timeOrder(Float64Array.from(t));
  return order === null ? t.map((_, i) => i) : Array.from(order);
};

test("already in order (ties included): null, nothing to sort", () => {
  expect(timeOrder(Float64Array.from([1, 2, 2, 5]))).toBeNull();
  expect(timeOrder(new Float64Array(0))).toBeNull();
});

test("whole milliseconds, fractions (ranks) and times too far apart for one key: the same stable order as a comparison sort", () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(8.64e15)), {
        maxLength: 60,
      }),
      (t) => expect(run(t)).toEqual(reference(t)),
    ),
  );
});

test("an unreadable time (NaN) gets the plain comparison", () => {
  const t = [3, NaN, 1, 2];
  expect(run(t)).toEqual(reference(t));
});
