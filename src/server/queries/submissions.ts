import { createHash } from "node:crypto";
import type { Lao, Summary } from "../../core";
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
  // The key is computed here, so the statement has no parameters and goes out with BEGIN.
  const [a, b] = lockKey(roundId, laoCode);
  await q.query(`SELECT pg_advisory_xact_lock(${a}, ${b})`);
}

/** Two int32 from sha256 of the round and LAO (a collision only makes two LAOs wait for each other). */
export function lockKey(roundId: string, laoCode: string): [number, number] {
  const digest = createHash("sha256").update(`submission\u0000${roundId}\u0000${laoCode}`).digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
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

export interface SubmissionContext {
  round: { id: string; revision: number; opens: string; closes: string } | null;
  lao: Lao | null;
  /** The LAO's extension of this round's window, if granted. */
  extensionCloses: string | null;
  current: SubmissionRow | null;
  /** The version already stored under the client's id, if any (a retry or a conflict). */
  existing: VersionRow | null;
}

/**
 * Everything deciding a submission needs, in one round trip: the round's row, the LAO, its
 * extension and its current submission (if any).
 */
export async function submissionContext(
  q: Queryable,
  roundId: string,
  laoCode: string,
  instanceId: string,
): Promise<SubmissionContext> {
  const rows = await q.query<Record<string, unknown>>(
    `WITH existing AS (
       SELECT ${VERSION} FROM submission_versions v JOIN submissions s ON s.id = v."submissionId"
        WHERE v."instanceId" = $3
     )
     SELECT (SELECT to_jsonb(existing) FROM existing) AS existing, r.id AS "roundId", r.revision, r.opens, r.closes,
            l.code, l.type, l.name, l."provinceCode", l."provinceTh", l."provinceEn", l."districtCode", l."districtTh",
            e.closes AS "extensionCloses",
            s.id AS "submissionId", s.state, s.version, s."updatedAt",
            v."instanceId" AS "currentInstanceId", v."receiptNumber" AS "currentReceiptNumber"
       FROM (SELECT $1::text AS rid, $2::text AS lid) p
       LEFT JOIN rounds r ON r.id = p.rid
       LEFT JOIN laos l ON l.code = p.lid
       LEFT JOIN window_extensions e ON e."roundId" = p.rid AND e."laoCode" = p.lid
       LEFT JOIN submissions s ON s."roundId" = p.rid AND s."laoCode" = p.lid
       LEFT JOIN submission_versions v ON v."submissionId" = s.id AND v.version = s.version`,
    [roundId, laoCode, instanceId],
  );
  const r = rows[0]!;
  const existing = r.existing as (Omit<VersionRow, "receivedAt"> & { receivedAt: string }) | null;
  return {
    existing: existing && { ...existing, receivedAt: new Date(existing.receivedAt) },
    round: r.roundId
      ? {
          id: r.roundId as string,
          revision: r.revision as number,
          opens: r.opens as string,
          closes: r.closes as string,
        }
      : null,
    lao: r.code
      ? {
          code: r.code as string,
          type: r.type as Lao["type"],
          name: r.name as string,
          provinceCode: r.provinceCode as string,
          provinceTh: r.provinceTh as string,
          provinceEn: r.provinceEn as string,
          districtCode: r.districtCode as string,
          districtTh: r.districtTh as string,
        }
      : null,
    extensionCloses: (r.extensionCloses as string | null) ?? null,
    current: r.submissionId
      ? {
          id: r.submissionId as number,
          roundId,
          laoCode,
          state: r.state as SubmissionRow["state"],
          version: r.version as number,
          currentInstanceId: r.currentInstanceId as string,
          currentReceiptNumber: r.currentReceiptNumber as string,
          updatedAt: r.updatedAt as Date,
        }
      : null,
  };
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
  /** The audit row written with the version, in the same statement. */
  audit: { action: string; subject: string; details: Record<string, unknown> };
}

/** The first version of an LAO's submission for a round: the submission row and version 1 together. */
export async function insertFirstVersion(q: Queryable, v: NewVersion): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `WITH s AS (
       INSERT INTO submissions ("roundId", "laoCode", state, version, statuses, overall, "updatedAt")
       VALUES ($1, $2, 'submitted', 1, $3, $4::jsonb -> 'overall', $12)
       RETURNING id
     ), v AS (
     INSERT INTO submission_versions ("submissionId", "instanceId", version, "replacesId", "receiptNumber",
       "contentHash", document, results, summary, "userId", "tokenId", "receivedAt")
     SELECT s.id, $5, 1, NULL, $6, $7, $8::json, $9::json, $4::jsonb, $10, $11, $12 FROM s
     RETURNING id
     ), a AS (
       INSERT INTO audits (action, "actorId", subject, details)
       SELECT $13, $10, $14, $15::jsonb || jsonb_build_object('versionId', v.id) FROM v
     )
     SELECT id FROM v`,
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
      v.audit.action,
      v.audit.subject,
      JSON.stringify(v.audit.details),
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
       UPDATE submissions SET state = 'submitted', version = $2, statuses = $3, overall = $4::jsonb -> 'overall', "updatedAt" = $12
        WHERE id = $1 AND version = $2 - 1
       RETURNING id
     ), v AS (
     INSERT INTO submission_versions ("submissionId", "instanceId", version, "replacesId", "receiptNumber",
       "contentHash", document, results, summary, "userId", "tokenId", "receivedAt")
     SELECT s.id, $5, $2, $13, $6, $7, $8::json, $9::json, $4::jsonb, $10, $11, $12 FROM s
     RETURNING id
     ), a AS (
       INSERT INTO audits (action, "actorId", subject, details)
       SELECT $14, $10, $15, $16::jsonb || jsonb_build_object('versionId', v.id) FROM v
     )
     SELECT id FROM v`,
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
      v.audit.action,
      v.audit.subject,
      JSON.stringify(v.audit.details),
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
    returnedAt: Date;
  },
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `WITH s AS (UPDATE submissions SET state = 'returned', "updatedAt" = $6
                 WHERE id = $1 AND version = $2 AND state = 'submitted' RETURNING id)
     INSERT INTO submission_returns ("submissionId", version, comments, note, "returnedBy", "returnedAt")
     SELECT s.id, $2, $3::jsonb, $4, $5, $6 FROM s RETURNING id`,
    [r.submissionId, r.version, JSON.stringify(r.comments), r.note, r.returnedBy, r.returnedAt],
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
