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

/** The fields of แบบ 1 and of an indicator, as the collection workbook names them. */
export const FIELD_NAMES = {
  form1: { th: "แบบ 1", en: "form 1" },
  base: { th: "(1) กรอบการประเมิน", en: "(1) assessment base" },
  served: { th: "(2) การจัดบริการสาธารณะ", en: "(2) public service provided" },
  value: { th: "ข้อมูล", en: "value" },
  population: { th: "จำนวนประชากร", en: "population" },
  households: { th: "จำนวนครัวเรือน", en: "households" },
  budget: { th: "งบประมาณรายจ่ายประจำปี", en: "annual budget" },
  "preparer.name": { th: "ชื่อผู้จัดเก็บข้อมูล", en: "preparer's name" },
  "preparer.position": { th: "ตำแหน่งผู้จัดเก็บข้อมูล", en: "preparer's position" },
  "preparer.phone": { th: "เบอร์โทรศัพท์ผู้จัดเก็บข้อมูล", en: "preparer's phone" },
} as const satisfies Readonly<Record<string, BilingualText>>;

/**
 * The count of แบบ 1 that depends on the LAO type: an อบต. counts its villages (หมู่บ้าน), a
 * municipality its communities (ชุมชน), an อบจ. both. `unit` is what the workbook's label adds.
 */
export function villagesField(type: LaoType): BilingualText & { readonly unit?: string } {
  switch (type) {
    case "sao":
      return { th: "จำนวนหมู่บ้าน", en: "villages", unit: "หมู่บ้าน" };
    case "pao":
      return { th: "จำนวนหมู่บ้าน/ชุมชน", en: "villages and communities" };
    default:
      return { th: "จำนวนชุมชน", en: "communities", unit: "ชุมชน" };
  }
}

export type FieldKey = keyof typeof FIELD_NAMES | "villages";

/** A field's name for an LAO of this type; undefined for a key that is not a field. */
export function fieldName(field: string, type: LaoType): BilingualText | undefined {
  if (field === "villages") return villagesField(type);
  return Object.hasOwn(FIELD_NAMES, field) ? FIELD_NAMES[field as keyof typeof FIELD_NAMES] : undefined;
}
