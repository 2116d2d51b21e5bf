import type { Round } from "../../core";
import type { Queryable } from "../db/adapter";

export interface RoundRow {
  id: string;
  revision: number;
  /** The window in force: "YYYY-MM-DD", Common Era, Thai calendar days. */
  opens: string;
  closes: string;
  title: string;
  year: number;
  laoTypes: string[];
}

const ROW = `id, revision, opens, closes, definition->>'title' AS title, (definition->>'year')::int AS year,
  ARRAY(SELECT jsonb_array_elements_text(definition->'laoTypes')) AS "laoTypes"`;

export async function listRounds(q: Queryable): Promise<RoundRow[]> {
  return q.query<RoundRow>(`SELECT ${ROW} FROM rounds ORDER BY id`);
}

export async function getRoundRow(q: Queryable, id: string): Promise<RoundRow | undefined> {
  return (await q.query<RoundRow>(`SELECT ${ROW} FROM rounds WHERE id = $1`, [id]))[0];
}

export async function getRoundDefinition(
  q: Queryable,
  id: string,
): Promise<{ definition: unknown; revision: number } | undefined> {
  const rows = await q.query<{ definition: unknown; revision: number }>(
    "SELECT definition, revision FROM rounds WHERE id = $1",
    [id],
  );
  return rows[0];
}

/** Adds a round unless one with its id exists (a shipped round never overwrites one loaded by an admin). */
export async function insertRoundIfAbsent(q: Queryable, round: Round): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO rounds (id, definition, opens, closes) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [round.id, JSON.stringify(round), round.window.opens, round.window.closes],
  );
  return rows.length > 0;
}

/** Loads or replaces a round; its window becomes the one in the definition. Returns the new revision. */
export async function putRound(q: Queryable, round: Round): Promise<number> {
  const rows = await q.query<{ revision: number }>(
    `INSERT INTO rounds (id, definition, opens, closes) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (id) DO UPDATE SET definition = EXCLUDED.definition, opens = EXCLUDED.opens,
       closes = EXCLUDED.closes, revision = rounds.revision + 1, "loadedAt" = clock_timestamp()
     RETURNING revision`,
    [round.id, JSON.stringify(round), round.window.opens, round.window.closes],
  );
  return rows[0]!.revision;
}

export async function setWindow(q: Queryable, id: string, opens: string, closes: string): Promise<void> {
  await q.query("UPDATE rounds SET opens = $2, closes = $3 WHERE id = $1", [id, opens, closes]);
}

export interface ExtensionRow {
  roundId: string;
  laoCode: string;
  closes: string;
  reason: string;
  grantedBy: number | null;
  grantedAt: Date;
}

export async function getExtension(
  q: Queryable,
  roundId: string,
  laoCode: string,
): Promise<ExtensionRow | undefined> {
  const rows = await q.query<ExtensionRow>(
    `SELECT "roundId", "laoCode", closes, reason, "grantedBy", "grantedAt"
       FROM window_extensions WHERE "roundId" = $1 AND "laoCode" = $2`,
    [roundId, laoCode],
  );
  return rows[0];
}

export async function putExtension(
  q: Queryable,
  e: { roundId: string; laoCode: string; closes: string; reason: string; grantedBy: number | null },
): Promise<void> {
  await q.query(
    `INSERT INTO window_extensions ("roundId", "laoCode", closes, reason, "grantedBy") VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ("roundId", "laoCode") DO UPDATE SET closes = EXCLUDED.closes, reason = EXCLUDED.reason,
       "grantedBy" = EXCLUDED."grantedBy", "grantedAt" = clock_timestamp()`,
    [e.roundId, e.laoCode, e.closes, e.reason, e.grantedBy],
  );
}

export async function deleteExtension(q: Queryable, roundId: string, laoCode: string): Promise<boolean> {
  const rows = await q.query(
    `DELETE FROM window_extensions WHERE "roundId" = $1 AND "laoCode" = $2 RETURNING "laoCode"`,
    [roundId, laoCode],
  );
  return rows.length > 0;
}

export async function listExtensions(
  q: Queryable,
  roundId: string,
  provinceCode: string | undefined,
): Promise<Array<ExtensionRow & { laoName: string; provinceCode: string }>> {
  return q.query(
    `SELECT e."roundId", e."laoCode", e.closes, e.reason, e."grantedBy", e."grantedAt",
            l.name AS "laoName", l."provinceCode"
       FROM window_extensions e JOIN laos l ON l.code = e."laoCode"
      WHERE e."roundId" = $1 AND ($2::text IS NULL OR l."provinceCode" = $2)
      ORDER BY e."laoCode"`,
    [roundId, provinceCode ?? null],
  );
}
