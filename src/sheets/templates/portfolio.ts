/**
 * Portfolio (seed article, "Managing a Combined Portfolio"): every leg in one table, net delta
 * per asset, combined P&L, funding received or paid, margin utilisation, and the daily
 * monitoring routine (net delta, funding, margin, basis) with alerts when a limit is crossed.
 */
import { colFixed, rangeRef, rowFixed } from "../a1";
import { Content, SheetBuilder } from "../builder";
import { InputSpec } from "../inputs";
import { PRICE_MOVES } from "../scenario";
import { fundingHoursInput } from "./common-inputs";
import { LEG_HEADERS, Template } from "./template";

const INPUTS: InputSpec[] = [
  {
    id: "AccountEquity",
    label: "Account equity",
    kind: "number",
    default: 100000,
    min: 0,
    exclusive: true,
    help: "Collateral across the exchanges, in USD",
    format: "usd0",
  },
  {
    id: "BtcPrice",
    label: "BTC price",
    kind: "number",
    default: 100000,
    min: 0,
    exclusive: true,
    help: "Marks the BTC legs",
    format: "price",
  },
  {
    id: "EthPrice",
    label: "ETH price",
    kind: "number",
    default: 3400,
    min: 0,
    exclusive: true,
    help: "Marks the ETH legs",
    format: "price",
  },
  {
    id: "BtcTarget",
    label: "BTC net delta target",
    kind: "number",
    default: 0,
    help: "Coins of BTC exposure you intend",
    format: "coin",
  },
  {
    id: "EthTarget",
    label: "ETH net delta target",
    kind: "number",
    default: 5,
    help: "Coins of ETH exposure you intend",
    format: "coin",
  },
  {
    id: "DeltaTolerance",
    label: "Delta tolerance (± coins)",
    kind: "number",
    default: 0.1,
    min: 0,
    help: "Rebalance when an asset drifts further from its target",
    format: "coin",
  },
  fundingHoursInput,
  {
    id: "FundingFloor",
    label: "Funding floor per day",
    kind: "number",
    default: 0,
    help: "Alert when the book's daily funding falls below this (USD)",
    format: "usd",
  },
  {
    id: "MarginLimit",
    label: "Margin utilisation limit",
    kind: "percent",
    default: 0.5,
    min: 0,
    max: 1,
    help: "Alert above this share of equity posted as margin",
  },
  {
    id: "BufferLimit",
    label: "Minimum liquidation buffer",
    kind: "percent",
    default: 0.2,
    min: 0,
    max: 1,
    help: "Alert when any leg is closer than this to liquidation",
  },
  {
    id: "FuturePrice",
    label: "BTC future price now",
    kind: "number",
    default: 103000,
    min: 0,
    exclusive: true,
    help: "For the basis check",
    format: "price",
  },
  {
    id: "BasisEntry",
    label: "Basis at entry",
    kind: "percent",
    default: 0.0316,
    help: "Basis % when the carry trade was opened",
  },
  {
    id: "BasisAlert",
    label: "Basis change alert",
    kind: "percent",
    default: 0.01,
    min: 0,
    help: "Alert when the basis has moved more than this",
  },
];

const COLUMNS = [
  ...LEG_HEADERS,
  "Mark",
  "Margin",
  "Maint rate",
  "Funding rate",
  "PnL",
  "Liq price",
  "Buffer",
  "Funding per day",
  "Margin USD",
  "Linear size",
  "Inverse USD",
  "Mark over entry",
];
const FORMATS = [
  undefined,
  undefined,
  undefined,
  "coin",
  "price",
  "number",
  undefined,
  undefined,
  "price",
  "number",
  "pct",
  "rate",
  "usd",
  "price",
  "pct",
  "usd",
  "usd",
  "coin",
  "usd",
  "number",
] as const;

/** Legs of a combined book: a cash-and-carry, a partially hedged ETH holding, an inverse BTC hedge. */
const LEGS: readonly (readonly Content[])[] = [
  ["BTC", "spot", "long", 1, 95000, 1, false, "Coinbase", null, null, null, null],
  ["BTC", "future", "short", 1, 98000, 1, false, "Binance", null, 19600, 0.005, null],
  ["ETH", "spot", "long", 10, 2800, 1, false, "Kraken", null, null, null, null],
  ["ETH", "perp", "short", 5, 3400, 1, false, "Bybit", null, 3400, 0.005, 0.0001],
  ["BTC", "perp", "short", 20, 100000, 100, true, "OKX", null, 0.004, 0.005, 0.0001],
];

/**
 * One table row (Excel row number `R`): the leg's own columns, its Mark looked up from the
 * assets block, then the computed columns.
 */
function legRow(leg: readonly Content[], R: number, prices: string): Content[] {
  const type = `IF(G${R},"inverse","linear")`;
  const sign = `IF(OR(C${R}="short",C${R}="sell"),-1,1)`;
  return [
    ...leg.slice(0, 8),
    `=VLOOKUP(A${R},${prices},2,0)`,
    ...leg.slice(9, 12),
    `=LEGS.POSITIONPNL(C${R},D${R},E${R},I${R},${type},F${R})*IF(G${R},I${R},1)`,
    `=IF(OR(B${R}="perp",B${R}="future"),IFNA(LEGS.LIQPRICE(C${R},E${R},D${R}*F${R},J${R},K${R},0,${type}),"none"),"")`,
    `=IF(ISNUMBER(N${R}),ABS(N${R}/I${R}-1),"")`,
    `=IF(B${R}="perp",LEGS.FUNDINGPNL(C${R},D${R},I${R},L${R},${type},F${R})*24/FundingHours*IF(G${R},I${R},1),0)`,
    `=IF(ISNUMBER(J${R}),J${R}*IF(G${R},I${R},1),0)`,
    `=IF(G${R},0,${sign}*D${R}*F${R})`,
    `=IF(G${R},${sign}*D${R}*F${R},0)`,
    `=I${R}/E${R}`,
  ];
}

export const portfolio: Template = {
  id: "portfolio",
  name: "Portfolio",
  description: "All your legs in one table: net delta per asset, P&L, funding, margin and a daily checklist.",
  inputs: INPUTS,
  guide: [
    { metric: "Net delta per asset", meaning: "Coins of exposure per asset across every leg, against your target." },
    { metric: "Combined P&L", meaning: "All legs together, in USD: the strategy's P&L is the total, not any one leg." },
    { metric: "Funding per day", meaning: "Received (+) or paid (−) by the perp legs at today's rates." },
    { metric: "Margin utilisation", meaning: "Margin posted ÷ account equity." },
    {
      metric: "Daily monitoring",
      meaning: "The seed's daily checks: net delta, funding, margin, basis; red when a limit is crossed.",
    },
  ],
  build(values) {
    const b = new SheetBuilder("portfolio", "Portfolio");
    b.title(
      "Portfolio: every leg, one view",
      "Track all legs together: net delta per asset, combined P&L, funding, margin, and the daily checks.",
    );
    b.inputs(INPUTS, values);

    // Prices and net delta per asset.
    b.section("Assets");
    const top = b.row;
    b.headers(top, 0, ["Asset", "Price", "Net delta", "Target", "Status"]);
    const assets = [
      ["BTC", "BtcPrice", "BtcTarget"],
      ["ETH", "EthPrice", "EthTarget"],
    ];
    const prices = rangeRef({ row: top + 1, col: 0 }, { row: top + assets.length, col: 1 }, true);
    // The legs table comes right after this block; its name is needed in the delta formulas.
    const tableName = "PortfolioLegs";
    assets.forEach(([asset, price, target], i) => {
      const r = top + 1 + i;
      const R = r + 1;
      b.set(r, 0, { value: asset, style: "label" });
      b.set(r, 1, { formula: `=${price}`, format: "price" });
      b.set(r, 2, { formula: `=LEGS.NETDELTA(${tableName}[#All],B${R},A${R})`, format: "coin", style: "metric" });
      b.set(r, 3, { formula: `=${target}`, format: "coin" });
      b.set(r, 4, { formula: `=IF(ABS(C${R}-D${R})>DeltaTolerance,"Rebalance","OK")` });
    });
    const statusRange = rangeRef({ row: top + 1, col: 4 }, { row: top + assets.length, col: 4 });
    b.alert(statusRange, `${rangeRef({ row: top + 1, col: 4 }, { row: top + 1, col: 4 })}<>"OK"`);
    b.row = top + assets.length + 2;

    b.section("Legs");
    b.note("Add rows to the table: copy the formulas of the grey columns (Mark onwards) into new rows.");
    const first = b.row + 1;
    const legs = b.table(
      tableName,
      COLUMNS,
      LEGS.map((leg, i) => legRow(leg, first + i + 1, prices)),
      FORMATS,
    );
    b.signColours(legs.columns["PnL"]);

    const m = b.metrics("Book", [
      {
        label: "Combined P&L",
        name: "TotalPnl",
        formula: `=SUM(${tableName}[PnL])`,
        format: "usd",
        note: "All legs, in USD (inverse legs converted at their mark)",
      },
      {
        label: "Funding per day",
        name: "DailyFunding",
        formula: `=SUM(${tableName}[Funding per day])`,
        format: "usd",
        note: "Perp legs at today's rates: + received, − paid",
      },
      { label: "Funding per month (30 days)", formula: "=DailyFunding*30", format: "usd", note: "If rates stay where they are" },
      {
        label: "Margin in use",
        name: "MarginUsed",
        formula: `=SUM(${tableName}[Margin USD])`,
        format: "usd",
        note: "Margin posted on derivative legs",
      },
      {
        label: "Margin utilisation",
        name: "MarginUse",
        formula: "=MarginUsed/AccountEquity",
        format: "pct",
        note: "Margin ÷ account equity",
      },
      {
        label: "Lowest liquidation buffer",
        name: "MinBuffer",
        formula: `=MIN(${tableName}[Buffer])`,
        format: "pct",
        note: "The leg closest to liquidation",
      },
      {
        label: "BTC basis now",
        name: "BasisNow",
        formula: "=(FuturePrice-BtcPrice)/BtcPrice",
        format: "pct",
        note: "Future over spot",
      },
    ]);
    b.signColours(m["Combined P&L"]);

    b.section("Daily monitoring");
    const mt = b.row;
    b.headers(mt, 0, ["Check", "Now", "Limit", "Status"]);
    const checks: [string, string, string, string, "coin" | "usd" | "pct"][] = [
      [
        "Net delta: furthest from target",
        `=MAX(ABS(C${top + 2}-D${top + 2}),ABS(C${top + 3}-D${top + 3}))`,
        "=DeltaTolerance",
        'IF(B{R}>C{R},"Rebalance","OK")',
        "coin",
      ],
      ["Funding per day", "=DailyFunding", "=FundingFloor", 'IF(B{R}<C{R},"Below the floor: review","OK")', "usd"],
      ["Margin utilisation", "=MarginUse", "=MarginLimit", 'IF(B{R}>C{R},"Add equity or reduce","OK")', "pct"],
      ["Liquidation buffer", "=MinBuffer", "=BufferLimit", 'IF(B{R}<C{R},"Too close: add margin","OK")', "pct"],
      ["Basis change since entry", "=BasisNow-BasisEntry", "=BasisAlert", 'IF(ABS(B{R})>C{R},"Basis moved: review","OK")', "pct"],
    ];
    checks.forEach(([label, now, limit, status, format], i) => {
      const r = mt + 1 + i;
      const R = r + 1;
      b.set(r, 0, { value: label, style: "label" });
      b.set(r, 1, { formula: now, format, style: "metric" });
      b.set(r, 2, { formula: limit, format });
      b.set(r, 3, { formula: `=${status.replace(/\{R\}/g, String(R))}` });
    });
    b.alert(rangeRef({ row: mt + 1, col: 3 }, { row: mt + checks.length, col: 3 }), `D${mt + 2}<>"OK"`);
    b.row = mt + checks.length + 2;

    // Scenario: every asset moves by the same %, P&L exact for linear and inverse legs; funding
    // accrues at today's daily amount across the columns.
    b.section("Scenario grid");
    b.note("Book P&L if every asset moves by the % on the left, plus funding at today's rate for the days across.");
    const gh = b.row;
    const days = [0, 1, 7, 30, 90];
    b.headers(gh, 0, ["Price move", "Book P&L"]);
    b.set(gh - 1, 2, { value: "Days held →", style: "header" });
    days.forEach((d, j) => b.set(gh, 2 + j, { value: d, style: "input", format: "int" }));
    const t = tableName;
    PRICE_MOVES.forEach((move, i) => {
      const r = gh + 1 + i;
      const R = r + 1;
      b.set(r, 0, { value: move, style: "input", format: "pct" });
      b.set(r, 1, {
        formula:
          `=(1+A${R})*SUMPRODUCT(${t}[Linear size],${t}[Mark])-SUMPRODUCT(${t}[Linear size],${t}[Entry])` +
          `+(1+A${R})*SUMPRODUCT(${t}[Inverse USD],${t}[Mark over entry])-SUM(${t}[Inverse USD])`,
        format: "usd",
      });
      days.forEach((_, j) =>
        b.set(r, 2 + j, { formula: `=${colFixed(r, 1)}+DailyFunding*${rowFixed(gh, 2 + j)}`, format: "usd" }),
      );
    });
    const last = gh + PRICE_MOVES.length;
    b.signColours(rangeRef({ row: gh + 1, col: 1 }, { row: last, col: 2 + days.length - 1 }));
    b.chart({
      title: "Book P&L against the price move",
      xRef: rangeRef({ row: gh + 1, col: 0 }, { row: last, col: 0 }),
      series: [{ name: "Book P&L", ref: rangeRef({ row: gh + 1, col: 1 }, { row: last, col: 1 }) }],
      anchor: "J4",
      width: 8,
      height: 18,
    });
    b.row = last + 2;
    return b.build();
  },
};
