import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { processAlive } from "../db/dataDirLock";

/**
 * How a command on the server machine reaches the `minstd serve` that holds the embedded
 * database's folder. PGlite's folder belongs to one process, so while the server holds it,
 * `minstd backup` and `minstd admin …` cannot open the database. The server leaves one note in the
 * folder (mode 600, the same OS user only) and removes it when it stops:
 * - its address and pid;
 * - a random backup key, so `minstd backup` asks it for a consistent copy instead of reading files
 *   that are being written;
 * - a device token of the server machine's own admin account (localAdmin.ts), so `minstd admin …`
 *   calls its API.
 * Whoever can read the folder could copy the database anyway, so the note grants nothing more. A
 * note left by a server that died is ignored (its process is gone).
 */

export const LOCAL_SERVER_FILE = "minstd-server.json";
/** The note's name before it held the admin token too; removed when a server starts. */
const OLD_ADMIN_NOTE = "minstd-serve.json";
export const BACKUP_KEY_HEADER = "x-minstd-backup-key";

export interface LocalServerInfo {
  readonly pid: number;
  readonly url: string;
  readonly backupKey: string;
  /** The server machine's admin token, when the server publishes one for the command line. */
  readonly adminToken?: string;
}

export function newBackupKey(): string {
  return randomBytes(32).toString("base64url");
}

/** Writes the note; the returned function removes it. */
export function writeLocalServerInfo(dataDir: string, info: LocalServerInfo): () => void {
  const file = join(dataDir, LOCAL_SERVER_FILE);
  rmSync(join(dataDir, OLD_ADMIN_NOTE), { force: true });
  // Removed first: a note left by another OS user keeps its owner and mode when overwritten.
  rmSync(file, { force: true });
  writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

/** The note of the server that runs on this folder now, if there is one and it can be read. */
export function readLocalServerInfo(dataDir: string): LocalServerInfo | undefined {
  let note: Partial<LocalServerInfo>;
  try {
    note = JSON.parse(readFileSync(join(dataDir, LOCAL_SERVER_FILE), "utf8")) as Partial<LocalServerInfo>;
  } catch {
    return undefined;
  }
  const { pid, url, backupKey, adminToken } = note;
  if (typeof pid !== "number" || typeof url !== "string" || typeof backupKey !== "string") return undefined;
  if (!processAlive(pid)) return undefined;
  return { pid, url, backupKey, ...(typeof adminToken === "string" && { adminToken }) };
}

export function sameKey(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
