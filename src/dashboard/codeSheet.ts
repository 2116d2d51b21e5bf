import { LAO_TYPE_INFO } from "../core/rules/laoTypes";
import { csvText } from "../core/reports/csv";
import { formatThaiDate, toThaiDigits } from "../core/calendar/thai";
import { simpleXlsx } from "./simpleXlsx";
import type { IssuedCode } from "./types";

/**
 * What a province office hands each LAO with its access code: the code sheet (always in Thai, for
 * the LAO's officer, whatever language the office reads the dashboard in) and the CSV of the codes.
 */

export const SHEET = {
  label: "ใบแจ้งรหัสเข้าใช้งาน",
  title: "รหัสเข้าใช้งานระบบรวบรวมข้อมูลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ (MinStd)",
  to: (c: IssuedCode) =>
    `ถึง ${LAO_TYPE_INFO[c.type].th}${c.name} (รหัส อปท. ${toThaiDigits(c.lao)}) อำเภอ${c.districtTh}`,
  codeLabel: "รหัสเข้าใช้งาน (ใช้ได้ครั้งเดียว)",
  expires: (iso: string) => `ใช้ได้ถึงวันที่ ${formatThaiDate(new Date(iso))}`,
  server: "ที่อยู่เครื่องแม่ข่าย",
  ways: "ส่งข้อมูลได้ ๓ วิธี เลือกวิธีใดวิธีหนึ่ง",
  addIn:
    "Excel ที่มี Add-in MinStd (Microsoft 365, Excel 2021/2024, Excel บนเว็บ): เปิดบานหน้าต่าง MinStd ที่แท็บ “ตั้งค่า” ใส่ที่อยู่เครื่องแม่ข่ายและรหัสนี้ แล้วกดส่งข้อมูลในบานหน้าต่าง",
  web: (dashboard: string) =>
    `แฟ้มแบบรวบรวมข้อมูล (.xlsx) กรอกด้วยโปรแกรมตารางคำนวณใดก็ได้ (Excel 2010–2019, LibreOffice, WPS, Google Sheets) แล้วเปิด ${dashboard} ลงชื่อเข้าใช้ด้วยรหัสนี้ และอัปโหลดแฟ้มที่หน้า “ส่งข้อมูล”`,
  cli: (server: string) => `คำสั่ง: MINSTD_ACCESS_CODE=รหัสนี้ npx minstd submit แฟ้ม.xlsx --server ${server}`,
  note: "รหัสนี้ใช้ได้กับเครื่องแรกที่ลงชื่อเข้าใช้เท่านั้น ถ้ารหัสหาย หมดอายุ หรือต้องใช้เครื่องอื่นเพิ่ม ขอรหัสใหม่จากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
};

/** รหัส อปท., ชื่อ อปท., ประเภท, อำเภอ, รหัสเข้าใช้งาน, ใช้ได้ถึง: the columns `minstd admin codes` writes, and the expiry. */
function codeRows(codes: readonly IssuedCode[]): Array<Array<string | number | null>> {
  return [
    ["รหัส อปท.", "ชื่อ อปท.", "ประเภท", "อำเภอ", "รหัสเข้าใช้งาน", "ใช้ได้ถึง"],
    ...codes.map((c) => [
      c.lao,
      c.name,
      LAO_TYPE_INFO[c.type].th,
      c.districtTh,
      c.code,
      formatThaiDate(new Date(c.expiresAt)),
    ]),
  ];
}

export function codesCsv(codes: readonly IssuedCode[]): string {
  return csvText(codeRows(codes));
}

/** The same list as an .xlsx file, for an Excel that opens CSV files in the wrong encoding. */
export function codesXlsx(codes: readonly IssuedCode[]): Uint8Array {
  return simpleXlsx("รหัสเข้าใช้งาน", codeRows(codes));
}
