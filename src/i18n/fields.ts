import type { LaoType } from "../core/rules/laoTypes";
import {
  fieldName,
  type BilingualText,
  type FieldKey,
  type LineTextName,
  type NamedField,
} from "../core/rules/vocabulary";

/** The English of each field core names in FIELD_NAMES: a field without one fails the build. */
export const FIELD_NAMES_EN: Readonly<Record<NamedField, string>> = {
  form1: "form 1",
  base: "(1) assessment base",
  served: "(2) public service provided",
  value: "value",
  population: "population",
  households: "households",
  budget: "annual budget",
  "preparer.name": "preparer's name",
  "preparer.position": "preparer's position",
  "preparer.phone": "preparer's phone",
};

/** The English of แบบ 1's count of villages or communities (core's villagesField), by LAO type. */
export const VILLAGES_FIELD_EN: Readonly<Record<LaoType, string>> = {
  pao: "villages and communities",
  city: "communities",
  town: "communities",
  subdistrict: "communities",
  sao: "villages",
  pattaya: "communities",
};

/** A field's English name for an LAO of this type; undefined for a key that is not a field. */
export function fieldNameEn(field: FieldKey, type: LaoType): string;
export function fieldNameEn(field: string, type: LaoType): string | undefined;
export function fieldNameEn(field: string, type: LaoType): string | undefined {
  if (field === "villages") return VILLAGES_FIELD_EN[type];
  return Object.hasOwn(FIELD_NAMES_EN, field) ? FIELD_NAMES_EN[field as NamedField] : undefined;
}

/** A field's name in Thai (core's) and English; undefined for a key that is not a field. */
export function fieldText(field: string, type: LaoType): BilingualText | undefined {
  const th = fieldName(field, type);
  const en = fieldNameEn(field, type);
  return th === undefined || en === undefined ? undefined : { th, en };
}

/** "population (form 1)": a field of แบบ 1 as a problem names it (core's form1FieldName). */
export function form1FieldNameEn(field: FieldKey, type: LaoType): string {
  return `${fieldNameEn(field, type)} (${FIELD_NAMES_EN.form1})`;
}

/** The English of each one-line text people type (core's LINE_TEXT_NAMES). */
export const LINE_TEXT_NAMES_EN: Readonly<Record<LineTextName, string>> = {
  "user-name": "user's name",
};
