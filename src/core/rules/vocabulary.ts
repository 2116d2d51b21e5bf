import type { LaoType } from "./laoTypes";
import type { Round } from "./round";
import type { Status } from "./scoring";

/**
 * The one place where results and the officer's fields are named. Every surface (task pane,
 * workbook, CLI, dashboard, exports, memo) takes its words from here, so a result reads the same
 * wherever an officer meets it. test/vocabulary.test.ts rejects other wordings anywhere else.
 * Core keeps the Thai, the official wording; the English translations are in src/i18n.
 */

/** A text in Thai, which officers read first, and in English. */
export interface BilingualText {
  readonly th: string;
  readonly en: string;
}

/** What a result label depends on: the round's wording of a pass and the fiscal year assessed. */
export type LabelRound = Pick<Round, "passLabel" | "fiscalYear">;

interface ResultWords {
  /**
   * The label as the official printout's ผลการประเมิน column writes it. The printouts never show
   * incomplete, invalid or reported results; for those this is MinStd's own label.
   */
  readonly official: (round: LabelRound) => string;
  /** The one agreed short form, only where the official label cannot fit (filters, counts, narrow heads). */
  readonly short: string;
}

const fixed = (text: string) => () => text;

/** The Thai wording of each result, keyed by its status; src/i18n gives the English beside it. */
export const RESULT_WORDS: Readonly<Record<Status, ResultWords>> = {
  pass: { official: (round) => round.passLabel, short: "ผ่าน" },
  below: { official: fixed("การพัฒนาในอนาคต"), short: "การพัฒนาในอนาคต" },
  "no-service": { official: fixed("ไม่มีบริการสาธารณะ"), short: "ไม่มีบริการสาธารณะ" },
  "not-done": {
    official: (round) => `ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. ${round.fiscalYear}`,
    short: "ไม่ได้ดำเนินการ",
  },
  incomplete: { official: fixed("ยังไม่ได้กรอกข้อมูล"), short: "ยังไม่กรอก" },
  invalid: { official: fixed("ข้อมูลไม่ถูกต้อง"), short: "ข้อมูลไม่ถูกต้อง" },
  reported: { official: fixed("รายงานผล (ไม่มีค่าเป้าหมาย)"), short: "รายงานผล" },
};

/** The official label of a result (Thai). */
export function resultLabel(status: Status, round: LabelRound): string {
  return RESULT_WORDS[status].official(round);
}

/** The agreed short form of a result's label (Thai). */
export function resultShortLabel(status: Status): string {
  return RESULT_WORDS[status].short;
}

/**
 * How the pass rate is counted, in the short labels: ผ่าน ÷ (ผ่าน + การพัฒนาในอนาคต + ไม่ได้ดำเนินการ).
 * No service, unfinished and invalid results are left out.
 */
export const PASS_RATE_RULE: string = (() => {
  const s = resultShortLabel;
  return `ร้อยละที่ผ่าน = ${s("pass")} ÷ (${s("pass")} + ${s("below")} + ${s("not-done")}) ไม่นับตัวชี้วัดที่${s("no-service")} ${s("incomplete")} หรือ${s("invalid")}`;
})();

/** The fields of แบบ 1 and of an indicator, as the collection workbook names them; their English is in src/i18n. */
export const FIELD_NAMES = {
  form1: "แบบ 1",
  base: "(1) กรอบการประเมิน",
  served: "(2) การจัดบริการสาธารณะ",
  value: "ข้อมูล",
  population: "จำนวนประชากร",
  households: "จำนวนครัวเรือน",
  budget: "งบประมาณรายจ่ายประจำปี",
  "preparer.name": "ชื่อผู้จัดเก็บข้อมูล",
  "preparer.position": "ตำแหน่งผู้จัดเก็บข้อมูล",
  "preparer.phone": "เบอร์โทรศัพท์ผู้จัดเก็บข้อมูล",
} as const satisfies Readonly<Record<string, string>>;

/** A field named the same for every LAO type. */
export type NamedField = keyof typeof FIELD_NAMES;

/** แบบ 1's count of villages or communities: its name, and the unit the workbook's label adds. */
export interface VillagesField {
  readonly th: string;
  readonly unit?: string;
}

/**
 * The count of แบบ 1 that depends on the LAO type: an อบต. counts its villages (หมู่บ้าน), a
 * municipality its communities (ชุมชน), an อบจ. both.
 */
export function villagesField(type: LaoType): VillagesField {
  switch (type) {
    case "sao":
      return { th: "จำนวนหมู่บ้าน", unit: "หมู่บ้าน" };
    case "pao":
      return { th: "จำนวนหมู่บ้าน/ชุมชน" };
    default:
      return { th: "จำนวนชุมชน", unit: "ชุมชน" };
  }
}

export type FieldKey = NamedField | "villages";

/** A field's name for an LAO of this type; undefined for a key that is not a field. */
export function fieldName(field: FieldKey, type: LaoType): string;
export function fieldName(field: string, type: LaoType): string | undefined;
export function fieldName(field: string, type: LaoType): string | undefined {
  if (field === "villages") return villagesField(type).th;
  return Object.hasOwn(FIELD_NAMES, field) ? FIELD_NAMES[field as NamedField] : undefined;
}

/** "จำนวนประชากร (แบบ 1)": a field of แบบ 1 as a problem names it. */
export function form1FieldName(field: FieldKey, type: LaoType): string {
  return `${fieldName(field, type)} (${FIELD_NAMES.form1})`;
}

/** The one-line texts people type (core/rules/lineText.ts), as the messages about them name them. */
export const LINE_TEXT_NAMES = {
  "user-name": "ชื่อผู้ใช้",
} as const satisfies Readonly<Record<string, string>>;
export type LineTextName = keyof typeof LINE_TEXT_NAMES;
