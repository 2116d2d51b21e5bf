import ExcelJS from "exceljs";
import type { Status } from "../core";
import type { SheetCell, SummarySheetModel } from "../core/summarySheet";

/**
 * Writes the summary-sheet model (core/summarySheet, the same one the task pane inserts into Excel)
 * as an .xlsx file: the official printout's title and columns, a heading row per area, the counts per
 * area with their pass rate, and the notes. exceljs cannot draw charts, so the pass-rate chart the
 * pane adds is left out of the file; the counts table carries the same figures.
 */

const RESULT_FILL: Partial<Record<Status, string>> = {
  pass: "FFE2EFDA",
  below: "FFFCE4D6",
  "not-done": "FFFCE4D6",
  "no-service": "FFEDEDED",
  incomplete: "FFFFF2CC",
  invalid: "FFFFC7CE",
};
const HEAD_FILL = "FFDDE7F3";
const AREA_FILL = "FFF2F2F2";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};
const FONT = "TH Sarabun New";

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

function put(
  row: ExcelJS.Row,
  cells: readonly SheetCell[],
  formats: readonly (string | null)[],
  style: { bold?: boolean; fill?: string },
): void {
  cells.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    cell.value = value;
    cell.border = THIN;
    cell.font = { name: FONT, size: 14, bold: style.bold ?? false };
    cell.alignment = {
      vertical: "top",
      wrapText: true,
      horizontal: typeof value === "number" ? "right" : "left",
    };
    const format = formats[i];
    if (format && typeof value === "number") cell.numFmt = format;
    if (style.fill) cell.fill = fill(style.fill);
  });
}

export async function summarySheetXlsx(model: SummarySheetModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MinStd";
  const ws = wb.addWorksheet(model.sheetName, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    { width: 26 },
    { width: 62 },
    { width: 12 },
    { width: 14 },
    { width: 16 },
    { width: 14 },
    { width: 30 },
    { width: 14 },
    { width: 14 },
  ];
  const width = model.results.columns.length;

  const title = ws.addRow([model.title]);
  title.font = { name: FONT, size: 18, bold: true };
  ws.mergeCells(title.number, 1, title.number, width);
  for (const line of model.subtitle) {
    const r = ws.addRow([line]);
    r.font = { name: FONT, size: 14 };
    ws.mergeCells(r.number, 1, r.number, width);
  }
  ws.addRow([]);

  const header = ws.addRow([]);
  put(header, model.results.columns, [], { bold: true, fill: HEAD_FILL });
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.views = [{ state: "frozen", ySplit: header.number }];
  for (const row of model.results.rows) {
    const r = ws.addRow([]);
    if (row.kind === "area") {
      put(r, row.cells, [], { bold: true, fill: AREA_FILL });
      ws.mergeCells(r.number, 1, r.number, width);
      continue;
    }
    put(r, row.cells, model.results.numberFormats, {});
    const tone = row.status && RESULT_FILL[row.status];
    if (tone) r.getCell(width).fill = fill(tone);
  }

  if (model.satisfaction) {
    // แบบ 3 as printed: question, then count and percentage of พอใจ and of ปรับปรุง.
    ws.addRow([]);
    const heading = ws.addRow([model.satisfaction.title]);
    heading.font = { name: FONT, size: 16, bold: true };
    ws.mergeCells(heading.number, 1, heading.number, width);
    put(ws.addRow([]), model.satisfaction.columns, [], { bold: true, fill: HEAD_FILL });
    for (const row of model.satisfaction.rows) {
      const r = ws.addRow([]);
      put(r, row.cells, [], row.kind === "area" ? { bold: true, fill: AREA_FILL } : {});
      if (row.kind === "area") ws.mergeCells(r.number, 1, r.number, model.satisfaction.columns.length);
    }
  }

  ws.addRow([]);
  const areaHeader = ws.addRow([]);
  put(areaHeader, model.areas.columns, [], { bold: true, fill: HEAD_FILL });
  for (const cells of model.areas.rows) put(ws.addRow([]), cells, model.areas.numberFormats, {});
  put(ws.addRow([]), model.areas.total, model.areas.numberFormats, { bold: true, fill: AREA_FILL });

  ws.addRow([]);
  for (const note of model.notes) {
    const r = ws.addRow([note]);
    r.font = { name: FONT, size: 12, italic: true };
    ws.mergeCells(r.number, 1, r.number, width);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
