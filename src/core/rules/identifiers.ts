import * as z from "zod";
import {
  commonEra,
  dayExists,
  DISTRICT_CODE,
  ISO_DAY,
  isDistrictCode,
  isLaoCode,
  isProvinceCode,
  LAO_CODE,
  PROVINCE_CODE,
} from "./identifierRules";
import { problemIssue, problems } from "./problems";

export { isDistrictCode, isIsoDay, isLaoCode, isProvinceCode } from "./identifierRules";

/**
 * A string schema that refuses what `test` refuses with one of core's problems (see problemIssue,
 * so the boundary that shows it adds the English), its pattern kept for the API's JSON Schema.
 */
const patterned = (
  pattern: RegExp,
  test: (text: string) => boolean,
  problem: () => Parameters<typeof problemIssue>[0],
) => z.string().refine(test, problemIssue(problem())).meta({ pattern: pattern.source });

/** The identifier rules of identifierRules.ts as schemas, for the server's validation and the CLI. */
export const laoCodeSchema = patterned(LAO_CODE, isLaoCode, problems.laoCodeFormat);
export const provinceCodeSchema = patterned(PROVINCE_CODE, isProvinceCode, problems.provinceCodeFormat);
export const districtCodeSchema = patterned(DISTRICT_CODE, isDistrictCode, problems.districtCodeFormat);

/** A calendar day "YYYY-MM-DD", Common Era: how windows and other days are written in data and APIs. */
export const isoDateSchema = z
  .string()
  .refine((text) => ISO_DAY.test(text), problemIssue(problems.dayFormat()))
  .refine(dayExists, problemIssue(problems.dayNotInCalendar()))
  .refine(commonEra, problemIssue(problems.dayBuddhistEra()))
  .meta({ pattern: ISO_DAY.source });
