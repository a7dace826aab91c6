/**
 * The Book template (src/sheets/templates/book.ts), evaluated by HyperFormula with the LEGS plugin
 * as the preview evaluates it: the worked example is the background article's cash-and-carry
 * (buy 1 BTC at $95,000, short the March future at $98,000, both closed at $100,000: +$3,000
 * before costs) and funding capture ($50,000 each side, 0.03 % per 8 hours = $15 a payment), with
 * Binance's published base fees (spot 0.1 %, USDⓈ-M taker 0.05 %).
 */
import { DetailedCellError } from "hyperformula";
import { EvaluatedPlan } from "../../src/preview/engine";
import { evaluateNow as evaluatePlan, TODAY } from "../helpers/sheet-now";
import { checkInputs } from "../../src/sheets/inputs";
import { book, buildBook } from "../../src/sheets/templates/book";
import { parseCell } from "../../src/sheets/a1";
import { LEDGER_HEADER } from "../../src/functions/ledger";

const { values } = checkInputs(book.inputs, {}, TODAY);

/** The spilled table whose formula contains `fn`, as rows of values until the first blank row. */
function spilled(ev: EvaluatedPlan, fn: string): unknown[][] {
  const cell = ev.plan.cells.find((c) => c.formula?.includes(`LEGS.${fn}(`));
  if (!cell) throw new Error(`no ${fn}`);
  const at = parseCell(cell.ref);
  const spill = ev.plan.spills.find((s) => s.ref === cell.ref)!;
  const rows: unknown[][] = [];
  for (let r = 0; r < spill.rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < spill.cols; c++) row.push(ev.hf.getCellValue({ sheet: ev.sheet, row: at.row + r, col: at.col + c }));
    if (row.every((v) => v === "" || v === null)) break;
    rows.push(row);
  }
  return rows;
}

function errorsIn(ev: EvaluatedPlan): string[] {
  const found: string[] = [];
  const dims = ev.hf.getSheetDimensions(ev.sheet);
  for (let row = 0; row < dims.height; row++)
    for (let col = 0; col < dims.width; col++) {
      const v = ev.hf.getCellValue({ sheet: ev.sheet, row, col });
      if (v instanceof DetailedCellError) found.push(`${v.address}: ${v.value} ${v.message}`);
    }
  return found;
}

describe("Book template", () => {
  const ev = evaluatePlan(book.build(values));

  test("Fills and Funding tables with the import's columns; nothing evaluates to an error", () => {
    expect(ev.plan.tables.map((t) => t.name)).toEqual(["Fills", "Funding", "ClosedPnL"]);
    expect(errorsIn(ev)).toEqual([]);
  });

  test("the ledger: the article's cash-and-carry makes $3,000 before costs, $2,706 after Binance's fees", () => {
    const ledger = spilled(ev, "LEDGER");
    // The twelfth column, the exchange's closed P&L, is blank: the example has no Closed P&L export.
    expect(ledger[0]).toEqual([...LEDGER_HEADER, "Exchange closed P&L"]);
    expect(ledger.slice(1).map((r) => r[11])).toEqual(ledger.slice(1).map(() => ""));
    const row = (strategy: string, symbol: string) => ledger.find((r) => r[0] === strategy && r[2] === symbol)!.slice(0, 11);
    // Spot: bought at 95,000, sold at 100,000; fees 95 + 100.
    expect(row("Cash-and-carry", "BTC/USDT")).toEqual([
      "Cash-and-carry",
      "binance",
      "BTC/USDT",
      "USDT",
      0,
      "",
      5000,
      -195,
      0,
      0,
      4805,
    ]);
    // Future: shorted at 98,000, bought back at 100,000; fees 49 + 50.
    expect(row("Cash-and-carry", "BTCUSDT_260327")).toEqual([
      "Cash-and-carry",
      "binance",
      "BTCUSDT_260327",
      "USDT",
      0,
      "",
      -2000,
      -99,
      0,
      0,
      -2099,
    ]);
    expect(row("Cash-and-carry", "Total").slice(6)).toEqual([3000, -294, 0, 0, 2706]);
    // Funding capture: three payments of $15 (0.03 % of $50,000), attributed to the perp short that held BTCUSDT.
    expect(row("Funding capture", "BTCUSDT")).toEqual([
      "Funding capture",
      "binance",
      "BTCUSDT",
      "USDT",
      -0.5,
      100000,
      0,
      -25,
      45,
      0,
      20,
    ]);
    expect(row("Funding capture", "Total").slice(6)).toEqual([0, -75, 45, 0, -30]);
    expect(row("All strategies", "Total").slice(3)).toEqual(["USDT", "", "", 3000, -369, 45, 0, 2676]);
  });

  test("net delta per strategy: both strategies hedged, 0 BTC", () => {
    expect(spilled(ev, "BOOKDELTA")).toEqual([
      ["Strategy", "Asset", "Net delta"],
      ["Cash-and-carry", "BTC", 0],
      ["Funding capture", "BTC", 0],
    ]);
  });

  test("P&L by day, cumulative: −144, then +2,850, then −45, then +15", () => {
    const days = spilled(ev, "BOOKPNL");
    expect(days[0]).toEqual(["Date", "Realized", "Funding", "Fees", "Cumulative"]);
    expect(days.slice(1).map((d) => d.slice(1))).toEqual([
      [0, 0, -144, -144],
      [3000, 0, -150, 2706],
      [0, 30, -75, 2661],
      [0, 15, 0, 2676],
    ]);
    expect(ev.plan.charts[0].series[0].name).toBe("Cumulative P&L");
  });

  test("the method and currency inputs recalculate; an empty Book evaluates cleanly", () => {
    const empty = evaluatePlan(buildBook(values, { fills: [], funding: [], marks: [] }));
    expect(errorsIn(empty)).toEqual([]);
    expect(spilled(empty, "LEDGER")).toHaveLength(1);
  });
});
