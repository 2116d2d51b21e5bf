/// <reference types="office-js" />
import { columnLetter, FONT_NAME, FONT_SIZE, STATUS_COLOURS } from "../core";
import {
  SUMMARY_COLUMN_WIDTHS,
  SUMMARY_FONT,
  SUMMARY_TITLE_FONT,
  summaryPrint,
  summaryRowHeight,
  type SheetCell,
  type SummarySheetModel,
} from "../core/reports/summarySheet";
import { drawGridLines } from "./gridLines";
import { officeHost, type ExcelHost } from "./host";
import { replaceOwnedSheet } from "./ownedSheet";
import { applyPageSetup } from "./pageSetup";

/**
 * "Insert summary sheet": places core's SummarySheetModel on a new sheet, Thai like the official
 * printout: the title, the counts and pass rate per area, a clustered column chart of the pass
 * rate by area, the results of every indicator, and the notes. Two round trips: what the
 * workbook holds (sheet names and the earlier summary sheet), then every write at once.
 *
 * A summary sheet MinStd wrote before is replaced; it is found by the workbook-scoped name
 * SUMMARY_NAME, so a sheet the officer made and happened to name the same is never touched: the new
 * sheet then gets the next free name ("สรุปผล (2)").
 */

/** Names the summary sheet MinStd wrote (its A1), so that it can be replaced and nothing else. */
export const SUMMARY_NAME = "MinStd_Summary";
/** The chart of pass rate by area. */
export const SUMMARY_CHART_NAME = "MinStd_PassRateChart";

/** Column widths, A to J, in Excel's character units. */
const COLUMNS = SUMMARY_COLUMN_WIDTHS;
const LAST_COLUMN = columnLetter(COLUMNS.length);
/** The results table spans A:G; the areas table A:J (its title merged over A:B). */
const RESULTS_LAST = "G";
/** Rows the chart covers, and its columns. */
const CHART_ROWS = 16;
const CHART_LAST_COLUMN = "B";

const HEADER_FILL = "#D9E1F2";
const AREA_FILL = "#EDEDED";
const TOTAL_FILL = "#F2F2F2";

/** Where each block of the sheet goes (row numbers, 1-based). */
export interface SummaryPlacement {
  readonly title: number;
  readonly subtitle: { readonly first: number; readonly last: number };
  readonly areasHeading: number;
  readonly areas: {
    readonly header: number;
    readonly first: number;
    readonly last: number;
    readonly total: number;
  };
  readonly chart: { readonly top: number; readonly bottom: number };
  readonly resultsHeading: number;
  readonly results: { readonly header: number; readonly first: number; readonly last: number };
  /** The satisfaction printout (แบบ 3), when the round has questions without a target. */
  readonly satisfaction?: {
    readonly heading: number;
    readonly header: number;
    readonly first: number;
    readonly last: number;
  };
  readonly notes: { readonly first: number; readonly last: number };
}

/** The rows of every block, top to bottom, with a blank row between blocks. */
export function placeSummary(model: SummarySheetModel): SummaryPlacement {
  const subtitleFirst = 2;
  const subtitleLast = subtitleFirst + model.subtitle.length - 1;
  const areasHeading = subtitleLast + 2;
  const areasHeader = areasHeading + 1;
  const areasFirst = areasHeader + 1;
  const areasLast = areasFirst + model.areas.rows.length - 1;
  const total = areasLast + 1;
  const chartTop = total + 2;
  const chartBottom = chartTop + CHART_ROWS - 1;
  const resultsHeading = chartBottom + 2;
  const resultsHeader = resultsHeading + 1;
  const resultsFirst = resultsHeader + 1;
  const resultsLast = resultsFirst + model.results.rows.length - 1;
  const survey = model.satisfaction;
  const satisfaction = survey && {
    heading: resultsLast + 2,
    header: resultsLast + 3,
    first: resultsLast + 4,
    last: resultsLast + 3 + survey.rows.length,
  };
  const notesFirst = (satisfaction?.last ?? resultsLast) + 2;
  return {
    title: 1,
    subtitle: { first: subtitleFirst, last: subtitleLast },
    areasHeading,
    areas: { header: areasHeader, first: areasFirst, last: areasLast, total },
    chart: { top: chartTop, bottom: chartBottom },
    resultsHeading,
    results: { header: resultsHeader, first: resultsFirst, last: resultsLast },
    ...(satisfaction && { satisfaction }),
    notes: { first: notesFirst, last: notesFirst + model.notes.length - 1 },
  };
}

/** A cell value as Office.js writes it: "" leaves the (new) cell empty; null would mean "leave unchanged". */
const cellValue = (value: SheetCell): string | number => value ?? "";

/** The areas table's row: the title over A:B (B left empty), then the counts and the rate. */
const areaRow = (cells: readonly SheetCell[]): (string | number)[] => [
  cellValue(cells[0] ?? null),
  "",
  ...cells.slice(1).map(cellValue),
];

const formatsRow = (formats: readonly (string | null)[]): string[] => formats.map((f) => f ?? "General");

function header(range: Excel.Range): void {
  range.format.font.bold = true;
  range.format.fill.color = HEADER_FILL;
  range.format.wrapText = true;
  range.format.horizontalAlignment = "Center";
  range.format.verticalAlignment = "Center";
}

/** Writes the summary sheet; resolves with the name of the sheet written. */
export async function insertSummarySheet(
  model: SummarySheetModel,
  host: ExcelHost = officeHost,
): Promise<string> {
  return host.run(async (context) => {
    const { sheet, name } = await replaceOwnedSheet(context, {
      wanted: model.sheetName,
      mark: SUMMARY_NAME,
      markComment: "ชีตสรุปผลที่ MinStd แทรก (แทรกใหม่ได้จากบานหน้าต่าง MinStd)",
      action: { th: "แทรกชีตสรุปผล", en: "insert the summary" },
    });
    writeSummary(sheet, model);
    sheet.activate();
    await context.sync();
    return name;
  });
}

/** Queues every write of the summary sheet. */
function writeSummary(sheet: Excel.Worksheet, model: SummarySheetModel): void {
  const at = placeSummary(model);
  COLUMNS.forEach((width, i) => {
    const letter = columnLetter(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = Math.round((width * 7 + 5) * 0.75 * 100) / 100;
  });
  const whole = sheet.getRange(`A1:${LAST_COLUMN}${at.notes.last}`);
  whole.format.font.name = FONT_NAME;
  whole.format.font.size = FONT_SIZE;
  whole.format.verticalAlignment = "Top";

  const title = sheet.getRange(`A${at.title}`);
  title.values = [[model.title]];
  title.format.font.bold = true;
  title.format.font.size = 18;
  model.subtitle.forEach((line, i) => {
    sheet.getRange(`A${at.subtitle.first + i}`).values = [[line]];
  });
  const height = (row: number, points: number): void => {
    sheet.getRange(`${row}:${row}`).format.rowHeight = points;
  };
  const bold = { ...SUMMARY_FONT, bold: true };
  height(at.title, summaryRowHeight([model.title], { font: SUMMARY_TITLE_FONT, spans: [COLUMNS.length] }));

  // Counts and pass rate per area, then the total.
  const areasHeading = sheet.getRange(`A${at.areasHeading}`);
  areasHeading.values = [["สรุปจำนวนตัวชี้วัดและร้อยละที่ผ่าน รายด้าน"]];
  areasHeading.format.font.bold = true;
  const areasTable = sheet.getRange(`A${at.areas.header}:${LAST_COLUMN}${at.areas.total}`);
  const areaRows = [...model.areas.rows, model.areas.total];
  areasTable.values = [areaRow(model.areas.columns), ...areaRows.map(areaRow)];
  const [titleFormat, ...countFormats] = formatsRow(model.areas.numberFormats);
  sheet.getRange(`A${at.areas.first}:${LAST_COLUMN}${at.areas.total}`).numberFormat = areaRows.map(() => [
    titleFormat ?? "General",
    "General",
    ...countFormats,
  ]);
  sheet.getRange(`A${at.areas.header}:B${at.areas.total}`).merge(true);
  header(sheet.getRange(`A${at.areas.header}:${LAST_COLUMN}${at.areas.header}`));
  sheet.getRange(`C${at.areas.first}:${LAST_COLUMN}${at.areas.total}`).format.horizontalAlignment = "Right";
  const total = sheet.getRange(`A${at.areas.total}:${LAST_COLUMN}${at.areas.total}`);
  total.format.font.bold = true;
  total.format.fill.color = TOTAL_FILL;
  drawGridLines(areasTable);
  const areaHeights = (cells: readonly SheetCell[], font = SUMMARY_FONT): number =>
    summaryRowHeight([cells[0] ?? null, ...cells.slice(1)], { font, spans: [2] });
  height(at.areas.header, areaHeights(model.areas.columns, bold));
  model.areas.rows.forEach((cells, i) => height(at.areas.first + i, areaHeights(cells)));
  height(at.areas.total, areaHeights(model.areas.total, bold));

  // The chart of pass rate by area, over the rows left empty for it.
  if (model.chart.categories.length > 0) {
    const rate = LAST_COLUMN;
    const chart = sheet.charts.add(
      "ColumnClustered",
      sheet.getRange(`${rate}${at.areas.first}:${rate}${at.areas.last}`),
      "Columns",
    );
    chart.name = SUMMARY_CHART_NAME;
    chart.title.text = model.chart.title;
    chart.legend.visible = false;
    chart.setPosition(`A${at.chart.top}`, `${CHART_LAST_COLUMN}${at.chart.bottom}`);
    const axis = chart.axes.valueAxis;
    axis.minimum = 0;
    axis.maximum = model.chart.valueAxisMax;
    axis.title.text = model.chart.valueAxisTitle;
    const series = chart.series.getItemAt(0);
    series.name = model.chart.seriesName;
    series.setXAxisValues(sheet.getRange(`A${at.areas.first}:A${at.areas.last}`));
    series.hasDataLabels = true;
    series.dataLabels.showValue = true;
    series.dataLabels.numberFormat = "0.00";
    // An area with nothing assessed yet has "-" in the table: no bar, and no "0" label either.
    model.chart.values.forEach((value, i) => {
      if (value === null) series.points.getItemAt(i).hasDataLabel = false;
    });
  }

  // The results of every indicator, by area, as the official system prints them.
  const resultsHeading = sheet.getRange(`A${at.resultsHeading}`);
  resultsHeading.values = [["ผลการประเมินรายตัวชี้วัด"]];
  resultsHeading.format.font.bold = true;
  const results = sheet.getRange(`A${at.results.header}:${RESULTS_LAST}${at.results.last}`);
  results.values = [
    model.results.columns.map(cellValue),
    ...model.results.rows.map((row) => row.cells.map(cellValue)),
  ];
  header(sheet.getRange(`A${at.results.header}:${RESULTS_LAST}${at.results.header}`));
  if (model.results.rows.length > 0) {
    sheet.getRange(`A${at.results.first}:${RESULTS_LAST}${at.results.last}`).numberFormat =
      model.results.rows.map(() => formatsRow(model.results.numberFormats));
    sheet.getRange(`A${at.results.first}:B${at.results.last}`).format.wrapText = true;
    sheet.getRange(`G${at.results.first}:G${at.results.last}`).format.wrapText = true;
    sheet.getRange(`C${at.results.first}:F${at.results.last}`).format.horizontalAlignment = "Right";
  }
  height(at.results.header, summaryRowHeight(model.results.columns, { font: bold }));
  model.results.rows.forEach((row, i) => {
    const r = at.results.first + i;
    height(
      r,
      row.kind === "area"
        ? summaryRowHeight(row.cells.slice(0, 1), { font: bold, spans: [model.results.columns.length] })
        : summaryRowHeight(row.cells),
    );
    if (row.kind === "area") {
      const band = sheet.getRange(`A${r}:${RESULTS_LAST}${r}`);
      band.merge(false);
      band.format.font.bold = true;
      band.format.fill.color = AREA_FILL;
    } else if (row.status) {
      const [fill, color, bold] = STATUS_COLOURS[row.status];
      const result = sheet.getRange(`G${r}`);
      result.format.fill.color = `#${fill}`;
      result.format.font.color = `#${color}`;
      if (bold) result.format.font.bold = true;
    }
  });
  drawGridLines(results);
  // Excel fits the rows to their text exactly; the heights above are for programs that do not.
  results.format.autofitRows();

  // แบบ 3: per question, the count and percentage of พอใจ and of ปรับปรุง (columns A:E).
  if (model.satisfaction && at.satisfaction) {
    const s = at.satisfaction;
    const last = columnLetter(model.satisfaction.columns.length);
    const heading = sheet.getRange(`A${s.heading}`);
    heading.values = [[model.satisfaction.title]];
    heading.format.font.bold = true;
    const table = sheet.getRange(`A${s.header}:${last}${s.last}`);
    table.values = [
      model.satisfaction.columns.map(cellValue),
      ...model.satisfaction.rows.map((row) => row.cells.map(cellValue)),
    ];
    header(sheet.getRange(`A${s.header}:${last}${s.header}`));
    sheet.getRange(`B${s.first}:${last}${s.last}`).format.horizontalAlignment = "Right";
    model.satisfaction.rows.forEach((row, i) => {
      if (row.kind !== "area") return;
      const band = sheet.getRange(`A${s.first + i}:${last}${s.first + i}`);
      band.merge(false);
      band.format.font.bold = true;
      band.format.fill.color = AREA_FILL;
    });
    drawGridLines(table);
  }

  model.notes.forEach((note, i) => {
    const r = at.notes.first + i;
    sheet.getRange(`A${r}`).values = [[note]];
    const line = sheet.getRange(`A${r}:${LAST_COLUMN}${r}`);
    line.merge(false);
    line.format.wrapText = true;
    height(r, summaryRowHeight([note], { spans: [COLUMNS.length] }));
  });

  applyPageSetup(sheet, summaryPrint(model, at.results.header));
}
