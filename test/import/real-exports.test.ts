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
import { readExport } from "../../src/import/read-export";
import { readUpload } from "../../src/import/read-upload";
import { FillRow } from "../../src/import/types";
import { exportFile as file, parsed, refused } from "../helpers/exports";

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

/**
 * The file as a spreadsheet in a German locale saves it: ';' between cells, decimal commas in
 * number cells, cells with letters (fees with their asset) kept as text, dates in the locale's
 * order to the minute, integers of more than 11 digits rounded to 6 significant digits in
 * exponent form (Excel's General format), CRLF.
 */
function resavedInGermany(csv: string): string {
  const [header, ...rows] = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const cell = (c: string): string => {
    const date =
      /^(\d{2})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2}$/.exec(c) ?? /^\d{2}(\d{2})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2}$/.exec(c);
    if (date) return `${date[3]}.${date[2]}.20${date[1]} ${date[4]}:${date[5]}`;
    if (/^\d{12,}$/.test(c)) return Number(c).toExponential(5).replace(".", ",").replace("e+", "E+");
    if (/^-?\d+\.\d+$/.test(c)) return c.replace(".", ",");
    return c;
  };
  return [header.replace(/,/g, ";"), ...rows.map((r) => r.split(",").map(cell).join(";"))].join("\r\n") + "\r\n";
}

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
