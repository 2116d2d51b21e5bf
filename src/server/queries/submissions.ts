import type { Summary } from "../../core";
import type { Queryable } from "../db/adapter";

/**
 * Submissions: one row per LAO and round (where it stands, with the current version's results in
 * compact form) and every version ever received, never changed.
 */

export interface VersionRow {
  id: number;
  submissionId: number;
  roundId: string;
  laoCode: string;
  instanceId: string;
  version: number;
  replacesId: string | null;
  receiptNumber: string;
  contentHash: string;
  summary: Summary;
  receivedAt: Date;
}

export interface SubmissionRow {
  id: number;
  roundId: string;
  laoCode: string;
  state: "submitted" | "returned";
  version: number;
  currentInstanceId: string;
  currentReceiptNumber: string;
  updatedAt: Date;
}

const VERSION = `v.id, v."submissionId", s."roundId", s."laoCode", v."instanceId", v.version, v."replacesId",
  v."receiptNumber", v."contentHash", v.summary, v."receivedAt"`;

/**
 * Serialises every write for one LAO in one round until the transaction ends: concurrent retries
 * of the same document, and two devices sending versions at once, are decided one after the other.
 * Other LAOs are not held up (no shared row is locked).
 */
export async function lockLaoRound(q: Queryable, roundId: string, laoCode: string): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
    `submission:${roundId}`,
    laoCode,
  ]);
}

export async function versionByInstanceId(q: Queryable, instanceId: string): Promise<VersionRow | undefined> {
  const rows = await q.query<VersionRow>(
    `SELECT ${VERSION} FROM submission_versions v JOIN submissions s ON s.id = v."submissionId"
      WHERE v."instanceId" = $1`,
    [instanceId],
  );
  return rows[0];
}

export async function getSubmission(
  q: Queryable,
  roundId: string,
  laoCode: string,
): Promise<SubmissionRow | undefined> {
  const rows = await q.query<SubmissionRow>(
    `SELECT s.id, s."roundId", s."laoCode", s.state, s.version, v."instanceId" AS "currentInstanceId",
            v."receiptNumber" AS "currentReceiptNumber", s."updatedAt"
       FROM submissions s JOIN submission_versions v ON v."submissionId" = s.id AND v.version = s.version
      WHERE s."roundId" = $1 AND s."laoCode" = $2`,
    [roundId, laoCode],
  );
  return rows[0];
}

export interface NewVersion {
  roundId: string;
  laoCode: string;
  instanceId: string;
  replacesId: string | null;
  receiptNumber: string;
  contentHash: string;
  document: unknown;
  results: unknown;
  summary: Summary;
  statuses: string;
  userId: number;
  tokenId: number | null;
  receivedAt: Date;
}

/** The first version of an LAO's submission for a round: the submission row and version 1 together. */
export async function insertFirstVersion(q: Queryable, v: NewVersion): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `WITH s AS (
       INSERT INTO submissions ("roundId", "laoCode", state, version, statuses, summary, "updatedAt")
       VALUES ($1, $2, 'submitted', 1, $3, $4::jsonb, $12)
       RETURNING id
     )
     INSERT INTO submission_versions ("submissionId", "instanceId", version, "replacesId", "receiptNumber",
       "contentHash", document, results, summary, "userId", "tokenId", "receivedAt")
     SELECT s.id, $5, 1, NULL, $6, $7, $8::jsonb, $9::jsonb, $4::jsonb, $10, $11, $12 FROM s
     RETURNING id`,
    [
      v.roundId,
      v.laoCode,
      v.statuses,
      JSON.stringify(v.summary),
      v.instanceId,
      v.receiptNumber,
      v.contentHash,
      JSON.stringify(v.document),
      JSON.stringify(v.results),
      v.userId,
      v.tokenId,
      v.receivedAt,
    ],
  );
  return rows[0]!.id;
}

/** The next version: it becomes current, and a returned submission is submitted again. */
export async function insertNextVersion(
  q: Queryable,
  submissionId: number,
  version: number,
  v: NewVersion,
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `WITH s AS (
       UPDATE submissions SET state = 'submitted', version = $2, statuses = $3, summary = $4::jsonb, "updatedAt" = $12
        WHERE id = $1 AND version = $2 - 1
       RETURNING id
     )
     INSERT INTO submission_versions ("submissionId", "instanceId", version, "replacesId", "receiptNumber",
       "contentHash", document, results, summary, "userId", "tokenId", "receivedAt")
     SELECT s.id, $5, $2, $13, $6, $7, $8::jsonb, $9::jsonb, $4::jsonb, $10, $11, $12 FROM s
     RETURNING id`,
    [
      submissionId,
      version,
      v.statuses,
      JSON.stringify(v.summary),
      v.instanceId,
      v.receiptNumber,
      v.contentHash,
      JSON.stringify(v.document),
      JSON.stringify(v.results),
      v.userId,
      v.tokenId,
      v.receivedAt,
      v.replacesId,
    ],
  );
  if (!rows[0]) throw new Error(`submission ${submissionId} is not at version ${version - 1}`);
  return rows[0].id;
}

/** Every version of an LAO's submissions, newest first; with documents and results when asked. */
export async function listVersions(
  q: Queryable,
  filter: { laoCode: string; roundId?: string },
  withContent: boolean,
): Promise<Array<VersionRow & { document?: unknown; results?: unknown }>> {
  return q.query(
    `SELECT ${VERSION}${withContent ? ", v.document, v.results" : ""}
       FROM submission_versions v JOIN submissions s ON s.id = v."submissionId"
      WHERE s."laoCode" = $1 AND ($2::text IS NULL OR s."roundId" = $2)
      ORDER BY s."roundId", v.version DESC`,
    [filter.laoCode, filter.roundId ?? null],
  );
}

export async function listSubmissionsOfLao(q: Queryable, laoCode: string): Promise<SubmissionRow[]> {
  return q.query<SubmissionRow>(
    `SELECT s.id, s."roundId", s."laoCode", s.state, s.version, v."instanceId" AS "currentInstanceId",
            v."receiptNumber" AS "currentReceiptNumber", s."updatedAt"
       FROM submissions s JOIN submission_versions v ON v."submissionId" = s.id AND v.version = s.version
      WHERE s."laoCode" = $1 ORDER BY s."roundId"`,
    [laoCode],
  );
}

export interface ReturnRow {
  id: number;
  roundId: string;
  laoCode: string;
  version: number;
  comments: Record<string, string>;
  note: string | null;
  returnedBy: number;
  returnedByName: string;
  returnedAt: Date;
}

export async function insertReturn(
  q: Queryable,
  r: {
    submissionId: number;
    version: number;
    comments: Record<string, string>;
    note: string | null;
    returnedBy: number;
  },
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `WITH s AS (UPDATE submissions SET state = 'returned', "updatedAt" = clock_timestamp()
                 WHERE id = $1 AND version = $2 AND state = 'submitted' RETURNING id)
     INSERT INTO submission_returns ("submissionId", version, comments, note, "returnedBy")
     SELECT s.id, $2, $3::jsonb, $4, $5 FROM s RETURNING id`,
    [r.submissionId, r.version, JSON.stringify(r.comments), r.note, r.returnedBy],
  );
  if (!rows[0]) throw new Error(`submission ${r.submissionId} version ${r.version} cannot be returned`);
  return rows[0].id;
}

export async function listReturns(
  q: Queryable,
  filter: { laoCode: string; roundId?: string },
): Promise<ReturnRow[]> {
  return q.query<ReturnRow>(
    `SELECT r.id, s."roundId", s."laoCode", r.version, r.comments, r.note, r."returnedBy",
            u."displayName" AS "returnedByName", r."returnedAt"
       FROM submission_returns r JOIN submissions s ON s.id = r."submissionId" JOIN users u ON u.id = r."returnedBy"
      WHERE s."laoCode" = $1 AND ($2::text IS NULL OR s."roundId" = $2)
      ORDER BY s."roundId", r.version DESC`,
    [filter.laoCode, filter.roundId ?? null],
  );
}

/** Counts for the tests of "nothing stored": rows in the submission tables. */
export async function countStored(q: Queryable): Promise<{ submissions: number; versions: number }> {
  const rows = await q.query<{ submissions: number; versions: number }>(
    `SELECT (SELECT count(*)::int FROM submissions) AS submissions,
            (SELECT count(*)::int FROM submission_versions) AS versions`,
  );
  return rows[0]!;
}
