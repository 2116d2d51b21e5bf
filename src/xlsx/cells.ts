import type { Cell, CellValue } from "exceljs";

/** A cell's content as a plain value: what was typed or the cached result of a formula. */
export type PlainValue = number | string | boolean | Date | null;

export function plainValue(value: CellValue): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || typeof result === "object") return null;
      return result as PlainValue;
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return null;
}

export function cellPlainValue(cell: Cell): PlainValue {
  return plainValue(cell.value);
}

/** The text of a cell, trimmed; "" when empty. */
export function cellText(cell: Cell): string {
  const v = cellPlainValue(cell);
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}
