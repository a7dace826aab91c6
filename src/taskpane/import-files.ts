/**
 * Browser files → summaries, for the taskpane's Import view and the preview page: the same
 * parsing code in both (src/import/read-export.ts). Files are read one after another, with a
 * pause between them, so the page keeps painting while a large export is read.
 */
import { readExport } from "../import/read-export";
import { FileSummary, summarise } from "../import/summary";

/** Exports larger than this are refused before they are read (Excel would not hold them anyway). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function readFiles(files: readonly File[], utcOffsetMinutes: number): Promise<FileSummary[]> {
  const out: FileSummary[] = [];
  for (const file of files) {
    await pause();
    if (file.size > MAX_FILE_BYTES) {
      out.push(
        summarise(file.name, {
          refused: `the file is ${(file.size / 1048576).toFixed(0)} MB: Legwork reads exports up to 200 MB`,
        }),
      );
      continue;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      out.push(summarise(file.name, { refused: `the file could not be read (${e instanceof Error ? e.message : String(e)})` }));
      continue;
    }
    out.push(summarise(file.name, readExport(text, { fileName: file.name, utcOffsetMinutes })));
  }
  return out;
}

/** The browser's offset from UTC in minutes east (Hyperliquid exports times in the browser's zone). */
export const localOffsetMinutes = (): number => -new Date().getTimezoneOffset();

/** Draws the summaries into `list` (text only: nothing from a file becomes HTML). */
export function renderSummaries(doc: Document, list: HTMLElement, summaries: readonly FileSummary[]): void {
  list.replaceChildren();
  for (const s of summaries) {
    const item = doc.createElement("li");
    item.className = s.parsed ? "file" : "file refused";
    const title = doc.createElement("strong");
    title.textContent = s.title;
    item.append(title);
    const details = doc.createElement("ul");
    for (const d of s.details) {
      const li = doc.createElement("li");
      li.textContent = d;
      details.append(li);
    }
    for (const p of s.problems) {
      const li = doc.createElement("li");
      li.className = "problem";
      li.textContent = s.parsed ? `Not imported: ${p}` : p;
      details.append(li);
    }
    item.append(details);
    list.append(item);
  }
}
