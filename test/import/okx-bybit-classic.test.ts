/**
 * OKX trading history and Bybit's classic derivatives transaction log → normalised fills and
 * funding (src/import), on fixtures laid out as the exchanges export them (SOURCES.md): the format
 * is told from the content, the preamble's time zone is applied, OKX contracts become coins by the
 * contract value, fees and funding come out in the Book's signs whichever way the exchange writes
 * them, and the realized P&L of the imported fills reproduces the exchange's own column.
 */
import { Dec } from "../../src/core/decimal";
import { realizedPnl } from "../../src/core/realized";
import { bybitClassic } from "../../src/import/formats/bybit-classic";
import { bybitUta } from "../../src/import/formats/bybit-uta";
import { okxTrades } from "../../src/import/formats/okx-trades";
import { okxContract } from "../../src/import/okx-contract-values";
import { readExport } from "../../src/import/read-export";
import { FORMATS } from "../../src/import/registry";
import { FillRow } from "../../src/import/types";
import { exportFile as file, parsed } from "../helpers/exports";

const OKX_HEADER =
  "id,Order id,Time,Trade Type,Symbol,Action,Amount,Trading Unit,Filled Price,PnL,Fee,Fee Unit,Position Change,Position Balance,Balance Change,Balance,Balance Unit";
const okxFile = (rows: string[], preamble = "UID:123456789,Account Type:Trading account,Time Zone:UTC+8") =>
  [preamble, OKX_HEADER, ...rows, ""].join("\n");
const OPEN_LONG =
  "681542208771566946,3098765432101234567,2026-03-02 09:15:04,Perpetual,BTC-USDT-SWAP,Open long,5.00000000,cont,98000.00000000,0E-8,-2.45000000,USDT,0E-8,0E-8,-2.45000000,997.55000000,USDT";

/** Realized P&L of each fill, fill by fill in time order per symbol (average cost), by Legwork's engine. */
function realizedBySymbol(fills: readonly FillRow[]): Map<FillRow, string> {
  const out = new Map<FillRow, string>();
  for (const symbol of new Set(fills.map((f) => f.symbol))) {
    const own = fills.filter((f) => f.symbol === symbol).sort((a, b) => a.time - b.time);
    const { realized } = realizedPnl(
      own.map((f) => ({ side: f.side === "buy" ? 1 : -1, quantity: new Dec(f.quantity), price: new Dec(f.price) })),
      "average",
      own[0].contractType,
      new Dec(own[0].contractSize),
    );
    own.forEach((f, i) => out.set(f, realized[i].toFixed()));
  }
  return out;
}

describe("OKX trading history", () => {
  const r = parsed(readExport(file("okx/trading-history.csv"), { fileName: "binance (UTC+3).csv" }));
  const bySymbol = (s: string) => r.fills.filter((f) => f.symbol === s);

  test("told from its content (preamble and header), not its name; every row accounted for", () => {
    expect(r.formatId).toBe("okx-trading-history");
    expect(r.exchange).toBe("okx");
    expect(r.rows).toBe(11);
    expect(r.problems).toEqual([]);
    expect(r.fills).toHaveLength(7);
    expect(r.funding).toHaveLength(2);
    // (A spot trade's two rows are one fill: its quote row is counted with it.)
    expect(r.fills.length + r.funding.length + r.other.length).toBe(r.rows);
    expect(r.symbols).toEqual(["BTC-USD-SWAP", "BTC-USDT", "BTC-USDT-SWAP", "ETH-USDT-SWAP"]);
  });

  test("times are in the preamble's zone (UTC+8) and come out as ms UTC, whatever the file name says", () => {
    expect(r.notes).toContain("times read in the zone the file states, UTC+8");
    const open = bySymbol("BTC-USDT-SWAP").find((f) => f.side === "buy")!;
    expect(open.time).toBe(Date.UTC(2026, 2, 2, 1, 15, 4)); // 2026-03-02 09:15:04 UTC+8
    // Funding at 00:00 UTC+8 is OKX's 16:00 UTC funding of the day before.
    expect(r.funding.map((f) => f.time)).toEqual([Date.UTC(2026, 2, 3, 16), Date.UTC(2026, 2, 2, 8)]);
    expect(r.from).toBe(Date.UTC(2026, 2, 2, 1, 15, 4));
    // The latest row is the spot buy, 2026-03-21 10:05:09 UTC+8.
    expect(r.to).toBe(Date.UTC(2026, 2, 21, 2, 5, 9));

    const half = parsed(readExport(okxFile([OPEN_LONG], "UID:1,Account Type:Trading account,Time Zone:UTC-05:30")));
    expect(half.fills[0].time).toBe(Date.UTC(2026, 2, 2, 14, 45, 4));
    expect(half.notes[0]).toBe("times read in the zone the file states, UTC-5:30");
  });

  test("a file that states no zone is read as UTC+8 (OKX's default), or in the zone the caller gives, and the summary says so", () => {
    const bare = okxFile([OPEN_LONG], "UID:123456789,Account Type:Trading account");
    const r8 = parsed(readExport(bare));
    expect(r8.fills[0].time).toBe(Date.UTC(2026, 2, 2, 1, 15, 4));
    expect(r8.notes[0]).toMatch(/states no time zone .*times read as UTC\+8, OKX's default/);
    const r0 = parsed(readExport(bare, { utcOffsetMinutes: 0 }));
    expect(r0.fills[0].time).toBe(Date.UTC(2026, 2, 2, 9, 15, 4));
    expect(r0.notes[0]).toMatch(/times read in the zone given, UTC$/);
  });

  test("swap amounts in contracts become coins by the contract value (BTC 0.01, ETH 0.1); 0E-8 and scale-8 numbers read exactly", () => {
    expect(bySymbol("BTC-USDT-SWAP").map((f) => [f.side, f.quantity, f.price, f.contractType, f.contractSize])).toEqual([
      ["sell", "0.02", "100000", "linear", "1"],
      ["buy", "0.05", "98000", "linear", "1"],
    ]);
    expect(bySymbol("ETH-USDT-SWAP").map((f) => [f.side, f.quantity, f.price])).toEqual([
      ["buy", "0.4", "1950"],
      ["sell", "1.2", "2000"],
    ]);
    expect(bySymbol("BTC-USDT-SWAP")[1]).toMatchObject({
      asset: "BTC",
      instrument: "perp",
      exchangeRealized: "0",
      feeAsset: "USDT",
    });
  });

  test("an inverse swap (BTC-USD-SWAP) keeps its contracts, each worth 100 USD, with fees and P&L in BTC", () => {
    expect(
      bySymbol("BTC-USD-SWAP").map((f) => [
        f.side,
        f.quantity,
        f.contractSize,
        f.contractType,
        f.asset,
        f.fee,
        f.feeAsset,
        f.exchangeRealized,
      ]),
    ).toEqual([
      ["buy", "4", "100", "inverse", "BTC", "0.0000025", "BTC", "0.001"],
      ["sell", "10", "100", "inverse", "BTC", "0.000005", "BTC", "0"],
    ]);
  });

  test("the fee paid (negative in OKX's file) is a positive cost; a maker rebate (positive) is negative", () => {
    expect(bySymbol("BTC-USDT-SWAP").map((f) => f.fee)).toEqual(["1", "2.45"]);
    expect(bySymbol("ETH-USDT-SWAP").map((f) => f.fee)).toEqual(["0.39", "-0.024"]);
  });

  test("funding rows: PnL is + received, so an expense stays negative and an income positive; keyed by the bill id", () => {
    expect(r.funding.map((f) => [f.symbol, f.amount, f.asset, f.key])).toEqual([
      ["BTC-USDT-SWAP", "0.09", "USDT", "okx|funding|681542208771572085"],
      ["BTC-USDT-SWAP", "-0.49", "USDT", "okx|funding|681542208771568659"],
    ]);
    // Older rows put the amount in Balance Change with a zero PnL; an expense that is positive is refused.
    const csv = okxFile([
      "2,,2026-03-02 16:00:00,Perpetual,BTC-USDT-SWAP,Funding fee,5,cont,0,0E-8,0,USDT,0,0,-0.03,997,USDT",
      "1,,2026-03-02 08:00:00,Perpetual,BTC-USDT-SWAP,Funding fee expense,5,cont,0,0.03,0,USDT,0,0,0.03,997,USDT",
    ]);
    const f = parsed(readExport(csv));
    expect(f.funding.map((x) => x.amount)).toEqual(["-0.03"]);
    expect(f.problems).toEqual([
      {
        line: 4,
        reason:
          'Action "Funding fee expense" with an amount of 0.03: an expense must be negative and an income positive (PnL is + received)',
      },
    ]);
  });

  test("a spot trade's two rows are one spot fill (the coin's row, the fee where it was paid); transfers are counted, with their lines", () => {
    expect(bySymbol("BTC-USDT").map((f) => [f.instrument, f.side, f.quantity, f.price, f.fee, f.feeAsset, f.tradeId])).toEqual([
      ["spot", "buy", "0.01", "80500", "0.00001", "BTC", "681542208771580650"],
    ]);
    expect(r.other).toEqual([
      { line: 3, what: "spot trade's quote row (in its coin row's fill)" },
      { line: 13, what: "Transfer in" },
    ]);
  });

  test("real spot rows: a BTC-EUR buy with its fee in BTC, and a sale whose fee is on the USDT row", () => {
    // everytrade-io/everytrade-plugins, OkxBeanV2_2Test.java (HEAD 315549eb): a real BTC-EUR buy, its two rows.
    const buy = parsed(
      readExport(
        [
          "id,Order id,Time,Trade Type,Symbol,Action,Amount,Trading Unit,Filled Price,PnL,Fee,Fee Unit,Position Change,Position Balance,Balance Change,Balance,Balance Unit",
          "2968046098898771968,2968046098831663104,2025-10-20 10:44:26,Spot,BTC-EUR,Buy,0.06436375,EUR,95264.80000000,0.00000000,-0.00016091,BTC,0.00000000,0.00000000,0.06420284,0.12011841,BTC",
          "2968046098898771969,2968046098831663104,2025-10-20 10:44:26,Spot,BTC-EUR,Sell,6131.59977100,EUR,95264.80000000,0.00000000,0.00000000,EUR,0.00000000,0.00000000,-6131.59977100,0.09340798,EUR",
        ].join("\n"),
        { utcOffsetMinutes: 0 },
      ),
    );
    expect(buy.fills.map((f) => [f.symbol, f.side, f.quantity, f.price, f.fee, f.feeAsset])).toEqual([
      ["BTC-EUR", "buy", "0.06436375", "95264.8", "0.00016091", "BTC"],
    ]);
    // OkxBeanV2Test.java (same snapshot), in the layout with unit columns: 0.02378815 BTC sold for 718.40 USDT, the fee in USDT.
    const sale = parsed(
      readExport(
        [
          "id,Order id,Time,Trade Type,Symbol,Action,Amount,Trading Unit,Filled Price,Filled Price Unit,PnL,Fee,Fee Unit,Position Change,Position Balance,Position Unit,Balance Change,Balance,Balance Unit",
          "597524845211287598,597489919078301696,2023-07-07 13:30:24,Spot,BTC-USDT,Buy,718.40213000,BTC,30200.00000000,USDT,0E-8,-0.57472170,USDT,0E-8,0E-8,USDT,717.82740830,1953.25677549,USDT",
          "597524845211287596,597489919078301696,2023-07-07 13:30:24,Spot,BTC-USDT,Sell,0.02378815,BTC,30200.00000000,USDT,0E-8,0E-8,BTC,0E-8,0E-8,BTC,-0.02378815,0E-8,BTC",
        ].join("\n"),
        { utcOffsetMinutes: 0 },
      ),
    );
    expect(sale.fills.map((f) => [f.symbol, f.side, f.quantity, f.price, f.fee, f.feeAsset])).toEqual([
      ["BTC-USDT", "sell", "0.02378815", "30200", "0.5747217", "USDT"],
    ]);
  });

  test("a symbol whose contract value Legwork does not know is a problem on its line, never a guess; options likewise", () => {
    const csv = okxFile([
      OPEN_LONG,
      "681542208771566947,3098765432101234568,2026-03-02 09:16:00,Perpetual,PEPE-USDT-SWAP,Open long,3,cont,0.00001,0E-8,-0.1,USDT,0,0,-0.1,997,USDT",
      "681542208771566948,3098765432101234569,2026-03-02 09:17:00,Perpetual,BTC-USDC-SWAP,Open short,3,cont,98000,0E-8,-0.1,USDC,0,0,-0.1,997,USDC",
      "681542208771566949,3098765432101234570,2026-03-02 09:18:00,Options,BTC-USD-260327-100000-C,Buy,1,cont,0.05,0E-8,-0.0001,BTC,0,0,-0.0501,1,BTC",
    ]);
    const p = parsed(readExport(csv));
    expect(p.fills).toHaveLength(1);
    expect(p.problems).toEqual([
      {
        line: 4,
        reason:
          'Symbol "PEPE-USDT-SWAP": its contract value (ctVal) is not in Legwork\'s OKX table, so its Amount in contracts cannot be turned into a quantity (the row is not read)',
      },
      {
        line: 5,
        reason:
          'Symbol "BTC-USDC-SWAP": its contract value (ctVal) is not in Legwork\'s OKX table, so its Amount in contracts cannot be turned into a quantity (the row is not read)',
      },
      {
        line: 6,
        reason:
          'Symbol "BTC-USD-260327-100000-C" is an option: OKX option fills are not read (their contract multiplier is not in Legwork\'s table)',
      },
    ]);
  });

  test("an amount already in coins (Trading Unit BTC) is used as is; a unit that fits neither is a problem naming it", () => {
    const csv = okxFile([
      "9,8,2026-03-02 09:15:04,Perpetual,BTC-USDT-SWAP,Close long,0.03,BTC,99000,30,-0.7,USDT,0,0,29.3,1,USDT",
      "7,6,2026-03-02 09:15:04,Perpetual,BTC-USDT-SWAP,Open long,0.03,ETH,99000,0,-0.7,USDT,0,0,-0.7,1,USDT",
      "5,4,2026-03-02 09:15:04,Expiry futures,BTC-USD-250328,Liquidation long,3,cont,90000,-0.001,-0.00001,BTC,0,0,-0.00101,1,BTC",
    ]);
    const p = parsed(readExport(csv));
    expect(p.fills.map((f) => [f.symbol, f.side, f.quantity, f.instrument, f.contractSize])).toEqual([
      ["BTC-USDT-SWAP", "sell", "0.03", "perp", "1"],
      ["BTC-USD-250328", "sell", "3", "future", "100"],
    ]);
    expect(p.problems).toEqual([
      { line: 4, reason: 'Trading Unit "ETH" with Amount 0.03 on BTC-USDT-SWAP: the unit must be cont or BTC' },
    ]);
  });

  test("keys: the bill id, unique, the same on a re-import; ids shortened by Excel (3.56E+18) fall back to the content", () => {
    const keys = r.fills.map((f) => f.key);
    expect(new Set([...keys, ...r.funding.map((f) => f.key)]).size).toBe(keys.length + r.funding.length);
    expect(keys).toContain("okx|BTC-USDT-SWAP|681542208771566946");
    expect(parsed(readExport(file("okx/trading-history.csv"))).fills.map((f) => f.key)).toEqual(keys);

    const excel = okxFile([OPEN_LONG.replace(/^\d+,\d+,/, "6.81542E+17,3.09877E+18,")]);
    const e = parsed(readExport(excel));
    expect(e.fills[0].tradeId).toBe("");
    expect(e.fills[0].key).toMatch(/^okx\|/);
    expect(e.notes).toContain(
      'the id column is in exponent form (saved again by Excel, e.g. "3.56E+18"): rows are keyed by their content',
    );
  });

  test("byte-order marks at the start of every line and field (as some OKX files have them) change nothing", () => {
    const bom = "\uFEFF";
    const marked = okxFile([OPEN_LONG])
      .split("\n")
      .map((line) =>
        line
          ? line
              .split(",")
              .map((c) => bom + c)
              .join(",")
          : line,
      )
      .join("\n");
    const p = parsed(readExport(marked));
    expect(p.formatId).toBe("okx-trading-history");
    expect(p.fills[0]).toMatchObject({ quantity: "0.05", fee: "2.45", time: Date.UTC(2026, 2, 2, 1, 15, 4) });
  });

  test("REALIZEDPNL's engine on the imported fills reproduces OKX's PnL column exactly (PnL is gross: Balance Change = PnL + Fee)", () => {
    const derivatives = r.fills.filter((f) => f.instrument !== "spot");
    const realized = realizedBySymbol(derivatives);
    for (const f of derivatives) expect([f.symbol, realized.get(f)]).toEqual([f.symbol, f.exchangeRealized]);
    // The partial closes: 2 of 5 BTC contracts (0.02 BTC) from 98,000 to 100,000 = 40 USDT;
    // 4 of 10 inverse contracts of 100 USD from 100,000 down to 80,000 = 400 × (1/80000 − 1/100000) = 0.001 BTC.
    expect(realized.get(bySymbol("BTC-USDT-SWAP")[0])).toBe("40");
    expect(realized.get(bySymbol("BTC-USD-SWAP")[0])).toBe("0.001");
    // Left in contracts (5 and 2) instead of coins, the same fills would realize 100 times OKX's figure.
    const inContracts = bySymbol("BTC-USDT-SWAP").map((f) => ({ ...f, quantity: new Dec(f.quantity).div("0.01").toFixed() }));
    expect(realizedBySymbol(inContracts).get(inContracts[0])).toBe("4000");
  });

  test("the contract table: linear in coins, inverse in USD, futures by family; anything else is unknown", () => {
    expect(okxContract("SOL-USDT-SWAP")).toEqual({ asset: "SOL", instrument: "perp", contractType: "linear", ctVal: "1" });
    expect(okxContract("ETH-USD-SWAP")).toEqual({ asset: "ETH", instrument: "perp", contractType: "inverse", ctVal: "10" });
    expect(okxContract("BTC-USDT-250328")).toEqual({ asset: "BTC", instrument: "future", contractType: "linear", ctVal: "0.01" });
    expect(okxContract("BTC-USDT")).toHaveProperty("unknown");
    expect(okxContract("WIF-USDT-SWAP")).toHaveProperty("unknown");
  });
});

describe("Bybit classic derivatives transaction log", () => {
  const r = parsed(readExport(file("bybit/classic.csv")));

  test("told from its header; never confused with the unified log (one has Fee Rate, the other Action)", () => {
    expect(r.formatId).toBe("bybit-classic-transactions");
    expect(r.rows).toBe(8);
    expect(r.problems).toEqual([]);
    const classic = file("bybit/classic.csv").split("\n")[0].split(",");
    const uta = file("bybit/uta.csv").split(/\r?\n/)[1].split(",");
    expect([bybitClassic.matches(classic), bybitUta.matches(classic)]).toEqual([true, false]);
    expect([bybitClassic.matches(uta), bybitUta.matches(uta)]).toEqual([false, true]);
    for (const header of [classic, uta, OKX_HEADER.split(",")]) {
      expect(FORMATS.filter((f) => f.matches(header))).toHaveLength(1);
    }
    expect(parsed(readExport(file("bybit/uta.csv"))).formatId).toBe("bybit-uta-transactions");
    expect(okxTrades.matches(classic)).toBe(false);
  });

  test("fills: Open Long / Close Short buy, Open Short / Close Long sell; times UTC; Fee Paid (positive when paid) kept; Cash Flow is the gross realized", () => {
    expect(
      r.fills.map((f) => [f.time, f.symbol, f.side, f.quantity, f.price, f.fee, f.feeAsset, f.exchangeRealized, f.contractType]),
    ).toEqual([
      [Date.UTC(2024, 4, 14, 11), "BTCUSD", "buy", "200", "62500", "0.00000176", "BTC", "0.000075", "inverse"],
      [Date.UTC(2024, 4, 13, 10), "BTCUSD", "sell", "500", "64000", "0.0000043", "BTC", "0", "inverse"],
      [Date.UTC(2024, 4, 12, 9, 30), "BTCUSDT", "sell", "0.02", "61000", "0.671", "USDT", "-20", "linear"],
      [Date.UTC(2024, 4, 11, 13, 45, 10), "BTCUSDT", "sell", "0.01", "64000", "0.352", "USDT", "20", "linear"],
      [Date.UTC(2024, 4, 10, 7, 12, 33), "BTCUSDT", "buy", "0.03", "62000", "1.023", "USDT", "0", "linear"],
    ]);
    expect(r.fills[0]).toMatchObject({ asset: "BTC", instrument: "perp", contractSize: "1" });
    expect(r.fills[4]).toMatchObject({
      asset: "BTC",
      tradeId: "9f3c1a52-6b1e-5d0a-9c44-1e2f3a4b5c6d",
      key: "bybit|BTCUSDT|9f3c1a52-6b1e-5d0a-9c44-1e2f3a4b5c6d",
    });
    expect(r.notes).toEqual(["times are UTC; Fee Paid and Funding are positive when paid in this log"]);
  });

  test("funding: positive Funding is paid, so the Book's amount is −Funding (+ received, − paid)", () => {
    expect(r.funding.map((f) => [f.time, f.symbol, f.amount, f.asset])).toEqual([
      [Date.UTC(2024, 4, 10, 16), "BTCUSDT", "0.05", "USDT"],
      [Date.UTC(2024, 4, 10, 8), "BTCUSDT", "-0.186", "USDT"],
    ]);
    expect(r.other).toEqual([{ line: 9, what: "transferIn" }]);
  });

  test("a rebate (negative Fee Paid) is a negative cost; an unknown Direction or a signed Quantity is a problem on its line", () => {
    const header = file("bybit/classic.csv").split("\n")[0];
    const csv = [
      header,
      "2024-05-10 07:12:33,USDT,ETHUSDT,trade,Open Short,0.5,-0.5,3000,0,-0.0015,0,0.0015,1,-0.0001,t1,o1",
      "2024-05-10 07:12:34,USDT,ETHUSDT,trade,Sell,0.5,-1,3000,0,0.8,0,-0.8,1,0.00055,t2,o2",
      "2024-05-10 07:12:35,USDT,ETHUSDT,trade,Open Short,-0.5,-1.5,3000,0,0.8,0,-0.8,1,0.00055,t3,o3",
      "",
    ].join("\n");
    const p = parsed(readExport(csv));
    expect(p.fills.map((f) => [f.side, f.fee])).toEqual([["sell", "-0.0015"]]);
    expect(p.problems).toEqual([
      { line: 3, reason: 'Direction "Sell" is not Open Long, Close Long, Open Short or Close Short' },
      { line: 4, reason: 'Quantity "-0.5" is negative: this log writes fill sizes without a sign' },
    ]);
  });

  test("keys unique and stable on a re-import", () => {
    const keys = [...r.fills.map((f) => f.key), ...r.funding.map((f) => f.key)];
    expect(new Set(keys).size).toBe(keys.length);
    const again = parsed(readExport(file("bybit/classic.csv")));
    expect([...again.fills.map((f) => f.key), ...again.funding.map((f) => f.key)]).toEqual(keys);
  });

  test("REALIZEDPNL's engine on the imported fills reproduces Bybit's Cash Flow exactly, on the partial close and the rest", () => {
    const derivatives = r.fills.filter((f) => f.instrument !== "spot");
    const realized = realizedBySymbol(derivatives);
    for (const f of derivatives) expect([f.symbol, realized.get(f)]).toEqual([f.symbol, f.exchangeRealized]);
    // Partial close: 0.01 of 0.03 BTC from 62,000 to 64,000 = 20 USDT; inverse: 200 USD contracts
    // short from 64,000 covered at 62,500 = 200 × (1/62500 − 1/64000) = 0.000075 BTC.
    expect(realized.get(r.fills[3])).toBe("20");
    expect(realized.get(r.fills[0])).toBe("0.000075");
  });
});
