/**
 * Every problem the core can find in what someone typed, with a Thai message that says
 * what to type instead (officers read Thai first), and the arguments the message was built from.
 * The English of each code is in src/i18n/problems.ts, built from the same arguments.
 */

import { LAO_TYPE_INFO, type LaoType } from "./laoTypes";
import { form1FieldName, LINE_TEXT_NAMES, type FieldKey, type LineTextName } from "./vocabulary";

/** What each problem's message is built from, keyed by its code. */
export interface ProblemArgs {
  readonly "not-a-number": { readonly typed: string };
  readonly "has-unit": { readonly typed: string; readonly number: string };
  readonly "percent-sign": { readonly typed: string };
  readonly "bad-thousands": { readonly typed: string };
  readonly "space-in-number": { readonly typed: string; readonly joined: string };
  readonly "too-many-points": { readonly typed: string };
  readonly negative: { readonly typed: string };
  readonly "not-whole": { readonly typed: string };
  readonly "too-large": { readonly typed: string };
  readonly "not-a-cell-number": { readonly holds: "date" | "boolean" };
  readonly "not-yes-no": { readonly typed: string };
  readonly "served-exceeds-base": { readonly served: number; readonly base: number };
  readonly "base-not-given": Record<string, never>;
  readonly "base-missing": Record<string, never>;
  readonly "served-without-base": Record<string, never>;
  readonly "served-missing": Record<string, never>;
  readonly "satisfied-not-given": Record<string, never>;
  readonly "unknown-indicator": { readonly id: string; readonly round: string };
  readonly "not-for-type": { readonly id: string; readonly typeTh: string };
  /** A field of แบบ 1 (a count, the budget or the preparer) not filled in. */
  readonly "missing-field": { readonly field: FieldKey; readonly laoType: LaoType };
  readonly "not-entered": { readonly id: string; readonly form: string; readonly no: string };
  /** An indicator's own problem (an invalid input, or one missing beside another), named with its id. */
  readonly "invalid-value": { readonly id: string; readonly problem: Problem };
  readonly "incomplete-value": { readonly id: string; readonly problem: Problem };
  /**
   * A submission document of the wrong shape: where (a document path, "" for the whole) and the
   * validator's words, or the problem it is when the refusal is one of core's (an LAO code).
   */
  readonly "bad-document": { readonly at: string; readonly detail: string; readonly refusal?: Problem };
  // A collection workbook that cannot be read: not MinStd's, made by a newer MinStd, or out of step with its layout.
  readonly "not-our-workbook": Record<string, never>;
  readonly "newer-layout": { readonly version: number; readonly current: number };
  readonly "layout-other-lao": {
    readonly round: string;
    readonly lao: string;
    readonly expectedRound: string;
    readonly expectedLao: string;
  };
  readonly "layout-other-version": { readonly laoType: string };
  readonly "layout-round-changed": { readonly round: string };
  readonly "layout-meta-edited": {
    readonly expected: string;
    readonly sheet: string;
    readonly address: string;
    readonly shown: string;
  };
  readonly "layout-row-moved": { readonly sheet: string; readonly cell: string; readonly id: string };
  readonly "layout-sheet-missing": { readonly sheet: string };
  // A one-line text a person types (core/rules/lineText.ts), such as a user's name.
  readonly "text-empty": { readonly what: LineTextName };
  readonly "text-too-long": { readonly what: LineTextName; readonly max: number };
  readonly "text-control-character": { readonly what: LineTextName };
  // An identifier or a calendar day that is not written as the register and the API write it (core/rules/identifiers.ts).
  readonly "lao-code-format": Record<string, never>;
  readonly "province-code-format": Record<string, never>;
  readonly "district-code-format": Record<string, never>;
  readonly "day-format": Record<string, never>;
  readonly "day-not-in-calendar": Record<string, never>;
  readonly "day-buddhist-era": Record<string, never>;
  // A round that the round schema refuses (core/rules/round.ts).
  readonly "target-without-source": Record<string, never>;
  readonly "indicator-id-format": Record<string, never>;
  readonly "window-order": Record<string, never>;
  readonly "indicator-id-prefix": { readonly id: string; readonly round: string };
  readonly "indicator-id-duplicate": { readonly id: string };
  readonly "continues-same-round": { readonly round: string };
  readonly "indicator-text-slot": { readonly slot: string };
  readonly "ratio-without-inputs": Record<string, never>;
  readonly "type-not-in-round": { readonly laoType: string };
  readonly "target-missing": { readonly laoType: string };
  /** A submission document with more indicators than any round has (core/rules/submission.ts). */
  readonly "too-many-indicators": { readonly max: number };
  /** A collection workbook asked for an LAO whose type the round does not assess (core/workbook/layout.ts). */
  readonly "round-not-for-type": { readonly round: string; readonly laoType: LaoType };
}

export type ProblemCode = keyof ProblemArgs;

/** What is wrong and what to type instead (Thai), with the arguments its English is built from. */
export type Problem = {
  readonly [C in ProblemCode]: { readonly code: C; readonly th: string; readonly args: ProblemArgs[C] };
}[ProblemCode];

/** “what was typed”, cut at 40 characters: how every message quotes an input. */
export const quoteTyped = (text: string): string => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
const quote = quoteTyped;

export const NO_ARGS: Record<string, never> = {};

const CELL_HOLDS_TH: Readonly<Record<ProblemArgs["not-a-cell-number"]["holds"], string>> = {
  date: "วันที่",
  boolean: "ค่า TRUE/FALSE",
};

export const problems = {
  notANumber: (typed: string): Problem => ({
    code: "not-a-number",
    th: `${quote(typed)} ไม่ใช่ตัวเลข — พิมพ์เฉพาะตัวเลข เช่น 1250 หรือ 1,250.75 (ใช้เลขไทย ๐–๙ ได้) ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -`,
    args: { typed },
  }),
  hasUnit: (typed: string, number: string): Problem => ({
    code: "has-unit",
    th: `${quote(typed)} มีตัวอักษรปนอยู่ — พิมพ์เฉพาะตัวเลข ไม่ต้องพิมพ์หน่วย เช่น ${number}`,
    args: { typed, number },
  }),
  percentSign: (typed: string): Problem => ({
    code: "percent-sign",
    th: `${quote(typed)} เป็นร้อยละ — ช่องนี้ให้พิมพ์จำนวนจริง (ไม่ใช่ร้อยละ) ระบบจะคำนวณร้อยละให้เอง`,
    args: { typed },
  }),
  badThousands: (typed: string): Problem => ({
    code: "bad-thousands",
    th: `${quote(typed)} ใส่จุลภาค (,) ผิดตำแหน่ง — จุลภาคต้องคั่นทุกสามหลัก เช่น 1,250,000 หรือไม่ต้องใส่จุลภาคเลยก็ได้ ส่วนทศนิยมให้ใช้จุด (.)`,
    args: { typed },
  }),
  spaceInNumber: (typed: string, joined: string): Problem => ({
    code: "space-in-number",
    th: `${quote(typed)} มีเว้นวรรคอยู่กลางตัวเลข — พิมพ์ตัวเลขติดกัน เช่น ${joined}`,
    args: { typed, joined },
  }),
  tooManyPoints: (typed: string): Problem => ({
    code: "too-many-points",
    th: `${quote(typed)} มีจุดทศนิยมมากกว่าหนึ่งจุด — พิมพ์ตัวเลขที่มีจุดทศนิยมไม่เกินหนึ่งจุด เช่น 12.5`,
    args: { typed },
  }),
  negative: (typed: string): Problem => ({
    code: "negative",
    th: `${quote(typed)} ติดลบ — ค่านี้ต้องเป็น 0 หรือมากกว่า ถ้าไม่ได้ดำเนินการ ให้พิมพ์ - (ขีดอย่างเดียว)`,
    args: { typed },
  }),
  notWhole: (typed: string): Problem => ({
    code: "not-whole",
    th: `${quote(typed)} มีทศนิยม — ค่านี้เป็นจำนวนนับ ให้พิมพ์จำนวนเต็ม เช่น 3`,
    args: { typed },
  }),
  tooLarge: (typed: string): Problem => ({
    code: "too-large",
    th: `${quote(typed)} มากเกินกว่าจะเป็นไปได้ — ตรวจสอบจำนวนหลักอีกครั้ง`,
    args: { typed },
  }),
  notACellNumber: (holds: ProblemArgs["not-a-cell-number"]["holds"]): Problem => ({
    code: "not-a-cell-number",
    th: `เซลล์นี้มี${CELL_HOLDS_TH[holds]} — พิมพ์ตัวเลขแทน ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -`,
    args: { holds },
  }),
  notYesNo: (typed: string): Problem => ({
    code: "not-yes-no",
    th: `${quote(typed)} ไม่ใช่คำตอบที่ใช้ได้ — พิมพ์ มี หรือ ไม่มี`,
    args: { typed },
  }),
  servedExceedsBase: (served: number, base: number): Problem => ({
    code: "served-exceeds-base",
    th: `(2) การจัดบริการสาธารณะ (${served}) มากกว่า (1) กรอบการประเมิน (${base}) ไม่ได้ — ตรวจสอบว่ากรอกสลับช่องหรือใช้หน่วยต่างกันหรือไม่ (2) ต้องไม่เกิน (1)`,
    args: { served, base },
  }),
  baseNotGiven: (): Problem => ({
    code: "base-not-given",
    th: `ช่อง (1) กรอบการประเมิน ต้องเป็นตัวเลข — ถ้า อปท. ไม่มีบริการสาธารณะนี้ ให้พิมพ์ 0 (ไม่ใช่ -)`,
    args: NO_ARGS,
  }),
  baseMissing: (): Problem => ({
    code: "base-missing",
    th: `ยังไม่ได้กรอกช่อง (1) กรอบการประเมิน — ถ้าไม่มีบริการสาธารณะนี้ ให้พิมพ์ 0`,
    args: NO_ARGS,
  }),
  servedWithoutBase: (): Problem => ({
    code: "served-without-base",
    th: `ช่อง (1) เป็น 0 (ไม่มีบริการสาธารณะ) แต่ช่อง (2) มีค่า — ถ้ามีบริการ ให้กรอก (1) ตามจริง ถ้าไม่มี ให้ลบค่าในช่อง (2)`,
    args: NO_ARGS,
  }),
  servedMissing: (): Problem => ({
    code: "served-missing",
    th: `ยังไม่ได้กรอกช่อง (2) การจัดบริการสาธารณะ — พิมพ์ตัวเลขที่ดำเนินการได้ หรือพิมพ์ - ถ้าไม่ได้จัดบริการนี้ในปีงบประมาณ (ช่องว่างยังไม่นับว่าไม่ได้ดำเนินการ)`,
    args: NO_ARGS,
  }),
  satisfiedNotGiven: (): Problem => ({
    code: "satisfied-not-given",
    th: `ช่อง (2) จำนวนผู้ตอบว่าพอใจ ต้องเป็นตัวเลข — ถ้าไม่มีผู้ตอบว่าพอใจ ให้พิมพ์ 0 ถ้าไม่ได้สำรวจ ให้พิมพ์ 0 ในช่อง (1)`,
    args: NO_ARGS,
  }),
  unknownIndicator: (id: string, round: string): Problem => ({
    code: "unknown-indicator",
    th: `ไม่มีตัวชี้วัดรหัส ${quote(id)} ในรอบการประเมิน ${round} — ตรวจสอบรหัสตัวชี้วัดอีกครั้ง`,
    args: { id, round },
  }),
  notForType: (id: string, typeTh: string): Problem => ({
    code: "not-for-type",
    th: `ตัวชี้วัด ${id} ไม่ได้ใช้ประเมิน ${typeTh}`,
    args: { id, typeTh },
  }),
  notEntered: (id: string, form: string, no: string): Problem => ({
    code: "not-entered",
    th: `ยังไม่ได้กรอกตัวชี้วัด ${id} (แบบ ${form} ข้อ ${no}) — ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -`,
    args: { id, form, no },
  }),
  /** An indicator's problem as a report lists it: an invalid input, or one still missing beside another. */
  ofIndicator: (status: "invalid" | "incomplete", id: string, problem: Problem): Problem => ({
    code: status === "invalid" ? "invalid-value" : "incomplete-value",
    th: `ตัวชี้วัด ${id}: ${problem.th}`,
    args: { id, problem },
  }),
  missingField: (field: FieldKey, laoType: LaoType): Problem => ({
    code: "missing-field",
    th: `ยังไม่ได้กรอก${form1FieldName(field, laoType)}`,
    args: { field, laoType },
  }),
  textEmpty: (what: LineTextName): Problem => ({
    code: "text-empty",
    th: `กรอก${LINE_TEXT_NAMES[what]}`,
    args: { what },
  }),
  textTooLong: (what: LineTextName, max: number): Problem => ({
    code: "text-too-long",
    th: `${LINE_TEXT_NAMES[what]}ยาวเกิน ${max} ตัวอักษร — ย่อให้สั้นลง`,
    args: { what, max },
  }),
  textControlCharacter: (what: LineTextName): Problem => ({
    code: "text-control-character",
    th: `${LINE_TEXT_NAMES[what]}มีอักขระควบคุมที่พิมพ์ไม่ได้ — ลบแล้วพิมพ์ใหม่`,
    args: { what },
  }),
  laoCodeFormat: (): Problem => ({
    code: "lao-code-format",
    th: "รหัส อปท. ต้องเป็นตัวเลข 7 หลัก",
    args: NO_ARGS,
  }),
  provinceCodeFormat: (): Problem => ({
    code: "province-code-format",
    th: "รหัสจังหวัดเป็นตัวเลข 2 หลัก เช่น 22",
    args: NO_ARGS,
  }),
  districtCodeFormat: (): Problem => ({
    code: "district-code-format",
    th: "รหัสอำเภอเป็นตัวเลข 4 หลัก",
    args: NO_ARGS,
  }),
  dayFormat: (): Problem => ({ code: "day-format", th: "ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.)", args: NO_ARGS }),
  dayNotInCalendar: (): Problem => ({ code: "day-not-in-calendar", th: "ไม่มีวันที่นี้ในปฏิทิน", args: NO_ARGS }),
  dayBuddhistEra: (): Problem => ({ code: "day-buddhist-era", th: "ใช้ปี ค.ศ. ไม่ใช่ พ.ศ.", args: NO_ARGS }),
  targetWithoutSource: (): Problem => ({
    code: "target-without-source",
    th: "ค่าเป้าหมายที่ไม่ใช่ค่าชั่วคราวต้องระบุแหล่งที่มา (source)",
    args: NO_ARGS,
  }),
  indicatorIdFormat: (): Problem => ({
    code: "indicator-id-format",
    th: "รหัสตัวชี้วัดต้องเป็นตัวอักษรอังกฤษ ตัวเลข . _ - ยาว 3–32 ตัว",
    args: NO_ARGS,
  }),
  windowOrder: (): Problem => ({ code: "window-order", th: "วันปิดรับต้องไม่ก่อนวันเปิดรับ", args: NO_ARGS }),
  indicatorIdPrefix: (id: string, round: string): Problem => ({
    code: "indicator-id-prefix",
    th: `รหัสตัวชี้วัด ${id} ต้องขึ้นต้นด้วยรหัสรอบ "${round}-"`,
    args: { id, round },
  }),
  indicatorIdDuplicate: (id: string): Problem => ({
    code: "indicator-id-duplicate",
    th: `รหัสตัวชี้วัด ${id} ซ้ำ`,
    args: { id },
  }),
  continuesSameRound: (round: string): Problem => ({
    code: "continues-same-round",
    th: `continues ต้องเป็นรหัสตัวชี้วัดของรอบก่อนหน้า ไม่ใช่รอบ ${round} เอง`,
    args: { round },
  }),
  indicatorTextSlot: (slot: string): Problem => ({
    code: "indicator-text-slot",
    th: `ข้อความตัวชี้วัดใช้ได้เฉพาะช่อง ${slot}`,
    args: { slot },
  }),
  ratioWithoutInputs: (): Problem => ({
    code: "ratio-without-inputs",
    th: "ตัวชี้วัดแบบร้อยละต้องระบุ (1) และ (2) ใน inputs",
    args: NO_ARGS,
  }),
  typeNotInRound: (laoType: string): Problem => ({
    code: "type-not-in-round",
    th: `ประเภท ${laoType} ไม่อยู่ในรอบนี้`,
    args: { laoType },
  }),
  targetMissing: (laoType: string): Problem => ({
    code: "target-missing",
    th: `ไม่มีค่าเป้าหมายสำหรับ ${laoType} และไม่มีค่าเริ่มต้น (default)`,
    args: { laoType },
  }),
  tooManyIndicators: (max: number): Problem => ({
    code: "too-many-indicators",
    th: `มีตัวชี้วัดเกิน ${max} รายการ`,
    args: { max },
  }),
  roundNotForType: (round: string, laoType: LaoType): Problem => ({
    code: "round-not-for-type",
    th: `รอบ ${round} ไม่ได้ประเมิน ${LAO_TYPE_INFO[laoType].th}`,
    args: { round, laoType },
  }),
} as const;

/**
 * A problem as a refusal of a zod schema (a refinement's message and params): the Thai as the
 * issue's message, and the problem itself, which problemOfIssue gives back to whoever adds the English.
 */
export function problemIssue(problem: Problem): { message: string; params: { problem: Problem } } {
  return { message: problem.th, params: { problem } };
}

/** The problem a zod issue carries (see problemIssue), if it carries one. */
export function problemOfIssue(issue: object): Problem | undefined {
  const carried =
    "params" in issue ? (issue.params as { problem?: Problem } | undefined)?.problem : undefined;
  return carried && typeof carried.code === "string" ? carried : undefined;
}
