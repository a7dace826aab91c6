/**
 * BitMEX wallet history (Account › Wallet › Wallet History › save as CSV), every field quoted:
 *   "transactTime","transactType","amount","fee","address","transactStatus","walletBalance"
 * newest first. Files saved from the API (bitmex.com/api/v1/user/walletHistory) carry more
 * columns ("timestamp","currency","network","transactID","orderID","tx","text","marginBalance")
 * and ISO times; only the core columns above are required (all but "address").
 *
 * Conventions:
 * - `amount`, `fee` and `walletBalance` are whole numbers of the currency's smallest unit: satoshi
 *   for XBt, 1e-6 for USDt and BMEx (the `scale` of /api/v1/wallet/assets). Withdrawals are
 *   negative; a fee the row has not got is written "null" (a Deposit). `address` holds the
 *   symbol (XBTUSD) on RealisedPNL and Funding rows.
 * - `transactTime` is made by the page, in the browser's locale: "12/25/2019, 7:00:00 AM" (US:
 *   month first, 12-hour clock), "25/12/2019, 07:00:00" (UK: day first, 24-hour) or ISO
 *   ("2020-05-01T12:00:00.000Z") in API files. It is apparently in the browser's time zone too:
 *   rotki's sample books its daily RealisedPNL at 7:00 AM in December, and BitMEX books them at
 *   12:00 UTC (New York is UTC−5 then). Times are only checked here: no row is written.
 * - transactType: Deposit, Withdrawal, RealisedPNL, UnrealisedPNL (one Pending row: the open
 *   positions' P&L when the file was made; ccxt has seen it with a null time, so an empty or
 *   "null" time is accepted on it), Transfer, AffiliatePayout, Conversion, SpotTrade and, since
 *   October 2024, Funding. transactStatus: Completed, Canceled, Pending.
 *
 * What the Book gets from this file: no fills and no funding, and it says why, row by row.
 * - The file has no per-fill rows. RealisedPNL rows are BitMEX's realised P&L per position, with
 *   its fees and funding in it: until September 2024 one row per position per day at 12:00 UTC
 *   (BitMEX support, "How to calculate Realised PNL": realised = P&L − taker fee + maker rebate
 *   ∓ funding, from 12:00 to 12:00 UTC), since then one per closing order (its commission in
 *   `fee`), per settlement and, until the Funding rows began, per funding time. All of it is in
 *   the execution history's fills and funding rows: imported here it would count twice.
 * - Funding rows (first seen on 1 October 2024 at 12:00 UTC, every 8 hours per symbol, amount +
 *   received / − paid, fee = −amount) are the same payments as the execution history's
 *   execType=Funding rows, which bitmex-executions.ts imports. They share no id, and nothing
 *   makes their times equal to the millisecond (the wallet's read 12:00:00.187), so the Book's
 *   content keys could not be relied on to tell them apart: they are counted, not imported. The
 *   wallet history holds no funding payment that the execution history lacks; before October
 *   2024 it has no funding rows at all (funding is inside RealisedPNL), in the one full history
 *   found.
 * - Deposits, withdrawals, transfers, affiliate payouts, conversions and spot legs are not
 *   trading in the Book's sense.
 *
 * Sources: GitHub rotki/rotki, rotkehlchen/tests/data/bitmex_wallet_history.csv (a real export,
 * its balances chain: header, quoting, satoshi, "null" fee, 12-hour clock) and its importer
 * rotkehlchen/data_import/importers/bitmex.py; Whalepool/bitmex-wallet-parser readme (the file
 * is made client-side, so its date format follows the browser: US or UK); ccxt's bitmex
 * parseLedgerEntry (transactType and status values, UnrealisedPNL's null time); the published
 * API dump of GitHub bwjoke/BTC-Trading-Since-2020 (api-v1-user-walletHistory.csv: Funding,
 * SpotTrade and Conversion rows, USDt and BMEx; api-v1-wallet-assets.csv: scales).
 */
import { ExportFormat, hasColumns } from "../format";
import { bitmexTime, prepareBitmexTimes } from "./bitmex-time";
import { decimalText } from "../values";

/** Why each kind of row is counted and not imported. */
const WHY: Record<string, string> = {
  RealisedPNL:
    "RealisedPNL (BitMEX's realised P&L of a position, fees and funding included: the execution history's fills and funding hold it)",
  Funding: "Funding (the same payments as the execution history's Funding rows, imported from there)",
  UnrealisedPNL: "UnrealisedPNL (the open positions' P&L when the file was made, not a transaction)",
  Deposit: "Deposit (money in, not trading)",
  Withdrawal: "Withdrawal (money out, not trading)",
  Transfer: "Transfer (between accounts, not trading)",
  AffiliatePayout: "AffiliatePayout (referral income, not trading)",
  Conversion: "Conversion (a change of currency in the wallet, not a derivatives fill)",
  SpotTrade: "SpotTrade (a spot trade's wallet leg, not a derivatives fill)",
};

/** Statuses of rows that never moved the wallet. */
const UNDONE = new Set(["Canceled", "Cancelled", "Rejected"]);

/** A whole number (of satoshi, of 1e-6 USDt), as exported. */
const isWhole = (s: string): boolean => {
  const d = decimalText(s);
  return d !== null && !d.includes(".");
};

export const bitmexWallet: ExportFormat = {
  id: "bitmex-wallet",
  exchange: "bitmex",
  name: 'BitMEX wallet history ("transactTime","transactType","amount","fee","address","transactStatus","walletBalance")',
  // execType belongs to the execution history, never to this file: the two can never both match.
  matches: (h) =>
    hasColumns(h, ["transactTime", "transactType", "amount", "fee", "transactStatus", "walletBalance"]) &&
    !h.includes("execType"),
  prepare(records, context) {
    context.notes.push(
      "a wallet record: its rows are counted and none is written (the execution history holds the fills and funding)",
    );
    prepareBitmexTimes(records, context, "transactTime");
  },
  read(r, context) {
    const type = r.transactType;
    if (!type) return { problem: "transactType is empty" };
    // The UnrealisedPNL row is the state of the open positions, not a dated transaction.
    const undated = type === "UnrealisedPNL" && (r.transactTime === "" || r.transactTime === "null");
    if (!undated && bitmexTime(r.transactTime, context, 0) === null) {
      return {
        problem: `transactTime "${r.transactTime}" is not a date and time BitMEX writes (the browser's date and time, or ISO)`,
      };
    }
    if (!isWhole(r.amount)) {
      return { problem: `amount "${r.amount}" is not a whole number of the currency's smallest unit (satoshi for XBt)` };
    }
    if (r.fee !== "" && r.fee !== "null" && !isWhole(r.fee)) {
      return { problem: `fee "${r.fee}" is neither "null" nor a whole number of the currency's smallest unit` };
    }
    if (UNDONE.has(r.transactStatus)) return { other: `${type} (${r.transactStatus}: it never moved the wallet)` };
    return { other: WHY[type] ?? `${type} (not a fill or a funding payment)` };
  },
};
