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
    const shipped = Object.entries(lock.packages as Record<string, { dev?: boolean; optional?: boolean; devOptional?: boolean }>).filter(
      ([p, e]) => p !== "" && !e.dev && !e.optional && !e.devOptional,
    );
    expect(shipped.map(([p]) => p)).toEqual(["node_modules/decimal.js"]);
  });

  test("office-addin-debugging (sideloading on Windows/Mac) is optional: an install without libsecret still succeeds", () => {
    // Its chain builds the native keytar module, which needs libsecret's headers on Linux. As an
    // optional dependency, npm drops that chain when the build fails instead of failing the install.
    expect(pkg.optionalDependencies).toEqual({ "office-addin-debugging": expect.stringMatching(/^\^7\./) });
    expect(pkg.devDependencies["office-addin-debugging"]).toBeUndefined();
    expect(lock.packages["node_modules/keytar"].optional).toBe(true);
    // Nothing the build or the tests need hangs on it.
    for (const [name, range] of Object.entries({ ...pkg.devDependencies })) {
      const entry = lock.packages[`node_modules/${name}`];
      expect({ name, optional: entry?.optional ?? false, range }).toEqual({ name, optional: false, range });
    }
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
