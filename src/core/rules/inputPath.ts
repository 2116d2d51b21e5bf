import type { InputField } from "./scoring";

/**
 * Where a typed value sits in the submission document, as a path every part names problems and
 * cells by: "values.2563-1-01.served", "values.2563-1-01" (the whole indicator), "basic.population",
 * "basic.preparer.phone", and "notes.<id>" for a หมายเหตุ the workbook keeps outside the document.
 * Paths are built and read here only.
 */

export const INPUT_FIELDS = ["base", "served", "value"] as const satisfies readonly InputField[];

export const BASIC_NUMBER_KEYS = ["population", "households", "villages", "budget"] as const;
export type BasicNumberKey = (typeof BASIC_NUMBER_KEYS)[number];
export const PREPARER_KEYS = ["name", "position", "phone"] as const;
export type PreparerKey = (typeof PREPARER_KEYS)[number];

/** An indicator's input, or the indicator as a whole when `field` is absent. */
export interface IndicatorInputPath {
  readonly indicatorId: string;
  readonly field?: InputField;
}

export type DocumentPath =
  | ({ readonly kind: "values" } & IndicatorInputPath)
  | { readonly kind: "basic"; readonly key: BasicNumberKey }
  | { readonly kind: "preparer"; readonly key: PreparerKey }
  | { readonly kind: "notes"; readonly indicatorId: string };

const VALUES = "values.";
const PREPARER = "basic.preparer.";
const BASIC = "basic.";
const NOTES = "notes.";

export function formatInputPath(at: IndicatorInputPath): string {
  return `${VALUES}${at.indicatorId}${at.field ? `.${at.field}` : ""}`;
}

export function basicPath(key: BasicNumberKey): string {
  return `${BASIC}${key}`;
}

export function preparerPath(key: PreparerKey): string {
  return `${PREPARER}${key}`;
}

export function notePath(indicatorId: string): string {
  return `${NOTES}${indicatorId}`;
}

const isOneOf = <T extends string>(list: readonly T[], s: string): s is T =>
  (list as readonly string[]).includes(s);

/** "values.<id>[.<field>]" → its parts; anything else → undefined. Ids may hold dots: the field is the last part. */
export function parseInputPath(path: string): IndicatorInputPath | undefined {
  if (!path.startsWith(VALUES)) return undefined;
  const rest = path.slice(VALUES.length);
  const dot = rest.lastIndexOf(".");
  const last = dot < 0 ? "" : rest.slice(dot + 1);
  if (isOneOf(INPUT_FIELDS, last)) {
    const indicatorId = rest.slice(0, dot);
    return indicatorId ? { indicatorId, field: last } : undefined;
  }
  return rest ? { indicatorId: rest } : undefined;
}

/** Any path of a typed value (see the top of this file); undefined for "lao", "round", "" and anything unknown. */
export function parseDocumentPath(path: string): DocumentPath | undefined {
  const input = parseInputPath(path);
  if (input) return { kind: "values", ...input };
  if (path.startsWith(PREPARER)) {
    const key = path.slice(PREPARER.length);
    return isOneOf(PREPARER_KEYS, key) ? { kind: "preparer", key } : undefined;
  }
  if (path.startsWith(BASIC)) {
    const key = path.slice(BASIC.length);
    return isOneOf(BASIC_NUMBER_KEYS, key) ? { kind: "basic", key } : undefined;
  }
  if (path.startsWith(NOTES) && path.length > NOTES.length)
    return { kind: "notes", indicatorId: path.slice(NOTES.length) };
  return undefined;
}
