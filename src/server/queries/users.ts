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

/**
 * The account of every LAO of a province, creating those that do not exist yet. A retired account
 * stays retired (retiredAt set): only an admin reopens it (reactivateUser).
 */
export async function ensureLaoUsers(
  q: Queryable,
  provinceCode: string,
): Promise<Array<{ userId: number; laoCode: string; retiredAt: Date | null }>> {
  await q.query(
    `INSERT INTO users (role, "displayName", "laoCode")
     SELECT 'lao', l.name, l.code FROM laos l WHERE l."provinceCode" = $1
     ON CONFLICT ("laoCode") DO NOTHING`,
    [provinceCode],
  );
  return q.query(
    `SELECT u.id AS "userId", u."laoCode", u."retiredAt" FROM users u JOIN laos l ON l.code = u."laoCode"
      WHERE l."provinceCode" = $1
      ORDER BY l."districtCode", l.type, l.code`,
    [provinceCode],
  );
}

/** The account of an LAO, created when it does not exist yet; a retired one is returned as it is. */
export async function ensureLaoUser(
  q: Queryable,
  laoCode: string,
): Promise<{ id: number; retiredAt: Date | null }> {
  await q.query(
    `INSERT INTO users (role, "displayName", "laoCode")
     SELECT 'lao', name, code FROM laos WHERE code = $1
     ON CONFLICT ("laoCode") DO NOTHING`,
    [laoCode],
  );
  const rows = await q.query<{ id: number; retiredAt: Date | null }>(
    `SELECT id, "retiredAt" FROM users WHERE "laoCode" = $1`,
    [laoCode],
  );
  return rows[0]!;
}

/** Reopens a retired account (an admin's explicit act). Its old tokens and codes stay void. */
export async function reactivateUser(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE users SET "retiredAt" = NULL WHERE id = $1 AND "retiredAt" IS NOT NULL RETURNING id`,
    [id],
  );
  return rows.length > 0;
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
    `INSERT INTO access_codes ("userId", "codeHash", "issuedBy", "expiresAt", keyed)
     SELECT u, h, $3, $4, true FROM unnest($1::int[], $2::text[]) AS t(u, h)`,
    [userIds, codes.map((c) => c.codeHash), issuedBy, expiresAt],
  );
}

/**
 * Spends a code: returns its user and who issued it, or undefined when it is unknown, used, voided
 * or expired, or its account is retired.
 */
export async function redeemCode(
  q: Queryable,
  codeHash: string,
  now: Date,
): Promise<{ codeId: number; userId: number; issuedBy: number | null } | undefined> {
  const rows = await q.query<{ codeId: number; userId: number; issuedBy: number | null }>(
    `UPDATE access_codes c SET "redeemedAt" = $2
       FROM users u
      WHERE c."codeHash" = $1 AND c.keyed AND c."redeemedAt" IS NULL AND c."voidedAt" IS NULL
        AND c."expiresAt" > $2 AND u.id = c."userId" AND u."retiredAt" IS NULL
      RETURNING c.id AS "codeId", c."userId", c."issuedBy"`,
    [codeHash, now],
  );
  return rows[0];
}

export async function createToken(
  q: Queryable,
  t: { userId: number; tokenHash: string; codeId: number | null; device: string | null; now: Date },
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO tokens ("userId", "tokenHash", "codeId", device, "lastUsedAt")
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [t.userId, t.tokenHash, t.codeId, t.device, t.now],
  );
  return rows[0]!.id;
}

/** A token's use renews it at most this often (one write per device per interval, not per request). */
const RENEW_EVERY_MS = 60 * 60 * 1000;

/**
 * The user behind a token, when the token is neither revoked nor expired (unused for lifetimeMs)
 * and its account is not retired. Using a token renews it (sliding expiry).
 */
export async function principalForToken(
  q: Queryable,
  tokenHash: string,
  now: Date,
  lifetimeMs: number,
): Promise<Principal | undefined> {
  const rows = await q.query<Principal & { lastUsedAt: Date }>(
    `SELECT u.id AS "userId", t.id AS "tokenId", u.role, u."displayName", u."laoCode", u."provinceCode",
            t."lastUsedAt"
       FROM tokens t JOIN users u ON u.id = t."userId"
      WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND u."retiredAt" IS NULL
        AND t."lastUsedAt" > $2`,
    [tokenHash, new Date(now.getTime() - lifetimeMs)],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { lastUsedAt, ...principal } = row;
  if (now.getTime() - lastUsedAt.getTime() >= RENEW_EVERY_MS)
    await q.query(`UPDATE tokens SET "lastUsedAt" = $2 WHERE id = $1 AND "lastUsedAt" < $2`, [
      row.tokenId,
      now,
    ]);
  return principal;
}

export async function revokeToken(q: Queryable, tokenId: number): Promise<void> {
  await q.query(`UPDATE tokens SET "revokedAt" = clock_timestamp() WHERE id = $1 AND "revokedAt" IS NULL`, [
    tokenId,
  ]);
}

export interface SessionRow {
  id: number;
  device: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  revokedAt: Date | null;
  /** Who issued the code this sign-in redeemed (null: issued by `minstd admin` on the server). */
  codeIssuedBy: { userId: number; role: Role; displayName: string; provinceCode: string | null } | null;
  codeIssuedAt: Date | null;
}

/** Every sign-in of a user's account, newest first, with who issued the code it redeemed. */
export async function listSessions(q: Queryable, userId: number): Promise<SessionRow[]> {
  return q.query<SessionRow>(
    `SELECT t.id, t.device, t."createdAt", t."lastUsedAt", t."revokedAt",
            CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object(
              'userId', i.id, 'role', i.role, 'displayName', i."displayName", 'provinceCode', i."provinceCode")
            END AS "codeIssuedBy",
            c."issuedAt" AS "codeIssuedAt"
       FROM tokens t
       LEFT JOIN access_codes c ON c.id = t."codeId"
       LEFT JOIN users i ON i.id = c."issuedBy"
      WHERE t."userId" = $1
      ORDER BY t.id DESC`,
    [userId],
  );
}
