/// <reference types="office-js" />

/**
 * The one place that reaches Excel: everything in src/excel runs its batches through an ExcelHost.
 * In the add-in it is Office's Excel.run; tests pass a host over a mocked workbook.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * A batch in the request context of an earlier batch, as Excel.run(context, batch) does: what an
   * event handler's registration needs to be removed (Excel removes it only through the context
   * that added it).
   */
  runIn<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
}

export const officeHost: ExcelHost = {
  run: (batch) => Excel.run(batch),
  runIn: (context, batch) => Excel.run(context, batch),
};
