/// <reference types="office-js" />
import {
  cellAddress,
  isMetaProblem,
  META_CELLS,
  META_SHEET,
  NAME_ADDIN,
  parseCell,
  parseMeta,
  type WorkbookMeta,
} from "../core";
import { officeHost, type ExcelHost } from "./host";
import { notOurWorkbook } from "./refused";

/** The block of the metadata sheet that holds every META_CELLS value, from A1. */
const META_RANGE = (() => {
  const refs = Object.values(META_CELLS).map((a) => parseCell(a)!);
  const rows = Math.max(...refs.map((r) => r.row));
  const cols = Math.max(...refs.map((r) => r.col));
  return { address: `A1:${cellAddress(rows, cols)}` };
})();

/**
 * Which round and LAO the open workbook was built for, from the very hidden metadata sheet; null
 * when the workbook has none (an empty workbook, or one MinStd has not set up). Two round trips
 * with the sheet, one without it. Throws WorkbookRefused (Thai message) when the sheet is there
 * but unreadable, or written by a newer MinStd.
 */
export async function readWorkbookMeta(host: ExcelHost = officeHost): Promise<WorkbookMeta | null> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
    await context.sync();
    if (sheet.isNullObject) return null;
    const range = sheet.getRange(META_RANGE.address);
    range.load("values");
    await context.sync();
    const values = range.values;
    const meta = parseMeta((address) => {
      const ref = parseCell(address)!;
      const value: unknown = values[ref.row - 1]?.[ref.col - 1];
      return typeof value === "string" || typeof value === "number" ? value : null;
    });
    if (isMetaProblem(meta)) {
      throw notOurWorkbook(meta);
    }
    return meta;
  });
}

/**
 * Whether the open collection workbook was built before its cells had portable formulas (it has no
 * NAME_ADDIN): such a workbook shows #NAME? wherever the add-in does not run, until its template is
 * applied again. One round trip.
 */
export async function lacksPortableFormulas(host: ExcelHost = officeHost): Promise<boolean> {
  return host.run(async (context) => {
    const name = context.workbook.names.getItemOrNullObject(NAME_ADDIN);
    await context.sync();
    return name.isNullObject;
  });
}
