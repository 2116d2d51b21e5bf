import ExcelJS from "exceljs";
import type { Status } from "../core";
import {
  SUMMARY_COLUMN_WIDTHS,
  SUMMARY_FONT,
  SUMMARY_NOTE_FONT,
  SUMMARY_TITLE_FONT,
  summaryPrint,
  summaryRowHeight,
  type SheetCell,
  type SummarySheetModel,
} from "../core/reports/summarySheet";
import { applyPrintSetup } from "./pageSetup";

/**
 * Writes the summary-sheet model (core/reports/summarySheet, the same one the task pane inserts into Excel)
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
  style: { bold?: boolean; fill?: string; span?: number },
): void {
  row.height = summaryRowHeight(cells, {
    font: { ...SUMMARY_FONT, bold: style.bold ?? false },
    ...(style.span && { spans: [style.span] }),
  });
  cells.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    cell.value = value;
    cell.border = THIN;
    cell.font = { name: FONT, size: SUMMARY_FONT.size, bold: style.bold ?? false };
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
  const ws = wb.addWorksheet(model.sheetName);
  ws.columns = SUMMARY_COLUMN_WIDTHS.slice(0, model.areas.columns.length).map((width) => ({ width }));
  const width = model.results.columns.length;

  /** A line of text over the whole table's width, wrapped. */
  const line = (text: string, font: { size: number; bold?: boolean; italic?: boolean }): ExcelJS.Row => {
    const r = ws.addRow([text]);
    r.font = { name: FONT, ...font };
    r.alignment = { vertical: "top", wrapText: true };
    r.height = summaryRowHeight([text], { font, spans: [width] });
    ws.mergeCells(r.number, 1, r.number, width);
    return r;
  };
  line(model.title, SUMMARY_TITLE_FONT);
  for (const text of model.subtitle) line(text, SUMMARY_FONT);
  ws.addRow([]);

  const header = ws.addRow([]);
  put(header, model.results.columns, [], { bold: true, fill: HEAD_FILL });
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.views = [{ state: "frozen", ySplit: header.number }];
  for (const row of model.results.rows) {
    const r = ws.addRow([]);
    if (row.kind === "area") {
      put(r, row.cells.slice(0, 1), [], { bold: true, fill: AREA_FILL, span: width });
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
    line(model.satisfaction.title, { size: 16, bold: true });
    put(ws.addRow([]), model.satisfaction.columns, [], { bold: true, fill: HEAD_FILL });
    for (const row of model.satisfaction.rows) {
      const r = ws.addRow([]);
      const span = model.satisfaction.columns.length;
      if (row.kind === "area") {
        put(r, row.cells.slice(0, 1), [], { bold: true, fill: AREA_FILL, span });
        ws.mergeCells(r.number, 1, r.number, span);
      } else put(r, row.cells, [], {});
    }
  }

  ws.addRow([]);
  const areaHeader = ws.addRow([]);
  put(areaHeader, model.areas.columns, [], { bold: true, fill: HEAD_FILL });
  for (const cells of model.areas.rows) put(ws.addRow([]), cells, model.areas.numberFormats, {});
  put(ws.addRow([]), model.areas.total, model.areas.numberFormats, { bold: true, fill: AREA_FILL });

  ws.addRow([]);
  for (const note of model.notes) line(note, { ...SUMMARY_NOTE_FONT, italic: true });
  applyPrintSetup(ws, summaryPrint(model, header.number));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
