import ExcelJS from "exceljs";
import { formatPercent, formatThaiDateTime, LAO_TYPE_INFO, statusLabel, type CompiledRound } from "../core";
import type { CompletenessRow, LaoStatusRow } from "./queries/dashboards";
import { decodeStatus } from "./results";

/**
 * The exports: one row per LAO of the register (of the round's types) with where its submission
 * stands, its counts and each indicator's result label. CSV is UTF-8 with a BOM so Excel shows
 * Thai when the file is double-clicked; XLSX adds a completeness sheet per province.
 */

export const STATE_TH = { none: "ยังไม่ส่ง", submitted: "ส่งแล้ว", returned: "ส่งกลับให้แก้ไข" } as const;

export function exportTable(compiled: CompiledRound, rows: readonly LaoStatusRow[]): string[][] {
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
    "ผ่าน",
    "การพัฒนาในอนาคต",
    "ไม่มีบริการสาธารณะ",
    "ไม่ได้ดำเนินการ",
    "ร้อยละที่ผ่าน",
    ...compiled.indicators.map((i) => i.def.id),
  ];
  const body = rows.map((r) => {
    const counts = r.overall?.counts;
    const passRate = r.overall?.passRate;
    return [
      r.code,
      r.name,
      LAO_TYPE_INFO[r.type].th,
      r.districtTh,
      r.provinceTh,
      STATE_TH[r.state ?? "none"],
      r.version === null ? "" : String(r.version),
      r.updatedAt ? formatThaiDateTime(r.updatedAt, { digits: "arabic" }) : "",
      counts ? String(counts.pass) : "",
      counts ? String(counts.below) : "",
      counts ? String(counts["no-service"]) : "",
      counts ? String(counts["not-done"]) : "",
      passRate === null || passRate === undefined ? "" : formatPercent(passRate * 100),
      ...compiled.indicators.map((_, i) => {
        const status = r.statuses ? decodeStatus(r.statuses.charAt(i)) : undefined;
        return status ? statusLabel(status, round) : "";
      }),
    ];
  });
  return [header, ...body];
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV, UTF-8 with BOM, CRLF line ends (what Excel expects). */
export function toCsv(table: readonly string[][]): Buffer {
  return Buffer.from(`\ufeff${table.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`, "utf8");
}

export async function toXlsx(
  compiled: CompiledRound,
  table: readonly string[][],
  completeness: readonly CompletenessRow[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MinStd";
  const results = wb.addWorksheet("ผลการประเมิน", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  for (const row of table) results.addRow(row);
  results.getRow(1).font = { bold: true };
  results.columns.forEach((col, i) => (col.width = i < 8 ? [10, 28, 12, 16, 16, 16, 8, 24][i] : 14));
  const names = wb.addWorksheet("ตัวชี้วัด");
  names.addRow(["รหัส", "ด้าน", "ตัวชี้วัด"]).font = { bold: true };
  for (const ind of compiled.indicators) names.addRow([ind.def.id, ind.area.title, ind.def.text]);
  names.columns = [{ width: 14 }, { width: 30 }, { width: 90 }];
  const comp = wb.addWorksheet("ความครบถ้วน");
  comp.addRow(["รหัสจังหวัด", "จังหวัด", "อปท. ในทะเบียน", "ส่งแล้ว", "ส่งกลับให้แก้ไข", "ยังไม่ส่ง"]).font = { bold: true };
  for (const c of completeness)
    comp.addRow([c.provinceCode, c.provinceTh, c.registered, c.submitted, c.returned, c.notStarted]);
  comp.columns = [{ width: 12 }, { width: 22 }, { width: 16 }, { width: 12 }, { width: 16 }, { width: 12 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
