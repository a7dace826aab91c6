/** Inputs several templates share, with the same names, bounds and help everywhere. */
import { InputSpec } from "../inputs";

export const assetInput = (dflt: string): InputSpec => ({
  id: "Asset",
  label: "Asset",
  kind: "text",
  default: dflt,
  help: "The coin the legs trade (used to filter the legs table)",
});

/** The coins held (and kept) that a hedge protects. */
export const spotHeldInput = (dflt: number): InputSpec => ({
  id: "SpotQty",
  label: "Spot held",
  kind: "number",
  default: dflt,
  min: 0,
  exclusive: true,
  help: "Coins you own and keep",
  format: "coin",
});

/** Days before a dated future's expiry that the sheet starts telling you to roll or close. */
export const rollDaysInput = (help: string): InputSpec => ({
  id: "RollDays",
  label: "Roll reminder (days before expiry)",
  kind: "number",
  default: 7,
  min: 0,
  max: 365,
  help,
  format: "int",
});

export const leverageInput = (dflt: number): InputSpec => ({
  id: "Leverage",
  label: "Derivative leverage",
  kind: "number",
  default: dflt,
  min: 1,
  max: 125,
  help: "Margin posted = notional ÷ leverage; more leverage, closer liquidation",
  format: "multiple",
});

export const maintRateInput: InputSpec = {
  id: "MaintRate",
  label: "Maintenance margin rate",
  kind: "percent",
  default: 0.005,
  min: 0,
  max: 0.5,
  help: "From the exchange's margin tier (0.5 % on the first tier of most BTC/ETH perps)",
};

export const fundingRateInput = (dflt: number): InputSpec => ({
  id: "FundingRate",
  label: "Funding rate per interval",
  kind: "percent",
  default: dflt,
  min: -0.05,
  max: 0.05,
  help: "Positive: longs pay shorts. 0.01 % per 8 h is the usual baseline",
  format: "rate",
});

export const fundingHoursInput: InputSpec = {
  id: "FundingHours",
  label: "Funding interval (hours)",
  kind: "number",
  default: 8,
  min: 0,
  max: 24,
  exclusive: true,
  help: "8 on most exchanges, 1 on Hyperliquid",
  format: "int",
};

export const daysHeldInput = (dflt: number): InputSpec => ({
  id: "DaysHeld",
  label: "Days held",
  kind: "number",
  default: dflt,
  min: 0,
  max: 3650,
  help: "How long the position stays on, for funding and break-even",
  format: "int",
});

export const feeRateInput: InputSpec = {
  id: "FeeRate",
  label: "Trading fee per side",
  kind: "percent",
  default: 0.0005,
  min: -0.001,
  max: 0.01,
  help: "Taker fee on the derivative's notional, each time it is opened or closed",
  format: "rate",
};

/** The inputs of a perpetual leg held for some days: leverage, maintenance, funding, fees. */
export function perpLegInputs(leverage: number, fundingRate: number, days: number): InputSpec[] {
  return [
    leverageInput(leverage),
    maintRateInput,
    fundingRateInput(fundingRate),
    fundingHoursInput,
    daysHeldInput(days),
    feeRateInput,
  ];
}
