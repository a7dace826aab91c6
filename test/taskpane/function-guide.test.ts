/** The taskpane's function guide lists every computing LEGS function, each with its own signature. */
import { LEGS_FUNCTIONS } from "../../src/functions/registry";
import { FUNCTION_GUIDE } from "../../src/taskpane/function-guide";

const LIVE = new Set(["FUNDINGRATE", "MARKPRICE", "INDEXPRICE", "FUNDINGINTERVAL", "FUNDINGHISTORY", "FUTURES", "FUNDINGBOARD"]);

const entryOf = (name: string) => FUNCTION_GUIDE.find((g) => g.signature.startsWith(`LEGS.${name}(`));

/** The parameter names a guide signature shows, optional brackets removed. */
const shownParameters = (signature: string): string[] =>
  signature
    .replace(/^[^(]*\(|\)$/g, "")
    .split(", ")
    .map((p) => p.replace(/[[\]]/g, ""));

test("every LEGS function but the live ones has a guide entry whose signature names its parameters", () => {
  for (const fn of LEGS_FUNCTIONS.filter((f) => !LIVE.has(f.name))) {
    const entry = entryOf(fn.name);
    expect(entry).toBeDefined();
    expect(shownParameters(entry!.signature)).toEqual(fn.parameters);
  }
});

test("a live function with a guide entry (FUNDINGBOARD) shows its parameters, the optional ones in brackets", () => {
  const board = LEGS_FUNCTIONS.find((f) => f.name === "FUNDINGBOARD")!;
  const entry = entryOf("FUNDINGBOARD");
  expect(entry).toBeDefined();
  expect(shownParameters(entry!.signature)).toEqual(board.parameters);
  expect(entry!.signature).toBe("LEGS.FUNDINGBOARD(symbols, [exchanges], [horizon])");
  for (const fn of LEGS_FUNCTIONS.filter((f) => LIVE.has(f.name))) {
    const e = entryOf(fn.name);
    if (e) expect(shownParameters(e.signature)).toEqual(fn.parameters);
  }
});

test("every guide entry is a LEGS function", () => {
  for (const g of FUNCTION_GUIDE) {
    const name = /^LEGS\.([A-Z]+)\(/.exec(g.signature)?.[1];
    expect(LEGS_FUNCTIONS.some((f) => f.name === name)).toBe(true);
  }
});
