/**
 * Before the tests: the production bundle, built once exactly as `npm run build` does (the
 * loader and manifest tests check what would ship), and Chromium for the browser tests.
 */
const { execFileSync } = require("child_process");
const path = require("path");
const { ensureChromium } = require("../helpers/chromium");

module.exports = async () => {
  ensureChromium();
  const root = path.resolve(__dirname, "../..");
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
};
