import { cellAddress, parseCell, type SheetSpec } from "../core";

/** The rectangle a sheet's spec covers, from A1 to its last row and column. */
export function sheetBounds(spec: SheetSpec): {
  readonly address: string;
  readonly rows: number;
  readonly cols: number;
} {
  let rows = 1;
  let cols = spec.columns.length;
  for (const cell of spec.cells) {
    const ref = parseCell(cell.address)!;
    rows = Math.max(rows, ref.row);
    cols = Math.max(cols, ref.col);
  }
  return { address: `A1:${cellAddress(rows, cols)}`, rows, cols };
}
