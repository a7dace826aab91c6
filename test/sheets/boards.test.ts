/**
 * The live boards (Basis curve, Funding board) evaluated as the preview evaluates them: the plan
 * in HyperFormula, the live functions answered through the market service from the local fixture
 * exchanges (test/fixtures/exchanges, SOURCES.md) at the fixtures' snapshot time. Every cell
 * computes (no error cell), and the numbers are the functions' own on the same cells.
 */
import { configure as configureLive, service } from "../../src/live/service";
import { useLiveValues } from "../../src/functions/registry";
import { PreviewLiveValues } from "../../src/preview/live-values";
import { evaluatePlan, EvaluatedPlan } from "../../src/preview/engine";
import { checkInputs } from "../../src/sheets/inputs";
import { templateById } from "../../src/sheets/templates";
import { ExchangeServer, SNAPSHOT } from "../helpers/exchange-server";

const server = new ExchangeServer();

beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  service().hub.stopAll();
  await server.stop();
});

async function evaluateLive(id: string, raw: Record<string, string> = {}): Promise<EvaluatedPlan> {
  configureLive({ baseUrls: server.base, viaRelay: false, directFallback: {}, now: () => SNAPSHOT, timeoutMs: 2000 });
  const live = new PreviewLiveValues();
  useLiveValues(live);
  const t = templateById(id)!;
  const { values, errors } = checkInputs(t.inputs, raw, "2026-11-22");
  expect(errors).toEqual({});
  const plan = t.build(values);
  let ev = evaluatePlan(plan, { now: () => SNAPSHOT });
  for (let i = 0; i < 3 && live.waiting; i++) {
    await live.fetchPending();
    ev = evaluatePlan(plan, { now: () => SNAPSHOT });
  }
  return ev;
}

function errorCells(ev: EvaluatedPlan): string[] {
  const out: string[] = [];
  const { hf, sheet } = ev;
  const { height, width } = hf.getSheetDimensions(sheet);
  for (let row = 0; row < height; row++)
    for (let col = 0; col < width; col++) {
      const v = hf.getCellValue({ sheet, row, col });
      if (v !== null && typeof v === "object" && "type" in v)
        out.push(`${hf.simpleCellAddressToString({ sheet, row, col }, sheet)} ${String((v as { message?: string }).message)}`);
    }
  return out;
}

/** The value beside a metric's label. */
function byLabel(ev: EvaluatedPlan, label: string): unknown {
  const cell = ev.plan.cells.find((c) => c.value === label)!;
  const row = Number(/\d+$/.exec(cell.ref)![0]);
  return ev.value(`B${row}`);
}

/** The rows of a spill, from its anchor, as evaluated. */
function spillRows(ev: EvaluatedPlan, formulaStart: string, width: number): unknown[][] {
  const anchor = ev.plan.spills.find((sp) => ev.plan.cells.find((c) => c.ref === sp.ref)?.formula?.startsWith(formulaStart))!;
  const at = /^([A-Z]+)(\d+)$/.exec(anchor.ref)!;
  const top = Number(at[2]);
  const col = (i: number) => String.fromCharCode(at[1].charCodeAt(0) + i);
  return ev.values(`${at[1]}${top}:${col(width - 1)}${top + anchor.rows - 1}`);
}

describe("basis curve", () => {
  test.each([
    ["deribit", "inverse"],
    ["okx", "inverse"],
    ["bybit", "linear"],
  ])("%s %s: every cell computes; the forwards and reminders follow the curve", async (venue, margin) => {
    const ev = await evaluateLive("basis-curve", { Venue: venue, Margin: margin });
    expect(errorCells(ev)).toEqual([]);
    const rows = spillRows(ev, "=LEGS.FUTURES(", 13).filter((r) => r[0] !== "");
    expect(rows[0].slice(0, 8)).toEqual(["Instrument", "Expiry", "Days", "Mark", "Index", "Basis", "Basis %", "APY"]);
    const curve = rows.slice(1) as (string | number)[][];
    expect(curve.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < curve.length; i++) {
      const [, , days, mark, index, , , apy, , compound, forward, , reminder] = curve[i] as number[];
      // Compound: (1 + basis %)^(365/days) − 1 on the same cells.
      expect(compound).toBeCloseTo((mark / index) ** (365 / days) - 1, 10);
      // Forward to the next expiry: (B₂T₂ − B₁T₁) / (T₂ − T₁) on simple APYs; none after the last.
      if (i + 1 < curve.length) {
        const [d2, a2] = [curve[i + 1][2] as number, curve[i + 1][7] as number];
        // HyperFormula shows 12 significant digits.
        expect(forward).toBeCloseTo((a2 * d2 - apy * days) / (d2 - days), 10);
      } else expect(forward).toBe("");
      expect(reminder).toBe(days <= 7 ? "Roll or close now" : `Roll in ${Math.floor(days - 7)} days`);
    }
    // The nearest expiry is 4.52 days out at the snapshot: inside the 7-day reminder.
    expect(byLabel(ev, "Roll reminder")).toBe(`Roll or close ${curve[0][0]} now: it expires in 4.5 days`);
    expect(byLabel(ev, "Contracts listed")).toBe(curve.length);
    // 30 days lies between the 4.5- and 32.5-day expiries: between their APYs.
    const cm30 = byLabel(ev, "Constant-maturity APY, horizon 1") as number;
    const [near, next] = [curve[1], curve[2]].map((r) => r[7] as number);
    const [lo, hi] = [Math.min(curve[0][7] as number, near), Math.max(curve[0][7] as number, near, next)];
    expect(cm30).toBeGreaterThanOrEqual(lo - 1e-12);
    expect(cm30).toBeLessThanOrEqual(hi + 1e-12);
  });

  test("binance's COIN-M curve starts at 32.5 days: the 30-day constant maturity is #N/A, saying why", async () => {
    const ev = await evaluateLive("basis-curve", { Venue: "binance", Margin: "inverse" });
    expect(byLabel(ev, "Constant-maturity APY, horizon 1")).toMatchObject({
      type: "NA",
      message: expect.stringMatching(/^target_days 30 is outside the listed expiries \(32\.52\d* to 123\.52\d* days\)/),
    });
    expect(typeof byLabel(ev, "Constant-maturity APY, horizon 2")).toBe("number");
  });

  test("a venue with no such family: the venue's own message, in the table and the metrics", async () => {
    const ev = await evaluateLive("basis-curve", { Venue: "deribit", Margin: "linear" });
    const message = "deribit lists no linear dated futures for BTC";
    expect(byLabel(ev, "Constant-maturity APY, horizon 1")).toMatchObject({ type: "NA", message });
    expect(byLabel(ev, "Roll reminder")).toMatchObject({ type: "NA", message });
  });
});

describe("funding board", () => {
  test("every cell computes; the board, the net APR, the flipped position and the realised funding", async () => {
    const ev = await evaluateLive("funding-board");
    expect(errorCells(ev)).toEqual([]);
    const board = spillRows(ev, "=LEGS.FUNDINGBOARD(", 11);
    expect(board[0]).toEqual([
      "Symbol",
      "binance 8h",
      "bybit 8h",
      "okx 8h",
      "hyperliquid 8h",
      "deribit 8h",
      "Best short",
      "Best long",
      "Spread 8h",
      "Spread APR",
      "Net APR after fees",
    ]);
    // Fixtures: BTC 0.0001 per 8 h on binance and bybit, hyperliquid 0.0000125 an hour (= 0.0001 per 8 h), deribit 0.
    expect(board[1].slice(0, 10)).toEqual([
      "BTC",
      0.0001,
      0.0001,
      0.000086721540312,
      0.0001,
      0,
      "binance",
      "deribit",
      0.0001,
      0.1095,
    ]);
    // (okx's 0.0000867215403119 as HyperFormula shows it: 12 significant digits.)
    // Net of four taker fills of 0.05 % spread over 30 days: 0.1095 − 0.0005 × 4 × 365 / 30.
    expect(board[1][10]).toBeCloseTo(0.1095 - (0.0005 * 4 * 365) / 30, 11);
    // SOL: bybit's 4-hour rate −0.00002284 is −0.00004568 per 8 h; okx and deribit list no SOL perpetual.
    expect(board[3].slice(0, 8)).toEqual(["SOL", -0.00002318, -0.00004568, "", -0.0000334632, "", "binance", "bybit"]);
    // The blank watchlist rows keep blank board rows.
    expect(board.slice(4).every((r) => r.slice(0, 10).every((v) => v === ""))).toBe(true);

    const status = ev.plan.cells.filter((c) => c.formula?.includes('"Receiving"')).map((c) => ev.value(c.ref));
    // BTC and ETH shorts receive; the SOL short on bybit pays at −0.00002284 per 4 h on $10,000: $1.37 a day.
    expect(status).toEqual(["Receiving", "Receiving", "Flipped: paying 1.37 a day: review or unwind"]);

    // The fixture history is 0.0001 ± 0.00003 per 8 h in a 7-event cycle: 21 events in a week sum to 0.0021.
    expect(byLabel(ev, "Funding paid, last 7 days")).toBeCloseTo(0.0021, 14);
    expect(byLabel(ev, "Realised APR, 7 days")).toBeCloseTo(0.1095, 11);
  });
});

describe("cash-and-carry (live)", () => {
  test("blank contract: the first future past the 7-day reminder, BTC-25DEC26 on Deribit, its mark over the index", async () => {
    const ev = await evaluateLive("cash-and-carry-live");
    expect(errorCells(ev)).toEqual([]);
    // Fixture (Deribit book summary): BTC-25DEC26 mark 97302.5, estimated delivery (index) 96548.12, 32.52 days out.
    expect(byLabel(ev, "Future")).toBe("BTC-25DEC26");
    expect(byLabel(ev, "Future price")).toBe(97302.5);
    expect(byLabel(ev, "Spot price")).toBe(96548.12);
    expect(byLabel(ev, "Basis")).toBeCloseTo(754.38, 9);
    expect(byLabel(ev, "Days to expiry")).toBeCloseTo(32.5208333333, 9);
    // BASISAPY's simple convention on the same numbers, as LEGS.FUTURES' APY column.
    expect(byLabel(ev, "Basis APY (simple)")).toBeCloseTo(0.087695547366654, 11);
    expect(byLabel(ev, "Net exposure")).toBe(0);
  });

  test("a named contract, and one not listed (#N/A)", async () => {
    const ev = await evaluateLive("cash-and-carry-live", { Contract: "BTC-26MAR27" });
    expect(byLabel(ev, "Future price")).toBe(99114);
    const missing = await evaluateLive("cash-and-carry-live", { Contract: "BTC-25JUN27" });
    expect(byLabel(missing, "Row in the live table")).toMatchObject({ type: "NA" });
  });
});
