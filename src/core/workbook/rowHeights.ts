import { FONT_SIZE, STYLES, type StyleName } from "./styles";
import { rowHeight } from "./textMetrics";

/** A row tall enough for each of its texts, wrapped in its column: [text, column width, style]. */
export function heightFor(texts: ReadonlyArray<readonly [string, number, StyleName?]>): number {
  return rowHeight(
    texts.map(([text, width, style]) => {
      const spec = STYLES[style ?? "text"];
      return { text, width, font: { size: spec.size ?? FONT_SIZE, bold: spec.bold === true } };
    }),
  );
}
