/**
 * Reading an export's cells: decimals as exact text, empty markers ("--", ""), fee cells that
 * carry their asset ("0.2952 USDC", "0.03682290USDT"), and dates in the layouts exchanges use.
 */
import { Dec } from "../core/decimal";
import { symbolParts } from "../core/symbol-parts";

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const PLAIN = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** "--" and "" are empty. */
export const isEmpty = (s: string | undefined): boolean => s === undefined || s.trim() === "" || s.trim() === "--";

/** A decimal cell as canonical exact text ("0.02000000000000000000" → "0.02", "0E-8" → "0"), or null. */
export function decimalText(s: string | undefined): string | null {
  if (s === undefined) return null;
  // The common case, a plain decimal, canonicalised as text (no decimal object per cell: exports
  // run to hundreds of thousands of rows).
  const plain = PLAIN.exec(s.trim());
  if (plain) {
    const int = plain[2].replace(/^0+(?=\d)/, "");
    const frac = (plain[3] ?? "").replace(/0+$/, "");
    if (/^0?$/.test(int) && frac === "") return "0";
    return `${plain[1] === "-" ? "-" : ""}${int || "0"}${frac ? `.${frac}` : ""}`;
  }
  // No thousands separators: exchanges write none, and "2000,5" must never become 20005.
  const t = s.trim();
  if (!DECIMAL.test(t)) return null;
  const d = new Dec(t);
  return d.isFinite() ? (d.isZero() ? "0" : d.toFixed()) : null;
}

/** Negated decimal text. */
export const negate = (s: string): string => (s === "0" ? "0" : s.startsWith("-") ? s.slice(1) : `-${s}`);

/** "0.2952 USDC" / "0.03682290USDT" → amount and asset; a bare number has no asset. */
export function amountWithAsset(s: string): { amount: string; asset: string } | null {
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([A-Za-z][A-Za-z0-9]*)?\s*$/i.exec(s);
  if (!m) return null;
  const amount = decimalText(m[1]);
  return amount === null ? null : { amount, asset: (m[2] ?? "").toUpperCase() };
}

/** "2026-05-30 03:35:09" (optionally with milliseconds or a T) in a zone `offsetMinutes` east of UTC → ms UTC. */
export function isoLocalTime(s: string, offsetMinutes = 0): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(s.trim());
  if (!m) return null;
  return utc(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), +(m[7] ?? "0").padEnd(3, "0"), offsetMinutes);
}

/** A calendar time, checked (no 31 February), as ms UTC. */
export function utc(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMinutes: number,
): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(t).getUTCDate() !== d) return null;
  return t - offsetMinutes * 60000;
}

/** "(UTC+3)", "(UTC-5:30)", "(UTC--6)" in a file name → minutes east of UTC. */
export function offsetFromName(name: string | undefined): number | null {
  const m = /\(UTC([+-]{1,2})(\d{1,2})(?::?(\d{2}))?\)/i.exec(name ?? "");
  if (!m) return null;
  const minutes = +m[2] * 60 + +(m[3] ?? 0);
  return m[1].endsWith("-") ? -minutes : minutes;
}

/** "UTC+8" → 480. */
export function offsetFromLabel(label: string): number | null {
  const m = /UTC\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(label);
  if (!m) return /UTC/i.test(label) ? 0 : null;
  const minutes = +m[2] * 60 + +(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

/** BTCUSDT → BTC; BTC-USDT-SWAP → BTC; ETH → ETH. */
export const assetOf = (symbol: string): string => symbolParts(symbol).base;
