/**
 * LEGS.LEDGER(fills, [funding], [marks], [method]): the Book's Fills and Funding tables (header
 * row; columns found by name, in any order, as NETDELTA finds its columns) and optional marks →
 * a spilled table: Strategy, Exchange, Symbol, Currency, Position, Avg entry, Realized, Fees,
 * Funding, Unrealized, Total; one row per position, then a Total row per strategy and currency,
 * then one per currency. Any unreadable row makes the whole answer one #VALUE! naming it.
 */
import { ContractType } from "../core/contracts";
import { Dec, toDec } from "../core/decimal";
import { symbolParts } from "../core/symbol-parts";
import { invalid, isDomainError, Result } from "../core/errors";
import { LedgerFill, LedgerFunding, LedgerLine, LedgerMark, ledger } from "../core/ledger";
import { COST_METHODS } from "../core/realized";
import { cellNum, describe, Grid, isBlank, optionalChoice, readSide, toGrid } from "./cells";
import { Answer, finish } from "./spill";

const norm = (h: unknown) => (typeof h === "string" ? h.toLowerCase().replace(/[\s_\-.()]/g, "") : "");

/** Column index by any of the names (normalised), or -1. */
function column(header: readonly unknown[], ...names: string[]): number {
  return header.findIndex((h) => names.includes(norm(h)));
}

/** Quote currency of a linear symbol (BTCUSDT → USDT, BTC-USDT-SWAP → USDT); Hyperliquid's coins settle in USDC. */
function currencyOf(exchange: string, symbol: string, type: ContractType, asset: string): string {
  const { base, quote } = symbolParts(symbol);
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

function readFills(grid: Grid): Result<LedgerFill[]> {
  const [header, ...rows] = grid;
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
  const fills: LedgerFill[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const where = `fills row ${i + 2}`;
    const cell = (k: keyof typeof at) => (at[k] >= 0 ? r[at[k]] : undefined);
    if ([cell("side"), cell("quantity"), cell("price"), cell("symbol")].every(isBlank)) continue;
    const side = readSide(`${where} Side`, cell("side"));
    if (isDomainError(side)) return side;
    if (side === null) return invalid(`${where} has no Side: give buy or sell`);
    const quantity = cellNum(`${where} Quantity`, cell("quantity"));
    if (isDomainError(quantity)) return quantity;
    const price = cellNum(`${where} Price`, cell("price"));
    if (isDomainError(price)) return price;
    const [q, p] = [toDec(quantity), toDec(price)];
    if (q.isNegative()) return invalid(`${where} Quantity must be 0 or more (got ${q.toString()}): Side says the direction`);
    if (!p.gt(0)) return invalid(`${where} Price must be greater than 0 (got ${p.toString()})`);
    const typeText = text(cell("type")).toLowerCase() || "linear";
    if (typeText !== "linear" && typeText !== "inverse")
      return invalid(`${where} Contract type must be linear or inverse (got ${describe(cell("type"))})`);
    const type = typeText as ContractType;
    const sizeCell = cell("size");
    const size = isBlank(sizeCell) ? new Dec(1) : cellNum(`${where} Contract size`, sizeCell);
    if (isDomainError(size)) return size;
    if (!toDec(size).gt(0)) return invalid(`${where} Contract size must be greater than 0`);
    const feeCell = cell("fee");
    const fee = isBlank(feeCell) ? new Dec(0) : cellNum(`${where} Fee`, feeCell);
    if (isDomainError(fee)) return fee;
    const time = timeOf(`${where} Time UTC`, cell("time"));
    if (isDomainError(time)) return time;
    const exchange = text(cell("exchange"));
    const symbol = text(cell("symbol"));
    if (!symbol) return invalid(`${where} has no Symbol`);
    fills.push({
      strategy: text(cell("strategy")),
      exchange,
      symbol,
      currency: currencyOf(exchange, symbol, type, text(cell("asset")).toUpperCase()),
      time,
      side,
      quantity: q,
      price: p,
      contractType: type,
      contractSize: toDec(size),
      fee: toDec(fee),
      feeAsset: text(cell("feeAsset")).toUpperCase(),
    });
  }
  return fills;
}

function readFunding(grid: Grid): Result<LedgerFunding[]> {
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

/** Symbol | Mark, or Exchange | Symbol | Mark (a blank exchange: any); a header row is allowed. */
function readMarks(grid: Grid): Result<LedgerMark[]> {
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
function optionalTable<T>(name: string, v: unknown, read: (g: Grid) => Result<T[]>): Result<T[]> {
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

export function ledgerOf(fills: unknown, funding: unknown, marks: unknown, method: unknown): Answer {
  const m = optionalChoice("method", method, COST_METHODS, "average");
  if (isDomainError(m)) return m;
  const fg = toGrid("fills", fills);
  if (isDomainError(fg)) return fg;
  const f = readFills(fg);
  if (isDomainError(f)) return f;
  const fu = optionalTable("funding", funding, readFunding);
  if (isDomainError(fu)) return fu;
  const mk = optionalTable("marks", marks, readMarks);
  if (isDomainError(mk)) return mk;
  const lines = ledger(f, fu, mk, m);
  const num = (d: Dec | null) => {
    if (d === null) return "";
    const x = finish(d);
    return x;
  };
  const out: (number | string | ReturnType<typeof finish>)[][] = [LEDGER_HEADER];
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
    ]);
  }
  for (const row of out) for (const v of row) if (isDomainError(v)) return v;
  return out as (number | string)[][];
}
