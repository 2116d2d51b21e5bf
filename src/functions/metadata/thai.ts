/**
 * Thai descriptions of every custom function and parameter, for functions-th.json (the th-TH
 * metadata override). Ids, function names and parameter names stay ASCII in every language: they
 * are what formulas contain, and most Thai words carry tone marks that Excel may not accept in a name.
 */
export interface ThaiFunctionText {
  readonly description: string;
  readonly parameters: Readonly<Record<string, string>>;
}

const INDICATOR_ID = "รหัสตัวชี้วัด เช่น 2563-1-01";
const VALUE = "ค่าที่กรอก: (2) การจัดบริการสาธารณะ สำหรับตัวชี้วัดแบบร้อยละ หรือจำนวน หรือ มี/ไม่มี สำหรับตัวชี้วัดแบบอื่น";
const BASE = "(1) กรอบการประเมิน สำหรับตัวชี้วัดแบบร้อยละ เช่น ระยะทางถนนทั้งหมด — ไม่ต้องใส่สำหรับตัวชี้วัดแบบอื่น";
const LAO_TYPE =
  "ประเภท อปท. (อบต., เทศบาลตำบล, เทศบาลเมือง, เทศบาลนคร, อบจ., เมืองพัทยา) หรือรหัส อปท. 7 หลัก — ต้องใส่เมื่อค่าเป้าหมายต่างกันตามประเภท อปท.";

export const THAI_FUNCTION_TEXT: Readonly<Record<string, ThaiFunctionText>> = {
  CHECK: {
    description:
      "ผลการประเมินตัวชี้วัดตามข้อมูลที่กรอก (ผ่านค่าเป้าหมายขั้นต่ำ, การพัฒนาในอนาคต, ไม่มีบริการสาธารณะ หรือ ไม่ได้ดำเนินการ) — เป็นค่าว่างถ้ายังไม่ได้กรอก",
    parameters: { indicatorId: INDICATOR_ID, value: VALUE, base: BASE, laoType: LAO_TYPE },
  },
  PASS: {
    description: "ตัวชี้วัดผ่านค่าเป้าหมายขั้นต่ำหรือไม่: TRUE หรือ FALSE — #N/A ถ้าไม่มีบริการสาธารณะ หรือยังไม่ได้กรอกข้อมูล",
    parameters: { indicatorId: INDICATOR_ID, value: VALUE, base: BASE, laoType: LAO_TYPE },
  },
  TARGET: {
    description: "ค่าเป้าหมายขั้นต่ำของตัวชี้วัดสำหรับประเภท อปท.",
    parameters: { indicatorId: INDICATOR_ID, laoType: LAO_TYPE },
  },
  NAME: {
    description: "ข้อความตัวชี้วัดตามแบบการประเมิน โดยใส่ประเภท อปท. ให้",
    parameters: {
      indicatorId: INDICATOR_ID,
      laoType: "ประเภท อปท. หรือรหัส อปท. 7 หลัก — ถ้าไม่ใส่ ข้อความจะใช้คำว่า อปท.",
    },
  },
  PERCENT: {
    description: "ร้อยละ (2) ÷ (1) × 100 ไม่ปัดเศษ — #N/A ถ้า (1) เป็น 0 (ไม่มีบริการสาธารณะ) หรือ (2) ว่างหรือเป็น -",
    parameters: {
      served: "(2) การจัดบริการสาธารณะ",
      base: "(1) กรอบการประเมิน เช่น ระยะทางถนนทั้งหมด",
    },
  },
  GAP: {
    description: "ยังขาดอีกเท่าใดจึงจะถึงค่าเป้าหมาย ในหน่วยของตัวชี้วัด — เป็น 0 เมื่อผ่านค่าเป้าหมายแล้ว",
    parameters: { indicatorId: INDICATOR_ID, value: VALUE, base: BASE, laoType: LAO_TYPE },
  },
};
