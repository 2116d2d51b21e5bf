import type { CompletenessRow } from "../../api";
import type { LaoType, SummaryPart } from "../../core";
import type { Queryable } from "../db/adapter";

/** Reads for the province and national dashboards and the exports. Every LAO of the register counts. */

/** The API's row, as the query gives it. */
export type { CompletenessRow };

/** Per province: LAOs of the round's types in the register, and how many submitted, were returned, or not started. */
export async function completenessByProvince(
  q: Queryable,
  roundId: string,
  laoTypes: readonly LaoType[],
  provinceCode: string | undefined,
): Promise<CompletenessRow[]> {
  return q.query<CompletenessRow>(
    `SELECT l."provinceCode", min(l."provinceTh") AS "provinceTh", min(l."provinceEn") AS "provinceEn",
            count(*)::int AS registered,
            count(*) FILTER (WHERE s.state = 'submitted')::int AS submitted,
            count(*) FILTER (WHERE s.state = 'returned')::int AS returned,
            count(*) FILTER (WHERE s.id IS NULL)::int AS "notStarted"
       FROM laos l LEFT JOIN submissions s ON s."laoCode" = l.code AND s."roundId" = $1
      WHERE l.type = ANY($2::text[]) AND ($3::text IS NULL OR l."provinceCode" = $3)
      GROUP BY l."provinceCode" ORDER BY l."provinceCode"`,
    [roundId, [...laoTypes], provinceCode ?? null],
  );
}

/**
 * A stamp of the data the national tables are computed from: the round's submissions and the LAO
 * register, each as its number of rows and a sum of a 64-bit hash of each row's xmin (the
 * transaction that wrote that version of the row). Every insert, update or delete of one of those
 * rows changes it, whichever server process or tool made it, so an answer kept with the stamp it was
 * computed under is still right while the stamp is the same. Read it before the data: an answer
 * computed from newer data than its stamp is only recomputed once more, never served stale.
 */
export async function nationalDataStamp(q: Queryable, roundId: string): Promise<string> {
  const rows = await q.query<{ stamp: string }>(
    `SELECT concat_ws(':',
       (SELECT concat_ws(':', count(*), coalesce(sum(hashint8extended(xmin::text::bigint, 0)), 0))
          FROM submissions WHERE "roundId" = $1),
       (SELECT concat_ws(':', count(*), coalesce(sum(hashint8extended(xmin::text::bigint, 0)), 0))
          FROM laos)) AS stamp`,
    [roundId],
  );
  return rows[0]!.stamp;
}

export interface LaoStatusRow {
  code: string;
  type: LaoType;
  name: string;
  provinceCode: string;
  provinceTh: string;
  districtCode: string;
  districtTh: string;
  state: "submitted" | "returned" | null;
  version: number | null;
  updatedAt: Date | null;
  /** The current version's counts and pass rate over the whole round. */
  overall: SummaryPart | null;
  statuses: string | null;
}

/** Every LAO of the round's types (in a province, or all), with its submission if there is one. */
export async function laoStatuses(
  q: Queryable,
  roundId: string,
  laoTypes: readonly LaoType[],
  filter: { provinceCode?: string; type?: LaoType },
  withResults: boolean,
): Promise<LaoStatusRow[]> {
  return q.query<LaoStatusRow>(
    `SELECT l.code, l.type, l.name, l."provinceCode", l."provinceTh", l."districtCode", l."districtTh",
            s.state, s.version, s."updatedAt", ${withResults ? "s.overall, s.statuses" : "NULL AS overall, NULL AS statuses"}
       FROM laos l LEFT JOIN submissions s ON s."laoCode" = l.code AND s."roundId" = $1
      WHERE l.type = ANY($2::text[]) AND ($3::text IS NULL OR l."provinceCode" = $3)
        AND ($4::text IS NULL OR l.type = $4)
      ORDER BY l."provinceCode", l."districtCode", l.type, l.code`,
    [roundId, [...laoTypes], filter.provinceCode ?? null, filter.type ?? null],
  );
}

export interface CurrentResultRow {
  type: LaoType;
  provinceCode: string;
  provinceTh: string;
  statuses: string;
}

/** The compact results of every current version (one letter per indicator), for the results dashboard. */
export async function currentResults(
  q: Queryable,
  roundId: string,
  filter: { provinceCode?: string; type?: LaoType },
): Promise<CurrentResultRow[]> {
  return q.query<CurrentResultRow>(
    `SELECT l.type, l."provinceCode", l."provinceTh", s.statuses
       FROM submissions s JOIN laos l ON l.code = s."laoCode"
      WHERE s."roundId" = $1 AND ($2::text IS NULL OR l."provinceCode" = $2) AND ($3::text IS NULL OR l.type = $3)`,
    [roundId, filter.provinceCode ?? null, filter.type ?? null],
  );
}

export interface LaoProgressRow extends LaoStatusRow {
  /** When the current version was received. */
  submittedAt: Date | null;
  /** The LAO's own extension of the window, if granted ("YYYY-MM-DD"). */
  extensionCloses: string | null;
}

/**
 * Every LAO of the round's types (in a province, or all) with its submission, the current version's
 * receipt time and its extension: what the province view lists. One row per LAO.
 */
export async function laoProgressRows(
  q: Queryable,
  roundId: string,
  laoTypes: readonly LaoType[],
  filter: { provinceCode?: string; type?: LaoType },
): Promise<LaoProgressRow[]> {
  return q.query<LaoProgressRow>(
    `SELECT l.code, l.type, l.name, l."provinceCode", l."provinceTh", l."districtCode", l."districtTh",
            s.state, s.version, s."updatedAt", s.overall, s.statuses, v."receivedAt" AS "submittedAt",
            e.closes AS "extensionCloses"
       FROM laos l
       LEFT JOIN submissions s ON s."laoCode" = l.code AND s."roundId" = $1
       LEFT JOIN submission_versions v ON v."submissionId" = s.id AND v.version = s.version
       LEFT JOIN window_extensions e ON e."roundId" = $1 AND e."laoCode" = l.code
      WHERE l.type = ANY($2::text[]) AND ($3::text IS NULL OR l."provinceCode" = $3)
        AND ($4::text IS NULL OR l.type = $4)
      ORDER BY l."provinceCode", l."districtCode", l.type, l.code`,
    [roundId, [...laoTypes], filter.provinceCode ?? null, filter.type ?? null],
  );
}

export interface EarlierResultRow {
  roundId: string;
  version: number;
  state: "submitted" | "returned";
  receivedAt: Date;
  /** Indicator id → stored result, only the indicators asked for. */
  results: Record<string, { status: string; value?: number } | null>;
}

/** An LAO's current results in earlier rounds, limited to the indicators asked for. */
export async function earlierResults(
  q: Queryable,
  laoCode: string,
  wanted: ReadonlyArray<{ roundId: string; indicatorId: string }>,
): Promise<EarlierResultRow[]> {
  if (wanted.length === 0) return [];
  return q.query<EarlierResultRow>(
    `SELECT s."roundId", s.version, s.state, v."receivedAt",
            (SELECT jsonb_object_agg(w.i, v.results -> w.i) FROM unnest($2::text[], $3::text[]) AS w(r, i)
              WHERE w.r = s."roundId") AS results
       FROM submissions s JOIN submission_versions v ON v."submissionId" = s.id AND v.version = s.version
      WHERE s."laoCode" = $1 AND s."roundId" = ANY($2::text[])`,
    [laoCode, wanted.map((w) => w.roundId), wanted.map((w) => w.indicatorId)],
  );
}
