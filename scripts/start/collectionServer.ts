/**
 * The collection server's part of `npm start`, run as a service (its own process): the embedded database in .minstd-data, on port 8080 (or
 * MINSTD_SERVER_PORT; a free port when that one is taken), with a local practice setup so the
 * demo works on any day: the shipped rounds' real windows are long closed, so each round's window
 * in this local database is opened from today for 14 days, and sign-in codes are printed.
 * None of this touches a real server: `minstd serve` never does it.
 */
import { join, resolve } from "node:path";
import { bangkokIsoDate, describeClose, LAO_TYPE_INFO } from "../../src/core";
import { ensureDashboard } from "../../tools/dashboard/build";
import { loadRegister } from "../../src/dataFiles";
import { issueLaoCode, issueUserCode } from "../../src/server/accessCodes";
import type { Database, Queryable } from "../../src/server/db/adapter";
import { audit } from "../../src/server/queries/audits";
import { listRounds, setWindow } from "../../src/server/queries/rounds";
import { createUser, listUsers } from "../../src/server/queries/users";
import { startServer, type RunningServer } from "../../src/server/server";
import type { Service } from "./services";

const ROOT = resolve(__dirname, "../..");

const PRACTICE_LAO = "4220102"; // เทศบาลเมืองจันทบุรี: a municipality, assessed in every shipped round
const PRACTICE_PROVINCE = "22";
const PRACTICE_DAYS = 14;

export interface StartedServer {
  readonly url: string;
  stop(): Promise<void>;
}

async function listen(): Promise<RunningServer> {
  const port = Number(process.env.MINSTD_SERVER_PORT ?? 8080);
  try {
    return await startServer({ port, dataDir: process.env.MINSTD_DATA_DIR ?? join(ROOT, ".minstd-data") });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    return startServer({ port: 0, dataDir: process.env.MINSTD_DATA_DIR ?? join(ROOT, ".minstd-data") });
  }
}

async function staffUser(
  q: Queryable,
  role: "province" | "national" | "admin",
  name: string,
): Promise<number> {
  const existing = (await listUsers(q, { role })).find((u) => u.displayName === name && !u.retiredAt);
  if (existing) return existing.id;
  const user = await createUser(q, {
    role,
    displayName: name,
    provinceCode: role === "province" ? PRACTICE_PROVINCE : null,
  });
  await audit(q, "user.create", null, `user:${user.id}`, { role, practice: true });
  return user.id;
}

async function practiceSetup(db: Database, now: Date): Promise<string[]> {
  const opens = bangkokIsoDate(now);
  const closes = bangkokIsoDate(new Date(now.getTime() + (PRACTICE_DAYS - 1) * 86_400_000));
  const lines: string[] = [];
  await db.transaction(async (q) => {
    for (const round of await listRounds(q)) {
      if (round.opens <= opens && round.closes >= closes) continue;
      await setWindow(q, round.id, opens, closes);
      await audit(q, "round.window.update", null, `round:${round.id}`, {
        from: { opens: round.opens, closes: round.closes },
        to: { opens, closes },
        practice: true,
      });
    }
  });
  const lao = loadRegister().get(PRACTICE_LAO)!;
  const codes = await db.transaction(async (q) => {
    const code = async (userId: number) => (await issueUserCode(q, userId, null, now, PRACTICE_DAYS)).code;
    return {
      lao: (await issueLaoCode(q, lao, null, now, PRACTICE_DAYS)).code,
      province: await code(await staffUser(q, "province", "สถจ.จันทบุรี (ฝึกใช้งาน)")),
      national: await code(await staffUser(q, "national", "สำนักงาน ก.ก.ถ. (ฝึกใช้งาน)")),
      admin: await code(await staffUser(q, "admin", "ผู้ดูแลระบบ (ฝึกใช้งาน)")),
    };
  });
  lines.push(
    `⚠ ฝึกใช้งานในเครื่องนี้เท่านั้น / LOCAL PRACTICE SETUP: every round in this local database accepts submissions`,
    `  until ${describeClose({ opens, closes })} (the real windows of the shipped rounds have closed).`,
    `  รหัสเข้าใช้งาน (ใช้ได้ครั้งเดียว) / one-time sign-in codes:`,
    `    ${LAO_TYPE_INFO[lao.type].th}${lao.name} (${lao.code})  ${codes.lao}`,
    `    สถจ.จันทบุรี / province 22      ${codes.province}`,
    `    สำนักงาน ก.ก.ถ. / national       ${codes.national}`,
    `    ผู้ดูแลระบบ / admin              ${codes.admin}`,
  );
  return lines;
}

/** Starts the collection server for local use and returns a handle that stops it. */
export async function startCollectionServer(
  log: (line: string) => void = console.log,
): Promise<StartedServer> {
  // Only the embedded database: a DATABASE_URL in the shell must not get a practice setup.
  delete process.env.DATABASE_URL;
  await ensureDashboard(log);
  const server = await listen();
  log(`\nเครื่องแม่ข่ายรับข้อมูล / collection server: ${server.url}/api/v1  (embedded database: ${server.storage})`);
  log(`  OpenAPI: ${server.url}/api/v1/openapi.json`);
  log(`  แดชบอร์ดจังหวัดและส่วนกลาง / province and national dashboard: ${server.url}/dashboard/`);
  for (const line of await practiceSetup(server.db, new Date())) log(line);
  log(
    `  ในบานหน้าต่าง MinStd: ตั้งค่า › ที่อยู่ ${server.url} › รหัสของ อปท. ข้างบน / in the pane: Settings › ${server.url} › the LAO's code above`,
  );
  log(
    `  ลงชื่อเข้าใช้ / sign in: curl -X POST ${server.url}/api/v1/sessions -H 'content-type: application/json' -d '{"code":"…"}'`,
  );
  return { url: server.url, stop: () => server.close() };
}

/** The service entry of `npm start`: this file in its own process. */
export function collectionServer(): Service {
  return {
    name: "server",
    command: process.execPath,
    args: ["--import", "tsx", __filename],
    cwd: ROOT,
    ready: {
      pattern: /\/ sign in:/,
      message: "\nMinStd collection server: ready / เครื่องแม่ข่ายรับข้อมูลพร้อมใช้งาน (codes above)\n",
    },
  };
}

if (require.main === module) {
  startCollectionServer().then(
    (server) => {
      const stop = () => void server.stop().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
