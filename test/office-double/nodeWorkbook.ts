/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The Office.js double in Node, for tests of the add-in's Excel code (src/excel): the ExcelHost that
 * code runs on, and ways to act as the officer and to look inside the workbook by sheet and cell.
 */
import { parseRange, quoteSheet } from "./address";
import { doubleHost } from "./host";
import { installOfficeDouble, type DoubleOptions } from "./install";
import { mapStorage } from "./mapStorage";
import type { CellData, SheetModel } from "./workbookModel";

export type NodeWorkbook = ReturnType<typeof nodeWorkbook>;

/** A new workbook (one empty Sheet1, as Excel opens a blank workbook) with the double installed on its own window. */
export function nodeWorkbook(options: DoubleOptions = {}) {
  const win: any = { localStorage: mapStorage() };
  const excel = installOfficeDouble(win, options);
  const { model } = excel;
  const host = doubleHost(win);

  const sheet = (name: string): SheetModel => {
    const found = model.sheetByName(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  const cell = (sheetName: string, address: string): CellData => {
    const ref = parseRange(address);
    if (!ref) throw new Error(`not a cell address: ${address}`);
    excel.calculateDue();
    return model.cell(sheet(sheetName), ref.top, ref.left);
  };

  return {
    win,
    excel,
    model,
    host,
    sheet,
    cell,
    /** What a cell holds: its formula as written, else its value (null when empty). */
    content: (sheetName: string, address: string): unknown => {
      const c = cell(sheetName, address);
      return c.formula ?? c.value;
    },
    /** What a cell shows, as Range.values gives it ("" when empty). */
    shown: (sheetName: string, address: string): unknown =>
      excel.values(`${quoteSheet(sheetName)}!${address}`)[0]![0] ?? "",
    /**
     * Types into a cell as the officer would, then waits until every change handler has finished
     * (recalculating is left to the next read, as many entries in a row share one recalculation).
     * Rejects when Excel refuses the entry (a locked cell of a protected sheet, a "Stop" validation).
     */
    async type(sheetName: string, address: string, text: string | number): Promise<void> {
      const result = excel.typeInto(`${quoteSheet(sheetName)}!${address}`, String(text));
      if (!result.ok) throw new Error(`${sheetName}!${address} refused: ${result.reason}`);
      await excel.handled();
    },
    /** Adds a sheet as the officer would. */
    addSheet: (name: string): Promise<void> =>
      win.Excel.run(async (context: any) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }),
    /** Deletes a sheet as the officer would (Excel asks nothing of protection for this). */
    deleteSheet: (name: string): Promise<void> =>
      win.Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      }),
    /** The number of context.sync() calls so far. */
    syncs: (): number => excel.syncCount(),
  };
}
