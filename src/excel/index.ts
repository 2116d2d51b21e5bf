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
 *   selectCell(sheet, cell)           activates the sheet and selects the cell.
 *   insertSummarySheet(model)         writes core's summary-sheet model with a chart of pass rate by
 *                                     area on a new sheet, replacing the one written before. 2 round trips.
 *   recalculateAll()                  recalculates every formula (after rounds were registered).
 *
 * `lao` is the register entry (core's Lao); the last argument of each may be an ExcelHost, for tests.
 */
import { collectionLayout, type Lao, type Round, type SummarySheetModel, type WorkbookMeta } from "../core";
import { officeHost, type ExcelHost } from "./host";
import { evaluateContents, loadWorkbook, type WorkbookScan } from "./reader";
import { readWorkbookMeta as readMeta } from "./meta";
import { recalculateAll as recalculate, selectCell as select } from "./navigate";
import { insertSummarySheet as insertSummary } from "./summarySheet";
import { watchWorkbook, type ChangeListener, type Watch, type WatchErrorListener } from "./watch";
import { applyTemplate, type TemplateResult } from "./writer";

export async function createWorkbook(
  round: Round,
  lao: Lao,
  host: ExcelHost = officeHost,
): Promise<TemplateResult> {
  const layout = collectionLayout(round, lao);
  return host.run((context) => applyTemplate(context, layout));
}

export async function readWorkbook(
  round: Round,
  lao: Lao,
  host: ExcelHost = officeHost,
): Promise<WorkbookScan> {
  const layout = collectionLayout(round, lao);
  return host.run(async (context) =>
    evaluateContents(layout, (await loadWorkbook(context, layout)).contents),
  );
}

export async function onChanged(
  round: Round,
  lao: Lao,
  listener: ChangeListener,
  host: ExcelHost = officeHost,
  onError?: WatchErrorListener,
): Promise<Watch> {
  return watchWorkbook(host, collectionLayout(round, lao), listener, onError);
}

export async function readWorkbookMeta(host: ExcelHost = officeHost): Promise<WorkbookMeta | null> {
  return readMeta(host);
}

export async function selectCell(sheet: string, cell: string, host: ExcelHost = officeHost): Promise<void> {
  return select(sheet, cell, host);
}

export async function insertSummarySheet(
  model: SummarySheetModel,
  host: ExcelHost = officeHost,
): Promise<string> {
  return insertSummary(model, host);
}

export async function recalculateAll(host: ExcelHost = officeHost): Promise<void> {
  return recalculate(host);
}

export type { ExcelHost } from "./host";
export type { WorkbookScan } from "./reader";
export type { ChangeListener, Watch, WatchErrorListener } from "./watch";
export { SUMMARY_CHART_NAME, SUMMARY_NAME, SummarySheetError } from "./summarySheet";
export { WorkbookRefused, type TemplateResult } from "./writer";
