/**
 * A ZIP archive of exports (Binance hands its exports out as .zip): the CSV files inside, read
 * with fflate's streaming inflater (a well-kept library; no inflate written here). An archive
 * with anything else inside (a spreadsheet, a PDF, another archive) is refused whole, and so is
 * one that inflates past the limit, counted as it inflates: the sizes an archive declares are
 * not trusted (a "zip bomb" declares small ones). Folders and macOS's metadata (__MACOSX/,
 * .DS_Store) are not content.
 */
import { Unzip, UnzipInflate } from "fflate";

/** At most this much text out of one archive, all its files together. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

export interface ArchiveFile {
  /** The file's path inside the archive. */
  name: string;
  bytes: Uint8Array;
}

/** True when the bytes start like a ZIP archive (a local file header, or an empty archive). */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  (bytes[2] === 3 || bytes[2] === 5) &&
  (bytes[3] === 4 || bytes[3] === 6);

const isMetadata = (name: string) => name.endsWith("/") || name.startsWith("__MACOSX/") || /(^|\/)\.DS_Store$/.test(name);

export function csvFilesInZip(bytes: Uint8Array, maxBytes = MAX_UNZIPPED_BYTES): { files: ArchiveFile[] } | { refused: string } {
  const files: ArchiveFile[] = [];
  let total = 0;
  let refusal: string | null = null;
  const unzip = new Unzip((entry) => {
    if (refusal || isMetadata(entry.name)) return;
    if (!/\.(csv|txt)$/i.test(entry.name)) {
      refusal = `the archive holds "${entry.name}", which is not a CSV export: nothing was read from it (put only the exchange's CSV files in an archive)`;
      return;
    }
    const chunks: Uint8Array[] = [];
    entry.ondata = (err, chunk, final) => {
      if (refusal) return;
      if (err) {
        refusal = `"${entry.name}" in the archive is damaged (${err.message}): nothing was read from it`;
        return;
      }
      total += chunk.length;
      if (total > maxBytes) {
        refusal = `the archive's files come to more than ${maxBytes / 1048576} MB: Legwork reads exports up to that size`;
        entry.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files.push({ name: entry.name, bytes: concat(chunks) });
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    // In slices, so the size limit stops inflating long before a bomb fills memory.
    const SLICE = 1 << 20;
    for (let at = 0; at < bytes.length && !refusal; at += SLICE)
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch (e) {
    return { refused: `the archive is damaged (${e instanceof Error ? e.message : String(e)}): nothing was read from it` };
  }
  if (refusal) return { refused: refusal };
  if (files.length === 0) return { refused: "the archive holds no CSV file" };
  return { files };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
