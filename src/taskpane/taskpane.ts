/**
 * The taskpane page. It shares its runtime with the custom functions (see manifest.xml), so it
 * must render without Office too: the guide is drawn at once, and the status line reports
 * whether an Office host is present.
 */
import { FUNCTION_GUIDE } from "./function-guide";

function renderGuide(list: HTMLElement): void {
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

function setStatus(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

const list = document.getElementById("functions");
if (list) renderGuide(list);

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => {
    setStatus(info.host ? `Connected to ${info.host}.` : "Office.js loaded outside an Office host.");
  });
} else {
  setStatus("Not running inside Office: the functions work once the add-in is loaded in Excel.");
}
