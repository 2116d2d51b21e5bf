/// <reference types="office-js" />
import { columnLetter, FONT_NAME, FONT_SIZE, PAGE_NUMBER_FOOTER, rowHeight, titleRows } from "../core";
import { officeHost, type ExcelHost } from "./host";
import { replaceOwnedSheet } from "./ownedSheet";
import { applyPageSetup } from "./pageSetup";

/**
 * The receipt sheet: after each acknowledged submission the pane writes the newest receipt (number,
 * server time in Thai, content hash, results) and the history of versions into the workbook, so
 * the proof of sending travels with the file. Replaces the receipt sheet written before. Two round
 * trips. Holds nothing secret: no token, no access code.
 */

export const RECEIPT_NAME = "MinStd_Receipt";

/** What the sheet shows (the submission client's receiptSheet() builds it). */
export interface ReceiptSheet {
  readonly name: string;
  readonly title: string;
  readonly latest: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  readonly history: {
    readonly header: readonly string[];
    readonly rows: ReadonlyArray<readonly (string | number)[]>;
  };
}

/** Column widths, A to F, in Excel's character units. */
const COLUMNS = [30, 22, 30, 40, 74, 38] as const;
const HEADER_FILL = "#D9E1F2";
const LABEL_FILL = "#F2F2F2";

export async function writeReceiptSheet(model: ReceiptSheet, host: ExcelHost = officeHost): Promise<string> {
  return host.run(async (context) => {
    const { sheet, name } = await replaceOwnedSheet(context, {
      wanted: model.name,
      mark: RECEIPT_NAME,
      markComment: "ใบรับการส่งข้อมูลที่ MinStd เขียน (เขียนใหม่ทุกครั้งที่ส่งสำเร็จ)",
      action: { th: "เขียนใบรับ", en: "write the receipt" },
    });
    fill(sheet, model);
    sheet.activate();
    await context.sync();
    return name;
  });
}

function fill(sheet: Excel.Worksheet, model: ReceiptSheet): void {
  const last = columnLetter(COLUMNS.length);
  COLUMNS.forEach((width, i) => {
    const letter = columnLetter(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = Math.round((width * 7 + 5) * 0.75 * 100) / 100;
  });
  const historyHeader = model.latest.length + 4;
  const historyLast = historyHeader + model.history.rows.length;
  const whole = sheet.getRange(`A1:${last}${historyLast}`);
  whole.format.font.name = FONT_NAME;
  whole.format.font.size = FONT_SIZE;
  // Receipt numbers, hashes and ids are text, never numbers Excel would reformat.
  whole.numberFormat = Array.from({ length: historyLast }, () => COLUMNS.map(() => "@"));

  const title = sheet.getRange("A1");
  title.values = [[model.title]];
  title.format.font.bold = true;
  title.format.font.size = FONT_SIZE + 4;

  if (model.latest.length > 0) {
    const lines = sheet.getRange(`A3:B${model.latest.length + 2}`);
    lines.values = model.latest.map((l) => [l.label, l.value]);
    const labels = sheet.getRange(`A3:A${model.latest.length + 2}`);
    labels.format.font.bold = true;
    labels.format.fill.color = LABEL_FILL;
  }

  const heading = sheet.getRange(`A${historyHeader - 1}`);
  heading.values = [["ประวัติการส่งข้อมูล (ฉบับล่าสุดอยู่บนสุด)"]];
  heading.format.font.bold = true;
  const header = sheet.getRange(`A${historyHeader}:${last}${historyHeader}`);
  header.values = [[...model.history.header]];
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  if (model.history.rows.length > 0)
    sheet.getRange(`A${historyHeader + 1}:${last}${historyLast}`).values = model.history.rows.map((row) =>
      row.map((v) => String(v)),
    );
  header.format.wrapText = true;
  sheet.getRange(`A${historyHeader + 1}:${last}${historyLast}`).format.wrapText = true;

  // Heights that show every wrapped line, for programs that do not fit rows to their text.
  const height = (row: number, texts: readonly string[], size = FONT_SIZE, bold = false): void => {
    sheet.getRange(`${row}:${row}`).format.rowHeight = rowHeight(
      texts.map((text, i) => ({ text, width: COLUMNS[i] ?? COLUMNS[0], font: { size, bold } })),
    );
  };
  height(1, [model.title], FONT_SIZE + 4, true);
  // A value runs on into the empty cells to its right: only the label wraps.
  model.latest.forEach((l, i) => height(3 + i, [l.label]));
  height(historyHeader, model.history.header, FONT_SIZE, true);
  model.history.rows.forEach((row, i) => height(historyHeader + 1 + i, row.map(String)));
  applyPageSetup(sheet, {
    orientation: "landscape",
    titleRows: titleRows(historyHeader),
    header: model.title,
    footer: PAGE_NUMBER_FOOTER,
  });
}
