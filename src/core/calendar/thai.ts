/** Thai digits, Buddhist Era dates and Thai time (Asia/Bangkok, UTC+7 all year, no daylight saving). */

const THAI_ZERO = 0x0e50;
export const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
export const BE_OFFSET = 543;

export function toThaiDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

/**
 * A number rounded to at most `maxFractionDigits` decimals, trailing zeros dropped, with commas
 * between its groups of three digits ("1,250,000", "1,234.5"), as toLocaleString("en-US") writes
 * it, without the Intl start-up that costs a page tens of milliseconds at its first use.
 */
export function groupThousands(n: number, maxFractionDigits = 0): string {
  const [whole = "0", fraction = ""] = Math.abs(n).toFixed(maxFractionDigits).split(".");
  const kept = fraction.replace(/0+$/, "");
  const sign = n < 0 || Object.is(n, -0) ? "-" : "";
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${kept ? `.${kept}` : ""}`;
}

export function toArabicDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

export const THAI_MONTHS = [
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
] as const;

export const THAI_MONTHS_SHORT = [
  "ม.ค.",
  "ก.พ.",
  "มี.ค.",
  "เม.ย.",
  "พ.ค.",
  "มิ.ย.",
  "ก.ค.",
  "ส.ค.",
  "ก.ย.",
  "ต.ค.",
  "พ.ย.",
  "ธ.ค.",
] as const;

/** The wall-clock parts of an instant in Thai time. Month is 1–12; year is the Buddhist Era year. */
export interface BangkokParts {
  readonly yearBE: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function bangkokParts(instant: Date): BangkokParts {
  const shifted = new Date(instant.getTime() + BANGKOK_OFFSET_MS);
  return {
    yearBE: shifted.getUTCFullYear() + BE_OFFSET,
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

export interface ThaiDateOptions {
  /** "thai" writes ๐–๙ (official letters); "arabic" writes 0–9. Default "thai". */
  readonly digits?: "thai" | "arabic";
  /** "long" writes สิงหาคม, "short" writes ส.ค. Default "long". */
  readonly month?: "long" | "short";
}

function withDigits(text: string, options: ThaiDateOptions): string {
  return options.digits === "arabic" ? text : toThaiDigits(text);
}

/** "๓๑ สิงหาคม ๒๕๖๙" — a date in Thai time with the Buddhist Era year. */
export function formatThaiDate(instant: Date, options: ThaiDateOptions = {}): string {
  const p = bangkokParts(instant);
  const months = options.month === "short" ? THAI_MONTHS_SHORT : THAI_MONTHS;
  return withDigits(`${p.day} ${months[p.month - 1]} ${p.yearBE}`, options);
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** "๑๔.๓๐ น." — a time of day in Thai time, in the official style. */
export function formatThaiTime(instant: Date, options: ThaiDateOptions = {}): string {
  const p = bangkokParts(instant);
  return withDigits(`${pad2(p.hour)}.${pad2(p.minute)} น.`, options);
}

/** "๓๑ สิงหาคม ๒๕๖๙ เวลา ๑๔.๓๐ น." */
export function formatThaiDateTime(instant: Date, options: ThaiDateOptions = {}): string {
  return `${formatThaiDate(instant, options)} เวลา ${formatThaiTime(instant, options)}`;
}

/** "2026-08-31T14:30:00+07:00" — an ISO timestamp in Thai time, for receipts and exports. */
export function toBangkokIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + BANGKOK_OFFSET_MS);
  return shifted.toISOString().replace(/\.\d{3}Z$/, "+07:00");
}

/** The instant a Thai calendar day begins (00:00 Asia/Bangkok). `isoDate` is a Common Era "YYYY-MM-DD". */
export function bangkokStartOfDay(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(utc - BANGKOK_OFFSET_MS);
}

/** The Common Era "YYYY-MM-DD" of the Thai calendar day an instant falls on. */
export function bangkokIsoDate(instant: Date): string {
  const p = bangkokParts(instant);
  return `${p.yearBE - BE_OFFSET}-${pad2(p.month)}-${pad2(p.day)}`;
}
