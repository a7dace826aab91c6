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
  // The commonest case, a decimal already in canonical form ("2034.5", "-0.002875"), is its own
  // text: checked character by character, nothing made (exports run to hundreds of thousands of rows).
  const trimmed = s.trim();
  if (isCanonical(trimmed)) return trimmed;
  // Then a plain decimal, canonicalised as text (no decimal object per cell).
  const plain = PLAIN.exec(trimmed);
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

/**
 * True when `t` is a plain decimal exactly as decimalText writes it: an optional "-", digits with
 * no leading zero (but "0" itself), an optional "." and digits not ending in 0; not "-0".
 */
function isCanonical(t: string): boolean {
  const n = t.length;
  let i = t.charCodeAt(0) === 45 ? 1 : 0; // "-"
  const first = i;
  while (i < n && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
  const digits = i - first;
  if (digits === 0 || (digits > 1 && t.charCodeAt(first) === 48)) return false;
  if (i === n) return !(first === 1 && digits === 1 && t.charCodeAt(1) === 48); // not "-0"
  if (t.charCodeAt(i) !== 46 || i === n - 1 || t.charCodeAt(n - 1) === 48) return false; // "." then digits, last not 0
  for (i++; i < n; i++) if (t.charCodeAt(i) < 48 || t.charCodeAt(i) > 57) return false;
  return true;
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

/** The layout most exchanges write their times in, yyyy-mm-dd hh:mm:ss (see dates.ts). */
export const NATIVE_DATES = [{ order: "ymd", sep: "-" }] as const;

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
  if (
    y >= 100 &&
    y <= 9999 &&
    s < 60 &&
    Number.isInteger(y) &&
    Number.isInteger(mo) &&
    Number.isInteger(d) &&
    Number.isInteger(h) &&
    Number.isInteger(mi) &&
    Number.isInteger(s) &&
    Number.isInteger(ms) &&
    h >= 0 &&
    mi >= 0 &&
    s >= 0 &&
    ms >= 0 &&
    ms <= 999
  ) {
    // The common case worked out without a Date (the same numbers: nothing rolls over here).
    if (d > daysInMonth(y, mo)) return null;
    return daysFromCivil(y, mo, d) * 86400000 + h * 3600000 + mi * 60000 + s * 1000 + ms - offsetMinutes * 60000;
  }
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(t).getUTCDate() !== d) return null;
  return t - offsetMinutes * 60000;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysInMonth = (y: number, mo: number): number => (mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1]);

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, mo: number, d: number): number {
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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

/** The exact product of two decimal texts, as canonical text ("250" × "0.01" → "2.5"). */
export function decimalTimes(a: string, b: string): string {
  const p = new Dec(a).times(b);
  return p.isZero() ? "0" : p.toFixed();
}

/** The exact quotient of two decimal texts as canonical text, or null when it has no exact decimal form (or b is 0). */
export function decimalQuotient(a: string, b: string): string | null {
  const divisor = new Dec(b);
  if (divisor.isZero()) return null;
  const q = new Dec(a).div(divisor);
  if (!q.times(divisor).eq(a)) return null;
  return q.isZero() ? "0" : q.toFixed();
}

/** Minutes east of UTC as a zone's name: "UTC", "UTC+3", "UTC+5:30", "UTC-5". */
export function zoneLabel(minutes: number): string {
  if (minutes === 0) return "UTC";
  const a = Math.abs(minutes);
  return `UTC${minutes > 0 ? "+" : "-"}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, "0")}` : ""}`;
}
