import type { Database } from "./db/adapter";
import { readLocalServerInfo } from "./ops/localServer";
import { audit } from "./queries/audits";
import { createToken, createUser } from "./queries/users";
import { hashToken, newToken } from "./secrets";

/**
 * The command line beside a running server. PGlite's data folder belongs to one process, so while
 * `minstd serve` holds it, `minstd admin …` cannot open the database. Instead the server puts a
 * device token of the server machine's own admin account in its note in the folder
 * (ops/localServer.ts), and the command line calls the running server's API with it. The token is
 * revoked when the server stops; a token of a server that died is revoked at the next start.
 */

/** The account the server machine's command line acts as, so the audit log says who did it. */
export const LOCAL_ADMIN_NAME = "คำสั่ง minstd บนเครื่องแม่ข่าย / minstd on the server machine";

export interface LocalServer {
  readonly pid: number;
  readonly url: string;
  readonly token: string;
}

/** A token for the command line on this machine; the returned function revokes it. */
export async function publishLocalAdmin(
  db: Database,
): Promise<{ readonly token: string; readonly revoke: () => Promise<void> }> {
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
  return {
    token,
    revoke: async () => {
      await db.query(
        `UPDATE tokens SET "revokedAt" = clock_timestamp() WHERE id = $1 AND "revokedAt" IS NULL`,
        [tokenId],
      );
    },
  };
}

/** The server running on this data folder, when there is one and it left a token for the command line. */
export function findLocalServer(dataDir: string): LocalServer | undefined {
  const info = readLocalServerInfo(dataDir);
  return info?.adminToken ? { pid: info.pid, url: info.url, token: info.adminToken } : undefined;
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
