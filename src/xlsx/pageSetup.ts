import type ExcelJS from "exceljs";
import { FONT_NAME, PRINT_MARGINS, type PrintSpec } from "../core";

/** A4, one page wide (as many pages down as it takes), the header rows on every page, Thai page numbers. */
export function applyPrintSetup(ws: ExcelJS.Worksheet, print: PrintSpec): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...PRINT_MARGINS },
    ...(print.titleRows && { printTitlesRow: print.titleRows.replace(/\$/g, "") }),
  };
  const font = `&"${FONT_NAME},Regular"&12`;
  ws.headerFooter = {
    oddHeader: `&C${font}${print.header}`,
    oddFooter: `&C${font}${print.footer}`,
  };
}
