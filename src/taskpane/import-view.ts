/**
 * The taskpane's Import view: choose or drop export files → a summary per file (nothing written
 * yet) → Import → the rows go into a Book sheet's Fills and Funding tables (a new Book sheet when
 * the workbook has none), with a progress bar, never a row twice, all or nothing.
 */
import { BookTables, findBooks, importIntoBook } from "../excel/book-import";
import { WriteError, writePlan } from "../excel/writer";
import { FileSummary } from "../import/summary";
import { openingsExport } from "../import/openings";
import { FillRow, ParsedExport } from "../import/types";
import { zoneLabel } from "../import/values";
import { checkInputs, todayIso } from "../sheets/inputs";
import { book, buildBook } from "../sheets/templates/book";
import { dateOrderOf, localOffsetMinutes, readFiles, renderSummaries, setUpDateOrder } from "./import-files";

interface ImportElements {
  files: HTMLInputElement;
  drop: HTMLElement;
  offset: HTMLInputElement;
  dates: HTMLSelectElement;
  summaries: HTMLElement;
  button: HTMLButtonElement;
  progress: HTMLProgressElement;
  status: HTMLElement;
  target: HTMLSelectElement;
}

type Status = "info" | "ok" | "error";

/** "UTC+2" / "+02:00" / "-05:30" / "UTC" / "0" → minutes east of UTC (at most 14 hours), or null. */
export function parseOffset(text: string): number | null {
  if (/^\s*UTC\s*$/i.test(text)) return 0;
  const m = /^\s*(?:UTC)?\s*([+-])?(\d{1,2})(?::?(\d{2}))?\s*$/i.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return m[1] === "-" ? -minutes : minutes;
}

export function setUpImport(doc: Document, el: ImportElements, canWrite: () => boolean): void {
  let summaries: FileSummary[] = [];
  let chosen: File[] = [];
  el.offset.value = zoneLabel(localOffsetMinutes());
  setUpDateOrder(el.dates);

  const setStatus = (text: string, kind: Status = "info") => {
    el.status.textContent = text;
    el.status.className = `status ${kind}`;
  };
  /** Opening positions the trader stated in the summaries, by exchange and symbol: written with the files. */
  const stated = new Map<string, FillRow>();
  const readable = () => {
    const files = summaries.map((s) => s.parsed).filter((p): p is ParsedExport => p !== null);
    return stated.size > 0 ? [...files, openingsExport([...stated.values()])] : files;
  };
  const onOpening = (fill: FillRow) => {
    stated.set(fill.key, fill);
    showCounts();
    return `Stated: ${fill.side === "buy" ? "long" : "short"} ${fill.quantity} at ${fill.price}; written to Fills (Trade ID "opening position") with the import.`;
  };
  const showCounts = () => {
    const files = readable();
    const fills = files.reduce((n, f) => n + f.fills.length, 0);
    const funding = files.reduce((n, f) => n + f.funding.length, 0);
    const closed = files.reduce((n, f) => n + f.closed.length, 0);
    const n = (x: number) => x.toLocaleString("en-US");
    el.button.disabled = fills + funding + closed === 0;
    el.button.textContent =
      fills + funding + closed === 0
        ? "Import"
        : `Import ${n(fills)} fills and ${n(funding)} funding rows${closed > 0 ? `, ${n(closed)} closed positions` : ""}`;
    return fills + funding + closed;
  };

  const refresh = async () => {
    const offset = parseOffset(el.offset.value);
    if (offset === null) {
      setStatus(`Time zone "${el.offset.value}" is not an offset like UTC+2, +02:00 or -05:30 (at most 14 hours).`, "error");
      el.button.disabled = true;
      return;
    }
    setStatus(chosen.length ? "Reading the files…" : "");
    summaries = await readFiles(chosen, { utcOffsetMinutes: offset, dateOrder: dateOrderOf(el.dates) });
    // A stated opening stays only while a file still offers it (the same exchange and symbol).
    const offered = new Set(summaries.flatMap((s) => s.parsed?.openings ?? []).map((o) => `${o.exchange}|${o.symbol}`));
    for (const [k, f] of stated) if (!offered.has(`${f.exchange}|${f.symbol}`)) stated.delete(k);
    renderSummaries(doc, el.summaries, summaries, onOpening);
    const rows = showCounts();
    setStatus(
      chosen.length === 0
        ? ""
        : rows > 0
          ? "Nothing is written until you press Import. Rows already in the Book are skipped."
          : "No file has rows to import.",
      chosen.length && rows === 0 ? "error" : "info",
    );
    if (canWrite()) await listBooks();
  };

  const listBooks = async () => {
    try {
      const books = await findBooks((batch) => Excel.run(batch));
      el.target.replaceChildren();
      for (const b of books) el.target.append(new Option(`Sheet "${b.sheetName}" (${b.fills}, ${b.funding})`, JSON.stringify(b)));
      el.target.append(new Option("A new Book sheet", ""));
      el.target.hidden = false;
    } catch (e) {
      setStatus(`Could not look for Book sheets: ${e instanceof Error ? e.message : String(e)}`, "error");
    }
  };

  el.files.addEventListener("change", () => {
    chosen = Array.from(el.files.files ?? []);
    void refresh();
  });
  el.offset.addEventListener("change", () => void refresh());
  el.dates.addEventListener("change", () => void refresh());
  el.drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    el.drop.classList.add("over");
  });
  el.drop.addEventListener("dragleave", () => el.drop.classList.remove("over"));
  el.drop.addEventListener("drop", (e) => {
    e.preventDefault();
    el.drop.classList.remove("over");
    chosen = Array.from(e.dataTransfer?.files ?? []);
    void refresh();
  });

  el.button.addEventListener("click", () => void run());

  async function run(): Promise<void> {
    if (!canWrite()) {
      setStatus("Open this pane in Excel to import (or try the preview page's Book without Excel).", "error");
      return;
    }
    el.button.disabled = true;
    el.progress.hidden = false;
    el.progress.value = 0;
    const excel = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
    try {
      let target: BookTables | null = el.target.value ? (JSON.parse(el.target.value) as BookTables) : null;
      if (!target) {
        setStatus("Creating a Book sheet…");
        const { values } = checkInputs(book.inputs, {}, todayIso());
        const created = await writePlan(excel, buildBook(values, { fills: [], funding: [], marks: [] }));
        target = (await findBooks(excel)).find((b) => b.sheetName === created.sheetName) ?? null;
        if (!target) throw new WriteError(`The new sheet "${created.sheetName}" has no Fills and Funding tables`, false);
      }
      setStatus(`Importing into "${target.sheetName}"…`);
      const result = await importIntoBook(excel, target, readable(), (p) => {
        el.progress.max = p.total;
        el.progress.value = p.written;
        setStatus(
          `Importing into "${target!.sheetName}": ${p.written.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")} rows…`,
        );
      });
      const skipped = result.skippedFills + result.skippedFunding + result.skippedClosed;
      setStatus(
        `Added ${result.fillsAdded.toLocaleString("en-US")} fills and ${result.fundingAdded.toLocaleString("en-US")} funding rows` +
          (result.closedAdded > 0 ? `, ${result.closedAdded.toLocaleString("en-US")} closed positions` : "") +
          ` to "${target.sheetName}"` +
          (skipped ? ` (${skipped.toLocaleString("en-US")} were already there).` : "."),
        "ok",
      );
      await listBooks();
    } catch (e) {
      setStatus(e instanceof WriteError ? e.message : `Could not import: ${e instanceof Error ? e.message : String(e)}`, "error");
    } finally {
      el.button.disabled = false;
      el.progress.hidden = true;
    }
  }
}
