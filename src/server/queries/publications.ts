import type { Lao, PublicReason, SubmissionDocument, SummaryPart } from "../../core";
import type { Queryable } from "../db/adapter";

/**
 * What is public. An LAO's results for a round are public when its submission is "submitted" (a
 * version returned for correction is not public until the corrected one arrives) and either the
 * LAO's own window (the round's, or its extension's if later) has closed, or the LAO published
 * them early. The current version is the one shown. Nothing here reads a person's name, phone,
 * device or account.
 */

export interface PublicationRow {
  roundId: string;
  laoCode: string;
  publishedAt: Date;
}

/** Publishes an LAO's results for a round (again: keeps the first time). */
export async function insertPublication(
  q: Queryable,
  p: { roundId: string; laoCode: string; publishedBy: number; publishedAt: Date },
): Promise<PublicationRow> {
  const rows = await q.query<PublicationRow>(
    `INSERT INTO publications ("roundId", "laoCode", "publishedBy", "publishedAt") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("roundId", "laoCode") DO UPDATE SET "roundId" = EXCLUDED."roundId"
     RETURNING "roundId", "laoCode", "publishedAt"`,
    [p.roundId, p.laoCode, p.publishedBy, p.publishedAt],
  );
  return rows[0]!;
}

export async function deletePublication(q: Queryable, roundId: string, laoCode: string): Promise<boolean> {
  const rows = await q.query(
    `DELETE FROM publications WHERE "roundId" = $1 AND "laoCode" = $2 RETURNING "laoCode"`,
    [roundId, laoCode],
  );
  return rows.length > 0;
}

export async function getPublication(
  q: Queryable,
  roundId: string,
  laoCode: string,
): Promise<PublicationRow | undefined> {
  const rows = await q.query<PublicationRow>(
    `SELECT "roundId", "laoCode", "publishedAt" FROM publications WHERE "roundId" = $1 AND "laoCode" = $2`,
    [roundId, laoCode],
  );
  return rows[0];
}

export interface PublicResultRow extends Lao {
  version: number;
  receiptNumber: string;
  receivedAt: Date;
  reason: PublicReason;
  overall: SummaryPart;
  statuses: string;
}

const PUBLIC_ROWS = `
  SELECT l.code, l.type, l.name, l."provinceCode", l."provinceTh", l."provinceEn", l."districtCode", l."districtTh",
         s.version, v."receiptNumber", v."receivedAt", s.overall, s.statuses,
         CASE WHEN greatest(r.closes, e.closes) < $2::date THEN 'window-closed' ELSE 'published' END AS reason
    FROM submissions s
    JOIN rounds r ON r.id = s."roundId"
    JOIN laos l ON l.code = s."laoCode"
    JOIN submission_versions v ON v."submissionId" = s.id AND v.version = s.version
    LEFT JOIN window_extensions e ON e."roundId" = s."roundId" AND e."laoCode" = s."laoCode"
    LEFT JOIN publications p ON p."roundId" = s."roundId" AND p."laoCode" = s."laoCode"
   WHERE s."roundId" = $1 AND s.state = 'submitted'
     AND (greatest(r.closes, e.closes) < $2::date OR p."laoCode" IS NOT NULL)`;

/**
 * The public results of a round (all, one province's, or one LAO's), ordered by province, district,
 * type and code. `today` is the calendar day in Thai time ("YYYY-MM-DD"): a window has closed when
 * its last day is before today.
 */
export async function publicResults(
  q: Queryable,
  roundId: string,
  today: string,
  filter: { provinceCode?: string; laoCode?: string } = {},
): Promise<PublicResultRow[]> {
  return q.query<PublicResultRow>(
    `${PUBLIC_ROWS}
       AND ($3::text IS NULL OR l."provinceCode" = $3) AND ($4::text IS NULL OR l.code = $4)
     ORDER BY l."provinceCode", l."districtCode", l.type, l.code`,
    [roundId, today, filter.provinceCode ?? null, filter.laoCode ?? null],
  );
}

/** One LAO's public result with the document of its current version; undefined when not public. */
export async function publicDocument(
  q: Queryable,
  roundId: string,
  laoCode: string,
  today: string,
): Promise<(PublicResultRow & { document: SubmissionDocument }) | undefined> {
  const rows = await q.query<PublicResultRow & { document: SubmissionDocument }>(
    `SELECT pub.*, v.document
       FROM (${PUBLIC_ROWS} AND l.code = $3) pub
       JOIN submissions s ON s."roundId" = $1 AND s."laoCode" = pub.code
       JOIN submission_versions v ON v."submissionId" = s.id AND v.version = s.version`,
    [roundId, today, laoCode],
  );
  return rows[0];
}
