/**
 * The ledger's second exact path (src/core/big-decimal.ts) against decimal.js itself: every +, −,
 * × and ÷ gives the very decimal that decimal.js gives at the core's precision (40 significant
 * digits, half to even), so LEDGER's results do not depend on which path ran. And LEDGER (columns,
 * fast paths) against REALIZEDPNL (decimal.js, fill by fill) on random books with partial closes,
 * adds and flips, linear and inverse, average and FIFO.
 */
import fc from "fast-check";
import { add, bigOfText, bigToDec, compare, div, mul, sub } from "../../src/core/big-decimal";
import { Dec } from "../../src/core/decimal";
import { ledgerOf } from "../../src/functions/ledger";
import { realizedPnlOf } from "../../src/functions/realizedpnl";

const decimalText = fc
  .tuple(fc.bigInt({ min: BigInt(-10) ** BigInt(30), max: BigInt(10) ** BigInt(30) }), fc.integer({ min: 0, max: 20 }))
  .map(([c, scale]) => new Dec(`${c}e-${scale}`).toFixed());

describe("big-decimal: the same decimals as decimal.js", () => {
  test("+, −, ×, ÷ and comparison", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (x, y) => {
        const [a, b] = [bigOfText(x)!, bigOfText(y)!];
        const [dx, dy] = [new Dec(x), new Dec(y)];
        const sum = add(a, b);
        if (sum) expect(bigToDec(sum).eq(dx.plus(dy))).toBe(true);
        const difference = sub(a, b);
        if (difference) expect(bigToDec(difference).eq(dx.minus(dy))).toBe(true);
        expect(bigToDec(mul(a, b)).eq(dx.times(dy))).toBe(true);
        if (!dy.isZero()) expect(bigToDec(div(a, b)).eq(dx.div(dy))).toBe(true);
        expect(compare(a, b)).toBe(dx.cmp(dy));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("LEDGER's realized P&L = the sum of REALIZEDPNL's, on random books", () => {
  const fill = fc.record({
    side: fc.constantFrom("buy", "sell"),
    quantity: fc.integer({ min: 1, max: 5000 }).map((n) => n / 1000),
    price: fc.integer({ min: 1000, max: 200000 }).map((n) => n / 10),
  });
  test.each([
    ["linear", "average"],
    ["linear", "fifo"],
    ["inverse", "average"],
    ["inverse", "fifo"],
  ])("%s, %s", (type, method) => {
    fc.assert(
      fc.property(fc.array(fill, { minLength: 1, maxLength: 60 }), (fills) => {
        const table = [
          ["Time UTC", "Exchange", "Symbol", "Contract type", "Contract size", "Side", "Quantity", "Price"],
          ...fills.map((f, i) => [46000 + i / 1000, "binance", "BTCUSD", type, 100, f.side, f.quantity, f.price]),
        ];
        const ledger = ledgerOf(table, null, null, method) as unknown[][];
        const per = realizedPnlOf(
          fills.map((f) => [f.side]),
          fills.map((f) => [f.quantity]),
          fills.map((f) => [f.price]),
          method,
          type,
          100,
        ) as number[][];
        // The sum of the per-fill doubles can differ from the exact total by rounding: compare to the
        // exact sum of the per-fill values' decimals, as REALIZEDPNL returns each rounded once.
        const total = per.reduce((s, [v]) => s.plus(new Dec(String(v))), new Dec(0)).toNumber();
        expect(ledger[1][6]).toBeCloseTo(total, 8);
      }),
      { numRuns: 300 },
    );
  });
});
