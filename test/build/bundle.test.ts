/**
 * What ships: no code built from strings, a taskpane page that may load and contact only itself,
 * Office's script host and the exchanges, and no path from workbook or network text to HTML.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_BASE_URLS, DIRECT_FALLBACK } from "../../src/live/market";

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");

function filesUnder(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

describe("the production bundles", () => {
  test("no eval and no new Function anywhere in dist/", () => {
    const scripts = filesUnder(dist, /\.js$/);
    expect(scripts.map((f) => path.basename(f)).sort()).toEqual(["book.js", "curves.js", "functions.js", "live.js", "options.js", "taskpane.js"]);
    for (const file of scripts) {
      const code = fs.readFileSync(file, "utf8");
      expect(code).not.toMatch(/\beval\s*\(/);
      expect(code).not.toMatch(/\bnew\s+Function\s*\(/);
      expect(code).not.toMatch(/\bFunction\s*\(\s*["'`]/);
    }
  });

  test("functions.js stays within its 60 KiB budget (minified); live data is the separate live.js", () => {
    // The budget from the performance issue: the exact math every sheet uses loads fast. The
    // market-data service (live.js) is loaded only when a live function is first called.
    expect(fs.statSync(path.join(dist, "functions.js")).size).toBeLessThanOrEqual(60 * 1024);
    expect(fs.readFileSync(path.join(dist, "functions.js"), "utf8")).not.toMatch(/fapi\.binance\.com/);
    expect(fs.readFileSync(path.join(dist, "live.js"), "utf8")).toMatch(/fapi\.binance\.com/);
  });

  test("the preview (HyperFormula) is not part of the release build", () => {
    expect(fs.existsSync(path.join(dist, "preview.html"))).toBe(false);
    expect(fs.readFileSync(path.join(dist, "taskpane.js"), "utf8")).not.toMatch(/HyperFormula/);
  });

  test("the taskpane page sets a Content-Security-Policy: itself, Office's script host, the exchanges", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp!.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]),
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["style-src"]).toEqual(["'self'"]);
    // What office.js needs beyond that, and no more: style attributes on the elements it injects,
    // and its host-trust frame from its own CDN (office-js #1687, #1005).
    expect(directives["style-src-attr"]).toEqual(["'unsafe-inline'"]);
    expect(directives["style-src-elem"]).toBeUndefined();
    expect(directives["frame-src"]).toEqual(["https://appsforoffice.microsoft.com"]);
    // The relay on the add-in's own origin answers for every exchange; only a venue that allows
    // cross-origin calls may be asked directly, as the fallback when the relay is down.
    expect(directives["connect-src"].sort()).toEqual(["'self'", ...Object.values(DIRECT_FALLBACK)].sort());
    expect(directives["connect-src"]).not.toContain(DEFAULT_BASE_URLS.binance);
    expect(directives["object-src"]).toEqual(["'none'"]);
    // Nothing inline that the policy would have to allow.
    expect(html.replace(/<!--[\s\S]*?-->/g, "")).not.toMatch(/<style/);
    expect(html).not.toMatch(/ style="/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  test("no source file writes HTML from strings (text goes through textContent)", () => {
    for (const file of filesUnder(path.join(root, "src"), /\.ts$/)) {
      const code = fs.readFileSync(file, "utf8");
      expect({ file, match: /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment/.exec(code)?.[0] }).toEqual({
        file,
        match: undefined,
      });
    }
  });
});
