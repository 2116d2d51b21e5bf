import { STATUSES, type Status } from "./scoring";

export type StatusCounts = Record<Status, number>;

export interface SummaryPart {
  /** Results counted, one per indicator. */
  readonly total: number;
  readonly counts: StatusCounts;
  /** Indicators with a result that counts: pass, below and not-done (no-service is left out). */
  readonly assessed: number;
  /** pass ÷ assessed, from 0 to 1; null when nothing is assessed yet. */
  readonly passRate: number | null;
  /** No indicator is incomplete or invalid. */
  readonly complete: boolean;
}

export interface AreaSummary extends SummaryPart {
  readonly areaId: string;
  readonly title: string;
}

export interface Summary {
  readonly overall: SummaryPart;
  readonly areas: readonly AreaSummary[];
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function summarizeCounts(counts: StatusCounts): SummaryPart {
  const total = STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const assessed = counts.pass + counts.below + counts["not-done"];
  return {
    total,
    counts,
    assessed,
    passRate: assessed === 0 ? null : counts.pass / assessed,
    complete: counts.incomplete === 0 && counts.invalid === 0,
  };
}

/**
 * Counts per result category for each area and for the round. The pass rate leaves out
 * "ไม่มีบริการสาธารณะ" (not applicable) and anything not yet scored.
 */
export function summarize(
  results: Iterable<{ readonly status: Status; readonly areaId: string }>,
  areas: ReadonlyArray<{ readonly id: string; readonly title: string }>,
): Summary {
  const perArea = new Map(areas.map((a) => [a.id, emptyCounts()]));
  const overall = emptyCounts();
  for (const r of results) {
    overall[r.status] += 1;
    const counts = perArea.get(r.areaId);
    if (counts) counts[r.status] += 1;
  }
  return {
    overall: summarizeCounts(overall),
    areas: areas.map((a) => ({ areaId: a.id, title: a.title, ...summarizeCounts(perArea.get(a.id)!) })),
  };
}
