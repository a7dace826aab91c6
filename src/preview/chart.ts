/**
 * The plan's chart as a small inline SVG line chart (Excel draws the real one): a title, both
 * axes with round ticks formatted as the cells are (prices, %, $), an x-axis label and a y-axis
 * label, and a legend naming every series in its colour.
 *
 * The labels come from the sheet, as Excel's would: the x axis is named by the header above the
 * x column ("Exit price", "Price move"); the y axis by the one series' name, or, for several, by
 * what the title says is plotted ("Net P&L against price" → "Net P&L"), with "(USD)" when the
 * series are dollar amounts. Everything is built with createElementNS/setAttribute/textContent.
 */
import { DetailedCellError } from "hyperformula";
import type { CellValue } from "hyperformula";
import { cellRef, parseCell, parseRange } from "../sheets/a1";
import { FormatKind, serialToIso } from "../sheets/formats";
import { PlanChart, SheetPlan } from "../sheets/plan";
import { EvaluatedPlan } from "./engine";

const SVG = "http://www.w3.org/2000/svg";
export const COLOURS = ["#8a9ba3", "#0f4c5c", "#f2a93b", "#c00000", "#6a3d9a", "#33a02c"];

/** Width of the drawing (viewBox units ≈ CSS px at the side panel's width). */
const W = 520;
const PLOT = { left: 84, right: W - 24, top: 40, height: 230 };
/** Approximate advance of a character at the tick (11px) and legend (12px) sizes. */
const TICK_CHAR = 6.4;
const LEGEND_CHAR = 7;

export interface ChartLabels {
  x: string;
  y: string;
}

function textOf(v: CellValue): string {
  if (v === null || v === undefined || v instanceof DetailedCellError) return "";
  return String(v).trim();
}

/** The format of a range's first cell in the plan (ticks are shown as the cells are). */
function formatAt(plan: SheetPlan, range: string): FormatKind | undefined {
  const { start } = parseRange(range);
  return plan.cells.find((c) => c.ref === cellRef(start.row, start.col))?.format;
}

/**
 * The header above a column range: the nearest cell up to three rows above its first cell that
 * is a header (styled "header", or a table's header row).
 */
export function headerAbove(ev: EvaluatedPlan, range: string): string {
  const { plan } = ev;
  const { start } = parseRange(range);
  const tableTops = plan.tables.map((t) => parseRange(t.ref)).filter((t) => start.col >= t.start.col && start.col <= t.end.col);
  for (let row = start.row - 1; row >= Math.max(0, start.row - 3); row--) {
    const ref = cellRef(row, start.col);
    const cell = plan.cells.find((c) => c.ref === ref);
    // A header cell, a table's header row, or the header row a spill writes (LEDGER, BOOKPNL).
    const spillHeader = plan.spills.some((sp) => {
      const at = parseCell(sp.ref);
      return at.row === row && start.col >= at.col && start.col < at.col + sp.cols;
    });
    const isHeader = cell?.style === "header" || spillHeader || tableTops.some((t) => t.start.row === row);
    const text = textOf(ev.value(ref));
    if (isHeader && text) return text;
  }
  return "";
}

/** The chart's axis labels, derived from the sheet (see the file comment). */
export function chartLabels(ev: EvaluatedPlan, chart: PlanChart): ChartLabels {
  const x = headerAbove(ev, chart.xRef) || "X";
  let y: string;
  if (chart.series.length === 1) {
    y = chart.series[0].name;
  } else {
    const m = /^(.+?)\s+(against|vs\.?|versus|by)\s+/i.exec(chart.title);
    y = m ? m[1] : "Value";
  }
  const dollars = chart.series.length > 0 && chart.series.every((s) => ["usd", "usd0"].includes(formatAt(ev.plan, s.ref) ?? ""));
  if (dollars && !/\$|USD/.test(y)) y = `${y} (USD)`;
  return { x, y };
}

/** A round step giving about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return nice * mag;
}

/** Decimals needed to show multiples of `step` exactly. */
function decimalsOf(step: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 6;
}

function grouped(x: number, decimals: number): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A tick label: as the cells are formatted, with only the decimals the step needs. */
export function formatTick(value: number, kind: FormatKind | undefined, step: number, largest: number): string {
  const v = Math.abs(value) < step * 1e-9 ? 0 : value;
  const sign = v < 0 ? "-" : "";
  const abs = Math.abs(v);
  if (kind === "date" || kind === "datetime") return serialToIso(value);
  if (kind === "pct" || kind === "rate") return `${sign}${grouped(abs * 100, decimalsOf(step * 100))}%`;
  const [scale, suffix] = largest >= 1e9 ? [1e9, "B"] : largest >= 1e6 ? [1e6, "M"] : [1, ""];
  const body = `${grouped(abs / scale, decimalsOf(step / scale))}${suffix}`;
  if (kind === "usd" || kind === "usd0") return `${sign}$${body}`;
  if (kind === "multiple") return `${sign}${body}×`;
  return `${sign}${body}`;
}

function ticksIn(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  for (let i = first; i <= last; i++) out.push(i * step);
  return out;
}

export function renderChart(doc: Document, ev: EvaluatedPlan, chart: PlanChart): SVGSVGElement {
  const num = (v: CellValue) => (typeof v === "number" ? v : NaN);
  const xs = ev.values(chart.xRef).map((r) => num(r[0]));
  const series = chart.series.map((s) => ({ name: s.name, ys: ev.values(s.ref).map((r) => num(r[0])) }));
  const labels = chartLabels(ev, chart);
  const xKind = formatAt(ev.plan, chart.xRef);
  const yKind = chart.series.length > 0 ? formatAt(ev.plan, chart.series[0].ref) : undefined;

  const finiteXs = xs.filter(Number.isFinite);
  const finiteYs = series.flatMap((s) => s.ys).filter(Number.isFinite);
  const xMin = finiteXs.length ? Math.min(...finiteXs) : 0;
  const xMax = finiteXs.length ? Math.max(...finiteXs) : 1;
  // The y axis always shows 0 (P&L: where the position gains or loses), on round bounds.
  const yStep = niceStep(Math.max(0, ...finiteYs) - Math.min(0, ...finiteYs), 5);
  const yMin = Math.floor(Math.min(0, ...finiteYs) / yStep + 1e-9) * yStep;
  const yMax = Math.max(yMin + yStep, Math.ceil(Math.max(0, ...finiteYs) / yStep - 1e-9) * yStep);

  const plotW = PLOT.right - PLOT.left;
  const bottom = PLOT.top + PLOT.height;
  const sx = (x: number) => PLOT.left + ((x - xMin) / (xMax - xMin || 1)) * plotW;
  const sy = (y: number) => bottom - ((y - yMin) / (yMax - yMin || 1)) * PLOT.height;

  // X ticks: as many as fit without their labels touching.
  const xLargest = Math.max(Math.abs(xMin), Math.abs(xMax));
  let xStep = niceStep(xMax - xMin, 6);
  let xTicks = ticksIn(xMin, xMax, xStep);
  for (let count = 6; count > 1; count--) {
    xStep = niceStep(xMax - xMin, count);
    xTicks = ticksIn(xMin, xMax, xStep);
    const widest = Math.max(0, ...xTicks.map((t) => formatTick(t, xKind, xStep, xLargest).length)) * TICK_CHAR;
    const spacing = xTicks.length > 1 ? sx(xTicks[1]) - sx(xTicks[0]) : plotW;
    if (spacing >= widest + 12) break;
  }
  const yLargest = Math.max(Math.abs(yMin), Math.abs(yMax));
  const yTicks = ticksIn(yMin, yMax, yStep);

  // Legend: rows of items centred under the plot, wrapped when the names do not fit across.
  const colourOf = (i: number) => (series.length === 1 ? COLOURS[1] : COLOURS[i % COLOURS.length]);
  const items: { name: string; colour: string; x: number; row: number }[] = [];
  const rowEnds: number[] = [0];
  let [lx, lrow] = [0, 0];
  series.forEach((s, i) => {
    const width = 26 + s.name.length * LEGEND_CHAR;
    if (lx > 0 && lx + width > plotW) [lx, lrow] = [0, lrow + 1];
    items.push({ name: s.name, colour: colourOf(i), x: lx, row: lrow });
    rowEnds[lrow] = lx + width;
    lx += width + 24;
  });
  for (const it of items) it.x += PLOT.left + Math.max(0, (plotW - rowEnds[it.row]) / 2);
  const legendTop = bottom + 62;
  const h = legendTop + (lrow + 1) * 20 + 4;

  const svg = doc.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${h}`);
  svg.setAttribute("class", "chart");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${chart.title}: ${labels.y} against ${labels.x}; ${series.map((s) => s.name).join(", ")}`);
  const el = (parent: Element, name: string, attrs: Record<string, string | number>, text?: string) => {
    const e = doc.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    parent.append(e);
    return e;
  };
  const r = (n: number) => Math.round(n * 10) / 10;

  el(svg, "rect", { x: 0, y: 0, width: W, height: h, class: "c-frame" });
  el(svg, "text", { x: W / 2, y: 20, "text-anchor": "middle", class: "c-title" }, chart.title);

  // Grid lines and ticks.
  const yAxis = el(svg, "g", { class: "c-y-ticks" });
  for (const t of yTicks) {
    el(yAxis, "line", { x1: PLOT.left, x2: PLOT.right, y1: r(sy(t)), y2: r(sy(t)), class: t === 0 ? "c-zero" : "c-grid" });
    el(
      yAxis,
      "text",
      { x: PLOT.left - 6, y: r(sy(t)) + 4, "text-anchor": "end", class: "c-tick" },
      formatTick(t, yKind, yStep, yLargest),
    );
  }
  const xAxis = el(svg, "g", { class: "c-x-ticks" });
  for (const t of xTicks) {
    el(xAxis, "line", { x1: r(sx(t)), x2: r(sx(t)), y1: PLOT.top, y2: bottom, class: "c-grid" });
    el(xAxis, "line", { x1: r(sx(t)), x2: r(sx(t)), y1: bottom, y2: bottom + 4, class: "c-axis" });
    el(
      xAxis,
      "text",
      { x: r(sx(t)), y: bottom + 17, "text-anchor": "middle", class: "c-tick" },
      formatTick(t, xKind, xStep, xLargest),
    );
  }
  el(svg, "line", { x1: PLOT.left, x2: PLOT.left, y1: PLOT.top, y2: bottom, class: "c-axis" });
  el(svg, "line", { x1: PLOT.left, x2: PLOT.right, y1: bottom, y2: bottom, class: "c-axis" });

  // Axis labels.
  el(svg, "text", { x: r(PLOT.left + plotW / 2), y: bottom + 38, "text-anchor": "middle", class: "c-label c-x-label" }, labels.x);
  const yMid = r(PLOT.top + PLOT.height / 2);
  el(
    svg,
    "text",
    { x: 16, y: yMid, "text-anchor": "middle", transform: `rotate(-90 16 ${yMid})`, class: "c-label c-y-label" },
    labels.y,
  );

  // The series: a line per run of computed points, a dot on each.
  series.forEach((s, i) => {
    const colour = colourOf(i);
    const g = el(svg, "g", { class: "c-series", "data-series": s.name });
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) el(g, "polyline", { points: run.join(" "), class: "c-line", stroke: colour });
      run = [];
    };
    xs.forEach((x, j) => {
      const y = s.ys[j];
      if (!Number.isFinite(x) || !Number.isFinite(y)) return flush();
      run.push(`${r(sx(x))},${r(sy(y))}`);
      el(g, "circle", { cx: r(sx(x)), cy: r(sy(y)), r: 2.5, fill: colour });
    });
    flush();
  });

  // Legend.
  const legend = el(svg, "g", { class: "c-legend" });
  for (const it of items) {
    const y = legendTop + it.row * 20;
    const g = el(legend, "g", { class: "c-legend-item", "data-series": it.name });
    el(g, "line", { x1: it.x, x2: it.x + 20, y1: y - 4, y2: y - 4, class: "c-line", stroke: it.colour });
    el(g, "text", { x: it.x + 26, y, class: "c-legend-text" }, it.name);
  }
  return svg;
}
