/// <reference types="office-js" />
import { withEnglish } from "../i18n/problems";
import {
  cellAddress,
  checkAgainstLayout,
  columnLetter,
  FONT_NAME,
  FONT_SIZE,
  formulaText,
  isMetaProblem,
  META_SHEET,
  namedItemReference,
  parseCell,
  parseMeta,
  STYLES,
  type CellSpec,
  type CollectionLayout,
  type SheetSpec,
  type StyleSpec,
  type ValidationSpec,
} from "../core";
import { drawGridLines } from "./gridLines";
import { applyPageSetup } from "./pageSetup";
import { notOurWorkbook, WorkbookRefused } from "./refused";
import { sheetBounds } from "./sheetBounds";

export { WorkbookRefused };

/**
 * Creates or refreshes the collection workbook in the open Excel workbook, from the layout. A
 * refresh rewrites labels, formulas, formats, validation and protection but never an input cell,
 * so every typed value stays. At most three round trips: which sheets exist, (when some do) what
 * they hold, then one batch of writes.
 */

export interface TemplateResult {
  /** False when the workbook already held this collection workbook and was refreshed. */
  readonly created: boolean;
  readonly sheets: number;
}

/** A run of cells in one column, consecutive rows, sharing what is written to them at once. */
interface Run {
  readonly address: string;
  readonly cells: readonly CellSpec[];
}

function runsBy(spec: SheetSpec, include: (c: CellSpec) => boolean, key: (c: CellSpec) => string): Run[] {
  const byColumn = new Map<number, Array<{ row: number; cell: CellSpec }>>();
  for (const cell of spec.cells) {
    if (!include(cell)) continue;
    const ref = parseCell(cell.address)!;
    const list = byColumn.get(ref.col) ?? [];
    list.push({ row: ref.row, cell });
    byColumn.set(ref.col, list);
  }
  const runs: Run[] = [];
  for (const [col, list] of byColumn) {
    list.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      const prev = list[i - 1]!;
      const here = list[i];
      if (here && here.row === prev.row + 1 && key(here.cell) === key(prev.cell)) continue;
      const first = list[start]!.row;
      runs.push({
        address:
          first === prev.row
            ? cellAddress(first, col)
            : `${cellAddress(first, col)}:${cellAddress(prev.row, col)}`,
        cells: list.slice(start, i).map((x) => x.cell),
      });
      start = i;
    }
  }
  return runs;
}

/** Excel's column width unit (characters of the default font) in points, as Office.js wants it. */
const widthInPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center" } as const;

function applyStyle(range: Excel.Range, style: StyleSpec): void {
  const format = range.format;
  if (style.bold) format.font.bold = true;
  if (style.size) format.font.size = style.size;
  if (style.color) format.font.color = `#${style.color}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap) format.wrapText = true;
  if (style.border) drawGridLines(range);
  format.protection.locked = style.locked;
}

function applyValidation(range: Excel.Range, v: ValidationSpec): void {
  const dv = range.dataValidation;
  dv.clear();
  dv.ignoreBlanks = true;
  switch (v.type) {
    case "list":
      dv.rule = { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } };
      break;
    case "textLength":
      dv.rule = { textLength: { formula1: v.limit ?? 255, operator: "LessThanOrEqualTo" } };
      break;
    case "whole":
      dv.rule = { wholeNumber: { formula1: v.limit ?? 0, operator: "GreaterThanOrEqualTo" } };
      break;
    case "decimal":
      dv.rule = { decimal: { formula1: v.limit ?? 0, operator: "GreaterThanOrEqualTo" } };
      break;
  }
  dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
  dv.errorAlert = { showAlert: true, style: "Warning", title: v.errorTitle, message: v.error };
}

function cellContent(cell: CellSpec): string | number {
  if (cell.formula) return formulaText(cell.formula, "excel");
  return cell.value ?? "";
}

/** Queues every write of one sheet. Input cells get their format and validation, never a value. */
function writeSheet(sheet: Excel.Worksheet, spec: SheetSpec, table: Excel.Table | undefined): void {
  spec.columns.forEach((width, i) => {
    const letter = columnLetter(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(width);
  });
  const bounds = sheetBounds(spec);
  const all = sheet.getRange(bounds.address);
  all.format.font.name = FONT_NAME;
  all.format.font.size = FONT_SIZE;

  // Number formats first, so ids such as 2568-1-01 are stored as text, not read as dates.
  for (const run of runsBy(
    spec,
    (c) => c.numberFormat !== undefined,
    (c) => c.numberFormat!,
  )) {
    sheet.getRange(run.address).numberFormat = run.cells.map((c) => [c.numberFormat!]);
  }
  for (const run of runsBy(
    spec,
    () => true,
    (c) => c.style,
  ))
    applyStyle(sheet.getRange(run.address), STYLES[run.cells[0]!.style]);
  for (const run of runsBy(
    spec,
    (c) => !c.input && (c.formula !== undefined || c.value !== undefined),
    () => "",
  )) {
    sheet.getRange(run.address).formulas = run.cells.map((c) => [cellContent(c)]);
  }
  for (const run of runsBy(
    spec,
    (c) => c.input !== undefined,
    (c) => JSON.stringify(c.input!.validation),
  )) {
    applyValidation(sheet.getRange(run.address), run.cells[0]!.input!.validation);
  }
  for (const merge of spec.merges) sheet.getRange(merge).merge(false);
  const heights = new Map(spec.rowHeights.map((h) => [h.row, h.height]));
  for (const [row, height] of heights) sheet.getRange(`${row}:${row}`).format.rowHeight = height;

  for (const cf of spec.conditionalFormats) {
    const range = sheet.getRange(cf.address);
    range.conditionalFormats.clearAll();
    const errors = range.conditionalFormats.add("PresetCriteria");
    errors.preset.format.fill.color = `#${cf.errors.fill}`;
    errors.preset.format.font.color = `#${cf.errors.color}`;
    errors.preset.rule = { criterion: "Errors" };
    for (const rule of cf.rules) {
      const format = range.conditionalFormats.add("ContainsText");
      format.textComparison.format.fill.color = `#${rule.fill}`;
      format.textComparison.format.font.color = `#${rule.color}`;
      if (rule.bold) format.textComparison.format.font.bold = true;
      format.textComparison.rule = { operator: "Contains", text: rule.text };
    }
  }
  if (spec.table) {
    const t = table ?? sheet.tables.add(spec.table.address, true);
    if (!table) t.name = spec.table.name;
    t.style = "TableStyleLight1";
    t.showBandedRows = false;
    t.showFilterButton = false;
  }
  if (spec.freezeRows) sheet.freezePanes.freezeRows(spec.freezeRows);
  if (spec.print) applyPageSetup(sheet, spec.print);
  if (spec.visibility === "veryHidden") sheet.visibility = "VeryHidden";
  if (spec.protect) {
    sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true, selectionMode: "Normal" });
  }
}

/** Checks what an existing workbook holds before anything is written; throws WorkbookRefused. */
function checkExisting(
  layout: CollectionLayout,
  existing: ReadonlyMap<string, Excel.Range>,
  hasMeta: boolean,
): void {
  const notOurs = (): never => {
    throw new WorkbookRefused(
      [...existing.keys()].map((name) => ({
        path: "",
        code: "sheet-exists",
        message: `สมุดงานนี้มีแผ่นงานชื่อ “${name}” อยู่แล้ว แต่ไม่ใช่แบบรวบรวมข้อมูลของ MinStd — สร้างแบบในสมุดงานใหม่ หรือเปลี่ยนชื่อแผ่นงานนั้นก่อน`,
        messageEn: `this workbook already has a sheet “${name}” that is not part of a MinStd collection workbook`,
        severity: "error",
        sheet: name,
      })),
    );
  };
  if (!hasMeta) notOurs();
  const values = (sheet: string, address: string): unknown => {
    const range = existing.get(sheet);
    const ref = parseCell(address)!;
    return range?.values[ref.row - 1]?.[ref.col - 1];
  };
  const meta = parseMeta((address) => values(META_SHEET, address) as string);
  if (isMetaProblem(meta)) {
    throw notOurWorkbook(meta);
  }
  const problems = checkAgainstLayout(layout, meta, (sheet, address) => {
    if (!existing.has(sheet)) return sheet === layout.sheets[0]!.name ? undefined : "";
    return values(sheet, address) as string | number;
  }).filter((p) => p.sheet === undefined || existing.has(p.sheet));
  if (problems.length > 0) throw new WorkbookRefused(problems.map(withEnglish));
}

/**
 * Applies the template of `layout` to the workbook of `context`. Throws WorkbookRefused, having
 * written nothing, when the workbook holds another LAO's or round's collection workbook, or
 * sheets of the same names that are not a MinStd workbook.
 */
/** The name Excel gives the one sheet of a new workbook, in English and Thai. */
const DEFAULT_SHEET_NAMES = ["Sheet1", "ชีต1", "แผ่นงาน1"];

export async function applyTemplate(
  context: Excel.RequestContext,
  layout: CollectionLayout,
): Promise<TemplateResult> {
  const workbook = context.workbook;
  const probes = layout.sheets.map((spec) => ({
    spec,
    sheet: workbook.worksheets.getItemOrNullObject(spec.name),
  }));
  const tables = new Map(
    layout.sheets
      .filter((s) => s.table)
      .map((s) => [s.name, workbook.tables.getItemOrNullObject(s.table!.name)]),
  );
  const names = layout.names.map((item) => ({ item, named: workbook.names.getItemOrNullObject(item.name) }));
  const defaults = DEFAULT_SHEET_NAMES.filter((n) => !layout.sheets.some((s) => s.name === n)).map((n) =>
    workbook.worksheets.getItemOrNullObject(n),
  );
  await context.sync();

  const present = probes.filter((p) => !p.sheet.isNullObject);
  // A new workbook's own empty sheet ("Sheet1") would sit among the official forms: it goes, but only
  // when the collection workbook is first built and nothing at all is on it.
  let blank: Excel.Worksheet[] = [];
  const found = present.length === 0 ? defaults.filter((s) => !s.isNullObject) : [];
  if (found.length > 0) {
    const used = found.map((sheet) => ({ sheet, used: sheet.getUsedRangeOrNullObject() }));
    await context.sync();
    blank = used.filter((u) => u.used.isNullObject).map((u) => u.sheet);
  }
  if (present.length > 0) {
    const ranges = new Map<string, Excel.Range>();
    for (const { spec, sheet } of present) {
      const range = sheet.getRange(sheetBounds(spec).address);
      range.load("values");
      ranges.set(spec.name, range);
    }
    await context.sync();
    checkExisting(layout, ranges, ranges.has(META_SHEET));
  }

  context.runtime.enableEvents = false;
  workbook.application.suspendApiCalculationUntilNextSync();
  // Every sheet and name first: formulas refer to the metadata sheet and to names defined on it.
  const targets = probes.map(({ spec, sheet }) => {
    const target = sheet.isNullObject ? workbook.worksheets.add(spec.name) : sheet;
    if (!sheet.isNullObject) target.protection.unprotect();
    return target;
  });
  for (const { item, named } of names) {
    if (named.isNullObject) workbook.names.add(item.name, `=${namedItemReference(item)}`, item.comment);
  }
  probes.forEach(({ spec }, position) => {
    const table = tables.get(spec.name);
    writeSheet(targets[position]!, spec, table && !table.isNullObject ? table : undefined);
    targets[position]!.position = position;
  });
  targets[0]!.activate();
  for (const sheet of blank) sheet.delete();
  context.runtime.enableEvents = true;
  await context.sync();
  return { created: present.length === 0, sheets: layout.sheets.length };
}
