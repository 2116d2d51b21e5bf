/** A1-style addresses: "B3", "$B$3", "A1:H20", "'แบบ 2-1'!E5", "Sheet1!A:A" (rows/columns are 0-based here). */
import { columnLetter, columnNumber } from "../../src/core/workbook/a1";

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  readonly sheet?: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Column letters of a 0-based column index (core's A1 helpers count from 1). */
export function columnName(col: number): string {
  return columnLetter(col + 1);
}

export function columnIndex(name: string): number {
  return columnNumber(name) - 1;
}

export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Quotes a sheet name the way Excel does when it has spaces or non-ASCII characters. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parsePart(part: string): { row?: number; col?: number } | undefined {
  let m = CELL.exec(part);
  if (m) return { col: columnIndex(m[1]!), row: Number(m[2]) - 1 };
  m = COLUMN.exec(part);
  if (m) return { col: columnIndex(m[1]!) };
  m = ROW.exec(part);
  if (m) return { row: Number(m[1]) - 1 };
  return undefined;
}

export function parseRange(address: string): RangeRef | undefined {
  const { sheet, local } = splitSheet(address.trim());
  const [a, b = a] = local.split(":");
  const p = parsePart(a!);
  const q = parsePart(b!);
  if (!p || !q) return undefined;
  const top = Math.min(p.row ?? 0, q.row ?? 0);
  const bottom = Math.max(p.row ?? MAX_ROWS - 1, q.row ?? MAX_ROWS - 1);
  const left = Math.min(p.col ?? 0, q.col ?? 0);
  const right = Math.max(p.col ?? MAX_COLS - 1, q.col ?? MAX_COLS - 1);
  if (p.row === undefined && p.col === undefined) return undefined;
  return { ...(sheet !== undefined && { sheet }), top, left, bottom, right };
}

export function formatRange(sheet: string, r: Omit<RangeRef, "sheet">): string {
  const start = cellName(r.top, r.left);
  const end = cellName(r.bottom, r.right);
  return `${quoteSheet(sheet)}!${start === end ? start : `${start}:${end}`}`;
}
