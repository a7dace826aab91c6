/** The plan's chart as a small inline SVG line chart (Excel draws the real one). */
import { EvaluatedPlan } from "./engine";
import { PlanChart } from "../sheets/plan";

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#8a9ba3", "#0f4c5c", "#f2a93b", "#c00000"];

export function renderChart(doc: Document, ev: EvaluatedPlan, chart: PlanChart): SVGSVGElement {
  const xs = ev.values(chart.xRef).map((r) => Number(r[0]));
  const series = chart.series.map((s) => ({ name: s.name, ys: ev.values(s.ref).map((r) => Number(r[0])) }));
  const all = series.flatMap((s) => s.ys).filter(Number.isFinite);
  const [w, h, pad] = [520, 260, 56];
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const yMin = Math.min(0, ...all);
  const yMax = Math.max(0, ...all);
  const sx = (x: number) => pad + ((x - xMin) / (xMax - xMin || 1)) * (w - 2 * pad);
  const sy = (y: number) => h - pad - ((y - yMin) / (yMax - yMin || 1)) * (h - 2 * pad);
  const svg = doc.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", chart.title);
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const e = doc.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  el("text", { x: w / 2, y: 18, "text-anchor": "middle", class: "c-title" }, chart.title);
  el("line", { x1: pad, x2: w - pad, y1: sy(0), y2: sy(0), class: "c-axis" });
  el("line", { x1: pad, x2: pad, y1: pad, y2: h - pad, class: "c-axis" });
  el("text", { x: pad - 4, y: sy(yMax) + 4, "text-anchor": "end", class: "c-tick" }, Math.round(yMax).toLocaleString("en-US"));
  el("text", { x: pad - 4, y: sy(yMin) + 4, "text-anchor": "end", class: "c-tick" }, Math.round(yMin).toLocaleString("en-US"));
  el("text", { x: pad, y: h - pad + 16, class: "c-tick" }, xMin.toLocaleString("en-US"));
  el("text", { x: w - pad, y: h - pad + 16, "text-anchor": "end", class: "c-tick" }, xMax.toLocaleString("en-US"));
  series.forEach((s, i) => {
    const points = xs.map((x, j) => `${sx(x)},${sy(s.ys[j])}`).join(" ");
    el("polyline", { points, fill: "none", stroke: COLOURS[i % COLOURS.length], "stroke-width": 2 });
    el("text", { x: pad + 10 + i * 160, y: h - 6, fill: COLOURS[i % COLOURS.length], class: "c-tick" }, s.name);
  });
  return svg;
}
