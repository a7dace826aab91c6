/** What a strategy template is: its inputs, what it explains, and the plan it builds. */
import { Content, SheetBuilder } from "../builder";
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
  /** A strategy sheet (legs, metrics, scenario grid), or the Book (imported fills and funding). */
  kind?: "strategy" | "book";
  inputs: readonly InputSpec[];
  /** The short explanation of each metric the taskpane shows. */
  guide: readonly MetricGuide[];
  build(values: InputValues): SheetPlan;
}

/** The legs table's columns, the same on every sheet (LEGS.NETDELTA reads them by name). */
export const LEG_HEADERS = ["Asset", "Instrument", "Side", "Quantity", "Entry", "Contract size", "Inverse", "Exchange"];
export const LEG_FORMATS = [undefined, undefined, undefined, "coin", "price", "number", undefined, undefined] as const;

/** The "Legs" section: the legs as an Excel table with the standard columns; returns its name. */
export function legsTable(b: SheetBuilder, name: string, rows: readonly (readonly Content[])[]): string {
  b.section("Legs");
  return b.table(name, LEG_HEADERS, rows, LEG_FORMATS).name;
}
