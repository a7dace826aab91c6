/** A1 addresses: "C7" ↔ {row: 6, col: 2} (zero-based), ranges "A1:C3". */

export interface CellAddress {
  row: number;
  col: number;
}

export interface RangeAddress {
  start: CellAddress;
  end: CellAddress;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellRef(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

export function rangeRef(start: CellAddress, end: CellAddress, absolute = false): string {
  const a = cellRef(start.row, start.col, absolute);
  const b = cellRef(end.row, end.col, absolute);
  return a === b ? a : `${a}:${b}`;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/i;

export function parseCell(ref: string): CellAddress {
  const m = CELL.exec(ref.trim());
  if (!m) throw new Error(`not a cell address: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function parseRange(ref: string): RangeAddress {
  const [a, b] = ref.split(":");
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** "C$7": the row fixed, for a header row referenced down a grid. */
export function rowFixed(row: number, col: number): string {
  return `${columnLetters(col)}$${row + 1}`;
}

/** "$B7": the column fixed, for a price column referenced across a grid. */
export function colFixed(row: number, col: number): string {
  return `$${columnLetters(col)}${row + 1}`;
}
