/** Median-of-rounds timing after warm-up: robust to the odd GC pause or noisy neighbour. */
import { performance } from "perf_hooks";

export interface Timing {
  /** Median time of one call, in nanoseconds. */
  ns: number;
  rounds: number;
  callsPerRound: number;
}

/**
 * Runs `fn` until warm (≥ warmMs), sizes a round to ≈ roundMs, then times `rounds` rounds and
 * reports the median per call. `sink` keeps results alive so the JIT cannot drop the work.
 */
export function measure(fn: () => unknown, { warmMs = 150, roundMs = 40, rounds = 15 } = {}): Timing {
  let sink: unknown;
  const warmEnd = performance.now() + warmMs;
  let calls = 0;
  while (performance.now() < warmEnd) {
    sink = fn();
    calls++;
  }
  const perCallMs = warmMs / Math.max(calls, 1);
  const callsPerRound = Math.max(1, Math.round(roundMs / Math.max(perCallMs, 1e-6)));
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerRound; i++) sink = fn();
    samples.push(((performance.now() - t0) * 1e6) / callsPerRound);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  samples.sort((a, b) => a - b);
  return { ns: samples[Math.floor(samples.length / 2)], rounds, callsPerRound };
}

export const ms = (ns: number): number => ns / 1e6;
