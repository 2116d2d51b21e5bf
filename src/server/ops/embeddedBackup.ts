import type { Writable } from "node:stream";
import type { Database } from "../db/adapter";
import {
  BACKUP_FORMAT,
  MANIFEST_NAME,
  MINSTD_VERSION,
  PAYLOAD_NAMES,
  readMigrations,
  readStoredCounts,
  sha256Bytes,
  type BackupManifest,
} from "./manifest";
import { writeTar } from "./tarFile";

/**
 * A backup of the embedded database while it serves: the data folder as PGlite dumps it, taken
 * inside one transaction (nothing else runs meanwhile), with the counts of that same state.
 */
export async function embeddedSnapshot(
  db: Database,
  now: Date = new Date(),
): Promise<{ manifest: BackupManifest; data: Uint8Array }> {
  if (!db.dumpDataDir) throw new Error("embeddedSnapshot needs the embedded database (PGlite)");
  const { data, read } = await db.dumpDataDir(async (q) => ({
    counts: await readStoredCounts(q),
    migrations: await readMigrations(q),
  }));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    minstdVersion: MINSTD_VERSION,
    database: "pglite",
    migrations: read.migrations,
    schemaVersion: read.migrations[read.migrations.length - 1] ?? "",
    createdAt: now.toISOString(),
    counts: read.counts,
    payload: { name: PAYLOAD_NAMES.pglite, bytes: data.byteLength, sha256: sha256Bytes(data) },
    method: "pglite dumpDataDir (gzip)",
  };
  return { manifest, data };
}

export async function writeEmbeddedBackup(
  out: Writable,
  snapshot: { manifest: BackupManifest; data: Uint8Array },
): Promise<void> {
  await writeTar(out, [
    { name: MANIFEST_NAME, data: Buffer.from(JSON.stringify(snapshot.manifest, null, 2)) },
    { name: snapshot.manifest.payload.name, data: snapshot.data },
  ]);
}
