import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRegister } from "../../src/dataFiles";
import { runMinstd } from "../server/cliProcess";
import { documentFor, scratchDatabase, startHarness, type Backend, type Harness } from "../server/harness";

/**
 * The restore drill: a server on real storage takes submissions (first versions, returns by the
 * province, second versions, client retries); `minstd backup` runs while more submissions keep
 * arriving; the storage is wiped; `minstd restore` brings it back; a server on the restored data
 * must hold every version, receipt, return and audit entry acknowledged before the backup began,
 * and nothing that was never acknowledged.
 */

export interface DrillOptions {
  readonly backend: Backend;
  /** LAOs submitting: about 1.3 versions each. */
  readonly laos: number;
  readonly concurrency: number;
  readonly log?: (line: string) => void;
}

export interface DrillResult {
  readonly acknowledgedBeforeBackup: number;
  readonly acknowledgedInTotal: number;
  readonly restored: { versions: number; returns: number; audits: number };
  /** Everything wrong, one line each; empty when the drill passed. */
  readonly problems: string[];
  readonly backupOutput: string;
  readonly restoreOutput: string;
}

const ROUND = "2563";

async function inPool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

interface StoredState {
  receipts: Map<string, string>; // instanceId → receiptNumber
  returns: Set<string>;
  audits: Map<string, string>; // id → row as JSON
}

async function readState(h: Harness): Promise<StoredState> {
  const versions = await h.sql<{ instanceId: string; receiptNumber: string }>(
    `SELECT "instanceId", "receiptNumber" FROM submission_versions`,
  );
  const returns = await h.sql<{ laoCode: string; version: number }>(
    `SELECT s."laoCode", r.version FROM submission_returns r JOIN submissions s ON s.id = r."submissionId"`,
  );
  const audits = await h.sql<{ id: number; action: string; subject: string | null; details: unknown }>(
    `SELECT id::int AS id, action, subject, details FROM audits`,
  );
  return {
    receipts: new Map(versions.map((v) => [v.instanceId, v.receiptNumber])),
    returns: new Set(returns.map((r) => `${r.laoCode}/${r.version}`)),
    audits: new Map(audits.map((a) => [String(a.id), JSON.stringify([a.action, a.subject, a.details])])),
  };
}

export async function runDrill(options: DrillOptions): Promise<DrillResult> {
  const log = options.log ?? (() => undefined);
  const work = mkdtempSync(join(tmpdir(), "minstd-drill-"));
  const dataDir = join(work, "data");
  const backupFile = join(work, "backup.minstd");
  const problems: string[] = [];
  const laos = [...loadRegister().all]
    .map((l) => l.code)
    .sort()
    .filter((_, i) => i % 7 === 0)
    .slice(0, options.laos);
  let h = await startHarness(options.backend, options.backend === "pglite" ? { dataDir } : {});
  const source = h.storage;
  let target: { url: string; drop: () => Promise<void> } | undefined;
  try {
    const acknowledged = new Map<string, string>(); // instanceId → receiptNumber
    const returned = new Set<string>();
    const provinceTokens = new Map<string, Promise<string>>();
    const provinceToken = (province: string) => {
      if (!provinceTokens.has(province)) provinceTokens.set(province, h.signIn("province", { province }));
      return provinceTokens.get(province)!;
    };
    const submitOne = async (lao: string, i: number) => {
      const token = await h.signIn("lao", { lao });
      const first = `drill-${lao}-1-${options.backend}`;
      const body = { id: first, document: documentFor(ROUND, lao, i) };
      const res = await h.api("POST", "/submissions", { token, body });
      if (res.status !== 201) throw new Error(`submit ${lao}: ${res.status} ${JSON.stringify(res.body)}`);
      acknowledged.set(first, res.body.receiptNumber as string);
      if (i % 4 === 0) {
        // The outbox sends the same version again after a lost answer: a replay, same receipt.
        const again = await h.api("POST", "/submissions", { token, body });
        if (again.status !== 200) problems.push(`replay ${lao}: ${again.status}`);
      }
      if (i % 3 === 0) {
        const ret = await h.api("POST", `/laos/${lao}/submissions/${ROUND}/returns`, {
          token: await provinceToken(loadRegister().get(lao)!.provinceCode),
          body: { version: 1, comments: {}, note: `ส่งกลับเพื่อแก้ไข ${lao}` },
        });
        if (ret.status !== 201) throw new Error(`return ${lao}: ${ret.status} ${JSON.stringify(ret.body)}`);
        returned.add(`${lao}/1`);
        const second = `drill-${lao}-2-${options.backend}`;
        const res2 = await h.api("POST", "/submissions", {
          token,
          body: { id: second, replaces: first, document: documentFor(ROUND, lao, i + 1000) },
        });
        if (res2.status !== 201)
          throw new Error(`resubmit ${lao}: ${res2.status} ${JSON.stringify(res2.body)}`);
        acknowledged.set(second, res2.body.receiptNumber as string);
      }
    };

    const before = laos.slice(0, Math.ceil((laos.length * 2) / 3));
    const during = laos.slice(before.length);
    log(`${options.backend}: ${before.length} LAOs submit before the backup`);
    await inPool(before, options.concurrency, (lao) => submitOne(lao, laos.indexOf(lao)));
    const ackBefore = new Map(acknowledged);
    const returnsBefore = new Set(returned);
    const auditsBefore = (await readState(h)).audits;

    log(`${options.backend}: backup while ${during.length} more LAOs submit`);
    const env = options.backend === "postgres" ? { DATABASE_URL: source.databaseUrl! } : { DATABASE_URL: "" };
    const [backupRun] = await Promise.all([
      runMinstd(
        ["backup", "--out", backupFile, ...(options.backend === "pglite" ? ["--data", dataDir] : [])],
        env,
      ),
      inPool(during, options.concurrency, (lao) => submitOne(lao, laos.indexOf(lao))),
    ]);
    if (backupRun.code !== 0) throw new Error(`backup failed: ${backupRun.output}`);
    const final = await readState(h);

    log(`${options.backend}: wipe and restore`);
    if (options.backend === "pglite") {
      await h.stop();
      rmSync(dataDir, { recursive: true, force: true });
    } else {
      await h.close(); // drops the database
      target = await scratchDatabase();
    }
    const restoreEnv = options.backend === "postgres" ? { DATABASE_URL: target!.url } : { DATABASE_URL: "" };
    const restoreRun = await runMinstd(
      ["restore", backupFile, ...(options.backend === "pglite" ? ["--data", dataDir] : [])],
      restoreEnv,
    );
    if (restoreRun.code !== 0) problems.push(`restore exited with ${restoreRun.code}: ${restoreRun.output}`);

    h = await startHarness(
      options.backend,
      options.backend === "pglite" ? { dataDir } : { databaseUrl: target!.url },
    );
    const restored = await readState(h);
    for (const [id, receipt] of ackBefore)
      if (restored.receipts.get(id) !== receipt) problems.push(`lost: version ${id} (receipt ${receipt})`);
    for (const r of returnsBefore) if (!restored.returns.has(r)) problems.push(`lost: return ${r}`);
    for (const [id, row] of auditsBefore)
      if (restored.audits.get(id) !== row) problems.push(`lost or changed: audit entry ${id}`);
    for (const [id, receipt] of restored.receipts)
      if (acknowledged.get(id) !== receipt && final.receipts.get(id) !== receipt)
        problems.push(`restored a version never stored: ${id}`);
    for (const [id, row] of restored.audits)
      if (final.audits.get(id) !== row) problems.push(`restored an audit entry never written: ${id}`);
    // The restored server takes submissions again, numbering after what it holds.
    const lao = during[0] ?? before[0]!;
    const token = await h.signIn("lao", { lao });
    const latest = [...restored.receipts.keys()]
      .filter((id) => id.startsWith(`drill-${lao}-`))
      .sort()
      .pop();
    const after = await h.api("POST", "/submissions", {
      token,
      body: {
        id: `drill-${lao}-after-${options.backend}`,
        ...(latest && { replaces: latest }),
        document: documentFor(ROUND, lao, 9999),
      },
    });
    if (after.status !== 201) problems.push(`after restore, a submission got ${after.status}`);
    return {
      acknowledgedBeforeBackup: ackBefore.size,
      acknowledgedInTotal: acknowledged.size,
      restored: {
        versions: restored.receipts.size,
        returns: restored.returns.size,
        audits: restored.audits.size,
      },
      problems,
      backupOutput: backupRun.output,
      restoreOutput: restoreRun.output,
    };
  } finally {
    await h.close().catch(() => undefined);
    await target?.drop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}
