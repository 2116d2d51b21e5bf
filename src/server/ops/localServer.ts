import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * How a command on the server machine reaches the `minstd serve` that holds the embedded
 * database's folder: the server writes its address and a random key into the folder (mode 600)
 * and removes the file when it stops. Whoever can read the folder could copy the database anyway,
 * so the key grants nothing more; it lets `minstd backup` ask the running server for a consistent
 * copy instead of reading files that are being written.
 */

export const LOCAL_SERVER_FILE = "minstd-server.json";
export const BACKUP_KEY_HEADER = "x-minstd-backup-key";

export interface LocalServerInfo {
  readonly pid: number;
  readonly url: string;
  readonly backupKey: string;
}

export function newBackupKey(): string {
  return randomBytes(32).toString("base64url");
}

export function writeLocalServerInfo(dataDir: string, info: LocalServerInfo): () => void {
  const file = join(dataDir, LOCAL_SERVER_FILE);
  writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

export function readLocalServerInfo(dataDir: string): LocalServerInfo | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, LOCAL_SERVER_FILE), "utf8")) as LocalServerInfo;
  } catch {
    return undefined;
  }
}

export function sameKey(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
