/**
 * The taskpane's strategy form: a template picker (radio buttons with a one-line description),
 * the selected template's inputs with their help and inline errors, and what each metric means.
 * Built with DOM calls only; text is set with textContent.
 */
import { defaultText, InputSpec } from "../sheets/inputs";
import { Template } from "../sheets/templates/template";

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

export function renderPicker(
  doc: Document,
  container: HTMLElement,
  templates: readonly Template[],
  selected: string,
  onChange: (id: string) => void,
): void {
  container.replaceChildren();
  const fieldset = el(doc, "fieldset", undefined, "picker");
  fieldset.append(el(doc, "legend", "Strategy"));
  for (const t of templates) {
    const id = `tpl-${t.id}`;
    const row = el(doc, "div", undefined, "choice");
    const radio = el(doc, "input");
    radio.type = "radio";
    radio.name = "template";
    radio.id = id;
    radio.value = t.id;
    radio.checked = t.id === selected;
    radio.setAttribute("aria-describedby", `${id}-desc`);
    radio.addEventListener("change", () => onChange(t.id));
    const label = el(doc, "label", t.name);
    label.htmlFor = id;
    const desc = el(doc, "div", t.description, "desc");
    desc.id = `${id}-desc`;
    row.append(radio, label, desc);
    fieldset.append(row);
  }
  container.append(fieldset);
}

export function renderInputs(doc: Document, container: HTMLElement, t: Template, today: string): void {
  container.replaceChildren();
  for (const spec of t.inputs) container.append(inputField(doc, spec, today));
}

function inputField(doc: Document, spec: InputSpec, today: string): HTMLElement {
  const id = `in-${spec.id}`;
  const row = el(doc, "div", undefined, "field");
  const label = el(doc, "label", spec.kind === "percent" ? `${spec.label} (%)` : spec.label);
  label.htmlFor = id;
  const input = el(doc, "input");
  input.id = id;
  input.name = spec.id;
  input.value = defaultText(spec, today);
  input.autocomplete = "off";
  if (spec.kind === "number" || spec.kind === "percent") input.inputMode = "decimal";
  if (spec.kind === "date") input.placeholder = "yyyy-mm-dd";
  const help = el(doc, "div", spec.help, "help");
  help.id = `${id}-help`;
  const error = el(doc, "div", "", "error");
  error.id = `${id}-error`;
  input.setAttribute("aria-describedby", `${id}-help ${id}-error`);
  row.append(label, input, help, error);
  return row;
}

/** The form's values by input id. */
export function readForm(container: HTMLElement): Record<string, string> {
  const raw: Record<string, string> = {};
  container.querySelectorAll("input").forEach((input) => {
    raw[input.name] = input.value;
  });
  return raw;
}

/** Shows each input's error (or clears it); returns the first invalid input. */
export function showErrors(container: HTMLElement, errors: Record<string, string>): HTMLInputElement | null {
  let first: HTMLInputElement | null = null;
  container.querySelectorAll("input").forEach((input) => {
    const message = errors[input.name] ?? "";
    const slot = container.querySelector(`#${input.id}-error`);
    if (slot) slot.textContent = message;
    if (message) {
      input.setAttribute("aria-invalid", "true");
      first = first ?? input;
    } else {
      input.removeAttribute("aria-invalid");
    }
  });
  return first;
}

export function renderGuide(doc: Document, container: HTMLElement, t: Template): void {
  container.replaceChildren();
  const dl = el(doc, "dl");
  for (const g of t.guide) dl.append(el(doc, "dt", g.metric), el(doc, "dd", g.meaning));
  container.append(dl);
}
