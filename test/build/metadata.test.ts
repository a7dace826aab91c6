/**
 * functions.json as Excel reads it, and the pages served with the add-in: no data-types flag (so
 * a cell holding a Stocks or Currencies data type arrives as its value, on every client), a help
 * link per function into the add-in's own reference page, and a start page instead of a
 * directory listing.
 */
import * as fs from "fs";
import * as path from "path";
import { NETDELTA, POSITIONPNL } from "../../src/functions/functions";
import { fakeCustomFunctions, FakeCustomFunctionError } from "../helpers/custom-functions";

const dist = path.resolve(__dirname, "../../dist");
const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));

beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = fakeCustomFunctions();
});

describe("functions.json", () => {
  test("does not carry allowCustomDataForDataTypeAny (a CustomFunctionsRuntime 1.4 feature)", () => {
    expect(Object.keys(metadata)).toEqual(["functions"]);
    expect(JSON.stringify(metadata)).not.toMatch(/allowCustomDataForDataTypeAny/);
  });

  test("every function has a helpUrl into the reference page served with the add-in", () => {
    const html = fs.readFileSync(path.join(dist, "functions.html"), "utf8");
    for (const f of metadata.functions) {
      expect(f.helpUrl).toBe(`https://localhost:3000/functions.html#${f.id}`);
      expect(html).toContain(`<section id="${f.id}">`);
      for (const p of f.parameters) expect(html).toContain(`<code>${p.name}</code>`);
    }
  });

  test("FUTURES streams a matrix: functions.json marks it stream and dimensionality matrix", () => {
    const futures = metadata.functions.find((f: { id: string }) => f.id === "FUTURES");
    expect(futures.options).toEqual({ stream: true });
    expect(futures.result).toEqual({ dimensionality: "matrix" });
    expect(futures.parameters.map((p: { name: string }) => p.name)).toEqual(["asset", "exchange", "margin"]);
  });

  test("FUNDINGHISTORY says how to format its time column, in its help and in the reference", () => {
    const history = metadata.functions.find((f: { id: string }) => f.id === "FUNDINGHISTORY");
    expect(history.result).toBeDefined();
    const html = fs.readFileSync(path.join(dist, "functions.html"), "utf8");
    const section = html.slice(html.indexOf('<section id="FUNDINGHISTORY">'));
    expect(section.slice(0, section.indexOf("</section>"))).toMatch(/Custom, and type yyyy-mm-dd hh:mm/);
  });
});

describe("the pages served with the add-in", () => {
  test("index.html (the server's /) links the taskpane, the preview and the function reference", () => {
    const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
    for (const href of ["taskpane.html", "preview.html", "functions.html", "manifest.xml"]) expect(html).toContain(`href="${href}"`);
    expect(html).not.toMatch(/<script|style="/);
  });
});

describe("cells holding data types", () => {
  test("a plain value is read as always", () => {
    expect(POSITIONPNL("long", [[15000]], [[750]], [[800]], "inverse")).toEqual([[1.25]]);
  });

  test("a data type object (were one ever passed) gets a #VALUE! that says what to do, not 'an unsupported value'", async () => {
    const stock = { type: "LinkedEntity", text: "Microsoft Corp", basicValue: "#VALUE!", basicType: "Error" };
    expect(await NETDELTA([["Quantity"], [1]], stock, null).catch((e: unknown) => e)).toEqual(
      new FakeCustomFunctionError("#VALUE!", "price must be a number (got a LinkedEntity data type: refer to one of its fields, e.g. =A1.Price)"),
    );
  });
});
