/// <reference types="office-js" />
import { withEnglish } from "../i18n/problems";
import {
  checkAgainstLayout,
  compileRound,
  evaluateSubmission,
  inRange,
  isMetaProblem,
  locateInput,
  META_SHEET,
  parseCell,
  parseMeta,
  readCollection,
  reportProblems,
  type CellLocation,
  type CellProblem,
  type CheckReport,
  type CollectionLayout,
  type RangeRef,
  type RawCell,
  type SubmissionDocument,
} from "../core";
import { sheetBounds } from "./sheetBounds";
import { notOurWorkbook, WorkbookRefused } from "./refused";

/**
 * Reads the collection workbook in Excel: every input of every sheet in one round trip, into
 * core's submission document and report, with each problem at its sheet and cell.
 */

export interface WorkbookScan {
  readonly document: SubmissionDocument;
  /** หมายเหตุ per indicator id. */
  readonly notes: Readonly<Record<string, string>>;
  /** Core's results, summary and problems, as the server will compute them. */
  readonly report: CheckReport;
  /** Every invalid or missing value and every แบบ 1 problem, at its sheet and cell, Thai message first. */
  readonly problems: readonly CellProblem[];
}

/** What the last read found in each sheet: values and number formats from A1, as Excel returned them. */
export class SheetContents {
  private readonly sheets = new Map<string, { values: unknown[][]; formats: unknown[][] }>();

  set(sheet: string, values: unknown[][], formats: unknown[][]): void {
    this.sheets.set(sheet, { values, formats });
  }

  /** Puts a block read later (after a change) in place; `at` is where its top-left cell is. */
  patch(sheet: string, at: RangeRef, values: unknown[][], formats: unknown[][]): void {
    const entry = this.sheets.get(sheet);
    if (!entry) return;
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const target = (entry.values[at.start.row - 1 + r] ??= []);
        target[at.start.col - 1 + c] = value;
        const format = (entry.formats[at.start.row - 1 + r] ??= []);
        format[at.start.col - 1 + c] = formats[r]?.[c];
      }),
    );
  }

  read = (sheet: string, address: string): RawCell => {
    const entry = this.sheets.get(sheet);
    const ref = parseCell(address);
    if (!entry || !ref) return undefined;
    const value = entry.values[ref.row - 1]?.[ref.col - 1];
    const format = entry.formats[ref.row - 1]?.[ref.col - 1];
    if (typeof value === "number" && typeof format === "string" && isDateFormat(format))
      return excelDate(value);
    if (value === "" || value === undefined) return null;
    return value as RawCell;
  };
}

/** Excel returns dates as day numbers; their number format tells them from numbers. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function excelDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

/** Scores what the contents hold; throws WorkbookRefused when the workbook is not this layout's. */
export function evaluateContents(layout: CollectionLayout, contents: SheetContents): WorkbookScan {
  const meta = parseMeta((address) => contents.read(META_SHEET, address));
  if (isMetaProblem(meta)) {
    throw notOurWorkbook(meta);
  }
  const mismatch = checkAgainstLayout(layout, meta, contents.read);
  if (mismatch.length > 0) throw new WorkbookRefused(mismatch.map(withEnglish));
  const read = readCollection(layout, contents.read);
  const compiled = compileRound(layout.round);
  const report = evaluateSubmission(read.document, compiled, layout.lao);
  const problems = reportProblems(report, compiled, (path) => locateInput(layout, path));
  return { document: read.document, notes: read.notes, report, problems };
}

export interface LoadedWorkbook {
  readonly contents: SheetContents;
  /** Worksheet id → sheet name, to place change events. */
  readonly sheetIds: ReadonlyMap<string, string>;
}

/** Queues the read of every sheet of the layout and syncs once. */
export async function loadWorkbook(
  context: Excel.RequestContext,
  layout: CollectionLayout,
): Promise<LoadedWorkbook> {
  const queued = layout.sheets.map((spec) => {
    const sheet = context.workbook.worksheets.getItem(spec.name);
    sheet.load("id");
    const range = sheet.getRange(sheetBounds(spec).address);
    range.load("values, numberFormat");
    return { spec, sheet, range };
  });
  try {
    await context.sync();
  } catch (e) {
    throw await missingSheets(context, layout, e);
  }
  const contents = new SheetContents();
  const sheetIds = new Map<string, string>();
  for (const { spec, sheet, range } of queued) {
    contents.set(spec.name, range.values, range.numberFormat);
    sheetIds.set(sheet.id, spec.name);
  }
  return { contents, sheetIds };
}

/** After a failed read: which sheets are gone? (Only on this error path is a second round trip made.) */
async function missingSheets(
  context: Excel.RequestContext,
  layout: CollectionLayout,
  cause: unknown,
): Promise<Error> {
  const probes = layout.sheets.map((spec) => ({
    spec,
    sheet: context.workbook.worksheets.getItemOrNullObject(spec.name),
  }));
  await context.sync();
  const missing = probes.filter((p) => p.sheet.isNullObject);
  if (missing.length === 0) return cause instanceof Error ? cause : new Error(String(cause));
  const meta = missing.some((p) => p.spec.name === META_SHEET);
  return new WorkbookRefused(
    missing.map(({ spec }) => ({
      path: "",
      code: meta ? "not-ours" : "sheet-missing",
      message: meta
        ? "สมุดงานนี้ยังไม่ใช่แบบรวบรวมข้อมูลของ MinStd — สร้างแบบก่อน (ปุ่มสร้างแบบรวบรวมข้อมูล)"
        : `ไม่พบแผ่นงาน “${spec.name}” — อย่าเปลี่ยนชื่อหรือลบแผ่นงาน ให้สร้างแบบอีกครั้งเพื่อเพิ่มแผ่นงานที่หายไป`,
      messageEn: meta
        ? "this workbook is not a MinStd collection workbook yet — create one first"
        : `sheet “${spec.name}” is missing — apply the template again to add it back`,
      severity: "error" as const,
      sheet: spec.name,
    })),
  );
}

/** The input cells of a sheet inside a changed range. */
export function inputsIn(layout: CollectionLayout, sheet: string, range: RangeRef): CellLocation[] {
  const found: CellLocation[] = [];
  for (const at of layout.inputs.values()) {
    if (at.sheet === sheet && inRange(parseCell(at.cell)!, range)) found.push({ sheet, cell: at.cell });
  }
  return found;
}
