/**
 * Cash-and-carry (seed article, Strategy #2): buy spot, short a dated future, hold to expiry and
 * collect the basis whatever the price does. Expiry and days from dates, with a roll reminder
 * (seed: "Mistake 4: Forgetting Expiry").
 */
import { SheetBuilder } from "../builder";
import { InputSpec } from "../inputs";
import { scenarioGrid } from "../scenario";
import { assetInput, feeRateInput, leverageInput, maintRateInput, rollDaysInput } from "./common-inputs";
import { legsTable, Template } from "./template";
import { SheetPlan } from "../plan";
import { rangeRef } from "../a1";

const INPUTS: InputSpec[] = [
  assetInput("BTC"),
  {
    id: "Qty",
    label: "Quantity",
    kind: "number",
    default: 1,
    min: 0,
    exclusive: true,
    help: "Coins bought spot and sold in the future",
    format: "coin",
  },
  {
    id: "Spot",
    label: "Spot price",
    kind: "number",
    default: 95000,
    min: 0,
    exclusive: true,
    help: "Price paid for the spot",
    format: "price",
  },
  {
    id: "Future",
    label: "Future price",
    kind: "number",
    default: 98000,
    min: 0,
    exclusive: true,
    help: "Price the dated future is sold at",
    format: "price",
  },
  { id: "TradeDate", label: "Trade date", kind: "date", default: "today", help: "When both legs are opened" },
  { id: "Expiry", label: "Future expiry", kind: "date", default: "today+90", help: "When the future settles to spot" },
  {
    id: "DaysInYear",
    label: "Days in a year",
    kind: "number",
    default: 365,
    min: 0,
    exclusive: true,
    help: "For annualising: 365, or 360 to compare with money-market rates",
    format: "int",
  },
  rollDaysInput("When the sheet starts telling you to roll or close"),
  leverageInput(5),
  maintRateInput,
  feeRateInput,
];

export const cashAndCarry: Template = {
  id: "cash-and-carry",
  name: "Cash-and-carry",
  description: "Buy spot, short a dated future: lock in the basis as yield, paid at expiry.",
  inputs: INPUTS,
  guide: [
    { metric: "Basis", meaning: "Future minus spot: the profit locked in per coin if both legs are held to expiry." },
    {
      metric: "Basis APY",
      meaning: "The basis as a yearly rate: simple (basis % × 365 / days, the usual quote) and compounded.",
    },
    {
      metric: "Future liquidation price",
      meaning: "A rally can liquidate the short future before expiry even though the spot gains: keep margin.",
    },
    { metric: "Roll reminder", meaning: "Calendar every expiry: roll to the next future or close both legs before it settles." },
    { metric: "Outcome at expiry", meaning: "Spot and future P&L at two settlement prices: the net is the basis either way." },
  ],
  build(values) {
    const b = new SheetBuilder("cash-and-carry", "Cash-and-carry");
    b.title(
      "Cash-and-carry: long spot, short a dated future",
      "The future converges to spot at expiry: the basis you sell today is the profit, whatever the price does.",
    );
    b.inputs(INPUTS, values);
    return carryBody(b);
  },
};

/**
 * Everything after the inputs, on the names Asset, Qty, Spot, Future, TradeDate, Expiry,
 * DaysInYear, RollDays, Leverage, MaintRate and FeeRate: typed inputs, or the live contract's.
 */
function carryBody(b: SheetBuilder): SheetPlan {
  const legs = legsTable(b, "CarryLegs", [
    ["=Asset", "spot", "long", "=Qty", "=Spot", 1, false, null],
    ["=Asset", "future", "short", "=Qty", "=Future", 1, false, null],
  ]);

  const metrics = b.metrics("Metrics", [
    { label: "Days to expiry", name: "DaysToExpiry", formula: "=Expiry-TradeDate", format: "int", note: "From the trade date" },
    { label: "Days left", name: "DaysLeft", formula: "=Expiry-TODAY()", format: "int", note: "From today" },
    {
      label: "Basis",
      name: "Basis",
      formula: "=Future-Spot",
      format: "usd",
      note: "Future − spot, per coin (contango when positive)",
    },
    { label: "Basis %", formula: "=(Future-Spot)/Spot", format: "pct", note: "Basis as a share of spot, over the period" },
    {
      label: "Basis APY (simple)",
      formula: '=LEGS.BASISAPY(Spot,Future,DaysToExpiry,"simple",DaysInYear)',
      format: "pct",
      note: "Basis % × days in a year ÷ days: the usual quote",
    },
    {
      label: "Basis APY (compound)",
      formula: '=LEGS.BASISAPY(Spot,Future,DaysToExpiry,"compound",DaysInYear)',
      format: "pct",
      note: "If the trade is rolled at the same basis all year",
    },
    {
      label: "Net exposure",
      formula: `=LEGS.NETDELTA(${legs}[#All])`,
      format: "coin",
      note: "0: the price does not move the P&L",
    },
    { label: "Profit locked at expiry", name: "Locked", formula: "=Basis*Qty", format: "usd", note: "Before fees" },
    {
      label: "Fees to open both legs",
      name: "CarryFees",
      formula: "=FeeRate*Qty*(Spot+Future)",
      format: "usd",
      note: "One fill on each leg",
    },
    { label: "Profit after fees", formula: "=Locked-CarryFees", format: "usd", note: "What the trade earns if held to expiry" },
    {
      label: "Future margin",
      name: "FutureMargin",
      formula: "=Qty*Future/Leverage",
      format: "usd",
      note: "Margin for the short future: notional ÷ leverage",
    },
    { label: "Capital deployed", formula: "=Qty*Spot+FutureMargin", format: "usd", note: "Spot plus the future's margin" },
    {
      label: "Future liquidation price",
      name: "LiqPrice",
      formula: '=LEGS.LIQPRICE("short",Future,Qty,FutureMargin,MaintRate)',
      format: "price",
      note: "A rally to here liquidates the short before expiry",
    },
    { label: "Buffer to liquidation", formula: "=LiqPrice/Future-1", format: "pct", note: "Rise that liquidates the short" },
    {
      label: "Roll reminder",
      name: "RollStatus",
      formula:
        '=IF(DaysLeft<=RollDays,"Roll or close now: the future expires in "&DaysLeft&" days","Expires in "&DaysLeft&" days: roll or close "&RollDays&" days before")',
      format: "int",
      note: "Seed mistake 4: forgetting expiry",
      style: "warning",
    },
  ]);
  b.alert(metrics["Roll reminder"], "DaysLeft<=RollDays");

  // The seed's outcomes at expiry: settlement at 100,000 and at 85,000.
  b.section("Outcome at expiry");
  const top = b.row;
  b.headers(top, 0, ["Settlement price", "Spot P&L", "Future P&L", "Net P&L"]);
  const settles = [100000, 85000];
  settles.forEach((s, i) => {
    b.set(top + 1 + i, 0, { value: s, style: "input", format: "price" });
    b.set(top + 1 + i, 3, { formula: `=B${top + 2 + i}+C${top + 2 + i}`, format: "usd" });
  });
  const range = `A${top + 2}:A${top + 1 + settles.length}`;
  b.spill(top + 1, 1, `=LEGS.POSITIONPNL("long",Qty,Spot,${range})`, settles.length, 1, "usd");
  b.spill(top + 1, 2, `=LEGS.POSITIONPNL("short",Qty,Future,${range})`, settles.length, 1, "usd");
  b.signColours(`B${top + 2}:D${top + 1 + settles.length}`);
  b.row = top + settles.length + 2;

  scenarioGrid(b, {
    title: "Scenario grid",
    note: "Net P&L at expiry for each settlement move from spot (rows) and share of the spot sold in the future (columns).",
    exitPrice: (move) => `=Spot*(1+${move})`,
    across: { label: "Share hedged", values: [0, 0.25, 0.5, 0.75, 1], format: "pct" },
    body: { kind: "cells", formula: (exit, share) => `=Qty*(${exit}-Spot)-Qty*${share}*(${exit}-Future)` },
    format: "usd",
    extra: [
      { label: "Spot only", spill: (exits) => `=LEGS.POSITIONPNL("long",Qty,Spot,${exits})`, format: "usd" },
      { label: "Cash-and-carry", cell: (exit) => `=Qty*(${exit}-Spot)-Qty*(${exit}-Future)`, format: "usd" },
    ],
    chart: { title: "P&L at expiry against the settlement price", series: ["Spot only", "Cash-and-carry"] },
  });
  return b.build();
}

/** The live contract's table: LEGS.FUTURES' reserved area (a header and 16 contracts), right of the sheet. */
const LIVE_AT = { row: 3, col: 13 };
const LIVE_ROWS = 16;

const LIVE_INPUTS: InputSpec[] = [
  ...INPUTS.filter((i) => i.id === "Asset" || i.id === "Qty"),
  {
    id: "LiveVenue",
    label: "Exchange",
    kind: "choice",
    default: "deribit",
    choices: ["deribit", "binance", "okx", "bybit"],
    help: "Where the dated future trades: its mark is the future's price, its index the spot's",
  },
  {
    id: "LiveMargin",
    label: "Margin",
    kind: "choice",
    default: "inverse",
    choices: ["inverse", "linear"],
    help: "inverse: coin-margined (BTC-26MAR27, BTCUSD_270326); linear: USDT-margined",
  },
  {
    id: "Contract",
    label: "Future (blank: the nearest past the roll reminder)",
    kind: "text",
    default: "",
    help: "The instrument as the exchange lists it (see the live table at the right), e.g. BTC-26MAR27",
  },
  ...INPUTS.filter((i) => ["DaysInYear", "RollDays", "Leverage", "MaintRate", "FeeRate"].includes(i.id)),
];

/**
 * The same sheet on live prices: asset + exchange + contract → the future's mark, the index as
 * spot, its expiry, from LEGS.FUTURES; the metrics, outcome and grid follow as on typed prices.
 */
export const cashAndCarryLive: Template = {
  ...cashAndCarry,
  id: "cash-and-carry-live",
  name: "Cash-and-carry (live)",
  kind: "board",
  description: "Cash-and-carry on a listed future's live mark and index: pick the exchange and the expiry.",
  inputs: LIVE_INPUTS,
  build(values) {
    const b = new SheetBuilder("cash-and-carry-live", "Cash-and-carry live");
    b.title(
      "Cash-and-carry on live prices: long spot, short a listed future",
      "The future's mark and the index (spot) from the exchange, refreshed every 30 s; the basis sold is the profit at expiry.",
    );
    b.inputs(LIVE_INPUTS, values);

    const { row: top, col: left } = LIVE_AT;
    b.set(top - 1, left, { value: "Listed futures (live)", style: "section" });
    b.spill(top, left, "=LEGS.FUTURES(Asset,LiveVenue,LiveMargin)", 1 + LIVE_ROWS, 8, "price");
    const col = (c: number) => rangeRef({ row: top + 1, col: left + c }, { row: top + LIVE_ROWS, col: left + c }, true);
    for (let r = top + 1; r <= top + LIVE_ROWS; r++) b.set(r, left + 1, { format: "date" });
    const [names, expiries, days, marks, indexes] = [0, 1, 2, 3, 4].map(col);
    // Blank contract: the first listed further out than the roll reminder (else the last); the table is by expiry.
    const pick = `IF(Contract="",MIN(COUNTIF(${days},"<="&RollDays)+1,COUNT(${days})),MATCH(Contract,${names},0))`;
    b.metrics("Live contract", [
      {
        label: "Row in the live table",
        name: "LiveRow",
        formula: `=${pick}`,
        format: "int",
        note: "#N/A: that contract is not listed",
      },
      { label: "Future", name: "LiveName", formula: `=INDEX(${names},LiveRow)`, format: "int", note: "As the exchange lists it" },
      {
        label: "Spot price",
        name: "Spot",
        formula: `=INDEX(${indexes},LiveRow)`,
        format: "price",
        note: "The index the future settles to",
      },
      {
        label: "Future price",
        name: "Future",
        formula: `=INDEX(${marks},LiveRow)`,
        format: "price",
        note: "The future's mark price",
      },
      { label: "Future expiry", name: "Expiry", formula: `=INDEX(${expiries},LiveRow)`, format: "date", note: "Settlement, UTC" },
      {
        label: "Now (UTC)",
        name: "TradeDate",
        formula: `=Expiry-INDEX(${days},LiveRow)`,
        format: "datetime",
        note: "As of the live table: days to expiry count from here",
      },
    ]);
    return carryBody(b);
  },
};
