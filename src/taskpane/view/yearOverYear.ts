import { compareWithEarlier, TRENDS, type Change, type CompiledRound, type Trend } from "../../core";
import type { LaoHistory, LaoHistoryIndicator } from "../../client";
import type { AreaGroup, IndicatorRow } from "./indicatorRows";

/** One indicator the LAO has an earlier result for: the workbook's result now, the latest earlier one, the change. */
export interface YearOverYearRow {
  readonly row: IndicatorRow;
  readonly earlier: LaoHistoryIndicator["earlier"][number];
  readonly change: Change;
}

export interface YearOverYear {
  /** Indicators of the workbook that continue one of an earlier round. */
  readonly linked: number;
  /** Those the LAO has an earlier result for, in form order. */
  readonly rows: readonly YearOverYearRow[];
  readonly counts: Readonly<Record<Trend, number>>;
}

/**
 * Sets the live workbook's results beside the LAO's latest earlier result of the same indicator.
 * The server's own `current` and `change` describe what was submitted, which may be older than the
 * workbook: they are not used here.
 */
export function compareWithHistory(
  groups: readonly AreaGroup[],
  compiled: CompiledRound,
  history: LaoHistory,
): YearOverYear {
  const earlierById = new Map(history.indicators.map((i) => [i.id, i.earlier]));
  const counts = Object.fromEntries(TRENDS.map((t) => [t, 0])) as Record<Trend, number>;
  const rows: YearOverYearRow[] = [];
  let linked = 0;
  for (const group of groups)
    for (const row of group.rows) {
      const earlierResults = earlierById.get(row.id);
      const indicator = compiled.byId.get(row.id);
      if (!earlierResults || !indicator) continue;
      linked += 1;
      const latest = earlierResults[0];
      if (!latest) continue;
      const now = { status: row.status, ...(row.value !== undefined && { value: row.value }) };
      const change = compareWithEarlier(indicator, now, latest, latest.kind);
      counts[change.trend] += 1;
      rows.push({ row, earlier: latest, change });
    }
  return { linked, rows, counts };
}
