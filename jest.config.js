/** jest + ts-jest: every test under test/ runs in Node. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // A deadline against hangs, not a speed test (speed is `npm run bench`): the browser suites run
  // side by side on two cores, each with its own dev server, and a page can take seconds there.
  testTimeout: 30000,
  testMatch: ["**/*.test.ts"],
  // Builds dist/ once (as `npm run build` does) for the bundle, manifest and dev-server tests.
  globalSetup: "<rootDir>/test/build/global-setup.js",
  // One fast-check seed for every run (FC_SEED=random to explore; see the file).
  // LEGWORK_TEST_NOW=2031-06-15 runs the suite at that date (see the file; `npm run test:dates`).
  setupFiles: ["<rootDir>/test/helpers/fast-check-seed.js", "<rootDir>/test/helpers/shift-clock.js"],
  // office-addin-mock's root module pulls ESM-only packages; its manifest reader is plain CommonJS.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    // uuid ≥ 12 is ESM-only; the Office tooling needs only v4 (see the stub).
    "^uuid$": "<rootDir>/test/helpers/uuid-cjs.js",
  },
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
};
