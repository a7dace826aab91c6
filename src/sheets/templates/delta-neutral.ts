/**
 * Delta-neutral with rebalancing (seed article, Strategy #4): spot hedged with a coin-margined
 * (inverse) perp. The perp's size is fixed in dollars, so its coin delta shrinks as the price
 * rises ("your short perpetual is now smaller relative to your spot") and grows as it falls; the
 * sheet tells you when the net delta leaves its band and how many contracts bring it back.
 */
import { Dec } from "../../core/decimal";
import { SheetBuilder } from "../builder";
import { InputSpec } from "../inputs";
import { scenarioGrid } from "../scenario";
import { rangeRef } from "../a1";
import { assetInput, feeRateInput, leverageInput, maintRateInput } from "./common-inputs";
import { legsTable, Template } from "./template";

const INPUTS: InputSpec[] = [
  assetInput("BTC"),
  { id: "SpotQty", label: "Spot held", kind: "number", default: 1, min: 0, exclusive: true, help: "Coins held", format: "coin" },
  {
    id: "EntryPrice",
    label: "Entry price",
    kind: "number",
    default: 100000,
    min: 0,
    exclusive: true,
    help: "Price when the hedge was opened",
    format: "price",
  },
  {
    id: "Price",
    label: "Current price",
    kind: "number",
    default: 115000,
    min: 0,
    exclusive: true,
    help: "Price now: the net delta has drifted",
    format: "price",
  },
  {
    id: "ContractSize",
    label: "Contract size (USD)",
    kind: "number",
    default: 100,
    min: 0,
    exclusive: true,
    help: "Inverse contract face value: Binance COIN-M BTCUSD 100, BitMEX XBTUSD 1",
    format: "int",
  },
  {
    id: "Band",
    label: "Delta band (± coins)",
    kind: "number",
    default: 0.1,
    min: 0,
    help: "Rebalance when the net delta leaves ± this (seed: ±0.1)",
    format: "coin",
  },
  leverageInput(5),
  maintRateInput,
  { id: "Opened", label: "Hedge opened", kind: "date", default: "today", help: "The first row of the rebalance log" },
  { ...feeRateInput, help: "Taker fee on each rebalancing trade's notional (the backtest below)" },
  {
    id: "MinEffectiveness",
    label: "Minimum hedge effectiveness",
    kind: "percent",
    default: 0.9,
    min: 0,
    max: 1,
    help: "The backtest warns when the hedge removed less of the spot's variance than this (R²)",
  },
];

/**
 * The backtest's example path, a day apart from the opening: BTC rallies to the seed's 115,000
 * and falls back below the entry, the perp a little above spot. Replace with your own prices.
 */
const EXAMPLE_PATH: readonly (readonly [number, number])[] = [
  [100000, 100040],
  [104000, 104050],
  [108000, 108030],
  [112000, 112060],
  [115000, 115040],
  [111000, 111030],
  [106000, 106050],
  [101000, 101020],
  [96000, 96030],
  [92000, 92050],
  [97000, 97030],
];
/** Rows the backtest's formulas look down (a pasted path may be this long). */
const BACKTEST_ROWS = 1000;

/**
 * The log's first row, the hedge as opened: constants, as every row of a log is (a formula such
 * as =TODAY() or =Price would rewrite the record every day, and Excel would copy it down as a
 * calculated column into each row the user adds).
 */
function openingRow(values: Record<string, number | string>): (number | string)[] {
  const spot = new Dec(values.SpotQty);
  const entry = new Dec(values.EntryPrice);
  const size = new Dec(values.ContractSize);
  // As the sheet's "Contracts shorted at entry": ROUND(SpotQty*EntryPrice/ContractSize, 0).
  const contracts = spot.times(entry).div(size).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  const after = spot.minus(contracts.times(size).div(entry));
  return [
    values.Opened,
    entry.toNumber(),
    spot.toNumber(),
    contracts.toNumber(),
    after.toNumber(),
    "Hedge opened (example: replace with your own)",
  ];
}

export const deltaNeutral: Template = {
  id: "delta-neutral",
  name: "Delta-neutral",
  description: "Spot hedged with an inverse perp, a rebalancing band, and the trade that restores neutral.",
  inputs: INPUTS,
  guide: [
    {
      metric: "Net delta now",
      meaning: "Coins of exposure at the current price: the inverse short covers fewer coins after a rise.",
    },
    { metric: "Band status", meaning: "Outside the band means rebalance (threshold-based rebalancing, seed: ±0.1)." },
    { metric: "Contracts to trade", meaning: "Perp contracts to short (positive) or cover (negative) to get back to neutral." },
    { metric: "Rebalance log", meaning: "Record every rebalance: date, price, delta before and after." },
  ],
  build(values) {
    const b = new SheetBuilder("delta-neutral", "Delta-neutral");
    b.title(
      "Delta-neutral: spot hedged with an inverse perp, rebalanced in a band",
      "Inverse contracts are sized in dollars: as the price moves, their coin delta drifts and the hedge needs topping up.",
    );
    b.inputs(INPUTS, values);

    b.metrics("Hedge at entry", [
      {
        label: "Contracts shorted at entry",
        name: "Contracts",
        formula: "=ROUND(SpotQty*EntryPrice/ContractSize,0)",
        format: "int",
        note: "Spot value at entry ÷ contract size",
      },
    ]);

    const legs = legsTable(b, "NeutralLegs", [
      ["=Asset", "spot", "long", "=SpotQty", "=EntryPrice", 1, false, null],
      ["=Asset", "perp", "short", "=Contracts", "=EntryPrice", "=ContractSize", true, null],
    ]);

    const m = b.metrics("Rebalancing", [
      {
        label: "Net delta now",
        name: "NetDelta",
        formula: `=LEGS.NETDELTA(${legs}[#All],Price)`,
        format: "coin",
        note: "Spot minus the contracts' value in coins at the current price",
      },
      {
        label: "Band status",
        formula: '=IF(ABS(NetDelta)>Band,"Outside the band: rebalance","Inside the band: no trade")',
        format: "int",
        note: "Threshold-based rebalancing",
        style: "warning",
      },
      {
        label: "Contracts to trade",
        name: "Trade",
        formula: "=IF(ABS(NetDelta)>Band,ROUND(NetDelta*Price/ContractSize,0),0)",
        format: "int",
        note: "Positive: short more; negative: cover",
      },
      {
        label: "Action",
        formula: '=IF(Trade=0,"No trade",IF(Trade>0,"Short "&Trade&" more contracts","Cover "&-Trade&" contracts"))',
        format: "int",
        note: "What to do now",
      },
      {
        label: "Net delta after the trade",
        name: "DeltaAfter",
        formula: "=NetDelta-Trade*ContractSize/Price",
        format: "coin",
        note: "Left over because contracts are whole",
      },
      {
        label: "Perp margin (coin)",
        name: "PerpMargin",
        formula: "=Contracts*ContractSize/EntryPrice/Leverage",
        format: "coin",
        note: "Coin-margined: notional in coins ÷ leverage",
      },
      {
        label: "Perp liquidation price",
        name: "LiqPrice",
        formula: '=LEGS.LIQPRICE("short",EntryPrice,Contracts*ContractSize,PerpMargin,MaintRate,0,"inverse")',
        format: "price",
        note: "Where the short is liquidated",
      },
      {
        label: "Buffer to liquidation",
        formula: "=LiqPrice/Price-1",
        format: "pct",
        note: "Further rise from the current price that liquidates the short",
      },
      {
        label: "Spot P&L since entry",
        name: "SpotPnl",
        formula: "=SpotQty*(Price-EntryPrice)",
        format: "usd",
        note: "In dollars",
      },
      {
        label: "Perp P&L since entry (coin)",
        name: "PerpPnlCoin",
        formula: '=LEGS.POSITIONPNL("short",Contracts,EntryPrice,Price,"inverse",ContractSize)',
        format: "coin",
        note: "Inverse P&L is paid in coin",
      },
      {
        label: "Book P&L since entry",
        formula: "=SpotPnl+PerpPnlCoin*Price",
        format: "usd",
        note: "Spot plus the perp's coin P&L at the current price",
      },
    ]);
    b.alert(m["Band status"], "ABS(NetDelta)>Band");

    b.section("Rebalance log");
    b.note(
      "Add a row each time you rebalance, typing the date, price and deltas of that trade: a log holds values, not formulas.",
    );
    b.table(
      "RebalanceLog",
      ["Date", "Price", "Net delta before", "Contracts traded", "Net delta after", "Note"],
      [openingRow(values)],
      ["date", "price", "coin", "int", "coin", undefined],
    );

    scenarioGrid(b, {
      title: "Scenario grid",
      note: "Book P&L in dollars for each move from the entry price (rows) and hedge size at entry (columns), without rebalancing.",
      exitPrice: (move) => `=EntryPrice*(1+${move})`,
      across: { label: "Hedge ratio", values: [0, 0.5, 0.75, 1, 1.25], format: "pct" },
      helper: { label: "Contracts", formula: (ratio) => `=ROUND(SpotQty*EntryPrice*${ratio}/ContractSize,0)`, format: "int" },
      body: {
        kind: "cells",
        formula: (exit, contracts) =>
          `=SpotQty*(${exit}-EntryPrice)+LEGS.POSITIONPNL("short",${contracts},EntryPrice,${exit},"inverse",ContractSize)*${exit}`,
      },
      format: "usd",
      extra: [
        { label: "Spot only", spill: (exits) => `=LEGS.POSITIONPNL("long",SpotQty,EntryPrice,${exits})`, format: "usd" },
        {
          label: "Your hedge",
          cell: (exit) =>
            `=SpotQty*(${exit}-EntryPrice)+LEGS.POSITIONPNL("short",Contracts,EntryPrice,${exit},"inverse",ContractSize)*${exit}`,
          format: "usd",
        },
        { label: "Net delta (your hedge)", cell: (exit) => `=SpotQty-Contracts*ContractSize/${exit}`, format: "coin" },
      ],
      chart: { title: "Book P&L against price, unrebalanced", series: ["Spot only", "Your hedge"] },
    });
    backtest(b, values);
    return b.build();
  },
};

/**
 * The Backtest block: the hedge rebalanced in its band along a price path (LEGS.REBALANCE, fees
 * included) against never rebalancing, and how well the perp tracked the spot over the window
 * (LEGS.HEDGESTATS), with a warning below the minimum effectiveness. The background article's
 * Strategy #4 says rebalancing is where the profit comes from: here it can be checked.
 */
function backtest(b: SheetBuilder, values: Record<string, number | string>): void {
  b.section("Backtest: rebalancing along a price path");
  b.note("Paste your own path over the example (times, spot and perp prices; add rows to the table): everything below follows.");
  const col = (c: number, r1: number, r2: number) => rangeRef({ row: r1, col: c }, { row: r2, col: c });

  const hedgeRow = b.row;
  b.set(hedgeRow, 0, { value: "Hedge (kind, contracts, size)", style: "label" });
  b.set(hedgeRow, 1, { value: "inverse" });
  b.set(hedgeRow, 2, { formula: "=Contracts", format: "int" });
  b.set(hedgeRow, 3, { formula: "=ContractSize", format: "int" });
  b.set(hedgeRow, 4, { value: "The inverse short as opened: REBALANCE tops it up in the band", style: "note" });
  const hedge = rangeRef({ row: hedgeRow, col: 1 }, { row: hedgeRow, col: 3 });
  b.row = hedgeRow + 2;

  const top = b.row;
  const opened = Number(values.Opened);
  b.table(
    "BacktestPrices",
    ["Time", "Spot", "Perp"],
    EXAMPLE_PATH.map(([spot, perp], i) => [opened + i, spot, perp]),
    ["date", "price", "price"],
    { row: top, col: 0 },
  );
  const bottom = top + BACKTEST_ROWS;

  // The rebalancing run beside the prices, and the hedge statistics beside it.
  const runCol = 4;
  b.spill(
    top,
    runCol,
    `=LEGS.REBALANCE(BacktestPrices[Spot],SpotQty,${hedge},Band,"band",FeeRate,BacktestPrices[Time])`,
    2 + EXAMPLE_PATH.length,
    6,
    "coin",
  );
  for (let r = top + 1; r <= top + 1 + EXAMPLE_PATH.length; r++) {
    b.set(r, runCol, { format: "price" });
    b.set(r, runCol + 4, { format: "usd" });
    b.set(r, runCol + 5, { format: "usd" });
  }
  const statsCol = runCol + 7;
  b.spill(top, statsCol, "=LEGS.HEDGESTATS(BacktestPrices[Spot],BacktestPrices[Perp])", 11, 2, "number");
  b.row = Math.max(top + EXAMPLE_PATH.length + 4, top + 13);

  const pnl = col(runCol + 5, top + 1, bottom);
  const trades = col(runCol + 2, top + 1, bottom);
  const fees = col(runCol + 4, top + 1, bottom);
  const labels = col(statsCol, top, top + 10);
  const stats = col(statsCol + 1, top, top + 10);
  const m = b.metrics("Backtest results", [
    {
      label: "Prices in the path",
      name: "PathLength",
      formula: "=COUNT(BacktestPrices[Spot])",
      format: "int",
      note: "Rows of the table",
    },
    {
      label: "P&L rebalanced",
      name: "PnlRebalanced",
      formula: `=INDEX(${pnl},PathLength)`,
      format: "usd",
      note: "Spot + hedge at the last price, fees paid",
    },
    {
      label: "P&L never rebalanced",
      name: "PnlStatic",
      formula: `=INDEX(${pnl},PathLength+1)`,
      format: "usd",
      note: "The hedge left as opened",
    },
    {
      label: "What rebalancing added",
      formula: "=PnlRebalanced-PnlStatic",
      format: "usd",
      note: "Positive: the trades paid for themselves on this path",
    },
    {
      label: "Trades",
      formula: `=COUNTIF(${trades},">0")+COUNTIF(${trades},"<0")`,
      format: "int",
      note: "Times the delta left the band",
    },
    { label: "Fees paid", formula: `=SUM(${fees})`, format: "usd", note: "On the rebalancing trades" },
    {
      label: "Hedge effectiveness (R²)",
      name: "Effectiveness",
      formula: `=INDEX(${stats},MATCH("Effectiveness R²",${labels},0))`,
      format: "pct",
      note: "Share of the spot's return variance the perp removed (HEDGESTATS)",
    },
    {
      label: "Correlation check",
      formula:
        '=IF(Effectiveness<MinEffectiveness,"Hedge removed only "&ROUND(Effectiveness*100,1)&" % of the variance: the legs did not move together, review the hedge","Effective: "&ROUND(Effectiveness*100,1)&" % of the variance removed")',
      format: "int",
      note: "Background article: combined strategies assume the legs move together; in extremes they may not",
      style: "warning",
    },
  ]);
  b.alert(m["Correlation check"], "Effectiveness<MinEffectiveness");
  b.signColours(col(runCol + 5, top + 1, top + 1 + EXAMPLE_PATH.length));
}
