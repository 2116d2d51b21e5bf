/**
 * A collection server in its own process, for the integration tests: started by harness.ts with
 * fork(), it runs startServer (PGlite cannot run inside jest's module sandbox, and a real process
 * is what production runs anyway) and answers the harness over IPC: move the clock, issue access
 * codes, read the database for assertions.
 */
import { loadRegister } from "../../src/dataFiles";
import { issueLaoCode, issueProvinceCodes, issueUserCode } from "../../src/server/accessCodes";
import type { Role } from "../../src/server/auth";
import { createUser } from "../../src/server/queries/users";
import { startServer, type RunningServer, type ServerConfig } from "../../src/server/server";

export type Command =
  | { cmd: "setClock"; iso: string }
  | { cmd: "laoCode"; lao: string }
  | { cmd: "provinceCodes"; province: string }
  | { cmd: "userCode"; role: Exclude<Role, "lao">; name: string; province?: string }
  | { cmd: "sql"; text: string; params?: unknown[] }
  | { cmd: "close" };

let clock = new Date();
let server: RunningServer | undefined;

async function handle(c: Command): Promise<unknown> {
  const s = server!;
  switch (c.cmd) {
    case "setClock":
      clock = new Date(c.iso);
      return null;
    case "laoCode":
      return (await s.db.transaction((q) => issueLaoCode(q, loadRegister().get(c.lao)!, null, clock))).code;
    case "provinceCodes":
      return (await s.db.transaction((q) => issueProvinceCodes(q, c.province, null, clock))).map((i) => ({
        lao: i.lao.code,
        code: i.code,
      }));
    case "userCode":
      return s.db.transaction(async (q) => {
        const user = await createUser(q, {
          role: c.role,
          displayName: c.name,
          provinceCode: c.province ?? null,
        });
        return (await issueUserCode(q, user.id, null, clock)).code;
      });
    case "sql":
      return s.db.query(c.text, c.params ?? []);
    case "close":
      await s.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.MINSTD_TEST_SERVER ?? "{}") as ServerConfig & { now: string };
  clock = new Date(config.now);
  server = await startServer({ ...config, clock: () => clock });
  process.on("message", (message: { id: number; command: Command }) => {
    handle(message.command).then(
      (result) => process.send!({ id: message.id, result }),
      (error: Error) => process.send!({ id: message.id, error: `${error.message}\n${error.stack}` }),
    );
  });
  process.send!({ ready: server.url });
}

main().catch((e) => {
  process.send?.({ failed: String((e as Error).stack ?? e) });
  process.exit(1);
});
