/**
 * npm run bench: speed, size and round trips, each speed as a ratio to a baseline measured in
 * the same run (absolute times vary from machine to machine). Prints a table and writes
 * bench/latest.json. Not part of npm test.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";
import { performance } from "perf_hooks";
import { fakeCustomFunctions } from "../test/helpers/custom-functions";
import { backtestBench } from "./backtest";
import { naive, plain } from "./baselines";
import { fakeRun } from "./fake-run";
import { bookBench } from "./book";
import { fundingBoardBench } from "./funding-board";
import { importWriteBench } from "./import-write";
import { optionsBench } from "./options";
import { relayBench } from "./relay";
import { measure } from "./timing";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = fakeCustomFunctions();

const fns = require("../src/functions/functions") as Record<string, (...a: unknown[]) => unknown>;
const { TEMPLATES } = require("../src/sheets/templates") as typeof import("../src/sheets/templates");
const { checkInputs, todayIso } = require("../src/sheets/inputs") as typeof import("../src/sheets/inputs");
const { writePlan } = require("../src/excel/writer") as typeof import("../src/excel/writer");
const { evaluatePlan } = require("../src/preview/engine") as typeof import("../src/preview/engine");
const { netDelta } = require("../src/functions/netdelta") as typeof import("../src/functions/netdelta");
const { scalarResult } = require("../src/functions/excel-result") as typeof import("../src/functions/excel-result");
const { hasOptionColumns } = require("../src/functions/option-columns") as typeof import("../src/functions/option-columns");

const root = path.resolve(__dirname, "../../..");

/** Seed-article inputs for each scalar call: what a cell would pass. */
const SCALAR_CALLS: Record<string, unknown[]> = {
  HEDGEPNL: [[[10]], [[5]], [[3400]], [[3740]], [[0.0003]], [[90]], [[0.0005]]],
  BASISAPY: [[[95000]], [[98000]], [[90]], null, null],
  FUNDINGYIELD: [[[0.0003]], null, null, null],
  POSITIONPNL: ["long", [[0.2]], [[7000]], [[7500]], null, null],
  AVGENTRY: [[[0.5], [0.3]], [[5000], [6000]], null],
  LIQPRICE: ["long", [[2459.5]], [[0.0199]], [[24.454895]], [[0.01]], null, null, null],
  FUNDINGPNL: ["short", 0.5, [[100000]], [[0.0003]], null, null],
  NETDELTA: [
    [
      ["Asset", "Instrument", "Side", "Quantity"],
      ["ETH", "spot", "long", 10],
      ["ETH", "perp", "short", 5],
    ],
    null,
    null,
  ],
};

/**
 * What a scalar row times, where the entry point is not a plain synchronous call. NETDELTA is
 * async (a table with option columns loads options.js): for a table without, its whole work is
 * this, done before it returns an already-resolved promise; timing the promise-returning call
 * would add the async function's overhead and hide none of the work, so the row times the work
 * itself (as it did when NETDELTA was synchronous). The awaited call is in the options section.
 */
const SYNC_WORK: Record<string, (...a: unknown[]) => unknown> = {
  NETDELTA: (legs, price, asset) => {
    if (hasOptionColumns(legs)) throw new Error("this table would go to options.js");
    return scalarResult(netDelta(legs, price, asset));
  },
};

interface ScalarRow {
  fn: string;
  ns: number;
  plainNs: number;
  naiveNs: number;
  vsPlain: number;
  vsNaive: number;
}

function scalarBench(): ScalarRow[] {
  return Object.entries(SCALAR_CALLS).map(([fn, args]) => {
    const entry = SYNC_WORK[fn] ?? fns[fn];
    const call = () => entry(...args);
    const ns = measure(call).ns;
    const plainNs = measure(() => plain[fn](...args)).ns;
    const naiveNs = measure(() => naive[fn](...args)).ns;
    return { fn, ns, plainNs, naiveNs, vsPlain: ns / plainNs, vsNaive: ns / naiveNs };
  });
}

interface BulkRow {
  name: string;
  ms: number;
  targetMs: number;
  plainMs: number;
}

function bulkBench(): BulkRow[] {
  const exits = Array.from({ length: 100 }, (_, i) => [2000 + i * 25.5]);
  const hedges = [Array.from({ length: 100 }, (_, j) => j / 10)];
  const legs: unknown[][] = [["Asset", "Instrument", "Side", "Quantity", "Contract size", "Inverse"]];
  for (let i = 0; i < 10000; i++)
    legs.push(["ETH", i % 2 ? "perp" : "spot", i % 3 ? "long" : "short", 1 + (i % 97) / 8, i % 5 ? 1 : 0.1, false]);
  // Rates as exchanges publish them (8-decimal strings parsed to doubles): 0.0000125 ± k × 0.000001.
  const rates = Array.from({ length: 26280 }, (_, i) => [(1250 + ((i % 13) - 6) * 100) / 1e8]);
  const prices = Array.from({ length: 26280 }, (_, i) => [60000 + (i % 1000) * 12.5]);
  const rows: BulkRow[] = [];
  const time = (name: string, targetMs: number, f: () => unknown, p: () => unknown) =>
    rows.push({ name, ms: measure(f, { rounds: 9 }).ns / 1e6, targetMs, plainMs: measure(p, { rounds: 9 }).ns / 1e6 });
  time(
    "HEDGEPNL 100×100 spill",
    20,
    () => fns.HEDGEPNL([[10]], hedges, [[3400]], exits, null, null, null),
    () => exits.map(([x]) => hedges[0].map((h) => 10 * (x - 3400) - h * (x - 3400))),
  );
  time(
    "NETDELTA 10,000 legs",
    20,
    () => SYNC_WORK.NETDELTA(legs, null, null),
    () => legs.slice(1).reduce((t: number, r) => t + (r[2] === "short" ? -1 : 1) * (r[3] as number) * (r[4] as number), 0),
  );
  time(
    "FUNDINGYIELD 26,280 hourly rates",
    10,
    () => fns.FUNDINGYIELD(rates, [[1]], [[365]], null),
    () => (rates.reduce((t, [r]) => t + r, 0) / rates.length) * 8760,
  );
  time(
    "FUNDINGPNL 26,280 hourly events",
    10,
    () => fns.FUNDINGPNL("short", 1.5, prices, rates, null, null),
    () => prices.reduce((t, [p], i) => t + 1.5 * p * rates[i][0], 0),
  );
  return rows;
}

interface TemplateRow {
  id: string;
  buildMs: number;
  syncs: number;
  payloadBytes: number;
  previewMs: number;
}

async function templateBench(): Promise<TemplateRow[]> {
  const rows: TemplateRow[] = [];
  for (const t of TEMPLATES) {
    const { values } = checkInputs(t.inputs, {}, todayIso());
    const buildMs = measure(() => t.build(values), { rounds: 9 }).ns / 1e6;
    const record = { syncs: 0 };
    const result = await writePlan(fakeRun(record), t.build(values));
    const plan = t.build(values);
    const previewMs = measure(() => evaluatePlan(plan), { rounds: 5, warmMs: 300, roundMs: 100 }).ns / 1e6;
    rows.push({ id: t.id, buildMs, syncs: record.syncs, payloadBytes: result.payloadBytes, previewMs });
  }
  return rows;
}

function bundleBench(): {
  minBytes: number;
  gzipBytes: number;
  loadMs: number;
  targetBytes: number;
  liveChunkBytes: number;
  optionsChunkBytes: number;
} {
  const file = path.join(root, "dist", "functions.js");
  const code = fs.readFileSync(file);
  const script = new vm.Script(code.toString("utf8"));
  const load = () => {
    const context = vm.createContext({ CustomFunctions: fakeCustomFunctions() });
    script.runInContext(context);
  };
  const t0 = performance.now();
  load();
  const coldMs = performance.now() - t0;
  return {
    minBytes: code.length,
    gzipBytes: zlib.gzipSync(code).length,
    loadMs: Math.max(coldMs, measure(load, { rounds: 5 }).ns / 1e6),
    targetBytes: 60 * 1024,
    liveChunkBytes: fs.statSync(path.join(root, "dist", "live.js")).size,
    optionsChunkBytes: fs.statSync(path.join(root, "dist", "options.js")).size,
  };
}

const fmt = (x: number, d = 1) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

async function main(): Promise<void> {
  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  const scalar = scalarBench();
  // Right after the scalar calls, in the same conditions: after the bulk section's large ranges
  // the engine's state makes the broadcasting path of single-value calls slower (see options.ts).
  const options = await optionsBench(fns, SCALAR_CALLS.NETDELTA[0] as unknown[][], SYNC_WORK.NETDELTA);
  const bulk = bulkBench();
  const templates = await templateBench();
  const bundle = bundleBench();
  const relay = await relayBench(root);
  const book = bookBench();
  const importWrite = await importWriteBench();
  const fundingBoard = await fundingBoardBench(root);
  const backtests = backtestBench();

  console.log(`\nLegwork benchmark — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}\n`);
  console.log("Scalar calls (median ns per call; ratios to plain doubles and to naive decimal.js, same run)");
  console.log("function      LEGS ns   plain ns   naive ns   ×plain   ×naive");
  for (const r of scalar) {
    console.log(
      `${r.fn.padEnd(12)} ${fmt(r.ns, 0).padStart(8)} ${fmt(r.plainNs, 0).padStart(10)} ${fmt(r.naiveNs, 0).padStart(10)} ${fmt(r.vsPlain).padStart(8)} ${fmt(r.vsNaive, 2).padStart(8)}`,
    );
  }
  console.log("\nBulk (median ms; target; plain-double equivalent)");
  for (const r of bulk)
    console.log(
      `${r.name.padEnd(34)} ${fmt(r.ms, 2).padStart(8)} ms  (target ≤ ${r.targetMs} ms; plain ${fmt(r.plainMs, 3)} ms)`,
    );
  const g = options.greeks;
  console.log("\nOptions (options.js; median ns per call unless stated; plain = textbook Black-76 in doubles, same run)");
  console.log(
    `OPTIONGREEKS("call", 100000, 105000, 30, 0.6, 0, "inverse"): ${fmt(g.scalarNs, 0)} ns single values, ` +
      `${fmt(g.rangeNs, 0)} ns 1×1 ranges (as Excel passes them); plain ${fmt(g.plainNs, 0)} ns → ` +
      `${fmt(g.vsPlain, 2)}× / ${fmt(g.rangeVsPlain, 2)}× (target ≤ ${g.target}×: ${g.met ? "met" : "MISSED"})`,
  );
  console.log(
    `  of which Black-76 itself (core optionGreeks) ${fmt(g.coreNs, 0)} ns; the awaited LEGS.OPTIONGREEKS ${fmt(g.entryNs, 0)} ns`,
  );
  for (const r of options.impliedVol)
    console.log(
      `IMPLIEDVOL ${r.point.padEnd(24)} (${r.type} K ${r.strike}) ${fmt(r.ivNs, 0).padStart(6)} ns = ` +
        `${fmt(r.vsPrice, 1).padStart(4)}× one OPTIONPRICE (${fmt(r.priceNs, 0)} ns)`,
    );
  for (const r of options.surfaces)
    console.log(
      `${r.name.padEnd(38)} ${fmt(r.ms, 2).padStart(6)} ms per surface, ${fmt(r.usPerCell, 2)} µs per cell` +
        (r.plainMs !== null
          ? `; plain ${fmt(r.plainMs, 3)} ms (${fmt(r.vsPlain ?? 0, 1)}×)`
          : `; ${fmt(r.vsPlain ?? 0, 1)}× the price surface`) +
        `; ${r.errors} error cells` +
        (r.worstRoundTrip !== null ? `; worst |vol − 0.6| ${r.worstRoundTrip.toExponential(1)}` : ""),
    );
  for (const r of options.netDelta)
    console.log(`${r.name}: ${fmt(r.ns, 0)} ns; plain ${fmt(r.plainNs ?? 0, 0)} ns (${fmt(r.vsPlain ?? 0, 1)}×)`);
  console.log(
    `NETDELTA seed table (no option columns): synchronous work ${fmt(options.netDeltaAsync.syncNs, 0)} ns, ` +
      `the async entry point awaited ${fmt(options.netDeltaAsync.awaitedNs, 0)} ns`,
  );
  console.log("\nTemplates (plan build, writer syncs and payload, HyperFormula preview)");
  for (const t of templates) {
    console.log(
      `${t.id.padEnd(18)} build ${fmt(t.buildMs, 2).padStart(6)} ms  syncs ${t.syncs}  payload ${fmt(t.payloadBytes / 1024).padStart(6)} KiB  preview ${fmt(t.previewMs, 1).padStart(6)} ms`,
    );
  }
  console.log(
    `\nfunctions.js: ${fmt(bundle.minBytes / 1024)} KiB minified (target ≤ 60 KiB), ${fmt(bundle.gzipBytes / 1024)} KiB gzipped; load + associate in a bare vm ${fmt(bundle.loadMs, 2)} ms`,
  );
  console.log(`live.js (market data, loaded on first use): ${fmt(bundle.liveChunkBytes / 1024)} KiB minified`);
  console.log(`options.js (Black-76, loaded on first use): ${fmt(bundle.optionsChunkBytes / 1024)} KiB minified\n`);
  console.log(
    `Relay, cached answer (${relay.requests} requests, ${relay.concurrency} at a time, ${fmt(relay.bodyBytes / 1024)} KiB each): ` +
      `p50 ${fmt(relay.relayP50Ms, 2)} ms, p99 ${fmt(relay.relayP99Ms, 2)} ms; bare Node server with the same bytes p50 ${fmt(relay.bareP50Ms, 2)} ms, ` +
      `p99 ${fmt(relay.bareP99Ms, 2)} ms; p99 ratio ${fmt(relay.p99VsBare, 2)}×; upstream requests ${relay.upstreamRequests}\n`,
  );

  console.log(
    `Book: reading a ${book.rows.toLocaleString("en-US")}-row export (${fmt(book.exportMB)} MB) ${fmt(book.readMs, 0)} ms = ${fmt(book.readVsPapa, 2)}× papaparse's bare parse (${fmt(book.papaMs, 0)} ms; target ≤ 3×); ` +
      `the same export zipped (${fmt(book.zipMB)} MB) adds ${fmt(book.zipAddedMs, 0)} ms = ${fmt(book.zipAddedVsUnzip, 2)}× fflate's bare unzip (${fmt(book.unzipMs, 0)} ms; target ≤ 1.5×); ` +
      `LEDGER over ${book.rows.toLocaleString("en-US")} fills ${fmt(book.ledgerMs, 0)} ms (target ≤ 100 ms) = ${fmt(book.ledgerVsPlain, 1)}× a plain-double ledger (${fmt(book.plainLedgerMs, 1)} ms)\n`,
  );

  console.log(
    `Import: writing ${importWrite.rows.toLocaleString("en-US")} fills into the Book's tables: ${importWrite.syncs} syncs, ` +
      `${importWrite.batches} write batches, largest request ${fmt(importWrite.largestRequestBytes / 1048576, 2)} MB (Excel's limit 5 MB); ` +
      `re-importing the same file: ${importWrite.reimportSyncs} syncs, ${importWrite.reimportAdded} rows added\n`,
  );

  const fb = fundingBoard;
  console.log(
    `FUNDINGBOARD, ${fb.symbols} symbols × ${fb.venues} venues (in-process fake venues answering fixture-shaped ` +
      `answers; ${fb.polls} polls ${fb.pollMs / 1000} s apart): requests per poll ${fb.totalPerPoll.join(", ")} ` +
      `(target: one per venue per endpoint)`,
  );
  for (const r of fb.requests) {
    console.log(
      `  ${r.venue.padEnd(12)} ${r.perPoll.join("/").padEnd(6)} per poll; ${r.quoted} quoted, ${r.notListed} not listed; ` +
        `${r.met ? "met" : "MISSED"}: ${r.note}`,
    );
    for (const e of r.endpoints) console.log(`    ${e.endpoint.padEnd(74)} ${e.perPoll.join("/")}`);
  }
  console.log(
    `  with ${fb.withLatency.latencyMs} ms per answer (fake clock), ${fb.withLatency.polls} polls: ` +
      `${fb.withLatency.totalPerPoll.join(", ")} requests; ${fb.withLatency.note}`,
  );
  console.log(
    `  recalculation (boardCells from fetched quotes) ${fmt(fb.cellsNs / 1000, 1)} µs per board ` +
      `(${fmt(fb.cellsNs / (fb.symbols * fb.venues), 0)} ns per symbol × venue); plain doubles ${fmt(fb.plainNs / 1000, 2)} µs ` +
      `(${fmt(fb.cellsVsPlain, 1)}×); worst relative difference ${fb.worstRelDiff.toExponential(1)}`,
  );
  console.log(
    `  whole poll, every answer cached (boardQuotes + boardCells) ${fmt(fb.warmPollNs / 1000, 1)} µs (${fmt(fb.warmVsPlain, 1)}× plain); ` +
      `with new answers parsed ${fmt(fb.freshPollNs / 1000, 1)} µs (${fmt(fb.freshVsPlain, 1)}× plain)\n`,
  );

  console.log("Backtests (median ms per call; plain = the same work in plain doubles, bench/backtest.ts, same run)");
  const bt = backtests;
  console.log(
    `REBALANCE over ${fmt(bt.rebalance[0]?.prices ?? 0, 0)} prices, fee_rate 0.0005: the whole spill (grid read, ` +
      `${fmt((bt.rebalance[0]?.prices ?? 0) + 2, 0)} rows built); of which the walk alone (core on doubles vs the plain walk)`,
  );
  for (const r of bt.rebalance)
    console.log(
      `  ${r.name.padEnd(46)} ${fmt(r.ms, 2).padStart(7)} ms; plain ${fmt(r.plainMs, 2).padStart(6)} ms → ` +
        `${fmt(r.vsPlain, 2)}× (target ≤ ${r.target}×: ${r.met ? "met" : "MISSED"}); walk ${fmt(r.coreMs, 2)} ms vs ` +
        `${fmt(r.plainWalkMs, 2)} ms (${fmt(r.walkVsPlain, 2)}×); first call ${fmt(r.firstMs, 0)} ms (plain ${fmt(r.plainFirstMs, 0)}); ` +
        `${r.trades} trades; final P&L ${fmt(r.finalPnl, 2)} (plain differs by ${r.relDiff.toExponential(1)})`,
    );
  console.log(`HEDGESTATS over ${fmt(bt.hedgeStats[0]?.pairs ?? 0, 0)} pairs (spot and a perp with a drifting basis)`);
  for (const r of bt.hedgeStats)
    console.log(
      `  ${r.name.padEnd(16)} ${fmt(r.ms, 2).padStart(6)} ms; plain ${fmt(r.plainMs, 2).padStart(6)} ms → ${fmt(r.vsPlain, 2)}× ` +
        `(target ≤ ${r.target}×: ${r.met ? "met" : "MISSED"}); correlation ${r.correlation.toFixed(6)}; ` +
        `worst relative difference ${r.worstRelDiff.toExponential(1)}`,
    );
  console.log("");

  const out = {
    date: new Date().toISOString(),
    machine,
    scalar,
    bulk,
    options,
    templates,
    bundle,
    relay,
    book,
    importWrite,
    fundingBoard,
    backtests,
  };
  fs.writeFileSync(path.join(root, "bench", "latest.json"), JSON.stringify(out, null, 2) + "\n");
  console.log("wrote bench/latest.json");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
