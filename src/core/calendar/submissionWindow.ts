import { bangkokStartOfDay, formatThaiDate, toThaiDigits, type ThaiDateOptions } from "./thai";

/**
 * A submission window. `opens` and `closes` are Common Era calendar days in Thai time;
 * the window opens at 00:00 on `opens` and closes at 24:00 on `closes`, Asia/Bangkok,
 * as the official letters put it ("ระบบฯ จะปิดการบันทึกข้อมูลในเวลา ๒๔.๐๐ น.").
 */
export interface SubmissionWindow {
  readonly opens: string;
  readonly closes: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function windowOpensAt(window: SubmissionWindow): Date {
  return bangkokStartOfDay(window.opens);
}

/** 24:00 on the last day, i.e. 00:00 Thai time of the following day. */
export function windowClosesAt(window: SubmissionWindow): Date {
  return new Date(bangkokStartOfDay(window.closes).getTime() + DAY_MS);
}

export type WindowState = "not-open" | "open" | "closed";

export function windowState(window: SubmissionWindow, now: Date): WindowState {
  if (now.getTime() < windowOpensAt(window).getTime()) return "not-open";
  if (now.getTime() >= windowClosesAt(window).getTime()) return "closed";
  return "open";
}

/**
 * Whole days left until the window closes, counting today when some of it remains:
 * on the last day this is 1 ("เหลืออีก ๑ วัน"), after the close it is 0.
 */
export function daysLeft(window: SubmissionWindow, now: Date): number {
  const remaining = windowClosesAt(window).getTime() - now.getTime();
  return remaining <= 0 ? 0 : Math.ceil(remaining / DAY_MS);
}

/** "ปิดรับ ๓๑ ส.ค. ๒๕๖๙ เวลา ๒๔.๐๐ น.", or with Arabic digits for a surface that writes them. */
export function describeClose(window: SubmissionWindow, digits: ThaiDateOptions["digits"] = "thai"): string {
  const midnight = digits === "arabic" ? "24.00" : toThaiDigits("24.00");
  return `ปิดรับ ${formatThaiDate(bangkokStartOfDay(window.closes), { month: "short", digits })} เวลา ${midnight} น.`;
}
