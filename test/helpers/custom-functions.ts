/**
 * A stand-in for Excel's `CustomFunctions` global, with the documented shape: `associate`,
 * `Error(code, message?)` and the `ErrorCode` strings as Excel shows them.
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class FakeCustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface FakeCustomFunctions {
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
  Error: typeof FakeCustomFunctionError;
  ErrorCode: typeof ERROR_CODES;
  /** What `associate` received, by id. */
  associated: Map<string, (...args: unknown[]) => unknown>;
}

export function fakeCustomFunctions(): FakeCustomFunctions {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    associate(id, fn) {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      associated.set(id, fn);
    },
    Error: FakeCustomFunctionError,
    ErrorCode: ERROR_CODES,
    associated,
  };
}

/** Calls `fn` and returns what it threw (or fails if it returned). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw a CustomFunctions.Error");
}
