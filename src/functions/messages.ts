import { LAO_TYPE_INFO, LAO_TYPES } from "../core";

/** The functions' own Thai messages; messages about typed values come from the core. */

const TYPE_NAMES = LAO_TYPES.map((t) => LAO_TYPE_INFO[t].th).join(", ");

const quote = (text: string): string => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

export const messages = {
  noIndicatorId: (): string => "ยังไม่ได้ใส่รหัสตัวชี้วัด — ใส่รหัส เช่น 2563-1-01",
  unknownLaoType: (typed: string): string =>
    `ประเภท อปท. ${quote(typed)} ไม่ถูกต้อง — ใส่ชื่อประเภท (${TYPE_NAMES}) หรือรหัส อปท. 7 หลัก`,
  unknownLaoCode: (code: string): string =>
    `ไม่พบรหัส อปท. ${code} ในทะเบียน อปท. — ตรวจสอบรหัส 7 หลักอีกครั้ง หรือใส่ชื่อประเภท อปท. แทน`,
  typeNeeded: (id: string): string =>
    `ตัวชี้วัด ${id} มีค่าเป้าหมายต่างกันตามประเภท อปท. — ใส่ประเภท อปท. (เช่น อบต. หรือ เทศบาลตำบล) หรือรหัส อปท. 7 หลัก ในช่อง laoType`,
  notEntered: (): string => "ยังไม่ได้กรอกข้อมูล",
  invalid: (): string => "ข้อมูลไม่ถูกต้อง — ตรวจสอบค่าที่กรอก",
  noService: (): string => "ไม่มีบริการสาธารณะ — (1) กรอบการประเมินเป็น 0 ตัวชี้วัดนี้จึงไม่นำมาประเมิน",
  noTarget: (): string =>
    "ไม่มีค่าเป้าหมาย — ข้อคำถามความพึงพอใจนี้รายงานจำนวนและร้อยละของผู้ตอบว่าพอใจ/ปรับปรุง โดยไม่เทียบกับค่าเป้าหมาย",
  notDonePercent: (): string => "ไม่ได้ดำเนินการ — ช่อง (2) การจัดบริการสาธารณะ เป็น - จึงคิดร้อยละไม่ได้",
} as const;
