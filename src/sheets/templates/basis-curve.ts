/**
 * Basis curve: the live term structure of one asset on one venue (LEGS.FUTURES), the yield each
 * expiry locks in (simple and compound), the forward between consecutive expiries (what rolling
 * from one to the next earns, LEGS.FORWARDAPY), the 30- and 90-day constant-maturity basis
 * (LEGS.CONSTANTMATURITY, Coin Metrics' method) and a roll reminder per expiry. The background
 * article's monitoring routine: "Basis: has basis changed significantly?" and "Calendar all
 * expirations. Set reminders for rolling or closing".
 */
import { cellRef, rangeRef } from "../a1";
import { SheetBuilder } from "../builder";
import { InputSpec } from "../inputs";
import { assetInput, rollDaysInput } from "./common-inputs";
import { Template } from "./template";

/** LEGS.FUTURES' reserved area: a header and 16 contracts (Deribit lists about 6, OKX 8), 8 columns. */
export const CURVE_ROWS = 16;
const FUTURES_COLS = 8;

const horizonInput = (id: string, label: string, dflt: number): InputSpec => ({
  id,
  label,
  kind: "number",
  default: dflt,
  min: 0,
  exclusive: true,
  max: 3650,
  help: "Constant-maturity horizon in days: interpolated between the expiries either side (#N/A beyond the last)",
  format: "int",
});

const INPUTS: InputSpec[] = [
  assetInput("BTC"),
  {
    id: "Venue",
    label: "Exchange",
    kind: "choice",
    default: "deribit",
    choices: ["deribit", "binance", "okx", "bybit"],
    help: "Whose dated futures: deribit (BTC-26DEC26), binance (USDⓈ-M and COIN-M quarterlies), okx, bybit",
  },
  {
    id: "Margin",
    label: "Margin",
    kind: "choice",
    default: "inverse",
    choices: ["inverse", "linear"],
    help: "One family makes one curve: inverse (coin-margined: BTC-26DEC26, BTCUSD_261225) or linear (USDT-margined)",
  },
  horizonInput("CmNearDays", "Constant maturity 1 (days)", 30),
  horizonInput("CmFarDays", "Constant maturity 2 (days)", 90),
  rollDaysInput("Each expiry's row turns red this many days before it settles"),
];

export const basisCurve: Template = {
  id: "basis-curve",
  name: "Basis curve",
  kind: "board",
  description: "Live dated futures of one asset: yield per expiry, roll yield between expiries, constant-maturity basis.",
  inputs: INPUTS,
  guide: [
    {
      metric: "APY (simple)",
      meaning: "Basis % × 365 ÷ days: what selling that future against spot locks in, as a yearly rate.",
    },
    { metric: "APY (compound)", meaning: "The same basis rolled at the same rate all year: (1 + basis %)^(365/days) − 1." },
    {
      metric: "Forward to next",
      meaning: "What rolling from this expiry into the next locks in for the days between them: (B₂T₂ − B₁T₁) ÷ (T₂ − T₁).",
    },
    {
      metric: "Constant maturity",
      meaning: "The APY at a fixed horizon, interpolated between the expiries either side (Coin Metrics' method).",
    },
    { metric: "Roll by", meaning: "Expiry minus the reminder days: roll into a later future or close both legs by then." },
  ],
  build(values) {
    const b = new SheetBuilder("basis-curve", "Basis curve");
    b.title(
      "Basis curve: the yield of each expiry, and what rolling earns",
      "Live from the exchange (LEGS.FUTURES): each future's basis over the index, annualised, and the forward between expiries.",
    );
    b.inputs(INPUTS, values);

    // The term structure's place is fixed below the metrics; the metrics refer to its columns.
    const metricRows = 6;
    // Section heading, the metrics, a blank row, the next heading.
    const top = b.row + 1 + metricRows + 1 + 1;
    const first = top + 1;
    const last = top + CURVE_ROWS;
    const col = (c: number, r1 = first, r2 = last) => rangeRef({ row: r1, col: c }, { row: r2, col: c });
    const cell = (c: number, r: number) => cellRef(r, c);
    const [days, apy] = [col(2), col(7)];
    // Where LEGS.FUTURES answers: its error (venue down, nothing listed) is shown as it is.
    const anchor = cell(0, top);

    const metrics = b.metrics("Metrics", [
      {
        label: "Nearest expiry",
        formula: `=IF(${cell(0, first)}="","",${cell(0, first)})`,
        format: "int",
        note: "The first row of the term structure",
      },
      {
        label: "Constant-maturity APY, horizon 1",
        formula: `=IF(ISERROR(${anchor}),${anchor},LEGS.CONSTANTMATURITY(${days},${apy},CmNearDays))`,
        format: "pct",
        note: "Simple APY interpolated at the first horizon",
      },
      {
        label: "Constant-maturity APY, horizon 2",
        formula: `=IF(ISERROR(${anchor}),${anchor},LEGS.CONSTANTMATURITY(${days},${apy},CmFarDays))`,
        format: "pct",
        note: "A rising curve (contango) pays more for locking in longer",
      },
      {
        label: "Roll yield, horizon 1 → 2",
        formula: `=IF(ISERROR(${anchor}),${anchor},LEGS.FORWARDAPY(CmNearDays,LEGS.CONSTANTMATURITY(${days},${apy},CmNearDays),CmFarDays,LEGS.CONSTANTMATURITY(${days},${apy},CmFarDays)))`,
        format: "pct",
        note: "The yield between the two horizons: what holding the longer one adds",
      },
      {
        label: "Roll reminder",
        formula: `=IF(${cell(0, first)}="","",IF(${cell(2, first)}<=RollDays,"Roll or close "&${cell(0, first)}&" now: it expires in "&ROUND(${cell(2, first)},1)&" days",${cell(0, first)}&" expires in "&ROUND(${cell(2, first)},1)&" days: roll "&RollDays&" days before"))`,
        format: "int",
        note: "Background article: calendar all expirations, set reminders for rolling or closing",
        style: "warning",
      },
      {
        label: "Contracts listed",
        formula: `=COUNT(${days})`,
        format: "int",
        note: "Expired contracts drop off by themselves",
      },
    ]);
    b.alert(metrics["Roll reminder"], `AND(ISNUMBER(${cell(2, first)}),${cell(2, first)}<=RollDays)`);

    if (b.row !== top - 1) throw new Error("basis curve: the metrics moved; update metricRows");
    b.section("Term structure (live)");
    b.spill(top, 0, "=LEGS.FUTURES(Asset,Venue,Margin)", 1 + CURVE_ROWS, FUTURES_COLS, "price");
    const formats = ["price", "date", "number", "price", "price", "usd", "pct", "pct"] as const;
    for (let r = first; r <= last; r++) formats.forEach((f, c) => c > 0 && b.set(r, c, { format: f }));
    b.headers(top, FUTURES_COLS + 1, ["APY (compound)", "Forward to next", "Roll by", "Roll reminder"]);
    for (let r = first; r <= last; r++) {
      const [A, B, C, D, E, H] = [0, 1, 2, 3, 4, 7].map((c) => cell(c, r));
      const [Anext, Cnext, Hnext] = [0, 2, 7].map((c) => cell(c, r + 1));
      const blank = `${A}=""`;
      b.set(r, FUTURES_COLS + 1, { formula: `=IF(${blank},"",LEGS.BASISAPY(${E},${D},${C},"compound"))`, format: "pct" });
      b.set(r, FUTURES_COLS + 2, {
        formula: `=IF(OR(${blank},${Anext}=""),"",LEGS.FORWARDAPY(${C},${H},${Cnext},${Hnext}))`,
        format: "pct",
      });
      b.set(r, FUTURES_COLS + 3, { formula: `=IF(${blank},"",${B}-RollDays)`, format: "date" });
      b.set(r, FUTURES_COLS + 4, {
        formula: `=IF(${blank},"",IF(${C}<=RollDays,"Roll or close now","Roll in "&ROUNDDOWN(${C}-RollDays,0)&" days"))`,
        format: "int",
      });
    }
    b.alert(col(FUTURES_COLS + 4), `AND(ISNUMBER(${cell(2, first)}),${cell(2, first)}<=RollDays)`);
    b.signColours(rangeRef({ row: first, col: 7 }, { row: last, col: FUTURES_COLS + 2 }));
    b.row = last + 2;
    b.note(
      "Days are to the exchange's settlement time (Deribit, OKX, Bybit 08:00 UTC), from now; the APY is simple, on 365 days, as BASISAPY. " +
        "Forward to next is the yield between an expiry and the next one: rolling earns it, holding the near one to expiry does not.",
    );

    b.chart({
      title: "APY against days to expiry",
      xRef: days,
      series: [
        { name: "APY (simple)", ref: apy },
        { name: "APY (compound)", ref: col(FUTURES_COLS + 1) },
      ],
      anchor: cell(0, last + 4),
      width: 8,
      height: 16,
    });
    return b.build();
  },
};
