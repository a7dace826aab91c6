/**
 * Headless Chromium for the browser tests: Debian's package (never a browser download),
 * installed with apt when it is missing and we are root.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");

const CHROMIUM = "/usr/bin/chromium";

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (sudo apt-get install -y chromium)`);
  }
  console.log("installing chromium with apt (browser tests)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  return CHROMIUM;
}

/** Flags for a root, offline, headless run (no sandbox as root; no background network). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

module.exports = { CHROMIUM, CHROMIUM_ARGS, ensureChromium };
