/**
 * The identifiers of the register and of calendar days, one rule each, for the server's
 * validation, the CLI's flags and the document alike. Thai digits are read by the callers that
 * accept typing (normaliseLaoCode); these rules check what is stored and sent. Without zod, so a
 * page that only reads a code from its address loads no schema library; identifiers.ts has the schemas.
 */

export const LAO_CODE = /^\d{7}$/;
export const PROVINCE_CODE = /^\d{2}$/;
export const DISTRICT_CODE = /^\d{4}$/;
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isLaoCode = (text: string): boolean => LAO_CODE.test(text);
export const isProvinceCode = (text: string): boolean => PROVINCE_CODE.test(text);
export const isDistrictCode = (text: string): boolean => DISTRICT_CODE.test(text);

/** A calendar day that exists, Common Era: "2026-02-30" and a Buddhist Era year are not. */
export function isIsoDay(text: string): boolean {
  return ISO_DAY.test(text) && dayExists(text) && commonEra(text);
}

// Date.parse takes 2026-02-30 for 2 March: the day must come back as it was written.
export function dayExists(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

export const commonEra = (text: string): boolean => Number(text.slice(0, 4)) < 2400;
