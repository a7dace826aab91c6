/**
 * Browser files → summaries, for the taskpane's Import view and the preview page: the same
 * parsing code in both (src/import/read-upload.ts: CSVs and ZIP archives of them). Files are
 * read one after another, with a pause between them, so the page keeps painting while a large
 * export is read.
 */
import { DATE_ORDERS, DateOrder } from "../import/dates";
import { readUpload, ReadSettings } from "../import/read-upload";
import { OpeningSuggestion, statedOpening, utcText } from "../import/openings";
import { FileSummary, summarise } from "../import/summary";
import { FillRow } from "../import/types";

export type { ReadSettings };

/** Exports larger than this are refused before they are read (Excel would not hold them anyway). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function readFiles(files: readonly File[], settings: ReadSettings): Promise<FileSummary[]> {
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
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      out.push(summarise(file.name, { refused: `the file could not be read (${e instanceof Error ? e.message : String(e)})` }));
      continue;
    }
    out.push(...readUpload(file.name, bytes, settings));
  }
  return out;
}

/** The browser's offset from UTC in minutes east (Hyperliquid exports times in the browser's zone). */
export const localOffsetMinutes = (): number => -new Date().getTimezoneOffset();

/** The "Dates" choice (a select): how to read files whose dates fit several orders; "" asks. */
const DATE_CHOICES: [DateOrder | "", string][] = [
  ["", "As the file shows (ask when it cannot tell)"],
  ["dmy", "Day first (31/12/2026)"],
  ["mdy", "Month first (12/31/2026)"],
  ["ymd", "Year first (2026-12-31)"],
];
const DATE_ORDER_KEY = "legwork.import.dateOrder";

/** Fills the select with the choices, on the trader's last answer (kept in this browser's storage). */
export function setUpDateOrder(select: HTMLSelectElement): void {
  const doc = select.ownerDocument;
  select.replaceChildren(
    ...DATE_CHOICES.map(([value, text]) => {
      const o = doc.createElement("option");
      o.value = value;
      o.textContent = text;
      return o;
    }),
  );
  select.value = rememberedDateOrder() ?? "";
  select.addEventListener("change", () => {
    try {
      if (select.value) localStorage.setItem(DATE_ORDER_KEY, select.value);
      else localStorage.removeItem(DATE_ORDER_KEY);
    } catch {
      // Storage may be off (private windows, some hosts): the choice holds for this session only.
    }
  });
}

/** The trader's remembered answer, if any. */
function rememberedDateOrder(): DateOrder | undefined {
  try {
    const v = localStorage.getItem(DATE_ORDER_KEY);
    return DATE_ORDERS.find((o) => o === v);
  } catch {
    return undefined;
  }
}

/** The select's answer as an import option. */
export const dateOrderOf = (select: HTMLSelectElement): DateOrder | undefined => DATE_ORDERS.find((o) => o === select.value);

/**
 * Draws the summaries into `list` (text only: nothing from a file becomes HTML). A file that
 * starts in the middle of a position gets a form to state the position held before it, as
 * offered (openings.ts); `onOpening` takes each one stated, and says what became of it.
 */
export function renderSummaries(
  doc: Document,
  list: HTMLElement,
  summaries: readonly FileSummary[],
  onOpening?: (fill: FillRow) => string,
): void {
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
    if (onOpening) for (const o of s.parsed?.openings ?? []) details.append(openingForm(doc, o, onOpening));
    item.append(details);
    list.append(item);
  }
}

/** "BTC on hyperliquid, held before 2026-02-08 15:06:00 UTC: Position [ ] Avg entry [ ] at [ ] UTC [State it]". */
function openingForm(doc: Document, o: OpeningSuggestion, onOpening: (fill: FillRow) => string): HTMLElement {
  const li = doc.createElement("li");
  li.className = "opening";
  const field = (label: string, value: string, name: string) => {
    const l = doc.createElement("label");
    l.textContent = `${label} `;
    const input = doc.createElement("input");
    input.name = name;
    input.value = value;
    input.size = Math.max(8, value.length + 1);
    l.append(input);
    return { l, input };
  };
  const intro = doc.createElement("span");
  intro.textContent = `${o.exchange} ${o.symbol}, held before the file's first fill (+ long, − short): `;
  const position = field("Position", o.position, "opening-position");
  const entry = field("Avg entry", o.entry, "opening-entry");
  const time = field("at (UTC)", utcText(o.time), "opening-time");
  const button = doc.createElement("button");
  button.type = "button";
  button.textContent = "State opening position";
  const said = doc.createElement("span");
  said.className = "opening-status";
  button.addEventListener("click", () => {
    const fill = statedOpening(o, { position: position.input.value, entry: entry.input.value, time: time.input.value });
    if ("problem" in fill) {
      said.className = "opening-status problem";
      said.textContent = fill.problem;
      return;
    }
    said.className = "opening-status";
    said.textContent = onOpening(fill);
  });
  li.append(intro, position.l, " ", entry.l, " ", time.l, " ", button, " ", said);
  return li;
}
