/**
 * The taskpane: pick a strategy, adjust its inputs (defaults reproduce the seed article's
 * example), Create → a formatted sheet of live formulas. It shares its runtime with the custom
 * functions (see manifest.xml) and renders without Office too; creating needs Excel.
 */
import { WriteError, writePlan } from "../excel/writer";
import { checkInputs, todayIso } from "../sheets/inputs";
import { TEMPLATES, templateById } from "../sheets/templates";
import { FUNCTION_GUIDE } from "./function-guide";
import { readForm, renderGuide, renderInputs, renderPicker, showErrors } from "./form";
import { setUpImport } from "./import-view";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let selected = TEMPLATES[0].id;
let officeReady = false;

function setStatus(text: string, kind: "info" | "ok" | "error" = "info"): void {
  const status = byId("status");
  status.textContent = text;
  status.className = `status ${kind}`;
}

function select(id: string): void {
  selected = id;
  const t = templateById(id)!;
  renderInputs(document, byId("inputs"), t, todayIso());
  renderGuide(document, byId("guide"), t);
  byId("create").textContent = `Create "${t.name}" sheet`;
  setStatus("");
}

async function create(): Promise<void> {
  const t = templateById(selected)!;
  const form = byId("inputs");
  const { values, errors } = checkInputs(t.inputs, readForm(form), todayIso());
  const firstInvalid = showErrors(form, errors);
  if (firstInvalid) {
    setStatus("Check the highlighted inputs: nothing was written.", "error");
    firstInvalid.focus();
    return;
  }
  if (!officeReady || typeof Excel === "undefined") {
    setStatus("Open this pane in Excel to create sheets (or see the preview page without Excel).", "error");
    return;
  }
  const button = byId<HTMLButtonElement>("create");
  button.disabled = true;
  setStatus("Creating…");
  try {
    const result = await writePlan((batch) => Excel.run(batch), t.build(values));
    // Excel refuses to activate a sheet while another workbook has the focus: the sheet is complete.
    const note = result.cosmeticSkipped
      ? ` Excel did not switch to it (${result.cosmeticSkipped}): open it from the sheet tabs.`
      : "";
    setStatus(`Created the sheet "${result.sheetName}".${note}`, "ok");
  } catch (e) {
    setStatus(
      e instanceof WriteError ? e.message : `Could not create the sheet: ${e instanceof Error ? e.message : String(e)}`,
      "error",
    );
  } finally {
    button.disabled = false;
  }
}

function renderFunctionGuide(list: HTMLElement): void {
  for (const fn of FUNCTION_GUIDE) {
    const dt = document.createElement("dt");
    dt.textContent = fn.signature;
    const dd = document.createElement("dd");
    const summary = document.createElement("div");
    summary.textContent = fn.summary;
    const example = document.createElement("div");
    const code = document.createElement("code");
    code.textContent = fn.example;
    example.append("Example: ", code, ` → ${fn.result}`);
    dd.append(summary, example);
    list.append(dt, dd);
  }
}

renderPicker(document, byId("picker"), TEMPLATES, selected, select);
select(selected);
renderFunctionGuide(byId("functions"));
setUpImport(
  document,
  {
    files: byId("import-files"),
    drop: byId("import-drop"),
    offset: byId("import-offset"),
    dates: byId("import-dates"),
    summaries: byId("import-summaries"),
    button: byId("import-button"),
    progress: byId("import-progress"),
    status: byId("import-status"),
    target: byId("import-target"),
  },
  () => officeReady && typeof Excel !== "undefined",
);
byId("strategy-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void create();
});

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => {
    officeReady = info.host === Office.HostType.Excel;
    if (!officeReady) setStatus("Office.js loaded outside Excel: creating sheets needs Excel.", "error");
  });
} else {
  setStatus("Not running inside Office: open the add-in in Excel to create sheets.");
}
