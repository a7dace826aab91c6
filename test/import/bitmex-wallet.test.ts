/**
 * BitMEX wallet history (src/import/formats/bitmex-wallet.ts), on a fixture laid out as BitMEX's
 * page saves it (SOURCES.md): told from its content, every row counted with the reason it is not
 * imported (its realised P&L, fees and funding are the execution history's fills and funding),
 * damaged rows listed with their line, and nothing written twice beside the execution history.
 * Then every format's matcher against every fixture's header: each accepts its own and no other.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { formatMatches } from "../../src/import/format";
import { bitmexExecutions } from "../../src/import/formats/bitmex-executions";
import { bitmexWallet } from "../../src/import/formats/bitmex-wallet";
import { readExport } from "../../src/import/read-export";
import { FORMATS } from "../../src/import/registry";
import { summarise } from "../../src/import/summary";
import { EXPORTS_DIR as dir, exportFile as file, parsed, refused } from "../helpers/exports";

const WHY = {
  RealisedPNL:
    "RealisedPNL (BitMEX's realised P&L of a position, fees and funding included: the execution history's fills and funding hold it)",
  Funding: "Funding (the same payments as the execution history's Funding rows, imported from there)",
  UnrealisedPNL: "UnrealisedPNL (the open positions' P&L when the file was made, not a transaction)",
  Deposit: "Deposit (money in, not trading)",
  Withdrawal: "Withdrawal (money out, not trading)",
  AffiliatePayout: "AffiliatePayout (referral income, not trading)",
  Conversion: "Conversion (a change of currency in the wallet, not a derivatives fill)",
  SpotTrade: "SpotTrade (a spot trade's wallet leg, not a derivatives fill)",
};

const notADate = (time: string) =>
  `transactTime "${time}" is not a date and time BitMEX writes (the browser's date and time, or ISO)`;

const HEADER = '"transactTime","transactType","amount","fee","address","transactStatus","walletBalance"';
const walletFile = (rows: string[]) => [HEADER, ...rows, ""].join("\n");

/**
 * Rows of a walletHistory file saved from BitMEX's API, verbatim (oldest first, as that dump
 * is): a RealisedPNL per closing order (with its commission as fee), funding still booked as
 * RealisedPNL at 04:00 on the day BitMEX began writing Funding rows, the first two Funding rows,
 * a conversion's two legs, a spot trade's legs, a cancelled withdrawal, and the UnrealisedPNL
 * row. GitHub bwjoke/BTC-Trading-Since-2020, api-v1-user-walletHistory.csv.
 */
const API_WALLET = [
  "timestamp,transactTime,transactType,transactStatus,currency,network,amount,fee,walletBalance,orderID,transactID,address,marginBalance",
  "2022-01-05T08:05:05.634Z,2022-01-05T07:57:54.310Z,Withdrawal,Canceled,XBt,btc,-10020000,20000,5157616998,,7f0029d0-cc12-0ae8-e3a7-8641198edbc2,Redacted,",
  "2022-02-22T12:22:03.571Z,2022-02-22T12:22:03.533Z,Conversion,Completed,XBt,,-200000000,,1060021824,,f2f2146a-7c73-426f-ac79-54b46ba3d3c6,XBTUSDT,",
  "2022-02-22T12:22:03.573Z,2022-02-22T12:22:03.573Z,Conversion,Completed,USDt,,74983620000,,74983620000,,2ce19ae7-638c-4f01-c82e-0d7c0f751232,XBTUSDT,",
  "2022-11-12T04:36:03.138Z,2022-11-12T04:36:03.138Z,SpotTrade,Completed,BMEx,,-441000000,0,6905120000,,6fc7369a-10e8-6ec6-c61b-1b9a9d1102d5,BMEX_USDT,",
  "2022-11-12T04:36:03.138Z,2022-11-12T04:36:03.138Z,SpotTrade,Completed,USDt,,394695000,0,394695000,,b176c0d4-2682-e8ba-7930-2ba18f5f12b4,BMEX_USDT,",
  "2024-10-01T02:28:05.108Z,2024-10-01T02:28:05.108Z,RealisedPNL,Completed,XBt,,-3406435,71096,1546826479,62438749-e44f-47d5-8969-a3df23ad0d57,00000000-0077-1000-0000-0000158f4af8,XBTUSD,",
  "2024-10-01T04:00:00.050Z,2024-10-01T04:00:00.050Z,RealisedPNL,Completed,XBt,,260212,-260212,1547086691,,00000000-0077-1000-0000-000015907fb6,XBTUSD,",
  "2024-10-01T12:00:00.187Z,2024-10-01T12:00:00.187Z,Funding,Completed,XBt,,260059,-260059,1547315500,,00000000-0077-1000-0000-000015962286,XBTUSD,",
  "2024-10-01T12:00:00.187Z,2024-10-01T12:00:00.187Z,Funding,Completed,XBt,,-16624,16624,1547298876,,00000000-0077-1000-0000-000015962dfa,DOGEUSD,",
  "2026-05-03T05:01:51.512Z,2026-05-03T05:01:51.512Z,UnrealisedPNL,Pending,XBt,,-111601719,0,3034754369,,,XBTUSD,2923152650",
  "",
].join("\n");

describe("BitMEX wallet history", () => {
  const r = parsed(readExport(file("bitmex/wallet_history.csv"), { fileName: "trade_history.csv" }));

  test("told from its header (byte-order mark, quoted cells), not its misleading name; nothing becomes a fill or funding", () => {
    expect(r.formatId).toBe("bitmex-wallet");
    expect(r.exchange).toBe("bitmex");
    expect(r.rows).toBe(12);
    expect([r.fills, r.funding, r.symbols, r.from, r.to]).toEqual([[], [], [], null, null]);
    // The same bytes without the byte-order mark (rotki's copy of the real file has none) read alike.
    const unmarked = parsed(readExport(file("bitmex/wallet_history.csv").replace(/^\uFEFF/, "")));
    expect([unmarked.formatId, unmarked.other, unmarked.problems]).toEqual([r.formatId, r.other, r.problems]);
  });

  test("each row: counted with why it is not imported (a cancelled withdrawal as never having happened); the damaged one listed with its line", () => {
    expect(r.other).toEqual([
      { line: 2, what: WHY.RealisedPNL },
      { line: 3, what: WHY.Withdrawal },
      ...[4, 5, 6, 7, 8, 9].map((line) => ({ line, what: WHY.RealisedPNL })),
      { line: 10, what: WHY.Deposit },
      { line: 11, what: "Withdrawal (Canceled: it never moved the wallet)" },
      { line: 12, what: WHY.AffiliatePayout },
    ]);
    expect(r.problems).toEqual([
      { line: 13, reason: `amount "1O4" is not a whole number of the currency's smallest unit (satoshi for XBt)` },
    ]);
  });

  test("the summary counts what the file holds (realised P&L days, deposits, withdrawals) and says nothing is written", () => {
    const s = summarise("Wallet History - 2019-12-26.csv", r);
    expect(s.title).toBe(`Wallet History - 2019-12-26.csv: ${bitmexWallet.name} · 12 rows · 1 line not readable`);
    expect(s.details).toEqual([
      "no fills or funding",
      `0 fills, 0 funding payments, 11 other rows (not imported: 7 ${WHY.RealisedPNL}; 1 ${WHY.Withdrawal}; 1 ${WHY.Deposit}; ` +
        `1 Withdrawal (Canceled: it never moved the wallet); 1 ${WHY.AffiliatePayout})`,
      "Symbols: none",
      "Read as: a wallet record: its rows are counted and none is written (the execution history holds the fills and funding)",
      // (12/25/2019: the browser's month-first dates, read from the whole file)
      "Read as: dates read as month-day-year, the only order every date in the file fits",
    ]);
    expect(s.problems).toEqual([`line 13: amount "1O4" is not a whole number of the currency's smallest unit (satoshi for XBt)`]);
  });

  test("dates per file: the US page's 12-hour clock and ISO, the UK page's day-first dates; impossible ones are problems", () => {
    const us = parsed(
      readExport(
        walletFile([
          '"12/25/2019, 12:00:00 PM","RealisedPNL","-201","0","XBTUSD","Completed","5660699"',
          '"2/30/2019, 7:00:00 AM","Deposit","5000000","null","","Completed","5059082"',
          '"12/25/2019, 13:00:00 PM","RealisedPNL","16","0","XBTUSD","Completed","5661301"',
          '"12/24/2019, 7:00:00 AM","RealisedPNL","373","0","XBTUSD","Completed","5661285"',
          '"Dec 25, 2019","RealisedPNL","-75","0","XBTUSD","Completed","5661103"',
        ]),
      ),
    );
    expect(us.other.map((o) => o.line)).toEqual([2, 5]);
    expect(us.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, notADate("2/30/2019, 7:00:00 AM")],
      [4, notADate("12/25/2019, 13:00:00 PM")],
      [6, notADate("Dec 25, 2019")],
    ]);
    // A file the API wrote: ISO, UTC.
    const iso = parsed(
      readExport(walletFile(['"2019-12-25T12:00:00.000Z","RealisedPNL","373","0","XBTUSD","Completed","5661285"'])),
    );
    expect([iso.other.length, iso.problems]).toEqual([1, []]);
    // A browser in the UK writes the day first, 24-hour: the whole file says which order it is in.
    const uk = parsed(
      readExport(
        walletFile([
          '"25/12/2019, 12:00:00","RealisedPNL","-75","0","XBTUSD","Completed","5661103"',
          '"13/12/2019, 12:00:00","RealisedPNL","-75","0","XBTUSD","Completed","5661104"',
        ]),
      ),
    );
    expect([uk.other.length, uk.problems]).toEqual([2, []]);
    expect(uk.notes).toContain("dates read as day-month-year, the only order every date in the file fits");
  });

  test("a browser-made file whose dates fit day and month first alike is not guessed: the trader is asked, and the answer is used", () => {
    const text = walletFile([
      '"05/12/2019, 12:00:00","RealisedPNL","-75","0","XBTUSD","Completed","5661103"',
      '"04/12/2019, 12:00:00","RealisedPNL","-75","0","XBTUSD","Completed","5661104"',
    ]);
    expect(refused(readExport(text))).toMatch(
      /^the dates in transactTime \(such as "05\/12\/2019 12:00:00"\) can be read as day-month-year or month-day-year: choose the date order under "Dates"/,
    );
    expect(parsed(readExport(text, { dateOrder: "dmy" })).problems).toEqual([]);
  });

  test("damaged rows: rotki's hand-edited quote, a fractional or missing amount, a fee that is not a number, no type", () => {
    const w = parsed(
      readExport(
        walletFile([
          // Verbatim from rotki's copy of the file: a quote moved by hand, the address outside it.
          '"12/25/2019, 5:47:25 AM","Withdrawal","-5746216","100000",""3Qsy5NGSnGA1vd1cmcNgeMjLrKPsKNhfCe,"Completed","-85517"',
          '"12/24/2019, 7:00:00 AM","RealisedPNL","-201.5","0","XBTUSD","Completed","5660699"',
          '"12/23/2019, 7:00:00 AM","RealisedPNL","","0","XBTUSD","Completed","5660900"',
          '"11/27/2019, 3:36:31 AM","Deposit","5000000","n/a","","Completed","5059082"',
          '"11/26/2019, 7:00:00 AM","","16","0","XBTUSD","Completed","59082"',
        ]),
      ),
    );
    expect([w.other, w.fills, w.funding]).toEqual([[], [], []]);
    expect(w.problems).toEqual([
      { line: 2, reason: "6 cells where the header has 7" },
      { line: 3, reason: `amount "-201.5" is not a whole number of the currency's smallest unit (satoshi for XBt)` },
      { line: 4, reason: `amount "" is not a whole number of the currency's smallest unit (satoshi for XBt)` },
      { line: 5, reason: `fee "n/a" is neither "null" nor a whole number of the currency's smallest unit` },
      { line: 6, reason: "transactType is empty" },
    ]);
  });

  test("a file saved from the API (more columns, ISO times, USDt and BMEx in 1e-6): Funding, Conversion, SpotTrade and UnrealisedPNL rows are counted, none imported", () => {
    const w = parsed(readExport(API_WALLET));
    expect(w.formatId).toBe("bitmex-wallet");
    expect([w.fills, w.funding, w.problems]).toEqual([[], [], []]);
    expect(w.other.map((o) => o.what)).toEqual([
      "Withdrawal (Canceled: it never moved the wallet)",
      WHY.Conversion,
      WHY.Conversion,
      WHY.SpotTrade,
      WHY.SpotTrade,
      WHY.RealisedPNL,
      WHY.RealisedPNL,
      WHY.Funding,
      WHY.Funding,
      WHY.UnrealisedPNL,
    ]);
    // The UnrealisedPNL row has no time of its own in the page's file (ccxt: transactTime null).
    const undated = parsed(readExport(walletFile(['"","UnrealisedPNL","-5508","0","XBTUSD","Pending","139198767"'])));
    expect([undated.other, undated.problems]).toEqual([[{ line: 2, what: WHY.UnrealisedPNL }], []]);
  });

  test("beside the execution history nothing is imported twice: its Funding row is the one funding payment, the wallet's Funding row adds none", () => {
    // The execution history's own row for the payment the wallet's 2024-10-01 12:00 XBTUSD Funding
    // row shows (constructed, in the fixture's newer layout: execComm −260059 satoshi = received).
    const executions = parsed(
      readExport(
        [
          '"transactTime","account","symbol","execType","side","lastQty","lastPx","execCost","commission","execComm","ordType","orderQty","leavesQty","price","text","orderID"',
          '"2024-10-01T12:00:00.000Z","123456","XBTUSD","Funding","","-1600000","61525","2600590000","0.0001","-260059","Funding","","","61525","Funding","00000000-0000-0000-0000-000000000000"',
          "",
        ].join("\n"),
      ),
    );
    const wallet = parsed(readExport(API_WALLET));
    const funding = [...executions.funding, ...wallet.funding];
    expect(funding.map((f) => [f.time, f.symbol, f.amount, f.asset])).toEqual([
      [Date.UTC(2024, 9, 1, 12), "XBTUSD", "0.00260059", "XBT"],
    ]);

    // The fixtures together: the execution history's two fills, and nothing more.
    const trades = parsed(readExport(file("bitmex/trade_history.csv")));
    const walletFixture = parsed(readExport(file("bitmex/wallet_history.csv")));
    const keys = [trades, walletFixture].flatMap((p) => [...p.fills, ...p.funding].map((row) => row.key));
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });
});

/** Where each fixture comes from: the one format that must read it. */
/** Exports of a period without rows: the exchange's header and its "no data" line. */
const EMPTY = new Set(["binance/Binance-Futures-Trade-History-202603230521(UTC--6).csv"]);

const OWN_FORMAT: Record<string, string> = {
  "binance/Binance-Futures-Trade-History-202603171040(UTC--3)-part1-of1.csv": "binance-futures-trades",
  "binance/Binance-Futures-Trade-History-202603230521(UTC--6).csv": "binance-futures-trades",
  "binance/Binance-Futures-Trade-History-202606181441(UTC+6)-part1-of1.csv": "binance-futures-trades",
  "binance/Binance-Futures-Trade-History-vi(UTC+7).csv": "binance-futures-trades",
  "binance/Export Trade History(UTC+3).csv": "binance-futures-trades",
  "binance/Export Transaction History(UTC+3).csv": "binance-futures-transactions",
  "bitmex/trade_history.csv": "bitmex-executions",
  "bitmex/trade_history_iso.csv": "bitmex-executions",
  "bitmex/wallet_history.csv": "bitmex-wallet",
  "bybit/classic.csv": "bybit-classic-transactions",
  "bybit/uta.csv": "bybit-uta-transactions",
  "deribit/BTC-transaction-log.csv": "deribit-transactions",
  "hyperliquid/funding_history.csv": "hyperliquid-funding",
  "hyperliquid/trade_history.csv": "hyperliquid-trades",
  "okx/trading-history.csv": "okx-trading-history",
};

/** Every CSV under the fixtures folder, as "exchange/file.csv". */
function fixtures(): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.toLowerCase().endsWith(".csv")) out.push(rel);
    }
  };
  walk("");
  return out.sort();
}

/** A file's first lines as trimmed cells, as the reader splits them (byte-order mark off, CRLF or LF). */
const firstLines = (name: string): string[][] =>
  file(name)
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/, 6)
    .map((line) => (Papa.parse<string[]>(line, { delimiter: "," }).data[0] ?? []).map((c) => c.trim()));

describe("every format's matcher accepts its own header and no other", () => {
  test.each(fixtures())("%s", (name) => {
    const lines = firstLines(name);
    const at = lines.findIndex((cells) => FORMATS.some((f) => formatMatches(f, cells)));
    expect(at).toBeGreaterThanOrEqual(0);
    const matching = FORMATS.filter((f) => formatMatches(f, lines[at])).map((f) => f.id);
    // (Hyperliquid's fixtures' dates fit day and month first: the answer their source gives.)
    const read = readExport(file(name), { dateOrder: "dmy" });
    if (EMPTY.has(name)) expect(refused(read)).toMatch(/^this export holds no rows/);
    else expect(matching).toEqual([parsed(read).formatId]);
    if (OWN_FORMAT[name]) expect(matching).toEqual([OWN_FORMAT[name]]);
  });

  test("every fixture is covered", () => {
    expect(fixtures()).toEqual(expect.arrayContaining(Object.keys(OWN_FORMAT)));
  });

  test("BitMEX's two files, from the page or the API, are never taken for each other", () => {
    // Column lists of files saved from the API: GitHub bwjoke/BTC-Trading-Since-2020, api-v1-execution-tradeHistory.csv and api-v1-user-walletHistory.csv.
    const apiExecutions =
      "timestamp,transactTime,execType,ordStatus,symbol,side,orderQty,lastQty,leavesQty,price,lastPx,avgPx,currency,settlCurrency,execCost,execComm,realisedPnl,homeNotional,foreignNotional,orderID,execID,trdMatchID,text,brokerCommission,brokerExecComm,commission,cumQty,displayQty,execCommCcy,execInst,feeType,lastLiquidityInd,ordType,pool,stopPx,strategy,timeInForce,tradePublishIndicator,triggered,workingIndicator".split(
        ",",
      );
    const apiWallet = API_WALLET.split("\n")[0].split(",");
    const executions = firstLines("bitmex/trade_history.csv")[0];
    const executionsIso = firstLines("bitmex/trade_history_iso.csv")[0];
    const wallet = firstLines("bitmex/wallet_history.csv")[0];
    for (const h of [executions, executionsIso, apiExecutions]) {
      expect([bitmexExecutions.matches(h), bitmexWallet.matches(h)]).toEqual([true, false]);
      expect(FORMATS.filter((f) => f.matches(h))).toEqual([bitmexExecutions]);
    }
    for (const h of [wallet, apiWallet]) {
      expect([bitmexExecutions.matches(h), bitmexWallet.matches(h)]).toEqual([false, true]);
      expect(FORMATS.filter((f) => f.matches(h))).toEqual([bitmexWallet]);
    }
    // A header with the execution history's execType is never the wallet history's, whatever else it has.
    expect(bitmexWallet.matches([...wallet, "execType"])).toBe(false);
  });
});
