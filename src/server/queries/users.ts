import type { Queryable } from "../db/adapter";
import type { Principal, Role } from "../auth";

export interface UserRow {
  id: number;
  role: Role;
  displayName: string;
  laoCode: string | null;
  provinceCode: string | null;
  createdAt: Date;
  retiredAt: Date | null;
}

const USER = `u.id, u.role, u."displayName", u."laoCode", u."provinceCode", u."createdAt", u."retiredAt"`;

export async function createUser(
  q: Queryable,
  u: { role: Role; displayName: string; laoCode?: string | null; provinceCode?: string | null },
): Promise<UserRow> {
  const rows = await q.query<UserRow>(
    `INSERT INTO users AS u (role, "displayName", "laoCode", "provinceCode") VALUES ($1, $2, $3, $4)
     RETURNING ${USER}`,
    [u.role, u.displayName, u.laoCode ?? null, u.provinceCode ?? null],
  );
  return rows[0]!;
}

export async function getUser(q: Queryable, id: number): Promise<UserRow | undefined> {
  return (await q.query<UserRow>(`SELECT ${USER} FROM users u WHERE u.id = $1`, [id]))[0];
}

export async function listUsers(
  q: Queryable,
  filter: { role?: Role; provinceCode?: string },
): Promise<UserRow[]> {
  return q.query<UserRow>(
    `SELECT ${USER} FROM users u
      WHERE ($1::text IS NULL OR u.role = $1)
        AND ($2::text IS NULL OR u."provinceCode" = $2
             OR u."laoCode" IN (SELECT code FROM laos WHERE "provinceCode" = $2))
      ORDER BY u.id`,
    [filter.role ?? null, filter.provinceCode ?? null],
  );
}

/** Retires a user: its tokens stop working and its unredeemed codes are voided. */
export async function retireUser(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE users SET "retiredAt" = clock_timestamp() WHERE id = $1 AND "retiredAt" IS NULL RETURNING id`,
    [id],
  );
  await q.query(
    `UPDATE tokens SET "revokedAt" = clock_timestamp() WHERE "userId" = $1 AND "revokedAt" IS NULL`,
    [id],
  );
  await q.query(
    `UPDATE access_codes SET "voidedAt" = clock_timestamp()
      WHERE "userId" = $1 AND "redeemedAt" IS NULL AND "voidedAt" IS NULL`,
    [id],
  );
  return rows.length > 0;
}

/** The account of every LAO of a province, creating those that do not exist yet (and reopening retired ones). */
export async function ensureLaoUsers(
  q: Queryable,
  provinceCode: string,
): Promise<Array<{ userId: number; laoCode: string }>> {
  await q.query(
    `INSERT INTO users (role, "displayName", "laoCode")
     SELECT 'lao', l.name, l.code FROM laos l WHERE l."provinceCode" = $1
     ON CONFLICT ("laoCode") DO UPDATE SET "retiredAt" = NULL`,
    [provinceCode],
  );
  return q.query(
    `SELECT u.id AS "userId", u."laoCode" FROM users u JOIN laos l ON l.code = u."laoCode"
      WHERE l."provinceCode" = $1
      ORDER BY l."districtCode", l.type, l.code`,
    [provinceCode],
  );
}

export async function ensureLaoUser(q: Queryable, laoCode: string): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO users (role, "displayName", "laoCode")
     SELECT 'lao', name, code FROM laos WHERE code = $1
     ON CONFLICT ("laoCode") DO UPDATE SET "retiredAt" = NULL
     RETURNING id`,
    [laoCode],
  );
  return rows[0]!.id;
}

/**
 * Stores a new code for each user (by hash). A user's earlier unredeemed codes are voided, so the
 * newest printed list is the one that works.
 */
export async function issueCodes(
  q: Queryable,
  codes: ReadonlyArray<{ userId: number; codeHash: string }>,
  issuedBy: number | null,
  expiresAt: Date,
): Promise<void> {
  if (codes.length === 0) return;
  const userIds = codes.map((c) => c.userId);
  await q.query(
    `UPDATE access_codes SET "voidedAt" = clock_timestamp()
      WHERE "userId" = ANY($1::int[]) AND "redeemedAt" IS NULL AND "voidedAt" IS NULL`,
    [userIds],
  );
  await q.query(
    `INSERT INTO access_codes ("userId", "codeHash", "issuedBy", "expiresAt")
     SELECT u, h, $3, $4 FROM unnest($1::int[], $2::text[]) AS t(u, h)`,
    [userIds, codes.map((c) => c.codeHash), issuedBy, expiresAt],
  );
}

/** Spends a code: returns its user, or undefined when it is unknown, used, voided or expired. */
export async function redeemCode(
  q: Queryable,
  codeHash: string,
  now: Date,
): Promise<{ codeId: number; userId: number } | undefined> {
  const rows = await q.query<{ codeId: number; userId: number }>(
    `UPDATE access_codes c SET "redeemedAt" = $2
       FROM users u
      WHERE c."codeHash" = $1 AND c."redeemedAt" IS NULL AND c."voidedAt" IS NULL AND c."expiresAt" > $2
        AND u.id = c."userId" AND u."retiredAt" IS NULL
      RETURNING c.id AS "codeId", c."userId"`,
    [codeHash, now],
  );
  return rows[0];
}

export async function createToken(
  q: Queryable,
  t: { userId: number; tokenHash: string; codeId: number | null; device: string | null },
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO tokens ("userId", "tokenHash", "codeId", device) VALUES ($1, $2, $3, $4) RETURNING id`,
    [t.userId, t.tokenHash, t.codeId, t.device],
  );
  return rows[0]!.id;
}

export async function principalForToken(q: Queryable, tokenHash: string): Promise<Principal | undefined> {
  const rows = await q.query<Principal>(
    `SELECT u.id AS "userId", t.id AS "tokenId", u.role, u."displayName", u."laoCode", u."provinceCode"
       FROM tokens t JOIN users u ON u.id = t."userId"
      WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND u."retiredAt" IS NULL`,
    [tokenHash],
  );
  return rows[0];
}

export async function revokeToken(q: Queryable, tokenId: number): Promise<void> {
  await q.query(`UPDATE tokens SET "revokedAt" = clock_timestamp() WHERE id = $1 AND "revokedAt" IS NULL`, [
    tokenId,
  ]);
}
