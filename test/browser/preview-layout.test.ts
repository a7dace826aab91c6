/**
 * The preview page's layout in headless Chromium (Debian's package, driven by playwright-core),
 * served by `npm start`'s dev server as in pages.test.ts: for every template the grid draws
 * every used column of the plan and the last one can be scrolled into view (nothing clipped or
 * hidden), and the chart has a legend naming every series in its colour, x- and y-axis labels,
 * and tick labels that are formatted and do not overlap.
 */
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { columnLetters, parseCell } from "../../src/sheets/a1";
import { checkInputs } from "../../src/sheets/inputs";
import { placeCells, SheetPlan } from "../../src/sheets/plan";
import { TEMPLATES } from "../../src/sheets/templates";
import { freePort, runScript } from "../helpers/dev-server";
import { newContext } from "../helpers/browser-context";
import { NOW, TODAY } from "../helpers/sheet-now";

const { CHROMIUM, CHROMIUM_ARGS } = require("../helpers/chromium");

jest.setTimeout(60000);

let port = 0;
let base = "";
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  port = await freePort();
  base = `https://localhost:${port}`;
  const out = await runScript("start.js", port);
  expect(out).toContain(`${base}/preview.html`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await newContext(browser, { ignoreHTTPSErrors: true, viewport: { width: 1400, height: 1000 } });
}, 300000);

afterAll(async () => {
  await browser?.close();
  await runScript("stop.js", port).catch(() => undefined);
});

/** The template's plan with its default inputs, as the preview builds it. */
function planOf(id: string): SheetPlan {
  const t = TEMPLATES.find((x) => x.id === id)!;
  const { values, errors } = checkInputs(t.inputs, {}, TODAY);
  expect(errors).toEqual({});
  return t.build(values);
}

/** The plan's last used column (zero-based) and a cell in it with content (a value or a formula). */
function lastColumn(plan: SheetPlan): { col: number; ref: string } {
  const { cells } = placeCells(plan);
  let col = Math.max(...cells.map((c) => c.at.col));
  for (const s of plan.spills) col = Math.max(col, parseCell(s.ref).col + s.cols - 1);
  const withContent = cells.filter((c) => c.at.col === col && (c.cell.value !== undefined || c.cell.formula !== undefined));
  // A spill reaching the column without a formula cell in it: its top row in that column.
  const spill = plan.spills.find((s) => parseCell(s.ref).col + s.cols - 1 === col);
  const ref = withContent.length > 0 ? withContent[0].cell.ref : `${columnLetters(col)}${parseCell(spill!.ref).row + 1}`;
  return { col, ref };
}

async function open(page: Page, id: string): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Pinned to the plan's "now" (the preview's ?now=), so the page and the plan above agree at any hour.
  await page.goto(`${base}/preview.html?template=${id}&now=${new Date(NOW).toISOString()}`);
  await page.locator("#app[data-ready=true]").waitFor({ timeout: 30000 });
  return errors;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Scrolls the cell into view inside the grid; whether it is then on screen and not covered. */
async function reachable(page: Page, ref: string) {
  return page.evaluate((ref) => {
    const grid = document.querySelector(".grid") as HTMLElement;
    const td = document.querySelector(`table.sheet td[data-ref="${ref}"]`) as HTMLElement | null;
    if (!td) return { found: false };
    td.scrollIntoView({ block: "center", inline: "center" });
    const r = td.getBoundingClientRect();
    const g = grid.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const hit = document.elementFromPoint(cx, cy);
    return {
      found: true,
      text: td.textContent,
      width: r.width,
      inGrid: r.left >= g.left - 0.5 && r.right <= g.right + 0.5 && r.top >= g.top - 0.5 && r.bottom <= g.bottom + 0.5,
      inWindow: r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight,
      onTop: hit === td || td.contains(hit),
      scrollWidth: grid.scrollWidth,
      // The cell's right edge in the grid's scrolled content.
      right: r.right - g.left - grid.clientLeft + grid.scrollLeft,
    };
  }, ref);
}

describe("preview grid: every used column, reachable", () => {
  test.each(TEMPLATES.map((t) => t.id))("%s", async (id) => {
    const plan = planOf(id);
    const last = lastColumn(plan);
    const page = await context.newPage();
    const errors = await open(page, id);

    // Column letters A … the last used column, all drawn.
    const letters = (await page.locator("table.sheet tr").first().locator("th").allTextContents()).slice(1);
    expect(letters[letters.length - 1]).toBe(columnLetters(last.col));
    expect(letters).toHaveLength(last.col + 1);

    // The grid box is no taller than the window: its horizontal scrollbar is on screen with it,
    // not under the sheet's last row.
    const box = await page.evaluate(() => {
      const g = document.querySelector(".grid") as HTMLElement;
      return { height: g.getBoundingClientRect().height, window: window.innerHeight, scrolls: g.scrollWidth > g.clientWidth };
    });
    expect(box.height).toBeLessThanOrEqual(box.window);

    // The last used column's cell is rendered, can be scrolled to, and is then fully visible.
    const seen = await reachable(page, last.ref);
    expect(seen).toMatchObject({ found: true, inGrid: true, inWindow: true, onTop: true });
    expect(seen.width).toBeGreaterThan(20);
    expect(seen.scrollWidth! + 1).toBeGreaterThanOrEqual(seen.right!); // 1px: sub-pixel column widths

    // Numbers are never cut: every numeric cell's text fits in its cell.
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("table.sheet td.num"))
        .filter((td) => td.scrollWidth > td.clientWidth + 1)
        .map((td) => td.dataset.ref),
    );
    expect(cut).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a narrow window: the chart goes below and the sheet still scrolls to its last column", async () => {
    const page = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width: 800, height: 700 } });
    await open(page, "portfolio");
    const last = lastColumn(planOf("portfolio"));
    const seen = await reachable(page, last.ref);
    expect(seen).toMatchObject({ found: true, inGrid: true, inWindow: true, onTop: true });
    const [grid, chart] = [await page.locator(".grid").boundingBox(), await page.locator("svg.chart").boundingBox()];
    expect(chart!.y).toBeGreaterThanOrEqual(grid!.y + grid!.height);
    expect(chart!.x + chart!.width).toBeLessThanOrEqual(800);
    await page.close();
  });
});

describe("preview chart: legend, axis labels, readable ticks", () => {
  // The live boards' charts plot exchange data: this page has none (no fixture exchanges here),
  // so they draw no lines; their sheets are checked against the fixtures in relay.test.ts.
  test.each(TEMPLATES.filter((t) => t.kind !== "board").map((t) => t.id))("%s", async (id) => {
    const plan = planOf(id);
    expect(plan.charts.length).toBeGreaterThan(0);
    const page = await context.newPage();
    const errors = await open(page, id);
    const charts = page.locator(".side svg.chart");
    await expect(charts.count()).resolves.toBe(plan.charts.length);

    for (const [i, chart] of plan.charts.entries()) {
      const svg = charts.nth(i);
      await expect(svg.locator(".c-title").textContent()).resolves.toBe(chart.title);

      // The legend names every series, in the colour its line is drawn in.
      const legend = await svg.locator(".c-legend-item").evaluateAll((items) =>
        items.map((g) => ({
          name: g.querySelector("text")?.textContent,
          colour: g.querySelector("line")?.getAttribute("stroke"),
        })),
      );
      expect(legend.map((l) => l.name)).toEqual(chart.series.map((s) => s.name));
      const lines = await svg
        .locator(".c-series")
        .evaluateAll((gs) =>
          gs.map((g) => ({ name: g.getAttribute("data-series"), colour: g.querySelector("polyline")?.getAttribute("stroke") })),
        );
      expect(lines).toEqual(legend);
      expect(new Set(legend.map((l) => l.colour)).size).toBe(legend.length);

      // Axis labels: the x axis named by the header above the x column, the y axis non-empty.
      const xLabel = (await svg.locator(".c-x-label").textContent())?.trim();
      const yLabel = (await svg.locator(".c-y-label").textContent())?.trim();
      expect(xLabel).toMatch(/^(Exit price|Price move|Date)$/);
      expect(yLabel).toMatch(/\S/);
      expect(yLabel).not.toBe("Value");

      // Ticks: formatted numbers (thousands separators, %, $), several per axis, none overlapping.
      for (const axis of [".c-x-ticks", ".c-y-ticks"]) {
        const ticks = await svg.locator(`${axis} text`).evaluateAll((ts) =>
          ts.map((t) => {
            const b = (t as SVGTextElement).getBoundingClientRect();
            return { text: t.textContent ?? "", box: { x: b.x, y: b.y, width: b.width, height: b.height } };
          }),
        );
        expect(ticks.length).toBeGreaterThanOrEqual(3);
        // Numbers formatted as the cells are (thousands separators, %, $), or dates for a date axis.
        for (const t of ticks) expect(t.text).toMatch(/^(-?\$?\d{1,3}(,\d{3})*(\.\d+)?[%kMB×]?|\d{4}-\d{2}-\d{2})$/);
        for (let a = 0; a < ticks.length; a++)
          for (let b = a + 1; b < ticks.length; b++) expect(overlaps(ticks[a].box, ticks[b].box)).toBe(false);
      }

      // Nothing of the chart's text overlaps anything else of it, or leaves the drawing.
      const texts = await svg.evaluate((s) => {
        const frame = s.getBoundingClientRect();
        const boxes = Array.from(s.querySelectorAll("text")).map((t) => {
          const b = t.getBoundingClientRect();
          return { text: t.textContent, box: { x: b.x, y: b.y, width: b.width, height: b.height } };
        });
        return { frame: { x: frame.x, y: frame.y, width: frame.width, height: frame.height }, boxes };
      });
      for (const t of texts.boxes) {
        expect(t.box.x).toBeGreaterThanOrEqual(texts.frame.x - 0.5);
        expect(t.box.x + t.box.width).toBeLessThanOrEqual(texts.frame.x + texts.frame.width + 0.5);
        expect(t.box.y + t.box.height).toBeLessThanOrEqual(texts.frame.y + texts.frame.height + 0.5);
      }
      for (let a = 0; a < texts.boxes.length; a++) {
        for (let b = a + 1; b < texts.boxes.length; b++) {
          expect({
            pair: [texts.boxes[a].text, texts.boxes[b].text],
            overlap: overlaps(texts.boxes[a].box, texts.boxes[b].box),
          }).toEqual({
            pair: [texts.boxes[a].text, texts.boxes[b].text],
            overlap: false,
          });
        }
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
