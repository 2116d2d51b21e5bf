import type { BilingualText } from "./vocabulary";

/**
 * Every problem the core can find in what someone typed, with a Thai message that says
 * what to type instead (officers read Thai first) and an English one.
 */
export type ProblemCode =
  | "not-a-number"
  | "has-unit"
  | "percent-sign"
  | "bad-thousands"
  | "space-in-number"
  | "too-many-points"
  | "negative"
  | "not-whole"
  | "too-large"
  | "not-a-cell-number"
  | "not-yes-no"
  | "served-exceeds-base"
  | "base-not-given"
  | "base-missing"
  | "served-without-base"
  | "served-missing"
  | "satisfied-not-given"
  | "unknown-indicator"
  | "not-for-type"
  | "missing-field"
  | "not-entered";

/** What is wrong and what to type instead, in Thai and English. */
export interface Problem extends BilingualText {
  readonly code: ProblemCode;
}

const quote = (text: string): string => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

export const problems = {
  notANumber: (typed: string): Problem => ({
    code: "not-a-number",
    th: `${quote(typed)} ไม่ใช่ตัวเลข — พิมพ์เฉพาะตัวเลข เช่น 1250 หรือ 1,250.75 (ใช้เลขไทย ๐–๙ ได้) ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -`,
    en: `${quote(typed)} is not a number — type digits only, e.g. 1250 or 1,250.75 (Thai digits are fine); type - if the service was not carried out`,
  }),
  hasUnit: (typed: string, number: string): Problem => ({
    code: "has-unit",
    th: `${quote(typed)} มีตัวอักษรปนอยู่ — พิมพ์เฉพาะตัวเลข ไม่ต้องพิมพ์หน่วย เช่น ${number}`,
    en: `${quote(typed)} has letters in it — type the number only, without a unit, e.g. ${number}`,
  }),
  percentSign: (typed: string): Problem => ({
    code: "percent-sign",
    th: `${quote(typed)} เป็นร้อยละ — ช่องนี้ให้พิมพ์จำนวนจริง (ไม่ใช่ร้อยละ) ระบบจะคำนวณร้อยละให้เอง`,
    en: `${quote(typed)} is a percentage — type the actual amount here; the percentage is computed for you`,
  }),
  badThousands: (typed: string): Problem => ({
    code: "bad-thousands",
    th: `${quote(typed)} ใส่จุลภาค (,) ผิดตำแหน่ง — จุลภาคต้องคั่นทุกสามหลัก เช่น 1,250,000 หรือไม่ต้องใส่จุลภาคเลยก็ได้ ส่วนทศนิยมให้ใช้จุด (.)`,
    en: `${quote(typed)} has misplaced commas — commas must separate groups of three digits, e.g. 1,250,000, or leave them out; use a point (.) for decimals`,
  }),
  spaceInNumber: (typed: string, joined: string): Problem => ({
    code: "space-in-number",
    th: `${quote(typed)} มีเว้นวรรคอยู่กลางตัวเลข — พิมพ์ตัวเลขติดกัน เช่น ${joined}`,
    en: `${quote(typed)} has a space inside the number — type the digits together, e.g. ${joined}`,
  }),
  tooManyPoints: (typed: string): Problem => ({
    code: "too-many-points",
    th: `${quote(typed)} มีจุดทศนิยมมากกว่าหนึ่งจุด — พิมพ์ตัวเลขที่มีจุดทศนิยมไม่เกินหนึ่งจุด เช่น 12.5`,
    en: `${quote(typed)} has more than one decimal point — type a number with at most one point, e.g. 12.5`,
  }),
  negative: (typed: string): Problem => ({
    code: "negative",
    th: `${quote(typed)} ติดลบ — ค่านี้ต้องเป็น 0 หรือมากกว่า ถ้าไม่ได้ดำเนินการ ให้พิมพ์ - (ขีดอย่างเดียว)`,
    en: `${quote(typed)} is negative — this must be 0 or more; type - alone if the service was not carried out`,
  }),
  notWhole: (typed: string): Problem => ({
    code: "not-whole",
    th: `${quote(typed)} มีทศนิยม — ค่านี้เป็นจำนวนนับ ให้พิมพ์จำนวนเต็ม เช่น 3`,
    en: `${quote(typed)} has decimals — this is a count; type a whole number, e.g. 3`,
  }),
  tooLarge: (typed: string): Problem => ({
    code: "too-large",
    th: `${quote(typed)} มากเกินกว่าจะเป็นไปได้ — ตรวจสอบจำนวนหลักอีกครั้ง`,
    en: `${quote(typed)} is implausibly large — check the number of digits`,
  }),
  notACellNumber: (what: string): Problem => ({
    code: "not-a-cell-number",
    th: `เซลล์นี้มี${what} — พิมพ์ตัวเลขแทน ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -`,
    en: `this cell holds ${what === "วันที่" ? "a date" : "a TRUE/FALSE value"} — type a number instead; type - if not carried out`,
  }),
  notYesNo: (typed: string): Problem => ({
    code: "not-yes-no",
    th: `${quote(typed)} ไม่ใช่คำตอบที่ใช้ได้ — พิมพ์ มี หรือ ไม่มี`,
    en: `${quote(typed)} is not an answer — type มี (yes) or ไม่มี (no)`,
  }),
  servedExceedsBase: (served: number, base: number): Problem => ({
    code: "served-exceeds-base",
    th: `(2) การจัดบริการสาธารณะ (${served}) มากกว่า (1) กรอบการประเมิน (${base}) ไม่ได้ — ตรวจสอบว่ากรอกสลับช่องหรือใช้หน่วยต่างกันหรือไม่ (2) ต้องไม่เกิน (1)`,
    en: `(2) served (${served}) cannot exceed (1) the base (${base}) — check whether the two were swapped or use different units`,
  }),
  baseNotGiven: (): Problem => ({
    code: "base-not-given",
    th: `ช่อง (1) กรอบการประเมิน ต้องเป็นตัวเลข — ถ้า อปท. ไม่มีบริการสาธารณะนี้ ให้พิมพ์ 0 (ไม่ใช่ -)`,
    en: `(1) the base must be a number — type 0 (not -) if the LAO has no such service`,
  }),
  baseMissing: (): Problem => ({
    code: "base-missing",
    th: `ยังไม่ได้กรอกช่อง (1) กรอบการประเมิน — ถ้าไม่มีบริการสาธารณะนี้ ให้พิมพ์ 0`,
    en: `(1) the base is not filled in yet — type 0 if there is no such service`,
  }),
  servedWithoutBase: (): Problem => ({
    code: "served-without-base",
    th: `ช่อง (1) เป็น 0 (ไม่มีบริการสาธารณะ) แต่ช่อง (2) มีค่า — ถ้ามีบริการ ให้กรอก (1) ตามจริง ถ้าไม่มี ให้ลบค่าในช่อง (2)`,
    en: `(1) is 0 (no such service) but (2) has a value — fill in the real base, or clear (2)`,
  }),
  servedMissing: (): Problem => ({
    code: "served-missing",
    th: `ยังไม่ได้กรอกช่อง (2) การจัดบริการสาธารณะ — พิมพ์ตัวเลขที่ดำเนินการได้ หรือพิมพ์ - ถ้าไม่ได้จัดบริการนี้ในปีงบประมาณ (ช่องว่างยังไม่นับว่าไม่ได้ดำเนินการ)`,
    en: `(2) served is not filled in yet — type the figure, or - if the service was not provided in the fiscal year (a blank cell does not count as not done)`,
  }),
  satisfiedNotGiven: (): Problem => ({
    code: "satisfied-not-given",
    th: `ช่อง (2) จำนวนผู้ตอบว่าพอใจ ต้องเป็นตัวเลข — ถ้าไม่มีผู้ตอบว่าพอใจ ให้พิมพ์ 0 ถ้าไม่ได้สำรวจ ให้พิมพ์ 0 ในช่อง (1)`,
    en: `(2) the number satisfied must be a number — type 0 if nobody was satisfied; type 0 in (1) if there was no survey`,
  }),
  unknownIndicator: (id: string, round: string): Problem => ({
    code: "unknown-indicator",
    th: `ไม่มีตัวชี้วัดรหัส ${quote(id)} ในรอบการประเมิน ${round} — ตรวจสอบรหัสตัวชี้วัดอีกครั้ง`,
    en: `there is no indicator ${quote(id)} in round ${round} — check the indicator id`,
  }),
  notForType: (id: string, typeTh: string): Problem => ({
    code: "not-for-type",
    th: `ตัวชี้วัด ${id} ไม่ได้ใช้ประเมิน ${typeTh}`,
    en: `indicator ${id} does not apply to this LAO type (${typeTh})`,
  }),
  notEntered: (id: string, form: string, no: string): Problem => ({
    code: "not-entered",
    th: `ยังไม่ได้กรอกตัวชี้วัด ${id} (แบบ ${form} ข้อ ${no}) — ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -`,
    en: `indicator ${id} (form ${form} no. ${no}) is not filled in — type - if it was not carried out`,
  }),
  missingField: (fieldTh: string, fieldEn: string): Problem => ({
    code: "missing-field",
    th: `ยังไม่ได้กรอก${fieldTh}`,
    en: `${fieldEn} is not filled in`,
  }),
} as const;
