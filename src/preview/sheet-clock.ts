/**
 * TODAY() and NOW() in the preview's HyperFormula, on a clock each evaluation is given.
 *
 * HyperFormula's own TODAY and NOW read `Date.now()`; the sheets use them for "days left" and
 * "time to expiry", so a preview (or a test, or a generated screenshot) could not be pinned to a
 * date. These replace them with the same results on an injected clock: the date (and time) in the
 * local time zone, as Excel's TODAY and NOW are. An engine given no clock reads the real one.
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula, ImplementedFunctions } from "hyperformula";

export type Clock = () => number;

/** Each engine's clock, by the dependency graph its plugins share (one per HyperFormula instance). */
const clocks = new WeakMap<object, Clock>();

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The parts of FunctionPlugin this uses (protected in HyperFormula's typings). */
interface PluginInternals {
  dependencyGraph: object;
  dateTimeHelper: { dateToNumber(d: DateParts): number };
  runFunction(args: unknown[], state: unknown, metadata: unknown, fn: () => number): unknown;
  metadata(name: string): unknown;
}

class SheetClockPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    TODAY: { method: "today", parameters: [] as { argumentType: FunctionArgumentType }[], isVolatile: true },
    NOW: { method: "now", parameters: [] as { argumentType: FunctionArgumentType }[], isVolatile: true },
  };

  /** The engine's "now" as a local date: Excel's TODAY and NOW are in the computer's time zone. */
  private local(): { at: Date; serial: number } {
    const self = this as unknown as PluginInternals;
    const at = new Date((clocks.get(self.dependencyGraph) ?? Date.now)());
    const serial = self.dateTimeHelper.dateToNumber({ year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() });
    return { at, serial };
  }

  today(ast: { args: unknown[] }, state: unknown): unknown {
    const self = this as unknown as PluginInternals;
    return self.runFunction(ast.args, state, self.metadata("TODAY"), () => this.local().serial);
  }

  now(ast: { args: unknown[] }, state: unknown): unknown {
    const self = this as unknown as PluginInternals;
    return self.runFunction(ast.args, state, self.metadata("NOW"), () => {
      const { at, serial } = this.local();
      return serial + (at.getHours() * 3600 + at.getMinutes() * 60 + at.getSeconds()) / 86400;
    });
  }
}

let registered = false;

/** Puts TODAY and NOW on the injected clocks (once per process or page; replaces HyperFormula's). */
export function registerSheetClock(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(SheetClockPlugin);
  registered = true;
}

/** Gives one engine its clock. */
export function setSheetClock(hf: HyperFormula, now: Clock): void {
  clocks.set((hf as unknown as { dependencyGraph: object }).dependencyGraph, now);
}
