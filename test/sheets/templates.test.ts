/**
 * Every template's plan, evaluated by HyperFormula with the LEGS plugin: the seed article's
 * worked numbers appear in the computed cells, nothing evaluates to an error, and changing an
 * input recalculates the metrics and the scenario grid as Excel would.
 */
import { DetailedCellError } from "hyperformula";
import { EvaluatedPlan } from "../../src/preview/engine";
import { evaluateNow as evaluatePlan, TODAY } from "../helpers/sheet-now";
import { parseRange } from "../../src/sheets/a1";
import { checkInputs } from "../../src/sheets/inputs";
import { SheetPlan } from "../../src/sheets/plan";
import { STRATEGY_TEMPLATES, templateById } from "../../src/sheets/templates";
import { LEG_HEADERS } from "../../src/sheets/templates/template";

function build(id: string, overrides: Record<string, string> = {}): SheetPlan {
  const t = templateById(id)!;
  const { values, errors } = checkInputs(t.inputs, overrides, TODAY);
  expect(errors).toEqual({});
  return t.build(values);
}

/** The cell right of the label `label` in column A (metrics, inputs). */
function byLabel(ev: EvaluatedPlan, label: string): unknown {
  const cell = ev.plan.cells.find((c) => c.ref.startsWith("A") && c.value === label);
  if (!cell) throw new Error(`no label "${label}"`);
  return ev.value(`B${cell.ref.slice(1)}`);
}

/** Values of a column of a block whose header row holds `header`, for the rows below it. */
function column(ev: EvaluatedPlan, header: string, rows: number, occurrence = 0): unknown[] {
  const cell = ev.plan.cells.filter((c) => c.value === header && c.style === "header")[occurrence];
  if (!cell) throw new Error(`no header "${header}"`);
  const col = cell.ref.replace(/\d+$/, "");
  const row = Number(cell.ref.slice(col.length));
  return ev.values(`${col}${row + 1}:${col}${row + rows}`).map((r) => r[0]);
}

function errorsIn(ev: EvaluatedPlan): string[] {
  const found: string[] = [];
  const dims = ev.hf.getSheetDimensions(ev.sheet);
  for (let row = 0; row < dims.height; row++) {
    for (let col = 0; col < dims.width; col++) {
      const v = ev.hf.getCellValue({ sheet: ev.sheet, row, col });
      if (v instanceof DetailedCellError) found.push(`${v.address}: ${v.value} ${v.message}`);
    }
  }
  return found;
}

describe.each(STRATEGY_TEMPLATES.map((t) => [t.id]))("%s plan", (id) => {
  const plan = build(id);

  test("inputs are named, styled as inputs and validated", () => {
    const t = templateById(id)!;
    for (const spec of t.inputs) {
      const name = plan.names.find((n) => n.name === spec.id);
      expect(name).toBeDefined();
      const cell = plan.cells.find((c) => `$${c.ref.replace(/(\d+)/, "$$$1")}` === name!.ref);
      expect(cell?.style).toBe("input");
    }
  });

  test("the legs are an Excel table with the standard columns", () => {
    const legs = plan.tables[0];
    expect(legs).toBeDefined();
    const r = parseRange(legs.ref);
    const headers = plan.cells
      .filter((c) => c.ref.endsWith(String(r.start.row + 1)) && c.value !== undefined)
      .map((c) => c.value);
    expect(headers.slice(0, LEG_HEADERS.length)).toEqual(LEG_HEADERS);
  });

  test("metrics are formulas with number formats; a scenario grid, sign colours and a chart", () => {
    expect(plan.cells.filter((c) => c.formula).length).toBeGreaterThan(20);
    expect(plan.cells.filter((c) => c.style === "metric" && c.formula && !c.format)).toEqual([]);
    expect(plan.cells.some((c) => c.value === "Scenario grid")).toBe(true);
    expect(plan.conditionalFormats.some((cf) => cf.kind === "sign")).toBe(true);
    expect(plan.charts).toHaveLength(1);
    expect(plan.charts[0].series.length).toBeGreaterThan(0);
  });

  test("every leveraged leg shows its liquidation price and buffer", () => {
    const labels = plan.cells.map((c) => String(c.value ?? ""));
    const formulas = plan.cells.map((c) => c.formula ?? "").join("\n");
    expect(formulas).toMatch(/LEGS\.LIQPRICE\(/);
    if (id !== "portfolio") expect(labels.some((l) => /liquidation price/i.test(l))).toBe(true);
    expect(labels.some((l) => /buffer/i.test(l))).toBe(true);
  });

  test("evaluates without a single error cell", () => {
    expect(errorsIn(evaluatePlan(plan))).toEqual([]);
  });
});

describe("seed numbers in the computed sheets", () => {
  // Seed, Strategy #1 Hedging Spot Holdings: 10 ETH at 3,400, short 10 ETH perp.
  test("full-hedge: net exposure 0; +10 % / −10 % / −20 % → spot ±3,400 / −6,800, perp opposite, net 0", () => {
    const ev = evaluatePlan(build("full-hedge"));
    expect(byLabel(ev, "Net exposure")).toBe(0);
    expect(byLabel(ev, "Hedged notional")).toBe(34000);
    expect(byLabel(ev, "Spot gain the hedge protects")).toBe(6000);
    expect(column(ev, "Exit price", 3)).toEqual([3740, 3060, 2720]);
    expect(column(ev, "Spot P&L", 3)).toEqual([3400, -3400, -6800]);
    expect(column(ev, "Perp P&L", 3)).toEqual([-3400, 3400, 6800]);
    expect(column(ev, "Net P&L", 3)).toEqual([0, 0, 0]);
  });

  // Seed, "Partial Hedging": short 5 of 10 ETH → net long 5; ±10 % → ±1,700.
  test("partial-hedge: net exposure 5; ±10 % → ±1,700", () => {
    const ev = evaluatePlan(build("partial-hedge"));
    expect(byLabel(ev, "Net exposure")).toBe(5);
    expect(column(ev, "Spot P&L", 2)).toEqual([3400, -3400]);
    expect(column(ev, "Perp P&L", 2)).toEqual([-1700, 1700]);
    expect(column(ev, "Net P&L", 2)).toEqual([1700, -1700]);
  });

  test("partial-hedge recalculates: hedge ratio 25 % → net 7.5 and ±2,550; entry 3,000 → ±10 % is 300 a coin", () => {
    const ev = evaluatePlan(build("partial-hedge"));
    ev.set("HedgeRatio", 0.25);
    expect(byLabel(ev, "Net exposure")).toBe(7.5);
    expect(column(ev, "Net P&L", 2)).toEqual([2550, -2550]);
    ev.set("Price", 3000);
    expect(column(ev, "Exit price", 2)).toEqual([3300, 2700]);
    expect(column(ev, "Net P&L", 2)).toEqual([2250, -2250]);
    // The scenario grid follows: its 100 % column stays 0, the 0 % column is spot alone.
    const grid = ev.plan.cells.find((c) => c.formula?.startsWith("=LEGS.HEDGEPNL(SpotQty,$C$"))!;
    const top = parseRange(grid.ref).start;
    const rows = ev.values(`C${top.row + 1}:G${top.row + 13}`);
    expect(rows.map((r) => r[4])).toEqual(Array(13).fill(0));
    expect(rows[0][0]).toBe(10 * 3000 * -0.3);
    expect(rows[12][2]).toBe(5 * 3000 * 0.3);
  });

  // Seed, Strategy #2 Cash-and-Carry: spot 95,000, March future 98,000, 90 days.
  test("cash-and-carry: basis 3,000 = 3.16 % ≈ 12.8 % a year; expiry outcomes +3,000 both ways", () => {
    const ev = evaluatePlan(build("cash-and-carry"));
    expect(byLabel(ev, "Days to expiry")).toBe(90);
    expect(byLabel(ev, "Days left")).toBe(90);
    expect(byLabel(ev, "Basis")).toBe(3000);
    expect(byLabel(ev, "Basis %") as number).toBeCloseTo(0.0316, 4);
    expect(byLabel(ev, "Basis APY (simple)") as number).toBeCloseTo(0.128, 3);
    expect(byLabel(ev, "Net exposure")).toBe(0);
    expect(column(ev, "Spot P&L", 2)).toEqual([5000, -10000]);
    expect(column(ev, "Future P&L", 2)).toEqual([-2000, 13000]);
    expect(column(ev, "Net P&L", 2)).toEqual([3000, 3000]);
    expect(byLabel(ev, "Roll reminder")).toBe("Expires in 90 days: roll or close 7 days before");
  });

  test("cash-and-carry: the roll reminder fires within the reminder window", () => {
    const ev = evaluatePlan(build("cash-and-carry", { Expiry: addDays(TODAY, 5), TradeDate: addDays(TODAY, -85) }));
    expect(byLabel(ev, "Days to expiry")).toBe(90);
    expect(byLabel(ev, "Roll reminder")).toBe("Roll or close now: the future expires in 5 days");
  });

  // Seed, Strategy #3 Funding Rate Capture: 0.03 % per 8 h; $50,000 + $50,000 short at 10×.
  test("funding-capture: 0.09 %/day, 2.7 %/month, ≈ 33 %/year, $45/day, $1,350/month, margin ≈ $5,000", () => {
    const ev = evaluatePlan(build("funding-capture"));
    expect(byLabel(ev, "Yield per day")).toBe(0.0009);
    expect(byLabel(ev, "Yield per month (30 days)")).toBe(0.027);
    expect(byLabel(ev, "Yield per year")).toBe(0.3285);
    expect(byLabel(ev, "Funding per day")).toBe(45);
    expect(byLabel(ev, "Funding per month (30 days)")).toBe(1350);
    expect(byLabel(ev, "Perp margin")).toBe(5000);
    expect(byLabel(ev, "Capital deployed")).toBe(55000);
    expect(byLabel(ev, "Net exposure")).toBe(0);
    // "What happens if funding flips negative": the short pays.
    expect(byLabel(ev, "Funding per day if it flips")).toBe(-45);
    expect(byLabel(ev, "Break-even days") as number).toBeCloseTo(100 / 45, 9);
  });

  test("funding-capture: LEGS.FUNDINGRATE when a live symbol is given, the typed rate otherwise (issue 5)", () => {
    const typed = evaluatePlan(build("funding-capture"));
    expect(byLabel(typed, "Funding rate used")).toBe(0.0003);
    const plan = build("funding-capture", { Symbol: "BTCUSDT", Venue: "bybit" });
    expect(plan.cells.some((c) => c.formula === '=IF(Symbol="",FundingRate,LEGS.FUNDINGRATE(Symbol,Venue))')).toBe(true);
    // The preview has no network: it says so instead of inventing a rate.
    const live = byLabel(evaluatePlan(plan), "Funding rate used") as DetailedCellError;
    expect(live).toBeInstanceOf(DetailedCellError);
    expect(live.value).toBe("#N/A");
    expect(live.message).toMatch(/only available in Excel/);
  });

  test("funding-capture recalculates: funding 0.01 % → $15/day; the grid's 30-day column at any price = funding − fees", () => {
    const ev = evaluatePlan(build("funding-capture"));
    ev.set("FundingRate", 0.0001);
    expect(byLabel(ev, "Funding per day")).toBe(15);
    const grid = ev.plan.cells.find((c) => c.formula?.startsWith("=LEGS.HEDGEPNL(SpotQty,SpotQty,Price,$B$"))!;
    const top = parseRange(grid.ref).start;
    const thirty = ev.values(`E${top.row + 1}:E${top.row + 13}`).map((r) => r[0] as number);
    // 90 events × 0.5 BTC × 100,000 × 0.01 % = 450, less the perp fee 0.05 % × 0.5 × (entry + exit).
    thirty.forEach((v, i) => expect(v).toBeCloseTo(450 - 0.0005 * 0.5 * (100000 + 100000 * (1 - 0.3 + i * 0.05)), 9));
  });

  // Seed, Strategy #4: "Rebalance when delta exceeds ±0.1"; inverse short shrinks as the price rises.
  test("delta-neutral: after +15 % the net delta is 0.1304, outside ±0.1: short 150 more contracts", () => {
    const ev = evaluatePlan(build("delta-neutral"));
    expect(byLabel(ev, "Contracts shorted at entry")).toBe(1000);
    expect(byLabel(ev, "Net delta now") as number).toBeCloseTo(1 - 100000 / 115000, 10);
    expect(byLabel(ev, "Band status")).toBe("Outside the band: rebalance");
    expect(byLabel(ev, "Contracts to trade")).toBe(150);
    expect(byLabel(ev, "Action")).toBe("Short 150 more contracts");
    expect(byLabel(ev, "Net delta after the trade") as number).toBeCloseTo(0, 10);
    // Back at +5 % it is inside the band.
    ev.set("Price", 105000);
    expect(byLabel(ev, "Band status")).toBe("Inside the band: no trade");
    expect(byLabel(ev, "Action")).toBe("No trade");
  });

  test("delta-neutral: the rebalance log holds values, not formulas (a log must not rewrite itself)", () => {
    const plan = build("delta-neutral", { Opened: "2026-11-02" });
    const log = plan.tables.find((t) => t.name === "RebalanceLog")!;
    const { start, end } = parseRange(log.ref);
    const inLog = plan.cells.filter((c) => {
      const m = /^([A-Z]+)(\d+)$/.exec(c.ref)!;
      const row = Number(m[2]) - 1;
      return row > start.row && row <= end.row && c.ref.charCodeAt(0) - 65 <= end.col;
    });
    expect(inLog.filter((c) => c.formula)).toEqual([]);
    // The hedge as opened: 1 BTC at 100,000 shorted with 1,000 contracts of 100 USD, delta 1 → 0.
    expect(inLog.map((c) => c.value)).toEqual([46328, 100000, 1, 1000, 0, "Hedge opened (example: replace with your own)"]);
  });

  // Seed, Strategy #5 Enhanced Spot Exposure: 5 ETH spot + 2 ETH perp long = 7 ETH.
  test("enhanced-exposure: 7 ETH exposure, the perp's liquidation below the price, funding a cost", () => {
    const ev = evaluatePlan(build("enhanced-exposure"));
    expect(byLabel(ev, "Total exposure")).toBe(7);
    expect(byLabel(ev, "Spot value")).toBe(17000);
    expect(byLabel(ev, "Perp margin")).toBe(1360);
    expect(byLabel(ev, "Perp liquidation price") as number).toBeCloseTo((2 * 3400 - 1360) / (2 * 0.995), 6);
    expect(byLabel(ev, "Funding over the days held") as number).toBeCloseTo(-61.2, 9);
  });

  // Seed, "Managing a Combined Portfolio": net delta, funding, margin utilisation, daily checks.
  test("portfolio: net delta per asset, combined P&L, funding, margin and the checks", () => {
    const ev = evaluatePlan(build("portfolio"));
    expect(column(ev, "Net delta", 2)).toEqual([-0.02, 5]);
    expect(byLabel(ev, "Combined P&L")).toBe(9000);
    expect(byLabel(ev, "Funding per day") as number).toBeCloseTo(5.7, 9);
    expect(byLabel(ev, "Margin in use")).toBe(23400);
    expect(byLabel(ev, "Margin utilisation")).toBe(0.234);
    expect(column(ev, "Status", 2)).toEqual(["OK", "OK"]);
    expect(column(ev, "Status", 5, 1)).toEqual(["OK", "OK", "OK", "Too close: add margin", "OK"]);
    // The grid's Book P&L at 0 % equals the legs' combined P&L; −30 % follows the net deltas.
    const moves = column(ev, "Book P&L", 13) as number[];
    expect(moves[6]).toBe(9000);
    expect(moves[0]).toBeCloseTo(9000 + 5 * 3400 * -0.3 + 2000 * 0.3, 9);
    ev.set("EthPrice", 3740);
    expect(byLabel(ev, "Combined P&L")).toBe(9000 + 5 * 340);
  });
});

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

describe("delta-neutral backtest (LEGS.REBALANCE and LEGS.HEDGESTATS on the example path)", () => {
  // 1 BTC against 1,000 inverse contracts of 100 USD opened at 100,000; band ±0.1; fee 0.05 %.
  test("two trades: at 112,000 (delta 1 − 100,000/112,000 = +0.1071) and at 101,000 (−0.1089); fees 6 + 5.5", () => {
    const ev = evaluatePlan(build("delta-neutral"));
    expect(byLabel(ev, "Prices in the path")).toBe(11);
    expect(byLabel(ev, "Trades")).toBe(2);
    // 0.0005 × (3/28 coins × 112,000 = 12,000) = 6; 0.0005 × (11/101 × 101,000 = 11,000) = 5.5.
    expect(byLabel(ev, "Fees paid")).toBeCloseTo(11.5, 10);
    const rebalanced = byLabel(ev, "P&L rebalanced") as number;
    const never = byLabel(ev, "P&L never rebalanced") as number;
    // (HyperFormula shows 12 significant digits.)
    expect(byLabel(ev, "What rebalancing added")).toBeCloseTo(rebalanced - never, 6);
    // Never rebalanced, swept to dollars at each price: Σ (1 − 100,000/p(k−1)) × Δp over the path.
    const path = [100000, 104000, 108000, 112000, 115000, 111000, 106000, 101000, 96000, 92000, 97000];
    let pnl = 0;
    for (let k = 1; k < path.length; k++) pnl += (1 - 100000 / path[k - 1]) * (path[k] - path[k - 1]);
    expect(never).toBeCloseTo(pnl, 6);
    // The perp tracked the spot closely: effective, no warning.
    expect(byLabel(ev, "Hedge effectiveness (R²)") as number).toBeGreaterThan(0.9999);
    expect(String(byLabel(ev, "Correlation check"))).toMatch(/^Effective: 100 % of the variance removed$/);
  });

  test("a perp that stops following the spot: effectiveness below the minimum turns the check into a warning", () => {
    const ev = evaluatePlan(build("delta-neutral"));
    const cell = ev.plan.cells.find((c) => c.value === "Perp" && ev.plan.tables.some((t) => t.name === "BacktestPrices"))!;
    const col = cell.ref.replace(/\d+$/, "");
    const row = Number(cell.ref.replace(/^[A-Z]+/, ""));
    // An FTT-style break: the perp stays flat while the spot moves.
    for (let i = 1; i <= 11; i++) ev.set(`${col}${row + i}`, i % 2 === 0 ? 100000 : 100500);
    expect(byLabel(ev, "Hedge effectiveness (R²)") as number).toBeLessThan(0.9);
    expect(String(byLabel(ev, "Correlation check"))).toMatch(/^Hedge removed only .* of the variance/);
  });
});
