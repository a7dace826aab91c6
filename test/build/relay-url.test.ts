/**
 * Where the built functions find the relay: a release built with LEGWORK_PUBLIC_URL asks that
 * host's relay; a development build asks the origin of the page it runs in (npm start's relay).
 */
import * as path from "path";
import { relayUrls } from "../../src/live/market";

type Config = { name: string; plugins?: { definitions?: Record<string, string> }[] };

async function definitions(mode: string, publicUrl?: string): Promise<Record<string, string>> {
  const saved = process.env.LEGWORK_PUBLIC_URL;
  if (publicUrl === undefined) delete process.env.LEGWORK_PUBLIC_URL;
  else process.env.LEGWORK_PUBLIC_URL = publicUrl;
  try {
    const configPath = path.resolve(__dirname, "../../webpack.config.js");
    jest.resetModules();
    const make = require(configPath) as (env: object, options: { mode: string }) => Promise<Config[]>;
    const addin = (await make({}, { mode })).find((c) => c.name === "addin")!;
    return Object.assign({}, ...addin.plugins!.map((p) => p.definitions ?? {}));
  } finally {
    if (saved === undefined) delete process.env.LEGWORK_PUBLIC_URL;
    else process.env.LEGWORK_PUBLIC_URL = saved;
  }
}

test("a release built with LEGWORK_PUBLIC_URL asks that host's relay", async () => {
  expect((await definitions("production", "https://legwork.example.com/")).LEGWORK_RELAY_URL).toBe('"https://legwork.example.com/"');
  expect(relayUrls("https://legwork.example.com/").binance).toBe("https://legwork.example.com/binance");
});

test("a development build asks its own page's origin", async () => {
  expect((await definitions("development")).LEGWORK_RELAY_URL).toBe('""');
});
