import * as z from "zod";

/**
 * The identifiers of the register and of calendar days, one rule each, for the server's
 * validation, the CLI's flags and the document alike. Thai digits are read by the callers that
 * accept typing (normaliseLaoCode); these rules check what is stored and sent.
 */

const LAO_CODE = /^\d{7}$/;
const PROVINCE_CODE = /^\d{2}$/;
const DISTRICT_CODE = /^\d{4}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const LAO_CODE_MESSAGE = "รหัส อปท. ต้องเป็นตัวเลข 7 หลัก / the LAO code has 7 digits";
export const PROVINCE_CODE_MESSAGE = "รหัสจังหวัดเป็นตัวเลข 2 หลัก เช่น 22 / the province code has 2 digits";
export const DISTRICT_CODE_MESSAGE = "รหัสอำเภอเป็นตัวเลข 4 หลัก / the district code has 4 digits";

export const isLaoCode = (text: string): boolean => LAO_CODE.test(text);
export const isProvinceCode = (text: string): boolean => PROVINCE_CODE.test(text);
export const isDistrictCode = (text: string): boolean => DISTRICT_CODE.test(text);

/** A calendar day that exists, Common Era: "2026-02-30" and a Buddhist Era year are not. */
export function isIsoDay(text: string): boolean {
  return ISO_DAY.test(text) && dayExists(text) && commonEra(text);
}

// Date.parse takes 2026-02-30 for 2 March: the day must come back as it was written.
function dayExists(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

const commonEra = (text: string): boolean => Number(text.slice(0, 4)) < 2400;

export const laoCodeSchema = z.string().regex(LAO_CODE, LAO_CODE_MESSAGE);
export const provinceCodeSchema = z.string().regex(PROVINCE_CODE, PROVINCE_CODE_MESSAGE);
export const districtCodeSchema = z.string().regex(DISTRICT_CODE, DISTRICT_CODE_MESSAGE);

/** A calendar day "YYYY-MM-DD", Common Era: how windows and other days are written in data and APIs. */
export const isoDateSchema = z
  .string()
  .regex(ISO_DAY, "ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) / must be a YYYY-MM-DD date (Common Era)")
  .refine(dayExists, "ไม่มีวันที่นี้ในปฏิทิน / no such calendar day")
  .refine(commonEra, "ใช้ปี ค.ศ. ไม่ใช่ พ.ศ. / use the Common Era year, not the Buddhist Era");
