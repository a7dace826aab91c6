/**
 * The book's bulk work, each as a ratio to a baseline in the same run: reading a 100,000-row
 * exchange export (papaparse's bare parse of the same text is the baseline: the floor for reading
 * CSV at all), the same export read from a ZIP archive (what the archive adds, against fflate's
 * bare unzip of it), and LEDGER over 100,000 fills (a plain-double ledger of the same fills is
 * the baseline).
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import Papa from "papaparse";
import { performance } from "perf_hooks";
import { ledgerOf } from "../src/functions/ledger";
import { readExport } from "../src/import/read-export";
import { csvFilesInZip } from "../src/import/read-archive";
import { readUpload } from "../src/import/read-upload";

const ROWS = 100000;

export interface BookRow {
  rows: number;
  exportMB: number;
  readMs: number;
  papaMs: number;
  readVsPapa: number;
  ledgerMs: number;
  plainLedgerMs: number;
  ledgerVsPlain: number;
  zipMB: number;
  /** What reading the upload as a ZIP adds to reading the same CSV's bytes: taking the CSV out of the archive. */
  zipAddedMs: number;
  unzipMs: number;
  zipAddedVsUnzip: number;
}

function best(f: () => void, rounds = 5): number {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/** A Hyperliquid trade history of `n` fills over a few coins, opens and closes alternating. */
export function hyperliquidExport(n: number): string {
  const coins = ["BTC", "ETH", "SOL", "HYPE"];
  const lines = ["time,coin,dir,px,sz,ntl,fee,closedPnl"];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (Math.floor(i / 3600) % 28)).padStart(2, "0");
    const s = i % 3600;
    const time = `${day}/02/2026 ${String(Math.floor(s / 60) % 24).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;
    const px = (2000 + (i % 97) * 0.7).toFixed(1);
    lines.push(
      `${time},${coins[i % 4]},${i % 2 ? "Close Long" : "Open Long"},${px},0.0094,${(Number(px) * 0.0094).toFixed(6)},0.002875,-0.002875`,
    );
  }
  return lines.join("\n") + "\n";
}

export function bookBench(): BookRow {
  const text = hyperliquidExport(ROWS);
  const papaMs = best(() => void Papa.parse(text, { delimiter: "," }));
  const readMs = best(() => {
    const r = readExport(text);
    if ("refused" in r || r.fills.length !== ROWS) throw new Error("the benchmark export did not read whole");
  });
  // The same export as an upload, bare and zipped (Binance hands its exports out as .zip).
  const bytes = strToU8(text);
  const zip = zipSync({ "Binance-Futures-Trade-History.csv": bytes });
  const upload = (name: string, data: Uint8Array) => {
    const [summary] = readUpload(name, data, {});
    if (!summary.parsed || summary.parsed.fills.length !== ROWS) throw new Error(`the benchmark ${name} did not read whole`);
  };
  // Read whole both ways (the same fills), then what the archive adds timed by itself: readUpload
  // takes the CSVs out of the archive (csvFilesInZip), then reads each as it reads a bare upload.
  // (The difference of two ~400 ms reads would be mostly their noise.)
  upload("export.csv", bytes);
  upload("export.zip", zip);
  const archive = () => {
    const r = csvFilesInZip(zip);
    if ("refused" in r || r.files[0].bytes.length !== bytes.length) throw new Error("the benchmark archive did not unzip whole");
  };
  const zipAddedMs = best(archive, 15);
  const unzipMs = best(() => void unzipSync(zip), 15);
  const parsed = readExport(text);
  if ("refused" in parsed) throw new Error(parsed.refused);
  const table: unknown[][] = [["Time UTC", "Exchange", "Symbol", "Side", "Quantity", "Price", "Fee", "Fee asset"]];
  for (const f of parsed.fills)
    table.push([
      f.time / 86400000 + 25569,
      f.exchange,
      f.symbol,
      f.side,
      Number(f.quantity),
      Number(f.price),
      Number(f.fee),
      f.feeAsset,
    ]);
  const ledgerMs = best(() => void ledgerOf(table, null, null, null));
  // Baseline: the same average-cost ledger in plain doubles, no validation.
  const plainLedgerMs = best(() => {
    const pos = new Map<string, { q: number; cost: number; realized: number; fees: number }>();
    for (let i = 1; i < table.length; i++) {
      const r = table[i] as [number, string, string, string, number, number, number];
      const key = `${r[1]}|${r[2]}`;
      const p = pos.get(key) ?? { q: 0, cost: 0, realized: 0, fees: 0 };
      const signed = r[3] === "buy" ? r[4] : -r[4];
      if (p.q === 0 || Math.sign(p.q) === Math.sign(signed)) {
        p.q += signed;
        p.cost += signed * r[5];
      } else {
        const avg = p.cost / p.q;
        p.realized += -signed * (r[5] - avg);
        p.cost += signed * avg;
        p.q += signed;
      }
      p.fees -= r[6];
      pos.set(key, p);
    }
  });
  return {
    rows: ROWS,
    exportMB: text.length / 1048576,
    readMs,
    papaMs,
    readVsPapa: readMs / papaMs,
    ledgerMs,
    plainLedgerMs,
    ledgerVsPlain: ledgerMs / plainLedgerMs,
    zipMB: zip.length / 1048576,
    zipAddedMs,
    unzipMs,
    zipAddedVsUnzip: zipAddedMs / unzipMs,
  };
}
