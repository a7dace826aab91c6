/**
 * The add-in-only manifest, read with office-addin-manifest's own reader (offline; Microsoft's
 * validator is an online service, kept for releases as `npm run validate`), checked against
 * what the build produces.
 */
import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";
// The package root (and readManifestFile) pull ESM-only modules that jest cannot load; the XML
// reader behind readManifestFile is plain CommonJS and gives the same ManifestInfo.
import { ManifestHandlerXml } from "office-addin-manifest/lib/manifestHandler/manifestHandlerXml";

 
const { releaseManifest } = require("../../scripts/manifest-url");

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
    // The writer needs ExcelApi 1.9 (getRanges, suspendScreenUpdatingUntilNextSync); #DIV/0!, #NUM!
    // and #N/A from a function need CustomFunctionsRuntime 1.3 (requirement-sets.test.ts derives both).
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    expect(xml).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1.3"\/>/);
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

  test("no AppDomains: the pages only ever talk to their own origin, where the relay answers for the exchanges", () => {
    // AppDomains let the add-in's window navigate to other domains; they never lifted CORS, and
    // nothing navigates anywhere: live data comes through the relay on the add-in's own origin.
    expect(xml).not.toMatch(/<AppDomains?>/);
  });

  test("every resid it uses is defined in Resources", () => {
    const defined = new Set([...xml.matchAll(/ id="([^"]+)" DefaultValue=/g)].map((m) => m[1]));
    for (const [, resid] of xml.matchAll(/resid="([^"]+)"/g)) expect(defined).toContain(resid);
  });
});

// Element order, as Microsoft documents it ("How to find the proper order of manifest elements",
// from the XSDs): an element out of order makes the manifest invalid and the add-in not load.

const ORDER: Record<string, string[]> = {
  OfficeApp: ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "Dictionary", "VersionOverrides"],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
  "ExtensionPoint:CustomFunctions": ["Script", "Page", "Metadata", "Namespace"],
};

interface XmlNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: XmlNode[];
}

async function parsed(): Promise<XmlNode> {
  const doc = await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: false });
  return { ...doc, "#name": "OfficeApp" } as XmlNode;
}

function walk(node: XmlNode, visit: (n: XmlNode) => void): void {
  visit(node);
  for (const child of node.$$ ?? []) walk(child, visit);
}

describe("manifest.xml structure (offline checks)", () => {
  test("the required OfficeApp elements are present, in Microsoft's documented order", async () => {
    const root = await parsed();
    const names = (root.$$ ?? []).map((c) => c["#name"]);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"]) {
      expect(names).toContain(required);
    }
    let checked = 0;
    walk(root, (n) => {
      const key = n["#name"] === "ExtensionPoint" ? `ExtensionPoint:${n.$?.["xsi:type"]}` : n["#name"];
      const order = ORDER[key];
      if (!order) return;
      const positions = (n.$$ ?? []).map((c) => order.indexOf(c["#name"]));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      checked += 1;
    });
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  test("every URL is HTTPS; the development manifest points only at localhost:3000", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    const addinUrls = urls.filter((u) => !xml.includes(`<AppDomain>${u}</AppDomain>`));
    for (const url of addinUrls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
  });

  test("a release build's manifest has no localhost at all", () => {
    const release = releaseManifest(xml, "https://legwork.example.com/addin/");
    expect(release).not.toMatch(/localhost/);
    expect(release).toMatch(/<SourceLocation DefaultValue="https:\/\/legwork\.example\.com\/addin\/taskpane\.html"\/>/);
    expect(() => releaseManifest(xml, "http://legwork.example.com/")).toThrow(/must be an https:\/\/ URL/);
  });

  test("the function namespace and ids match the generated functions.json", () => {
    const meta = JSON.parse(fs.readFileSync(path.join(root, "dist", "functions.json"), "utf8")) as { functions: { id: string; name: string }[] };
    expect(xml).toMatch(/<Namespace resid="Functions.Namespace"\/>/);
    expect(xml).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json"\/>/);
    expect(xml).toMatch(/<bt:Url id="Functions.Script.Url" DefaultValue="https:\/\/localhost:3000\/functions.js"\/>/);
    for (const f of meta.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9]*$/);
      expect(f.name).toBe(f.id); // cells read =LEGS.<ID>
    }
  });
});
