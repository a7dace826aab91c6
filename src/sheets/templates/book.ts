/**
 * The Book: what the trader actually did, and what each strategy has made across all its legs
 * after fees and funding (background article, FAQ and "Record keeping": "Track all legs together
 * as one trade. Sum all realized and unrealized P&L, all costs, all funding").
 *
 * Everything that grows has its own columns, so nothing ever spills into anything else: the
 * ledger (A:L, below the chart), the marks (M:Q), net delta per strategy (S:U), P&L by day
 * (W:AA), and the Fills (AC:AQ), Funding (AS:AY) and Closed P&L (BA:BK) tables that the
 * taskpane's Import fills.
 *
 * The worked example is the article's: the cash-and-carry (buy 1 BTC at $95,000, short the March
 * future at $98,000, both settle at $100,000: +$3,000 before costs) and a funding capture
 * ($50,000 spot long, $50,000 perp short, 0.03 % per 8 hours = $15 a payment, $45 a day).
 * Fees are Binance's published base rates (spot 0.1 %, USDⓈ-M taker 0.05 %).
 */
import { rangeRef } from "../a1";
import { Content, SheetBuilder } from "../builder";
import { FormatKind } from "../formats";
import { InputSpec, InputValues } from "../inputs";
import { SheetPlan } from "../plan";
import { CLOSED_COLUMNS, excelSerial, FILL_COLUMNS, FUNDING_COLUMNS } from "../../import/book-rows";
import { Template } from "./template";

const INPUTS: InputSpec[] = [
  {
    id: "CostMethod",
    label: "Cost method",
    kind: "choice",
    default: "average",
    choices: ["average", "fifo"],
    help: "average: as Binance, Bybit, OKX and Hyperliquid report; fifo: oldest lots close first",
  },
  {
    id: "PnlCurrency",
    label: "Chart currency",
    kind: "text",
    default: "USDT",
    help: "The P&L by day and its chart are in this currency (coin-settled P&L is never added to it)",
  },
];

/** Rows of the Book's tables, in FILL_COLUMNS / FUNDING_COLUMNS order. */
export interface BookData {
  fills: readonly (readonly Content[])[];
  funding: readonly (readonly Content[])[];
  /** Closed positions as the exchange states them, in CLOSED_COLUMNS order (none in the example). */
  closed?: readonly (readonly Content[])[];
  /** Marks to start the Marks block with: exchange, symbol, typed mark. */
  marks: readonly (readonly [string, string, number | null])[];
}

/** "2026-01-05 08:00:00" (UTC) → its Excel date serial, as the import writes times. */
const at = (iso: string) => excelSerial(Date.parse(`${iso.replace(" ", "T")}Z`));

const fill = (
  time: string,
  symbol: string,
  instrument: string,
  side: string,
  quantity: number,
  price: number,
  fee: number,
  strategy: string,
): Content[] => [
  at(time),
  "binance",
  symbol,
  "BTC",
  instrument,
  "linear",
  1,
  side,
  quantity,
  price,
  fee,
  "USDT",
  null,
  null,
  strategy,
];

export const EXAMPLE: BookData = {
  fills: [
    fill("2026-01-05 08:00:00", "BTC/USDT", "spot", "buy", 1, 95000, 95, "Cash-and-carry"),
    fill("2026-01-05 08:00:05", "BTCUSDT_260327", "future", "sell", 1, 98000, 49, "Cash-and-carry"),
    fill("2026-03-27 08:00:00", "BTCUSDT_260327", "future", "buy", 1, 100000, 50, "Cash-and-carry"),
    fill("2026-03-27 08:05:00", "BTC/USDT", "spot", "sell", 1, 100000, 100, "Cash-and-carry"),
    fill("2026-04-01 00:00:00", "BTC/USDT", "spot", "buy", 0.5, 100000, 50, "Funding capture"),
    fill("2026-04-01 00:00:02", "BTCUSDT", "perp", "sell", 0.5, 100000, 25, "Funding capture"),
  ],
  // No Strategy: each payment goes to the strategy that held BTCUSDT on Binance at the time.
  funding: ["2026-04-01 08:00:00", "2026-04-01 16:00:00", "2026-04-02 00:00:00"].map((t) => [
    at(t),
    "binance",
    "BTCUSDT",
    15,
    "USDT",
    0.0003,
    null,
  ]),
  marks: [
    ["binance", "BTCUSDT", 100000],
    ["binance", "BTC/USDT", 100000],
  ],
};

const FILL_FORMATS: (FormatKind | undefined)[] = FILL_COLUMNS.map((c) =>
  c === "Time UTC"
    ? "datetime"
    : c === "Quantity" || c === "Contract size"
      ? "coin"
      : c === "Price"
        ? "price"
        : c === "Fee" || c === "Exchange realized"
          ? "number"
          : undefined,
);
const FUNDING_FORMATS: (FormatKind | undefined)[] = FUNDING_COLUMNS.map((c) =>
  c === "Time UTC" ? "datetime" : c === "Amount" ? "number" : c === "Rate" ? "rate" : undefined,
);
const CLOSED_FORMATS: (FormatKind | undefined)[] = CLOSED_COLUMNS.map((c) =>
  c === "Time UTC"
    ? "datetime"
    : c === "Quantity"
      ? "coin"
      : c === "Entry price" || c === "Exit price"
        ? "price"
        : c === "Closed P&L"
          ? "number"
          : undefined,
);

/** Rows the Marks block offers (more can be typed below within the block). */
const MARK_ROWS = 10;
/** Rows of P&L by day the chart shows (days with fills or funding: years of trading). */
const CHART_ROWS = 2000;

const COL = { ledger: 0, marks: 12, delta: 18, daily: 22, fills: 28, funding: 44, closed: 52 };
const TOP = 3;

export function buildBook(values: InputValues, data: BookData): SheetPlan {
  const b = new SheetBuilder("book", "Book");
  b.columnWidths = [
    // (L is the ledger's twelfth column, Exchange closed P&L, below the chart; beside the marks it is their margin.)
    ...[16, 12, 16, 9, 11, 12, 12, 11, 11, 11, 12, 14],
    ...[11, 16, 12, 12, 12],
    2,
    ...[16, 8, 11],
    2,
    ...[11, 12, 11, 11, 12],
    2,
    ...[19, 11, 16, 7, 9, 9, 8, 6, 10, 11, 9, 8, 10, 14, 16],
    2,
    ...[19, 11, 16, 10, 7, 10, 16],
    2,
    ...[19, 9, 14, 8, 10, 12, 12, 12, 9, 14, 16],
  ];
  b.title(
    "Book: every fill and funding payment, one P&L per strategy",
    "Import exchange exports (taskpane › Import) or type rows; type a Strategy on each row to group legs into one trade.",
  );
  b.inputs(INPUTS, values);

  // Tables first: the formulas refer to them by name.
  b.table("Fills", FILL_COLUMNS, data.fills, FILL_FORMATS, { row: TOP + 1, col: COL.fills }, true);
  b.set(TOP, COL.fills, { value: "Fills", style: "section" });
  b.table("Funding", FUNDING_COLUMNS, data.funding, FUNDING_FORMATS, { row: TOP + 1, col: COL.funding }, true);
  b.set(TOP, COL.funding, { value: "Funding (+ received, − paid)", style: "section" });
  b.table("ClosedPnL", CLOSED_COLUMNS, data.closed ?? [], CLOSED_FORMATS, { row: TOP + 1, col: COL.closed }, true);
  b.set(TOP, COL.closed, { value: "Closed P&L as the exchange states it (net of fees and funding)", style: "section" });

  // Marks: the live mark of a perpetual when online, else the mark typed beside it.
  b.set(TOP, COL.marks, { value: "Marks", style: "section" });
  b.headers(TOP + 1, COL.marks, ["Exchange", "Symbol", "Mark", "Live", "Typed"]);
  for (let i = 0; i < MARK_ROWS; i++) {
    const r = TOP + 2 + i;
    const [exchange, symbol, typed] = data.marks[i] ?? ["", "", null];
    const [E, S, , L, T] = [0, 1, 2, 3, 4].map((k) => rangeRef({ row: r, col: COL.marks + k }, { row: r, col: COL.marks + k }));
    if (exchange) b.set(r, COL.marks, { value: exchange, style: "input" });
    if (symbol) b.set(r, COL.marks + 1, { value: symbol, style: "input" });
    b.set(r, COL.marks + 2, { formula: `=IF(ISNUMBER(${L}),${L},IF(ISNUMBER(${T}),${T},""))`, format: "price" });
    b.set(r, COL.marks + 3, { formula: `=IF(${S}="","",IFERROR(LEGS.MARKPRICE(${S},${E}),""))`, format: "price" });
    b.put(r, COL.marks + 4, typed, "price", "input");
  }
  const marks = rangeRef({ row: TOP + 2, col: COL.marks }, { row: TOP + 1 + MARK_ROWS, col: COL.marks + 2 }, true);
  b.set(TOP + 2 + MARK_ROWS, COL.marks, {
    value: "A symbol with a position needs a mark (Live is the perpetual's, when online).",
    style: "note",
  });

  const events = data.fills.length + data.funding.length + (data.closed?.length ?? 0);
  // Net delta per strategy and asset, in coins.
  b.set(TOP, COL.delta, { value: "Net delta by strategy", style: "section" });
  b.spill(TOP + 1, COL.delta, `=LEGS.BOOKDELTA(Fills[#All],${marks})`, 1 + Math.max(events, 1), 3, "coin");

  // P&L by day in the chart currency, cumulative.
  b.set(TOP, COL.daily, { value: "P&L by day", style: "section" });
  b.spill(
    TOP + 1,
    COL.daily,
    `=LEGS.BOOKPNL(Fills[#All],Funding[#All],PnlCurrency,CostMethod)`,
    1 + Math.max(events, 1),
    5,
    "number",
  );
  for (let r = TOP + 2; r <= TOP + 1 + Math.max(events, 1); r++) b.set(r, COL.daily, { format: "date" });
  const firstDay = TOP + 2;
  b.chart({
    title: "Cumulative P&L: realized + funding − fees",
    xRef: rangeRef({ row: firstDay, col: COL.daily }, { row: firstDay + CHART_ROWS - 1, col: COL.daily }),
    series: [
      {
        name: "Cumulative P&L",
        ref: rangeRef({ row: firstDay, col: COL.daily + 4 }, { row: firstDay + CHART_ROWS - 1, col: COL.daily + 4 }),
      },
    ],
    anchor: "A8",
    width: 11,
    height: 18,
  });

  // The ledger: one row per position, then totals per strategy and currency, then per currency.
  b.row = 27;
  b.section("Ledger");
  b.note(
    "Realized is gross, as REALIZEDPNL computes it; Fees are negative (a cost); Funding + received. Per currency. " +
      "Exchange closed P&L is the exchange's own figure from its Closed P&L export (net of fees and funding), beside the computed ones.",
  );
  const ledgerRows = 1 + 3 * Math.max(events, 1);
  b.spill(
    b.row,
    COL.ledger,
    `=LEGS.LEDGER(Fills[#All],Funding[#All],${marks},CostMethod,ClosedPnL[#All])`,
    ledgerRows,
    12,
    "number",
  );
  const firstLine = b.row + 1;
  b.signColours(rangeRef({ row: firstLine, col: 6 }, { row: firstLine + ledgerRows - 2, col: 11 }));
  return b.build();
}

export const book: Template = {
  id: "book",
  name: "Book",
  kind: "book",
  description: "Your fills and funding imported from exchange exports: realized P&L, fees, funding and one total per strategy.",
  inputs: INPUTS,
  guide: [
    {
      metric: "Ledger",
      meaning: "One row per strategy, exchange and symbol: position, average entry, realized, fees, funding, unrealized.",
    },
    {
      metric: "Totals",
      meaning: "Per strategy and currency, then per currency: USDT, USDC and coin P&L are never added together.",
    },
    {
      metric: "Net delta by strategy",
      meaning: "Coins of exposure each strategy holds per asset: 0 when its legs hedge each other.",
    },
    { metric: "P&L by day", meaning: "Realized + funding − fees in the chart currency, day by day and cumulative." },
    { metric: "Import", meaning: "The taskpane's Import adds exchange exports to Fills and Funding, never a row twice." },
  ],
  build: (values) => buildBook(values, EXAMPLE),
};
