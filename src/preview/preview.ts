/**
 * The preview page (development only, served by `npm start` at /preview.html): lists the
 * templates; with ?template=<id> it builds the template's plan (inputs from the query string,
 * named as the inputs), evaluates it with HyperFormula and the LEGS plugin, and draws it as
 * Excel would show it. No Excel needed: this is how a newcomer on any OS sees the add-in.
 */
import { checkInputs, defaultText, todayIso } from "../sheets/inputs";
import { TEMPLATES, templateById } from "../sheets/templates";
import { Template } from "../sheets/templates/template";
import { renderChart } from "./chart";
import { evaluatePlan } from "./engine";
import { PreviewLiveValues } from "./live-values";
import { renderGrid } from "./render";
import { useClock, useLiveValues } from "../functions/registry";
import { FileSummary } from "../import/summary";
import { openingsExport } from "../import/openings";
import { buildBook, EXAMPLE } from "../sheets/templates/book";
import { dateOrderOf, localOffsetMinutes, readFiles, renderSummaries, setUpDateOrder } from "../taskpane/import-files";
import { PreviewBook } from "./book-data";

// Live cells (LEGS.FUNDINGRATE, …) read what the page fetched through the relay on its origin.
const live = new PreviewLiveValues();
useLiveValues(live);

// The Book's imported rows (preview.html?template=book), kept while the page is open.
const previewBook = new PreviewBook();
let importSummaries: FileSummary[] = [];
let importStatus = "";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function renderIndex(root: HTMLElement): void {
  root.append(el("h1", "Legwork strategy sheets: preview"));
  root.append(
    el("p", "Each template as the sheet Legwork writes into Excel, computed here by HyperFormula with the same LEGS functions."),
  );
  const list = el("ul", undefined, "templates");
  for (const t of TEMPLATES) {
    const li = el("li");
    const a = el("a", t.name);
    a.href = `?template=${encodeURIComponent(t.id)}`;
    li.append(a, el("span", ` — ${t.description}`));
    list.append(li);
  }
  root.append(list);
}

function renderInputsForm(t: Template, params: URLSearchParams, errors: Record<string, string>, today: string): HTMLFormElement {
  const form = el("form", undefined, "inputs");
  form.method = "get";
  const hidden = el("input");
  hidden.type = "hidden";
  hidden.name = "template";
  hidden.value = t.id;
  form.append(hidden);
  if (params.has("now")) {
    // A pinned clock stays pinned on Recalculate.
    const pinned = el("input");
    pinned.type = "hidden";
    pinned.name = "now";
    pinned.value = params.get("now")!;
    form.append(pinned);
  }
  for (const spec of t.inputs) {
    const id = `in-${spec.id}`;
    const label = el("label", spec.kind === "percent" ? `${spec.label} (%)` : spec.label);
    label.htmlFor = id;
    const input = el("input");
    input.id = id;
    input.name = spec.id;
    input.value = params.get(spec.id) ?? defaultText(spec, today);
    if (errors[spec.id]) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${id}-err`);
    }
    const row = el("div", undefined, "field");
    row.append(label, input);
    if (errors[spec.id]) {
      const err = el("span", errors[spec.id], "error");
      err.id = `${id}-err`;
      row.append(err);
    }
    form.append(row);
  }
  const submit = el("button", "Recalculate");
  submit.type = "submit";
  form.append(submit);
  return form;
}

/**
 * The page's clock: the real one, or the instant `?now=` names (an ISO date and time, e.g.
 * `now=2026-11-22T19:30:00Z`), running on from there: the sheet's TODAY() and NOW() and the date
 * inputs' defaults, so a preview (a screenshot, a test) shows the same sheet on any day.
 */
function pageClock(params: URLSearchParams): () => number {
  const pinned = params.has("now") ? Date.parse(params.get("now")!) : NaN;
  if (!Number.isFinite(pinned)) return Date.now;
  const offset = pinned - Date.now();
  return () => Date.now() + offset;
}

function renderTemplate(root: HTMLElement, t: Template, params: URLSearchParams): void {
  const now = pageClock(params);
  useClock(now);
  const today = todayIso(new Date(now()));
  const raw: Record<string, string> = {};
  for (const spec of t.inputs) {
    const v = params.get(spec.id);
    if (v !== null) raw[spec.id] = v;
  }
  if (t.kind === "book" && raw.PnlCurrency === undefined && !previewBook.empty) {
    raw.PnlCurrency = previewBook.mainCurrency() ?? "USDT";
  }
  const { values, errors } = checkInputs(t.inputs, raw, today);
  const back = el("a", "← all templates");
  back.href = "?";
  root.append(back, el("h1", t.name), el("p", t.description));
  root.append(renderInputsForm(t, params, errors, today));
  if (t.kind === "book") root.append(renderImport(root, t, params));
  if (Object.keys(errors).length > 0) {
    const box = el("div", undefined, "errors");
    box.setAttribute("role", "alert");
    box.append(el("p", "Fix these inputs to see the sheet:"));
    for (const msg of Object.values(errors)) box.append(el("p", msg));
    root.append(box);
    return;
  }
  const plan = t.kind === "book" ? buildBook(values, previewBook.empty ? EXAMPLE : previewBook.data()) : t.build(values);
  const ev = evaluatePlan(plan, { now });
  const layout = el("div", undefined, "layout");
  const gridBox = el("div", undefined, "grid");
  gridBox.append(renderGrid(document, ev));
  layout.append(gridBox);
  const side = el("div", undefined, "side");
  for (const chart of ev.plan.charts) side.append(renderChart(document, ev, chart));
  const guide = el("dl", undefined, "guide");
  for (const g of t.guide) guide.append(el("dt", g.metric), el("dd", g.meaning));
  side.append(guide);
  layout.append(side);
  root.append(layout);
  document.title = `${t.name} · Legwork preview`;
  if (live.waiting) {
    // Fetch the live values the sheet asked for, then show it again with them.
    root.dataset.live = "loading";
    void live.fetchPending().then(() => {
      root.replaceChildren();
      renderTemplate(root, t, params);
      root.dataset.live = "ready";
    });
  }
}

/** The Book's import: the same file reading and summary as the taskpane's Import view. */
function renderImport(root: HTMLElement, t: Template, params: URLSearchParams): HTMLElement {
  const box = el("section", undefined, "import");
  box.append(el("h2", "Import exchange exports"));
  box.append(
    el(
      "p",
      previewBook.empty
        ? "The tables hold a worked example. Choose export files (Binance, Bybit, OKX, Deribit, Hyperliquid, BitMEX): their rows replace it."
        : `${previewBook.fills.length} fills and ${previewBook.funding.length} funding rows${previewBook.closed.length ? `, ${previewBook.closed.length} closed positions` : ""} imported. More files add only rows not already here.`,
    ),
  );
  const label = el("label", "Export files");
  label.htmlFor = "book-files";
  const input = el("input");
  input.id = "book-files";
  input.type = "file";
  input.multiple = true;
  input.accept = ".csv,.zip,text/csv,text/plain,application/zip";
  const datesLabel = el("label", "Dates, where a file cannot tell day from month (03/04/2026)");
  datesLabel.htmlFor = "book-dates";
  const dates = el("select");
  dates.id = "book-dates";
  setUpDateOrder(dates);
  const list = el("ul", undefined, "summaries");
  list.id = "book-summaries";
  const rerender = () => {
    root.replaceChildren();
    renderTemplate(root, t, params);
    root.dataset.imported = String(previewBook.fills.length + previewBook.funding.length + previewBook.closed.length);
  };
  renderSummaries(document, list, importSummaries, (fill) => {
    const plan = previewBook.add([openingsExport([fill])]);
    if (plan.conflicts.length > 0) return plan.conflicts.join("; ");
    importStatus =
      plan.fills.length > 0
        ? `Opening position stated: ${fill.exchange} ${fill.symbol} ${fill.side === "buy" ? "long" : "short"} ${fill.quantity} at ${fill.price}, before the file's first fill.`
        : `${fill.exchange} ${fill.symbol} already has a stated opening position: edit or delete its Fills row (Trade ID "opening position") to change it.`;
    rerender();
    return importStatus;
  });
  const status = el("p", importStatus, "status");
  status.id = "book-import-status";
  input.addEventListener("change", () => {
    const files = Array.from(input.files ?? []);
    root.dataset.importing = "true";
    void readFiles(files, { utcOffsetMinutes: localOffsetMinutes(), dateOrder: dateOrderOf(dates) }).then((summaries) => {
      importSummaries = summaries;
      const plan = previewBook.add(summaries.flatMap((s) => (s.parsed ? [s.parsed] : [])));
      importStatus = plan.conflicts.length > 0 ? `Nothing was added: ${plan.conflicts.join("; ")}.` : "";
      rerender();
      root.dataset.importing = "false";
    });
  });
  box.append(datesLabel, dates, label, input, status, list);
  return box;
}

const root = document.getElementById("app");
if (root) {
  const params = new URLSearchParams(window.location.search);
  const id = params.get("template");
  const t = id ? templateById(id) : undefined;
  if (id && !t) {
    root.append(el("p", `No template "${id}".`, "errors"));
    renderIndex(root);
  } else if (t) {
    renderTemplate(root, t, params);
  } else {
    renderIndex(root);
  }
  root.dataset.ready = "true";
}
