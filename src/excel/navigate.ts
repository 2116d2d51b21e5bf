/// <reference types="office-js" />
import { officeHost, type ExcelHost } from "./host";

/** Brings a sheet to the front and selects one of its cells, e.g. selectCell("แบบ อบต. 2-1", "E7"). One round trip. */
export async function selectCell(sheet: string, cell: string, host: ExcelHost = officeHost): Promise<void> {
  await host.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(cell).select();
    await context.sync();
  });
}

/**
 * Recalculates every formula of the workbook: after rounds were registered, cells whose MINSTD.*
 * formulas named an indicator of a round the functions did not know yet (#N/A) get their result.
 */
export async function recalculateAll(host: ExcelHost = officeHost): Promise<void> {
  await host.run(async (context) => {
    context.workbook.application.calculate("Full");
    await context.sync();
  });
}
