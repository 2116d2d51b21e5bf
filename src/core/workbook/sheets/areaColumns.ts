import { FIELD_NAMES } from "../../rules/vocabulary";

/** The columns of an area sheet (แบบ 2-x): their titles, positions and widths, and the header row. */

export const AREA_COLUMNS = [
  "ลำดับ/รหัสตัวชี้วัด",
  "ตัวชี้วัด",
  "ค่าเป้าหมาย",
  FIELD_NAMES.base,
  FIELD_NAMES.served,
  "(2) เทียบกับ (1) %",
  "ผลการประเมิน",
  "หมายเหตุ",
] as const;
/** Column positions of the area sheets (1-based), in the official order. */
export const AREA_COL = {
  id: 1,
  text: 2,
  target: 3,
  base: 4,
  served: 5,
  percent: 6,
  result: 7,
  note: 8,
} as const;
export const AREA_WIDTHS = [16, 60, 10, 14, 14, 11, 24, 18];
export const AREA_HEADER_ROW = 4;
