/**
 * Exports traders have that are not the ones Legwork reads, recognised by their header so the
 * refusal names the export to take instead ("this is Bybit's Closed P&L; for fills take …").
 * One entry per export, each with the header cells that tell it and where its header was seen
 * (test/fixtures/exports/SOURCES.md lists the public files).
 */
import { hasColumns } from "./format";

export interface OtherExport {
  /** What the file is, as the exchange names it. */
  name: string;
  /** Header cells that tell it (all present). */
  columns: readonly string[];
  /** What it holds and which export to take instead. */
  instead: string;
}

const BYBIT_FILLS =
  "for fills and funding take Assets › Unified Trading Account › Transaction Log (Export), or the classic account's Derivatives transaction log";
const BINANCE_FILLS =
  "for fills take Orders › Futures › Trade History (Export), for funding Wallet › Futures › Transaction History (Export)";

export const OTHER_EXPORTS: readonly OtherExport[] = [
  {
    name: "Bybit's All Perp Closed PnL",
    columns: ["Market", "Order Quantity", "Entry Price", "Exit Price", "Opening Fee", "Closing Fee", "Funding Fee"],
    instead: `it lists closed positions, without sides or order ids, not the fills; ${BYBIT_FILLS}`,
  },
  {
    name: "Bybit's derivatives Trade History",
    columns: ["Contracts", "Order No", "Leverage", "Direction", "Filled Type", "Filled Qty", "Filled Price"],
    instead: BYBIT_FILLS,
  },
  {
    name: "Bybit's Spot Order History",
    columns: ["Spot Pairs", "Order Type", "Direction", "Filled Value", "Filled Price", "Filled Quantity"],
    instead: `spot orders; for spot fills and the derivatives together ${BYBIT_FILLS.replace(/^for fills and funding /, "")}`,
  },
  {
    name: "Binance's Futures Order History",
    columns: ["Order No", "Symbol", "Type", "Side", "Average Price", "Executed Amount", "Status"],
    instead: `it lists orders (their fees and realized profit are not in it); ${BINANCE_FILLS}`,
  },
  {
    name: "Binance's account statement",
    columns: ["User_ID", "UTC_Time", "Account", "Operation", "Coin", "Change"],
    instead: `balance changes without prices; ${BINANCE_FILLS}`,
  },
  {
    name: "Binance's Spot Trade History",
    columns: ["Date(UTC)", "Pair", "Side", "Price", "Executed", "Amount", "Fee"],
    instead: `Legwork does not read Binance's spot history yet; ${BINANCE_FILLS}`,
  },
];

/** The export a header belongs to, among those Legwork does not read; null for any other header. */
export function otherExport(header: readonly string[]): OtherExport | null {
  return OTHER_EXPORTS.find((o) => hasColumns(header, o.columns)) ?? null;
}
