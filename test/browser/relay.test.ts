/**
 * Live data that reaches Excel: `npm start` (the relay serving the add-in on https://localhost),
 * its venues pointed at the local fixture exchanges with LEGWORK_UPSTREAM_*, and the taskpane
 * page in headless Chromium with its real Content-Security-Policy and origin. Every live function
 * works from the page, every request the page makes goes to its own origin, and a page that
 * calls an exchange host directly is refused by the CSP. (A Node test cannot show this: Node
 * never checks CORS or CSP.)
 *
 * The pages' clock is the fixture exchanges' own "now" (SNAPSHOT, 2026-11-22T19:30Z, running on):
 * the dated futures the pages list and the funding-history windows they ask for are those of the
 * fixtures whatever day the suite runs, and the expected values computed in Node use that clock too.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { EXCHANGES, VENUES, venueEnvName } from "../../src/live/exchange-names";
import { defaultConfig, MarketData } from "../../src/live/market";
import { freePort, runScript } from "../helpers/dev-server";
import { ExchangeServer, SNAPSHOT } from "../helpers/exchange-server";
import { newContext } from "../helpers/browser-context";
const { CHROMIUM, CHROMIUM_ARGS } = require("../helpers/chromium");

const officeStub = fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8");
const exchanges = new ExchangeServer();
let port = 0;
let base = "";
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const violations: string[] = [];

beforeAll(async () => {
  await exchanges.start();
  port = await freePort();
  base = `https://localhost:${port}`;
  for (const venue of VENUES) process.env[venueEnvName(venue)] = exchanges.base[venue];
  try {
    await runScript("start.js", port);
  } finally {
    for (const venue of VENUES) delete process.env[venueEnvName(venue)];
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await newContext(browser, { ignoreHTTPSErrors: true }, SNAPSHOT);
  await context.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js stand-in */" }),
  );
  // No internet here: were the CSP to let a direct exchange call through, it would fail visibly.
  for (const host of ["fapi.binance.com", "api.bybit.com", "www.okx.com", "api.hyperliquid.xyz", "www.deribit.com"]) {
    await context.route(`https://${host}/**`, (route) => route.abort("blockedbyclient"));
  }
  page = await context.newPage();
  await page.addInitScript({ content: officeStub });
  // Keep what functions.js associates, so the test can call the functions as Excel would.
  await page.addInitScript(() => {
    const fns: Record<string, (...a: unknown[]) => unknown> = {};
    (window as unknown as { __fns: typeof fns }).__fns = fns;
    const cf = (window as unknown as { CustomFunctions: { associate: (id: string, f: (...a: unknown[]) => unknown) => void } })
      .CustomFunctions;
    cf.associate = (id, f) => (fns[id] = f);
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP ${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error" && /^CSP /.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${base}/taskpane.html`);
  await page.waitForFunction(() => Object.keys((window as unknown as { __fns: object }).__fns).length > 0);
}, 300000);

afterAll(async () => {
  await browser?.close();
  await runScript("stop.js", port).catch(() => undefined);
  await exchanges.stop();
});

/** The same market data read in Node, straight from the fixture exchanges, at the pages' clock: what the page must show. */
const direct = () =>
  new MarketData({ ...defaultConfig(), baseUrls: exchanges.base, viaRelay: false, directFallback: {}, now: () => SNAPSHOT });

/** A LEGS function called in the page as Excel calls it: a one-shot answer, or a stream's first result. */
function callInPage(id: string, args: unknown[], streaming = false): Promise<unknown> {
  return page.evaluate(
    async ({ id, args, streaming }) => {
      const fn = (window as unknown as { __fns: Record<string, (...a: unknown[]) => unknown> }).__fns[id];
      const plain = (v: unknown) => {
        const e = v as { code?: string; message?: string } | null;
        return e && typeof e === "object" && "code" in e ? { code: e.code, message: e.message } : v;
      };
      if (!streaming) {
        try {
          return plain(await fn(...args));
        } catch (e) {
          return plain(e);
        }
      }
      return new Promise((resolve) => {
        const invocation = {
          setResult: (v: unknown) => {
            resolve(plain(v));
            invocation.onCanceled?.();
          },
          onCanceled: undefined as undefined | (() => void),
        };
        fn(...args, invocation);
      });
    },
    { id, args, streaming },
  );
}

describe("the live functions in the taskpane page, through the relay on its own origin", () => {
  test.each(EXCHANGES)("%s: FUNDINGRATE, MARKPRICE, INDEXPRICE stream the exchange's numbers", async (ex) => {
    const expected = await direct().ticker(ex, "BTC");
    expect(await callInPage("FUNDINGRATE", ["BTC", ex], true)).toBe(expected.fundingRate);
    expect(await callInPage("MARKPRICE", ["BTC", ex], true)).toBe(expected.markPrice);
    expect(await callInPage("INDEXPRICE", ["BTC", ex], true)).toBe(expected.indexPrice);
  });

  test.each(EXCHANGES)("%s: FUNDINGINTERVAL and FUNDINGHISTORY", async (ex) => {
    expect(await callInPage("FUNDINGINTERVAL", ["BTC", ex])).toBe(await direct().intervalHours(ex, "BTC"));
    const history = (await callInPage("FUNDINGHISTORY", ["BTC", ex, 10])) as number[][];
    expect(history.length).toBeGreaterThan(9);
    expect(history[0]).toHaveLength(2);
  });

  test("every request the page made went to its own origin (or Office's script host): none to an exchange", () => {
    const origins = new Set(requests.map((u) => new URL(u).origin));
    expect([...origins].sort()).toEqual([base, "https://appsforoffice.microsoft.com"].sort());
    expect(requests.some((u) => u.startsWith(`${base}/binance/`))).toBe(true);
    expect(requests.some((u) => u.startsWith(`${base}/hyperliquid/`))).toBe(true);
    expect(violations).toEqual([]);
    // And the relay asked the fixture exchanges.
    expect(exchanges.hitCount("bybit ")).toBeGreaterThan(0);
  });

  test("a page calling an exchange host directly is refused by the CSP", async () => {
    const outcome = await page.evaluate(() =>
      fetch("https://fapi.binance.com/fapi/v1/premiumIndex").then(
        () => "fetched",
        (e: Error) => e.name,
      ),
    );
    expect(outcome).toBe("TypeError");
    await page.waitForTimeout(200);
    expect(violations).toContain("CSP connect-src https://fapi.binance.com/fapi/v1/premiumIndex");
  });

  test("the preview page gets live data through the relay too: funding capture with a live symbol", async () => {
    const preview = await context.newPage();
    const seen: string[] = [];
    preview.on("request", (r) => seen.push(new URL(r.url()).origin));
    await preview.goto(`${base}/preview.html?template=funding-capture&Symbol=BTCUSDT&Venue=binance`);
    await preview.locator("#app[data-live=ready]").waitFor({ timeout: 30000 });
    const row = preview.locator("table.sheet tr", { hasText: "Funding rate used" });
    const rate = (await direct().ticker("binance", "BTC")).fundingRate;
    await expect(row.innerText()).resolves.toContain(`${(rate * 100).toFixed(4)}%`);
    expect(await preview.locator("table.sheet td", { hasText: /^#N\/A$/ }).count()).toBe(0);
    expect([...new Set(seen)]).toEqual([base]);
    await preview.close();
  });
});

/**
 * The live boards in the preview, against the fixture exchanges through the relay, on the
 * fixtures' clock (the context's): the dated futures listed are not yet expired whatever day the
 * tests run, and the roll reminder for BTC-27NOV26 is due.
 */
describe("the Basis curve and Funding board in the preview", () => {
  const errorTexts = (cells: string[]) => cells.filter((c) => /^#[A-Z/0]+[!?]?$/.test(c.trim()));

  async function openBoard(id: string, query = ""): Promise<{ cells: string[]; titles: string[]; close(): Promise<void> }> {
    const preview = await context.newPage();
    await preview.goto(`${base}/preview.html?template=${id}${query}`);
    await preview.locator("#app[data-live=ready]").waitFor({ timeout: 60000 });
    const cells = await preview.locator("table.sheet td").allTextContents();
    const titles = await preview
      .locator("table.sheet td")
      .evaluateAll((tds) =>
        tds.filter((td) => /^#/.test((td.textContent ?? "").trim())).map((td) => td.getAttribute("title") ?? ""),
      );
    return { cells, titles, close: () => preview.close() };
  }

  test("fixture exchanges up: both boards show live numbers and not one # error", async () => {
    const curve = await openBoard("basis-curve");
    expect(errorTexts(curve.cells)).toEqual([]);
    expect(curve.cells).toContain("BTC-25DEC26");
    expect(curve.cells.some((c) => /^Roll or close BTC-27NOV26 now/.test(c))).toBe(true);
    await curve.close();
    const board = await openBoard("funding-board");
    expect(errorTexts(board.cells)).toEqual([]);
    expect(board.cells).toContain("hyperliquid 8h");
    expect(board.cells.some((c) => /^Flipped: paying/.test(c))).toBe(true);
    await board.close();
  }, 120000);

  test("fixture exchanges down: the cells say #N/A and why, naming the venue", async () => {
    for (const venue of Object.keys(exchanges.modes)) exchanges.modes[venue] = "down";
    // The relay serves what it fetched for one poll (30 s): past that, it must ask the venues.
    await new Promise((r) => setTimeout(r, 31000));
    try {
      const curve = await openBoard("basis-curve");
      expect(errorTexts(curve.cells).length).toBeGreaterThan(0);
      expect(curve.titles.some((t) => /deribit via relay/.test(t))).toBe(true);
      await curve.close();
      const board = await openBoard("funding-board");
      expect(board.titles.some((t) => /(binance|okx|bybit|hyperliquid|deribit) via relay/.test(t))).toBe(true);
      await board.close();
    } finally {
      for (const venue of Object.keys(exchanges.modes)) exchanges.modes[venue] = "ok";
    }
  }, 240000);
});

/**
 * What functions.js adds to the page on first use: options.js, curves.js and book.js, fetched
 * from the page's own origin under its CSP, with their errors reaching the cell with their
 * messages; and FUTURES, a streaming table, through the relay.
 */
describe("the bundles loaded on first use, and FUTURES, in the taskpane page", () => {
  test("options.js, curves.js and book.js load under the page's CSP and answer; their errors keep their messages", async () => {
    const seen = violations.length; // (the test above provoked one on purpose)
    const [[put]] = (await callInPage("OPTIONPRICE", ["put", 20, 20, 365 / 3, 0.25, 0.09, null])) as number[][];
    expect(put).toBeCloseTo(1.1166, 4); // Hull's futures put
    expect(await callInPage("OPTIONPRICE", ["put", 20, 20, 0, 0.25, null, null])).toEqual({
      code: "#VALUE!",
      message: "days must be greater than 0 (got 0)",
    });
    const legs = [
      ["Instrument", "Type", "Side", "Quantity", "Inverse", "Strike", "Days", "Vol"],
      ["option", "call", "long", 10, true, 100000, 30, 0.6],
      ["spot", "", "short", 4.6573, "", "", "", ""],
    ];
    expect(Math.abs((await callInPage("NETDELTA", [legs, 100000, null])) as number)).toBeLessThan(0.00005);
    expect(await callInPage("FORWARDAPY", [[[30]], [[0.06]], [[90]], [[0.08]], null])).toEqual([[0.09]]);
    expect(await callInPage("REALIZEDPNL", [[["buy"]], [[1]], [[-5]], null, null, null])).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/price/),
    });
    for (const bundle of ["options.js", "curves.js", "book.js"]) expect(requests).toContain(`${base}/${bundle}`);
    expect(violations.slice(seen)).toEqual([]);
  });

  test.each(["deribit", "binance"])("%s: FUTURES streams the dated futures through the relay", async (ex) => {
    const seen = violations.length;
    const expected = (await direct().futures(ex as "deribit", "BTC")).map((row) => row[0]);
    expect(expected.length).toBeGreaterThan(2);
    const answer = (await callInPage("FUTURES", ["BTC", ex, null], true)) as unknown[][];
    expect(answer.map((row) => row[0])).toEqual(expected);
    expect(answer[0]).toEqual(["Instrument", "Expiry", "Days", "Mark", "Index", "Basis", "Basis %", "APY"]);
    expect(violations.slice(seen)).toEqual([]);
  });
});
