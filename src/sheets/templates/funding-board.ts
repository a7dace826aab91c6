/**
 * Funding board: where funding is highest right now, net of fees, and whether the trader's own
 * funding positions still receive it. A watchlist × the five venues (LEGS.FUNDINGBOARD, every rate
 * restated per 8 hours from the venue's own interval), the best pair per symbol with its APR net
 * of the round-trip fees typed as inputs, the trader's positions flagged when their rate flips,
 * and one symbol's realised funding over 7 and 30 days (LEGS.FUNDINGHISTORY) with its chart.
 * Background article: "Funding rates: are your costs/yields as expected?" and "What if funding
 * rates flip while I'm in a funding capture trade? Monitor constantly."
 */
import { cellRef, rangeRef } from "../a1";
import { SheetBuilder } from "../builder";
import { InputSpec } from "../inputs";
import { feeRateInput } from "./common-inputs";
import { Template } from "./template";

const VENUE_CHOICES = ["binance", "bybit", "okx", "hyperliquid", "deribit"];
/** Watchlist rows (blank ones are room to add symbols: the board keeps a blank row for each). */
export const WATCHLIST_ROWS = 10;
const BOARD_COLS = 1 + VENUE_CHOICES.length + 4;
const HISTORY_DAYS = 30;

const INPUTS: InputSpec[] = [
  { ...feeRateInput, help: "Taker fee per fill, on each venue: a pair trade pays it four times (open and close both legs)" },
  {
    id: "HoldDays",
    label: "Days the pair is held",
    kind: "number",
    default: 30,
    min: 0,
    exclusive: true,
    max: 3650,
    help: "The round-trip fees are spread over this many days in the net APR",
    format: "int",
  },
  {
    id: "HistSymbol",
    label: "History: symbol",
    kind: "text",
    default: "BTC",
    help: "The perpetual whose realised funding over 7 and 30 days is shown below",
  },
  {
    id: "HistVenue",
    label: "History: exchange",
    kind: "choice",
    default: "binance",
    choices: VENUE_CHOICES,
    help: "Where that perpetual trades",
  },
];

const WATCHLIST = ["BTC", "ETH", "SOL"];
/** Funding-capture positions: short perp (long spot elsewhere) receives while the rate is positive. */
const POSITIONS: [string, string, string, number][] = [
  ["BTC", "binance", "short", 50000],
  ["ETH", "okx", "short", 20000],
  ["SOL", "bybit", "short", 10000],
];

export const fundingBoard: Template = {
  id: "funding-board",
  name: "Funding board",
  kind: "board",
  description: "Live funding across venues per 8 h: the best short/long pair per symbol, net of fees; flips flagged.",
  inputs: INPUTS,
  guide: [
    {
      metric: "Rates per 8 h",
      meaning: "Each venue's current rate × 8 ÷ its own interval (Hyperliquid pays hourly, some Binance symbols every 4 or 1 h).",
    },
    { metric: "Best short / best long", meaning: "Short the perp where funding is highest, long where it is lowest." },
    { metric: "Spread APR", meaning: "Highest − lowest rate, per year: simple, 1,095 periods of 8 hours." },
    { metric: "Net APR after fees", meaning: "Spread APR − four fills of fees spread over the days held." },
    { metric: "Flipped", meaning: "Your position now pays funding instead of receiving it: review or unwind." },
    { metric: "Realised APR", meaning: "Funding actually paid over the last 7 / 30 days, per year: rates summed, × 365 ÷ days." },
  ],
  build(values) {
    const b = new SheetBuilder("funding-board", "Funding board");
    b.title(
      "Funding board: where funding pays most, net of fees",
      "Live from five venues (LEGS.FUNDINGBOARD): every rate per 8 hours whatever the venue's interval; refreshes every 30 s.",
    );
    b.inputs(INPUTS, values);
    const cell = (c: number, r: number) => cellRef(r, c);
    const range = (c1: number, r1: number, c2: number, r2: number) => rangeRef({ row: r1, col: c1 }, { row: r2, col: c2 });

    b.metrics("Fees", [
      {
        label: "Round-trip fees, per year",
        name: "FeeDrag",
        formula: "=FeeRate*4*365/HoldDays",
        format: "pct",
        note: "Four fills (open and close both legs) spread over the days held",
      },
    ]);

    // Watchlist (A) and the board beside it (C…), the same rows: a symbol's row is its board row.
    b.section("Watchlist and board (live, per 8 h)");
    const top = b.row;
    const watch = b.table(
      "Watchlist",
      ["Symbol"],
      Array.from({ length: WATCHLIST_ROWS }, (_, i) => [WATCHLIST[i] ?? null]),
      [undefined],
      { row: top, col: 0 },
    );
    const boardCol = 2;
    b.spill(top, boardCol, "=LEGS.FUNDINGBOARD(Watchlist[Symbol])", 1 + WATCHLIST_ROWS, BOARD_COLS, "rate");
    const netCol = boardCol + BOARD_COLS;
    b.headers(top, netCol, ["Net APR after fees"]);
    const first = top + 1;
    const last = top + WATCHLIST_ROWS;
    const aprCol = netCol - 1;
    for (let r = first; r <= last; r++) {
      for (const c of [netCol - 3, netCol - 4]) b.set(r, c, { format: "int" }); // best long / short: venue names
      b.set(r, aprCol, { format: "pct" });
      b.set(r, netCol, { formula: `=IF(ISNUMBER(${cell(aprCol, r)}),${cell(aprCol, r)}-FeeDrag,"")`, format: "pct" });
    }
    b.signColours(range(boardCol + 1, first, boardCol + VENUE_CHOICES.length, last));
    b.signColours(range(netCol - 2, first, netCol, last));
    b.row = last + 2;
    b.note(
      `Blank: the venue lists no such perpetual. A bare coin is each venue's main perpetual (BTCUSDT; Hyperliquid BTC; Deribit BTC-PERPETUAL). ${watch.name} has room for ${WATCHLIST_ROWS} symbols.`,
    );
    b.skip();

    // The trader's own funding positions, flagged when the rate turns against them.
    b.section("Your funding positions");
    const posTop = b.row;
    b.table(
      "FundingPositions",
      ["Symbol", "Exchange", "Side", "Notional"],
      POSITIONS.map((p) => [...p]),
      [undefined, undefined, undefined, "usd0"],
      { row: posTop, col: 0 },
    );
    const calc = 5;
    b.headers(posTop, calc, ["Rate now", "Interval (h)", "APR", "Funding per day", "Status"]);
    for (let i = 0; i < POSITIONS.length; i++) {
      const r = posTop + 1 + i;
      const [S, E, Sd, N] = [0, 1, 2, 3].map((c) => cell(c, r));
      const [rate, hours, , perDay] = [0, 1, 2, 3].map((c) => cell(calc + c, r));
      const sign = `IF(LOWER(${Sd})="short",1,-1)`;
      b.set(r, calc, { formula: `=IF(${S}="","",LEGS.FUNDINGRATE(${S},${E}))`, format: "rate" });
      b.set(r, calc + 1, { formula: `=IF(${S}="","",LEGS.FUNDINGINTERVAL(${S},${E}))`, format: "number" });
      b.set(r, calc + 2, { formula: `=IF(${S}="","",${rate}*8760/${hours})`, format: "pct" });
      b.set(r, calc + 3, { formula: `=IF(${S}="","",${sign}*${N}*${rate}*24/${hours})`, format: "usd" });
      b.set(r, calc + 4, {
        formula: `=IF(${S}="","",IF(${perDay}<0,"Flipped: paying "&TEXT(-${perDay},"0.00")&" a day: review or unwind",IF(${perDay}=0,"No funding now","Receiving")))`,
      });
    }
    const posFirst = posTop + 1;
    const posLast = posTop + POSITIONS.length;
    b.signColours(range(calc, posFirst, calc + 3, posLast));
    b.alert(
      range(calc + 4, posFirst, calc + 4, posLast),
      `AND(ISNUMBER(${cell(calc + 3, posFirst)}),${cell(calc + 3, posFirst)}<0)`,
    );
    b.row = posLast + 2;
    b.note("Short perp (with spot long elsewhere) receives while the rate is positive; long perp receives while it is negative.");
    b.skip();

    // One symbol's realised funding, from its history; the history spills at the right.
    const histCol = netCol + 2;
    const histTop = b.row + 1;
    // At most one event an hour over the days asked (as the preview reserves for FUNDINGHISTORY).
    const histRows = HISTORY_DAYS * 24 + 1;
    const histLast = histTop + histRows - 1;
    const times = range(histCol, histTop, histCol, histLast);
    const rates = range(histCol + 1, histTop, histCol + 1, histLast);
    const since = (days: number) => `">"&(MAX(${times})-${days})`;
    b.metrics("Realised funding (history)", [
      {
        label: "Funding paid, last 7 days",
        name: "PaidWeek",
        formula: `=SUMIFS(${rates},${times},${since(7)})`,
        format: "rate",
        note: "Rates summed over the week to the latest event: interval-neutral",
      },
      { label: "Realised APR, 7 days", formula: "=PaidWeek*365/7", format: "pct", note: "× 365 ÷ 7, simple" },
      {
        label: "Funding paid, last 30 days",
        name: "PaidMonth",
        formula: `=SUMIFS(${rates},${times},${since(30)})`,
        format: "rate",
        note: "Over the 30 days to the latest event",
      },
      {
        label: "Realised APR, 30 days",
        formula: "=PaidMonth*365/30",
        format: "pct",
        note: "Compare with the live rate's APR above",
      },
    ]);
    b.set(histTop - 2, histCol, { value: "Funding history (UTC)", style: "section" });
    b.headers(histTop - 1, histCol, ["Time", "Rate"]);
    b.spill(histTop, histCol, `=LEGS.FUNDINGHISTORY(HistSymbol,HistVenue,${HISTORY_DAYS})`, histRows, 2, "datetime");
    for (let r = histTop; r <= histLast; r++) b.set(r, histCol + 1, { format: "rate" });
    b.chart({
      title: "Funding rate per event, last 30 days",
      xRef: times,
      series: [{ name: "Rate", ref: rates }],
      anchor: cell(0, b.row + 1),
      width: 8,
      height: 16,
    });
    return b.build();
  },
};
