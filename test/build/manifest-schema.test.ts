/**
 * manifest.xml (the source and the built dist/manifest.xml) validated against Microsoft's XML
 * manifest schemas, offline: libxml2's xmllint compiled to WebAssembly (xmllint-wasm, in a worker
 * thread, no network). The schemas are the last copies Microsoft published in
 * OfficeDev/office-js-docs-pr, patched minimally so that libxml2 compiles them and so that they
 * know <Runtimes>; test/fixtures/manifest-schemas/README.md says where each file came from and
 * lists every patch. The control tests prove the validator rejects what Office would reject.
 */
import * as fs from "fs";
import * as path from "path";
import { validateXML, XMLValidationResult } from "xmllint-wasm";

const root = path.resolve(__dirname, "../..");
const schemaDir = path.join(root, "test", "fixtures", "manifest-schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const TASKPANE_NS = "{http://schemas.microsoft.com/office/taskpaneappversionoverrides}";
const APP_NS = "{http://schemas.microsoft.com/office/appforoffice/1.1}";

const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function schemaFile(fileName: string): { fileName: string; contents: string } {
  return { fileName, contents: fs.readFileSync(path.join(schemaDir, fileName), "utf8") };
}

/** Validates one manifest; a schema that does not compile rejects (the test then fails). */
function validateManifest(xml: string, fileName = "manifest.xml"): Promise<XMLValidationResult> {
  const others = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA);
  return validateXML({
    xml: [{ fileName, contents: xml }],
    // The main schema first; the schemas it imports are found by their schemaLocation names.
    schema: [schemaFile(MAIN_SCHEMA)],
    preload: others.sort().map(schemaFile),
  });
}

function errorText(result: XMLValidationResult): string {
  return result.errors.map((e) => e.message).join("\n");
}

/** Applies an edit to the source manifest, failing if it changed nothing (a stale control). */
function edited(edit: (xml: string) => string): string {
  const xml = edit(source);
  expect(xml).not.toBe(source);
  return xml;
}

describe("manifest.xml against Microsoft's XML manifest schemas", () => {
  test("the source manifest.xml is valid", async () => {
    const result = await validateManifest(source);
    expect(errorText(result)).toBe("");
    expect(result.valid).toBe(true);
  });

  test("the built dist/manifest.xml is valid", async () => {
    const built = path.join(root, "dist", "manifest.xml");
    if (!fs.existsSync(built)) {
      throw new Error(`${built} is missing: jest's globalSetup should have built dist/ (npm run build); see the build output above.`);
    }
    const result = await validateManifest(fs.readFileSync(built, "utf8"), "dist-manifest.xml");
    expect(errorText(result)).toBe("");
    expect(result.valid).toBe(true);
  });
});

describe("the schema validator rejects broken manifests (controls)", () => {
  test("Runtimes moved after AllFormFactors is rejected", async () => {
    const xml = edited((s) => {
      const block = s.match(/\n\s*<Runtimes>[\s\S]*?<\/Runtimes>/);
      if (!block) return s;
      return s.replace(block[0], "").replace("</AllFormFactors>", `</AllFormFactors>${block[0]}`);
    });
    expect(xml.indexOf("<Runtimes>")).toBeGreaterThan(xml.indexOf("</AllFormFactors>"));
    const result = await validateManifest(xml);
    expect(result.valid).toBe(false);
    expect(errorText(result)).toContain(`${TASKPANE_NS}Runtimes': This element is not expected`);
  });

  test('a Runtime with lifetime="forever" is rejected', async () => {
    const xml = edited((s) => s.replace('lifetime="long"', 'lifetime="forever"'));
    const result = await validateManifest(xml);
    expect(result.valid).toBe(false);
    expect(errorText(result)).toContain(`${TASKPANE_NS}Runtime', attribute 'lifetime'`);
    expect(errorText(result)).toContain("'forever'");
  });

  test("Description placed before DisplayName is rejected", async () => {
    const xml = edited((s) => {
      const displayName = s.match(/ *<DisplayName [^>]*\/>\n/);
      const description = s.match(/ *<Description [^>]*\/>\n/);
      if (!displayName || !description) return s;
      return s.replace(displayName[0], "@@DISPLAYNAME@@").replace(description[0], displayName[0]).replace("@@DISPLAYNAME@@", description[0]);
    });
    expect(xml.indexOf("<Description ")).toBeLessThan(xml.indexOf("<DisplayName "));
    const result = await validateManifest(xml);
    expect(result.valid).toBe(false);
    expect(errorText(result)).toContain(`${APP_NS}Description': This element is not expected`);
    expect(errorText(result)).toContain(`${APP_NS}DisplayName`);
  });
});

describe("the schema fixtures", () => {
  test("every schema file is accounted for in the fixtures' README", () => {
    const readme = fs.readFileSync(path.join(schemaDir, "README.md"), "utf8");
    const files = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
    expect(files).toContain(MAIN_SCHEMA);
    for (const f of files) expect(readme).toContain(f);
  });
});
