/** A1-style cell addresses ("D7", "A5:H20"), shared by every part that writes or reads a workbook. */

export interface CellRef {
  /** 1-based row. */
  readonly row: number;
  /** 1-based column: A = 1. */
  readonly col: number;
}

export interface RangeRef {
  readonly start: CellRef;
  readonly end: CellRef;
}

export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`bad column ${col}`);
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Reads "D7" or "$D$7"; undefined for anything else. */
export function parseCell(address: string): CellRef | undefined {
  const m = CELL.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}

/**
 * Reads "A5:H20", "D7" or a sheet-qualified address as Excel reports it ("'แบบ 2-1'!D7:E9");
 * whole rows and columns ("5:5", "D:D") are widened to the sheet's limits.
 */
export function parseRange(address: string): RangeRef | undefined {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a = "", b = a] = bare.split(":");
  const whole = (part: string, isEnd: boolean): CellRef | undefined => {
    const p = part.replace(/\$/g, "");
    if (/^\d+$/.test(p)) return { row: Number(p), col: isEnd ? 16384 : 1 };
    if (/^[A-Za-z]{1,3}$/.test(p)) return { row: isEnd ? 1048576 : 1, col: columnNumber(p) };
    return parseCell(p);
  };
  const start = whole(a, false);
  const end = whole(b, true);
  if (!start || !end) return undefined;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

export function rangeAddress(range: RangeRef): string {
  const a = cellAddress(range.start.row, range.start.col);
  const b = cellAddress(range.end.row, range.end.col);
  return a === b ? a : `${a}:${b}`;
}

export function inRange(cell: CellRef, range: RangeRef): boolean {
  return (
    cell.row >= range.start.row &&
    cell.row <= range.end.row &&
    cell.col >= range.start.col &&
    cell.col <= range.end.col
  );
}

/** "$D$7", for named items and print titles. */
export function absoluteCell(address: string): string {
  const ref = parseCell(address);
  if (!ref) throw new RangeError(`bad cell ${address}`);
  return `$${columnLetter(ref.col)}$${ref.row}`;
}

/** A sheet name as it must appear in a reference: quoted when it has anything but letters and digits. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
