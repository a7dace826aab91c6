#!/usr/bin/env node
/**
 * npm stop: stop what `npm start` started. On Windows and macOS that is office-addin-debugging's
 * session (dev server and sideload); elsewhere the background dev server recorded in the pid file.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const { root, port, pidFile } = require("./dev-server-state");

if (process.platform === "win32" || process.platform === "darwin") {
  let cli;
  try {
    cli = require.resolve("office-addin-debugging/cli.js");
  } catch {
    console.error(
      "office-addin-debugging is not installed (an optional dependency), so nothing was sideloaded: nothing to stop.",
    );
    process.exit(0);
  }
  const result = spawnSync(process.execPath, [cli, "stop", "manifest.xml"], { cwd: root, stdio: "inherit" });
  process.exit(result.status === null ? 1 : result.status);
}

if (!fs.existsSync(pidFile)) {
  console.log(`No Legwork dev server recorded for port ${port}: nothing to stop.`);
  process.exit(0);
}
const pid = Number(fs.readFileSync(pidFile, "utf8"));
try {
  process.kill(-pid, "SIGTERM"); // the whole process group: webpack serve and its workers
  console.log(`Stopped the Legwork dev server on https://localhost:${port} (pid ${pid}).`);
} catch {
  console.log(`The dev server (pid ${pid}) had already stopped.`);
}
fs.rmSync(pidFile, { force: true });
