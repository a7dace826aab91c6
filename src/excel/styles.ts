/** How each plan cell style looks in Excel (and, mirrored in CSS, in the preview). */
import { CellStyle } from "../sheets/plan";

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
}

export const STYLES: Record<CellStyle, StyleSpec> = {
  title: { bold: true, size: 16, fontColor: "#0F4C5C" },
  subtitle: { italic: true, fontColor: "#44545C" },
  section: { bold: true, size: 12, fontColor: "#FFFFFF", fill: "#0F4C5C" },
  label: { fontColor: "#1F2A30" },
  input: { fontColor: "#0000CC", fill: "#FFF4CC" }, // the convention: blue on yellow = type here
  metric: { bold: true },
  header: { bold: true, fill: "#DCE8EC" },
  note: { italic: true, fontColor: "#6B7B83" },
  warning: { bold: true, fontColor: "#9C5700", fill: "#FFEB9C" },
};

export const NEGATIVE_FONT = "#C00000";
export const POSITIVE_FONT = "#007A33";
export const ALERT_FILL = "#FFC7CE";
export const ALERT_FONT = "#9C0006";
