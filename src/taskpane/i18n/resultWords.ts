import { STATUSES, type BilingualText, type Status, type StatusCounts } from "../../core";
import { resultShortText } from "../../i18n";
import type { IndicatorFilter } from "../view/indicatorFilter";

/** The result filters' labels: "all", then each result's short label from the core vocabulary. */
export function filterLabels(lang: keyof BilingualText): Readonly<Record<IndicatorFilter, string>> {
  const labels = Object.fromEntries(STATUSES.map((s) => [s, resultShortText(s)[lang]]));
  return { all: lang === "th" ? "ทั้งหมด" : "All", ...labels } as Record<IndicatorFilter, string>;
}

/** The results a screen reader announces, in the order the filters show them. */
const ANNOUNCED: readonly Status[] = ["pass", "below", "not-done", "no-service", "incomplete", "invalid"];

/** "ผ่าน 2 · การพัฒนาในอนาคต 1 · …": how many indicators have each result. */
export function announcedCounts(counts: StatusCounts, lang: keyof BilingualText): string {
  return ANNOUNCED.map((s) => `${resultShortText(s)[lang]} ${counts[s]}`).join(" · ");
}
