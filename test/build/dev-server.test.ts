/**
 * `npm start` serves the add-in over HTTPS with a certificate the development CA vouches for,
 * and `npm stop` stops it. On Linux (no Excel desktop) start.js runs the dev server itself; the
 * test uses a free port so it does not disturb a developer's server on 3000.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const caPath = path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function run(script: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(root, "scripts", script)],
      { cwd: root, env: { ...process.env, LEGWORK_PORT: String(port) }, timeout: 240000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${script}: ${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: fs.readFileSync(caPath), timeout: 10000 }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

const linux = process.platform === "linux";

(linux ? describe : describe.skip)("npm start / npm stop without Excel desktop", () => {
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
  });

  afterAll(async () => {
    await run("stop.js", port).catch(() => undefined);
  });

  test("start serves functions.json and taskpane.html over trusted HTTPS, and stop stops it", async () => {
    const out = await run("start.js", port);
    expect(out).toContain(`https://localhost:${port}`);
    expect(out).toMatch(/Upload My Add-in/);

    const meta = await get(`https://localhost:${port}/functions.json`);
    expect(meta.status).toBe(200);
    expect(JSON.parse(meta.body).functions.map((f: { id: string }) => f.id)).toContain("FUNDINGYIELD");

    const page = await get(`https://localhost:${port}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("functions.js");
    expect(page.body).toContain("taskpane.js");

    expect(await run("start.js", port)).toMatch(/already being served/);

    expect(await run("stop.js", port)).toMatch(/Stopped/);
    await new Promise((r) => setTimeout(r, 1000));
    await expect(get(`https://localhost:${port}/functions.json`)).rejects.toThrow();
  }, 300000);
});
