/**
 * Exchange exports → normalised fills and funding (src/import), on fixture files laid out exactly
 * as the exchanges export them (test/fixtures/exports, sources in SOURCES.md): the format is told
 * from the content, never the name; units, signs, fee assets, time zones and locale dates come
 * out as the Book's tables want them; nothing is read twice or dropped silently; hostile files get
 * a clear refusal.
 */
import { realizedPnlOf } from "../../src/functions/realizedpnl";
import { readExport } from "../../src/import/read-export";
import { FillRow } from "../../src/import/types";
import { exportFile as file, parsed, refused, resavedInGermany } from "../helpers/exports";

describe("Hyperliquid", () => {
  // The source's dates are DD/MM/YYYY (SOURCES.md); the file alone cannot tell (below): the trader's answer.
  const trades = parsed(readExport(file("hyperliquid/trade_history.csv"), { fileName: "binance.csv", dateOrder: "dmy" }));

  test("trade history: told from its header (not its misleading name); perps and spot; every row read", () => {
    expect(trades.formatId).toBe("hyperliquid-trades");
    expect(trades.rows).toBe(13);
    expect(trades.fills).toHaveLength(13);
    expect(trades.problems).toEqual([]);
    expect(trades.symbols).toEqual(["BTC", "ETH", "HYPE/USDC"]);
    expect(trades.fills[0]).toMatchObject({ instrument: "spot", asset: "HYPE", side: "buy" });
    expect(trades.fills[2]).toMatchObject({
      time: Date.UTC(2026, 1, 8, 14, 57, 8),
      exchange: "hyperliquid",
      symbol: "ETH",
      asset: "ETH",
      instrument: "perp",
      contractType: "linear",
      contractSize: "1",
      side: "sell",
      quantity: "0.0094",
      price: "2120.8",
      fee: "0.00287",
      feeAsset: "USDC",
      exchangeRealized: "-0.00287",
      tradeId: "",
    });
    expect(trades.from).toBe(Date.UTC(2025, 3, 3, 10, 8, 56));
    expect(trades.to).toBe(Date.UTC(2026, 1, 8, 15, 3, 21));
  });

  test("locale dates: no day above 12 and rows not in time order, so the file is not read until the trader says the order; then the summary says so", () => {
    expect(refused(readExport(file("hyperliquid/trade_history.csv")))).toBe(
      'the dates in time (such as "03/04/2025 10:08:56") can be read as day-month-year or month-day-year: choose the date order under "Dates" and read the file again (nothing was read from it)',
    );
    expect(trades.notes).toEqual([
      "dates read as day-month-year, as you chose",
      "Hyperliquid states no time zone: times read as UTC",
      "Exchange realized is Hyperliquid's closedPnl, net of the fill's fee (Binance, Bybit and OKX write it gross)",
    ]);
    const us = readExport("time,coin,dir,px,sz,ntl,fee,closedPnl\n9/18/2025 - 14:59:56,ETH,Open Long,2000,1,2000,0.5,-0.5\n", {
      utcOffsetMinutes: 120,
    });
    expect(parsed(us).fills[0].time).toBe(Date.UTC(2025, 8, 18, 12, 59, 56));
    expect(parsed(us).notes[0]).toBe("dates read as month-day-year, the only order every date in the file fits");
  });

  test("the imported ETH fills give REALIZEDPNL = closedPnl + fee (Hyperliquid's closedPnl is net of the fee)", () => {
    const eth = trades.fills.filter((f) => f.symbol === "ETH");
    const answer = realizedPnlOf(
      eth.map((f) => [f.side]),
      eth.map((f) => [Number(f.quantity)]),
      eth.map((f) => [Number(f.price)]),
      null,
      null,
      null,
    ) as number[][];
    eth.forEach((f, i) => expect(answer[i][0]).toBeCloseTo(Number(f.exchangeRealized) + Number(f.fee), 12));
  });

  test("funding history: payments signed + received / − paid, rates in exponent form read exactly", () => {
    const funding = parsed(readExport(file("hyperliquid/funding_history.csv"), { dateOrder: "dmy" }));
    expect(funding.formatId).toBe("hyperliquid-funding");
    expect(funding.funding.map((f) => [f.symbol, f.amount, f.rate])).toEqual([
      ["ETH", "0.000055", "0.000000553"],
      ["MEGA", "0.000142", "0.0000125"],
      ["MEGA", "-0.000057", "0.0000125"],
      ["HYPE", "-0.001374", "0.0000125"],
      ["AXS", "0.205819", "-0.0014796107"],
      ["0G", "1.123372", "-0.006446811"],
    ]);
    expect(funding.funding[0].time).toBe(Date.UTC(2026, 1, 8, 15));
  });
});

describe("Binance", () => {
  test("trade history: times in the file name's zone (UTC+3), fee cells with their asset, gross Realized Profit, trade ids", () => {
    const r = parsed(
      readExport(file("binance/Export Trade History(UTC+3).csv"), { fileName: "Export Trade History(UTC+3).csv" }),
    );
    expect(r.formatId).toBe("binance-futures-trades");
    expect(
      r.fills.map((f) => [f.time, f.side, f.quantity, f.price, f.fee, f.feeAsset, f.exchangeRealized, f.tradeId, f.key]),
    ).toEqual([
      [Date.UTC(2026, 4, 29, 15, 25, 1), "buy", "0.001", "73645.8", "0.0368229", "USDT", "0", "1", "binance|BTCUSDT|1"],
      [Date.UTC(2026, 4, 30, 0, 35, 9), "sell", "0.001", "73698.2", "0.0368491", "USDT", "0.05239999", "2", "binance|BTCUSDT|2"],
    ]);
    expect(r.fills[0]).toMatchObject({ asset: "BTC", instrument: "perp", contractType: "linear", contractSize: "1" });
    expect(r.notes).toEqual(["times read in the file name's zone, UTC+3"]);
    // Without the zone in the name: UTC, and the summary says so.
    expect(parsed(readExport(file("binance/Export Trade History(UTC+3).csv"))).fills[0].time).toBe(
      Date.UTC(2026, 4, 29, 18, 25, 1),
    );
    // REALIZEDPNL agrees with Binance's gross Realized Profit (which Binance prints truncated to 8 decimals).
    const answer = realizedPnlOf([["buy"], ["sell"]], [[0.001], [0.001]], [[73645.8], [73698.2]], null, null, null) as number[][];
    expect(answer[1][0]).toBeCloseTo(0.0524, 12);
    expect(Math.abs(answer[1][0] - 0.05239999)).toBeLessThanOrEqual(1.0000001e-8);
  });

  test("COIN-M symbols are inverse, in contracts of 100 USD (BTC) or 10 USD; a fee in BNB keeps its asset", () => {
    const csv =
      "Uid,Time,Symbol,Side,Price,Quantity,Amount,Fee,Realized Profit,Buyer,Maker,Trade ID,Order ID\n" +
      "1,2026-05-29 18:25:01,BTCUSD_PERP,SELL,73645.8,12,0.01629419,0.00000814 BTC,0,false,true,77,88\n" +
      "1,2026-05-29 18:25:02,ETHUSD_251226,BUY,2500,3,0.012,0.0001 BNB,0,true,false,78,89\n";
    const r = parsed(readExport(csv));
    expect(r.fills.map((f) => [f.instrument, f.contractType, f.contractSize, f.asset, f.fee, f.feeAsset])).toEqual([
      ["perp", "inverse", "100", "BTC", "0.00000814", "BTC"],
      ["future", "inverse", "10", "ETH", "0.0001", "BNB"],
    ]);
  });

  test("transaction history: FUNDING_FEE rows are funding; commissions, realized P&L and transfers are counted, not imported", () => {
    const r = parsed(
      readExport(file("binance/Export Transaction History(UTC+3).csv"), { fileName: "Export Transaction History(UTC+3).csv" }),
    );
    expect(r.formatId).toBe("binance-futures-transactions");
    expect(r.funding.map((f) => [f.time, f.symbol, f.amount, f.asset, f.key])).toEqual([
      [Date.UTC(2026, 4, 29, 21), "BTCUSDT", "-0.00536112", "USDT", "binance|funding|9002"],
      [Date.UTC(2026, 4, 30, 5), "ETHUSDT", "0.000713", "USDT", "binance|funding|9005"],
    ]);
    expect(r.other.map((o) => o.what)).toEqual([
      "COMMISSION (in the trade history's fills)",
      "REALIZED_PNL (in the trade history's fills)",
      "COMMISSION (in the trade history's fills)",
      "TRANSFER",
    ]);
  });
});

describe("Bybit unified account", () => {
  const r = parsed(readExport(file("bybit/uta.csv")));

  test("the preamble line is skipped; CRLF; 20-decimal numbers and -- read exactly", () => {
    expect(r.formatId).toBe("bybit-uta-transactions");
    expect(r.rows).toBe(5);
    expect(r.problems).toEqual([]);
  });

  test("a CLOSE: the fee paid (negative in this CSV) becomes a positive cost; Cash Flow is the gross realized", () => {
    expect(r.fills[0]).toMatchObject({
      time: Date.UTC(2026, 8, 22, 19, 11, 48),
      symbol: "XAUTUSDT",
      asset: "XAUT",
      side: "sell",
      quantity: "0.02",
      price: "4356",
      fee: "0.08712",
      feeAsset: "USDT",
      exchangeRealized: "1.0375",
      contractType: "linear",
    });
    expect(r.fills[1]).toMatchObject({ symbol: "ETHUSDT", side: "buy", fee: "0.04518", exchangeRealized: "0" });
  });

  test("a SETTLEMENT is funding, signed as the Book wants (+ received, − paid); a spot trade's two legs are one spot fill", () => {
    expect(r.funding.map((f) => [f.symbol, f.amount, f.asset])).toEqual([["XAUTUSDT", "-0.0043613", "USDT"]]);
    // The sell of 0.00003 BTC at 53,842.9 EUR: its fee on the EUR leg (0.0040382175 EUR = 0.25 % of 1.615287).
    expect(r.fills[2]).toMatchObject({
      symbol: "BTCEUR",
      asset: "BTC",
      instrument: "spot",
      side: "sell",
      quantity: "0.00003",
      price: "53842.9",
      fee: "0.0040382175",
      feeAsset: "EUR",
    });
    expect(r.other.map((o) => [o.line, o.what])).toEqual([[7, "spot trade's quote leg (in its base leg's fill)"]]);
  });

  test("a spot buy pays its fee in the coin bought, on the coin's leg (real rows of the same export)", () => {
    // everytrade-io/everytrade-plugins, parser-files/bybiteu_uta_v001.csv (commit 40e55e09): the buy's two legs.
    const buy = readExport(
      [
        "UID: 567248024,Company Name: ,Country: ",
        "Uid,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Action,Time(UTC)",
        "567248024,BTC,BTCEUR,TRADE,BUY,0.00007000000000000000,0.00000000000000000000,53873.60000000000000000000,0.00000000000000000000,-0.00000017500000000000,0.00007000000000000000,0.00006982500000000000,0.00013960000000000000,--,2026-06-05 08:22:20",
        "567248024,EUR,BTCEUR,TRADE,BUY,-3.77115200000000000000,0.00000000000000000000,53873.60000000000000000000,0.00000000000000000000,0.00000000000000000000,-3.77115200000000000000,-3.77115200000000000000,9.46211167500000000000,--,2026-06-05 08:22:20",
      ].join("\n"),
    );
    expect(parsed(buy).fills.map((f) => [f.side, f.quantity, f.price, f.fee, f.feeAsset, f.instrument])).toEqual([
      ["buy", "0.00007", "53873.6", "0.000000175", "BTC", "spot"],
    ]);
    // A base leg whose other leg is missing: its fee is not known, so it is a problem line, not a guess.
    const alone = readExport(
      [
        "Uid,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Action,Time(UTC)",
        "567248024,BTC,BTCEUR,TRADE,SELL,-0.00003,0,53842.9,0,0,-0.00003,-0.00003,0.0000896,--,2026-06-05 08:22:50",
      ].join("\n"),
    );
    expect(parsed(alone).problems).toEqual([
      { line: 2, reason: "a spot BTCEUR leg in BTC without its EUR leg at the same time: the fill's fee is not known" },
    ]);
  });
});

describe("BitMEX", () => {
  test("execution history: byte-order mark, quoted cells, 12-hour clock; XBTUSD inverse in 1-USD contracts; fees in satoshi → XBT", () => {
    const r = parsed(readExport(file("bitmex/trade_history.csv")));
    expect(r.formatId).toBe("bitmex-executions");
    expect(
      r.fills.map((f) => [f.time, f.side, f.quantity, f.price, f.fee, f.feeAsset, f.contractType, f.contractSize, f.asset]),
    ).toEqual([
      [Date.UTC(2020, 0, 26, 18, 32, 4), "sell", "127", "8564.5", "0.00001112", "XBT", "inverse", "1", "XBT"],
      [Date.UTC(2020, 0, 26, 18, 31, 7), "buy", "127", "8556.5", "0.00001113", "XBT", "inverse", "1", "XBT"],
    ]);
    // The round trip's exact inverse P&L, oldest fill first (BitMEX lists newest first):
    // 127 × (1/8556.5 − 1/8564.5) = 0.0000138640… XBT (BitMEX's own satoshi rounding books 1,397 sat).
    const answer = realizedPnlOf([["buy"], ["sell"]], [[127], [127]], [[8556.5], [8564.5]], null, "inverse", null) as number[][];
    expect(answer[1][0]).toBeCloseTo(127 * (1 / 8556.5 - 1 / 8564.5), 15);
  });

  test("12-hour times are the exporting browser's local time: read at the offset given (ISO times stay UTC)", () => {
    // Exported in New York (UTC−5): 6:32:04 PM there is 23:32:04 UTC.
    const r = parsed(readExport(file("bitmex/trade_history.csv"), { utcOffsetMinutes: -300 }));
    expect(r.fills[0].time).toBe(Date.UTC(2020, 0, 26, 23, 32, 4));
    expect(r.notes).toContain(
      'times like "1/26/2020, 6:32:04 PM" are the exporting browser\'s local time (its date order read from the whole file): read as UTC-5',
    );
    const iso = parsed(readExport(file("bitmex/trade_history_iso.csv"), { utcOffsetMinutes: -300 }));
    expect(iso.fills[0].time).toBe(Date.UTC(2020, 9, 20, 17, 46, 13, 553));
  });

  test("the newer layout: ISO times with milliseconds, a text cell over two lines", () => {
    const r = parsed(readExport(file("bitmex/trade_history_iso.csv")));
    expect(r.fills).toHaveLength(1);
    expect(r.fills[0]).toMatchObject({ time: Date.UTC(2020, 9, 20, 17, 46, 13, 553), quantity: "20472", fee: "0.0012799" });
  });
});

describe("Deribit", () => {
  test("a log a spreadsheet in Germany saved again (26.11.2024 08:00, ';', decimal commas): the same fills and keys, dates read per file", () => {
    const original = parsed(readExport(file("deribit/BTC-transaction-log.csv")));
    const dated = file("deribit/BTC-transaction-log.csv").replace(
      /(\d\d)\/(\d\d)\/(\d\d) (\d\d):(\d\d):\d\d/g,
      "$1.$2.20$3 $4:$5",
    );
    const resaved = parsed(readExport(resavedInGermany(dated)));
    expect(resaved.problems).toEqual([]);
    const same = (f: FillRow) => [f.symbol, f.side, f.quantity, f.price, f.fee, f.key];
    expect(resaved.fills.map(same)).toEqual(original.fills.map(same));
    resaved.fills.forEach((f, i) => expect(f.time).toBe(original.fills[i].time - (original.fills[i].time % 60000)));
    expect(resaved.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^dates read as day-month-year/)]));
  });

  test("transaction log: DD/MM/YY UTC dates; inverse USD amounts as 10-USD contracts; settlement funding; Cash Flow kept as Deribit's session P&L", () => {
    const r = parsed(readExport(file("deribit/BTC-transaction-log.csv")));
    expect(r.formatId).toBe("deribit-transactions");
    expect(
      r.fills.map((f) => [
        f.time,
        f.side,
        f.quantity,
        f.contractSize,
        f.contractType,
        f.price,
        f.fee,
        f.feeAsset,
        f.exchangeRealized,
        f.key,
      ]),
    ).toEqual([
      [
        Date.UTC(2024, 10, 26, 8, 0, 1),
        "buy",
        "100",
        "10",
        "inverse",
        "95000",
        "0.00000526",
        "BTC",
        "0",
        "deribit|BTC-PERPETUAL|300001",
      ],
      [
        Date.UTC(2024, 10, 26, 9),
        "sell",
        "40",
        "10",
        "inverse",
        "96000",
        "0.00000208",
        "BTC",
        "0.00004386",
        "deribit|BTC-PERPETUAL|300002",
      ],
    ]);
    expect(r.funding.map((f) => [f.time, f.amount, f.asset, f.key])).toEqual([
      [Date.UTC(2024, 10, 27, 8), "0.00000123", "BTC", "deribit|funding|103"],
    ]);
    expect(r.other.map((o) => o.what)).toEqual(["transfer"]);
    // 40 contracts of 10 USD closed at 96,000 from 95,000: 400 × (1/95000 − 1/96000) = 0.0000438596… BTC.
    const answer = realizedPnlOf([["buy"], ["sell"]], [[100], [40]], [[95000], [96000]], null, "inverse", 10) as number[][];
    expect(answer[1][0]).toBeCloseTo(400 * (1 / 95000 - 1 / 96000), 15);
  });
});

describe("nothing doubled, nothing lost", () => {
  test("reading the same file again gives the same keys; identical rows in one file stay distinct", () => {
    const text = file("hyperliquid/trade_history.csv");
    const a = parsed(readExport(text, { dateOrder: "dmy" })).fills.map((f) => f.key);
    const b = parsed(readExport(text, { dateOrder: "dmy" })).fills.map((f) => f.key);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    const twice =
      "time,coin,dir,px,sz,ntl,fee,closedPnl\n13/02/2026 10:00:00,ETH,Open Long,2000,1,2000,0.5,-0.5\n13/02/2026 10:00:00,ETH,Open Long,2000,1,2000,0.5,-0.5\n";
    const keys = parsed(readExport(twice)).fills.map((f) => f.key);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  test("a row that cannot be read is listed with its line number and why, never dropped silently", () => {
    const csv =
      "time,coin,dir,px,sz,ntl,fee,closedPnl\n" +
      "13/02/2026 10:00:00,ETH,Open Long,2000,1,2000,0.5,-0.5\n" +
      "31/02/2026 10:00:00,ETH,Open Long,2000,1,2000,0.5,-0.5\n" +
      "13/02/2026 10:00:01,ETH,Hold,2000,1,2000,0.5,-0.5\n" +
      "13/02/2026 10:00:02,ETH,Close Long,abc,1,2000,0.5,-0.5\n" +
      "13/02/2026 10:00:03,ETH,Close Long,2000\n";
    const r = parsed(readExport(csv));
    expect(r.fills).toHaveLength(1);
    expect(r.problems).toEqual([
      { line: 3, reason: 'time "31/02/2026 10:00:00" is not a date and time this export uses' },
      { line: 4, reason: 'dir "Hold" is not a Hyperliquid direction (Open Long, Close Short, Long > Short, …)' },
      { line: 5, reason: 'sz, px and fee must be numbers (got "1", "abc", "0.5")' },
      { line: 6, reason: "4 cells where the header has 8" },
    ]);
  });

  test("a quoted cell spanning lines keeps the line numbers after it right", () => {
    const csv =
      'Time,Type,Amount,Asset,Symbol,Transaction ID\n2026-05-30 00:00:00,"TRANS\nFER",1,USDT,,1\n2026-05-30 00:00:00,FUNDING_FEE,x,USDT,BTCUSDT,2\n';
    expect(parsed(readExport(csv)).problems).toEqual([{ line: 4, reason: 'Amount "x" is not a number' }]);
  });
});

describe("hostile files: a clear message, no hang", () => {
  test("empty, header only, another delimiter, an unknown layout", () => {
    expect(refused(readExport(""))).toBe("the file is empty");
    expect(refused(readExport("time,coin,dir,px,sz,ntl,fee,closedPnl\n"))).toMatch(
      /has the Hyperliquid trade history .* header but no rows/,
    );
    // ';' is a spreadsheet's separator: read, and a row that is not a trade is a problem line.
    const semicolons = parsed(readExport("time;coin;dir;px;sz;ntl;fee;closedPnl\n1;2;3;4;5;6;7;8\n"));
    expect(semicolons.fills).toEqual([]);
    expect(semicolons.problems.map((p) => p.line)).toEqual([2]);
    expect(refused(readExport("a,b,c\n1,2,3\n"))).toMatch(
      /^not an export Legwork reads: it starts "a,b,c". Known exports: Binance futures trade history/,
    );
  });

  test("unbalanced quotes: refused, naming the line", () => {
    expect(
      refused(readExport('time,coin,sz,side,payment,rate\n08/02/2026 15:00:00,"ETH,0.047,Short,0.000055,5.53e-7\n')),
    ).toMatch(/^line 2 opens a quote that is never closed/);
  });

  test("binary data: refused", () => {
    expect(refused(readExport("PK\u0003\u0004\u0000\u0000 xlsx bytes"))).toMatch(/not a text file/);
  });

  test("mixed line endings and a byte-order mark are read as one file", () => {
    const csv =
      "\uFEFFtime,coin,sz,side,payment,rate\r\n08/02/2026 15:00:00,ETH,0.047,Short,0.000055,5.53e-7\n08/02/2026 16:00:00,ETH,0.047,Short,0.000050,5e-7\r08/02/2026 17:00:00,ETH,0.047,Short,0.000051,5.1e-7\r\n";
    const r = parsed(readExport(csv, { dateOrder: "dmy" }));
    expect(r.funding.map((f) => f.amount)).toEqual(["0.000055", "0.00005", "0.000051"]);
  });

  test("formula-looking cells stay text (the writer stores them as text; here they are not numbers)", () => {
    const csv =
      'time,coin,dir,px,sz,ntl,fee,closedPnl\n13/02/2026 10:00:00,"=HYPERLINK(""http://x"",""y"")",Open Long,2000,1,2000,0.5,-0.5\n13/02/2026 10:00:00,@SUM(A1),Open Long,+2000,1,2000,0.5,-0.5\n';
    const r = parsed(readExport(csv));
    expect(r.fills[0].symbol).toBe('=HYPERLINK("http://x","y")');
    expect(r.fills[1].symbol).toBe("@SUM(A1)");
    expect(r.fills[1].price).toBe("2000");
  });

  test("a 50 MB export is read whole (no size limit below Excel's), every row accounted for", () => {
    const row = "13/02/2026 10:00:00,ETH,Open Long,2000.5,0.0094,18.80470,0.002875,-0.002875\n";
    const n = Math.ceil((50 * 1024 * 1024) / row.length);
    const r = parsed(readExport(`time,coin,dir,px,sz,ntl,fee,closedPnl\n${row.repeat(n)}`));
    expect(r.rows).toBe(n);
    expect(r.fills.length + r.problems.length).toBe(n);
    expect(new Set(r.fills.slice(0, 1000).map((f) => f.key)).size).toBe(1000);
  }, 120000);
});
