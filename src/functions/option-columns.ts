/**
 * The columns of a legs table that let NETDELTA compute an option's delta (src/functions/
 * option-legs.ts): their names, and the check functions.js makes before loading options.js.
 */
import { normalise } from "./legs-table";

export type OptionField = "optionType" | "strike" | "expiry" | "days" | "vol";

/** Header synonyms, normalised as the legs table's (lower case, no spaces, "_", "-" or "."). */
export const OPTION_HEADERS: Readonly<Record<string, OptionField>> = {
  optiontype: "optionType",
  callput: "optionType",
  putcall: "optionType",
  cp: "optionType",
  strike: "strike",
  strikeprice: "strike",
  expiry: "expiry",
  expiration: "expiry",
  expirydate: "expiry",
  expirationdate: "expiry",
  maturity: "expiry",
  days: "days",
  daystoexpiry: "days",
  dte: "days",
  vol: "vol",
  iv: "vol",
  volatility: "vol",
  impliedvol: "vol",
  impliedvolatility: "vol",
  markiv: "vol",
};

/**
 * The Strike and Vol synonyms as one pattern: functions.js checks headers with it and carries no
 * table (its 60 KB budget); a test holds it to OPTION_HEADERS.
 */
export const STRIKE_OR_VOL = /^(strike(price)?|vol(atility)?|iv|impliedvol(atility)?|markiv)$/;

/**
 * Whether the table's header has a Strike or a Vol (IV) column: then its option legs may need a
 * delta computed, and NETDELTA runs in options.js. Without both no delta can be computed, and the
 * plain path says what an option leg lacks.
 */
export function hasOptionColumns(legs: unknown): boolean {
  const first = Array.isArray(legs) ? legs[0] : null;
  // Every name of those columns starts with s, v, i or m: other headers are passed over unread
  // (this runs on every NETDELTA call).
  return (
    Array.isArray(first) && first.some((v) => typeof v === "string" && /^\s*[svim]/i.test(v) && STRIKE_OR_VOL.test(normalise(v)))
  );
}
