import {
  indicatorText,
  indicatorsFor,
  type CompiledIndicator,
  type CompiledRound,
} from "../rules/compiledRound";
import { LAO_TYPE_INFO, laoDisplayName } from "../rules/laoTypes";
import { readNumber, readYesNo } from "../rules/reading";
import type { Lao } from "../rules/register";
import type { Printout } from "../rules/round";
import { buildSatisfactionPrintout } from "./satisfactionPrintout";
import { printedPercent, statusLabel, type Status } from "../rules/scoring";
import { resultShortLabel } from "../rules/vocabulary";
import type { CheckReport, IndicatorResult, SubmissionDocument } from "../rules/submission";
import type { SummaryPart } from "../rules/summary";
import { PAGE_NUMBER_FOOTER, titleRows, type PrintSpec } from "../workbook/printSetup";
import { rowHeight, type TextFont } from "../workbook/textMetrics";
import { formatThaiDateTime } from "../calendar/thai";

/**
 * What "insert summary sheet" writes, prepared as plain data so the Office.js writer only places it:
 * an official-style results table (the columns of the ODLOC printout "สรุปผลประเมินการจัดบริการ
 * สาธารณะ"), the counts per area with their pass rate, and the data of a chart of pass rate by area.
 * Official forms are in Thai, so the sheet is in Thai whatever the pane's language.
 */
export type SheetCell = string | number | null;

export interface SummaryTableRow {
  /** An area heading row (merged across the table), or one indicator. */
  readonly kind: "area" | "indicator";
  /** One value per column; null leaves the cell empty. */
  readonly cells: readonly SheetCell[];
  /** The indicator's result, for colouring the result cell. */
  readonly status?: Status;
}

export interface SummarySheetModel {
  /** The sheet to add; an existing sheet of this name is replaced. At most 31 characters. */
  readonly sheetName: string;
  /** "สรุปผลประเมินการจัดบริการสาธารณะ องค์การบริหารส่วนตำบล…" */
  readonly title: string;
  /** Lines under the title: the round, the LAO's code and location, when the data was taken. */
  readonly subtitle: readonly string[];
  /** The results table, as printed by the official system. */
  readonly results: {
    readonly columns: readonly string[];
    /** Excel number format per column (null: leave General). */
    readonly numberFormats: readonly (string | null)[];
    readonly rows: readonly SummaryTableRow[];
  };
  /** Counts per result category and pass rate for each area, then the total row. */
  readonly areas: {
    readonly columns: readonly string[];
    readonly numberFormats: readonly (string | null)[];
    readonly rows: readonly (readonly SheetCell[])[];
    readonly total: readonly SheetCell[];
  };
  /** A clustered column chart of pass rate (per cent, 0–100) by area. */
  readonly chart: {
    readonly title: string;
    readonly seriesName: string;
    readonly categories: readonly string[];
    /** Null for an area with nothing assessed yet (no bar). */
    readonly values: readonly (number | null)[];
    readonly valueAxisTitle: string;
    readonly valueAxisMax: 100;
  };
  /** Footnotes: provisional targets, how the pass rate is counted, whether the data is complete. */
  readonly notes: readonly string[];
  /**
   * The citizen-satisfaction printout (แบบ 3) when the round has satisfaction questions without a
   * target: per question the count and percentage of พอใจ and of ปรับปรุง, grouped by area.
   */
  readonly satisfaction?: {
    readonly title: string;
    readonly columns: readonly string[];
    readonly rows: readonly SummaryTableRow[];
  };
}

export const SUMMARY_SHEET_NAME = "สรุปผล";

/**
 * Column widths (Excel's units) of the summary sheet, A to J: the results table's seven columns, then
 * the counts table's last. They add up to about one A4 page across in landscape at 100 %, and the
 * sheet prints one page wide whatever they come to.
 */
export const SUMMARY_COLUMN_WIDTHS = [18, 46, 9, 11, 12, 10, 22, 10, 10, 10] as const;
export const SUMMARY_FONT: TextFont = { size: 14 };
export const SUMMARY_TITLE_FONT: TextFont = { size: 18, bold: true };
/** The notes under the tables. */
export const SUMMARY_NOTE_FONT: TextFont = { size: 12 };

/** What a cell shows, near enough to measure: a number with its thousands separator and decimals. */
function shownText(value: SheetCell): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  return value.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 0 });
}

/**
 * The height of a summary row whose cells start at `firstColumn` (0 for A) and wrap in their columns;
 * a cell given a `span` is merged over that many columns.
 */
export function summaryRowHeight(
  cells: readonly SheetCell[],
  options: {
    readonly font?: TextFont;
    readonly firstColumn?: number;
    readonly spans?: readonly number[];
  } = {},
): number {
  const first = options.firstColumn ?? 0;
  let column = first;
  const measured = cells.map((value, i) => {
    const span = options.spans?.[i] ?? 1;
    const width = SUMMARY_COLUMN_WIDTHS.slice(column, column + span).reduce((a, b) => a + b, 0);
    column += span;
    return { text: shownText(value), width, font: options.font ?? SUMMARY_FONT };
  });
  return rowHeight(measured);
}

/** How the summary sheet prints: landscape A4, the results table's header repeated on each page. */
export function summaryPrint(model: SummarySheetModel, headerRow: number): PrintSpec {
  return {
    orientation: "landscape",
    titleRows: titleRows(headerRow),
    header: `${model.sheetName} · ${model.title}`,
    footer: PAGE_NUMBER_FOOTER,
  };
}

const RESULT_COLUMNS = [
  "บริการสาธารณะ",
  "เกณฑ์ชี้วัด",
  "ค่าเป้าหมาย",
  "กรอบการประเมิน (1)",
  "การจัดบริการสาธารณะ (2)",
  "(2) เทียบกับ (1) %",
  "ผลการประเมิน",
] as const;

const NUMBER = "#,##0.##";
const PERCENT = "0.00";

/**
 * The % column as the round's printout writes it: the value rounded to the printout's decimals, shown
 * in the General format when trailing zeros are dropped (100 shows as 100, 76.67 as 76.67; a format
 * such as 0.## would show "100."), else with a fixed number of decimals.
 */
function printedPercentCell(percent: number, printout: Printout): number {
  return Number(printedPercent(percent, { printout }));
}

function printedPercentFormat(printout: Printout): string | null {
  if (printout.trailingZeros === "drop") return null;
  return printout.percentDecimals === 0 ? "0" : `0.${"0".repeat(printout.percentDecimals)}`;
}

/** A typed input as the table shows it: the number read by the core, "-" for not given, else the text. */
function inputCell(raw: unknown, yesNo: boolean): SheetCell {
  const reading = yesNo ? readYesNo(raw) : readNumber(raw);
  switch (reading.kind) {
    case "empty":
      return null;
    case "not-given":
      return "-";
    case "value":
      return yesNo ? (reading.value === 1 ? "มี" : "ไม่มี") : reading.value;
    case "invalid":
      return String(raw);
  }
}

function targetCell(ind: CompiledIndicator, result: IndicatorResult): SheetCell {
  if (result.target === undefined) return null;
  const mark = ind.lowerIsBetter ? "≤ " : "";
  const value = ind.kind === "yesno" ? "มี" : result.target;
  if (!result.provisional && mark === "" && typeof value === "number") return value;
  return `${mark}${value}${result.provisional ? "*" : ""}`;
}

function indicatorCells(
  ind: CompiledIndicator,
  result: IndicatorResult,
  document: SubmissionDocument,
  firstOfMission: boolean,
  laoType: Lao["type"],
  label: string,
  printout: Printout,
): SheetCell[] {
  const values = document.values[ind.def.id] ?? {};
  const percentLike = ind.kind === "ratio" || ind.kind === "satisfaction";
  const notApplicable = result.status === "no-service" || result.status === "not-done";
  const dash = printout.dash;
  const measured: SheetCell =
    result.percent !== undefined
      ? printedPercentCell(result.percent, printout)
      : notApplicable
        ? dash
        : percentLike
          ? null
          : dash;
  return [
    firstOfMission ? ind.mission.title : null,
    `${ind.def.no}. ${indicatorText(ind.def, laoType)} (${ind.def.unit})`,
    targetCell(ind, result),
    percentLike ? inputCell(values.base, false) : "-",
    percentLike ? inputCell(values.served, false) : inputCell(values.value, ind.kind === "yesno"),
    measured,
    label,
  ];
}

function passRatePercent(part: SummaryPart): number | null {
  return part.passRate === null ? null : part.passRate * 100;
}

function countCells(title: string, part: SummaryPart): SheetCell[] {
  const rate = passRatePercent(part);
  return [
    title,
    part.total,
    part.counts.pass,
    part.counts.below,
    part.counts["not-done"],
    part.counts["no-service"],
    part.counts.incomplete,
    part.counts.invalid,
    rate === null ? "-" : rate,
  ];
}

export function buildSummarySheet(
  compiled: CompiledRound,
  lao: Lao,
  document: SubmissionDocument,
  report: CheckReport,
  now: Date,
): SummarySheetModel {
  const round = compiled.round;
  const results = new Map(report.results.map((r) => [r.id, r]));
  const rows: SummaryTableRow[] = [];
  let provisional = false;
  for (const area of round.areas) {
    const inArea = indicatorsFor(compiled, lao.type).filter((i) => i.area.id === area.id);
    if (inArea.length === 0) continue;
    rows.push({
      kind: "area",
      cells: [`แบบ ${area.form} ${area.title}`, ...RESULT_COLUMNS.slice(1).map(() => null)],
    });
    let mission: string | undefined;
    for (const ind of inArea) {
      const result = results.get(ind.def.id);
      if (!result) continue;
      provisional ||= result.provisional === true;
      rows.push({
        kind: "indicator",
        status: result.status,
        cells: indicatorCells(
          ind,
          result,
          document,
          mission !== ind.mission.id,
          lao.type,
          statusLabel(result.status, round),
          round.printout,
        ),
      });
      mission = ind.mission.id;
    }
  }

  const summary = report.summary;
  const assessedAreas = summary.areas.filter((a) => a.total > 0);
  const overall = summary.overall;
  const notes: string[] = [];
  if (provisional) notes.push("* ค่าเป้าหมายชั่วคราว ยังไม่มีแหล่งอ้างอิงอย่างเป็นทางการ");
  notes.push(
    "ร้อยละที่ผ่าน = จำนวนที่ผ่านค่าเป้าหมายขั้นต่ำ ÷ จำนวนที่ประเมินได้ (ผ่าน การพัฒนาในอนาคต และไม่ได้ดำเนินการ) × 100 ไม่นับตัวชี้วัดที่ไม่มีบริการสาธารณะ",
  );
  const unfinished = overall.counts.incomplete + overall.counts.invalid;
  if (unfinished > 0) {
    notes.push(`ยังกรอกไม่ครบหรือมีข้อมูลที่ต้องแก้ ${unfinished} ตัวชี้วัด — ผลนี้ยังไม่ใช่ผลสุดท้าย`);
  }

  const survey = buildSatisfactionPrintout(compiled, lao.type, document);
  const satisfaction =
    survey.groups.length === 0
      ? undefined
      : {
          title: survey.title,
          columns: survey.columns,
          rows: survey.groups.flatMap((g): SummaryTableRow[] => [
            { kind: "area", cells: [g.title, ...survey.columns.slice(1).map(() => null)] },
            ...g.rows.map((r): SummaryTableRow => ({
              kind: "indicator",
              cells: [r.question, r.satisfied, r.satisfiedPercent, r.improve, r.improvePercent],
            })),
          ]),
        };

  return {
    ...(satisfaction && { satisfaction }),
    sheetName: SUMMARY_SHEET_NAME,
    title: `สรุปผลประเมินการจัดบริการสาธารณะ ${laoDisplayName(lao.type, lao.name)}`,
    subtitle: [
      round.title,
      `${LAO_TYPE_INFO[lao.type].th} รหัส อปท. ${lao.code} อำเภอ${lao.districtTh} จังหวัด${lao.provinceTh}`,
      `ข้อมูล ณ วันที่ ${formatThaiDateTime(now, { digits: "arabic" })}`,
    ],
    results: {
      columns: RESULT_COLUMNS,
      numberFormats: [null, null, NUMBER, NUMBER, NUMBER, printedPercentFormat(round.printout), null],
      rows,
    },
    areas: {
      columns: [
        "ด้าน",
        "จำนวนตัวชี้วัด",
        statusLabel("pass", round),
        resultShortLabel("below"),
        resultShortLabel("not-done"),
        resultShortLabel("no-service"),
        statusLabel("incomplete", round),
        statusLabel("invalid", round),
        "ร้อยละที่ผ่าน",
      ],
      numberFormats: [null, "0", "0", "0", "0", "0", "0", "0", PERCENT],
      rows: assessedAreas.map((a) => countCells(a.title, a)),
      total: countCells("รวม", overall),
    },
    chart: {
      title: "ร้อยละของตัวชี้วัดที่ผ่านค่าเป้าหมายขั้นต่ำ จำแนกตามด้าน",
      seriesName: "ร้อยละที่ผ่าน",
      categories: assessedAreas.map((a) => a.title),
      values: assessedAreas.map(passRatePercent),
      valueAxisTitle: "ร้อยละ",
      valueAxisMax: 100,
    },
    notes,
  };
}
