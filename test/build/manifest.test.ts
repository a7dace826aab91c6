/**
 * The add-in-only manifest, read with office-addin-manifest's own reader (offline; Microsoft's
 * validator is an online service, kept for releases as `npm run validate`), checked against
 * what the build produces.
 */
import * as fs from "fs";
import * as path from "path";
// The package root (and readManifestFile) pull ESM-only modules that jest cannot load; the XML
// reader behind readManifestFile is plain CommonJS and gives the same ManifestInfo.
import { ManifestHandlerXml } from "office-addin-manifest/lib/manifestHandler/manifestHandlerXml";

const root = path.resolve(__dirname, "../..");
const manifestPath = path.join(root, "manifest.xml");
const xml = fs.readFileSync(manifestPath, "utf8");

describe("manifest.xml", () => {
  test("is an Excel task-pane add-in asking only for ReadWriteDocument", async () => {
    const info = await new ManifestHandlerXml(manifestPath).parseManifest();
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
  });

  test("declares custom functions in the LEGS namespace, in the shared runtime", () => {
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="LEGS"\/>/);
    expect(xml).toMatch(/<ExtensionPoint xsi:type="CustomFunctions">/);
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  test("every localhost resource it names is in dist/ after the build", () => {
    const urls = [...xml.matchAll(/https:\/\/localhost:3000\/([^"<]*)/g)].map((m) => m[1]).filter((p) => p !== "");
    expect(urls.length).toBeGreaterThan(5);
    for (const resource of new Set(urls)) {
      expect(fs.existsSync(path.join(root, "dist", resource))).toBe(true);
    }
    expect(fs.existsSync(path.join(root, "dist", "manifest.xml"))).toBe(true);
  });

  test("AppDomains are exactly the exchange hosts the live functions call", async () => {
    const { DEFAULT_BASE_URLS } = await import("../../src/live/market");
    // office-addin-manifest's reader returns only the first AppDomain, so read them all here.
    const domains = [...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
    expect(domains.sort()).toEqual(Object.values(DEFAULT_BASE_URLS).sort());
  });

  test("every resid it uses is defined in Resources", () => {
    const defined = new Set([...xml.matchAll(/ id="([^"]+)" DefaultValue=/g)].map((m) => m[1]));
    for (const [, resid] of xml.matchAll(/resid="([^"]+)"/g)) expect(defined).toContain(resid);
  });
});
