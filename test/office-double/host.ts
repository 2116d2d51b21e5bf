/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ExcelHost } from "../../src/excel/host";

/** The ExcelHost of a window the Office.js double is installed in, as the add-in's code runs Excel. */
export function doubleHost(win: any): ExcelHost {
  return {
    run: (batch) => win.Excel.run(batch),
    runIn: (context, batch) => win.Excel.run(context, batch),
  };
}
