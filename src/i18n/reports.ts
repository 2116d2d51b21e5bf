import type { Progress } from "../core/reports/progress";
import type { DiffWords } from "../core/reports/submissionDiff";
import { trendLabel, type Trend, type TrendWords } from "../core/reports/yearOverYear";

/** The English of each LAO's progress (core's PROGRESS_TH). */
export const PROGRESS_EN: Readonly<Record<Progress, string>> = {
  "not-started": "Not started",
  submitted: "Submitted",
  returned: "Returned for correction",
  late: "Late (window closed, not submitted)",
};

/** The English of each trend (core's TREND_WORDS). */
export const TREND_WORDS_EN: TrendWords = {
  better: "better",
  worse: "worse",
  same: "unchanged",
  "not-comparable": "not comparable",
};

/** "better +1.50": core's trendLabel with the English words. */
export function trendLabelEn(trend: Trend, delta: string | null): string {
  return trendLabel(trend, delta, TREND_WORDS_EN);
}

/** The English of core's DIFF_WORDS. */
export const DIFF_WORDS_EN: DiffWords = {
  count: (n) => `${n} cell${n === 1 ? "" : "s"} changed`,
  empty: "(empty)",
};
