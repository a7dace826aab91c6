import { hedgePnl } from "../../src/functions/hedgepnl";
import { col, expectError, grid, num, row } from "../helpers/answers";

const pnl = (
  spot: unknown,
  hedge: unknown,
  entry: unknown,
  exit: unknown,
  rate: unknown = null,
  periods: unknown = null,
  fee: unknown = null,
) => hedgePnl(spot, hedge, entry, exit, rate, periods, fee);

describe("LEGS.HEDGEPNL", () => {
  // Seed article, Strategy #1 Hedging Spot Holdings, "How It Protects You": 10 ETH at $3,400,
  // short 10 ETH perp; +10 % to $3,740, −10 % to $3,060, −20 % to $2,720: net $0 each.
  test("seed: full hedge of 10 ETH at 3,400 nets 0 at +10 % / −10 % / −20 %", () => {
    expect(grid(pnl(10, 10, 3400, col(3740, 3060, 2720)))).toEqual([[0], [0], [0]]);
  });
  test("seed: the table's legs — spot +3,400 / −3,400 / −6,800, perp the opposite", () => {
    expect(grid(pnl(10, 0, 3400, col(3740, 3060, 2720)))).toEqual([[3400], [-3400], [-6800]]);
    expect(grid(pnl(0, 10, 3400, col(3740, 3060, 2720)))).toEqual([[-3400], [3400], [6800]]);
  });
  // Seed article, "Partial Hedging": 50 % hedge, short 5 ETH: +10 % → +$1,700, −10 % → −$1,700.
  test("seed: 50 % hedge (short 5 of 10 ETH) → +1,700 / −1,700 at ±10 %", () => {
    expect(grid(pnl(10, 5, 3400, col(3740, 3060)))).toEqual([[1700], [-1700]]);
  });
  // Seed article, Strategy #5 Enhanced Spot Exposure: 5 ETH spot + long perp for 2 more = 7 ETH.
  test("seed: enhanced exposure, 5 ETH spot + 2 ETH long perp moves like 7 ETH", () => {
    expect(num(pnl(5, -2, 3400, 3740))).toBe(7 * 340);
  });

  test("exact decimals: HEDGEPNL(0.3, 0.1, 1.1, 1.3) is exactly 0.04", () => {
    expect(0.3 * (1.3 - 1.1) - 0.1 * (1.3 - 1.1)).not.toBe(0.04);
    expect(num(pnl(0.3, 0.1, 1.1, 1.3))).toBe(0.04);
  });

  test("a scalar exit returns a single number", () => {
    expect(pnl(10, 5, 3400, 3740)).toBe(1700);
  });

  test("funding: a short receives hedge × entry × rate × periods (seed: 0.03 % per 8 h, $45/day on $50,000)", () => {
    // 50,000 USD of BTC at 100,000 = 0.5 BTC, fully hedged, 3 funding events (one day).
    expect(num(pnl(0.5, 0.5, 100000, 100000, 0.0003, 3))).toBe(45);
    // Whatever the exit price, a full hedge earns exactly the funding.
    expect(grid(pnl(0.5, 0.5, 100000, col(70000, 130000), 0.0003, 3))).toEqual([[45], [45]]);
  });

  test("funding counts only when both funding arguments are given", () => {
    expect(num(pnl(1, 1, 100, 100, 0.0003))).toBe(0);
    expect(num(pnl(1, 1, 100, 100, null, 3))).toBe(0);
  });

  test("fees: fee_rate × |hedge| × (entry + exit), also for a long perp", () => {
    // 10 × (3400 + 3740) × 0.0005 = 35.7
    expect(num(pnl(10, 10, 3400, 3740, null, null, 0.0005))).toBe(-35.7);
    expect(num(pnl(0, -10, 3400, 3740, null, null, 0.0005))).toBe(3364.3);
    // A maker rebate (negative fee) is income.
    expect(num(pnl(10, 10, 3400, 3400, null, null, -0.0001))).toBe(6.8);
  });

  test("a scenario grid in one formula: exit prices down, hedge sizes across", () => {
    const exits = col(3060, 3400, 3740);
    const hedges = row(0, 5, 10);
    expect(grid(pnl(10, hedges, 3400, exits))).toEqual([
      [-3400, -1700, 0],
      [0, 0, 0],
      [3400, 1700, 0],
    ]);
  });

  test("exit 0 is allowed (the asset goes to zero)", () => {
    expect(num(pnl(10, 10, 3400, 0))).toBe(0);
    expect(num(pnl(10, 0, 3400, 0))).toBe(-34000);
  });

  describe("errors", () => {
    test("entry_price ≤ 0 → #VALUE!", () => {
      expectError(pnl(10, 10, 0, 3400), "invalid", /entry_price must be greater than 0 \(got 0\)/);
      expectError(pnl(10, 10, -1, 3400), "invalid", /entry_price must be greater than 0 \(got -1\)/);
    });
    test("exit_price < 0 → #VALUE!, per cell in a spilled range", () => {
      expectError(pnl(10, 10, 3400, -1), "invalid", /exit_price must be 0 or more \(got -1\)/);
      const out = grid(pnl(10, 5, 3400, col(3740, -5)));
      expect(out[0][0]).toBe(1700);
      expectError(out[1][0], "invalid", /exit_price must be 0 or more \(got -5\)/);
    });
    test("a blank exit cell in a range → #N/A in that cell", () => {
      const out = grid(pnl(10, 5, 3400, col(3740, "")));
      expectError(out[1][0], "missing", /exit_price is required \(got a blank cell\)/);
    });
    test("required arguments blank or text", () => {
      expectError(pnl(null, 10, 3400, 3740), "missing", /spot_qty is required/);
      expectError(pnl(10, "", 3400, 3740), "missing", /hedge_qty is required/);
      expectError(pnl(10, "ten", 3400, 3740), "invalid", /hedge_qty must be a number \(got text "ten"\)/);
      expectError(pnl(true, 10, 3400, 3740), "invalid", /spot_qty must be a number \(got TRUE\)/);
    });
    test("funding_periods < 0, rates of ±100 % or more → #VALUE!", () => {
      expectError(pnl(1, 1, 100, 100, 0.0003, -1), "invalid", /funding_periods must be 0 or more \(got -1\)/);
      expectError(pnl(1, 1, 100, 100, 1, 3), "invalid", /funding_rate must be greater than -1 and less than 1 \(got 1\)/);
      expectError(pnl(1, 1, 100, 100, null, null, 2), "invalid", /fee_rate must be greater than -1 and less than 1 \(got 2\)/);
      expectError(pnl(1, 1, 100, 100, "x", 3), "invalid", /funding_rate must be a number/);
    });
    test("ranges of incompatible shapes → #VALUE!", () => {
      expectError(pnl(col(1, 2), 1, 100, col(1, 2, 3)), "invalid", /spot_qty is a 2×1 range but the other ranges make 3×1/);
    });
  });
});
