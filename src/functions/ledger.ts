/**
 * LEGS.LEDGER(fills, [funding], [marks], [method], [closed]): the Book's Fills and Funding tables
 * (header row; columns found by name, in any order, as NETDELTA finds its columns) and optional
 * marks → a spilled table: Strategy, Exchange, Symbol, Currency, Position, Avg entry, Realized,
 * Fees, Funding, Unrealized, Total; one row per position, then a Total row per strategy and
 * currency, then one per currency. Given the Book's Closed P&L table (the exchange's own closed
 * positions, net of fees and funding), a twelfth column, Exchange closed P&L, shows the
 * exchange's figure beside the ones computed from the fills (it is not added to Total). Any unreadable row makes the whole answer one #VALUE! naming it.
 */
import { ContractType, Side } from "../core/contracts";
import { Dec, Num, toDec } from "../core/decimal";
import { symbolParts } from "../core/symbol-parts";
import { DomainError, invalid, isDomainError, Result } from "../core/errors";
import { LedgerClosed, LedgerFill, LedgerFills, LedgerFunding, LedgerLine, LedgerMark, ledger } from "../core/ledger";
import { COST_METHODS } from "../core/realized";
import { cellNum, describe, Grid, isBlank, optionalChoice, readSide, toGrid } from "./cells";
import { Answer, finish } from "./spill";

const norm = (h: unknown) => (typeof h === "string" ? h.toLowerCase().replace(/[\s_\-.()]/g, "") : "");

/** Column index by any of the names (normalised), or -1. */
function column(header: readonly unknown[], ...names: string[]): number {
  return header.findIndex((h) => names.includes(norm(h)));
}

/** Quote currency of a linear symbol (BTCUSDT → USDT, BTC-USDT-SWAP → USDT); Hyperliquid's coins settle in USDC. */
function currencyOf(
  exchange: string,
  symbol: string,
  type: ContractType,
  asset: string,
  parts: (symbol: string) => { base: string; quote: string | null } = symbolParts,
): string {
  const { base, quote } = parts(symbol);
  if (type === "inverse") return asset || base;
  return quote ?? (exchange.toLowerCase() === "hyperliquid" ? "USDC" : "USD");
}

/** An Excel date serial or ISO text → ms UTC. */
function timeOf(where: string, v: unknown): Result<number | null> {
  if (isBlank(v)) return null;
  if (typeof v === "number" && Number.isFinite(v)) return Math.round((v - 25569) * 86400000);
  if (typeof v === "string" && !Number.isNaN(Date.parse(v)))
    return Date.parse(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(" ", "T")}Z`);
  return invalid(`${where} must be a date (got ${describe(v)})`);
}

const text = (v: unknown) => (isBlank(v) ? "" : String(v).trim());

/** A row's cell in column k, or undefined when the table has no such column. */
const cellAt = (r: readonly unknown[], k: number): unknown => (k >= 0 ? r[k] : undefined);

/** Where fills row i (0: the first under the header) is, for a message: worked out only for one. */
const fillsRow = (i: number) => `fills row ${i + 2}`;

/** A fills cell's number as it holds it (a finite double as is; numeric text as an exact decimal), as cellNum reads it. */
const fillsNum = (i: number, title: string, v: unknown): Result<Num> =>
  typeof v === "number" && Number.isFinite(v) ? v : cellNum(`${fillsRow(i)} ${title}`, v);

/** buy / sell as typed (the common case), else readSide's full reading. */
const fillsSide = (i: number, v: unknown): Result<Side | null> =>
  v === "buy" ? 1 : v === "sell" ? -1 : readSide(`${fillsRow(i)} Side`, v);

export function readFills(grid: Grid): Result<LedgerFill[]> {
  const fills: LedgerFill[] = [];
  const problem = eachFill(grid, (f) => fills.push({ ...f }));
  return problem ?? fills;
}

/**
 * Each fill of the Fills table, checked, in table order, to `take` — one object, filled again
 * for every row (a table of a hundred thousand fills makes no object per fill): copy what you
 * keep. Returns the first unreadable row's error, or null.
 */
function eachFill(grid: Grid, take: (f: LedgerFill) => void): DomainError | null {
  const header = grid[0];
  const at = {
    time: column(header, "timeutc", "time", "date"),
    exchange: column(header, "exchange", "venue"),
    symbol: column(header, "symbol"),
    asset: column(header, "asset"),
    type: column(header, "contracttype"),
    size: column(header, "contractsize"),
    side: column(header, "side"),
    quantity: column(header, "quantity", "qty"),
    price: column(header, "price"),
    fee: column(header, "fee"),
    feeAsset: column(header, "feeasset"),
    strategy: column(header, "strategy"),
  };
  for (const [field, title] of [
    ["exchange", "Exchange"],
    ["symbol", "Symbol"],
    ["side", "Side"],
    ["quantity", "Quantity"],
    ["price", "Price"],
  ] as const) {
    if (at[field] < 0)
      return invalid(
        `fills has no ${title} column: give the Fills table with its header row (Time UTC, Exchange, Symbol, Side, Quantity, Price, …)`,
      );
  }
  // A symbol's parts, worked out once per symbol (a book has few symbols and many fills).
  const partsSeen = new Map<string, { base: string; quote: string | null }>();
  const parts = (symbol: string) => {
    let found = partsSeen.get(symbol);
    if (!found) partsSeen.set(symbol, (found = symbolParts(symbol)));
    return found;
  };
  const f: LedgerFill = {
    strategy: "",
    exchange: "",
    symbol: "",
    currency: "",
    time: null,
    side: 1,
    quantity: 0,
    price: 0,
    contractType: "linear",
    contractSize: 1,
    fee: 0,
    feeAsset: "",
  };
  for (let i = 0; i < grid.length - 1; i++) {
    const r = grid[i + 1];
    const sideCell = r[at.side];
    const quantityCell = r[at.quantity];
    const priceCell = r[at.price];
    if (isBlank(sideCell) && isBlank(quantityCell) && isBlank(priceCell) && isBlank(r[at.symbol])) continue;
    // The messages name the row only when there is something to say (no text built per fill).
    const side = fillsSide(i, sideCell);
    if (isDomainError(side)) return side;
    if (side === null) return invalid(`${fillsRow(i)} has no Side: give buy or sell`);
    const quantity = fillsNum(i, "Quantity", quantityCell);
    if (isDomainError(quantity)) return quantity;
    const price = fillsNum(i, "Price", priceCell);
    if (isDomainError(price)) return price;
    if (typeof quantity === "number" ? quantity < 0 : quantity.isNegative())
      return invalid(`${fillsRow(i)} Quantity must be 0 or more (got ${toDec(quantity).toString()}): Side says the direction`);
    if (!(typeof price === "number" ? price > 0 : price.gt(0)))
      return invalid(`${fillsRow(i)} Price must be greater than 0 (got ${toDec(price).toString()})`);
    const typeCell = cellAt(r, at.type);
    const typeText = typeCell === undefined ? "linear" : text(typeCell).toLowerCase() || "linear";
    if (typeText !== "linear" && typeText !== "inverse")
      return invalid(`${fillsRow(i)} Contract type must be linear or inverse (got ${describe(typeCell)})`);
    const type = typeText as ContractType;
    const sizeCell = cellAt(r, at.size);
    const size = isBlank(sizeCell) ? 1 : fillsNum(i, "Contract size", sizeCell);
    if (isDomainError(size)) return size;
    if (!(typeof size === "number" ? size > 0 : size.gt(0)))
      return invalid(`${fillsRow(i)} Contract size must be greater than 0`);
    const feeCell = cellAt(r, at.fee);
    const fee = isBlank(feeCell) ? 0 : fillsNum(i, "Fee", feeCell);
    if (isDomainError(fee)) return fee;
    const timeCell = cellAt(r, at.time);
    const time =
      typeof timeCell === "number" && Number.isFinite(timeCell)
        ? Math.round((timeCell - 25569) * 86400000)
        : timeOf(`${fillsRow(i)} Time UTC`, timeCell);
    if (isDomainError(time)) return time;
    const exchange = text(cellAt(r, at.exchange));
    const symbol = text(cellAt(r, at.symbol));
    if (!symbol) return invalid(`${fillsRow(i)} has no Symbol`);
    f.strategy = text(cellAt(r, at.strategy));
    f.exchange = exchange;
    f.symbol = symbol;
    f.currency = currencyOf(exchange, symbol, type, text(cellAt(r, at.asset)).toUpperCase(), parts);
    f.time = time;
    f.side = side;
    f.quantity = quantity;
    f.price = price;
    f.contractType = type;
    f.contractSize = size;
    f.fee = fee;
    f.feeAsset = text(cellAt(r, at.feeAsset)).toUpperCase();
    take(f);
  }
  return null;
}

export function readFunding(grid: Grid): Result<LedgerFunding[]> {
  const [header, ...rows] = grid;
  const at = {
    time: column(header, "timeutc", "time", "date"),
    exchange: column(header, "exchange", "venue"),
    symbol: column(header, "symbol"),
    amount: column(header, "amount", "payment"),
    asset: column(header, "asset", "currency"),
    strategy: column(header, "strategy"),
  };
  for (const [field, title] of [
    ["exchange", "Exchange"],
    ["symbol", "Symbol"],
    ["amount", "Amount"],
  ] as const) {
    if (at[field] < 0)
      return invalid(
        `funding has no ${title} column: give the Funding table with its header row (Time UTC, Exchange, Symbol, Amount, Asset, …)`,
      );
  }
  const out: LedgerFunding[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const where = `funding row ${i + 2}`;
    const cell = (k: keyof typeof at) => (at[k] >= 0 ? r[at[k]] : undefined);
    if ([cell("amount"), cell("symbol")].every(isBlank)) continue;
    const amount = cellNum(`${where} Amount`, cell("amount"));
    if (isDomainError(amount)) return amount;
    const time = timeOf(`${where} Time UTC`, cell("time"));
    if (isDomainError(time)) return time;
    out.push({
      strategy: text(cell("strategy")),
      exchange: text(cell("exchange")),
      symbol: text(cell("symbol")),
      time,
      amount: toDec(amount),
      asset: text(cell("asset")).toUpperCase(),
    });
  }
  return out;
}

/** The Book's Closed P&L table (header row; Exchange, Symbol, Closed P&L, Currency, Strategy found by name). */
export function readClosed(grid: Grid): Result<LedgerClosed[]> {
  const [header, ...rows] = grid;
  const at = {
    exchange: column(header, "exchange", "venue"),
    symbol: column(header, "symbol", "contracts"),
    pnl: column(header, "closedp&l", "closedpnl"),
    currency: column(header, "currency", "asset"),
    strategy: column(header, "strategy"),
  };
  for (const [field, title] of [
    ["exchange", "Exchange"],
    ["symbol", "Symbol"],
    ["pnl", "Closed P&L"],
  ] as const) {
    if (at[field] < 0)
      return invalid(
        `closed has no ${title} column: give the Closed P&L table with its header row (Time UTC, Exchange, Symbol, …, Closed P&L, Currency, …)`,
      );
  }
  const out: LedgerClosed[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const cell = (k: keyof typeof at) => (at[k] >= 0 ? r[at[k]] : undefined);
    if ([cell("pnl"), cell("symbol")].every(isBlank)) continue;
    const pnl = cellNum(`closed row ${i + 2} Closed P&L`, cell("pnl"));
    if (isDomainError(pnl)) return pnl;
    const symbol = text(cell("symbol"));
    if (!symbol) return invalid(`closed row ${i + 2} has no Symbol`);
    const exchange = text(cell("exchange"));
    out.push({
      strategy: text(cell("strategy")),
      exchange,
      symbol,
      pnl: toDec(pnl),
      currency: text(cell("currency")).toUpperCase() || currencyOf(exchange, symbol, "linear", ""),
    });
  }
  return out;
}

/** Symbol | Mark, or Exchange | Symbol | Mark (a blank exchange: any); a header row is allowed. */
export function readMarks(grid: Grid): Result<LedgerMark[]> {
  const width = grid[0].length;
  if (width !== 2 && width !== 3)
    return invalid(`marks must be 2 columns (Symbol, Mark) or 3 (Exchange, Symbol, Mark) (got ${describe(grid)})`);
  const out: LedgerMark[] = [];
  for (let i = 0; i < grid.length; i++) {
    const r = grid[i];
    const m = r[width - 1];
    if (i === 0 && typeof m === "string" && /mark|price/i.test(m)) continue; // a header row
    if (isBlank(m) && isBlank(r[width - 2])) continue;
    const v = cellNum(`marks row ${i + 1} Mark`, m);
    if (isDomainError(v)) return v;
    if (!toDec(v).gt(0)) return invalid(`marks row ${i + 1} Mark must be greater than 0`);
    const exchange = width === 3 ? text(r[0]) : "";
    out.push({ exchange: exchange === "" ? null : exchange, symbol: text(r[width - 2]), mark: toDec(v) });
  }
  return out;
}

/** An optional range argument read as a table; omitted or blank gives none. */
export function optionalTable<T>(name: string, v: unknown, read: (g: Grid) => Result<T[]>): Result<T[]> {
  if (isBlank(v)) return [];
  const g = toGrid(name, v);
  return isDomainError(g) ? g : read(g);
}

export const LEDGER_HEADER = [
  "Strategy",
  "Exchange",
  "Symbol",
  "Currency",
  "Position",
  "Avg entry",
  "Realized",
  "Fees",
  "Funding",
  "Unrealized",
  "Total",
];

/** The column LEDGER adds when it is given the exchange's closed positions. */
export const LEDGER_CLOSED_COLUMN = "Exchange closed P&L";

export function ledgerOf(fills: unknown, funding: unknown, marks: unknown, method: unknown, closed?: unknown): Answer {
  const m = optionalChoice("method", method, COST_METHODS, "average");
  if (isDomainError(m)) return m;
  const fg = toGrid("fills", fills);
  if (isDomainError(fg)) return fg;
  const f = new LedgerFills(m, fg.length - 1);
  const problem = eachFill(fg, (fill) => f.add(fill));
  if (problem) return problem;
  const fu = optionalTable("funding", funding, readFunding);
  if (isDomainError(fu)) return fu;
  const mk = optionalTable("marks", marks, readMarks);
  if (isDomainError(mk)) return mk;
  const withClosed = !isBlank(closed) && closed !== undefined;
  const cl = optionalTable("closed", closed, readClosed);
  if (isDomainError(cl)) return cl;
  const lines = ledger(f, fu, mk, m, cl);
  const num = (d: Dec | null) => {
    if (d === null) return "";
    const x = finish(d);
    return x;
  };
  const out: (number | string | ReturnType<typeof finish>)[][] = [
    withClosed ? [...LEDGER_HEADER, LEDGER_CLOSED_COLUMN] : LEDGER_HEADER,
  ];
  for (const l of lines as LedgerLine[]) {
    out.push([
      l.strategy === "" && l.kind !== "position" ? "(no strategy)" : l.strategy,
      l.exchange,
      l.symbol,
      l.currency,
      num(l.position),
      num(l.entry),
      num(l.realized),
      num(l.fees),
      num(l.funding),
      num(l.unrealized),
      num(l.total),
      ...(withClosed ? [num(l.exchangeClosed)] : []),
    ]);
  }
  for (const row of out) for (const v of row) if (isDomainError(v)) return v;
  return out as (number | string)[][];
}
