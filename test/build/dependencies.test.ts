/**
 * What ships, checked offline: the production dependency tree is decimal.js (in functions.js),
 * Hono with its Node adapter (in the relay) and papaparse and fflate (the export reader), at the version ranges package.json pins, under
 * the licences the README lists. (`npm run audit` asks
 * npm's advisory service too, where it can be reached.)
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));

describe("shipped dependencies", () => {
  test("the runtime dependencies are decimal.js (functions.js), Hono (the relay), papaparse and fflate (imports), with nothing of their own", () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@hono/node-server", "decimal.js", "fflate", "hono", "papaparse"]);
    for (const name of Object.keys(pkg.dependencies)) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry.dev).toBeUndefined();
      expect({ name, deps: entry.dependencies ?? {} }).toEqual({ name, deps: {} });
      expect({ name, license: entry.license }).toEqual({ name, license: "MIT" });
    }
    const shipped = Object.entries(lock.packages as Record<string, { dev?: boolean; optional?: boolean; devOptional?: boolean }>).filter(
      ([p, e]) => p !== "" && !e.dev && !e.optional && !e.devOptional,
    );
    expect(shipped.map(([p]) => p).sort()).toEqual([
      "node_modules/@hono/node-server",
      "node_modules/decimal.js",
      "node_modules/fflate",
      "node_modules/hono",
      "node_modules/papaparse",
    ]);
  });

  test("functions.js bundles decimal.js alone; the relay bundles Hono; neither reaches the other", () => {
    const dist = path.join(root, "dist");
    expect(fs.readFileSync(path.join(dist, "functions.js"), "utf8")).not.toMatch(/hono/i);
    expect(fs.readFileSync(path.join(root, "build/relay/server.js"), "utf8")).toMatch(/class Hono/);
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    for (const name of Object.keys(pkg.dependencies)) expect(readme).toMatch(new RegExp(`\\| ${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} [^|]*\\| MIT`));
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
