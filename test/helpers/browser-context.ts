/**
 * Browser contexts for the Chromium suites, on the run's clock: every page's `Date` starts at
 * `now` and runs on (Playwright's clock, installed per context). `now` is a fixture's own time
 * where the page reads fixture data (the fixture exchanges' snapshot), else the date the run is
 * pinned to (LEGWORK_TEST_NOW, see test-clock.js); at the real date, with no fixture time, the
 * page keeps the real clock. Importing this module gives the test file's own realm the real
 * clock back (see `realClock`): a browser suite's dates come from `testNow()`.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import { clockShifted, realClock, testNow } from "./test-clock";

// Playwright stamps the pages' clock with this realm's Date.now(): it must be the real one.
realClock(globalThis);

export async function newContext(browser: Browser, options: BrowserContextOptions, now?: number): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (now !== undefined || clockShifted) await context.clock.install({ time: now ?? testNow() });
  return context;
}
