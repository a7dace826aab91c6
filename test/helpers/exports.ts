/** The exchange-export fixtures (test/fixtures/exports, sources in its SOURCES.md) and the reader's two outcomes. */
import * as fs from "fs";
import * as path from "path";
import { ReadResult } from "../../src/import/read-export";
import { ParsedExport } from "../../src/import/types";

export const EXPORTS_DIR = path.resolve(__dirname, "../fixtures/exports");

/** A fixture's text, by its path under test/fixtures/exports. */
export const exportFile = (name: string): string => fs.readFileSync(path.join(EXPORTS_DIR, name), "utf8");

/** The file was read: its result (else the test fails with the refusal). */
export function parsed(r: ReadResult): ParsedExport {
  if ("refused" in r) throw new Error(`refused: ${r.refused}`);
  return r;
}

/** The file was refused: why. */
export function refused(r: ReadResult): string {
  if (!("refused" in r)) throw new Error(`expected a refusal, got ${r.formatId}`);
  return r.refused;
}

/**
 * The file as a spreadsheet in a German locale saves it: ';' between cells, decimal commas in
 * number cells, cells with letters (fees with their asset) kept as text, dates in the locale's
 * order to the minute, integers of more than 11 digits rounded to 6 significant digits in
 * exponent form (Excel's General format), CRLF.
 */
export function resavedInGermany(csv: string): string {
  const [header, ...rows] = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const cell = (c: string): string => {
    const date =
      /^(\d{2})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2}$/.exec(c) ?? /^\d{2}(\d{2})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2}$/.exec(c);
    if (date) return `${date[3]}.${date[2]}.20${date[1]} ${date[4]}:${date[5]}`;
    if (/^\d{12,}$/.test(c)) return Number(c).toExponential(5).replace(".", ",").replace("e+", "E+");
    if (/^-?\d+\.\d+$/.test(c)) return c.replace(".", ",");
    return c;
  };
  return [header.replace(/,/g, ";"), ...rows.map((r) => r.split(",").map(cell).join(";"))].join("\r\n") + "\r\n";
}

/**
 * Real Hyperliquid rows (GitHub amauryleproux/funding-farmer, trade_history.csv, commit 2e387d25,
 * lines 31–42: its BTC rows and an ETH one), in a file that starts where an export of a later
 * period would: at two Close Long fills of a BTC long opened before it.
 */
export const HYPERLIQUID_MID_POSITION = [
  "time,coin,dir,px,sz,ntl,fee,closedPnl",
  "08/02/2026 15:06:00,BTC,Close Long,71396,0.00028,19.990879999999997,0.002878,-0.0031579999999999998",
  "08/02/2026 15:07:34,BTC,Close Long,71381,0.00028,19.98668,0.002878,-0.007358",
  "08/02/2026 15:08:21,ETH,Open Long,2124,0.0094,19.965600000000002,0.002875,-0.002875",
  "08/02/2026 15:09:00,BTC,Open Long,71354,0.00028,19.979119999999998,0.002876,-0.002876",
  "08/02/2026 15:09:00,BTC,Open Long,71340,0.00028,19.975199999999997,0.002876,-0.002876",
  "08/02/2026 15:10:20,BTC,Close Long,71303,0.00028,19.96484,0.002874,-0.015194",
].join("\n");
