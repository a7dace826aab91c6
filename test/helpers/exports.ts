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
