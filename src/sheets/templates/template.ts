/** What a strategy template is: its inputs, what it explains, and the plan it builds. */
import { Content, SheetBuilder } from "../builder";
import { FormatKind } from "../formats";
import { InputSpec, InputValues } from "../inputs";
import { SheetPlan } from "../plan";

export interface MetricGuide {
  metric: string;
  meaning: string;
}

export interface Template {
  /** Used in URLs (?template=…) and tests. */
  id: string;
  name: string;
  /** One line for the template picker. */
  description: string;
  /**
   * A strategy sheet (legs, metrics, scenario grid); the Book (imported fills and funding); or a
   * live board, whose numbers come from the exchanges (it shows #N/A without them).
   */
  kind?: "strategy" | "book" | "board";
  inputs: readonly InputSpec[];
  /** The short explanation of each metric the taskpane shows. */
  guide: readonly MetricGuide[];
  build(values: InputValues): SheetPlan;
}

/** The legs table's columns, the same on every sheet (LEGS.NETDELTA reads them by name). */
export const LEG_HEADERS = ["Asset", "Instrument", "Side", "Quantity", "Entry", "Contract size", "Inverse", "Exchange"];
export const LEG_FORMATS = [undefined, undefined, undefined, "coin", "price", "number", undefined, undefined] as const;

/**
 * The columns an option leg adds after the standard ones, so LEGS.NETDELTA computes its delta:
 * Type (call/put; "Type" is the option type because there is an Instrument column), Strike,
 * Expiry (a date: 08:00 UTC that day) and Vol.
 */
export const OPTION_LEG_HEADERS = ["Type", "Strike", "Expiry", "Vol"];
export const OPTION_LEG_FORMATS: readonly (FormatKind | undefined)[] = [undefined, "price", "date", "pct"];

/** Columns after the standard ones (e.g. OPTION_LEG_HEADERS), with their formats. */
export interface ExtraLegColumns {
  headers: readonly string[];
  formats: readonly (FormatKind | undefined)[];
}

/**
 * The "Legs" section: the legs as an Excel table with the standard columns (and `extra` columns
 * after them, if given: each row then has a cell for each); returns its name.
 */
export function legsTable(b: SheetBuilder, name: string, rows: readonly (readonly Content[])[], extra?: ExtraLegColumns): string {
  b.section("Legs");
  if (!extra) return b.table(name, LEG_HEADERS, rows, LEG_FORMATS).name;
  return b.table(name, [...LEG_HEADERS, ...extra.headers], rows, [...LEG_FORMATS, ...extra.formats]).name;
}
