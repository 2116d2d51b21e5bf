import { spawn } from "node:child_process";
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { Client } from "pg";
import type { Queryable, Row } from "../db/adapter";
import { SERVER_APPLICATION_NAME } from "../db/postgres";
import {
  BACKUP_FORMAT,
  MANIFEST_NAME,
  MINSTD_VERSION,
  PAYLOAD_NAMES,
  readMigrations,
  readStoredCounts,
  sha256File,
  type BackupManifest,
  type StoredCounts,
} from "./manifest";
import { writeTar } from "./tarFile";

/**
 * PostgreSQL backups with PostgreSQL's own tools: pg_dump in its custom format, from a snapshot
 * this module exports and counts in (so the manifest describes exactly what was dumped, while the
 * server keeps writing), and pg_restore in one transaction (a failed restore changes nothing).
 */

export class ToolMissingError extends Error {}

/** The URL without its password, which goes to the tools in PGPASSWORD (not visible in ps). */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = "";
  return { dbname: u.toString(), env: { ...process.env, ...(password && { PGPASSWORD: password }) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "ENOENT"
          ? new ToolMissingError(
              `ไม่พบโปรแกรม ${tool} — ติดตั้ง postgresql-client รุ่นเดียวกับเครื่องฐานข้อมูล (เช่น apt install postgresql-client-15) / ` +
                `${tool} not found: install the PostgreSQL client tools of the server's version`,
            )
          : e,
      ),
    );
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${tool} failed (${code}): ${err.trim()}`)),
    );
  });
}

function clientQueryable(client: Client): Queryable {
  return {
    query: async <T = Row>(sql: string, params: readonly unknown[] = []) =>
      (await client.query(sql, [...params])).rows as T[],
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

async function connect(url: string, name: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: name });
  await client.connect();
  return client;
}

export async function backupPostgres(
  url: string,
  outFile: string,
  now = new Date(),
): Promise<BackupManifest> {
  const { dbname, env } = toolConnection(url);
  const version = (await run("pg_dump", ["--version"], env)).trim();
  const client = await connect(url, "minstd-backup");
  const dumpFile = `${outFile}.pgdump.partial`;
  const partial = `${outFile}.partial`;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const [{ snapshot }] = (
      await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot")
    ).rows as [{ snapshot: string }];
    const q = clientQueryable(client);
    const counts = await readStoredCounts(q);
    const migrations = await readMigrations(q);
    await run(
      "pg_dump",
      [
        "--format=custom",
        `--snapshot=${snapshot}`,
        "--no-owner",
        "--no-privileges",
        "--file",
        dumpFile,
        "--dbname",
        dbname,
      ],
      env,
    );
    await client.query("COMMIT");
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      minstdVersion: MINSTD_VERSION,
      database: "postgres",
      migrations,
      schemaVersion: migrations[migrations.length - 1] ?? "",
      createdAt: now.toISOString(),
      counts,
      payload: {
        name: PAYLOAD_NAMES.postgres,
        bytes: (await import("node:fs")).statSync(dumpFile).size,
        sha256: await sha256File(dumpFile),
      },
      method: `${version} --format=custom`,
    };
    const out = createWriteStream(partial);
    await writeTar(out, [
      { name: MANIFEST_NAME, data: Buffer.from(JSON.stringify(manifest, null, 2)) },
      { name: PAYLOAD_NAMES.postgres, file: dumpFile },
    ]);
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    renameSync(partial, outFile);
    return manifest;
  } finally {
    rmSync(dumpFile, { force: true });
    rmSync(partial, { force: true });
    await client.end().catch(() => undefined);
  }
}

export interface PostgresTarget {
  /** Tables in the public schema, and the counts when MinStd's tables are there. */
  readonly tables: number;
  readonly counts?: StoredCounts;
  /** Connections of a running `minstd serve`. */
  readonly servers: number;
}

export async function inspectPostgres(url: string): Promise<PostgresTarget> {
  const client = await connect(url, "minstd-restore");
  try {
    const q = clientQueryable(client);
    const [{ tables }] = (await q.query<{ tables: number }>(
      "SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public'",
    )) as [{ tables: number }];
    const [{ servers }] = (await q.query<{ servers: number }>(
      "SELECT count(*)::int AS servers FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
      [SERVER_APPLICATION_NAME],
    )) as [{ servers: number }];
    const [{ has }] = (await q.query<{ has: boolean }>(
      "SELECT to_regclass('public.submission_versions') IS NOT NULL AS has",
    )) as [{ has: boolean }];
    return { tables, servers, ...(has && { counts: await readStoredCounts(q) }) };
  } finally {
    await client.end();
  }
}

/** pg_restore of a custom-format dump, in one transaction; --clean first when replacing data. */
export async function restorePostgres(url: string, dumpFile: string, replace: boolean): Promise<void> {
  const { dbname, env } = toolConnection(url);
  await run(
    "pg_restore",
    [
      "--single-transaction",
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      ...(replace ? ["--clean", "--if-exists"] : []),
      "--dbname",
      dbname,
      dumpFile,
    ],
    env,
  );
}

export async function readPostgres(url: string): Promise<{ counts: StoredCounts; migrations: string[] }> {
  const client = await connect(url, "minstd-restore");
  try {
    const q = clientQueryable(client);
    return { counts: await readStoredCounts(q), migrations: await readMigrations(q) };
  } finally {
    await client.end();
  }
}
