import type { LaoType } from "../rules/laoTypes";
import { normaliseQuery, stripTypePrefix } from "../rules/register";
import { windowState, type SubmissionWindow } from "../calendar/submissionWindow";

/**
 * Where an LAO stands in a round, as the province office follows it: not started, submitted,
 * returned for correction, or late: its window (the round's, or its own extension) has closed and
 * nothing was submitted.
 */
export const PROGRESS = ["not-started", "submitted", "returned", "late"] as const;
export type Progress = (typeof PROGRESS)[number];

export function laoProgress(
  state: "submitted" | "returned" | null,
  window: SubmissionWindow,
  now: Date,
): Progress {
  if (state !== null) return state;
  return windowState(window, now) === "closed" ? "late" : "not-started";
}

/** How each state is named to officers (the English is in src/i18n). */
export const PROGRESS_TH: Readonly<Record<Progress, string>> = {
  "not-started": "ยังไม่ส่ง",
  submitted: "ส่งแล้ว",
  returned: "ส่งกลับให้แก้ไข",
  late: "เลยกำหนด ยังไม่ส่ง",
};

/** The filters of the dashboards' LAO lists; the exports apply the same ones, so a file holds what is on screen. */
export interface LaoListFilter {
  readonly progress?: readonly Progress[];
  readonly type?: LaoType;
  /** The 4-digit district (amphoe) code. */
  readonly district?: string;
  /** Words that must all match the LAO's code, name or district. */
  readonly search?: string;
}

export interface LaoListRow {
  readonly code: string;
  readonly type: LaoType;
  readonly name: string;
  readonly districtCode: string;
  readonly districtTh: string;
  readonly progress: Progress;
}

/** A predicate for the rows that pass every filter given; build it once per list. */
export function laoListMatcher(filter: LaoListFilter): (row: LaoListRow) => boolean {
  const progress = filter.progress && filter.progress.length > 0 ? new Set(filter.progress) : undefined;
  const words = (filter.search ?? "")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => stripTypePrefix(normaliseQuery(w)));
  return (row) => {
    if (progress && !progress.has(row.progress)) return false;
    if (filter.type && row.type !== filter.type) return false;
    if (filter.district && row.districtCode !== filter.district) return false;
    if (words.length === 0) return true;
    const name = normaliseQuery(row.name);
    const district = normaliseQuery(row.districtTh);
    return words.every((w) => row.code.startsWith(w) || name.includes(w) || district.includes(w));
  };
}
