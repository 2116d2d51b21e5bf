import { collectionLayout, type Lao, type Round } from "../core";
import { officeHost, type ExcelHost } from "./host";
import { applyTemplate, type TemplateResult } from "./writer";

/**
 * Builds the collection workbook for an LAO and round in the open Excel workbook, or refreshes it
 * keeping every typed value. ≤ 3 round trips. Throws WorkbookRefused without writing when the
 * workbook holds another LAO's or round's workbook.
 */
export async function createWorkbook(
  round: Round,
  lao: Lao,
  host: ExcelHost = officeHost,
): Promise<TemplateResult> {
  const layout = collectionLayout(round, lao);
  return host.run((context) => applyTemplate(context, layout));
}
