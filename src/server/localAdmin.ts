import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "./db/adapter";
import { processAlive } from "./db/pglite";
import { audit } from "./queries/audits";
import { createToken, createUser } from "./queries/users";
import { hashToken, newToken } from "./secrets";

/**
 * The command line beside a running server. PGlite's data folder belongs to one process, so while
 * `minstd serve` holds it, `minstd admin …` cannot open the database. Instead the server leaves a
 * note in the folder — its address and a device token of the server machine's own admin account —
 * readable by the same OS user only (mode 0600), and the command line calls the running server's
 * API with it. The token is revoked and the note removed when the server stops; a note left by a
 * server that died is ignored (its process is gone) and its token revoked at the next start.
 */

export const LOCAL_ADMIN_FILE = "minstd-serve.json";
/** The account the server machine's command line acts as, so the audit log says who did it. */
export const LOCAL_ADMIN_NAME = "คำสั่ง minstd บนเครื่องแม่ข่าย / minstd on the server machine";

export interface LocalServer {
  readonly pid: number;
  readonly url: string;
  readonly token: string;
}

/** Writes the note for the command line; the returned function revokes the token and removes it. */
export async function publishLocalAdmin(
  db: Database,
  dataDir: string,
  url: string,
): Promise<() => Promise<void>> {
  const token = newToken();
  const tokenId = await db.transaction(async (q) => {
    const found = await q.query<{ id: number }>(
      `SELECT id FROM users WHERE role = 'admin' AND "displayName" = $1 AND "retiredAt" IS NULL ORDER BY id LIMIT 1`,
      [LOCAL_ADMIN_NAME],
    );
    const userId = found[0]?.id ?? (await createUser(q, { role: "admin", displayName: LOCAL_ADMIN_NAME })).id;
    // Tokens of earlier runs (a server that died before revoking its own) stop working now.
    await q.query(
      `UPDATE tokens SET "revokedAt" = clock_timestamp() WHERE "userId" = $1 AND "revokedAt" IS NULL`,
      [userId],
    );
    const id = await createToken(q, {
      userId,
      tokenHash: hashToken(token),
      codeId: null,
      device: "minstd serve",
      now: new Date(),
    });
    await audit(q, "session.create", userId, `token:${id}`, { device: "minstd serve" });
    return id;
  });
  const file = join(dataDir, LOCAL_ADMIN_FILE);
  rmSync(file, { force: true });
  writeFileSync(file, JSON.stringify({ pid: process.pid, url, token } satisfies LocalServer), {
    mode: 0o600,
  });
  chmodSync(file, 0o600);
  return async () => {
    rmSync(file, { force: true });
    await db.query(
      `UPDATE tokens SET "revokedAt" = clock_timestamp() WHERE id = $1 AND "revokedAt" IS NULL`,
      [tokenId],
    );
  };
}

/** The server running on this data folder, when there is one and its note can be read. */
export function findLocalServer(dataDir: string): LocalServer | undefined {
  let note: Partial<LocalServer>;
  try {
    note = JSON.parse(readFileSync(join(dataDir, LOCAL_ADMIN_FILE), "utf8")) as Partial<LocalServer>;
  } catch {
    return undefined;
  }
  if (typeof note.pid !== "number" || typeof note.url !== "string" || typeof note.token !== "string")
    return undefined;
  return processAlive(note.pid) ? { pid: note.pid, url: note.url, token: note.token } : undefined;
}

/** Calls the running server's API as the server machine's admin; a refusal throws its Thai and English message. */
export async function callLocalServer<T>(
  server: LocalServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.token}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const answer = (await res.json().catch(() => ({}))) as { message?: string; messageEn?: string };
  if (!res.ok)
    throw new Error(
      `${answer.message ?? `ข้อผิดพลาด ${res.status}`} / ${answer.messageEn ?? `error ${res.status}`}`,
    );
  return answer as T;
}
