/**
 * Builds the production bundle once before the tests, exactly as `npm run build` does, so the
 * loader and manifest tests check what would ship.
 */
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = async () => {
  const root = path.resolve(__dirname, "../..");
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
};
