/**
 * The import writer (src/excel/book-import.ts) against a fake workbook of tables with Office.js's
 * batch semantics (test/helpers/fake-book.ts): rows land once, in the tables' own column order,
 * as text where they are text; a re-import adds nothing; a user's Strategy survives; a failure at
 * any sync leaves the tables exactly as they were; large imports go in batches under 5 MB.
 */
import * as path from "path";
import { batchesOf, findBooks, importIntoBook } from "../../src/excel/book-import";
import { MAX_PAYLOAD_BYTES, WriteError } from "../../src/excel/writer";
import { CLOSED_COLUMNS, FILL_COLUMNS, FUNDING_COLUMNS } from "../../src/import/book-rows";
import { openingsExport, statedOpening } from "../../src/import/openings";
import { readExport } from "../../src/import/read-export";
import { ParsedExport } from "../../src/import/types";
import { exportFile } from "../helpers/exports";
import { FakeBook } from "../helpers/fake-book";

const parse = (text: string, fileName = "export.csv"): ParsedExport => {
  // (The Hyperliquid fixtures' dates are day first, as their source says: the trader's answer.)
  const r = readExport(text, { fileName, dateOrder: "dmy" });
  if ("refused" in r) throw new Error(r.refused);
  return r;
};
const fixture = (name: string) => parse(exportFile(name), path.basename(name));

const BOOK = { sheetName: "Book", fills: "Fills", funding: "Funding" };

function emptyBook(): FakeBook {
  const wb = new FakeBook();
  wb.addTable("Book", "Fills", 40, 13, [...FILL_COLUMNS]);
  wb.addTable("Book", "Funding", 40, 29, [...FUNDING_COLUMNS]);
  return wb;
}

const trades = fixture("hyperliquid/trade_history.csv");
const funding = fixture("hyperliquid/funding_history.csv");
const binance = fixture("binance/Export Trade History(UTC+3).csv");

describe("importIntoBook", () => {
  test("an empty Book gets every fill and funding row once, as the tables' columns say", async () => {
    const wb = emptyBook();
    const result = await importIntoBook(wb.run, BOOK, [trades, funding]);
    expect(result).toMatchObject({
      fillsAdded: trades.fills.length,
      fundingAdded: funding.funding.length,
      skippedFills: 0,
      skippedFunding: 0,
    });
    const [fills, fund] = wb.tables;
    expect(fills.rows).toHaveLength(13);
    expect(fund.rows).toHaveLength(funding.funding.length);
    // Hyperliquid 08/02/2026 14:57:08, ETH Open Short 0.0094 @ 2120.8, fee 0.00287 USDC (the fixture's third row).
    const row = Object.fromEntries(FILL_COLUMNS.map((c, i) => [c, fills.rows[2][i]]));
    expect(row).toEqual({
      "Time UTC": Date.UTC(2026, 1, 8, 14, 57, 8) / 86400000 + 25569,
      Exchange: "hyperliquid",
      Symbol: "ETH",
      Asset: "ETH",
      Instrument: "perp",
      "Contract type": "linear",
      "Contract size": 1,
      Side: "sell",
      Quantity: 0.0094,
      Price: 2120.8,
      Fee: 0.00287,
      "Fee asset": "USDC",
      "Exchange realized": -0.00287,
      "Trade ID": "",
      Strategy: "",
    });
    expect(wb.formulas()).toEqual([]);
    // Three syncs: the tables, the rows already there, one batch per table.
    expect(result.syncs).toBe(4);
  });

  test("importing the same files again writes nothing; overlapping exports add only what is new", async () => {
    const wb = emptyBook();
    await importIntoBook(wb.run, BOOK, [trades, funding, binance]);
    const before = wb.snapshot();
    const again = await importIntoBook(wb.run, BOOK, [binance, funding, trades]);
    expect(again).toMatchObject({ fillsAdded: 0, fundingAdded: 0, batches: 0 });
    expect(again.skippedFills).toBe(trades.fills.length + binance.fills.length);
    expect(wb.snapshot()).toBe(before);

    // Two exports of overlapping periods: the first 8 fills, then fills 5 to 13.
    const lines = exportFile("hyperliquid/trade_history.csv").trim().split("\n");
    const first = parse([lines[0], ...lines.slice(1, 9)].join("\n"));
    const second = parse([lines[0], ...lines.slice(5)].join("\n"));
    const wb2 = emptyBook();
    await importIntoBook(wb2.run, BOOK, [first]);
    const r = await importIntoBook(wb2.run, BOOK, [second]);
    expect(r).toMatchObject({ fillsAdded: 5, skippedFills: 4 });
    expect(wb2.tables[0].rows).toHaveLength(13);
  });

  test("identical fills in one file are distinct fills, and stay so across re-imports", async () => {
    const csv = [
      "time,coin,dir,px,sz,ntl,fee,closedPnl",
      "08/02/2026 14:57:08,ETH,Open Short,2120.8,0.0094,19.93552,0.00287,-0.00287",
      "08/02/2026 14:57:08,ETH,Open Short,2120.8,0.0094,19.93552,0.00287,-0.00287",
    ].join("\n");
    const wb = emptyBook();
    expect((await importIntoBook(wb.run, BOOK, [parse(csv)])).fillsAdded).toBe(2);
    expect((await importIntoBook(wb.run, BOOK, [parse(csv)])).fillsAdded).toBe(0);
    expect(wb.tables[0].rows).toHaveLength(2);
  });

  test("a Strategy the user typed survives a re-import, and rows already there are never rewritten", async () => {
    const wb = emptyBook();
    await importIntoBook(wb.run, BOOK, [binance]);
    const strategy = FILL_COLUMNS.indexOf("Strategy");
    wb.tables[0].rows.forEach((r) => (r[strategy] = "Basis Q1"));
    const before = wb.snapshot();
    await importIntoBook(wb.run, BOOK, [binance]);
    expect(wb.snapshot()).toBe(before);
    const r = await importIntoBook(wb.run, BOOK, [binance, trades]);
    expect(r.fillsAdded).toBe(trades.fills.length);
    expect(wb.tables[0].rows.slice(0, binance.fills.length).every((row) => row[strategy] === "Basis Q1")).toBe(true);
  });

  test("text from a file stays text: formula-looking cells and leading zeros", async () => {
    const csv = [
      "time,coin,dir,px,sz,ntl,fee,closedPnl",
      '08/02/2026 14:57:08,"=HYPERLINK(""http://evil.example"",""x"")",Open Short,2120.8,0.0094,19.93552,0.00287,-0.00287',
      "08/02/2026 14:57:09,+cmd,Open Short,2120.8,0.0094,19.93552,0.00287,-0.00287",
      "08/02/2026 14:57:10,@SUM(A1),Open Short,2120.8,0.0094,19.93552,0.00287,-0.00287",
      "08/02/2026 14:57:11,-1+1,Open Short,2120.8,0.0094,19.93552,0.00287,-0.00287",
    ].join("\n");
    const wb = emptyBook();
    await importIntoBook(wb.run, BOOK, [parse(csv)]);
    expect(wb.formulas()).toEqual([]);
    const symbol = FILL_COLUMNS.indexOf("Symbol");
    expect(wb.tables[0].rows.map((r) => r[symbol])).toEqual([
      '=HYPERLINK("http://evil.example","x")',
      "+cmd",
      "@SUM(A1)",
      "-1+1",
    ]);
  });

  test("columns are matched by header: reordered tables and a column of the user's own", async () => {
    const wb = new FakeBook();
    const header = ["Notes", ...[...FILL_COLUMNS].reverse()];
    wb.addTable("Book", "Fills", 3, 0, header, [["keep me", ...FILL_COLUMNS.map(() => "")]]);
    wb.addTable("Book", "Funding", 3, 20, [...FUNDING_COLUMNS]);
    // The row already there is blank but for the user's note: it is kept, and counts as a row.
    await importIntoBook(wb.run, BOOK, [binance]);
    const rows = wb.tables[0].rows;
    expect(rows[0][0]).toBe("keep me");
    expect(rows).toHaveLength(1 + binance.fills.length);
    const row = Object.fromEntries(header.map((c, i) => [c, rows[1][i]]));
    expect(row).toMatchObject({ Notes: "", Exchange: "binance", Symbol: binance.fills[0].symbol });
  });

  test("a table without a column the import needs: a message naming it, nothing written", async () => {
    const wb = new FakeBook();
    wb.addTable(
      "Book",
      "Fills",
      3,
      0,
      FILL_COLUMNS.filter((c) => c !== "Trade ID"),
    );
    wb.addTable("Book", "Funding", 3, 20, [...FUNDING_COLUMNS]);
    const before = wb.snapshot();
    await expect(importIntoBook(wb.run, BOOK, [trades])).rejects.toThrow(
      /Fills table has no "Trade ID" column.*Nothing was written/,
    );
    expect(wb.snapshot()).toBe(before);
  });

  test("a failure at any sync, before or after Excel applied it, leaves the tables as they were", async () => {
    // Rows already in both tables, and an import of several batches per table.
    const seed = emptyBook();
    const firstFunding = { ...funding, funding: funding.funding.slice(0, 2) };
    await importIntoBook(seed.run, BOOK, [firstFunding, bigExport(3)]);
    const big = bigExport(2000);
    const files = [big, trades, funding];
    const LIMIT = 60000;
    const clean = await importIntoBook(copy(seed).run, BOOK, files, undefined, LIMIT);
    expect(clean.batches).toBeGreaterThanOrEqual(4);
    expect(clean.fundingAdded).toBe(funding.funding.length - 2);
    for (const mode of ["failAtSync", "failAfterSync"] as const) {
      for (let n = 1; n <= clean.syncs; n++) {
        const wb = copy(seed);
        const before = wb.snapshot();
        wb[mode] = n;
        const outcome = await importIntoBook(wb.run, BOOK, files, undefined, LIMIT).then(
          () => "written",
          (e: unknown) => e,
        );
        // A failure reported after the last sync was applied would still be a failure to the user.
        expect(outcome).toBeInstanceOf(WriteError);
        expect((outcome as WriteError).message).toMatch(/Nothing was written|left as they were/);
        expect(wb.snapshot()).toBe(before);
      }
    }
  });

  test("large imports: batches under Excel's 5 MB request limit, progress after each", async () => {
    const big = bigExport(60000);
    const wb = emptyBook();
    const progress: number[] = [];
    const r = await importIntoBook(wb.run, BOOK, [big], (p) => progress.push(p.written));
    expect(r.fillsAdded).toBe(60000);
    expect(r.batches).toBeGreaterThanOrEqual(2);
    expect(r.largestRequestBytes).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(wb.largestRequest).toBeLessThan(5 * 1024 * 1024);
    expect(progress[progress.length - 1]).toBe(60000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  test("batchesOf keeps every row once, in order", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, "x".repeat(20000)]);
    const batches = [...batchesOf(rows)];
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flatMap((b) => b.rows)).toEqual(rows);
    for (const b of batches) expect(b.bytes).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
  });
});

describe("findBooks", () => {
  test("a sheet with a Fills and a Funding table, known by their headers whatever their names", async () => {
    const wb = new FakeBook();
    wb.addTable("Book (2)", "Fills_2", 3, 0, [...FILL_COLUMNS]);
    wb.addTable("Book (2)", "MyFunding", 3, 20, [...FUNDING_COLUMNS]);
    wb.addTable("Portfolio", "PortfolioLegs", 3, 0, ["Asset", "Instrument"]);
    wb.addTable("Other", "Fills", 3, 0, [...FILL_COLUMNS]);
    expect(await findBooks(wb.run)).toEqual([{ sheetName: "Book (2)", fills: "Fills_2", funding: "MyFunding" }]);
  });
});

/** A Hyperliquid trade history of n fills (as the bench's), for batch sizes. */
function bigExport(n: number): ParsedExport {
  const lines = ["time,coin,dir,px,sz,ntl,fee,closedPnl"];
  for (let i = 0; i < n; i++) {
    const s = i % 86400;
    const hh = String(Math.floor(s / 3600)).padStart(2, "0");
    const mm = String(Math.floor(s / 60) % 60).padStart(2, "0");
    const ss = String(s % 60).padStart(2, "0");
    const day = String(1 + Math.floor(i / 86400)).padStart(2, "0");
    lines.push(
      `${day}/03/2026 ${hh}:${mm}:${ss},BTC,${i % 2 ? "Close Long" : "Open Long"},${60000 + (i % 500)},0.001,60,0.021,-0.021`,
    );
  }
  return parse(lines.join("\n"));
}

function copy(wb: FakeBook): FakeBook {
  const c = new FakeBook();
  c.tables = JSON.parse(JSON.stringify(wb.tables));
  return c;
}

describe("Bybit's Closed P&L and stated opening positions", () => {
  const closedPnl = fixture("bybit/closed-pnl.csv");

  test("a Book with a Closed P&L table gets the closed positions once; findBooks finds that table", async () => {
    const wb = emptyBook();
    wb.addTable("Book", "ClosedPnL", 40, 52, [...CLOSED_COLUMNS]);
    const [found] = await findBooks(wb.run);
    expect(found).toEqual({ sheetName: "Book", fills: "Fills", funding: "Funding", closed: "ClosedPnL" });
    const first = await importIntoBook(wb.run, found, [closedPnl, trades]);
    expect([first.closedAdded, first.fillsAdded]).toEqual([36, 13]);
    const again = await importIntoBook(wb.run, found, [closedPnl]);
    expect([again.closedAdded, again.skippedClosed]).toEqual([0, 36]);
    const table = wb.tables[2];
    expect(table.rows).toHaveLength(36);
    // The 8-character order id is text, as exported.
    expect(table.rows[0][CLOSED_COLUMNS.indexOf("Order ID")]).toBe("9871b976");
  });

  test("a Book made before (no Closed P&L table) is not written to: the message says to use a new Book", async () => {
    const wb = emptyBook();
    const before = wb.snapshot();
    await expect(importIntoBook(wb.run, BOOK, [trades, closedPnl])).rejects.toThrow(
      /has no Closed P&L table .* import into a new Book sheet, or leave that file out\. Nothing was written\./,
    );
    expect(wb.snapshot()).toBe(before);
  });

  test("a stated opening position with fills before it in another file writes nothing", async () => {
    const wb = emptyBook();
    const mid = parse(
      "time,coin,dir,px,sz,ntl,fee,closedPnl\n08/02/2026 15:06:00,BTC,Close Long,71396,0.00028,19.99,0.002878,-0.003158\n",
    );
    const o = mid.openings[0];
    const opening = statedOpening(o, { position: o.position, entry: o.entry, time: "2026-02-08 15:05:59" });
    if ("problem" in opening) throw new Error(opening.problem);
    await importIntoBook(wb.run, BOOK, [mid, openingsExport([opening])]);
    const before = wb.snapshot();
    const earlier = parse(
      "time,coin,dir,px,sz,ntl,fee,closedPnl\n08/02/2026 14:00:00,BTC,Open Long,71397,0.00028,19.99,0.002878,-0.002878\n",
    );
    await expect(importIntoBook(wb.run, BOOK, [earlier])).rejects.toThrow(/has fills before it .* Nothing was written\.$/);
    expect(wb.snapshot()).toBe(before);
  });
});
