/**
 * Host-neutral answers → what Excel's custom-function runtime expects: numbers as they are, a
 * DomainError as a CustomFunctions.Error (thrown for a whole-formula error, placed in the cell
 * for one cell of a spilled result).
 *
 * Kept free of Office and DOM: the functions bundle must also load where only the
 * `CustomFunctions` global exists (Excel's JavaScript-only runtime).
 */
import { DomainError } from "../core/errors";
import { TickerField } from "../live/market";
import { streamFundingBoard, streamFutures, streamTicker } from "./live";
import { Answer } from "./spill";

/** Excel shows a custom message only on #VALUE! and #N/A; the others take the code alone. */
export function toExcelError(e: DomainError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  switch (e.kind) {
    case "invalid":
      return new CustomFunctions.Error(codes.invalidValue, e.message);
    case "missing":
      return new CustomFunctions.Error(codes.notAvailable, e.message);
    case "divzero":
      return new CustomFunctions.Error(codes.divisionByZero);
    case "overflow":
      return new CustomFunctions.Error(codes.invalidNumber);
  }
}

/** For a function declared to return one number. */
export function scalarResult(answer: Answer): number {
  if (answer instanceof DomainError) throw toExcelError(answer);
  if (typeof answer === "number") return answer;
  // A scalar function never spills; reaching here is a programming error, reported, not hidden.
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "internal error: unexpected range result");
}

/**
 * For a function declared to return a matrix (so that it can spill): a single number is a 1×1
 * array, which Excel shows as a plain value in the formula's own cell, without a spill range.
 */
export function matrixResult(answer: Answer): (number | string | CustomFunctions.Error)[][] {
  if (answer instanceof DomainError) throw toExcelError(answer);
  if (typeof answer === "number") return [[answer]];
  return answer.map((row) => row.map((v) => (v instanceof DomainError ? toExcelError(v) : v)));
}

/** Streams a ticker field into a streaming cell; stops when Excel cancels the cell. */
export function streamToCell(
  field: TickerField,
  symbol: unknown,
  exchange: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  const setResult = invocation.setResult as (value: number | CustomFunctions.Error) => void;
  const stop = streamTicker(field, symbol, exchange, {
    value: (v) => setResult(v),
    error: (e) => setResult(toExcelError(e)),
  });
  invocation.onCanceled = stop;
}

/** Streams LEGS.FUTURES' table into a streaming matrix cell; stops when Excel cancels it. */
export function futuresToCell(
  asset: unknown,
  exchange: unknown,
  margin: unknown,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  const setResult = invocation.setResult as (value: (string | number)[][] | CustomFunctions.Error) => void;
  invocation.onCanceled = streamFutures(asset, exchange, margin, {
    value: setResult,
    error: (e) => setResult(toExcelError(e)),
  });
}

/** Streams LEGS.FUNDINGBOARD into a streaming matrix cell (a venue's failure in its own cells). */
export function boardToCell(
  symbols: unknown,
  exchanges: unknown,
  horizon: unknown,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  const setResult = invocation.setResult as (value: ReturnType<typeof matrixResult> | CustomFunctions.Error) => void;
  invocation.onCanceled = streamFundingBoard(symbols, exchanges, horizon, {
    value: (rows) => setResult(matrixResult(rows)),
    error: (e) => setResult(toExcelError(e)),
  });
}
