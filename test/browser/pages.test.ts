/**
 * The add-in's pages in headless Chromium (Debian's package, driven by playwright-core), served
 * by `npm start`'s dev server: the taskpane with a stubbed Office host (pick a template, change
 * an input, Create → the writer receives the plan) and the HyperFormula preview of every
 * template with the seed article's numbers on screen.
 */
import { zipSync } from "fflate";
import * as fs from "fs";
import * as https from "https";
import * as os from "os";
import * as path from "path";
import { Browser, BrowserContext, chromium } from "playwright-core";
import { freePort, runScript } from "../helpers/dev-server";
import { ledgerOf } from "../../src/functions/ledger";
import { FILL_COLUMNS, FUNDING_COLUMNS } from "../../src/import/book-rows";
import { readExport } from "../../src/import/read-export";
import { ParsedExport } from "../../src/import/types";
import { PreviewBook } from "../../src/preview/book-data";
import { displayNumber } from "../../src/sheets/formats";
import { newContext } from "../helpers/browser-context";
import { testNow } from "../helpers/test-clock";

const { CHROMIUM, CHROMIUM_ARGS } = require("../helpers/chromium");

const caPath = path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt");
const officeStub = fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8");

let port = 0;
let base = "";
let browser: Browser;
let context: BrowserContext;

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: fs.readFileSync(caPath), timeout: 10000 }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  port = await freePort();
  base = `https://localhost:${port}`;
  const out = await runScript("start.js", port);
  expect(out).toContain(`${base}/preview.html`);
  expect(out).toMatch(/Upload My Add-in/);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // The page trusts the dev CA in a user's browser; here the check is done by Node below.
  context = await newContext(browser, { ignoreHTTPSErrors: true, viewport: { width: 1400, height: 1000 } });
  // No network here, and a real office.js would replace the stub: serve an empty script for it.
  await context.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js stand-in */" }),
  );
}, 300000);

afterAll(async () => {
  await browser?.close();
  await runScript("stop.js", port).catch(() => undefined);
});

describe("npm start", () => {
  test("serves functions.json, taskpane.html and preview.html over HTTPS the dev CA vouches for", async () => {
    const meta = await get(`${base}/functions.json`);
    expect(meta.status).toBe(200);
    expect(JSON.parse(meta.body).functions.map((f: { id: string }) => f.id)).toContain("HEDGEPNL");
    const page = await get(`${base}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/functions\.js/);
    expect((await get(`${base}/preview.html`)).status).toBe(200);
    expect(await runScript("start.js", port)).toMatch(/already being served/);
  });
});

/**
 * What office.js does on a page, as its sources show (excel-web-16.00.js): it may add a hidden
 * host-trust frame from its CDN (AgaveErrorUX) and insert elements carrying style attributes
 * (office-js #1687). The stand-in does both, so the policy is tested against them.
 */
const OFFICE_JS_STANDIN = `
  const frame = document.createElement("iframe");
  frame.src = "https://appsforoffice.microsoft.com/lib/1/hosted/AgaveErrorUX/index.html#trust";
  frame.style.visibility = "hidden";
  document.addEventListener("DOMContentLoaded", () => {
    document.body.appendChild(frame);
    const notice = document.createElement("div");
    notice.setAttribute("style", "display:none;padding-right:30px");
    document.body.appendChild(notice);
  });
`;

describe("the taskpane's Content-Security-Policy in Chromium", () => {
  async function openTaskpane() {
    const page = await context.newPage();
    await page.route("https://appsforoffice.microsoft.com/lib/1/hosted/office.js", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_JS_STANDIN }),
    );
    await page.route("https://appsforoffice.microsoft.com/lib/1/hosted/AgaveErrorUX/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><p>trust check</p>" }),
    );
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await page.goto(`${base}/taskpane.html`);
    await page.waitForFunction(() => document.querySelector("iframe") !== null);
    await page.waitForTimeout(300);
    return page;
  }
  const violations = (page: import("playwright-core").Page) =>
    page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

  test("office.js's host-trust frame and its styled elements are allowed: no violation", async () => {
    const page = await openTaskpane();
    expect(await violations(page)).toEqual([]);
    const frameLoaded = await page.frames().some((f) => f.url().includes("AgaveErrorUX"));
    expect(frameLoaded).toBe(true);
    await page.close();
  });

  test("anything more is refused: another site's frame, a <style> element, a request to another host", async () => {
    const page = await openTaskpane();
    await page.evaluate(async () => {
      const frame = document.createElement("iframe");
      frame.src = "https://example.com/";
      document.body.appendChild(frame);
      const style = document.createElement("style");
      style.textContent = "body { color: red }";
      document.head.appendChild(style);
      await fetch("https://example.com/data").catch(() => undefined);
    });
    await page.waitForTimeout(300);
    const seen = await violations(page);
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^frame-src https:\/\/example\.com/),
        expect.stringMatching(/^style-src-elem inline/),
        expect.stringMatching(/^connect-src https:\/\/example\.com/),
      ]),
    );
    await page.close();
  });
});

describe("taskpane with a stubbed Office host", () => {
  test("pick a template, change an input, Create → the writer receives the plan", async () => {
    const page = await context.newPage();
    await page.addInitScript({ content: officeStub });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // The page's Content-Security-Policy must not block anything it needs.
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) errors.push(m.text());
    });
    await page.goto(`${base}/taskpane.html`);
    await expect(page.locator("header h1").evaluate((h) => getComputedStyle(h).fontWeight)).resolves.toBe("600");
    await page.getByLabel("Partial hedge").check();
    const ratio = page.getByLabel("Hedge ratio (%)");
    await expect(ratio.inputValue()).resolves.toBe("50");
    await ratio.fill("25");
    await page.getByRole("button", { name: /Create "Partial hedge" sheet/ }).click();
    await page.getByText('Created the sheet "Partial hedge".').waitFor({ timeout: 15000 });

    const batches = await page.evaluate(() => (window as unknown as { __legwork: { batches: unknown[] } }).__legwork.batches);
    expect(batches).toHaveLength(1);
    const batch = batches[0] as { ops: { op: string; value?: unknown; args?: unknown[] }[]; syncs: number };
    expect(batch.syncs).toBe(4);
    const added = batch.ops.find((o) => o.op === "context.workbook.worksheets.add()");
    expect(added?.args).toEqual(["Partial hedge"]);
    const writes = batch.ops.filter((o) => o.op.endsWith(".getRange().formulas")).map((o) => o.value as unknown[][]);
    expect(writes).toHaveLength(2);
    const cells = writes[1].flat();
    expect(cells).toContain(0.25); // the changed hedge ratio, as a fraction
    expect(cells).toContain("=LEGS.NETDELTA(Legs[#All])");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Import: chosen files are summarised before anything is written; a file that is not an export says why", async () => {
    const page = await context.newPage();
    await page.addInitScript({ content: officeStub });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/taskpane.html`);
    const dir = path.resolve(__dirname, "../fixtures/exports");
    await page.setInputFiles("#import-files", [
      { name: "uta.csv", mimeType: "text/csv", buffer: fs.readFileSync(path.join(dir, "bybit/uta.csv")) },
      { name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("date;amount\n2026-01-01;5\n") },
    ]);
    await page.getByRole("button", { name: /^Import \d+ fills and \d+ funding rows$/ }).waitFor({ timeout: 15000 });
    const summaries = await page.locator("#import-summaries > li").allInnerTexts();
    expect(summaries[0]).toMatch(/uta\.csv: Bybit unified account transaction log/);
    expect(summaries[0]).toMatch(/UTC/);
    // (';' is read as a spreadsheet's separator: this header is simply no export's.)
    expect(summaries[1]).toMatch(/notes\.csv: not imported[\s\S]*not an export Legwork reads: it starts "date;amount"/);
    // The "Dates" choice is offered, on "as the file shows" until the trader answers.
    expect(await page.locator("#import-dates").inputValue()).toBe("");
    await expect(page.locator("#import-status").textContent()).resolves.toMatch(/Nothing is written until you press Import/);
    // Nothing was sent to Excel but the search for Book sheets (names and headers only).
    const ops = await page.evaluate(() =>
      (window as unknown as { __legwork: { batches: { ops: { op: string }[] }[] } }).__legwork.batches.flatMap((b) =>
        b.ops.map((o) => o.op),
      ),
    );
    expect(ops.filter((o) => !/load\(\)$|getItem\(\)|getHeaderRowRange\(\)|worksheet/.test(o))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Import: a history that starts mid-position offers its opening position; stating it adds the row to what Import writes", async () => {
    const page = await context.newPage();
    await page.addInitScript({ content: officeStub });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/taskpane.html`);
    await page.selectOption("#import-dates", "dmy");
    // Real Hyperliquid rows (amauryleproux/funding-farmer, trade_history.csv lines 31–42, BTC).
    const mid = [
      "time,coin,dir,px,sz,ntl,fee,closedPnl",
      "08/02/2026 15:06:00,BTC,Close Long,71396,0.00028,19.990879999999997,0.002878,-0.0031579999999999998",
      "08/02/2026 15:07:34,BTC,Close Long,71381,0.00028,19.98668,0.002878,-0.007358",
    ].join("\n");
    await page.setInputFiles("#import-files", { name: "trade_history.csv", mimeType: "text/csv", buffer: Buffer.from(mid) });
    await page.getByRole("button", { name: "Import 2 fills and 0 funding rows" }).waitFor({ timeout: 15000 });
    expect(await page.locator("input[name=opening-position]").inputValue()).toBe("0.00056");
    // A typed mistake is said beside the form; nothing is stated.
    await page.locator("input[name=opening-entry]").fill("-1");
    await page.getByRole("button", { name: "State opening position" }).click();
    expect(await page.locator(".opening-status").innerText()).toMatch(/^Avg entry "-1" must be a price greater than 0/);
    await page.locator("input[name=opening-entry]").fill("71397");
    await page.getByRole("button", { name: "State opening position" }).click();
    expect(await page.locator(".opening-status").innerText()).toMatch(/^Stated: long 0\.00056 at 71397/);
    await page.getByRole("button", { name: "Import 3 fills and 0 funding rows" }).waitFor({ timeout: 15000 });
    expect(errors).toEqual([]);
    // The Dates answer is kept in this browser: forgotten again, for the tests after this one.
    await page.evaluate(() => localStorage.removeItem("legwork.import.dateOrder"));
    await page.close();
  });

  test("when Excel refuses the write, the taskpane says what happened and that the workbook is unchanged", async () => {
    const page = await context.newPage();
    await page.addInitScript({ content: officeStub });
    await page.addInitScript({ content: "window.__legworkFailSync = 3;" });
    await page.goto(`${base}/taskpane.html`);
    await page.getByLabel("Funding capture").check();
    await page.getByRole("button", { name: /Create/ }).click();
    const status = page.locator("#status");
    await page.getByText(/Could not create/).waitFor({ timeout: 15000 });
    await expect(status.textContent()).resolves.toBe(
      'Could not create "Funding capture": The workbook structure is protected. The workbook was left as it was.',
    );
    const batches = await page.evaluate(
      () => (window as unknown as { __legwork: { batches: { ops: { op: string }[] }[] } }).__legwork.batches,
    );
    expect(batches[0].ops.map((o) => o.op)).toContain("context.workbook.worksheets.getItem().delete()");
    await page.close();
  });

  test("an input out of range is shown inline and nothing is written", async () => {
    const page = await context.newPage();
    await page.addInitScript({ content: officeStub });
    await page.goto(`${base}/taskpane.html`);
    await page.getByLabel("Full hedge").check();
    await page.getByLabel("Hedge ratio (%)").fill("150");
    await page.getByRole("button", { name: /Create/ }).click();
    await page.getByText("Hedge ratio must be at least 0% and at most 100% (got 150%)").waitFor();
    await expect(page.getByLabel("Hedge ratio (%)").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("#status").textContent()).resolves.toMatch(/nothing was written/);
    const batches = await page.evaluate(() => (window as unknown as { __legwork: { batches: unknown[] } }).__legwork.batches);
    expect(batches).toHaveLength(0);
    await page.close();
  });
});

/** Text each template's preview must show with its default inputs: the seed article's numbers. */
const SEED_NUMBERS: Record<string, string[]> = {
  // Strategy #1: ±10 % / −20 % → spot ±3,400 / −6,800, perp opposite, net 0; gain 6,000.
  "full-hedge": ["$3,400.00", "-$3,400.00", "-$6,800.00", "$6,800.00", "$6,000.00"],
  // Partial hedging: net exposure 5 ETH; ±10 % → ±1,700.
  "partial-hedge": ["5.0000", "$1,700.00", "-$1,700.00"],
  // Strategy #2: basis 3,000 = 3.16 %, ≈ 12.8 % a year; at 100,000: +5,000 / −2,000; at 85,000: −10,000 / +13,000.
  "cash-and-carry": ["$3,000.00", "3.16%", "12.81%", "$5,000.00", "-$2,000.00", "-$10,000.00", "$13,000.00"],
  // Strategy #3: 0.09 %/day, 2.7 %/month, ≈ 33 %/year, $45/day, $1,350/month, $5,000 margin, $55,000 deployed.
  "funding-capture": ["0.09%", "2.70%", "32.85%", "$45.00", "$1,350.00", "$5,000.00", "$55,000.00"],
  // Strategy #4: outside the ±0.1 band after a 15 % rise: short 150 more contracts.
  "delta-neutral": ["0.1304", "Outside the band: rebalance", "Short 150 more contracts"],
  // Strategy #5: 5 ETH spot + 2 ETH perp = 7 ETH exposure.
  "enhanced-exposure": ["7.0000", "$17,000.00", "$6,800.00"],
  // Managing a combined portfolio: net delta per asset, combined P&L, the daily checks.
  portfolio: ["-0.0200", "5.0000", "$9,000.00", "$5.70", "Too close: add margin"],
};

describe("preview without Excel", () => {
  test("the index lists every template", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/preview.html`);
    await page.locator("#app[data-ready=true]").waitFor();
    for (const name of [
      "Full hedge",
      "Partial hedge",
      "Cash-and-carry",
      "Funding capture",
      "Delta-neutral",
      "Enhanced exposure",
      "Portfolio",
      "Book",
      "Cash-and-carry (live)",
      "Funding board",
      "Basis curve",
    ]) {
      await expect(page.getByRole("link", { name, exact: true }).count()).resolves.toBe(1);
    }
    await page.close();
  });

  test.each(Object.entries(SEED_NUMBERS))("%s shows the seed's numbers, computed by HyperFormula", async (id, texts) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/preview.html?template=${id}`);
    await page.locator("#app[data-ready=true]").waitFor({ timeout: 30000 });
    const cells = await page.locator("table.sheet td").allTextContents();
    for (const text of texts) expect(cells).toContain(text);
    // No formula failed: no error values anywhere on the sheet.
    expect(cells.filter((c) => /^#[A-Z/0]+[!?]?$/.test(c))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("partial-hedge: ±10 % shows ±1,700 in the Net P&L column, and a query input recalculates it", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/preview.html?template=partial-hedge`);
    await page.locator("#app[data-ready=true]").waitFor();
    const netPnl = async () => {
      const rows = await page.locator("table.sheet tr").allInnerTexts();
      // The "Price moves" table (+10 %, −10 %) comes before the scenario grid's rows.
      const moves = rows.filter((r) => /^\d+\s+-?10\.00%\s+3,(740|060)\.00/.test(r)).slice(0, 2);
      return moves.map((r) => r.trim().split(/\s+/).slice(-1)[0]);
    };
    expect(await netPnl()).toEqual(["$1,700.00", "-$1,700.00"]);
    await page.goto(`${base}/preview.html?template=partial-hedge&HedgeRatio=25`);
    await page.locator("#app[data-ready=true]").waitFor();
    expect(await netPnl()).toEqual(["$2,550.00", "-$2,550.00"]);
    await page.close();
  });

  test("?now= pins the preview's clock: the date defaults, TODAY() and NOW() of that day, and Recalculate keeps it", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/preview.html?template=cash-and-carry&now=2031-06-15T12:00:00`); // local noon: the 15th in any zone
    await page.locator("#app[data-ready=true]").waitFor();
    // Trade date today, expiry 90 days on: Excel dates of 2031-06-15 and 2031-09-13.
    expect(await page.locator("#in-TradeDate").inputValue()).toBe("2031-06-15");
    expect(await page.locator("#in-Expiry").inputValue()).toBe("2031-09-13");
    const daysLeft = () => page.locator("table.sheet tr", { hasText: "Days left" }).first().innerText();
    expect(await daysLeft()).toMatch(/Days left\s+90\b/);
    await page.locator("#in-Expiry").fill("2031-06-25");
    await page.locator("form.inputs button[type=submit]").click();
    await page.waitForURL(/now=2031-06-15/);
    await page.locator("#app[data-ready=true]").waitFor();
    expect(await daysLeft()).toMatch(/Days left\s+10\b/);
    await page.close();
  });

  test("book: uploading exports through the file input shows their summary and the ledger's numbers", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/preview.html?template=book`);
    await page.locator("#app[data-ready=true]").waitFor({ timeout: 30000 });
    // The worked example first: the article's cash-and-carry, $3,000 before costs, 2,706 after fees.
    let cells = await page.locator("table.sheet td").allTextContents();
    expect(cells).toContain("2,706.00");

    const dir = path.resolve(__dirname, "../fixtures/exports");
    const files = ["hyperliquid/trade_history.csv", "hyperliquid/funding_history.csv", "binance/Export Trade History(UTC+3).csv"];
    // Hyperliquid's dates (03/04/2025) fit day and month first: the summary asks, nothing is read.
    await page.setInputFiles("#book-files", path.join(dir, files[0]));
    await page.locator("#app[data-importing=false]").waitFor({ timeout: 30000 });
    expect(await page.locator("#book-summaries > li").first().innerText()).toMatch(
      /not imported[\s\S]*day-month-year or month-day-year: choose the date order under "Dates"/,
    );
    // The answer (the source's files are day first), kept for the next files and the next visit.
    await page.selectOption("#book-dates", "dmy");
    await page.setInputFiles(
      "#book-files",
      files.map((f) => path.join(dir, f)),
    );
    await page.locator("#app[data-importing=false]").waitFor({ timeout: 30000 });
    expect(await page.locator("#book-dates").inputValue()).toBe("dmy");
    const summaries = await page.locator("#book-summaries > li").allInnerTexts();
    expect(summaries).toHaveLength(3);
    expect(summaries[0]).toMatch(/trade_history\.csv: Hyperliquid trade history.* · 13 rows/);
    expect(summaries[2]).toMatch(/Binance/);

    // The same numbers as LEDGER computes in Node from the same files.
    const expected = expectedLedger(files.map((f) => [path.basename(f), fs.readFileSync(path.join(dir, f), "utf8")]));
    cells = await page.locator("table.sheet td").allTextContents();
    for (const text of expected) expect(cells).toContain(text);
    expect(cells.filter((c) => /^#[A-Z/0]+[!?]?$/.test(c))).toEqual([]);
    expect(cells).not.toContain("2,706.00");

    // The same files again add nothing.
    const before = await page.locator("#app").getAttribute("data-imported");
    await page.setInputFiles("#book-files", []);
    await page.setInputFiles(
      "#book-files",
      files.map((f) => path.join(dir, f)),
    );
    await page.locator("#app[data-importing=false]").waitFor({ timeout: 30000 });
    expect(await page.locator("#app").getAttribute("data-imported")).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("book: a ZIP archive as Binance hands it out is read in the page, each CSV inside summarised as 'archive › file'", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/preview.html?template=book`);
    await page.locator("#app[data-ready=true]").waitFor({ timeout: 30000 });
    const inner = "Binance-Futures-Trade-History-202603171040(UTC--3).csv";
    const csv = fs.readFileSync(
      path.resolve(__dirname, "../fixtures/exports/binance/Binance-Futures-Trade-History-202603171040(UTC--3)-part1-of1.csv"),
    );
    const zip = Buffer.from(zipSync({ [inner]: new Uint8Array(csv) }));
    await page.setInputFiles("#book-files", { name: "export_aaaa1111.zip", mimeType: "application/zip", buffer: zip });
    await page.locator("#app[data-importing=false]").waitFor({ timeout: 30000 });
    const summary = await page.locator("#book-summaries > li").first().innerText();
    expect(summary).toMatch(
      new RegExp(`^export_aaaa1111\\.zip › ${inner.replace(/[()+]/g, "\\$&")}: Binance futures trade history .* · 10 rows`),
    );
    expect(summary).toMatch(/times read in the file name's zone, UTC-3/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("book: a history that starts mid-position offers its opening position, stated with one click; a Closed P&L export shows beside the ledger", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/preview.html?template=book`);
    await page.locator("#app[data-ready=true]").waitFor({ timeout: 30000 });
    await page.selectOption("#book-dates", "dmy");
    // Real Hyperliquid rows (amauryleproux/funding-farmer, trade_history.csv lines 31–42, BTC) from two Close Long fills on.
    const mid = [
      "time,coin,dir,px,sz,ntl,fee,closedPnl",
      "08/02/2026 15:06:00,BTC,Close Long,71396,0.00028,19.990879999999997,0.002878,-0.0031579999999999998",
      "08/02/2026 15:07:34,BTC,Close Long,71381,0.00028,19.98668,0.002878,-0.007358",
      "08/02/2026 15:09:00,BTC,Open Long,71354,0.00028,19.979119999999998,0.002876,-0.002876",
    ].join("\n");
    await page.setInputFiles("#book-files", { name: "trade_history.csv", mimeType: "text/csv", buffer: Buffer.from(mid) });
    await page.locator("#app[data-importing=false]").waitFor({ timeout: 30000 });
    expect(await page.locator("#book-summaries").innerText()).toMatch(
      /Check: hyperliquid BTC: the file starts in the middle of a position/,
    );
    expect(await page.locator("input[name=opening-position]").inputValue()).toBe("0.00056");
    expect(await page.locator("input[name=opening-entry]").inputValue()).toBe("71397");
    expect(await page.locator("#app").getAttribute("data-imported")).toBe("3");
    await page.locator("li.opening button").click();
    await page.locator("#app[data-imported='4']").waitFor({ timeout: 30000 });
    expect(await page.locator("#book-import-status").innerText()).toMatch(
      /^Opening position stated: hyperliquid BTC long 0\.00056 at 71397/,
    );
    // Stated again: nothing more.
    await page.locator("li.opening button").click();
    expect(await page.locator("#app").getAttribute("data-imported")).toBe("4");

    const closed = fs.readFileSync(path.resolve(__dirname, "../fixtures/exports/bybit/closed-pnl.csv"));
    await page.setInputFiles("#book-files", { name: "closed-pnl.csv", mimeType: "text/csv", buffer: closed });
    await page.locator("#app[data-imported='40']").waitFor({ timeout: 30000 });
    const cells = await page.locator("table.sheet td").allTextContents();
    expect(cells).toContain("Exchange closed P&L");
    // Bybit's BTCUSDT closed P&L over the file, and the whole file's, beside the (empty) computed figures.
    expect(cells).toContain("9.93");
    expect(cells.filter((c) => /^#[A-Z/0]+[!?]?$/.test(c))).toEqual([]);
    expect(errors).toEqual([]);
    await page.evaluate(() => localStorage.removeItem("legwork.import.dateOrder"));
    await page.close();
  });
});

/** The Total column of every Total row of LEDGER over these files, as the preview formats it. */
function expectedLedger(files: [string, string][]): string[] {
  // The page's offset on its clock (the run's date: in Auckland, +12 in June and +13 in December).
  const offset = -new Date(testNow()).getTimezoneOffset();
  const book = new PreviewBook();
  book.add(
    files.map(([name, text]) => readExport(text, { fileName: name, utcOffsetMinutes: offset, dateOrder: "dmy" }) as ParsedExport),
  );
  const data = book.data();
  // The Marks block starts with each symbol's last fill price (no live marks offline); it has 10 rows.
  const marks = data.marks.slice(0, 10).map((m) => [...m]);
  const ledger = ledgerOf(
    [[...FILL_COLUMNS], ...data.fills],
    [[...FUNDING_COLUMNS], ...data.funding],
    marks,
    null,
  ) as unknown[][];
  const totals = ledger.filter((r) => r[2] === "Total");
  expect(totals.length).toBeGreaterThan(1);
  return totals.map((r) => displayNumber(r[10] as number, "number"));
}
