/** Starts and stops the add-in's dev server the way `npm start` / `npm stop` do, on a free port. */
import { execFile } from "child_process";
import * as net from "net";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Runs scripts/start.js or scripts/stop.js with LEGWORK_PORT set; resolves with its output. */
export function runScript(script: "start.js" | "stop.js", port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(root, "scripts", script)],
      { cwd: root, env: { ...process.env, LEGWORK_PORT: String(port) }, timeout: 240000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${script}: ${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout)),
    );
  });
}
