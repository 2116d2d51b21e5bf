import ExcelJS from "exceljs";
import {
  formatPercent,
  formatThaiDateTime,
  indicatorText,
  laoDisplayName,
  LAO_TYPE_INFO,
  PROGRESS_TH,
  resultShortLabel,
  statusLabel,
  type CompiledRound,
  type LabelRound,
  type SummaryPart,
} from "../core";
import type { CompletenessRow } from "./queries/dashboards";
import type { ProgressRow } from "./resources/progress";
import { decodeStatus, type ResultsBreakdown } from "./results";
import { csvText } from "../core/reports/csv";

/**
 * The exports, of what the dashboards show. The LAO list: one row per LAO of the register in scope
 * (with the list's filters) with where its submission stands, its counts and each indicator's result
 * label. The national tables: completeness per province and pass rates by indicator, area, LAO type
 * and province. CSV is UTF-8 with a BOM so Excel shows Thai when the file is double-clicked; XLSX
 * keeps numbers as numbers.
 */

export type ExportCell = string | number | null;
export interface ExportTable {
  readonly name: string;
  readonly rows: readonly (readonly ExportCell[])[];
  /** Column widths for XLSX. */
  readonly widths: readonly number[];
}

export const STATE_TH = { none: "ยังไม่ส่ง", submitted: "ส่งแล้ว", returned: "ส่งกลับให้แก้ไข" } as const;

const rate = (part: SummaryPart | { passRate: number | null }): ExportCell =>
  part.passRate === null ? null : Number(formatPercent(part.passRate * 100));

export function laoTable(compiled: CompiledRound, rows: readonly ProgressRow[]): ExportTable {
  const round = compiled.round;
  const header = [
    "รหัส อปท.",
    "ชื่อ อปท.",
    "ประเภท",
    "อำเภอ",
    "จังหวัด",
    "สถานะ",
    "ฉบับที่",
    "วันเวลาที่ส่งล่าสุด",
    ...(["pass", "below", "no-service", "not-done"] as const).map((s) => resultShortLabel(s)),
    "ร้อยละที่ผ่าน",
    ...compiled.indicators.map((i) => i.def.id),
  ];
  const body = rows.map((r) => {
    const counts = r.counts;
    return [
      r.code,
      laoDisplayName(r.type, r.name),
      LAO_TYPE_INFO[r.type].th,
      r.districtTh,
      r.provinceTh,
      PROGRESS_TH[r.progress],
      r.version,
      r.submittedAt ? formatThaiDateTime(new Date(r.submittedAt), { digits: "arabic" }) : null,
      counts ? (counts.pass ?? 0) : null,
      counts ? (counts.below ?? 0) : null,
      counts ? (counts["no-service"] ?? 0) : null,
      counts ? (counts["not-done"] ?? 0) : null,
      rate(r),
      ...compiled.indicators.map((_, i) => {
        const status = r.statuses ? decodeStatus(r.statuses.charAt(i)) : undefined;
        return status ? statusLabel(status, round) : null;
      }),
    ];
  });
  return {
    name: "ผลการประเมิน",
    rows: [header, ...body],
    widths: header.map((_, i) => (i < 8 ? [10, 28, 12, 16, 16, 18, 8, 24][i]! : 14)),
  };
}

/** The count columns' heads: the round's official wording of a pass, the short labels of the rest. */
const countHeader = (round: LabelRound): string[] => [
  "จำนวนผล",
  statusLabel("pass", round),
  ...(["below", "not-done", "no-service"] as const).map((s) => resultShortLabel(s)),
  "ร้อยละที่ผ่าน",
];
const countCells = (p: SummaryPart): ExportCell[] => [
  p.total,
  p.counts.pass,
  p.counts.below,
  p.counts["not-done"],
  p.counts["no-service"],
  rate(p),
];

export function completenessTable(rows: readonly CompletenessRow[]): ExportTable {
  return {
    name: "ความครบถ้วน",
    rows: [
      ["รหัสจังหวัด", "จังหวัด", "อปท. ในทะเบียน", "ส่งแล้ว", "ส่งกลับให้แก้ไข", "ยังไม่ส่ง", "ร้อยละที่ส่ง"],
      ...rows.map((c) => [
        c.provinceCode,
        c.provinceTh,
        c.registered,
        c.submitted,
        c.returned,
        c.notStarted,
        c.registered === 0 ? null : Number(formatPercent(((c.submitted + c.returned) * 100) / c.registered)),
      ]),
    ],
    widths: [12, 22, 16, 12, 16, 12, 14],
  };
}

export type BreakdownView = "indicators" | "areas" | "types" | "provinces";

export function breakdownTable(
  compiled: CompiledRound,
  breakdown: ResultsBreakdown,
  view: BreakdownView,
): ExportTable {
  const countHeads = countHeader(compiled.round);
  switch (view) {
    case "indicators": {
      const byId = compiled.byId;
      return {
        name: "รายตัวชี้วัด",
        rows: [
          ["รหัส", "ด้าน", "ตัวชี้วัด", ...countHeads],
          ...breakdown.byIndicator.map((i) => {
            const ind = byId.get(i.id)!;
            return [i.id, ind.area.title, indicatorText(ind.def, undefined), ...countCells(i)];
          }),
        ],
        widths: [14, 30, 80, 10, 14, 14, 14, 14, 12],
      };
    }
    case "areas":
      return {
        name: "รายด้าน",
        rows: [["ด้าน", ...countHeads], ...breakdown.byArea.map((a) => [a.title, ...countCells(a)])],
        widths: [50, 10, 14, 14, 14, 14, 12],
      };
    case "types":
      return {
        name: "รายประเภท อปท.",
        rows: [
          ["ประเภท อปท.", ...countHeads],
          ...breakdown.byType.map((t) => [LAO_TYPE_INFO[t.type].th, ...countCells(t)]),
        ],
        widths: [18, 10, 14, 14, 14, 14, 12],
      };
    case "provinces":
      return {
        name: "รายจังหวัด",
        rows: [
          ["รหัสจังหวัด", "จังหวัด", ...countHeads],
          ...breakdown.byProvince.map((p) => [p.provinceCode, p.provinceTh, ...countCells(p)]),
        ],
        widths: [12, 22, 10, 14, 14, 14, 14, 12],
      };
  }
}

export function indicatorNamesTable(compiled: CompiledRound): ExportTable {
  return {
    name: "ตัวชี้วัด",
    rows: [
      ["รหัส", "ด้าน", "ตัวชี้วัด"],
      ...compiled.indicators.map((ind) => [ind.def.id, ind.area.title, indicatorText(ind.def, undefined)]),
    ],
    widths: [14, 30, 90],
  };
}

/** CSV, UTF-8 with BOM, CRLF line ends, formula-like text neutralised (see core/reports/csv). */
export function toCsv(table: ExportTable): Buffer {
  return Buffer.from(csvText(table.rows), "utf8");
}

/** An XLSX with one sheet per table, the header row bold and frozen. */
export async function toXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MinStd";
  for (const table of tables) {
    const sheet = wb.addWorksheet(table.name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
    for (const row of table.rows) sheet.addRow([...row]);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((col, i) => (col.width = table.widths[i] ?? 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
