/**
 * Options on spot (background article "Spot and derivatives", delta-neutral section: "Long call
 * options (positive delta), short spot to neutralize delta"; and its hedging section, with an
 * option instead of the short perp):
 *
 * - Options hedge: long calls, delta-hedged with a short in spot or a perp, so what is left is
 *   gamma (gains on moves either way), vega and theta (the daily cost).
 * - Protective put: spot held and long puts under it: a floor at the strike, no funding, no
 *   liquidation, a premium paid up front, and the upside kept.
 *
 * Both price the option with Black-76 on the forward (LEGS.OPTIONPRICE, rate 0), coin-settled
 * (Deribit, OKX: premium in coin) or linear (USDC options: premium in USD).
 *
 * How a coin-settled option's P&L is counted in USD: the premium is paid in coins out of the
 * balance, and the option is worth coins. The coins paid would have moved with the price, so
 * the trade's P&L against keeping them is (option value − premium) in coin × the exit price.
 * That is also why the delta of a coin-settled option is premium-adjusted (Black delta − premium
 * in coin, Deribit's "net transaction delta") and why the hedge is sized on it: with that hedge
 * the book's USD P&L is flat for a small move, as LEGS.NETDELTA says (0). Counting the premium
 * at the spot of the purchase instead (a fixed USD cost) would leave the premium's coins
 * unhedged: +premium in coin of delta. Linear options are plain: (value − premium) in USD.
 */
import { Metric, SheetBuilder } from "../builder";
import { InputSpec, InputValues } from "../inputs";
import { scenarioGrid } from "../scenario";
import { assetInput, spotHeldInput, fundingHoursInput, fundingRateInput, leverageInput, maintRateInput } from "./common-inputs";
import { legsTable, OPTION_LEG_FORMATS, OPTION_LEG_HEADERS, Template } from "./template";

type OptionType = "call" | "put";

// ---------------------------------------------------------------------------------------------
// Inputs

const spotInput = (help: string): InputSpec => ({
  id: "Spot",
  label: "Spot price",
  kind: "number",
  default: 100000,
  min: 0,
  exclusive: true,
  help,
  format: "price",
});

const forwardInput: InputSpec = {
  id: "Forward",
  label: "Forward price",
  kind: "number",
  default: 100500,
  min: 0,
  exclusive: true,
  help: "The future of the option's expiry, which the option is priced on (Deribit's underlying): a little above spot",
  format: "price",
};

const strikeInput = (dflt: number, help: string): InputSpec => ({
  id: "Strike",
  label: "Strike",
  kind: "number",
  default: dflt,
  min: 0,
  exclusive: true,
  help,
  format: "price",
});

const expiryInput: InputSpec = {
  id: "Expiry",
  label: "Option expiry",
  kind: "date",
  default: "today+30",
  help: "The options expire at 08:00 UTC that day (Deribit, OKX, Bybit, Binance)",
};

const utcOffsetInput: InputSpec = {
  id: "UtcOffset",
  label: "Your clock's offset from UTC (hours)",
  kind: "number",
  default: 0,
  min: -12,
  max: 14,
  help: "The sheet's NOW() is this computer's local time: 1 in Paris in winter, −5 in New York; 0 on UTC",
  format: "number",
};

const volInput: InputSpec = {
  id: "Vol",
  label: "Implied volatility",
  kind: "percent",
  default: 0.55,
  min: 0,
  max: 10,
  exclusive: true,
  help: "A year, as the exchange shows it (Deribit's mark IV)",
};

const contractsInput = (dflt: number, help: string): InputSpec => ({
  id: "Contracts",
  label: "Contracts",
  kind: "number",
  default: dflt,
  min: 0,
  exclusive: true,
  help,
  format: "number",
});

const contractSizeInput: InputSpec = {
  id: "ContractSize",
  label: "Contract size",
  kind: "number",
  default: 1,
  min: 0,
  exclusive: true,
  help: "Coins of underlying per option: 1 on Deribit",
  format: "coin",
};

const settlementInput: InputSpec = {
  id: "Settlement",
  label: "Settlement",
  kind: "choice",
  default: "inverse",
  choices: ["inverse", "linear"],
  help: "inverse: coin-settled, premium paid in coin (Deribit BTC, ETH); linear: premium in USD (USDC options)",
};

const OPTIONS_HEDGE_INPUTS: InputSpec[] = [
  assetInput("BTC"),
  spotInput("Price of the coin now: the hedge (spot or perp) is opened here"),
  forwardInput,
  strikeInput(100000, "At the money by default"),
  expiryInput,
  utcOffsetInput,
  volInput,
  contractsInput(10, "Calls bought"),
  contractSizeInput,
  settlementInput,
  {
    id: "HedgeWith",
    label: "Hedge with",
    kind: "choice",
    default: "perp",
    choices: ["perp", "spot"],
    help: "perp: a short perpetual (margin, funding, liquidation); spot: coins sold short (borrowed)",
  },
  leverageInput(5),
  maintRateInput,
  fundingRateInput(0.0001),
  fundingHoursInput,
];

const PROTECTIVE_PUT_INPUTS: InputSpec[] = [
  assetInput("BTC"),
  spotHeldInput(1),
  {
    id: "CostBasis",
    label: "Average cost of the spot",
    kind: "number",
    default: 60000,
    min: 0,
    help: "What you paid: the gain the puts protect",
    format: "price",
  },
  spotInput("Price of the coin now"),
  forwardInput,
  strikeInput(90000, "The floor: the puts pay below it (10 % under spot by default)"),
  expiryInput,
  utcOffsetInput,
  volInput,
  contractsInput(1, "Puts bought: contracts × contract size = the coins protected"),
  contractSizeInput,
  settlementInput,
  // For the comparison with the article's hedge, a short perp of the same size.
  leverageInput(5),
  maintRateInput,
  fundingRateInput(0.0001),
  fundingHoursInput,
];

// ---------------------------------------------------------------------------------------------
// Formulas

/** Black-76 arguments after the type: forward, strike, days, vol, rate 0, and the settlement. */
const pricing = (settlement: string) => `Forward,Strike,DaysToExpiry,Vol,0,${settlement}`;

/** OPTIONGREEKS' `k`-th number (3 gamma, 4 vega, 5 theta) per coin of underlying. */
const greek = (type: OptionType, k: number) => `INDEX(LEGS.OPTIONGREEKS("${type}",${pricing("Settlement")}),1,${k})`;

/**
 * The option's value per coin of underlying, in the settlement currency (coin when inverse), at
 * the exit price `exit` with `daysLeft` to expiry (null: at expiry, the intrinsic value). The
 * forward keeps its premium over spot in dollars, shrinking to 0 at expiry.
 */
function optionValue(type: OptionType, exit: string, daysLeft: string | null): string {
  const intrinsic = type === "call" ? `MAX(${exit}-Strike,0)` : `MAX(Strike-${exit},0)`;
  const atExpiry = `${intrinsic}/IF(Settlement="inverse",${exit},1)`;
  if (daysLeft === null) return atExpiry;
  const basis = daysLeft === "DaysToExpiry" ? "Forward-Spot" : `(Forward-Spot)*${daysLeft}/DaysToExpiry`;
  return `IF(${daysLeft}>0,LEGS.OPTIONPRICE("${type}",${exit}+${basis},Strike,${daysLeft},Vol,0,Settlement),${atExpiry})`;
}

/**
 * The options' P&L in USD at `exit`: (value − premium) in the settlement currency × what a unit
 * of it is worth at the exit (the exit price for coin, 1 for USD).
 */
const optionsPnl = (type: OptionType, exit: string, daysLeft: string | null) =>
  `Contracts*(ContractSize*${optionValue(type, exit, daysLeft)}-PremiumQuoted)*IF(Settlement="inverse",${exit},1)`;

/** The metrics both templates share: days, premium in coin and USD, delta with the adjustment. */
function optionMetrics(type: OptionType): Metric[] {
  const plural = type === "call" ? "calls" : "puts";
  return [
    {
      label: "Days to expiry",
      name: "DaysToExpiry",
      formula: "=MAX(Expiry+(8+UtcOffset)/24-NOW(),0)",
      format: "number",
      note: "From this computer's clock (NOW() is local time: see the UTC offset input) to 08:00 UTC on the expiry day",
    },
    {
      label: "Expiry status",
      formula: '=IF(DaysToExpiry>0,"Expires in "&ROUND(DaysToExpiry,1)&" days","Expired: enter a later expiry")',
      format: "int",
      note: "The options below are priced for the time left",
      style: "warning",
    },
    {
      label: "Premium per option, as quoted",
      name: "PremiumQuoted",
      formula: `=LEGS.OPTIONPRICE("${type}",${pricing("Settlement")})*ContractSize`,
      format: "coin",
      note: "Black-76 on the forward, rate 0: in coin when coin-settled (inverse), in USD when linear",
    },
    {
      label: "Premium per option in coin",
      name: "PremiumCoin",
      formula: '=IF(Settlement="inverse",PremiumQuoted,PremiumQuoted/Spot)',
      format: "coin",
      note: "Linear: the USD premium ÷ spot",
    },
    {
      label: "Premium per option in USD",
      name: "PremiumUsd",
      formula: '=IF(Settlement="inverse",PremiumQuoted*Spot,PremiumQuoted)',
      format: "usd",
      note: "Coin-settled: the coins paid × spot, what they are worth today",
    },
    {
      label: "Premium paid in coin",
      name: "PaidCoin",
      formula: "=PremiumCoin*Contracts",
      format: "coin",
      note: `All the ${plural}: premium per option × contracts`,
    },
    {
      label: "Premium paid in USD",
      name: "PaidUsd",
      formula: "=PremiumUsd*Contracts",
      format: "usd",
      note: "The cost of the options today",
    },
    {
      label: "Black delta per option",
      name: "BlackDelta",
      formula: `=LEGS.OPTIONDELTA("${type}",${pricing('"linear"')})*ContractSize`,
      format: "coin",
      note: "Change of the option's USD value per $1 of the forward: N(d1) for a call, N(d1) − 1 for a put",
    },
    {
      label: "Delta per option, premium-adjusted",
      name: "OptionDelta",
      formula: `=LEGS.OPTIONDELTA("${type}",${pricing("Settlement")})*ContractSize`,
      format: "coin",
      note: "Coin-settled: Black delta − the premium in coin, the coins paid no longer move with the price",
    },
    {
      label: "Premium adjustment per option",
      formula: "=BlackDelta-OptionDelta",
      format: "coin",
      note: "A 0.50-delta call bought for 0.10 BTC adds only 0.40 BTC (Deribit's net delta); 0 when linear",
    },
    {
      label: "Options delta",
      name: "OptionsDelta",
      formula: "=OptionDelta*Contracts",
      format: "coin",
      note: `Coins of exposure of all the ${plural}: contracts × contract size × premium-adjusted delta`,
    },
  ];
}

/** Book gamma, vega, theta of `Contracts` options, and the move that pays a day of theta. */
function greekMetrics(type: OptionType): Metric[] {
  return [
    {
      label: "Book gamma (delta per 1 % move)",
      formula: `=${greek(type, 3)}*Contracts*ContractSize*Forward/100`,
      format: "coin",
      note: "Coins of delta gained when the price rises 1 % (lost when it falls): long options are long gamma",
    },
    {
      label: "Book vega (per vol point)",
      formula: `=${greek(type, 4)}*Contracts*ContractSize`,
      format: "usd",
      note: "USD gained if implied volatility rises 1 point (55 % → 56 %)",
    },
    {
      label: "Book theta (per day)",
      formula: `=${greek(type, 5)}*Contracts*ContractSize`,
      format: "usd",
      note: "USD the options lose each day if nothing else changes: the cost of holding them",
    },
    {
      label: "Break-even daily move",
      formula: `=SQRT(2*ABS(${greek(type, 5)})/${greek(type, 3)})/Forward`,
      format: "pct",
      note: "The daily move whose gamma gain pays one day of theta: vol ÷ √365 (Black-76 theta = −½ gamma (F·vol)² ÷ 365)",
    },
  ];
}

const DAYS_ELAPSED = [0, 0.25, 0.5, 0.75, 1];
const ACROSS = { label: "Time elapsed (of the days to expiry)", values: DAYS_ELAPSED, format: "pct" } as const;
const DAYS_LEFT = { label: "Days left", formula: (f: string) => `=DaysToExpiry*(1-${f})`, format: "number" } as const;

/** How the scenario grid counts the options' P&L, above it (notes overflow to the right). */
function pnlNotes(b: SheetBuilder, plural: string, rest: string): void {
  b.note(
    `The grid reprices the ${plural} with LEGS.OPTIONPRICE at each exit price and time left (intrinsic value at expiry); ` +
      "the forward keeps its premium over spot in dollars, shrinking to 0 at expiry.",
  );
  b.note(
    "Coin-settled: the premium is paid in coins out of your balance and the option is worth coins, so the P&L is " +
      `(value − premium) in coin × the exit price, ${rest}.`,
  );
  b.note(
    "The coins paid would have moved with the price: that is the premium adjustment of the delta. " +
      "Linear (USDC): (value − premium) in USD.",
  );
  b.skip();
}

const OPTION_COLUMNS = { headers: OPTION_LEG_HEADERS, formats: OPTION_LEG_FORMATS };

/** The option leg of the legs table: long `Contracts`, premium in USD as the entry. */
const optionLeg = (type: OptionType) => [
  "=Asset",
  "option",
  "long",
  "=Contracts",
  "=PremiumUsd",
  "=ContractSize",
  '=Settlement="inverse"',
  null,
  type,
  "=Strike",
  "=Expiry",
  "=Vol",
];

// ---------------------------------------------------------------------------------------------
// Options hedge

function buildOptionsHedge(values: InputValues) {
  const b = new SheetBuilder("options-hedge", "Options hedge");
  b.title(
    "Options hedge: long calls, delta-hedged with a short in spot or perp",
    "Long calls have positive delta; a short sized to it makes the book delta-neutral: what is left is gamma, vega and theta.",
  );
  b.inputs(OPTIONS_HEDGE_INPUTS, values);

  const legs = legsTable(
    b,
    "OptionLegs",
    [optionLeg("call"), ["=Asset", "=HedgeWith", "short", "=HedgeQty", "=Spot", 1, false, null, null, null, null, null]],
    OPTION_COLUMNS,
  );

  const metrics = b.metrics("Metrics", [
    ...optionMetrics("call"),
    {
      label: "Hedge: coins to short",
      name: "HedgeQty",
      formula: "=OptionsDelta",
      format: "coin",
      note: "In spot or perp: the calls' premium-adjusted delta, so the book's delta is 0",
    },
    {
      label: "Net delta of the legs",
      formula: `=LEGS.NETDELTA(${legs}[#All],Forward)`,
      format: "coin",
      note: "0 is delta-neutral: NETDELTA recomputes the calls' delta from the legs table",
    },
    ...greekMetrics("call"),
    { label: "Hedge notional", formula: "=HedgeQty*Spot", format: "usd", note: "Value of the short at spot" },
    {
      label: "Perp margin",
      name: "PerpMargin",
      formula: '=IF(HedgeWith="perp",HedgeQty*Spot/Leverage,0)',
      format: "usd",
      note: "Margin posted for the short perp: notional ÷ leverage",
    },
    {
      label: "Perp liquidation price",
      name: "LiqPrice",
      formula: '=IF(AND(HedgeWith="perp",HedgeQty>0),LEGS.LIQPRICE("short",Spot,HedgeQty,PerpMargin,MaintRate),"no perp")',
      format: "price",
      note: "A rally to here liquidates the short, though the calls gain: keep margin (a spot short has a lender's margin call instead)",
    },
    {
      label: "Buffer to liquidation",
      formula: '=IF(ISNUMBER(LiqPrice),LiqPrice/Spot-1,"")',
      format: "pct",
      note: "Rise from spot that liquidates the short",
    },
    {
      label: "Perp funding until expiry",
      name: "FundingToExpiry",
      formula: '=IF(HedgeWith="perp",LEGS.FUNDINGPNL("short",HedgeQty,Spot,FundingRate)*DaysToExpiry*24/FundingHours,0)',
      format: "usd",
      note: "Received by the short while funding is positive, at today's hedge size",
    },
    {
      label: "Carry to expiry",
      formula: "=FundingToExpiry-PaidUsd",
      format: "usd",
      note: "Funding − the premium: what the book costs if the price ends where it is (gamma must earn it back)",
    },
  ]);
  b.signColours(metrics["Carry to expiry"]);
  b.note("The hedge is re-sized as the price moves (the calls' delta changes): each re-hedge locks in some gamma gain.");
  b.skip();
  pnlNotes(b, "calls", "plus the short's P&L, short × (spot − exit price)");

  scenarioGrid(b, {
    title: "Scenario grid",
    note: "Book P&L in USD, before funding and fees",
    exitPrice: (move) => `=Spot*(1+${move})`,
    across: ACROSS,
    helper: DAYS_LEFT,
    body: { kind: "cells", formula: (exit, days) => `=${optionsPnl("call", exit, days)}-HedgeQty*(${exit}-Spot)` },
    format: "usd",
    extra: [
      { label: "Calls alone, today", cell: (exit) => `=${optionsPnl("call", exit, "DaysToExpiry")}`, format: "usd" },
      {
        label: "Hedged, today",
        cell: (exit) => `=${optionsPnl("call", exit, "DaysToExpiry")}-HedgeQty*(${exit}-Spot)`,
        format: "usd",
      },
      {
        label: "Hedged, at expiry",
        cell: (exit) => `=${optionsPnl("call", exit, null)}-HedgeQty*(${exit}-Spot)`,
        format: "usd",
      },
    ],
    chart: { title: "Book P&L against the price", series: ["Calls alone, today", "Hedged, today", "Hedged, at expiry"] },
  });
  return b.build();
}

export const optionsHedge: Template = {
  id: "options-hedge",
  name: "Options hedge",
  description: "Long calls, delta-hedged with a short in spot or perp: a delta-neutral book long gamma, paying theta.",
  kind: "strategy",
  inputs: OPTIONS_HEDGE_INPUTS,
  guide: [
    {
      metric: "Premium paid",
      meaning:
        "What the calls cost, in coin and in USD. Coin-settled (Deribit) options are paid in coin: the USD figure is those coins at spot.",
    },
    {
      metric: "Delta per option, premium-adjusted",
      meaning:
        "Coins of exposure per call. Paid in coin, the premium leaves your balance and stops moving with the price, so it comes off the Black delta: a 0.50-delta call bought for 0.10 BTC adds 0.40 BTC.",
    },
    {
      metric: "Hedge: coins to short",
      meaning: "The short in spot or perp that cancels the calls' delta: contracts × contract size × premium-adjusted delta.",
    },
    { metric: "Net delta of the legs", meaning: "The legs table's net exposure in coins, calls included: 0 once hedged." },
    {
      metric: "Book gamma, vega, theta",
      meaning:
        "What is left after the hedge: gamma gains on moves either way, vega on a rise in implied vol, theta is the daily cost.",
    },
    {
      metric: "Break-even daily move",
      meaning: "Re-hedging earns more than theta costs when the price moves more than this in a day.",
    },
    {
      metric: "Perp liquidation price",
      meaning: "A perp short can be liquidated in a rally even though the calls gain: keep margin, or hedge in spot.",
    },
    {
      metric: "Scenario grid",
      meaning:
        "Book P&L for each price move (rows) and share of the time to expiry gone (columns): a smile today, the premium lost at the strike at expiry.",
    },
  ],
  build: buildOptionsHedge,
};

// ---------------------------------------------------------------------------------------------
// Protective put

function buildProtectivePut(values: InputValues) {
  const b = new SheetBuilder("protective-put", "Protective put");
  b.title(
    "Protective put: spot held, long puts under it",
    "The article's hedge with an option instead of a perp: a floor at the strike, the upside kept, no funding, no liquidation: a premium instead.",
  );
  b.inputs(PROTECTIVE_PUT_INPUTS, values);

  const legs = legsTable(
    b,
    "PutLegs",
    [["=Asset", "spot", "long", "=SpotQty", "=CostBasis", 1, false, null, null, null, null, null], optionLeg("put")],
    OPTION_COLUMNS,
  );

  const metrics = b.metrics("Metrics", [
    ...optionMetrics("put"),
    {
      label: "Coins protected",
      name: "Covered",
      formula: "=Contracts*ContractSize",
      format: "coin",
      note: "Contracts × contract size: match the spot held for a full floor",
    },
    {
      label: "Net delta of the legs",
      formula: `=LEGS.NETDELTA(${legs}[#All],Forward)`,
      format: "coin",
      note: "Spot + the puts' premium-adjusted delta: the exposure left, less than the spot alone",
    },
    {
      label: "Floor value at expiry",
      name: "Floor",
      formula: '=IF(Settlement="inverse",MIN(SpotQty-PaidCoin,Covered)*Strike,MIN(SpotQty,Covered)*Strike-PaidUsd)',
      format: "usd",
      note: "The least spot + puts are worth at expiry: strike × coins − premium (coin-settled: the coins paid are gone)",
    },
    {
      label: "Max loss by expiry",
      name: "MaxLoss",
      formula: "=SpotQty*Spot-Floor",
      format: "usd",
      note: "The spot's value today − the floor: the most the position can lose",
    },
    { label: "Max loss %", formula: "=MaxLoss/(SpotQty*Spot)", format: "pct", note: "Of the spot's value today" },
    {
      label: "Worst P&L over the cost basis",
      formula: "=Floor-SpotQty*CostBasis",
      format: "usd",
      note: "The gain kept even if the price collapses: (strike − cost) × coins − premium",
    },
    {
      label: "Breakeven at expiry",
      formula: '=IF(Settlement="inverse",SpotQty*Spot/(SpotQty-PaidCoin),Spot+PaidUsd/SpotQty)',
      format: "price",
      note: "Above this price the protected spot is worth more than the spot today: the premium earned back",
    },
    {
      label: "Cost of protection",
      name: "CostPct",
      formula: "=PaidUsd/(SpotQty*Spot)",
      format: "pct",
      note: "Premium ÷ the spot's value today",
    },
    {
      label: "Cost of protection a year",
      formula: '=IF(DaysToExpiry>0,CostPct*365/DaysToExpiry,"")',
      format: "pct",
      note: "The same, as a yearly rate: roll the puts every expiry and this is the cost",
    },
    ...greekMetrics("put"),
  ]);
  b.signColours(metrics["Worst P&L over the cost basis"]);

  const perp = b.metrics("Instead: a short perp of the same size (the article's hedge)", [
    {
      label: "Perp margin",
      name: "PerpMargin",
      formula: "=SpotQty*Spot/Leverage",
      format: "usd",
      note: "Margin a short perp hedging the spot would need: notional ÷ leverage",
    },
    {
      label: "Perp liquidation price",
      name: "LiqPrice",
      formula: '=LEGS.LIQPRICE("short",Spot,SpotQty,PerpMargin,MaintRate)',
      format: "price",
      note: "A rally to here liquidates the perp hedge; the put has no liquidation",
    },
    { label: "Buffer to liquidation", formula: "=LiqPrice/Spot-1", format: "pct", note: "Rise that liquidates the perp" },
    {
      label: "Perp funding until expiry",
      name: "PerpFunding",
      formula: '=LEGS.FUNDINGPNL("short",SpotQty,Spot,FundingRate)*DaysToExpiry*24/FundingHours',
      format: "usd",
      note: "Received by the short while funding is positive; paid when negative. The put pays no funding",
    },
    {
      label: "The put's cost over the perp's",
      formula: "=PaidUsd+PerpFunding",
      format: "usd",
      note: "Premium + the funding the perp would earn: the price of keeping the upside with no liquidation",
    },
  ]);
  b.signColours(perp["Perp funding until expiry"]);
  pnlNotes(b, "puts", "plus the spot's, coins held × (exit price − spot)");

  scenarioGrid(b, {
    title: "Scenario grid",
    note: "P&L from today's value, before fees",
    exitPrice: (move) => `=Spot*(1+${move})`,
    across: ACROSS,
    helper: DAYS_LEFT,
    body: { kind: "cells", formula: (exit, days) => `=SpotQty*(${exit}-Spot)+${optionsPnl("put", exit, days)}` },
    format: "usd",
    extra: [
      { label: "Spot only", cell: (exit) => `=SpotQty*(${exit}-Spot)`, format: "usd" },
      {
        label: "Spot + puts, at expiry",
        cell: (exit) => `=SpotQty*(${exit}-Spot)+${optionsPnl("put", exit, null)}`,
        format: "usd",
      },
      { label: "Spot + perp short", cell: () => "=PerpFunding", format: "usd" },
    ],
    chart: { title: "P&L at expiry against the price", series: ["Spot only", "Spot + puts, at expiry", "Spot + perp short"] },
  });
  return b.build();
}

export const protectivePut: Template = {
  id: "protective-put",
  name: "Protective put",
  description: "Keep your spot and buy puts under it: a floor at the strike, the upside kept, a premium instead of funding.",
  kind: "strategy",
  inputs: PROTECTIVE_PUT_INPUTS,
  guide: [
    {
      metric: "Premium paid",
      meaning: "What the puts cost, in coin and USD: the price of the protection, paid once, up front.",
    },
    {
      metric: "Floor value at expiry",
      meaning:
        "The least the spot and puts are worth at expiry, however far the price falls: the strike × the coins, less the premium.",
    },
    { metric: "Max loss by expiry", meaning: "Today's spot value minus the floor: the most the position can lose." },
    {
      metric: "Breakeven at expiry",
      meaning: "The price at expiry where the protection has paid for itself: above it you are ahead of the spot today.",
    },
    {
      metric: "Cost of protection",
      meaning: "The premium as a share of the spot's value, and as a yearly rate if rolled at every expiry.",
    },
    {
      metric: "Delta per option, premium-adjusted",
      meaning: "A put's delta is negative: it offsets part of the spot. Paid in coin, the premium's coins come off it too.",
    },
    {
      metric: "Instead: a short perp",
      meaning:
        "The article's hedge for comparison: it locks the price (no upside), needs margin, can be liquidated, and earns or pays funding.",
    },
    {
      metric: "Scenario grid",
      meaning: "P&L of spot + puts for each price move and share of the time to expiry gone: flat below the strike at expiry.",
    },
  ],
  build: buildProtectivePut,
};
