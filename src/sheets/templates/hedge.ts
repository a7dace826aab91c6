/**
 * Hedging spot holdings with a short perpetual (seed article, Strategy #1): the full hedge and
 * the partial hedge are the same sheet with a different hedge ratio.
 */
import { SheetBuilder } from "../builder";
import { InputSpec, InputValues } from "../inputs";
import { scenarioGrid } from "../scenario";
import { assetInput, spotHeldInput, perpLegInputs } from "./common-inputs";
import { legsTable, Template } from "./template";

function hedgeInputs(ratio: number): InputSpec[] {
  return [
    assetInput("ETH"),
    spotHeldInput(10),
    {
      id: "CostBasis",
      label: "Average cost of the spot",
      kind: "number",
      default: 2800,
      min: 0,
      help: "What you paid: the gain the hedge protects",
      format: "price",
    },
    {
      id: "Price",
      label: "Current price",
      kind: "number",
      default: 3400,
      min: 0,
      exclusive: true,
      help: "The perp hedge is opened here",
      format: "price",
    },
    {
      id: "HedgeRatio",
      label: "Hedge ratio",
      kind: "percent",
      default: ratio,
      min: 0,
      max: 1,
      help: "Share of the spot shorted with the perp: 100 % is market neutral",
    },
    ...perpLegInputs(5, 0.0001, 30),
  ];
}

function buildHedge(id: string, name: string, subtitle: string, inputs: readonly InputSpec[], values: InputValues) {
  const b = new SheetBuilder(id, name);
  b.title(`${name}: spot held, short perpetual against it`, subtitle);
  b.inputs(inputs, values);

  const legs = legsTable(b, "Legs", [
    ["=Asset", "spot", "long", "=SpotQty", "=CostBasis", 1, false, null],
    ["=Asset", "perp", "short", "=HedgeQty", "=Price", 1, false, null],
  ]);

  b.metrics("Metrics", [
    {
      label: "Hedge quantity",
      name: "HedgeQty",
      formula: "=SpotQty*HedgeRatio",
      format: "coin",
      note: "Perp short, in coins: spot × hedge ratio",
    },
    {
      label: "Net exposure",
      name: "NetExposure",
      formula: `=LEGS.NETDELTA(${legs}[#All])`,
      format: "coin",
      note: "Net delta of the legs: 0 is market neutral, positive is net long",
    },
    { label: "Hedged notional", formula: "=HedgeQty*Price", format: "usd", note: "Value of the perp short" },
    {
      label: "Spot gain the hedge protects",
      formula: "=(Price-CostBasis)*SpotQty",
      format: "usd",
      note: "Unrealised gain on the spot at the current price",
    },
    {
      label: "Perp margin",
      name: "PerpMargin",
      formula: "=HedgeQty*Price/Leverage",
      format: "usd",
      note: "Margin posted for the short: notional ÷ leverage",
    },
    {
      label: "Perp liquidation price",
      name: "LiqPrice",
      formula: '=IF(HedgeQty>0,LEGS.LIQPRICE("short",Price,HedgeQty,PerpMargin,MaintRate),"no perp")',
      format: "price",
      note: "The short is liquidated if the price rises here, even though the spot covers it",
    },
    {
      label: "Buffer to liquidation",
      formula: '=IF(ISNUMBER(LiqPrice),LiqPrice/Price-1,"")',
      format: "pct",
      note: "Rise from the current price that liquidates the short",
    },
    {
      label: "Funding events held",
      name: "FundingEvents",
      formula: "=DaysHeld*24/FundingHours",
      format: "number",
      note: "Funding payments over the days held",
    },
    {
      label: "Funding over the days held",
      name: "FundingTotal",
      formula: '=LEGS.FUNDINGPNL("short",HedgeQty,Price,FundingRate)*FundingEvents',
      format: "usd",
      note: "Received by the short when funding is positive; paid when negative",
    },
    {
      label: "Fees to open and close the hedge",
      name: "HedgeFees",
      formula: "=FeeRate*HedgeQty*Price*2",
      format: "usd",
      note: "Two fills of the perp at the current price",
    },
    {
      label: "Net carry of the hedge",
      formula: "=FundingTotal-HedgeFees",
      format: "usd",
      note: "What holding the hedge earns (+) or costs (−) besides the price move",
    },
  ]);

  // The seed's "How It Protects You" table: +10 %, −10 %, −20 %.
  b.section("Price moves");
  const top = b.row;
  b.headers(top, 0, ["Price move", "Exit price", "Spot P&L", "Perp P&L", "Net P&L"]);
  const moves = [0.1, -0.1, -0.2];
  moves.forEach((m, i) => {
    b.set(top + 1 + i, 0, { value: m, style: "input", format: "pct" });
    b.set(top + 1 + i, 1, { formula: `=Price*(1+A${top + 2 + i})`, format: "price" });
  });
  const exits = `B${top + 2}:B${top + 1 + moves.length}`;
  b.spill(top + 1, 2, `=LEGS.HEDGEPNL(SpotQty,0,Price,${exits})`, moves.length, 1, "usd");
  b.spill(top + 1, 3, `=LEGS.HEDGEPNL(0,HedgeQty,Price,${exits})`, moves.length, 1, "usd");
  b.spill(top + 1, 4, `=LEGS.HEDGEPNL(SpotQty,HedgeQty,Price,${exits})`, moves.length, 1, "usd");
  b.signColours(`C${top + 2}:E${top + 1 + moves.length}`);
  b.row = top + moves.length + 2;

  scenarioGrid(b, {
    title: "Scenario grid",
    note: "Net P&L of spot + perp for each price move (rows) and hedge ratio (columns), before funding and fees.",
    exitPrice: (move) => `=Price*(1+${move})`,
    across: { label: "Hedge ratio", values: [0, 0.25, 0.5, 0.75, 1], format: "pct" },
    helper: { label: "Perp short (coins)", formula: (ratio) => `=SpotQty*${ratio}`, format: "coin" },
    body: { kind: "spill", formula: (exits, hedges) => `=LEGS.HEDGEPNL(SpotQty,${hedges},Price,${exits})` },
    format: "usd",
    extra: [
      { label: "Spot only", spill: (exits) => `=LEGS.HEDGEPNL(SpotQty,0,Price,${exits})`, format: "usd" },
      {
        label: "Your hedge",
        spill: (exits) => `=LEGS.HEDGEPNL(SpotQty,HedgeQty,Price,${exits},FundingRate,FundingEvents,FeeRate)`,
        format: "usd",
      },
    ],
    chart: { title: "Net P&L against price", series: ["Spot only", "Your hedge"] },
  });
  return b.build();
}

const GUIDE = [
  { metric: "Net exposure", meaning: "Coins of market exposure left after the hedge: spot minus the perp short." },
  {
    metric: "Perp liquidation price",
    meaning: "Where the short perp is liquidated on a rally, even though the spot gains: keep margin so it stays far away.",
  },
  {
    metric: "Funding over the days held",
    meaning: "Perp funding for the period: a short receives it while funding is positive.",
  },
  { metric: "Net carry of the hedge", meaning: "Funding minus fees: what the protection costs or earns besides the price move." },
  { metric: "Scenario grid", meaning: "P&L for each price move and hedge ratio: 100 % stays flat, 0 % is the spot alone." },
];

export const fullHedge: Template = {
  id: "full-hedge",
  name: "Full hedge",
  description: "Keep your spot and short the same amount of perp: P&L locked whatever the price does.",
  inputs: hedgeInputs(1),
  guide: GUIDE,
  build: (values) =>
    buildHedge(
      "full-hedge",
      "Full hedge",
      "Short a perp equal to your spot: net exposure 0, the gain so far is locked.",
      fullHedge.inputs,
      values,
    ),
};

export const partialHedge: Template = {
  id: "partial-hedge",
  name: "Partial hedge",
  description: "Short part of your spot with a perp: less downside, some upside kept.",
  inputs: hedgeInputs(0.5),
  guide: GUIDE,
  build: (values) =>
    buildHedge(
      "partial-hedge",
      "Partial hedge",
      "Short a share of your spot: you still take part in moves, at reduced exposure.",
      partialHedge.inputs,
      values,
    ),
};
