import {
  BASIC_NUMBER_KEYS,
  basicPath,
  formatInputPath,
  INPUT_FIELDS,
  PREPARER_KEYS,
  preparerPath,
} from "../rules/inputPath";
import type { SubmissionDocument } from "../rules/submission";

/**
 * What changed between two versions of a submission document, for the preview before sending a
 * new version: every input that was added, cleared or changed, with both contents as typed.
 * Pure data over the documents (no scoring): the pane and the CLI decide how to show it. The
 * client's own `results` are not compared; the server never trusts them.
 */

/** A cell's content as the document holds it; null when the cell is empty. */
export type CellContent = number | string | null;

export interface DocumentChange {
  /** Where in the document: "values.2563-1-01.base", "basic.population", "basic.preparer.name", "lao", … */
  readonly path: string;
  /** The indicator, for a value's change. */
  readonly indicatorId?: string;
  /** "base", "served", "value"; "population", "preparer.name", …; "round" or "lao". */
  readonly field: string;
  /** added: was empty; removed: is now empty; changed: both filled, different. */
  readonly kind: "added" | "removed" | "changed";
  readonly before: CellContent;
  readonly after: CellContent;
}

export interface SubmissionDiff {
  /** Document order: round and LAO, แบบ 1, then indicators by id (numeric parts compared as numbers). */
  readonly changes: readonly DocumentChange[];
  /** Indicators with at least one change, in the same order. */
  readonly indicators: readonly string[];
  /** Something in แบบ 1 (basic data or the preparer) changed. */
  readonly basicChanged: boolean;
  /** There is no earlier version: every filled input counts as added. */
  readonly first: boolean;
  /** Nothing an officer typed differs. */
  readonly unchanged: boolean;
}

/** Empty cells: absent, null, or text of spaces only. */
function content(value: unknown): CellContent {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number") return value;
  return String(value);
}

const byId = (a: string, b: string): number => a.localeCompare(b, "en", { numeric: true });

export function diffSubmissions(
  before: SubmissionDocument | null | undefined,
  after: SubmissionDocument,
): SubmissionDiff {
  const changes: DocumentChange[] = [];
  const compare = (path: string, field: string, was: unknown, now: unknown, indicatorId?: string): void => {
    const a = content(was);
    const b = content(now);
    if (a === b) return;
    changes.push({
      path,
      field,
      ...(indicatorId !== undefined && { indicatorId }),
      kind: a === null ? "added" : b === null ? "removed" : "changed",
      before: a,
      after: b,
    });
  };

  compare("round", "round", before?.round, after.round);
  compare("lao", "lao", before?.lao, after.lao);
  for (const key of BASIC_NUMBER_KEYS) compare(basicPath(key), key, before?.basic?.[key], after.basic?.[key]);
  for (const key of PREPARER_KEYS)
    compare(
      preparerPath(key),
      `preparer.${key}`,
      before?.basic?.preparer?.[key],
      after.basic?.preparer?.[key],
    );
  const basicChanged = changes.some((c) => c.path.startsWith("basic."));

  const ids = [...new Set([...Object.keys(before?.values ?? {}), ...Object.keys(after.values)])].sort(byId);
  const indicators: string[] = [];
  for (const id of ids) {
    const count = changes.length;
    for (const field of INPUT_FIELDS)
      compare(
        formatInputPath({ indicatorId: id, field }),
        field,
        before?.values[id]?.[field],
        after.values[id]?.[field],
        id,
      );
    if (changes.length > count) indicators.push(id);
  }
  return { changes, indicators, basicChanged, first: !before, unchanged: changes.length === 0 };
}

/** How a change is counted and an empty value shown; the English is in src/i18n. */
export interface DiffWords {
  readonly count: (n: number) => string;
  readonly empty: string;
}

/**
 * How a change is counted: the pane's preview and the web app's comparison of versions say the
 * same. Fields are named by core/rules/vocabulary (fieldName), in English by src/i18n (fieldNameEn).
 */
export const DIFF_WORDS: DiffWords = {
  count: (n) => `เปลี่ยน ${n} ช่อง`,
  empty: "(ว่าง)",
};
