/**
 * One switch for the date the whole suite runs at: LEGWORK_TEST_NOW (an ISO date, "2031-06-15" or
 * "2024-02-29T23:59:30Z"). Unset, the suite runs at the real date.
 *
 * Set, this file moves the wall clock of every test file (jest's setupFiles) to that date: `Date.now()`
 * and `new Date()` start there and run on at real speed, so durations (`Date.now() - started`) still
 * measure what they did. A test or a piece of code that reads the wall clock where it should take an
 * injected "now" (a fixture with fixed dates compared to today, an expiry, a "last N days" window)
 * then fails under one of the dates CI tries (`npm run test:dates`), not on the day the calendar
 * reaches it. The browser suites give Chromium the same date per context (browser-context.ts) and
 * keep the real clock in Node for Playwright (`realClock` below); the dev server's own clock is
 * left alone (its certificates and caches only measure durations).
 */
/** The real `Date`, even where this file is loaded after the scope's clock was shifted. */
const RealDate = Date.__legworkReal ?? Date;

/** The date the run is pinned to (ms), or null for the real clock. */
function fakeStart() {
  const raw = process.env.LEGWORK_TEST_NOW;
  if (!raw) return null;
  const ms = RealDate.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T12:00:00Z` : raw);
  if (!Number.isFinite(ms)) throw new Error(`LEGWORK_TEST_NOW must be an ISO date like 2031-06-15 (got "${raw}")`);
  return ms;
}

const start = fakeStart();
const offset = start === null ? 0 : start - RealDate.now();

/** "Now" as the run sees it: the real clock, or the fake date plus the time the run has taken. */
function testNow() {
  return RealDate.now() + offset;
}

/**
 * Replaces `Date` in a global scope with a proxy of the real one whose "now" is shifted: the same
 * prototype, so `instanceof Date` holds for dates made anywhere; `Date.UTC`, `Date.parse` unchanged.
 */
function shiftClock(scope) {
  const Real = scope.Date;
  if (offset === 0 || Real.__legworkShifted) return;
  const now = () => Real.now() + offset;
  const Shifted = new Proxy(Real, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget === Shifted ? target : newTarget),
    // `Date()` called without `new` gives the current time as text.
    apply: () => new Real(now()).toString(),
    get: (target, key, receiver) => {
      if (key === "now") return now;
      if (key === "__legworkShifted") return true;
      if (key === "__legworkReal") return Real;
      return Reflect.get(target, key, receiver);
    },
  });
  scope.Date = Shifted;
}

/**
 * Gives a scope its real `Date` back. For the browser suites: Playwright runs in the test file's
 * realm and stamps the pages' clock with its own `Date.now()`, so it must read the real clock;
 * the pages get the run's date from `newContext` (browser-context.ts), and the files' own dates
 * come from `testNow()`.
 */
function realClock(scope) {
  if (scope.Date.__legworkShifted) scope.Date = scope.Date.__legworkReal;
}

module.exports = { testNow, fakeStart, shiftClock, realClock, clockShifted: offset !== 0 };
