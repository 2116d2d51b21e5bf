/// <reference types="office-js" />

/** Every edge of a range, outside and in: a table's grid. */
const GRID_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

/** Draws thin grey lines around and between the cells of a range, as the workbook's and the summary's tables have. */
export function drawGridLines(range: Excel.Range): void {
  for (const edge of GRID_EDGES) {
    const border = range.format.borders.getItem(edge);
    border.style = "Continuous";
    border.color = "#808080";
  }
}
