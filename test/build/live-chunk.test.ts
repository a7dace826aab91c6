/**
 * live.js (the market-data service) is a separate bundle that functions.js adds to the page on the
 * first live call. Whatever happens to that load, every call settles within its deadline and a failure is
 * retried by the next call: a cell never stays #BUSY!. The production bundle is run in a vm,
 * with a stand-in page whose script loading each test controls.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { fakeCustomFunctions, FakeCustomFunctions } from "../helpers/custom-functions";

const dist = path.resolve(__dirname, "../../dist");

type Call = (...args: unknown[]) => unknown;

/** Settles `p` as JSON, or "pending" if it has not settled after the microtasks and `ms`. */
async function settle(p: unknown, ms = 200): Promise<unknown> {
  const outcome = Promise.resolve(p).then(
    (v) => JSON.parse(JSON.stringify(v)),
    (e) => ({ code: e?.code, message: e?.message }),
  );
  return Promise.race([outcome, new Promise((r) => setTimeout(() => r("pending"), ms))]);
}

describe("loading live.js", () => {
  test("Excel's JavaScript-only runtime (no page): every call answers #N/A at once, none hangs", async () => {
    const cf = fakeCustomFunctions();
    vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), vm.createContext({ CustomFunctions: cf }));
    const interval = cf.associated.get("FUNDINGINTERVAL") as Call;
    // Before the fix the second call stayed pending for ever (webpack's chunk entry never settled).
    for (let i = 0; i < 3; i++) {
      expect(await settle(interval("BTC", null))).toEqual({
        code: "#N/A",
        message: "live exchange data could not be loaded (document is not defined): it needs the add-in's shared runtime",
      });
    }
  });

  describe("in a page", () => {
    type Mode = "fail" | "hang" | "load";
    let mode: Mode;
    let cf: FakeCustomFunctions;
    let context: vm.Context;
    let timers: { ms: number; fn: () => void; cleared: boolean }[];

    beforeEach(() => {
      cf = fakeCustomFunctions();
      timers = [];
      const live = fs.readFileSync(path.join(dist, "live.js"), "utf8");
      const script: Record<string, unknown> = {};
      const document = {
        getElementsByTagName: () => [],
        createElement: () => {
          for (const k of Object.keys(script)) delete script[k];
          script.setAttribute = () => undefined;
          script.remove = () => undefined;
          return script;
        },
        head: {
          appendChild: () => {
            const fire = (type: "load" | "error") => (script[`on${type}`] as (e: unknown) => void)({ type, target: script });
            if (mode === "fail") setImmediate(() => fire("error"));
            if (mode === "load") {
              setImmediate(() => {
                vm.runInContext(live, context);
                fire("load");
              });
            }
          },
        },
      };
      context = vm.createContext({
        CustomFunctions: cf,
        document,
        // Timers are recorded, and fired by the test (the load deadline, webpack's own 120 s).
        setTimeout: (fn: () => void, ms: number) => timers.push({ ms, fn, cleared: false }),
        clearTimeout: (id: number) => {
          if (timers[id - 1]) timers[id - 1].cleared = true;
        },
        // No network here: the service answers its own #N/A, which shows that live.js ran.
        fetch: () => Promise.reject(new TypeError("Failed to fetch")),
        // Polls are not run here: a subscription's first request is what the test looks for.
        setInterval: () => 0,
        clearInterval: () => undefined,
        AbortController,
        Date,
      });
      vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context);
    });

    const fireTimers = (ms: number) => timers.filter((t) => t.ms === ms && !t.cleared).forEach((t) => ((t.cleared = true), t.fn()));

    test("a script that fails to load: #N/A now, and the next call loads it", async () => {
      const interval = cf.associated.get("FUNDINGINTERVAL") as Call;
      mode = "fail";
      const first = (await settle(interval("BTC", null))) as { code: string; message: string };
      expect(first.code).toBe("#N/A");
      expect(first.message).toBe("live exchange data could not be loaded (live.js could not be fetched): it needs the add-in's shared runtime");
      mode = "load";
      const second = (await settle(interval("BTC", null), 2000)) as { code: string; message: string };
      expect(second.code).toBe("#N/A");
      expect(second.message).not.toMatch(/could not be loaded/);
      expect(second.message).toMatch(/binance/);
    });

    test("a script that never answers: the call settles at the 15 s deadline, and a later call retries", async () => {
      const interval = cf.associated.get("FUNDINGINTERVAL") as Call;
      mode = "hang";
      const pending = interval("BTC", null);
      expect(await settle(pending)).toBe("pending");
      fireTimers(15000);
      expect(await settle(pending)).toEqual({
        code: "#N/A",
        message: "live exchange data could not be loaded (live.js did not load within 15 s): it needs the add-in's shared runtime",
      });
      // A later call adds the script again, and this time it loads.
      mode = "load";
      const again = (await settle(interval("BTC", null), 2000)) as { message: string };
      expect(again.message).not.toMatch(/could not be loaded/);
    });

    test("a streaming cell whose load failed tries again 30 s later and then streams", async () => {
      const rate = cf.associated.get("FUNDINGRATE") as Call;
      mode = "fail";
      const results: { code?: string; message?: string }[] = [];
      rate("BTC", null, { setResult: (v: { code?: string; message?: string }) => results.push(JSON.parse(JSON.stringify(v))) });
      await new Promise((r) => setTimeout(r, 100));
      expect(results[0].message).toMatch(/could not be loaded/);
      mode = "load";
      fireTimers(30000);
      await new Promise((r) => setTimeout(r, 500));
      expect(results.length).toBeGreaterThan(1);
      expect(results[results.length - 1].message ?? "").not.toMatch(/could not be loaded/);
    });
  });
});
