/**
 * Template inputs: what the taskpane form and the preview's query string fill in, checked before
 * anything is written. Percent inputs are typed as percents (50 for 50 %, 0.03 for 0.03 %) and
 * held as exact fractions; dates as yyyy-mm-dd.
 */
import { Dec } from "../core/decimal";
import { FormatKind, isoToSerial } from "./formats";

export type InputKind = "number" | "percent" | "text" | "date" | "choice";

export interface InputSpec {
  /** The sheet-scoped name of the input cell, and its query-parameter name. */
  id: string;
  label: string;
  kind: InputKind;
  /** Number (a fraction for percents), text, or a date as yyyy-mm-dd or "today+N". */
  default: number | string;
  /** Bounds, in the stored unit (fractions for percents). */
  min?: number;
  max?: number;
  /** min/max themselves not allowed. */
  exclusive?: boolean;
  choices?: readonly string[];
  help: string;
  format?: FormatKind;
}

/** Values by input id: numbers (fractions, serial dates) and text. */
export type InputValues = Record<string, number | string>;

export interface InputCheck {
  values: InputValues;
  /** Messages by input id; empty when every input is allowed. */
  errors: Record<string, string>;
}

/** A date default: "2026-11-25" or "today+90" relative to `today` (yyyy-mm-dd). */
function dateDefault(spec: InputSpec, today: string): string {
  const m = /^today([+-]\d+)?$/.exec(String(spec.default));
  if (!m) return String(spec.default);
  const serial = isoToSerial(today) + Number(m[1] ?? 0);
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10);
}

/** The default of each input as the text a form field shows (percents as percents). */
export function defaultText(spec: InputSpec, today: string): string {
  switch (spec.kind) {
    case "percent":
      return new Dec(String(spec.default)).times(100).toString();
    case "date":
      return dateDefault(spec, today);
    default:
      return String(spec.default);
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Reads one input from text (form field or query parameter); blank means the default. */
export function readInput(spec: InputSpec, raw: string | undefined, today: string): number | string | { error: string } {
  const text = raw === undefined || raw.trim() === "" ? defaultText(spec, today) : raw.trim();
  switch (spec.kind) {
    case "text":
      if (text.length > 40) return { error: `${spec.label}: at most 40 characters (got ${text.length})` };
      // A sheet cell starting with these would be a formula: never let an input become one.
      if (/^[=+\-@]/.test(text)) return { error: `${spec.label} must not start with =, +, - or @ (got "${text}")` };
      return text;
    case "choice": {
      const found = (spec.choices ?? []).find((c) => c.toLowerCase() === text.toLowerCase());
      return found ?? { error: `${spec.label} must be one of ${(spec.choices ?? []).join(", ")} (got "${text}")` };
    }
    case "date": {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
        return { error: `${spec.label} must be a date as yyyy-mm-dd (got "${text}")` };
      }
      return isoToSerial(text);
    }
    default: {
      const cleaned = text.replace(/,/g, "").replace(/%$/, "");
      if (!NUMBER.test(cleaned)) return { error: `${spec.label} must be a number (got "${text}")` };
      const d = new Dec(cleaned);
      const value = spec.kind === "percent" ? d.div(100) : d;
      return checkBounds(spec, value.toNumber());
    }
  }
}

function checkBounds(spec: InputSpec, x: number): number | { error: string } {
  const shown = (v: number) => (spec.kind === "percent" ? `${new Dec(v).times(100).toString()}%` : String(v));
  const tooLow = spec.min !== undefined && (spec.exclusive ? x <= spec.min : x < spec.min);
  const tooHigh = spec.max !== undefined && (spec.exclusive ? x >= spec.max : x > spec.max);
  if (!tooLow && !tooHigh) return x;
  const lo = spec.min === undefined ? "" : `${spec.exclusive ? "greater than" : "at least"} ${shown(spec.min)}`;
  const hi = spec.max === undefined ? "" : `${spec.exclusive ? "less than" : "at most"} ${shown(spec.max)}`;
  return { error: `${spec.label} must be ${[lo, hi].filter(Boolean).join(" and ")} (got ${shown(x)})` };
}

/** Reads every input; unknown keys in `raw` are ignored. */
export function checkInputs(specs: readonly InputSpec[], raw: Record<string, string | undefined>, today: string): InputCheck {
  const values: InputValues = {};
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const v = readInput(spec, raw[spec.id], today);
    if (typeof v === "object") errors[spec.id] = v.error;
    else values[spec.id] = v;
  }
  return { values, errors };
}

/**
 * Today as yyyy-mm-dd, the reference for date defaults ("today+90"): the date in the computer's
 * time zone, as the sheet's TODAY() is, so a default expiry 90 days out shows "Days left 90" at
 * any hour (a UTC date was a day off in the evening west of Greenwich). The caller passes the
 * clock's "now"; the taskpane and the preview pass the real one.
 */
export function todayIso(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear()).padStart(4, "0")}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
