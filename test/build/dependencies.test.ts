/**
 * What ships, checked offline: the production dependency tree is decimal.js alone, at the
 * version range package.json pins, under the licence the README lists. (`npm run audit` asks
 * npm's advisory service too, where it can be reached.)
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));

describe("shipped dependencies", () => {
  test("the only runtime dependency is decimal.js, with no dependencies of its own", () => {
    expect(Object.keys(pkg.dependencies)).toEqual(["decimal.js"]);
    const entry = lock.packages["node_modules/decimal.js"];
    expect(entry.dev).toBeUndefined();
    expect(entry.dependencies ?? {}).toEqual({});
    const shipped = Object.entries(lock.packages as Record<string, { dev?: boolean }>).filter(([p, e]) => p !== "" && !e.dev);
    expect(shipped.map(([p]) => p)).toEqual(["node_modules/decimal.js"]);
  });

  test("decimal.js is at least the pinned 10.6 and MIT-licensed, as the README says", () => {
    const installed = JSON.parse(fs.readFileSync(path.join(root, "node_modules/decimal.js/package.json"), "utf8"));
    const [major, minor] = installed.version.split(".").map(Number);
    expect(major).toBe(10);
    expect(minor).toBeGreaterThanOrEqual(6);
    expect(installed.license).toBe("MIT");
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toMatch(/decimal\.js.*MIT/);
  });
});
