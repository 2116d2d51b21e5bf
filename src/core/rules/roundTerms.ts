/**
 * The words of the round schema (src/core/round.ts) that code uses without checking a round: the
 * kinds, comparisons and labels, the error a round check throws. Kept apart from the schema so that
 * what only reads rounds (the task pane, the MINSTD.* functions) does not carry the schema library.
 */

import type { Problem } from "./problems";

export const ROUND_SCHEMA_VERSION = 1;

export { LAO_TYPE_SLOT } from "./laoTypes";

export const INDICATOR_KINDS = ["ratio", "count", "yesno", "satisfaction"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const COMPARISONS = [">=", "<="] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const PASS_LABELS = ["ผ่านค่าเป้าหมายขั้นต่ำ", "สูงกว่าค่าเป้าหมาย"] as const;
export type PassLabel = (typeof PASS_LABELS)[number];

export const TRAILING_ZEROS = ["drop", "keep"] as const;

/** Renders a zod issue path such as areas.0.missions.1.indicators.2.targets as readable text. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p + 1}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
}

/** One thing wrong with a round: where, in Thai, and the problem it is when it is one of core's. */
export interface RoundIssue {
  readonly path: string;
  readonly message: string;
  readonly problem?: Problem;
}

/** How a refused round is announced before its issues. */
export const ROUND_INVALID_TH = "รอบการประเมินไม่ถูกต้อง";

/** A round the round schema refused; src/i18n's roundErrorText says it in both languages. */
export class RoundError extends Error {
  constructor(readonly issues: readonly RoundIssue[]) {
    super(`${ROUND_INVALID_TH}:\n${issues.map((i) => `- ${i.path}: ${i.message}`).join("\n")}`);
    this.name = "RoundError";
  }
}
