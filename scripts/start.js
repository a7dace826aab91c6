#!/usr/bin/env node
/**
 * npm start: serve the add-in on https://localhost:3000 and load it into Excel.
 *
 * Where Excel desktop exists (Windows, macOS) this is `office-addin-debugging start manifest.xml`:
 * it runs `npm run dev-server` (scripts/serve.js: webpack in watch mode, and the relay serving
 * the add-in and `/{exchange}/…` on https://localhost:3000) and sideloads the manifest. Elsewhere that tool prints "Platform
 * not supported" and exits 0 without serving anything, so here we start the dev server in the
 * background ourselves (as office-addin-debugging does), wait until it answers, and print how to
 * sideload into Excel on the web. `npm stop` stops it either way.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const https = require("https");
const { root, port, pidFile, logFile } = require("./dev-server-state");

const READY_TIMEOUT_MS = 180000;

/** office-addin-debugging is an optional dependency (its native keytar may not build): say how to get it. */
function debuggingCli() {
  try {
    return require.resolve("office-addin-debugging/cli.js");
  } catch {
    console.error(
      "office-addin-debugging is not installed (an optional dependency: npm leaves it out where its native keytar module cannot build).\n" +
        "Install it with `npm install office-addin-debugging@7` to sideload into Excel desktop, or run `npm run dev-server` and sideload manifest.xml by hand.",
    );
    process.exit(1);
  }
}

function officeAddinDebugging() {
  const cli = debuggingCli();
  const result = spawnSync(process.execPath, [cli, "start", "manifest.xml"], { cwd: root, stdio: "inherit" });
  process.exit(result.status === null ? 1 : result.status);
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function get(url, ca) {
  return new Promise((resolve) => {
    const req = https.get(url, { ca, timeout: 5000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

async function waitUntilServing(child, ca) {
  const url = `https://localhost:${port}/functions.json`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if ((await get(url, ca)) === 200) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function serveWithoutExcel() {
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8"));
    if (isRunning(pid)) {
      console.log(`Legwork is already being served on https://localhost:${port} (pid ${pid}). Run \`npm stop\` to stop it.`);
      return;
    }
    fs.rmSync(pidFile, { force: true });
  }

  // Certificates first, so a problem with them is reported here rather than in the log.
  const { getHttpsOptions, caCertificatePath } = require("./dev-certs");
  const { ca } = await getHttpsOptions();

  const log = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [require.resolve("./serve.js")], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, LEGWORK_PORT: String(port) },
  });
  fs.writeFileSync(pidFile, String(child.pid));
  console.log(`Starting the dev server on https://localhost:${port} (log: ${logFile})…`);

  if (!(await waitUntilServing(child, ca))) {
    console.error(`The dev server did not start. Last lines of its log:\n${tail(logFile, 30)}`);
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    fs.rmSync(pidFile, { force: true });
    process.exit(1);
  }
  child.unref();

  console.log(`
Legwork is being served on https://localhost:${port}
  start page: https://localhost:${port}/
  functions:  https://localhost:${port}/functions.json
  relay:      https://localhost:${port}/binance/fapi/v1/premiumIndex  (live data for the LEGS functions, same origin)
  taskpane:   https://localhost:${port}/taskpane.html
  manifest:   https://localhost:${port}/manifest.xml
  preview:    https://localhost:${port}/preview.html  (every strategy sheet, computed without Excel)

There is no Excel desktop on ${process.platform}, so nothing was sideloaded. To use Legwork in Excel on the web:
  1. Trust the development CA once in your browser: import ${caCertificatePath}
     as a certificate authority (Chrome/Edge: Settings > Privacy and security > Security >
     Manage certificates > Authorities > Import; Firefox: Settings > Certificates > Import),
     or system-wide with: sudo sh node_modules/office-addin-dev-certs/scripts/install_linux.sh ${caCertificatePath}
  2. Open a workbook in Excel on the web, then Home > Add-ins > More Add-ins > Upload My Add-in,
     and upload manifest.xml from this folder.
  3. Type =LEGS.FUNDINGYIELD(0.0003) in a cell: it shows 0.3285.

Run \`npm stop\` to stop the server.`);
}

if (process.platform === "win32" || process.platform === "darwin") {
  officeAddinDebugging();
} else {
  serveWithoutExcel().catch((e) => {
    console.error(`npm start failed: ${e && e.message ? e.message : e}`);
    process.exit(1);
  });
}
