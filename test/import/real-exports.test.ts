/**
 * Binance exports as traders have them, read from rows of real files (test/fixtures/exports,
 * SOURCES.md): the two-digit year Binance writes today, a whole real export with its BOM and
 * CRLF, a Vietnamese header, an empty export, ZIP archives, and the same file after a
 * spreadsheet in a European locale saved it again (';', decimal commas, no seconds, long ids
 * rounded: what Excel writes when it saves a CSV in the locale's list separator and number format,
 * per Microsoft's "Import or export text (.txt or .csv) files").
 */
import { strToU8, zipSync } from "fflate";
import { csvFilesInZip } from "../../src/import/read-archive";
import { FILL_COLUMNS, FUNDING_COLUMNS, planImport } from "../../src/import/book-rows";
import { readExport } from "../../src/import/read-export";
import { readUpload } from "../../src/import/read-upload";
import { FillRow } from "../../src/import/types";
import { exportFile as file, HYPERLIQUID_MID_POSITION, parsed, refused, resavedInGermany } from "../helpers/exports";

const TWO_DIGIT = "binance/Binance-Futures-Trade-History-202603171040(UTC--3)-part1-of1.csv";
const FOUR_DIGIT = "binance/Binance-Futures-Trade-History-202606181441(UTC+6)-part1-of1.csv";
const VIETNAMESE = "binance/Binance-Futures-Trade-History-vi(UTC+7).csv";
const EMPTY = "binance/Binance-Futures-Trade-History-202603230521(UTC--6).csv";

const read = (name: string, text = file(name)) => parsed(readExport(text, { fileName: name.split("/")[1] }));
const row = (f: FillRow) => [f.time, f.symbol, f.side, f.quantity, f.price, f.fee, f.feeAsset, f.exchangeRealized, f.key];

describe("Binance's two-digit year (YY-MM-DD HH:MM:SS), in the file name's zone (UTC--3 is UTC−3)", () => {
  const r = read(TWO_DIGIT);

  test("every row is a fill; 26-03-17 09:34:12 at UTC−3 is 2026-03-17 12:34:12 UTC; 25-10-18 23:26:22 crosses midnight", () => {
    expect(r.problems).toEqual([]);
    expect(r.fills).toHaveLength(10);
    expect(row(r.fills[1])).toEqual([
      Date.UTC(2026, 2, 17, 12, 34, 12),
      "BTCUSDC",
      "buy",
      "0.01",
      "73822.3",
      "0.29528919",
      "USDC",
      "0.28699999",
      "binance|BTCUSDC|419925075",
    ]);
    expect(r.fills[9].time).toBe(Date.UTC(2025, 9, 19, 2, 26, 22));
    // A maker fill on a USDC pair: "0.00000000 USDC" is a zero fee in USDC.
    expect([r.fills[0].fee, r.fills[0].feeAsset]).toEqual(["0", "USDC"]);
    expect(r.notes).toEqual(["times read in the file name's zone, UTC-3"]);
  });

  test("a year-first date is Binance's own layout: 26-03-17 is never read as 26 March 2017", () => {
    expect(r.from).toBe(Date.UTC(2025, 9, 19, 2, 26, 22));
    expect(r.to).toBe(Date.UTC(2026, 2, 17, 13, 32, 39));
  });
});

test("a whole real export: byte-order mark, CRLF, four-digit year, fees without a space, partial fills of one order", () => {
  const r = read(FOUR_DIGIT);
  expect(r.problems).toEqual([]);
  expect(r.fills).toHaveLength(9);
  expect(row(r.fills[0])).toEqual([
    Date.UTC(2026, 5, 18, 14, 7, 24),
    "ETHUSDT",
    "sell",
    "0.028",
    "1733.76",
    "0.02427264",
    "USDT",
    "-0.00307999",
    "binance|ETHUSDT|8323719608",
  ]);
  // Two fills of order 4307762412 at the same second: two rows, two keys.
  const pol = r.fills.filter((f) => f.symbol === "POLUSDT" && f.time === Date.UTC(2026, 5, 18, 7, 47, 15));
  expect(pol.map((f) => f.quantity)).toEqual(["479", "173"]);
  expect(new Set(r.fills.map((f) => f.key)).size).toBe(9);
});

describe("headers in the interface's language", () => {
  test("Vietnamese (Uid,Thời gian,Mã,Bên,…): read as Binance's columns, and the summary says so", () => {
    const r = read(VIETNAMESE);
    expect(r.formatId).toBe("binance-futures-trades");
    expect(r.notes[0]).toBe("a Vietnamese header, read as Binance's English columns");
    expect(r.fills.map((f) => [f.time, f.symbol, f.side, f.fee, f.feeAsset])).toEqual([
      [Date.UTC(2023, 5, 28, 9, 56, 20), "BTCUSDT", "sell", "0.03634668", "USDT"],
      [Date.UTC(2023, 5, 29, 10, 34, 4), "BTCUSDT", "buy", "0", "USDT"],
      [Date.UTC(2023, 5, 29, 10, 47, 26), "ETHBUSD", "sell", "0.0012", "BNB"],
    ]);
  });

  test("Simplified Chinese, the older layout (时间(UTC),合约,方向,…,计价资产): read by name, in any order, and said", () => {
    // The header as two unrelated importers read Binance's Chinese files (SOURCES.md); the rows are
    // constructed (no real Chinese rows were found), with the English export's values: BUY/SELL.
    const header = "时间(UTC),合约,方向,价格,数量,成交额,手续费,手续费结算币种,已实现盈亏,计价资产";
    const text = `${header}\n2021-03-01 10:00:00,BTCUSDT,SELL,49000,0.01,490,0.196,USDT,10,USDT\n2021-03-01 09:00:00,BTCUSDT,BUY,48000,0.01,480,0.192,USDT,0,USDT\n`;
    const r = parsed(readExport(text));
    expect(r.formatId).toBe("binance-futures-trades");
    expect(r.notes).toContain("a Simplified Chinese header, read as Binance's English columns");
    expect(r.fills.map((f) => [f.time, f.symbol, f.side, f.quantity, f.price, f.fee, f.feeAsset, f.exchangeRealized])).toEqual([
      [Date.UTC(2021, 2, 1, 10), "BTCUSDT", "sell", "0.01", "49000", "0.196", "USDT", "10"],
      [Date.UTC(2021, 2, 1, 9), "BTCUSDT", "buy", "0.01", "48000", "0.192", "USDT", "0"],
    ]);
    // The same columns in another order are read by name.
    const reordered =
      "合约,时间(UTC),方向,价格,数量,成交额,手续费,手续费结算币种,已实现盈亏,计价资产\nBTCUSDT,2021-03-01 10:00:00,SELL,49000,0.01,490,0.196,USDT,10,USDT\n";
    expect(parsed(readExport(reordered)).fills.map((f) => [f.symbol, f.time])).toEqual([["BTCUSDT", Date.UTC(2021, 2, 1, 10)]]);
  });

  test("a language with no table (constructed: the Vietnamese file's names replaced): read by position, said; a file that is not Binance's shows problems", () => {
    const other = file(VIETNAMESE).replace("Thời gian,Mã,Bên", "时间,合约,方向");
    const r = read(VIETNAMESE, other);
    expect(r.fills).toHaveLength(3);
    expect(r.notes[0]).toMatch(
      /^a header in a language Legwork has no table for \("时间, 合约, 方向", …\): columns read by position/,
    );
    const shuffled = other.replace(/SELL|BUY/g, "X");
    expect(read(VIETNAMESE, shuffled).problems).toHaveLength(3);
  });
});

test("an export of a period without trades: 'this export holds no rows', not a damaged line", () => {
  expect(refused(readExport(file(EMPTY)))).toBe(
    'this export holds no rows: the exchange wrote "No data matches the criteria." under the header (export a period with trades; nothing to import)',
  );
});

describe("a file a spreadsheet saved again (';', decimal commas, minutes, rounded ids)", () => {
  test.each([TWO_DIGIT, FOUR_DIGIT])(
    "%s: the same fills and the same keys as the original, and the summary says how it was read",
    (name) => {
      const original = read(name);
      const resaved = read(name, resavedInGermany(file(name)));
      expect(resaved.problems).toEqual([]);
      const same = (f: FillRow) => [f.symbol, f.side, f.quantity, f.price, f.fee, f.feeAsset, f.exchangeRealized, f.key];
      expect(resaved.fills.map(same)).toEqual(original.fills.map(same));
      // The seconds are gone, nothing else.
      resaved.fills.forEach((f, i) => expect(f.time).toBe(original.fills[i].time - (original.fills[i].time % 60000)));
      expect(resaved.notes).toEqual(
        expect.arrayContaining([
          "cells separated by ';' and decimal commas (a spreadsheet saved the file again): numbers such as 1.234,56 read as 1234.56",
          expect.stringMatching(
            /^dates read as day-month-year, the only order every date in the file fits \(not the exchange's own layout.*; times to the minute/,
          ),
        ]),
      );
    },
  );

  test("UTF-16 with tabs (Excel's 'Unicode Text'): the same fills", () => {
    const text = file(FOUR_DIGIT)
      .replace(/^\uFEFF/, "")
      .replace(/,/g, "\t");
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const [summary] = readUpload(FOUR_DIGIT.split("/")[1], bytes, {});
    expect(summary.parsed!.fills.map((f) => f.key)).toEqual(read(FOUR_DIGIT).fills.map((f) => f.key));
    expect(summary.details).toContain("Read as: text in UTF-16 (a spreadsheet saved the file again), not UTF-8");
  });

  test("ids rounded by the spreadsheet are no keys: distinct fills stay distinct, matched by content, and said", () => {
    // The two ETHUSDT trade ids as a spreadsheet shows 10 digits in a narrow column: one rounded number.
    const r = read(FOUR_DIGIT, resavedInGermany(file(FOUR_DIGIT)).replace(/;(8323719608|8323470638);/g, ";8,32372E+09;"));
    const eth = r.fills.filter((f) => f.symbol === "ETHUSDT");
    expect(eth).toHaveLength(2);
    expect(new Set(eth.map((f) => f.key)).size).toBe(2);
    expect(eth.every((f) => f.tradeId === "")).toBe(true);
    expect(r.notes).toContain(
      "2 ids shortened to a number such as 8.32372E+09 by a spreadsheet: those rows are matched by their content instead",
    );
  });

  test("the original and its re-save with rounded ids, imported in either order, add each fill once (matched to the minute by content)", () => {
    const original = read(FOUR_DIGIT);
    const rounded = read(FOUR_DIGIT, resavedInGermany(file(FOUR_DIGIT)).replace(/;(8323719608|8323470638);/g, ";8,32372E+09;"));
    const layout = (cols: readonly string[]) => ({ header: [...cols], at: Object.fromEntries(cols.map((c, i) => [c, i])) });
    const [fills, funding] = [layout(FILL_COLUMNS), layout(FUNDING_COLUMNS)];
    for (const [first, second] of [
      [original, rounded],
      [rounded, original],
    ]) {
      const once = planImport([first], { layout: fills, rows: [] }, { layout: funding, rows: [] });
      expect(once.fills).toHaveLength(9);
      const again = planImport([second], { layout: fills, rows: once.fills }, { layout: funding, rows: [] });
      expect([again.fills.length, again.skippedFills]).toEqual([0, 9]);
    }
    // Both in one import: each fill once too.
    const both = planImport([original, rounded], { layout: fills, rows: [] }, { layout: funding, rows: [] });
    expect([both.fills.length, both.skippedFills]).toEqual([9, 9]);
  });

  test("dates where no day is above 12 and the rows fit both orders: the trader is asked, and the answer is used", () => {
    const csv =
      "Uid,Time,Symbol,Side,Price,Quantity,Amount,Fee,Realized Profit,Buyer,Maker,Trade ID,Order ID\n1,03/04/2026 10:00,BTCUSDT,BUY,1,1,1,0 USDT,0,true,false,1,1\n";
    expect(refused(readExport(csv))).toMatch(
      /\(such as "03\/04\/2026 10:00"\) can be read as day-month-year or month-day-year: choose the date order under "Dates"/,
    );
    expect(parsed(readExport(csv, { dateOrder: "mdy" })).fills[0].time).toBe(Date.UTC(2026, 2, 4, 10));
    expect(parsed(readExport(csv, { dateOrder: "dmy" })).fills[0].time).toBe(Date.UTC(2026, 3, 3, 10));
  });
});

describe("ZIP archives (Binance hands exports out as .zip)", () => {
  const inner = "Binance-Futures-Trade-History-202603171040(UTC--3).csv";

  test("the CSV inside is read as the export, named 'archive › file', in the inner file's zone", () => {
    const zip = zipSync({ [inner]: strToU8(file(TWO_DIGIT)) });
    const [summary] = readUpload("Binance-Futures-Trade-History-202603171040(UTC--3)_aaaa1111.zip", zip, {});
    expect(summary.fileName).toBe(`Binance-Futures-Trade-History-202603171040(UTC--3)_aaaa1111.zip › ${inner}`);
    expect(summary.parsed!.fills.map(row)).toEqual(read(TWO_DIGIT).fills.map(row));
  });

  test("several CSVs: one summary each; a folder inside and macOS's metadata are not content", () => {
    const zip = zipSync({
      "exports/": {},
      [`exports/${inner}`]: strToU8(file(TWO_DIGIT)),
      "exports/vi(UTC+7).csv": strToU8(file(VIETNAMESE)),
      "__MACOSX/._x": strToU8("x"),
    });
    const summaries = readUpload("two.zip", zip, {});
    expect(summaries.map((s) => [s.fileName, s.parsed?.fills.length])).toEqual([
      [`two.zip › exports/${inner}`, 10],
      ["two.zip › exports/vi(UTC+7).csv", 3],
    ]);
  });

  test("anything else inside refuses the whole archive; so does a damaged one", () => {
    const zip = zipSync({ [inner]: strToU8(file(TWO_DIGIT)), "statement.pdf": strToU8("%PDF-1.4") });
    expect(readUpload("mixed.zip", zip, {}).map((s) => [s.parsed, s.problems])).toEqual([
      [
        null,
        [
          'the archive holds "statement.pdf", which is not a CSV export: nothing was read from it (put only the exchange\'s CSV files in an archive)',
        ],
      ],
    ]);
    const damaged = zipSync({ [inner]: strToU8(file(TWO_DIGIT).repeat(50)) });
    damaged.fill(0xff, 100, 400);
    expect(readUpload("damaged.zip", damaged, {})[0].parsed).toBeNull();
  });

  test("an archive that inflates past the limit is refused as it inflates (a 'zip bomb' never fills memory)", () => {
    const bomb = zipSync({ "big.csv": new Uint8Array(8 * 1048576) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100000);
    expect(csvFilesInZip(bomb, 1048576)).toEqual({
      refused: "the archive's files come to more than 1 MB: Legwork reads exports up to that size",
    });
  });
});

describe("Hyperliquid spot: a buy pays its fee in the coin bought (closedPnl = −fee × px on real rows)", () => {
  test.each([
    // GitHub hehehe0803/portfolio_tracker_public, api/tests/crypto/test_crypto_csv_parsers.py (commit 8341c308)
    [
      "9/18/2025 - 15:00:16,HYPE/USDC,Buy,58.319,4.03,235.02557000000002,0.00282099,-0.16451731581",
      "HYPE",
      "0.00282099",
      "-0.16451731581",
    ],
    // GitHub pakkof13-a11y/Patrimo, tests/unit/hyperliquid-import-e2e.test.ts (HEAD 92df32fb)
    ["25/09/2025 13:33:06,HYPE/USDC,Buy,42.184,20,843.68,0.01344,-0.56695296", "HYPE", "0.01344", "-0.56695296"],
    // The same source's sell: the fee is in the USDC received.
    ["11/07/2026 19:33:18,BTC/USDC,Sell,64338,0.00247,158.91486,0.0610233,-101.7805633", "USDC", "0.0610233", "-101.7805633"],
  ])("%s → fee in %s", (line, feeAsset, fee, closed) => {
    const [fill] = parsed(readExport(`time,coin,dir,px,sz,ntl,fee,closedPnl\n${line}\n`, { dateOrder: "dmy" })).fills;
    expect([fill.instrument, fill.feeAsset, fill.fee, fill.exchangeRealized]).toEqual(["spot", feeAsset, fee, closed]);
    if (fill.side === "buy") expect(Number(fill.fee) * Number(fill.price)).toBeCloseTo(-Number(closed), 12);
  });

  test("the fixture's HYPE buy (funding-farmer): 0.00290848 HYPE, not USDC (42× too small as USDC at 11.944)", () => {
    const hype = parsed(readExport(file("hyperliquid/trade_history.csv"), { dateOrder: "dmy" })).fills[0];
    expect([hype.symbol, hype.side, hype.fee, hype.feeAsset]).toEqual(["HYPE/USDC", "buy", "0.00290848", "HYPE"]);
  });
});

describe("another export of a known exchange: the refusal names it and the export to take instead", () => {
  test.each([
    // The newer layout's header (nghilinh-alt/hermes-trading, tools/import_bybit_csv.py, commit e5df8304).
    [
      "Market,Order Quantity,Entry Price,Exit Price,Opening Fee,Closing Fee,Funding Fee,cumClosedPzOpenFeeInfo,cumClosedPzTradeFeeInfo,Trade Type,Realized P&L,Trade time\n",
      /^this is Bybit's All Perp Closed PnL/,
    ],
    // Patrimo, bybit-tradehistory.csv (commit ef3e2a47).
    [
      "UID: 1234567,Name: JANE DOE\nContracts,Order No,Transaction Time(UTC+0),Leverage,Direction,Order Type,Filled Type,Filled Qty,Filled Price,Order Price,Trading Fee Rate,Fees Paid,Transaction ID,Symbol Type\n",
      /^this is Bybit's derivatives Trade History: for fills and funding take/,
    ],
    // Byskov-Soft/fifo-calc-converter, test-data/BybitSpot.csv (commit e8f7909f).
    [
      "Spot Pairs,Order Type,Direction,Filled Value,Filled Price,Filled Quantity,Fees,Transaction ID,Order No.,Timestamp (UTC)\nTAIUSDT,LIMIT,BUY,20.15327160000000000000,0.30084000000000000000,66.99000000000000000000,0.06699000000000000000,2260000000764509753, 48816384,22:37 2024-11-21\n",
      /^this is Bybit's Spot Order History/,
    ],
    // britsync07-prog/britTrade, Binance-Futures-Order-History-202606170539(UTC+6)-part1-of1.csv (commit e289964b).
    [
      "\uFEFFUid,Time,Order No,Symbol,Type,Side,Price,Average Price,Amount,Executed Amount,Executed Quote Amount,Stop Price,Status,Update Time\r\n409037932,2026-06-17 11:20:39,91607106854,BNBUSDT,MARKET,BUY,0,606.97,0.01,0.01,6.0697,0,FILLED,2026-06-17 11:20:39\r\n",
      /^this is Binance's Futures Order History: it lists orders .* for fills take Orders › Futures › Trade History/,
    ],
  ])("%#", (text, message) => {
    expect(refused(readExport(text))).toMatch(message);
  });
});

describe("a file that starts in the middle of a position is said, per exchange and symbol", () => {
  const midPosition = HYPERLIQUID_MID_POSITION;

  test("Hyperliquid: a history whose first BTC fill is a Close Long is said (ETH, opened in the file, is not)", () => {
    const r = parsed(readExport(midPosition, { dateOrder: "dmy" }));
    expect(r.warnings).toEqual([
      "hyperliquid BTC: the file starts in the middle of a position (its first fill, 2026-02-08 15:06:00 UTC, closes, with the exchange's realized P&L -0.0031579999999999998); the realized P&L computed from these fills starts from flat and differs from the exchange's own: state the position held before it (offered below), or export from before the position was opened",
    ]);
    // The whole real file opens every position it closes: nothing to say.
    expect(parsed(readExport(file("hyperliquid/trade_history.csv"), { dateOrder: "dmy" })).warnings).toEqual([]);
  });

  test("Binance: a symbol whose first fill carries Realized Profit (written only on a reducing fill); spot and opening fills say nothing", () => {
    const symbols = (name: string) => read(name).warnings.map((w) => w.split(":")[0]);
    // (and BTCUSDT's fills are missing in the middle as well: test/import/openings.test.ts)
    expect(symbols(TWO_DIGIT)).toEqual(["binance BTCUSDT", "binance COMPUSDT", "binance RONINUSDT", "binance BTCUSDT"]);
    expect(symbols(FOUR_DIGIT)).toEqual(["binance POLUSDT", "binance TRXUSDT"]);
    expect(read(TWO_DIGIT).warnings[2]).toMatch(/RONINUSDT: .*closes, with the exchange's realized P&L 0\.29672\)/);
  });

  test("the summary shows each as a line to check", () => {
    const [summary] = readUpload("trade_history.csv", strToU8(midPosition), { dateOrder: "dmy" });
    expect(summary.details.filter((d) => d.startsWith("Check: hyperliquid BTC:"))).toHaveLength(1);
  });
});

test("Bybit's unified log (real rows) saved again by a spreadsheet in Germany: the same fills, funding and keys, read per file", () => {
  const [preamble, ...rest] = file("bybit/uta.csv").split(/\r?\n/);
  const original = parsed(readExport(file("bybit/uta.csv")));
  const resaved = parsed(readExport(`${preamble.replace(/,/g, ";")}\r\n${resavedInGermany(rest.join("\n"))}`));
  expect(resaved.problems).toEqual([]);
  const same = (f: FillRow) => [f.symbol, f.side, f.quantity, f.price, f.fee, f.feeAsset, f.exchangeRealized, f.instrument];
  expect(resaved.fills.map(same)).toEqual(original.fills.map(same));
  expect(resaved.funding.map((f) => [f.symbol, f.amount])).toEqual(original.funding.map((f) => [f.symbol, f.amount]));
  resaved.fills.forEach((f, i) => expect(f.time).toBe(original.fills[i].time - (original.fills[i].time % 60000)));
  expect(resaved.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^dates read as day-month-year/)]));
});
