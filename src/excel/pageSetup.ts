/// <reference types="office-js" />
import { FONT_NAME, POINTS_PER_INCH, PRINT_MARGINS, type PrintSpec } from "../core";
import { REQUIREMENT_SETS, type IsSetSupported } from "./requirements";

/**
 * Whether the running Excel has worksheet.pageLayout (ExcelApi 1.9). Only an Office that says it lacks
 * the set is taken at its word: where nothing answers (a test double without requirement sets), the
 * page is set up.
 */
function pageLayoutAvailable(): boolean {
  const office = (
    globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }
  ).Office;
  const isSetSupported = office?.context?.requirements?.isSetSupported;
  const set = REQUIREMENT_SETS.workbookApi;
  return isSetSupported === undefined || isSetSupported(set.name, set.version);
}

/** The sheet's print setup, as the .xlsx writers write it (src/xlsx/pageSetup.ts); queued, not synced. */
export function applyPageSetup(sheet: Excel.Worksheet, print: PrintSpec): void {
  if (!pageLayoutAvailable()) return;
  const page = sheet.pageLayout;
  page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  page.paperSize = "A4";
  page.centerHorizontally = true;
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.leftMargin = PRINT_MARGINS.left * POINTS_PER_INCH;
  page.rightMargin = PRINT_MARGINS.right * POINTS_PER_INCH;
  page.topMargin = PRINT_MARGINS.top * POINTS_PER_INCH;
  page.bottomMargin = PRINT_MARGINS.bottom * POINTS_PER_INCH;
  page.headerMargin = PRINT_MARGINS.header * POINTS_PER_INCH;
  page.footerMargin = PRINT_MARGINS.footer * POINTS_PER_INCH;
  if (print.titleRows) page.setPrintTitleRows(print.titleRows);
  const font = `&"${FONT_NAME},Regular"&12`;
  page.headersFooters.defaultForAllPages.centerHeader = `${font}${print.header}`;
  page.headersFooters.defaultForAllPages.centerFooter = `${font}${print.footer}`;
}
