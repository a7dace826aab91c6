/**
 * A history that starts in the middle of a position (issue 21): the opening position the summary
 * offers, the trader's stated one written as a Fills row, and LEDGER then matching the
 * exchange's own realized P&L — on real rows:
 *
 * - Hyperliquid: amauryleproux/funding-farmer, trade_history.csv (commit 2e387d25), lines 31–42's
 *   BTC rows, cut where a later period's export would start: at two Close Long fills;
 * - Binance: the real USDⓈ-M export in test/fixtures/exports/binance (SOURCES.md), whose
 *   RONINUSDT and COMPUSDT histories start with a reducing fill (Realized Profit ≠ 0).
 */
import { Decimal } from "decimal.js";
import { defaultLayout, FILL_COLUMNS, FUNDING_COLUMNS, planImport } from "../../src/import/book-rows";
import { OPENING_TRADE_ID, openingsExport, statedOpening } from "../../src/import/openings";
import { readExport } from "../../src/import/read-export";
import { FillRow, ParsedExport } from "../../src/import/types";
import { ledgerOf } from "../../src/functions/ledger";
import { exportFile as file, HYPERLIQUID_MID_POSITION, parsed } from "../helpers/exports";

const MID_POSITION = HYPERLIQUID_MID_POSITION;

const FILLS = defaultLayout(FILL_COLUMNS);
const FUNDING = defaultLayout(FUNDING_COLUMNS);

/** The Book's Fills table after importing `files` into an empty Book, as LEDGER reads it. */
function fillsTable(files: ParsedExport[]): unknown[][] {
  const plan = planImport(files, { layout: FILLS, rows: [] }, { layout: FUNDING, rows: [] });
  expect(plan.conflicts).toEqual([]);
  return [[...FILL_COLUMNS], ...plan.fills];
}

/** LEDGER's Realized for one symbol's position line. */
function ledgerRealized(table: unknown[][], symbol: string): number {
  const answer = ledgerOf(table, null, null, null) as unknown[][];
  const line = answer.find((r) => r[2] === symbol && r[1] !== "");
  return line![6] as number;
}

/** Σ of the exchange's realized column for a symbol, gross (+ fee where the exchange's is net of it). */
function exchangeGross(fills: FillRow[], symbol: string, netOfFee: boolean): number {
  let sum = new Decimal(0);
  for (const f of fills.filter((x) => x.symbol === symbol)) {
    sum = sum.plus(f.exchangeRealized || 0);
    if (netOfFee) sum = sum.plus(f.fee);
  }
  return sum.toNumber();
}

const stateAsOffered = (r: ParsedExport, symbol: string): FillRow => {
  const o = r.openings.find((x) => x.symbol === symbol)!;
  const fill = statedOpening(o, {
    position: o.position,
    entry: o.entry,
    time: new Date(o.time).toISOString().slice(0, 19).replace("T", " "),
  });
  if ("problem" in fill) throw new Error(fill.problem);
  return fill;
};

describe("Hyperliquid: a history whose first BTC fills are Close Long", () => {
  const r = parsed(readExport(MID_POSITION, { dateOrder: "dmy" }));

  test("the summary offers what was held: the closes from the start (0.00056), at the entry closedPnl + fee implies (71,397), a second before", () => {
    expect(r.openings.map(({ warning, ...o }) => [o, warning.slice(0, 16)])).toEqual([
      [
        {
          exchange: "hyperliquid",
          symbol: "BTC",
          asset: "BTC",
          instrument: "perp",
          contractType: "linear",
          contractSize: "1",
          time: Date.UTC(2026, 1, 8, 15, 5, 59),
          position: "0.00056",
          entry: "71397",
          // (the second Close Long implies the same entry: −0.007358 + 0.002878 = 0.00028 × (71,381 − 71,397))
        },
        "hyperliquid BTC:",
      ],
    ]);
  });

  test("without the opening LEDGER's BTC realized is off; stated as offered it is the exchange's Σ(closedPnl + fee) exactly", () => {
    const expected = exchangeGross(r.fills, "BTC", true);
    expect(expected).toBeCloseTo(-0.01708, 12);
    expect(ledgerRealized(fillsTable([r]), "BTC")).not.toBeCloseTo(expected, 6);
    const opening = stateAsOffered(r, "BTC");
    expect(opening).toMatchObject({ side: "buy", quantity: "0.00056", price: "71397", fee: "0", tradeId: OPENING_TRADE_ID });
    const table = fillsTable([r, openingsExport([opening])]);
    expect(ledgerRealized(table, "BTC")).toBe(-0.01708);
    // The opening row is in the table like any fill, after the file's rows: LEDGER orders by time.
    expect(table[table.length - 1][FILLS.at["Trade ID"]]).toBe("opening position");
  });

  test("stated twice, or imported again, it adds nothing; fills before it (an earlier export) are refused, naming the row to delete", () => {
    const opening = openingsExport([stateAsOffered(r, "BTC")]);
    const once = planImport([r, opening], { layout: FILLS, rows: [] }, { layout: FUNDING, rows: [] });
    const again = planImport([r, opening], { layout: FILLS, rows: once.fills }, { layout: FUNDING, rows: [] });
    expect([again.fills.length, again.skippedFills, again.conflicts]).toEqual([0, 7, []]);
    const earlier = parsed(
      readExport(
        "time,coin,dir,px,sz,ntl,fee,closedPnl\n08/02/2026 14:00:00,BTC,Open Long,71397,0.00056,39.98232,0.00575,-0.00575",
        {
          dateOrder: "dmy",
        },
      ),
    );
    const late = planImport([earlier], { layout: FILLS, rows: once.fills }, { layout: FUNDING, rows: [] });
    expect(late.conflicts).toEqual([
      'hyperliquid btc: the opening position stated at 2026-02-08 15:05:59 UTC has fills before it (from 2026-02-08 14:00:00 UTC), which would count the position twice: delete the Fills row with Trade ID "opening position" if those fills opened it, or leave out the earlier file',
    ]);
  });

  test("rows in any order (newest first, or shuffled) give the same offer: the fills are put in time order first", () => {
    const [header, ...rows] = MID_POSITION.split("\n");
    const offer = (lines: string[]) => parsed(readExport([header, ...lines].join("\n"), { dateOrder: "dmy" })).openings;
    const expected = offer(rows);
    expect(offer([...rows].reverse())).toEqual(expected);
    expect(offer([rows[3], rows[0], rows[5], rows[2], rows[1], rows[4]])).toEqual(expected);
  });

  test("what the trader types is checked: a number for the position, a price > 0, a UTC time before the first fill", () => {
    const o = r.openings[0];
    const typed = (position: string, entry: string, time: string) => statedOpening(o, { position, entry, time });
    expect(typed("0", "71397", "2026-02-08 15:05:59")).toEqual({
      problem: 'Position "0" must be a number other than 0: + long, − short',
    });
    expect(typed("abc", "71397", "2026-02-08 15:05:59")).toMatchObject({ problem: expect.stringMatching(/^Position "abc"/) });
    expect(typed("0.1", "-5", "2026-02-08 15:05:59")).toMatchObject({
      problem: expect.stringMatching(/^Avg entry "-5" must be a price greater than 0/),
    });
    expect(typed("0.1", "71397", "2026-02-30 15:05")).toMatchObject({
      problem: expect.stringMatching(/^Time "2026-02-30 15:05"/),
    });
    expect(typed("0.1", "71397", "2026-02-08 15:06:00")).toMatchObject({
      problem: expect.stringMatching(/after the file's first BTC fill/),
    });
    expect(typed("-0.25", "70000", "2026-02-01 00:00")).toMatchObject({
      side: "sell",
      quantity: "0.25",
      price: "70000",
      time: Date.UTC(2026, 1, 1),
    });
  });
});

describe("Binance: symbols whose first fill carries Realized Profit", () => {
  const name = "Binance-Futures-Trade-History-202603171040(UTC--3)-part1-of1.csv";
  const r = parsed(readExport(file(`binance/${name}`), { fileName: name }));

  test("RONINUSDT: a BUY of 1,483.6 with Realized Profit 0.29672 closes a short held from 0.1011 (= 0.1009 + 0.29672 / 1,483.6)", () => {
    expect(r.openings.find((o) => o.symbol === "RONINUSDT")).toMatchObject({ position: "-1483.6", entry: "0.1011" });
  });

  test("BTCUSDT: the file lacks fills in the middle too (a BUY realizing 97.85 with no short before it): said, as no opening can fix it", () => {
    expect(r.warnings.filter((w) => w.startsWith("binance BTCUSDT: fills are missing"))).toEqual([
      "binance BTCUSDT: fills are missing before 2026-01-31 16:17:22 UTC (that buy closes, as the exchange says, but the file's fills hold nothing to close): the realized P&L computed from this file differs from the exchange's from there; export the whole period",
    ]);
    expect(r.warnings.filter((w) => w.includes("fills are missing"))).toHaveLength(1);
  });

  test.each(["RONINUSDT", "COMPUSDT"])("%s: stated as offered, LEDGER's realized is Σ Realized Profit (gross)", (symbol) => {
    const expected = exchangeGross(r.fills, symbol, false);
    const table = fillsTable([r, openingsExport([stateAsOffered(r, symbol)])]);
    expect(ledgerRealized(table, symbol)).toBeCloseTo(expected, 10);
  });
});
