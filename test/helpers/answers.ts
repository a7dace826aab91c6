/** Assertions on host-neutral answers (number | grid | DomainError). */
import { DomainError, DomainErrorKind } from "../../src/core/errors";
import { Answer } from "../../src/functions/spill";

/** The answer is this error kind, with a message matching every pattern. */
export function expectError(answer: unknown, kind: DomainErrorKind, ...patterns: RegExp[]): void {
  expect(answer).toBeInstanceOf(DomainError);
  const e = answer as DomainError;
  expect(e.kind).toBe(kind);
  for (const p of patterns) expect(e.message).toMatch(p);
}

/** The answer is a single number (not a grid, not an error). */
export function num(answer: Answer): number {
  if (typeof answer !== "number") throw new Error(`expected a number, got ${JSON.stringify(answer)}`);
  return answer;
}

/** The answer is a grid. */
export function grid(answer: Answer): (number | string | DomainError)[][] {
  if (!Array.isArray(answer)) throw new Error(`expected a grid, got ${JSON.stringify(answer)}`);
  return answer;
}

/** Column vector as Excel passes a vertical range. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
/** Row vector as Excel passes a horizontal range. */
export const row = (...values: unknown[]): unknown[][] => [values];
