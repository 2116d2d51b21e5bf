import { createHmac } from "node:crypto";
import type { Database, Queryable } from "./db/adapter";
import { getSetting } from "./queries/settings";
import { newServerSecret, rekeyStoredHash } from "./secrets";

/**
 * The server's secret, the key access codes are hashed under. Given by MINSTD_SECRET (every server
 * process and `minstd admin` then needs the same value), or else generated on first use and kept in
 * the settings table. When it comes from the environment the database keeps only a check value, so
 * a process started with another secret, or none, refuses instead of issuing codes nobody can use.
 * Changing the secret makes every unredeemed code stop working (device tokens are not affected).
 */
export const SECRET_ENV = "MINSTD_SECRET";
const STORED = "server.secret";
const CHECK = "server.secret.check";

export class SecretMismatchError extends Error {
  constructor(th: string, en: string) {
    super(`${th} / ${en}`);
    this.name = "SecretMismatchError";
  }
}

function checkValue(secret: string): string {
  return createHmac("sha256", secret).update("minstd secret check", "utf8").digest("hex");
}

/** Inserts a setting unless one is there (two starting processes agree on the first), and reads it. */
async function settleSetting(q: Queryable, key: string, value: string): Promise<string> {
  await q.query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [
    key,
    value,
  ]);
  return (await getSetting(q, key))!;
}

export async function codeKey(q: Queryable, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const given = env[SECRET_ENV];
  if (given) {
    if (given.length < 16)
      throw new SecretMismatchError(
        `${SECRET_ENV} ต้องยาวอย่างน้อย 16 ตัวอักษร`,
        `${SECRET_ENV} must be at least 16 characters`,
      );
    if (
      (await getSetting(q, STORED)) !== undefined ||
      (await settleSetting(q, CHECK, checkValue(given))) !== checkValue(given)
    )
      throw new SecretMismatchError(
        `${SECRET_ENV} ไม่ตรงกับรหัสลับที่ฐานข้อมูลนี้ใช้อยู่ — รหัสเข้าใช้งานที่ออกแล้วจะใช้ไม่ได้`,
        `${SECRET_ENV} is not the secret this database was set up with — issued access codes would stop working`,
      );
    return Buffer.from(given, "utf8");
  }
  if ((await getSetting(q, CHECK)) !== undefined)
    throw new SecretMismatchError(
      `ฐานข้อมูลนี้ใช้รหัสลับจาก ${SECRET_ENV} — กำหนด ${SECRET_ENV} ให้เหมือนกับที่เครื่องแม่ข่ายใช้`,
      `this database's secret is given by ${SECRET_ENV} — set it as the server has it`,
    );
  return Buffer.from(await settleSetting(q, STORED, newServerSecret()), "utf8");
}

/**
 * At start: makes sure the key exists and re-keys code hashes stored before keyed hashes (plain
 * SHA-256 of the code) in place, so a database dump no longer holds any unkeyed code hash and
 * every code already handed out keeps working. Returns how many rows were re-keyed.
 */
export async function prepareCodeKey(db: Database, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return db.transaction(async (q) => {
    const key = await codeKey(q, env);
    const rows = await q.query<{ id: number; codeHash: string }>(
      `SELECT id, "codeHash" FROM access_codes WHERE NOT keyed FOR UPDATE`,
    );
    if (rows.length === 0) return 0;
    await q.query(
      `UPDATE access_codes c SET "codeHash" = t.h, keyed = true
         FROM unnest($1::int[], $2::text[]) AS t(id, h)
        WHERE c.id = t.id AND NOT c.keyed`,
      [rows.map((r) => r.id), rows.map((r) => rekeyStoredHash(key, r.codeHash))],
    );
    return rows.length;
  });
}
