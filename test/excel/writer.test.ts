/**
 * The writer against a fake workbook (office-addin-mock context + queued, non-transactional
 * batches): four syncs whatever the size, never overwrite, all or nothing, and a rollback that
 * can only remove the sheet this call created.
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
  test.each(TEMPLATES.map((t) => t.id))("%s: written in 4 syncs, whole arrays, calculation left to Excel", async (id) => {
    const wb = new FakeWorkbook();
    const plan = planOf(id);
    const result = await writePlan(wb.run, plan);
    expect(result.syncs).toBe(4);
    expect(wb.syncs).toBe(result.syncs);
    // Suspending calculation would leave every written formula for the add-in to recalculate.
    expect(wb.calculationSuspended).toBe(0);
    // Only the names are read back, never every property of every sheet, table and name.
    expect(wb.loads).toEqual(["worksheets:items/name", "tables:items/name", "names:items/name"]);
    expect(result.cosmeticSkipped).toBeUndefined();
    const sheet = wb.sheet(plan.sheetName)!;
    expect(wb.active).toBe(sheet.id);
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
    test.each(TEMPLATES.map((t) => t.id))(
      "%s: a failure at each of the first three syncs leaves the workbook exactly as it was",
      async (id) => {
        for (const failAt of [1, 2, 3]) {
          const wb = new FakeWorkbook(["Sheet1", "Notes"]);
          const before = wb.snapshot();
          wb.failAtSync = failAt;
          const error = await writePlan(wb.run, planOf(id)).catch((e) => e);
          expect(error).toBeInstanceOf(WriteError);
          expect(error.message).toMatch(/injected failure/);
          expect(error.message).toMatch(/Nothing was changed|left as it was/);
          expect(wb.snapshot()).toBe(before);
          expect(wb.syncs).toBeLessThanOrEqual(4);
        }
      },
    );

    test.each(TEMPLATES.map((t) => t.id))(
      "%s: the write batch applied but reported failed: the whole sheet is removed",
      async (id) => {
        const wb = new FakeWorkbook(["Sheet1", "Notes"]);
        const before = wb.snapshot();
        wb.failAfterSync = 3;
        const error = await writePlan(wb.run, planOf(id)).catch((e) => e);
        expect(error).toBeInstanceOf(WriteError);
        expect(error.rolledBack).toBe(true);
        expect(wb.snapshot()).toBe(before);
      },
    );

    // Every template with a table (the Basis curve has none: its term structure is a spill).
    test.each(TEMPLATES.filter((t) => planOf(t.id).tables.length > 0).map((t) => t.id))(
      "%s: a table name taken meanwhile (collision mid-write) rolls back cleanly",
      async (id) => {
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
      },
    );

    test.each(TEMPLATES.map((t) => t.id))("%s: a protected workbook is left as it was", async (id) => {
      const wb = new FakeWorkbook(["Sheet1"]);
      wb.protectedStructure = true;
      const before = wb.snapshot();
      const error = await writePlan(wb.run, planOf(id)).catch((e) => e);
      expect(error).toBeInstanceOf(WriteError);
      expect(error.message).toMatch(/protected/);
      expect(wb.snapshot()).toBe(before);
    });

    test.each(["worksheets.add", "tables.add", "tables.name", "names.add", "range.formulas", "dataValidation", "charts.add"])(
      "a failure at %s mid-batch: the partial sheet is removed",
      async (op) => {
        const wb = new FakeWorkbook(["Sheet1"]);
        const before = wb.snapshot();
        wb.failAtOp = op;
        const error = await writePlan(wb.run, planOf("portfolio")).catch((e) => e);
        expect(error).toBeInstanceOf(WriteError);
        expect(error.rolledBack).toBe(op !== "worksheets.add");
        expect(wb.snapshot()).toBe(before);
      },
    );

    test("a 5 MB payload: refused before writing, with the reason, nothing changed", async () => {
      const wb = new FakeWorkbook(["Sheet1"]);
      const before = wb.snapshot();
      const plan = planOf("portfolio");
      // A book of 40,000 legs' worth of notes: far past Excel's 5 MB request limit.
      const huge = {
        ...plan,
        cells: [...plan.cells, ...Array.from({ length: 40000 }, (_, i) => ({ ref: `A${200 + i}`, value: "x".repeat(150) }))],
      };
      const error = await writePlan(wb.run, huge).catch((e) => e);
      expect(error).toBeInstanceOf(WriteError);
      expect(error.message).toMatch(/"Portfolio" is too large to write \(\d+\.\d MB of cells; Excel accepts 5 MB per request\)/);
      expect(error.message).toMatch(/Nothing was changed/);
      expect(wb.snapshot()).toBe(before);
      expect(wb.syncs).toBe(1);
    });

    test("a co-author's sheet with our name, made between the read and the add, is never touched", async () => {
      const wb = new FakeWorkbook(["Sheet1"]);
      let theirs: ReturnType<FakeWorkbook["addSheetMeanwhile"]> | undefined;
      wb.onSync = (n) => {
        // Excel on the web: a co-author adds "Full hedge" just after we read the names.
        if (n === 2) theirs = wb.addSheetMeanwhile("Full hedge");
      };
      const result = await writePlan(wb.run, planOf("full-hedge"));
      // Our add failed (the name was taken), so the names were read again and the next free one used.
      expect(result.sheetName).toBe("Full hedge (2)");
      expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Full hedge", "Full hedge (2)"]);
      expect(wb.sheet("Full hedge")).toBe(theirs);
      expect(JSON.stringify(theirs)).toMatch(/"formulas":\{\}/);
    });

    test("a failed write after that race removes our sheet only, by its id, never the co-author's", async () => {
      const wb = new FakeWorkbook(["Sheet1"]);
      let theirs = "";
      wb.onSync = (n) => {
        if (n === 2) theirs = JSON.stringify(wb.addSheetMeanwhile("Full hedge"));
      };
      wb.failAtOp = "range.formulas";
      const error = await writePlan(wb.run, planOf("full-hedge")).catch((e) => e);
      expect(error).toBeInstanceOf(WriteError);
      expect(error.rolledBack).toBe(true);
      expect(error.message).toMatch(/Could not create "Full hedge \(2\)"/);
      // Rolling back by name would have deleted "Full hedge" (theirs) or missed ours.
      expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Full hedge"]);
      expect(JSON.stringify(wb.sheet("Full hedge"))).toBe(theirs);
    });

    test("a co-author renaming our new sheet before the write does not redirect the rollback", async () => {
      const wb = new FakeWorkbook(["Sheet1"]);
      wb.onSync = (n) => {
        if (n === 3) {
          // Our sheet is renamed, and another one takes its old name, before our write lands.
          wb.sheet("Full hedge")!.name = "Renamed";
          wb.addSheetMeanwhile("Full hedge");
        }
      };
      wb.failAtOp = "charts.add";
      const error = await writePlan(wb.run, planOf("full-hedge")).catch((e) => e);
      expect(error.rolledBack).toBe(true);
      expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Full hedge"]);
    });
  });

  describe("focus moving to another workbook mid-write (Windows, Mac)", () => {
    // Excel then throws GeneralException from freezeRows and activate (Microsoft, "API limitations
    // when the active workbook switches"): the sheet is complete, so the creation succeeds.
    test.each(["freezeRows", "activate"])("%s refused: the sheet is kept and the creation succeeds", async (op) => {
      const wb = new FakeWorkbook(["Sheet1"]);
      wb.failAtOp = op;
      const plan = planOf("cash-and-carry");
      const result = await writePlan(wb.run, plan);
      expect(result.sheetName).toBe("Cash-and-carry");
      expect(result.cosmeticSkipped).toMatch(/injected failure/);
      const sheet = wb.sheet("Cash-and-carry")!;
      expect(sheet.tables).toEqual(plan.tables.map((t) => t.ref));
      expect(sheet.charts).toBe(1);
    });

    test("worksheets.add refused: nothing was created, and the message says so", async () => {
      const wb = new FakeWorkbook(["Sheet1"]);
      const before = wb.snapshot();
      wb.failAtOp = "worksheets.add";
      const error = await writePlan(wb.run, planOf("cash-and-carry")).catch((e) => e);
      expect(error.message).toBe('Could not create "Cash-and-carry": injected failure at worksheets.add. Nothing was changed.');
      expect(wb.snapshot()).toBe(before);
    });

    test("a protected workbook: a clear error and nothing changed", async () => {
      const wb = new FakeWorkbook(["Sheet1"]);
      wb.protectedStructure = true;
      const before = wb.snapshot();
      const error = await writePlan(wb.run, planOf("full-hedge")).catch((e) => e);
      expect(error.message).toBe('Could not create "Full hedge": The workbook structure is protected. Nothing was changed.');
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

describe("sheet details", () => {
  test("column widths: characters to points as Excel measures them (8.43 characters = 64 px = 48 pt)", async () => {
    const { columnWidthPoints } = await import("../../src/excel/column-width");
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 1);
    expect(columnWidthPoints(30)).toBe(161.25);
    const wb = new FakeWorkbook();
    await writePlan(wb.run, planOf("full-hedge"));
    const widths = Object.values(wb.sheet("Full hedge")!.columnWidths);
    // Column A holds labels of 30 characters: 161.25 pt, not 210 (7 pt a character).
    expect(widths[0]).toBe(161.25);
  });

  test("validation rules: exclusive bounds are strict, inclusive bounds are not", async () => {
    const wb = new FakeWorkbook();
    await writePlan(wb.run, planOf("cash-and-carry"));
    const rules = wb.validationRules.map((r) => r.rule);
    // Quantity > 0 (the taskpane refuses 0): GreaterThan, not GreaterThanOrEqualTo.
    expect(rules).toContainEqual({ decimal: { formula1: 0, operator: "GreaterThan" } });
    // Roll reminder 0…365 days, both allowed.
    expect(rules).toContainEqual({ decimal: { formula1: 0, formula2: 365, operator: "Between" } });
  });
});
