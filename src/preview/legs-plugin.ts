/**
 * The LEGS.* functions as a HyperFormula function plugin, so the preview evaluates the very
 * formulas Excel receives with the same host-neutral implementations (src/functions) and core.
 * Dev-only: HyperFormula (GPL-3.0 here) is never bundled into the add-in.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import { DomainError } from "../core/errors";
import { LEGS_FUNCTIONS, LegsFunction } from "../functions/registry";
import { Answer } from "../functions/spill";

const ERROR_TYPES: Record<DomainError["kind"], ErrorType> = {
  invalid: ErrorType.VALUE,
  missing: ErrorType.NA,
  divzero: ErrorType.DIV_BY_ZERO,
  overflow: ErrorType.NUM,
};

/** A HyperFormula value as Excel would pass it to a custom function. */
function plain(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map((x) => (x === EmptyValue ? "" : plain(x))));
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: unknown }).val; // dates, percents
  return v;
}

function toHyperFormula(answer: Answer, size: ArraySize | null): unknown {
  if (answer instanceof DomainError) return new CellError(ERROR_TYPES[answer.kind], answer.message);
  if (typeof answer === "number") return answer;
  const cells = answer.map((row) =>
    row.map((v) => (v instanceof DomainError ? new CellError(ERROR_TYPES[v.kind], v.message) : v)),
  );
  if (size) {
    // Reserved area (fn.largest): padded with "" as Excel would leave the unused cells empty.
    if (cells.length > size.height || (cells[0]?.length ?? 0) > size.width)
      return new CellError(ErrorType.SPILL, `the result needs ${cells.length} rows; the preview reserved ${size.height}`);
    while (cells.length < size.height) cells.push([]);
    for (const row of cells) while (row.length < size.width) row.push("");
  }
  return SimpleRangeValue.onlyValues(cells);
}

interface AstNode {
  type: string;
  start?: { row: number; col: number };
  end?: { row: number; col: number };
  value?: unknown;
}

/** Each argument's value when the formula gives it as a number literal (FUNDINGHISTORY's days). */
const literalNumbers = (args: readonly AstNode[]) =>
  args.map((a) => (a && a.type === "NUMBER" && typeof a.value === "number" ? a.value : undefined));

/** Rows (or columns) of each argument given as a range (1 for anything else). */
const argExtent = (args: readonly AstNode[], axis: "row" | "col") =>
  args.map((a) => (a && a.type === "CELL_RANGE" && a.start && a.end ? a.end[axis] - a.start[axis] + 1 : 1));

/** Spilled size: Excel's broadcasting over the range arguments among `fn.spills`, or the most `fn.largest` allows. */
function sizeOf(fn: LegsFunction, args: readonly AstNode[]): ArraySize {
  if (fn.largest) {
    const { rows, cols } = fn.largest(argExtent(args, "row"), argExtent(args, "col"), literalNumbers(args));
    return new ArraySize(cols, rows);
  }
  let rows = 1;
  let cols = 1;
  for (const i of fn.spills) {
    const a = args[i];
    if (a && a.type === "CELL_RANGE" && a.start && a.end) {
      rows = Math.max(rows, a.end.row - a.start.row + 1);
      cols = Math.max(cols, a.end.col - a.start.col + 1);
    }
  }
  return new ArraySize(cols, rows);
}

const methodName = (fn: LegsFunction) => fn.name.toLowerCase();
const sizeMethodName = (fn: LegsFunction) => `${fn.name.toLowerCase()}Size`;

class LegsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    LEGS_FUNCTIONS.map((fn) => [
      `LEGS.${fn.name}`,
      {
        method: methodName(fn),
        ...(fn.spills.length > 0 || fn.largest ? { sizeOfResultArrayMethod: sizeMethodName(fn) } : {}),
        parameters: fn.parameters.map((_, i) => ({
          argumentType: FunctionArgumentType.ANY,
          ...(i >= fn.required ? { optionalArg: true } : {}),
        })),
      },
    ]),
  );
}

// One method per function, each running the host-neutral implementation.
for (const fn of LEGS_FUNCTIONS) {
  Object.defineProperty(LegsPlugin.prototype, methodName(fn), {
    value: function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // runFunction is HyperFormula's argument evaluator (protected in its typings).
      const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction;
      const size = fn.largest ? sizeOf(fn, ast.args as AstNode[]) : null;
      return run.call(this, ast.args, state, this.metadata(`LEGS.${fn.name}`), (...args: unknown[]) =>
        toHyperFormula(fn.run(args.map(plain)), size),
      );
    },
  });
  if (fn.spills.length > 0 || fn.largest) {
    Object.defineProperty(LegsPlugin.prototype, sizeMethodName(fn), {
      value: (ast: { args: AstNode[] }) => sizeOf(fn, ast.args),
    });
  }
}

let registered = false;

/** Registers the LEGS.* functions with HyperFormula (once per process or page). */
export function registerLegsFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(LEGS_FUNCTIONS.map((fn) => [`LEGS.${fn.name}`, `LEGS.${fn.name}`]));
  HyperFormula.registerFunctionPlugin(LegsPlugin, { enGB: names });
  registered = true;
}
