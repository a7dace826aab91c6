/**
 * The writer against a fake workbook (office-addin-mock context + queued, non-transactional
 * batches): few syncs whatever the size, never overwrite, all or nothing.
 */
import { WriteError, writePlan } from "../../src/excel/writer";
import { checkInputs } from "../../src/sheets/inputs";
import { TEMPLATES, templateById } from "../../src/sheets/templates";
import { FakeWorkbook } from "../helpers/fake-excel";

const TODAY = "2026-11-25";

function planOf(id: string) {
  const t = templateById(id)!;
  return t.build(checkInputs(t.inputs, {}, TODAY).values);
}

describe("writePlan", () => {
  test.each(TEMPLATES.map((t) => t.id))("%s: written in at most 3 syncs, whole arrays, calculation suspended", async (id) => {
    const wb = new FakeWorkbook();
    const plan = planOf(id);
    const result = await writePlan(wb.run, plan);
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(wb.syncs).toBe(result.syncs);
    expect(wb.calculationSuspended).toBe(1);
    const sheet = wb.sheet(plan.sheetName)!;
    expect(sheet).toBeDefined();
    // Two whole-array writes of the used range (constants, then with formulas) and one of formats.
    const [address] = Object.keys(sheet.formulas);
    expect(Object.keys(sheet.formulas)).toHaveLength(1);
    const grid = sheet.formulas[address];
    expect(grid.flat().filter((v) => typeof v === "string" && v.startsWith("=")).length).toBe(
      plan.cells.filter((c) => c.formula).length,
    );
    expect(sheet.tables).toEqual(plan.tables.map((t) => t.ref));
    expect(sheet.names.sort()).toEqual(plan.names.map((n) => n.name).sort());
    expect(sheet.charts).toBe(plan.charts.length);
    expect(sheet.frozenRows).toBe(2);
    expect(result.payloadBytes).toBeLessThan(5 * 1024 * 1024);
  });

  test("never overwrites: a second sheet of the same template is 'Cash-and-carry (2)', with its own table name", async () => {
    const wb = new FakeWorkbook(["Sheet1", "Cash-and-carry"]);
    wb.tables.push({ name: "CarryLegs", sheet: "Cash-and-carry" });
    const before = JSON.stringify(wb.sheet("Cash-and-carry"));
    const result = await writePlan(wb.run, planOf("cash-and-carry"));
    expect(result.sheetName).toBe("Cash-and-carry (2)");
    expect(JSON.stringify(wb.sheet("Cash-and-carry"))).toBe(before);
    expect(wb.tables.map((t) => t.name)).toEqual(["CarryLegs", "CarryLegs_2"]);
    // Formulas follow the renamed table.
    const grid = Object.values(wb.sheet("Cash-and-carry (2)")!.formulas)[0].flat();
    expect(grid).toContain("=LEGS.NETDELTA(CarryLegs_2[#All])");
    expect(grid.join(" ")).not.toMatch(/CarryLegs\[/);
    // And a third.
    expect((await writePlan(wb.run, planOf("cash-and-carry"))).sheetName).toBe("Cash-and-carry (3)");
  });

  test("a table name taken by a workbook-level name is avoided too", async () => {
    const wb = new FakeWorkbook();
    wb.names.push("Legs");
    await writePlan(wb.run, planOf("full-hedge"));
    expect(wb.tables.map((t) => t.name)).toEqual(["Legs_2"]);
  });

  describe("all or nothing", () => {
    test.each(TEMPLATES.map((t) => t.id))("%s: a failure at each sync leaves the workbook exactly as it was", async (id) => {
      for (const failAt of [1, 2]) {
        const wb = new FakeWorkbook(["Sheet1", "Notes"]);
        const before = wb.snapshot();
        wb.failAtSync = failAt;
        const error = await writePlan(wb.run, planOf(id)).catch((e) => e);
        expect(error).toBeInstanceOf(WriteError);
        expect(error.message).toMatch(/injected failure/);
        expect(error.message).toMatch(/Nothing was changed|left as it was/);
        expect(wb.snapshot()).toBe(before);
        expect(wb.syncs).toBeLessThanOrEqual(3);
      }
    });

    test.each(TEMPLATES.map((t) => t.id))("%s: a table name taken meanwhile (collision mid-write) rolls back cleanly", async (id) => {
      const wb = new FakeWorkbook(["Sheet1"]);
      const plan = planOf(id);
      let before = "";
      wb.onSync = (n) => {
        if (n === 2) {
          // Between the read and the write, another add-in creates a table with our name.
          wb.tables.push({ name: plan.tables[0].name, sheet: "Sheet1" });
          before = wb.snapshot();
        }
      };
      const error = await writePlan(wb.run, plan).catch((e) => e);
      expect(error).toBeInstanceOf(WriteError);
      expect(error.message).toMatch(/already exists/);
      expect(error.rolledBack).toBe(true);
      expect(wb.snapshot()).toBe(before);
    });

    test.each(TEMPLATES.map((t) => t.id))("%s: a protected workbook is left as it was", async (id) => {
      const wb = new FakeWorkbook(["Sheet1"]);
      wb.protectedStructure = true;
      const before = wb.snapshot();
      const error = await writePlan(wb.run, planOf(id)).catch((e) => e);
      expect(error).toBeInstanceOf(WriteError);
      expect(error.message).toMatch(/protected/);
      expect(wb.snapshot()).toBe(before);
    });

    test.each(["worksheets.add", "tables.add", "tables.name", "names.add", "range.formulas", "charts.add", "activate"])(
      "a failure at %s mid-batch: the partial sheet is removed",
      async (op) => {
        const wb = new FakeWorkbook(["Sheet1"]);
        const before = wb.snapshot();
        wb.failAtOp = op;
        const error = await writePlan(wb.run, planOf("portfolio")).catch((e) => e);
        expect(error).toBeInstanceOf(WriteError);
        expect(error.rolledBack).toBe(true);
        expect(wb.snapshot()).toBe(before);
      },
    );

    test("a 5 MB payload: refused before writing, with the reason, nothing changed", async () => {
      const wb = new FakeWorkbook(["Sheet1"]);
      const before = wb.snapshot();
      const plan = planOf("portfolio");
      // A book of 40,000 legs' worth of notes: far past Excel's 5 MB request limit.
      const huge = { ...plan, cells: [...plan.cells, ...Array.from({ length: 40000 }, (_, i) => ({ ref: `A${200 + i}`, value: "x".repeat(150) }))] };
      const error = await writePlan(wb.run, huge).catch((e) => e);
      expect(error).toBeInstanceOf(WriteError);
      expect(error.message).toMatch(/"Portfolio" is too large to write \(\d+\.\d MB of cells; Excel accepts 5 MB per request\)/);
      expect(error.message).toMatch(/Nothing was changed/);
      expect(wb.snapshot()).toBe(before);
      expect(wb.syncs).toBe(1);
    });

    test("a protected workbook: a clear error and nothing changed", async () => {
      const wb = new FakeWorkbook(["Sheet1"]);
      wb.protectedStructure = true;
      const before = wb.snapshot();
      const error = await writePlan(wb.run, planOf("full-hedge")).catch((e) => e);
      expect(error.message).toMatch(/Could not create "Full hedge": The workbook structure is protected/);
      expect(wb.snapshot()).toBe(before);
    });
  });

  test("text from inputs that looks like a formula is written as text", async () => {
    const wb = new FakeWorkbook();
    const t = templateById("full-hedge")!;
    const values = { ...checkInputs(t.inputs, {}, TODAY).values, Asset: "=HYPERLINK(1)" };
    await writePlan(wb.run, t.build(values));
    const grid = Object.values(wb.sheet("Full hedge")!.formulas)[0].flat();
    expect(grid).toContain("'=HYPERLINK(1)");
    expect(grid).not.toContain("=HYPERLINK(1)");
  });
});
