/**
 * Enhanced spot exposure (seed article, Strategy #5): spot plus a long perp for exposure beyond
 * what the capital buys: 5 ETH spot + 2 ETH perp = 7 ETH exposure, paying funding and carrying
 * liquidation risk on the perp leg.
 */
import { SheetBuilder } from "../builder";
import { InputSpec } from "../inputs";
import { scenarioGrid } from "../scenario";
import { assetInput, perpLegInputs } from "./common-inputs";
import { legsTable, Template } from "./template";

const INPUTS: InputSpec[] = [
  assetInput("ETH"),
  { id: "SpotQty", label: "Spot held", kind: "number", default: 5, min: 0, help: "Coins owned", format: "coin" },
  {
    id: "Price",
    label: "Price",
    kind: "number",
    default: 3400,
    min: 0,
    exclusive: true,
    help: "Current price; the perp opens here",
    format: "price",
  },
  {
    id: "PerpQty",
    label: "Perp long",
    kind: "number",
    default: 2,
    min: 0,
    exclusive: true,
    help: "Extra exposure bought with the perp, in coins",
    format: "coin",
  },
  ...perpLegInputs(5, 0.0001, 30),
];

export const enhancedExposure: Template = {
  id: "enhanced-exposure",
  name: "Enhanced exposure",
  description: "Spot plus a long perp: more exposure than your capital, with funding and liquidation risk.",
  inputs: INPUTS,
  guide: [
    { metric: "Total exposure", meaning: "Coins of exposure: spot plus the long perp." },
    {
      metric: "Perp liquidation price",
      meaning: "A fall to here liquidates the perp leg; the spot survives but the extra exposure is gone.",
    },
    {
      metric: "Funding over the days held",
      meaning: "A long perp pays funding while it is positive: the cost of the extra exposure.",
    },
    { metric: "Exposure per dollar", meaning: "Exposure value ÷ capital (spot + perp margin): the effective leverage." },
  ],
  build(values) {
    const b = new SheetBuilder("enhanced-exposure", "Enhanced exposure");
    b.title(
      "Enhanced exposure: spot plus a long perpetual",
      "Own the spot, add synthetic exposure with a perp: gains and losses are amplified, funding is a cost.",
    );
    b.inputs(INPUTS, values);

    const legs = legsTable(b, "ExposureLegs", [
      ["=Asset", "spot", "long", "=SpotQty", "=Price", 1, false, null],
      ["=Asset", "perp", "long", "=PerpQty", "=Price", 1, false, null],
    ]);

    b.metrics("Metrics", [
      {
        label: "Total exposure",
        name: "Exposure",
        formula: `=LEGS.NETDELTA(${legs}[#All])`,
        format: "coin",
        note: "Spot + perp, in coins",
      },
      { label: "Spot value", formula: "=SpotQty*Price", format: "usd", note: "Owned outright" },
      { label: "Perp notional", formula: "=PerpQty*Price", format: "usd", note: "Synthetic exposure" },
      {
        label: "Perp margin",
        name: "PerpMargin",
        formula: "=PerpQty*Price/Leverage",
        format: "usd",
        note: "Notional ÷ leverage",
      },
      {
        label: "Exposure per dollar",
        formula: "=Exposure*Price/(SpotQty*Price+PerpMargin)",
        format: "multiple",
        note: "Exposure value ÷ capital (spot + margin)",
      },
      {
        label: "Perp liquidation price",
        name: "LiqPrice",
        formula: '=LEGS.LIQPRICE("long",Price,PerpQty,PerpMargin,MaintRate)',
        format: "price",
        note: "A fall to here liquidates the perp leg",
      },
      {
        label: "Buffer to liquidation",
        formula: "=1-LiqPrice/Price",
        format: "pct",
        note: "Fall from the current price that liquidates the perp",
      },
      {
        label: "Funding events held",
        name: "FundingEvents",
        formula: "=DaysHeld*24/FundingHours",
        format: "number",
        note: "Over the days held",
      },
      {
        label: "Funding over the days held",
        formula: '=LEGS.FUNDINGPNL("long",PerpQty,Price,FundingRate)*FundingEvents',
        format: "usd",
        note: "A long pays positive funding",
      },
      {
        label: "Fees to open and close the perp",
        formula: "=FeeRate*PerpQty*Price*2",
        format: "usd",
        note: "Two fills at the current price",
      },
    ]);

    scenarioGrid(b, {
      title: "Scenario grid",
      note: "P&L of spot + long perp for each price move (rows) and perp size (columns), before funding and fees.",
      exitPrice: (move) => `=Price*(1+${move})`,
      across: { label: "Perp long (coins)", values: [0, 1, 2, 3, 4], format: "coin" },
      helper: { label: "As a hedge (negative = long)", formula: (size) => `=-${size}`, format: "coin" },
      body: { kind: "spill", formula: (exits, hedges) => `=LEGS.HEDGEPNL(SpotQty,${hedges},Price,${exits})` },
      format: "usd",
      extra: [
        { label: "Spot only", spill: (exits) => `=LEGS.HEDGEPNL(SpotQty,0,Price,${exits})`, format: "usd" },
        {
          label: "Your position",
          spill: (exits) => `=LEGS.HEDGEPNL(SpotQty,-PerpQty,Price,${exits},FundingRate,FundingEvents,FeeRate)`,
          format: "usd",
        },
      ],
      chart: { title: "P&L against price", series: ["Spot only", "Your position"] },
    });
    return b.build();
  },
};
