import type { Queryable } from "../db/adapter";

/**
 * Audit actions, dotted like permission verbs. Written in the same transaction as the change they
 * record, so a change and its audit row are stored together or not at all.
 */
export type AuditAction =
  | "round.load"
  | "round.window.update"
  | "round.extension.grant"
  | "round.extension.revoke"
  | "user.create"
  | "user.retire"
  | "user.reactivate"
  | "access-code.issue"
  | "session.create"
  | "session.refused"
  | "session.revoke"
  | "submission.create"
  | "submission.version"
  | "submission.return"
  | "results.publish"
  | "results.unpublish";

export async function audit(
  q: Queryable,
  action: AuditAction,
  actorId: number | null,
  subject: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await q.query('INSERT INTO audits (action, "actorId", subject, details) VALUES ($1, $2, $3, $4::jsonb)', [
    action,
    actorId,
    subject,
    JSON.stringify(details),
  ]);
}

export interface AuditRow {
  id: number;
  action: string;
  actorId: number | null;
  actorName: string | null;
  subject: string | null;
  details: Record<string, unknown>;
  loggedAt: Date;
}

export async function listAudits(
  q: Queryable,
  filter: { action?: string; subject?: string; limit: number },
): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT a.id, a.action, a."actorId", u."displayName" AS "actorName", a.subject, a.details, a."loggedAt"
       FROM audits a LEFT JOIN users u ON u.id = a."actorId"
      WHERE ($1::text IS NULL OR a.action = $1 OR a.action LIKE $1 || '.%')
        AND ($2::text IS NULL OR a.subject = $2)
      ORDER BY a.id DESC
      LIMIT $3`,
    [filter.action ?? null, filter.subject ?? null, filter.limit],
  );
}
