#!/usr/bin/env node
/**
 * npm run test:dates: the whole suite again at two dates far apart and in two other time zones,
 * so a test (or code) that reads the wall clock where it should take an injected "now" fails
 * here, today, and not on the day the calendar reaches it. `.ci/run` runs it after `npm test`
 * (the real date). Each run is `jest` with LEGWORK_TEST_NOW (see test/helpers/test-clock.js) and
 * TZ set; extra arguments go to jest (`npm run test:dates -- test/live`).
 */
const { spawnSync } = require("child_process");
const path = require("path");

const RUNS = [
  // Years on, in a zone ahead of UTC (+12 in June): the local date is already tomorrow's at noon UTC.
  { now: "2031-06-15T12:30:00Z", tz: "Pacific/Auckland" },
  // Years before, on a leap day half a minute before midnight UTC, evening in New York (−5).
  { now: "2024-02-29T23:59:30Z", tz: "America/New_York" },
];

const root = path.resolve(__dirname, "..");
const jest = require.resolve("jest/bin/jest");
let failed = 0;
for (const run of RUNS) {
  console.log(`\ntest:dates: the suite at ${run.now} in ${run.tz}`);
  const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, LEGWORK_TEST_NOW: run.now, TZ: run.tz },
  });
  if (result.status !== 0) {
    console.error(`test:dates: the suite failed at ${run.now} in ${run.tz}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
