import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { isoDateSchema, provinceCodeSchema } from "../core";
import { windowRequestSchema } from "../api";
import { userDisplayNameSchema } from "../core/rules/lineText";
import {
  audit,
  callLocalServer,
  codesCsv,
  configFromEnv,
  createUser,
  DataDirInUseError,
  DEFAULT_CODE_DAYS,
  DEFAULT_DATA_DIR,
  findLocalServer,
  getRoundRow,
  issueProvinceCodes,
  issueUserCode,
  listUsers,
  openDatabase,
  prepareCodeKey,
  Problem,
  provinceExists,
  putRound,
  reactivateUser,
  retireUser,
  SecretMismatchError,
  seedReferenceData,
  setWindow,
  type Database,
  type IssuedLaoCode,
  type LocalServer,
} from "../server";
import { allRounds, loadRegister, loadRoundFile, RoundFileError } from "../dataFiles";
import { checkedFlag } from "./flags";
import { json, UsageError, type Output } from "./output";

/**
 * `minstd admin …`: the administration a server operator does on the server machine, straight on
 * the database (DATABASE_URL, or the embedded database in --data). With the embedded database one
 * process holds the folder: while `minstd serve` runs on it, `admin codes`, `user add`, `round load`
 * and `round window` go through the running server's API instead (the others ask to stop it first). Everything done here is in the audit log.
 */

export interface AdminOptions {
  data?: string;
}

async function withDatabase<T>(opts: AdminOptions, fn: (db: Database) => Promise<T>): Promise<T> {
  const env = configFromEnv();
  const db = await openDatabase({
    ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { dataDir: opts.data ?? DEFAULT_DATA_DIR }),
  }).catch((e: unknown) => {
    throw e instanceof DataDirInUseError ? new UsageError(e.message) : e;
  });
  try {
    await seedReferenceData(db, loadRegister(), await allRounds());
    // The same secret as the server's (MINSTD_SECRET or the stored one), or the codes issued would not work.
    await prepareCodeKey(db);
    return await fn(db);
  } catch (e) {
    // A refusal (another secret; a code for a retired account) is the operator's to fix: said, not a crash.
    if (e instanceof SecretMismatchError) throw new UsageError(e.message);
    if (e instanceof Problem) throw new UsageError(`${e.th} / ${e.en}`);
    throw e;
  } finally {
    await db.close();
  }
}

function parseDays(text: string | undefined): number {
  if (text === undefined) return DEFAULT_CODE_DAYS;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new UsageError(`จำนวนวัน “${text}” ต้องเป็น 1–365 / --days must be 1–365`);
  return days;
}

export async function adminCodes(
  opts: AdminOptions & { province: string; output?: string; days?: string },
  io: Output,
): Promise<number> {
  checkedFlag("--province", opts.province, provinceCodeSchema);
  const days = parseDays(opts.days);
  const running = runningServer(opts);
  if (running) {
    const register = loadRegister();
    const answer = await viaServer<Array<{ lao: string; code: string; expiresAt: string }>>(
      running,
      "POST",
      `/provinces/${opts.province}/access-codes`,
      { days },
    );
    return writeCodes(
      answer.map((a) => ({ lao: register.get(a.lao)!, code: a.code, expiresAt: a.expiresAt })),
      days,
      opts.output,
      io,
    );
  }
  return withDatabase(opts, async (db) => {
    if (!(await provinceExists(db, opts.province)))
      throw new UsageError(
        `ไม่มีจังหวัดรหัส ${opts.province} ในทะเบียน อปท. / no province ${opts.province} in the register`,
      );
    const codes = await db.transaction((q) => issueProvinceCodes(q, opts.province, null, new Date(), days));
    return writeCodes(codes, days, opts.output, io);
  });
}

/**
 * `minstd serve` holding the embedded database in --data: the command then goes through its API
 * (see server/localAdmin.ts). Undefined with DATABASE_URL, which any number of processes share.
 */
function runningServer(opts: AdminOptions): LocalServer | undefined {
  if (configFromEnv().databaseUrl) return undefined;
  return findLocalServer(resolve(opts.data ?? DEFAULT_DATA_DIR));
}

/** The running server's answer; its refusal (Thai / English) as a usage error, as the direct path would give. */
async function viaServer<T>(running: LocalServer, method: string, path: string, body?: unknown): Promise<T> {
  return callLocalServer<T>(running, method, path, body).catch((e: unknown) => {
    throw new UsageError((e as Error).message);
  });
}

function writeCodes(
  codes: readonly IssuedLaoCode[],
  days: number,
  output: string | undefined,
  io: Output,
): number {
  const csv = codesCsv(codes);
  if (output) {
    writeFileSync(output, csv);
    io.out(
      `ออกรหัสเข้าใช้งาน ${codes.length} รหัส (ใช้ได้ ${days} วัน) → ${output}\n` +
        `รหัสเดิมที่ยังไม่ได้ใช้ของ อปท. เหล่านี้ใช้ไม่ได้แล้ว / ${codes.length} codes written; earlier unused codes of these LAOs no longer work`,
    );
  } else
    io.out(
      csv
        .toString("utf8")
        .replace(/^\ufeff/, "")
        .trimEnd(),
    );
  return 0;
}

const STAFF_ROLES = ["province", "national", "admin"] as const;

export async function adminUserAdd(
  opts: AdminOptions & { role: string; name: string; province?: string; days?: string },
  io: Output,
): Promise<number> {
  const role = STAFF_ROLES.find((r) => r === opts.role);
  if (!role)
    throw new UsageError(
      `--role ต้องเป็น ${STAFF_ROLES.join(", ")} / --role must be one of ${STAFF_ROLES.join(", ")}`,
    );
  if ((role === "province") !== (opts.province !== undefined))
    throw new UsageError(
      "ผู้ใช้ระดับจังหวัดต้องมี --province และระดับอื่นต้องไม่มี / province users need --province, others not",
    );
  if (opts.province !== undefined) checkedFlag("--province", opts.province, provinceCodeSchema);
  const displayName = checkedFlag("--name", opts.name, userDisplayNameSchema, { quote: false });
  const days = parseDays(opts.days);
  const running = runningServer(opts);
  if (running) {
    const user = await viaServer<{ id: number }>(running, "POST", "/users", {
      role,
      displayName,
      ...(opts.province && { provinceCode: opts.province }),
    });
    const issued = await viaServer<{ code: string; expiresAt: string }>(
      running,
      "POST",
      `/users/${user.id}/access-codes`,
      { days },
    );
    io.out(
      `ผู้ใช้หมายเลข ${user.id} (${role}) รหัสเข้าใช้งานครั้งเดียว: ${issued.code}  (หมดอายุ ${issued.expiresAt})`,
    );
    io.out(`user ${user.id} (${role}) one-time sign-in code: ${issued.code}`);
    return 0;
  }
  return withDatabase(opts, async (db) => {
    if (opts.province && !(await provinceExists(db, opts.province)))
      throw new UsageError(`ไม่มีจังหวัดรหัส ${opts.province} ในทะเบียน / no province ${opts.province}`);
    const issued = await db.transaction(async (q) => {
      const user = await createUser(q, { role, displayName, provinceCode: opts.province ?? null });
      await audit(q, "user.create", null, `user:${user.id}`, {
        role,
        provinceCode: user.provinceCode,
        by: "cli",
      });
      return issueUserCode(q, user.id, null, new Date(), days);
    });
    io.out(
      `ผู้ใช้หมายเลข ${issued.userId} (${role}) รหัสเข้าใช้งานครั้งเดียว: ${issued.code}  (หมดอายุ ${issued.expiresAt})`,
    );
    io.out(`user ${issued.userId} (${role}) one-time sign-in code: ${issued.code}`);
    return 0;
  });
}

export async function adminUserCode(
  opts: AdminOptions & { id: string; days?: string },
  io: Output,
): Promise<number> {
  const id = parseUserId(opts.id);
  const days = parseDays(opts.days);
  const print = (issued: { code: string; expiresAt: string }): number => {
    io.out(`รหัสเข้าใช้งานครั้งเดียวของผู้ใช้ ${id}: ${issued.code}  (หมดอายุ ${issued.expiresAt})`);
    return 0;
  };
  const running = runningServer(opts);
  if (running) return print(await viaServer(running, "POST", `/users/${id}/access-codes`, { days }));
  return withDatabase(opts, async (db) =>
    print(await db.transaction((q) => issueUserCode(q, id, null, new Date(), days))),
  );
}

function parseUserId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1) throw new UsageError(`หมายเลขผู้ใช้ “${text}” ไม่ถูกต้อง / bad user id`);
  return id;
}

/**
 * Retires an account (its tokens and unused codes stop working) or reopens a retired one; both
 * audited. A reopened account's old tokens and codes stay void, so a new code follows.
 */
export async function adminUserRetirement(
  opts: AdminOptions & { id: string; reactivate: boolean },
  io: Output,
): Promise<number> {
  const id = parseUserId(opts.id);
  const done = (): number => {
    io.out(
      opts.reactivate
        ? `เปิดบัญชีผู้ใช้ ${id} คืนแล้ว — ออกรหัสใหม่ก่อนใช้งาน / user ${id} reactivated: issue a new code`
        : `ปิดบัญชีผู้ใช้ ${id} แล้ว โทเค็นและรหัสที่ยังไม่ได้ใช้ใช้ไม่ได้อีก / user ${id} retired`,
    );
    return 0;
  };
  const running = runningServer(opts);
  if (running) {
    if (opts.reactivate) await viaServer(running, "POST", `/users/${id}/reactivation`);
    else await viaServer(running, "DELETE", `/users/${id}`);
    return done();
  }
  return withDatabase(opts, async (db) => {
    const changed = await db.transaction(async (q) => {
      if (!(await (opts.reactivate ? reactivateUser(q, id) : retireUser(q, id)))) return false;
      await audit(q, opts.reactivate ? "user.reactivate" : "user.retire", null, `user:${id}`, { by: "cli" });
      return true;
    });
    if (!changed)
      throw new UsageError(
        opts.reactivate
          ? `ไม่พบผู้ใช้หมายเลข ${id} ที่ถูกปิดบัญชี / no retired user ${id}`
          : `ไม่พบผู้ใช้หมายเลข ${id} ที่ยังใช้งานอยู่ / no active user ${id}`,
      );
    return done();
  });
}

export async function adminUserList(opts: AdminOptions & { json?: boolean }, io: Output): Promise<number> {
  const print = (all: ReadonlyArray<Awaited<ReturnType<typeof listUsers>>[number]>): number => {
    const users = all.filter((u) => u.role !== "lao");
    if (opts.json) io.out(json(users));
    else
      for (const u of users)
        io.out(
          `${String(u.id).padStart(5)}  ${u.role.padEnd(9)} ${u.provinceCode ?? "  "}  ${u.displayName}${u.retiredAt ? "  (ปิดบัญชีแล้ว / retired)" : ""}`,
        );
    return 0;
  };
  const running = runningServer(opts);
  if (running) return print(await viaServer(running, "GET", "/users"));
  return withDatabase(opts, async (db) => print(await listUsers(db, {})));
}

export async function adminRoundLoad(opts: AdminOptions & { file: string }, io: Output): Promise<number> {
  let round;
  try {
    round = await loadRoundFile(opts.file);
  } catch (e) {
    if (e instanceof RoundFileError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
  const running = runningServer(opts);
  if (running) {
    const { revision } = await viaServer<{ revision: number }>(running, "PUT", `/rounds/${round.id}`, round);
    io.out(`นำเข้ารอบ ${round.id} แล้ว (ครั้งที่ ${revision}) / round ${round.id} loaded (revision ${revision})`);
    return 0;
  }
  return withDatabase(opts, async (db) => {
    const revision = await db.transaction(async (q) => {
      const r = await putRound(q, round);
      await audit(q, "round.load", null, `round:${round.id}`, { revision: r, file: opts.file, by: "cli" });
      return r;
    });
    io.out(`นำเข้ารอบ ${round.id} แล้ว (ครั้งที่ ${revision}) / round ${round.id} loaded (revision ${revision})`);
    return 0;
  });
}

export async function adminRoundWindow(
  opts: AdminOptions & { round: string; opens: string; closes: string },
  io: Output,
): Promise<number> {
  checkedFlag("--opens", opts.opens, isoDateSchema);
  checkedFlag("--closes", opts.closes, isoDateSchema);
  checkedFlag("--opens, --closes", { opens: opts.opens, closes: opts.closes }, windowRequestSchema);
  const running = runningServer(opts);
  if (running) {
    await viaServer(running, "PUT", `/rounds/${encodeURIComponent(opts.round)}/window`, {
      opens: opts.opens,
      closes: opts.closes,
    });
    io.out(`รอบ ${opts.round} เปิดรับ ${opts.opens} ถึง ${opts.closes} เวลา 24.00 น. / window set`);
    return 0;
  }
  return withDatabase(opts, async (db) => {
    const done = await db.transaction(async (q) => {
      const row = await getRoundRow(q, opts.round);
      if (!row) return false;
      await setWindow(q, row.id, opts.opens, opts.closes);
      await audit(q, "round.window.update", null, `round:${row.id}`, {
        from: { opens: row.opens, closes: row.closes },
        to: { opens: opts.opens, closes: opts.closes },
        by: "cli",
      });
      return true;
    });
    if (!done) throw new UsageError(`ไม่มีรอบ ${opts.round} / no round ${opts.round}`);
    io.out(`รอบ ${opts.round} เปิดรับ ${opts.opens} ถึง ${opts.closes} เวลา 24.00 น. / window set`);
    return 0;
  });
}
