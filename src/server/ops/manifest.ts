import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Queryable } from "../db/adapter";
import { MIGRATIONS } from "../db/migrations";

/**
 * What a backup says about itself (manifest.json, the first file of the archive): who made it,
 * from which database and schema, when, how many rows of what matters, and the checksum of the
 * database file beside it. A restore checks all of it before and after loading.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports -- bundled as JSON by tsx and esbuild
export const MINSTD_VERSION: string = (require("../../../package.json") as { version: string }).version;

export const BACKUP_FORMAT = "minstd-backup/1";
export const MANIFEST_NAME = "manifest.json";
export const PAYLOAD_NAMES = { pglite: "pgdata.tar.gz", postgres: "database.pgdump" } as const;

export interface StoredCounts {
  readonly submissions: number;
  readonly versions: number;
  /** Receipt numbers issued: one per version received. */
  readonly receipts: number;
  readonly returns: number;
  readonly audits: number;
  readonly users: number;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly minstdVersion: string;
  readonly database: "pglite" | "postgres";
  /** The migrations applied, in order; the last is the schema version. */
  readonly migrations: readonly string[];
  readonly schemaVersion: string;
  readonly createdAt: string;
  readonly counts: StoredCounts;
  readonly payload: { readonly name: string; readonly bytes: number; readonly sha256: string };
  /** How the payload was made: "pglite dumpDataDir" or "pg_dump <version> --format=custom". */
  readonly method: string;
}

export async function readStoredCounts(q: Queryable): Promise<StoredCounts> {
  const [row] = await q.query<StoredCounts>(
    `SELECT (SELECT count(*)::int FROM submissions) AS submissions,
            (SELECT count(*)::int FROM submission_versions) AS versions,
            (SELECT count(DISTINCT "receiptNumber")::int FROM submission_versions) AS receipts,
            (SELECT count(*)::int FROM submission_returns) AS returns,
            (SELECT count(*)::int FROM audits) AS audits,
            (SELECT count(*)::int FROM users) AS users`,
  );
  return row!;
}

export async function readMigrations(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
  return rows.map((r) => r.name);
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export function sha256Bytes(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Why this program cannot restore the manifest's backup, or undefined. A backup from a newer
 * MinStd (a migration this one does not know) would lose what it does not understand.
 */
export function manifestProblem(m: Partial<BackupManifest>): string | undefined {
  if (m.format !== BACKUP_FORMAT)
    return `ไม่ใช่ไฟล์สำรองข้อมูลของ MinStd / not a MinStd backup (format ${String(m.format)})`;
  const known = new Set(MIGRATIONS.map((x) => x.name));
  const unknown = (m.migrations ?? []).filter((name) => !known.has(name));
  if (unknown.length > 0)
    return (
      `ไฟล์สำรองมาจาก MinStd รุ่นใหม่กว่า (${m.minstdVersion}) ที่มีโครงสร้างฐานข้อมูล ${unknown.join(", ")} — ` +
      `ปรับรุ่น MinStd ก่อนกู้คืน / the backup comes from a newer MinStd (${m.minstdVersion}) with schema ` +
      `${unknown.join(", ")}: upgrade MinStd first`
    );
  return undefined;
}

/** Rows that differ between the manifest and the restored database, one line each. */
export function countDifferences(expected: StoredCounts, found: StoredCounts): string[] {
  return (Object.keys(expected) as Array<keyof StoredCounts>)
    .filter((k) => expected[k] !== found[k])
    .map((k) => `${k}: ${expected[k]} in the backup, ${found[k]} restored`);
}
