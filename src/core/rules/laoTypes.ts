/** The six kinds of local government (ประเภท อปท.) covered by the assessment. */
export const LAO_TYPES = ["pao", "city", "town", "subdistrict", "sao", "pattaya"] as const;
export type LaoType = (typeof LAO_TYPES)[number];

/**
 * The token in an indicator text that is replaced by the LAO type, e.g. "อบต." or "เทศบาล". Kept
 * here rather than with the round schema, so code that only words indicators does not load zod.
 */
export const LAO_TYPE_SLOT = "{lao_type}";

/**
 * The position of a type in LAO_TYPES, for per-type arrays on hot paths (a switch beats a keyed
 * lookup). Cases run from the most common type (5,300 อบต.) to the rarest.
 */
export function laoTypeIndex(type: LaoType): number {
  switch (type) {
    case "sao":
      return 4;
    case "subdistrict":
      return 3;
    case "town":
      return 2;
    case "pao":
      return 0;
    case "city":
      return 1;
    case "pattaya":
      return 5;
  }
}

/** A type's Thai names; its English name is in src/i18n. */
export interface LaoTypeInfo {
  /** The label used by the DLA register and on the official forms, e.g. "อบต.". */
  readonly th: string;
  /** The full Thai name, e.g. "องค์การบริหารส่วนตำบล". */
  readonly full: string;
  /** What the official indicator texts put in the LAO-type slot, e.g. "อบต." or "เทศบาล". */
  readonly inText: string;
  /** Prefix of the official form names, e.g. "แบบ อบต." → "แบบ อบต. 2-1". */
  readonly form: string;
}

export const LAO_TYPE_INFO: Readonly<Record<LaoType, LaoTypeInfo>> = {
  pao: {
    th: "อบจ.",
    full: "องค์การบริหารส่วนจังหวัด",
    inText: "อบจ.",
    form: "แบบ อบจ.",
  },
  city: { th: "เทศบาลนคร", full: "เทศบาลนคร", inText: "เทศบาล", form: "แบบเทศบาล" },
  town: {
    th: "เทศบาลเมือง",
    full: "เทศบาลเมือง",
    inText: "เทศบาล",
    form: "แบบเทศบาล",
  },
  subdistrict: {
    th: "เทศบาลตำบล",
    full: "เทศบาลตำบล",
    inText: "เทศบาล",
    form: "แบบเทศบาล",
  },
  sao: {
    th: "อบต.",
    full: "องค์การบริหารส่วนตำบล",
    inText: "อบต.",
    form: "แบบ อบต.",
  },
  pattaya: { th: "เมืองพัทยา", full: "เมืองพัทยา", inText: "เมืองพัทยา", form: "แบบเมืองพัทยา" },
};

/** Every spelling an officer or a file may use for a type, normalised (no spaces, no dots, lower case). */
const ALIASES: ReadonlyArray<readonly [LaoType, readonly string[]]> = [
  ["pao", ["pao", "อบจ", "องค์การบริหารส่วนจังหวัด", "provincialadministrativeorganization"]],
  ["city", ["city", "เทศบาลนคร", "ทน", "citymunicipality"]],
  ["town", ["town", "เทศบาลเมือง", "ทม", "townmunicipality"]],
  ["subdistrict", ["subdistrict", "เทศบาลตำบล", "ทต", "subdistrictmunicipality"]],
  ["sao", ["sao", "อบต", "องค์การบริหารส่วนตำบล", "subdistrictadministrativeorganization"]],
  ["pattaya", ["pattaya", "เมืองพัทยา", "pattayacity"]],
];

const ALIAS_INDEX: ReadonlyMap<string, LaoType> = new Map(
  ALIASES.flatMap(([type, names]) => names.map((name) => [name, type] as const)),
);

function normaliseTypeName(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s.\u200b]/g, "")
    .toLowerCase();
}

/** Reads a LAO type from its ASCII key or any Thai or English name ("อบต.", "เทศบาลตำบล", "ทต.", "sao"). */
export function parseLaoType(text: string): LaoType | undefined {
  return ALIAS_INDEX.get(normaliseTypeName(text));
}

export function isLaoType(value: unknown): value is LaoType {
  return typeof value === "string" && (LAO_TYPES as readonly string[]).includes(value);
}

/** The Thai name an officer reads, e.g. "องค์การบริหารส่วนตำบลคลองท่อมเหนือ". */
export function laoDisplayName(type: LaoType, name: string): string {
  const prefix = LAO_TYPE_INFO[type].full;
  return name.startsWith(prefix) ? name : `${prefix}${name}`;
}
