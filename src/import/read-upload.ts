/**
 * A file the trader chose, as bytes → one summary per export in it: a CSV (in UTF-8, UTF-16 or
 * Windows-1252, see decode.ts), or a ZIP archive of CSVs (read-archive.ts), each summarised as
 * "archive.zip › file.csv" so every row's file is known. Pure: the taskpane, the preview and the
 * tests use it alike.
 */
import { decodeExport } from "./decode";
import { readExport } from "./read-export";
import { csvFilesInZip, isZip } from "./read-archive";
import { FileSummary, summarise } from "./summary";
import { ImportOptions } from "./types";

export type ReadSettings = Pick<ImportOptions, "utcOffsetMinutes" | "dateOrder">;

export function readUpload(fileName: string, bytes: Uint8Array, settings: ReadSettings): FileSummary[] {
  if (!isZip(bytes)) return [readText(fileName, fileName, bytes, settings)];
  const archive = csvFilesInZip(bytes);
  if ("refused" in archive) return [summarise(fileName, archive)];
  // The name inside is the export's own (Binance states the time zone there).
  return archive.files.map((f) => readText(`${fileName} › ${f.name}`, f.name.split("/").pop() ?? f.name, f.bytes, settings));
}

function readText(shownName: string, exportName: string, bytes: Uint8Array, settings: ReadSettings): FileSummary {
  const { text, encoding } = decodeExport(bytes);
  const result = readExport(text, { ...settings, fileName: exportName });
  if (encoding && !("refused" in result))
    result.notes.push(`text in ${encoding} (a spreadsheet saved the file again), not UTF-8`);
  return summarise(shownName, result);
}
