import * as z from "zod";
import {
  commonEra,
  dayExists,
  DISTRICT_CODE,
  DISTRICT_CODE_MESSAGE,
  ISO_DAY,
  LAO_CODE,
  LAO_CODE_MESSAGE,
  PROVINCE_CODE,
  PROVINCE_CODE_MESSAGE,
} from "./identifierRules";

export {
  DISTRICT_CODE_MESSAGE,
  isDistrictCode,
  isIsoDay,
  isLaoCode,
  isProvinceCode,
  LAO_CODE_MESSAGE,
  PROVINCE_CODE_MESSAGE,
} from "./identifierRules";

/** The identifier rules of identifierRules.ts as schemas, for the server's validation and the CLI. */
export const laoCodeSchema = z.string().regex(LAO_CODE, LAO_CODE_MESSAGE);
export const provinceCodeSchema = z.string().regex(PROVINCE_CODE, PROVINCE_CODE_MESSAGE);
export const districtCodeSchema = z.string().regex(DISTRICT_CODE, DISTRICT_CODE_MESSAGE);

/** A calendar day "YYYY-MM-DD", Common Era: how windows and other days are written in data and APIs. */
export const isoDateSchema = z
  .string()
  .regex(ISO_DAY, "ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) / must be a YYYY-MM-DD date (Common Era)")
  .refine(dayExists, "ไม่มีวันที่นี้ในปฏิทิน / no such calendar day")
  .refine(commonEra, "ใช้ปี ค.ศ. ไม่ใช่ พ.ศ. / use the Common Era year, not the Buddhist Era");
