/**
 * Bybit's Closed P&L export read as closed-position records (issue 21), and shown by LEDGER beside
 * the figures it computes from fills. Real rows:
 *
 * - test/fixtures/exports/bybit/closed-pnl.csv: 36 rows of one account (SOURCES.md);
 * - GitHub pakkof13-a11y/Patrimo, tests/fixtures/import/passe2/bybit-closedpl.csv (commit
 *   ba089a39): the older layout (a "UID: …" line, "Order No" without the dot, "Symbol Type",
 *   the closing order's side "buy"), a liquidation (Exit Type BustTrade).
 */
import { Decimal } from "decimal.js";
import { CLOSED_COLUMNS, defaultLayout, FILL_COLUMNS, FUNDING_COLUMNS, planImport } from "../../src/import/book-rows";
import { readExport } from "../../src/import/read-export";
import { summarise } from "../../src/import/summary";
import { ParsedExport } from "../../src/import/types";
import { ledgerOf } from "../../src/functions/ledger";
import { DomainError } from "../../src/core/errors";
import { exportFile as file, parsed, refused, resavedInGermany } from "../helpers/exports";

const FILLS = defaultLayout(FILL_COLUMNS);
const FUNDING = defaultLayout(FUNDING_COLUMNS);
const CLOSED = defaultLayout(CLOSED_COLUMNS);
const PATRIMO =
  "UID: 1234567,Name: JANE DOE\nContracts,Closing Direction,Qty,Entry Price,Exit Price,Closed P&L,Exit Type,Trade Time(UTC+0),Order No,Create Time,Symbol Type\nBTCUSDT,buy,0.0040,59164.50000000,65080.50000000,-23.46856293,BustTrade,2021-10-20 13:42:25,575a1039-dd9e-445a-bf84-1e2e8b0abfb8,2021-10-20 13:42:25,USDT Perpetual\n";

const r = parsed(readExport(file("bybit/closed-pnl.csv")));

/** The Book's tables after importing `files` into an empty Book. */
function book(files: ParsedExport[]) {
  const plan = planImport(files, { layout: FILLS, rows: [] }, { layout: FUNDING, rows: [] }, { layout: CLOSED, rows: [] });
  return { plan, fills: [[...FILL_COLUMNS], ...plan.fills], closed: [[...CLOSED_COLUMNS], ...plan.closed] };
}

describe("reading the export", () => {
  test("every row is a closed position (no fills, no funding); sides, times, currency as Bybit states them", () => {
    expect([r.closed.length, r.fills.length, r.funding.length, r.problems]).toEqual([36, 0, 0, []]);
    const [first] = r.closed;
    expect(first).toMatchObject({
      time: Date.UTC(2025, 5, 5, 10, 5, 40),
      exchange: "bybit",
      symbol: "OPUSDT",
      closingSide: "sell",
      quantity: "793.7",
      entryPrice: "0.6299",
      exitPrice: "0.6331",
      closedPnl: "2.01880767",
      currency: "USDT",
      orderId: "9871b976",
    });
    // Close Short is closed by a buy; "105861.60" is the number 105861.6.
    expect(r.closed.find((c) => c.symbol === "BTCUSDT" && c.closingSide === "buy")).toMatchObject({
      quantity: "0.024",
      entryPrice: "105861.6",
      closedPnl: "4.07483683",
    });
  });

  test("the summary counts closed positions and says Bybit's figure is net of fees and funding", () => {
    const s = summarise("closed-pnl.csv", r);
    expect(s.title).toBe(
      "closed-pnl.csv: Bybit Closed P&L (Contracts,Closing Direction,Qty,Entry Price,Exit Price,Closed P&L,…,Trade Time) · 36 rows",
    );
    expect(s.details).toEqual(
      expect.arrayContaining([
        "2025-06-01 09:17:52 to 2025-06-05 10:05:40 UTC",
        "0 fills, 0 funding payments, 36 closed positions, 0 other rows (not imported: none)",
        expect.stringMatching(
          /^Read as: closed positions with Bybit's Closed P&L, net of their opening and closing fees and funding/,
        ),
      ]),
    );
  });

  test("the older layout: a UID line, Order No, Symbol Type, the closing order's side (buy), a liquidation", () => {
    const old = parsed(readExport(PATRIMO));
    expect(old.closed).toEqual([
      expect.objectContaining({
        time: Date.UTC(2021, 9, 20, 13, 42, 25),
        symbol: "BTCUSDT",
        closingSide: "buy",
        quantity: "0.004",
        entryPrice: "59164.5",
        exitPrice: "65080.5",
        closedPnl: "-23.46856293",
        currency: "USDT",
        orderId: "575a1039-dd9e-445a-bf84-1e2e8b0abfb8",
      }),
    ]);
  });

  test("inverse contracts settle in the coin; another zone in the header is read as that zone; a bad row is said by line", () => {
    const header =
      "Contracts,Closing Direction,Qty,Entry Price,Exit Price,Closed P&L,Exit Type,Trade Time(UTC+8),Order No.,Create Time";
    const text = `${header}\nBTCUSD,Close Short,500,64000,62500,0.00018,Trade,2026-03-02 08:00:00,ab12cd34,2026-03-01 08:00:00\nETHUSDT,Close Sideways,1,2000,2100,99,Trade,2026-03-02 08:00:00,ab12cd35,2026-03-01 08:00:00\n`;
    const x = parsed(readExport(text));
    expect(x.closed.map((c) => [c.symbol, c.currency, c.closingSide, c.time])).toEqual([
      ["BTCUSD", "BTC", "buy", Date.UTC(2026, 2, 2, 0, 0, 0)],
    ]);
    expect(x.problems).toEqual([
      { line: 3, reason: 'Closing Direction "Close Sideways" is not Close Long, Close Short, Sell or Buy' },
    ]);
  });
});

describe("into the Book: never twice, and the same rows from a spreadsheet's re-save", () => {
  test("importing it again adds nothing; a German re-save (';', decimal commas, no seconds) adds nothing either", () => {
    const once = book([r]);
    expect(once.plan.closed).toHaveLength(36);
    const again = planImport(
      [r],
      { layout: FILLS, rows: [] },
      { layout: FUNDING, rows: [] },
      { layout: CLOSED, rows: once.plan.closed },
    );
    expect([again.closed.length, again.skippedClosed]).toEqual([0, 36]);
    // 01.06.2025 to 05.06.2025 fit day-month and month-day alike: the file is not guessed, the trader is asked.
    const text = resavedInGermany(file("bybit/closed-pnl.csv"));
    expect(refused(readExport(text))).toMatch(
      /^the dates in Trade Time\(UTC\+0\) \(such as "05\.06\.2025 10:05"\) can be read as day-month-year or month-day-year/,
    );
    const resaved = parsed(readExport(text, { dateOrder: "dmy" }));
    expect(resaved.problems).toEqual([]);
    expect(resaved.closed.map((c) => [c.symbol, c.closedPnl, c.quantity])).toEqual(
      r.closed.map((c) => [c.symbol, c.closedPnl, c.quantity]),
    );
    const fromResave = planImport(
      [resaved],
      { layout: FILLS, rows: [] },
      { layout: FUNDING, rows: [] },
      { layout: CLOSED, rows: once.plan.closed },
    );
    expect([fromResave.closed.length, fromResave.skippedClosed]).toEqual([0, 36]);
  });
});

describe("LEDGER shows the exchange's closed P&L beside the computed figures", () => {
  const { fills, closed } = book([r]);
  const answer = ledgerOf(fills, null, null, null, closed) as unknown[][];

  test("a twelfth column, Exchange closed P&L: per symbol, the sum of Bybit's figures; not added to Total", () => {
    expect(answer[0][11]).toBe("Exchange closed P&L");
    const line = (symbol: string) => answer.find((x) => x[2] === symbol && x[1] === "bybit")!;
    const sum = (symbol: string) =>
      r.closed
        .filter((c) => c.symbol === symbol)
        .reduce((s, c) => s.plus(c.closedPnl), new Decimal(0))
        .toNumber();
    expect(line("BTCUSDT")[11]).toBe(sum("BTCUSDT"));
    expect(line("BTCUSDT")[11]).toBe(9.93126731);
    expect(line("MANTAUSDT")[11]).toBe(-65.96473217);
    expect(line("BTCUSDT").slice(6, 11)).toEqual([0, 0, 0, "", 0]);
    const all = answer.find((x) => x[0] === "All strategies" && x[3] === "USDT")!;
    expect(all[11]).toBe(r.closed.reduce((s, c) => s.plus(c.closedPnl), new Decimal(0)).toNumber());
  });

  test("beside a position with fills: on that position's line, whatever its strategy", () => {
    const fillRow = (side: string, price: number) => {
      const cells: Record<string, unknown> = {
        "Time UTC": 45811,
        Exchange: "bybit",
        Symbol: "BTCUSDT",
        Side: side,
        Quantity: 0.014,
        Price: price,
        Fee: 0,
        Strategy: "Basis",
      };
      return FILL_COLUMNS.map((c) => cells[c] ?? "");
    };
    const withFills = [[...FILL_COLUMNS], fillRow("buy", 105531), fillRow("sell", 105687)];
    const a = ledgerOf(withFills, null, null, null, closed) as unknown[][];
    const btc = a.filter((x) => x[2] === "BTCUSDT" && x[1] === "bybit");
    expect(btc.map((x) => [x[0], x[6], x[11]])).toEqual([["Basis", 2.184, 9.93126731]]);
  });

  test("without the closed argument LEDGER keeps its eleven columns; a closed table without its columns is a clear #VALUE!", () => {
    expect((ledgerOf(fills, null, null, null) as unknown[][])[0]).toHaveLength(11);
    const e = ledgerOf(fills, null, null, null, [["Symbol", "P&L"]]);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).message).toMatch(/closed has no Exchange column/);
  });
});
