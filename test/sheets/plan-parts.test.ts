/** The pieces under the templates: inputs, unique names, structured references, formats. */
import { shiftFormula } from "../../src/preview/conditional";
import { displayNumber, isoToSerial, serialToIso } from "../../src/sheets/formats";
import { checkInputs, InputSpec, readInput } from "../../src/sheets/inputs";
import { resolvePlan, uniqueSheetName } from "../../src/sheets/resolve";
import { structuredToA1, TableShape } from "../../src/sheets/structured-refs";
import { templateById } from "../../src/sheets/templates";

const pct: InputSpec = { id: "HedgeRatio", label: "Hedge ratio", kind: "percent", default: 0.5, min: 0, max: 1, help: "" };
const num: InputSpec = { id: "Price", label: "Price", kind: "number", default: 3400, min: 0, exclusive: true, help: "" };
const date: InputSpec = { id: "Expiry", label: "Expiry", kind: "date", default: "today+90", help: "" };

describe("inputs", () => {
  test("percents are typed as percents and held as exact fractions", () => {
    expect(readInput(pct, "25", "2026-11-25")).toBe(0.25);
    expect(readInput({ ...pct, max: 0.05 }, "0.03", "2026-11-25")).toBe(0.0003);
    expect(readInput(pct, "12.5%", "2026-11-25")).toBe(0.125);
    expect(readInput(pct, "", "2026-11-25")).toBe(0.5); // blank = default
  });
  test("numbers accept thousands separators; bounds are checked with a message", () => {
    expect(readInput(num, "95,000", "2026-11-25")).toBe(95000);
    expect(readInput(num, "0", "2026-11-25")).toEqual({ error: "Price must be greater than 0 (got 0)" });
    expect(readInput(pct, "150", "2026-11-25")).toEqual({ error: "Hedge ratio must be at least 0% and at most 100% (got 150%)" });
    expect(readInput(num, "abc", "2026-11-25")).toEqual({ error: 'Price must be a number (got "abc")' });
  });
  test("dates: yyyy-mm-dd or relative defaults, as Excel serials", () => {
    expect(readInput(date, "", "2026-11-25")).toBe(isoToSerial("2027-02-23"));
    expect(readInput(date, "2026-13-01", "2026-11-25")).toEqual({
      error: 'Expiry must be a date as yyyy-mm-dd (got "2026-13-01")',
    });
    expect(serialToIso(isoToSerial("2026-11-25"))).toBe("2026-11-25");
    expect(isoToSerial("1900-03-01")).toBe(61); // Excel's serial for 1 March 1900
  });
  test("text inputs: at most 40 characters, never a formula", () => {
    const asset: InputSpec = { id: "Asset", label: "Asset", kind: "text", default: "ETH", help: "" };
    expect(readInput(asset, " btc ", "2026-11-25")).toBe("btc");
    expect(readInput(asset, "=HYPERLINK(1)", "2026-11-25")).toEqual({
      error: 'Asset must not start with =, +, - or @ (got "=HYPERLINK(1)")',
    });
    expect(readInput(asset, "x".repeat(41), "2026-11-25")).toEqual({ error: "Asset: at most 40 characters (got 41)" });
  });
  test("checkInputs collects every error by input id; defaults reproduce the seed example", () => {
    const t = templateById("partial-hedge")!;
    expect(checkInputs(t.inputs, { SpotQty: "-1", HedgeRatio: "x" }, "2026-11-25").errors).toEqual({
      SpotQty: "Spot held must be greater than 0 (got -1)",
      HedgeRatio: 'Hedge ratio must be a number (got "x")',
    });
    const { values } = checkInputs(t.inputs, {}, "2026-11-25");
    expect(values).toMatchObject({ Asset: "ETH", SpotQty: 10, CostBasis: 2800, Price: 3400, HedgeRatio: 0.5 });
  });
});

describe("unique names (never overwrite)", () => {
  test("sheet names: (2), (3)…, case-insensitive, within Excel's 31 characters", () => {
    expect(uniqueSheetName("Portfolio", ["Sheet1"])).toBe("Portfolio");
    expect(uniqueSheetName("Portfolio", ["portfolio", "Portfolio (2)"])).toBe("Portfolio (3)");
    expect(uniqueSheetName("A".repeat(31), ["A".repeat(31)])).toBe(`${"A".repeat(27)} (2)`);
  });
  test("tables get free names and formulas follow, but not other names that merely contain them", () => {
    const plan = templateById("full-hedge")!.build(checkInputs(templateById("full-hedge")!.inputs, {}, "2026-11-25").values);
    const withDecoy = { ...plan, cells: [...plan.cells, { ref: "Z1", formula: "=MyLegs[#All]" }] };
    const resolved = resolvePlan(withDecoy, { sheets: ["Full hedge"], tables: ["Legs", "Legs_2"] });
    expect(resolved.sheetName).toBe("Full hedge (2)");
    expect(resolved.tables[0].name).toBe("Legs_3");
    expect(resolved.cells.find((c) => c.formula?.includes("NETDELTA"))?.formula).toBe("=LEGS.NETDELTA(Legs_3[#All])");
    expect(resolved.cells.find((c) => c.ref === "Z1")?.formula).toBe("=MyLegs[#All]");
  });
});

describe("structured references for the preview", () => {
  const tables: TableShape[] = [{ name: "Legs", ref: "A10:C13", headers: ["Asset", "Quantity", "Margin USD"] }];
  test("#All, #Data, #Headers and columns become absolute ranges", () => {
    expect(structuredToA1("=LEGS.NETDELTA(Legs[#All])", tables)).toBe("=LEGS.NETDELTA($A$10:$C$13)");
    expect(structuredToA1("=SUM(Legs[Margin USD])+COUNT(Legs[#Data])", tables)).toBe("=SUM($C$11:$C$13)+COUNT($A$11:$C$13)");
    expect(structuredToA1("=ROWS(legs[#Headers])", tables)).toBe("=ROWS($A$10:$C$10)");
    expect(structuredToA1("=Other[#All]", tables)).toBe("=Other[#All]");
    expect(() => structuredToA1("=SUM(Legs[Nope])", tables)).toThrow(/no column "Nope"/);
  });
});

describe("conditional-format formulas shift like Excel's", () => {
  test("relative parts move, fixed parts and text stay", () => {
    expect(shiftFormula('D44<>"OK"', 2, 0)).toBe('D46<>"OK"');
    expect(shiftFormula("$B7>C$3+D4", 1, 1)).toBe("$B8>D$3+E5");
    expect(shiftFormula('ABS(NetDelta)>Band&"A1"', 3, 3)).toBe('ABS(NetDelta)>Band&"A1"');
  });
});

describe("number formats as Excel shows them", () => {
  test.each([
    [1700, "usd", "$1,700.00"],
    [-1700, "usd", "-$1,700.00"],
    [0.1280701754385965, "pct", "12.81%"],
    [0.0003, "rate", "0.0300%"],
    [0.13043478, "coin", "0.1304"],
    [5, "multiple", "5.0×"],
    [46351, "date", "2026-11-25"],
  ] as const)("%p as %s → %s", (value, kind, shown) => {
    expect(displayNumber(value, kind)).toBe(shown);
  });
});
