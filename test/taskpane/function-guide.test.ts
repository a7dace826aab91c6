/** The taskpane's function guide lists every computing LEGS function, each with its own signature. */
import { LEGS_FUNCTIONS } from "../../src/functions/registry";
import { FUNCTION_GUIDE } from "../../src/taskpane/function-guide";

const LIVE = new Set(["FUNDINGRATE", "MARKPRICE", "INDEXPRICE", "FUNDINGINTERVAL", "FUNDINGHISTORY", "FUTURES"]);

test("every LEGS function but the live ones has a guide entry whose signature names its parameters", () => {
  for (const fn of LEGS_FUNCTIONS.filter((f) => !LIVE.has(f.name))) {
    const entry = FUNCTION_GUIDE.find((g) => g.signature.startsWith(`LEGS.${fn.name}(`));
    expect(entry).toBeDefined();
    const shown = entry!.signature
      .replace(/^[^(]*\(|\)$/g, "")
      .split(", ")
      .map((p) => p.replace(/[[\]]/g, ""));
    expect(shown).toEqual(fn.parameters);
  }
});
