import type { SheetSpec } from "./spec";
import { FONT_SIZE, STYLES, type StyleName } from "./styles";
import { rowHeight } from "./textMetrics";

/** The texts of one row, each wrapped in its column: [text, column width, style]. */
export type RowTexts = ReadonlyArray<readonly [string, number, StyleName?]>;

/** A row tall enough for each of its texts, wrapped in its column. */
export function heightFor(texts: RowTexts): number {
  return rowHeight(
    texts.map(([text, width, style]) => {
      const spec = STYLES[style ?? "text"];
      return { text, width, font: { size: spec.size ?? FONT_SIZE, bold: spec.bold === true } };
    }),
  );
}

/**
 * The sheet with its `rowHeights` measured from `rows` when first read, once. Only the writers read
 * them; the pane, which lays out the workbook to read it, never does, and wrapping Thai text (word
 * breaking) is most of what a layout costs.
 */
export function withRowHeights(
  sheet: Omit<SheetSpec, "rowHeights">,
  rows: ReadonlyArray<{ readonly row: number; readonly texts: RowTexts }>,
): SheetSpec {
  let heights: SheetSpec["rowHeights"] | undefined;
  return Object.defineProperty(sheet, "rowHeights", {
    enumerable: true,
    get: () => (heights ??= rows.map(({ row, texts }) => ({ row, height: heightFor(texts) }))),
  }) as SheetSpec;
}
