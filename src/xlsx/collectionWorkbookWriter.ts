import ExcelJS from "exceljs";
import {
  parseInputPath,
  cellKey,
  FONT_NAME,
  FONT_SIZE,
  formulaText,
  formulaValues,
  isAddinFormula,
  namedItemReference,
  parseRange,
  STYLES,
  type CellSpec,
  type CollectionLayout,
  type SheetSpec,
  type StyleSpec,
  type SubmissionDocument,
  type ValidationSpec,
} from "../core";
import { applyPrintSetup } from "./pageSetup";

/**
 * Writes the collection workbook of a layout as an .xlsx file with exceljs: the same sheets,
 * cells, formulas, formats, validation, protection and print setup as the Office.js writer. The
 * formulas are stored the way Excel stores an add-in's custom functions (_xldudf_MINSTD_CHECK), each
 * with its portable form for programs without the add-in, and the results computed by core as cached
 * values, so the file reads right before any recalculation, with or without the add-in.
 */

export interface WriteOptions {
  /** Values to put in the input cells, by document path (from reading a filled workbook). */
  readonly inputs?: ReadonlyMap<string, string | number>;
}

const argb = (rgb: string): { argb: string } => ({ argb: `FF${rgb}` });

function font(style: StyleSpec): Partial<ExcelJS.Font> {
  return {
    name: FONT_NAME,
    size: style.size ?? FONT_SIZE,
    ...(style.bold && { bold: true }),
    ...(style.color && { color: argb(style.color) }),
  };
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: argb("808080") };

function applyStyle(cell: ExcelJS.Cell, spec: CellSpec): void {
  const style = STYLES[spec.style];
  cell.font = font(style);
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(style.fill) };
  cell.alignment = {
    ...(style.horizontal && { horizontal: style.horizontal }),
    ...(style.vertical && { vertical: style.vertical === "center" ? "middle" : "top" }),
    ...(style.wrap && { wrapText: true }),
  };
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  cell.protection = { locked: style.locked };
  if (spec.numberFormat) cell.numFmt = spec.numberFormat;
}

function dataValidation(v: ValidationSpec): ExcelJS.DataValidation {
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: v.errorTitle,
    error: v.error,
  };
  switch (v.type) {
    case "list":
      return { type: "list", formulae: [`"${(v.list ?? []).join(",")}"`], ...messages };
    case "textLength":
      return { type: "textLength", operator: "lessThanOrEqual", formulae: [v.limit ?? 255], ...messages };
    default:
      return { type: v.type, operator: "greaterThanOrEqual", formulae: [v.limit ?? 0], ...messages };
  }
}

function documentValues(inputs: ReadonlyMap<string, string | number>): SubmissionDocument["values"] {
  const values: SubmissionDocument["values"] = {};
  for (const [path, value] of inputs) {
    const at = parseInputPath(path);
    if (at?.field) (values[at.indicatorId] ??= {})[at.field] = value;
  }
  return values;
}

function writeSheet(
  workbook: ExcelJS.Workbook,
  sheet: SheetSpec,
  cached: ReadonlyMap<string, string | number>,
  inputs: ReadonlyMap<string, string | number>,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.visibility === "veryHidden" ? "veryHidden" : "visible",
    views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows, showGridLines: false }] : [],
  });
  sheet.columns.forEach((width, i) => {
    const column = ws.getColumn(i + 1);
    column.width = width;
    column.font = font(STYLES.label);
  });
  for (const spec of sheet.cells) {
    const cell = ws.getCell(spec.address);
    applyStyle(cell, spec);
    if (spec.formula) {
      // A cell that only the add-in computes shows, until it does, what a program without it shows.
      const needsAddin = isAddinFormula(spec.formula) && spec.formula.portable === undefined;
      cell.value = {
        formula: formulaText(spec.formula, "file"),
        result: needsAddin ? { error: "#NAME?" } : (cached.get(cellKey(sheet.name, spec.address)) ?? ""),
      } as ExcelJS.CellFormulaValue;
    } else if (spec.input) {
      const typed = inputs.get(spec.input.path);
      cell.value = typed ?? null;
      cell.dataValidation = dataValidation(spec.input.validation);
    } else if (spec.value !== undefined && spec.value !== "") {
      cell.value = spec.value;
    }
  }
  for (const merge of sheet.merges) ws.mergeCells(merge);
  for (const { row, height } of sheet.rowHeights) ws.getRow(row).height = height;
  for (const cf of sheet.conditionalFormats) {
    const dxf = (fill: string, color: string, bold?: boolean): Partial<ExcelJS.Style> => ({
      fill: { type: "pattern", pattern: "solid", bgColor: argb(fill) },
      font: { color: argb(color), ...(bold && { bold: true }) },
    });
    // Expression rules, which every spreadsheet program reads the same way: "the result shows this label".
    const topLeft = cf.address.split(":")[0]!;
    ws.addConditionalFormatting({
      ref: cf.address,
      rules: [
        ...cf.rules.map((rule, i): ExcelJS.ConditionalFormattingRule => ({
          type: "expression",
          formulae: [`NOT(ISERROR(SEARCH("${rule.text}",${topLeft})))`],
          priority: i + 2,
          style: dxf(rule.fill, rule.color, rule.bold),
        })),
        {
          type: "expression",
          formulae: [`ISERROR(${topLeft})`],
          priority: 1,
          style: dxf(cf.errors.fill, cf.errors.color, true),
        },
      ],
    });
  }
  if (sheet.table) addTable(ws, sheet.table);
  if (sheet.print) applyPrintSetup(ws, sheet.print);
  return ws;
}

function addTable(ws: ExcelJS.Worksheet, table: NonNullable<SheetSpec["table"]>): void {
  const range = parseRange(table.address)!;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = range.start.row + 1; r <= range.end.row; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = range.start.col; c <= range.end.col; c++) row.push(ws.getCell(r, c).value);
    rows.push(row);
  }
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: table.address.split(":")[0]!,
    headerRow: true,
    style: { theme: "TableStyleLight1", showRowStripes: false },
    columns: table.columns.map((name) => ({ name, filterButton: false })),
    rows,
  });
}

/** The .xlsx bytes of the collection workbook, with `inputs` in their cells. */
export async function writeCollectionWorkbook(
  layout: CollectionLayout,
  options: WriteOptions = {},
): Promise<Buffer> {
  const inputs = options.inputs ?? new Map<string, string | number>();
  const cached = formulaValues(layout, documentValues(inputs));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "MinStd";
  workbook.calcProperties = { fullCalcOnLoad: false };
  for (const sheet of layout.sheets) writeSheet(workbook, sheet, cached, inputs);
  for (const item of layout.names) workbook.definedNames.add(namedItemReference(item), item.name);
  for (const sheet of layout.sheets) {
    if (sheet.protect) {
      await workbook.getWorksheet(sheet.name)!.protect("", {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
      });
    }
  }
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
