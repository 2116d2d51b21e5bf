/**
 * The collection workbook inside Excel (Office.js). Every Excel call of the add-in's workbook
 * work goes through these functions; the task pane calls them and never touches Excel.* itself.
 *
 *   createWorkbook(round, lao)        builds the workbook for an LAO and round in the open Excel
 *                                     workbook, or refreshes it (labels, formulas, formats,
 *                                     validation, protection) keeping every typed value.
 *                                     ≤ 3 round trips. Throws WorkbookRefused (Thai messages in
 *                                     .problems) without writing when the open workbook holds
 *                                     another LAO's or round's workbook.
 *   readWorkbook(round, lao)          one round trip: core's submission document and report, and
 *                                     every problem with its sheet, cell and Thai message.
 *   onChanged(round, lao, listener)   scans, then calls listener(scan, changedInputCells) after each
 *                                     edit, re-reading only the changed cells; returns { scan, stop }.
 *   readWorkbookMeta()                which round and LAO the open workbook was built for (its
 *                                     metadata sheet), or null for a workbook MinStd has not set up.
 *   selectCell(sheet, cell)           activates the sheet and selects the cell. One round trip.
 *   insertSummarySheet(model)         writes core's summary-sheet model with a chart of pass rate by
 *                                     area on a new sheet, replacing the one written before. 2 round trips.
 *   recalculateAll()                  recalculates every formula (after rounds were registered).
 *
 * `lao` is the register entry (core's Lao); the last argument of each may be an ExcelHost, for tests.
 * Each lives in its own module, so that the task pane can load the writers only when they are used.
 */
export { createWorkbook } from "./create";
export { officeHost, type ExcelHost } from "./host";
export { readWorkbookMeta } from "./meta";
export { recalculateAll, selectCell } from "./navigate";
export { onChanged, readWorkbook } from "./read";
export type { WorkbookScan } from "./reader";
export { WorkbookRefused } from "./refused";
export { OwnedSheetError } from "./ownedSheet";
export { insertSummarySheet, SUMMARY_CHART_NAME, SUMMARY_NAME } from "./summarySheet";
export type { ChangeListener, Watch, WatchErrorListener } from "./watch";
export type { TemplateResult } from "./writer";
