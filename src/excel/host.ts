/// <reference types="office-js" />

/**
 * The one place that reaches Excel: everything in src/excel runs its batches through an ExcelHost.
 * In the add-in it is Office's Excel.run; tests pass a host over a mocked workbook.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export const officeHost: ExcelHost = {
  run: (batch) => Excel.run(batch),
};
