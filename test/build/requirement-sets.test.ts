/**
 * Every Office.js and CustomFunctions API the add-in's code uses, found by the TypeScript type
 * checker (not by a list kept by hand), mapped to its requirement set as Microsoft's type
 * definitions document it ("[Api set: ExcelApi 1.9]"), and compared with the sets the manifest
 * declares: Office must not offer the add-in where an API it calls is missing, and the manifest
 * must not ask for more than the code uses.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const root = path.resolve(__dirname, "../..");

/** The shipped code: everything webpack bundles from these entry points lives under src/. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "preview" ? [] : sourceFiles(p); // the preview is not shipped
    return p.endsWith(".ts") ? [p] : [];
  });
}

const OFFICE_TYPES = /[\\/]@types[\\/](office-js|custom-functions-runtime|office-runtime)[\\/]/;
const API_SET = /\[Api set: (\w+) (\d+\.\d+)/;

interface Use {
  api: string;
  set: string;
  version: string;
  where: string;
}

/**
 * A member's requirement set: its own "[Api set: …]" tag, or else its class's or interface's
 * (Worksheet.load is documented on Worksheet, ExcelApi 1.1). Members of Office's common runtime
 * (OfficeExtension's context and sync, Office.onReady) have none: "" here.
 */
function apiSetOf(symbol: ts.Symbol | undefined): { api: string; set: string; version: string } | null {
  const decl = symbol?.declarations?.[0];
  if (!decl || !OFFICE_TYPES.test(decl.getSourceFile().fileName)) return null;
  const owner = (decl.parent as { name?: ts.Node })?.name?.getText() ?? "";
  const api = `${owner}.${symbol!.name}`;
  for (let node: ts.Node | undefined = decl; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isModuleBlock(node)) break; // a namespace's own comment speaks for none of its members
    const m = API_SET.exec(node.getSourceFile().text.slice(node.getFullStart(), node.getStart()));
    if (m) return { api, set: m[1], version: m[2] };
  }
  return { api, set: "", version: "" };
}

/** Office's common runtime, present wherever an add-in runs at all: no requirement set to declare. */
const COMMON = new Set([
  "ClientRequestContext.sync",
  "RequestContext.workbook",
  "RequestContext.application",
  ".ErrorCode", // the CustomFunctions namespace member; each code has its own set (below)
  ".run", // Excel.run
  ".onReady",
  ".host",
  ".HostType",
  "HostType.Excel",
]);

function usedApis(): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const files = sourceFiles(path.join(root, "src"));
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const where = (node: ts.Node) => `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const found = apiSetOf(checker.getSymbolAtLocation(node.name));
        if (found) uses.push({ ...found, where: where(node) });
      }
      // Object literals given to Office.js ({ decimal: { operator: "GreaterThan" } }): their properties are APIs too.
      if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
        const type = checker.getContextualType(node.parent);
        const prop = type && ts.isIdentifier(node.name) ? checker.getPropertyOfType(type, node.name.text) : undefined;
        const found = apiSetOf(prop);
        if (found) uses.push({ ...found, where: where(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

const newer = (a: string, b: string) => {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am !== bm ? am > bm : an > bn;
};

describe("requirement sets", () => {
  const uses = usedApis();
  const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  const declared = Object.fromEntries([...manifest.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => [m[1], m[2]]));

  test("the code's Office APIs are found (the scan works)", () => {
    const names = new Set(uses.map((u) => u.api));
    for (const api of ["WorksheetCollection.add", "Application.suspendScreenUpdatingUntilNextSync", "ErrorCode.divisionByZero", "StreamingInvocation.setResult"]) {
      expect(names).toContain(api);
    }
  });

  test("every API used documents its requirement set", () => {
    expect(uses.filter((u) => !u.set && !COMMON.has(u.api)).map((u) => `${u.api} (${u.where})`)).toEqual([]);
  });

  test("the manifest declares the highest version of each set the code uses, no lower and no higher", () => {
    const needed: Record<string, { version: string; because: string }> = {};
    for (const u of uses.filter((x) => x.set)) {
      const have = needed[u.set];
      if (!have || newer(u.version, have.version)) needed[u.set] = { version: u.version, because: `${u.api} at ${u.where}` };
    }
    const expected = Object.fromEntries(Object.entries(needed).map(([set, n]) => [set, n.version]));
    const { SharedRuntime, ...declaredApis } = declared;
    expect(SharedRuntime).toBe("1.1"); // the taskpane and the functions share one runtime
    expect(declaredApis).toEqual(expected);
    // For the record, what forces each version (shown when the test fails).
    expect(Object.keys(needed).sort()).toEqual(["CustomFunctionsRuntime", "ExcelApi"]);
  });
});
