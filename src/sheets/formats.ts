/**
 * Number formats a plan may use, by kind: the Excel format string the writer applies, and how
 * the preview displays the same value (so the preview shows what Excel would).
 */
export type FormatKind =
  | "usd" // $1,234.56
  | "usd0" // $1,235
  | "pct" // 12.81%
  | "rate" // 0.0300% (funding rates per interval)
  | "coin" // 1.2346 (units of the underlying)
  | "price" // 3,400.00
  | "number" // 1,234.56
  | "int" // 1,235
  | "multiple" // 10.0×
  | "date" // 2026-11-25
  | "datetime"; // 2026-11-25 08:00:00 (the Book's times, UTC)

export const EXCEL_FORMATS: Record<FormatKind, string> = {
  usd: '"$"#,##0.00;-"$"#,##0.00',
  usd0: '"$"#,##0;-"$"#,##0',
  pct: "0.00%",
  rate: "0.0000%",
  coin: "#,##0.0000",
  price: "#,##0.00",
  number: "#,##0.00",
  int: "#,##0",
  multiple: '0.0"×"',
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm:ss",
};

function grouped(x: number, decimals: number): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Excel serial date (days since 1899-12-30) → yyyy-mm-dd. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** yyyy-mm-dd → Excel serial date. */
export function isoToSerial(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return ms / 86400000 + 25569;
}

/** What Excel shows for `value` in a cell formatted as `kind`. */
export function displayNumber(value: number, kind: FormatKind | undefined): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  switch (kind) {
    case "usd":
      return `${sign}$${grouped(abs, 2)}`;
    case "usd0":
      return `${sign}$${grouped(abs, 0)}`;
    case "pct":
      return `${sign}${grouped(abs * 100, 2)}%`;
    case "rate":
      return `${sign}${grouped(abs * 100, 4)}%`;
    case "coin":
      return `${sign}${grouped(abs, 4)}`;
    case "price":
    case "number":
      return `${sign}${grouped(abs, 2)}`;
    case "int":
      return `${sign}${grouped(abs, 0)}`;
    case "multiple":
      return `${sign}${grouped(abs, 1)}×`;
    case "date":
      return serialToIso(value);
    case "datetime":
      return new Date(Math.round((value - 25569) * 86400000)).toISOString().slice(0, 19).replace("T", " ");
    default:
      return String(Number(value.toPrecision(11)));
  }
}
