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
import { assetInput, leverageInput, maintRateInput } from "./common-inputs";
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
];

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
    return b.build();
  },
};
