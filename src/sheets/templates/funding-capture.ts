/**
 * Funding-rate capture (seed article, Strategy #3): spot long + perp short of the same notional,
 * market neutral, collecting funding every interval while it is positive.
 */
import { SheetBuilder } from "../builder";
import { InputSpec } from "../inputs";
import { scenarioGrid } from "../scenario";
import {
  assetInput,
  feeRateInput,
  fundingHoursInput,
  fundingRateInput,
  leverageInput,
  maintRateInput,
  daysHeldInput,
} from "./common-inputs";
import { legsTable, Template } from "./template";

const INPUTS: InputSpec[] = [
  assetInput("BTC"),
  {
    id: "Notional",
    label: "Notional per leg",
    kind: "number",
    default: 50000,
    min: 0,
    exclusive: true,
    help: "USD of spot bought, and of perp shorted",
    format: "usd0",
  },
  {
    id: "Price",
    label: "Price",
    kind: "number",
    default: 100000,
    min: 0,
    exclusive: true,
    help: "Entry price of both legs",
    format: "price",
  },
  leverageInput(10),
  fundingRateInput(0.0003),
  {
    id: "Symbol",
    label: "Live symbol (optional)",
    kind: "text",
    default: "",
    help: "e.g. BTCUSDT: the sheet then uses the live rate (LEGS.FUNDINGRATE); blank uses the rate above",
  },
  {
    id: "Venue",
    label: "Exchange",
    kind: "choice",
    default: "binance",
    choices: ["binance", "bybit", "okx", "hyperliquid", "deribit"],
    help: "Where the perp is, for the live rate",
  },
  fundingHoursInput,
  daysHeldInput(30),
  feeRateInput,
  maintRateInput,
  {
    id: "StressRate",
    label: "Funding if it flips",
    kind: "percent",
    default: -0.0003,
    min: -0.05,
    max: 0.05,
    help: "A negative rate to test: the short then pays",
    format: "rate",
  },
];

export const fundingCapture: Template = {
  id: "funding-capture",
  name: "Funding capture",
  description: "Spot long + perp short: no price exposure, collect the funding rate.",
  inputs: INPUTS,
  guide: [
    {
      metric: "Yield per day / month / year",
      meaning: "Funding rate × funding events in the period (simple, as exchanges quote it).",
    },
    { metric: "Funding per day", meaning: "Dollars received by the short per day at the current rate." },
    { metric: "Break-even days", meaning: "Days of funding needed to pay the fees of entering and exiting both legs." },
    {
      metric: "If funding flips",
      meaning: "What the position pays per day if the rate turns negative: monitor and be ready to unwind.",
    },
    {
      metric: "Perp liquidation price",
      meaning: "The short perp can be liquidated on a spike even though the spot covers it: it is not automatic.",
    },
  ],
  build(values) {
    const b = new SheetBuilder("funding-capture", "Funding capture");
    b.title(
      "Funding capture: long spot, short perpetual",
      "Net exposure 0: while funding is positive, longs pay the short every interval.",
    );
    b.inputs(INPUTS, values);

    const legs = legsTable(b, "FundingLegs", [
      ["=Asset", "spot", "long", "=SpotQty", "=Price", 1, false, null],
      ["=Asset", "perp", "short", "=SpotQty", "=Price", 1, false, null],
    ]);

    b.metrics("Metrics", [
      {
        label: "Funding rate used",
        name: "RateUsed",
        formula: '=IF(Symbol="",FundingRate,LEGS.FUNDINGRATE(Symbol,Venue))',
        format: "rate",
        note: "Live from the exchange when a symbol is given, else the typed rate",
      },
      { label: "Coins per leg", name: "SpotQty", formula: "=Notional/Price", format: "coin", note: "Spot bought = perp shorted" },
      {
        label: "Net exposure",
        formula: `=LEGS.NETDELTA(${legs}[#All])`,
        format: "coin",
        note: "0: the price does not move the P&L",
      },
      { label: "Perp margin", name: "PerpMargin", formula: "=Notional/Leverage", format: "usd", note: "Notional ÷ leverage" },
      {
        label: "Capital deployed",
        name: "Capital",
        formula: "=Notional+PerpMargin",
        format: "usd",
        note: "Spot plus perp margin",
      },
      {
        label: "Funding per event",
        formula: '=LEGS.FUNDINGPNL("short",SpotQty,Price,RateUsed)',
        format: "usd",
        note: "Received by the short each interval",
      },
      {
        label: "Yield per day",
        formula: "=LEGS.FUNDINGYIELD(RateUsed,FundingHours,1)",
        format: "pct",
        note: "Funding rate × events per day",
      },
      {
        label: "Yield per month (30 days)",
        formula: "=LEGS.FUNDINGYIELD(RateUsed,FundingHours,30)",
        format: "pct",
        note: "Simple, not compounded",
      },
      {
        label: "Yield per year",
        formula: "=LEGS.FUNDINGYIELD(RateUsed,FundingHours,365)",
        format: "pct",
        note: "On the notional; compounded it would be higher",
      },
      {
        label: "Funding per day",
        name: "DailyFunding",
        formula: "=Notional*LEGS.FUNDINGYIELD(RateUsed,FundingHours,1)",
        format: "usd",
        note: "Dollars a day at the current rate",
      },
      { label: "Funding per month (30 days)", formula: "=DailyFunding*30", format: "usd", note: "At the current rate" },
      {
        label: "Yield on capital deployed (year)",
        formula: "=DailyFunding*365/Capital",
        format: "pct",
        note: "Funding over spot + margin",
      },
      {
        label: "Fees to enter and exit",
        name: "RoundTripFees",
        formula: "=FeeRate*Notional*4",
        format: "usd",
        note: "Both legs, in and out",
      },
      {
        label: "Break-even days",
        formula: '=IF(DailyFunding>0,RoundTripFees/DailyFunding,"never at this rate")',
        format: "number",
        note: "Days of funding that pay the fees",
      },
      {
        label: "Net over the days held",
        formula: "=DailyFunding*DaysHeld-RoundTripFees",
        format: "usd",
        note: "Funding minus fees",
      },
      {
        label: "Funding per day if it flips",
        name: "StressDaily",
        formula: '=LEGS.FUNDINGPNL("short",SpotQty,Price,StressRate)*24/FundingHours',
        format: "usd",
        note: "At the stress rate: the short pays when funding is negative",
      },
      {
        label: "Perp liquidation price",
        name: "LiqPrice",
        formula: '=LEGS.LIQPRICE("short",Price,SpotQty,PerpMargin,MaintRate)',
        format: "price",
        note: "A spike to here liquidates the short; the spot does not protect it",
      },
      { label: "Buffer to liquidation", formula: "=LiqPrice/Price-1", format: "pct", note: "Rise that liquidates the short" },
      {
        label: "Funding events held",
        name: "FundingEvents",
        formula: "=DaysHeld*24/FundingHours",
        format: "number",
        note: "For the scenario's last column",
      },
    ]);

    scenarioGrid(b, {
      title: "Scenario grid",
      note: "Net P&L (price, funding, perp fees) for each price move (rows) and days held (columns) at the current funding rate.",
      exitPrice: (move) => `=Price*(1+${move})`,
      across: { label: "Days held", values: [1, 7, 30, 90, 365], format: "int" },
      helper: { label: "Funding events", formula: (days) => `=${days}*24/FundingHours`, format: "number" },
      body: {
        kind: "spill",
        formula: (exits, events) => `=LEGS.HEDGEPNL(SpotQty,SpotQty,Price,${exits},RateUsed,${events},FeeRate)`,
      },
      format: "usd",
      extra: [
        { label: "Spot only", spill: (exits) => `=LEGS.HEDGEPNL(SpotQty,0,Price,${exits})`, format: "usd" },
        {
          label: "Your position",
          spill: (exits) => `=LEGS.HEDGEPNL(SpotQty,SpotQty,Price,${exits},RateUsed,FundingEvents,FeeRate)`,
          format: "usd",
        },
      ],
      chart: { title: "Net P&L against price over the days held", series: ["Spot only", "Your position"] },
    });
    return b.build();
  },
};
