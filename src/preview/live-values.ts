/**
 * Live exchange data in the preview. HyperFormula asks for a value synchronously, so the first
 * evaluation records which live calls the sheet makes (answering #N/A "loading"), the page fetches
 * them through the same service the add-in uses (the relay on this page's origin), and evaluates
 * again with the answers. Each value is as of the time it was fetched; Recalculate fetches anew.
 */
import { DomainError, missing } from "../core/errors";
import { fundingHistory, fundingInterval, LiveSink, streamFundingBoard, streamFutures, streamTicker } from "../functions/live";
import { LiveValues } from "../functions/registry";
import { Answer } from "../functions/spill";
import type { TickerField } from "../live/market";

const FIELDS: Record<string, TickerField> = { FUNDINGRATE: "fundingRate", MARKPRICE: "markPrice", INDEXPRICE: "indexPrice" };

/** The first value (or error) of a stream, then the stream is stopped. */
function firstOfStream<T>(start: (sink: LiveSink<T>) => () => void): Promise<T | DomainError> {
  return new Promise((resolve) => {
    let stop: () => void = () => undefined;
    let done = false;
    const finish = (v: T | DomainError) => {
      if (done) return;
      done = true;
      resolve(v);
      queueMicrotask(() => stop());
    };
    stop = start({ value: finish, error: finish });
    if (done) stop();
  });
}

export class PreviewLiveValues implements LiveValues {
  private readonly answers = new Map<string, Answer>();
  private readonly pending = new Map<string, { name: string; args: readonly unknown[] }>();

  read(name: string, args: readonly unknown[]): Answer {
    const key = JSON.stringify([name, args]);
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    this.pending.set(key, { name, args });
    return missing("loading live data…");
  }

  /** Whether the last evaluation asked for values not fetched yet. */
  get waiting(): boolean {
    return this.pending.size > 0;
  }

  /** Fetches every value asked for; resolves when all have answered (each within its deadline). */
  async fetchPending(): Promise<void> {
    const asks = [...this.pending.entries()];
    this.pending.clear();
    await Promise.all(
      asks.map(async ([key, { name, args }]) => {
        // The third argument: FUTURES' margin, FUNDINGHISTORY's days.
        const [symbol, exchange, third] = args;
        let answer: Answer;
        if (FIELDS[name]) answer = await firstOfStream<number>((sink) => streamTicker(FIELDS[name], symbol, exchange, sink));
        else if (name === "FUTURES") answer = await firstOfStream((sink) => streamFutures(symbol, exchange, third, sink));
        else if (name === "FUNDINGBOARD") {
          const [symbols, exchanges, horizon] = args;
          answer = await firstOfStream((sink) => streamFundingBoard(symbols, exchanges, horizon, sink));
        } else if (name === "FUNDINGINTERVAL") answer = await fundingInterval(symbol, exchange);
        else answer = await fundingHistory(symbol, exchange, third);
        this.answers.set(key, answer);
      }),
    );
  }
}
