/**
 * Every LEGS function in host-neutral form: its name, its parameters, which of them broadcast
 * into a spilled result, and the implementation taking raw cell values. Excel's entry points
 * (functions.ts) are written out by hand because the metadata generator needs named top-level
 * functions; other hosts (the HyperFormula preview) register from this list.
 */
import { avgEntry } from "./avgentry";
import { basisApy } from "./basisapy";
import { constantMaturity } from "./constantmaturity";
import { forwardApy } from "./forwardapy";
import { fundingPnl } from "./fundingpnl";
import { fundingYield } from "./fundingyield";
import { hedgePnl } from "./hedgepnl";
import { liqPrice } from "./liqprice";
import { netDelta } from "./netdelta";
import { hasOptionColumns } from "./option-columns";
import { netDeltaOf } from "./option-legs";
import { impliedVolOf, optionDeltaOf, optionGreeksOf, optionPriceOf } from "./options";
import { rebalanceOf } from "./rebalance";
import { hedgeStatsOf, HEDGE_STATS_LABELS } from "./hedgestats";
import { positionPnl } from "./positionpnl";
import { bookDeltaOf, bookPnlOf } from "./book-views";
import { ledgerOf } from "./ledger";
import { realizedPnlOf } from "./realizedpnl";
import { missing } from "../core/errors";
import { Answer } from "./spill";

/**
 * Live numbers for hosts whose functions must answer synchronously (HyperFormula): the host
 * fetches them first (the preview, through the relay) and answers from what it fetched. Without
 * one, a live function says it needs Excel.
 */
export interface LiveValues {
  read(name: string, args: readonly unknown[]): Answer;
}

let liveValues: LiveValues = { read: () => missing("live exchange data is only available in Excel (not in the preview)") };

export function useLiveValues(source: LiveValues): void {
  liveValues = source;
}

const live = (name: string) => (args: readonly unknown[]) => liveValues.read(name, args);

/**
 * The clock the functions that read one use (NETDELTA's option legs count days to Expiry from
 * it): the real one, unless the host pins it (the preview's `?now=`, the tests).
 */
let clock: () => number = () => Date.now();

export function useClock(now: () => number): void {
  clock = now;
}

export interface LegsFunction {
  name: string;
  /** Parameter names, required first. */
  parameters: readonly string[];
  required: number;
  /** Indexes of the parameters that broadcast into a spilled result; empty for a single number. */
  spills: readonly number[];
  /** Indexes of the parameters that take a range as a whole (a table, a history). */
  ranges: readonly number[];
  /**
   * For a result whose size depends on the data (LEDGER): the most rows and columns it can have,
   * from the rows of its range arguments. Hosts that must know a spill's size before computing it
   * (HyperFormula) reserve that much and pad the answer with "".
   */
  largest?: (
    rows: readonly number[],
    cols: readonly number[],
    /** Arguments given as number literals in the formula (others undefined). */
    literals: readonly (number | undefined)[],
  ) => { rows: number; cols: number };
  run(args: readonly unknown[]): Answer;
}

/** Data rows of the range arguments (header rows excluded). */
const dataRows = (rows: readonly number[], ...at: number[]) => at.reduce((n, i) => n + Math.max((rows[i] ?? 1) - 1, 0), 0);

/** OPTIONGREEKS' spill: a row of five per option down a column, or a column of five per option across a row. */
function greeksLargest(rows: readonly number[], cols: readonly number[]): { rows: number; cols: number } {
  const r = Math.max(...rows);
  const c = Math.max(...cols);
  return r === 1 && c > 1 ? { rows: 5, cols: c } : { rows: r, cols: 5 };
}

const OPTION_PARAMETERS = ["type", "forward", "strike", "days", "vol", "rate", "settlement"];

export const LEGS_FUNCTIONS: readonly LegsFunction[] = [
  {
    name: "NETDELTA",
    parameters: ["legs", "price", "asset"],
    required: 1,
    spills: [],
    ranges: [0],
    // As Excel's NETDELTA: a table with a Strike or Vol column goes to the option reader.
    run: (a) => (hasOptionColumns(a[0]) ? netDeltaOf(a[0], a[1], a[2], clock()) : netDelta(a[0], a[1], a[2])),
  },
  {
    name: "BASISAPY",
    parameters: ["spot", "future", "days", "compounding", "days_in_year"],
    required: 3,
    spills: [0, 1, 2],
    ranges: [],
    run: (a) => basisApy(a[0], a[1], a[2], a[3], a[4]),
  },
  {
    name: "FORWARDAPY",
    parameters: ["days1", "apy1", "days2", "apy2", "compounding"],
    required: 4,
    spills: [0, 1, 2, 3],
    ranges: [],
    run: (a) => forwardApy(a[0], a[1], a[2], a[3], a[4]),
  },
  {
    name: "CONSTANTMATURITY",
    parameters: ["days", "apys", "target_days", "compounding"],
    required: 3,
    spills: [2],
    ranges: [0, 1],
    run: (a) => constantMaturity(a[0], a[1], a[2], a[3]),
  },
  {
    name: "FUNDINGYIELD",
    parameters: ["rate", "interval_hours", "horizon_days", "compounding"],
    required: 1,
    spills: [1, 2],
    ranges: [0],
    run: (a) => fundingYield(a[0], a[1], a[2], a[3]),
  },
  {
    name: "HEDGEPNL",
    parameters: ["spot_qty", "hedge_qty", "entry_price", "exit_price", "funding_rate", "funding_periods", "fee_rate"],
    required: 4,
    spills: [0, 1, 2, 3, 4, 5, 6],
    ranges: [],
    run: (a) => hedgePnl(a[0], a[1], a[2], a[3], a[4], a[5], a[6]),
  },
  {
    name: "POSITIONPNL",
    parameters: ["side", "quantity", "entry_price", "exit_price", "contract_type", "contract_size"],
    required: 4,
    spills: [1, 2, 3, 5],
    ranges: [],
    run: (a) => positionPnl(a[0], a[1], a[2], a[3], a[4], a[5]),
  },
  {
    name: "AVGENTRY",
    parameters: ["quantities", "prices", "contract_type"],
    required: 2,
    spills: [],
    ranges: [0, 1],
    run: (a) => avgEntry(a[0], a[1], a[2]),
  },
  {
    name: "LIQPRICE",
    parameters: ["side", "entry_price", "quantity", "margin", "maint_rate", "maint_amount", "contract_type", "maint_basis"],
    required: 5,
    spills: [1, 2, 3, 4, 5],
    ranges: [],
    run: (a) => liqPrice(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]),
  },
  {
    name: "FUNDINGPNL",
    parameters: ["side", "quantity", "price", "rate", "contract_type", "contract_size"],
    required: 4,
    spills: [],
    ranges: [2, 3],
    run: (a) => fundingPnl(a[0], a[1], a[2], a[3], a[4], a[5]),
  },
  {
    name: "REALIZEDPNL",
    parameters: [
      "sides",
      "quantities",
      "prices",
      "method",
      "contract_type",
      "contract_size",
      "opening_position",
      "opening_entry",
    ],
    required: 3,
    // One answer per fill: the result has the fills' shape.
    spills: [0, 1, 2],
    ranges: [0, 1, 2],
    run: (a) => realizedPnlOf(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]),
  },
  {
    name: "LEDGER",
    parameters: ["fills", "funding", "marks", "method", "closed"],
    required: 1,
    spills: [],
    ranges: [0, 1, 2, 4],
    // A header, then at most a position, a strategy total and a currency total per row.
    largest: (rows) => ({ rows: 1 + 3 * Math.max(dataRows(rows, 0, 1, 4), 1), cols: 12 }),
    run: (a) => ledgerOf(a[0], a[1], a[2], a[3], a[4]),
  },
  {
    name: "BOOKDELTA",
    parameters: ["fills", "marks", "method"],
    required: 1,
    spills: [],
    ranges: [0, 1],
    largest: (rows) => ({ rows: 1 + Math.max(dataRows(rows, 0), 1), cols: 3 }),
    run: (a) => bookDeltaOf(a[0], a[1], a[2]),
  },
  {
    name: "BOOKPNL",
    parameters: ["fills", "funding", "currency", "method"],
    required: 1,
    spills: [],
    ranges: [0, 1],
    largest: (rows) => ({ rows: 1 + Math.max(dataRows(rows, 0, 1), 1), cols: 5 }),
    run: (a) => bookPnlOf(a[0], a[1], a[2], a[3]),
  },
  ...[
    { name: "OPTIONPRICE", run: optionPriceOf },
    { name: "OPTIONDELTA", run: optionDeltaOf },
    { name: "OPTIONGREEKS", run: optionGreeksOf },
  ].map(({ name, run }) => ({
    name,
    parameters: OPTION_PARAMETERS,
    required: 5,
    spills: [0, 1, 2, 3, 4, 5, 6],
    ranges: [],
    // OPTIONGREEKS: five numbers per option (a column of options: a row each; a row: a column each).
    ...(name === "OPTIONGREEKS" ? { largest: greeksLargest } : {}),
    run: (a: readonly unknown[]) => run(a[0], a[1], a[2], a[3], a[4], a[5], a[6]),
  })),
  {
    name: "IMPLIEDVOL",
    parameters: ["type", "forward", "strike", "days", "price", "rate", "settlement"],
    required: 5,
    spills: [0, 1, 2, 3, 4, 5, 6],
    ranges: [],
    run: (a) => impliedVolOf(a[0], a[1], a[2], a[3], a[4], a[5], a[6]),
  },
  {
    name: "REBALANCE",
    parameters: ["prices", "spot_qty", "hedge", "band", "mode", "fee_rate", "times"],
    required: 4,
    spills: [],
    ranges: [0, 2, 6],
    // A header, a row per price, and the row without rebalancing.
    largest: (rows, cols) => ({ rows: 2 + rows[0] * cols[0], cols: 6 }),
    run: (a) => rebalanceOf(a[0], a[1], a[2], a[3], a[4], a[5], a[6]),
  },
  {
    name: "HEDGESTATS",
    parameters: ["spot_prices", "hedge_prices", "returns"],
    required: 2,
    spills: [],
    ranges: [0, 1],
    largest: () => ({ rows: HEDGE_STATS_LABELS.length, cols: 2 }),
    run: (a) => hedgeStatsOf(a[0], a[1], a[2]),
  },
  { name: "FUNDINGRATE", parameters: ["symbol", "exchange"], required: 1, spills: [], ranges: [], run: live("FUNDINGRATE") },
  { name: "MARKPRICE", parameters: ["symbol", "exchange"], required: 1, spills: [], ranges: [], run: live("MARKPRICE") },
  { name: "INDEXPRICE", parameters: ["symbol", "exchange"], required: 1, spills: [], ranges: [], run: live("INDEXPRICE") },
  {
    name: "FUNDINGINTERVAL",
    parameters: ["symbol", "exchange"],
    required: 1,
    spills: [],
    ranges: [],
    run: live("FUNDINGINTERVAL"),
  },
  {
    name: "FUNDINGHISTORY",
    parameters: ["symbol", "exchange", "days"],
    required: 1,
    spills: [],
    ranges: [],
    // A row per funding event: at most one an hour (Hyperliquid; Binance's 1-hour symbols) over
    // the days given (30 when omitted or not a literal).
    largest: (_rows, _cols, literals) => {
      const days = Math.min(Math.max(literals[2] ?? 30, 0), 1095);
      return { rows: Math.ceil(days * 24) + 1, cols: 2 };
    },
    run: live("FUNDINGHISTORY"),
  },
  {
    name: "FUTURES",
    parameters: ["asset", "exchange", "margin"],
    required: 1,
    spills: [],
    ranges: [],
    // A header and a row per dated future (Binance lists about 4 per asset, Deribit 6, OKX 8): room for 16.
    largest: () => ({ rows: 17, cols: 8 }),
    run: live("FUTURES"),
  },
  {
    name: "FUNDINGBOARD",
    parameters: ["symbols", "exchanges", "horizon"],
    required: 1,
    spills: [],
    ranges: [0, 1],
    // A header and a row per symbol cell. Columns: Symbol, one per venue, then four. A range of
    // venues has one a cell; a single cell may list several, so it gets room for all five.
    largest: (rows, cols) => {
      const venues = (rows[1] ?? 1) * (cols[1] ?? 1);
      return { rows: 1 + rows[0] * cols[0], cols: 5 + (venues > 1 ? Math.min(venues, 5) : 5) };
    },
    run: live("FUNDINGBOARD"),
  },
];
