import { STATUSES, toArabicDigits, type Status } from "../../core";
import type { AreaGroup, IndicatorRow } from "./indicatorRows";

/** The list filters: everything, or one result category. */
export type IndicatorFilter = "all" | Status;
export const INDICATOR_FILTERS: readonly IndicatorFilter[] = ["all", ...STATUSES];

function normalise(text: string): string {
  return toArabicDigits(text.normalize("NFC"))
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/**
 * Every word of the query must appear in the id, the short text or the full text. Thai digits
 * match ASCII ones, so "๒๕๖๘-๑" finds 2568-1-01.
 */
export function matchesSearch(row: IndicatorRow, query: string): boolean {
  const words = normalise(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalise(`${row.id} ${row.short} ${row.text}`);
  return words.every((w) => haystack.includes(w));
}

export function matchesFilter(row: IndicatorRow, filter: IndicatorFilter): boolean {
  return filter === "all" || row.status === filter;
}

/** The groups with only the rows that pass the filter and the search; empty groups are left out. */
export function filterGroups(
  groups: readonly AreaGroup[],
  filter: IndicatorFilter,
  query: string,
): AreaGroup[] {
  return groups.flatMap((g) => {
    const rows = g.rows.filter((r) => matchesFilter(r, filter) && matchesSearch(r, query));
    return rows.length > 0 ? [{ ...g, rows }] : [];
  });
}

/** How many rows each filter would show (before the search). */
export function countByFilter(groups: readonly AreaGroup[]): Record<IndicatorFilter, number> {
  const counts = Object.fromEntries(INDICATOR_FILTERS.map((f) => [f, 0])) as Record<IndicatorFilter, number>;
  for (const g of groups) {
    for (const r of g.rows) {
      counts.all += 1;
      counts[r.status] += 1;
    }
  }
  return counts;
}
