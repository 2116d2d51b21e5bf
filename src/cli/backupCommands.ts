import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  openAsBlob,
  readdirSync,
  renameSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { formatThaiDateTime } from "../core";
import {
  BACKUP_KEY_HEADER,
  backupPostgres,
  configFromEnv,
  countDifferences,
  DataDirInUseError,
  dataDirOwner,
  DEFAULT_DATA_DIR,
  embeddedSnapshot,
  indexTar,
  inspectPostgres,
  LOCAL_SERVER_FILE,
  MANIFEST_NAME,
  manifestProblem,
  openPglite,
  readEntry,
  readLocalServerInfo,
  readMigrations,
  readPostgres,
  readStoredCounts,
  redactUrl,
  restorePostgres,
  sha256File,
  streamEntry,
  writeEmbeddedBackup,
  type BackupManifest,
  type StoredCounts,
} from "../server";
import { UsageError, type Output } from "./output";

/**
 * `minstd backup --out FILE` and `minstd restore FILE`: the whole database in one file (a tar with
 * manifest.json and the database: pg_dump's custom format for PostgreSQL, PGlite's data folder for
 * the embedded database). A backup is consistent while the server runs; a restore checks the file
 * before touching anything, refuses to overwrite data without --force, and checks the counts after.
 */

export interface BackupOptions {
  out: string;
  data?: string;
}

export interface RestoreOptions {
  data?: string;
  force?: boolean;
}

function countsLine(c: StoredCounts): string {
  return (
    `การส่งข้อมูล ${c.submissions} รายการ ฉบับ ${c.versions} ใบรับ ${c.receipts} การส่งกลับ ${c.returns} ` +
    `บันทึกการใช้งาน ${c.audits} ผู้ใช้ ${c.users} / submissions ${c.submissions}, versions ${c.versions}, ` +
    `receipts ${c.receipts}, returns ${c.returns}, audit entries ${c.audits}, users ${c.users}`
  );
}

function describe(m: BackupManifest): string {
  return (
    `ข้อมูลสำรองเมื่อ ${formatThaiDateTime(new Date(m.createdAt), { digits: "arabic" })} (MinStd ${m.minstdVersion}, ` +
    `${m.database === "pglite" ? "ฐานข้อมูลในเครื่อง PGlite" : "PostgreSQL"}, โครงสร้าง ${m.schemaVersion}) / ` +
    `backup of ${m.createdAt}`
  );
}

function readManifest(file: string): BackupManifest {
  try {
    const entries = indexTar(file);
    const entry = entries.find((e) => e.name === MANIFEST_NAME);
    if (!entry) throw new Error("no manifest.json");
    return JSON.parse(readEntry(file, entry).toString("utf8")) as BackupManifest;
  } catch (e) {
    throw new UsageError(
      `อ่านไฟล์สำรอง ${file} ไม่ได้ (${(e as Error).message}) / cannot read the backup ${file}`,
    );
  }
}

async function fromRunningServer(url: string, key: string, outFile: string): Promise<void> {
  const res = await fetch(`${url}/api/v1/admin/backup`, { headers: { [BACKUP_KEY_HEADER]: key } });
  if (!res.ok || !res.body) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
  const partial = `${outFile}.partial`;
  await pipeline(
    Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
    createWriteStream(partial),
  );
  renameSync(partial, outFile);
}

export async function backup(opts: BackupOptions, io: Output): Promise<number> {
  const outFile = resolve(opts.out);
  if (!existsSync(dirname(outFile)))
    throw new UsageError(`ไม่มีโฟลเดอร์ ${dirname(outFile)} / no folder ${dirname(outFile)}`);
  const env = configFromEnv();
  let how: string;
  if (env.databaseUrl) {
    await backupPostgres(env.databaseUrl, outFile);
    how = `pg_dump จาก / from ${redactUrl(env.databaseUrl)}`;
  } else {
    const dataDir = resolve(opts.data ?? DEFAULT_DATA_DIR);
    const owner = dataDirOwner(dataDir);
    const info = readLocalServerInfo(dataDir);
    if (owner !== undefined) {
      if (!info || info.pid !== owner)
        throw new UsageError(
          `ฐานข้อมูลใน ${dataDir} ถูกใช้โดยโปรเซส ${owner} ที่ไม่ใช่ minstd serve — หยุดโปรเซสนั้นก่อน / ` +
            `${dataDir} is held by process ${owner}, not a running server: stop it first`,
        );
      await fromRunningServer(info.url, info.backupKey, outFile);
      how = `จากเครื่องแม่ข่ายที่ทำงานอยู่ / from the running server ${info.url}`;
    } else {
      if (!existsSync(dataDir)) throw new UsageError(`ไม่มีฐานข้อมูลใน ${dataDir} / no database in ${dataDir}`);
      const db = await openPglite(dataDir).catch((e: unknown) => {
        throw e instanceof DataDirInUseError ? new UsageError(e.message) : e;
      });
      try {
        const snapshot = await embeddedSnapshot(db);
        const partial = `${outFile}.partial`;
        const out = createWriteStream(partial);
        await writeEmbeddedBackup(out, snapshot);
        await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
        renameSync(partial, outFile);
      } finally {
        await db.close();
      }
      how = `จากโฟลเดอร์ / from the folder ${dataDir}`;
    }
  }
  const manifest = readManifest(outFile);
  io.out(`สำรองข้อมูลแล้ว / backed up: ${outFile} (${how})`);
  io.out(describe(manifest));
  io.out(countsLine(manifest.counts));
  return 0;
}

export async function restore(file: string, opts: RestoreOptions, io: Output): Promise<number> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`ไม่พบไฟล์ ${file} / no file ${file}`);
  const manifest = readManifest(path);
  const problem = manifestProblem(manifest);
  if (problem) throw new UsageError(problem);
  const entry = indexTar(path).find((e) => e.name === manifest.payload.name);
  if (!entry || entry.size !== manifest.payload.bytes)
    throw new UsageError(`ไฟล์สำรองไม่ครบ (${manifest.payload.name}) / the backup is incomplete`);
  const work = mkdtempSync(join(tmpdir(), "minstd-restore-"));
  try {
    const payload = join(work, manifest.payload.name);
    await pipeline(streamEntry(path, entry), createWriteStream(payload));
    if ((await sha256File(payload)) !== manifest.payload.sha256)
      throw new UsageError(
        `ไฟล์สำรองเสียหาย (checksum ไม่ตรง) ไม่ได้เปลี่ยนแปลงอะไร / the backup is damaged (checksum mismatch): nothing was changed`,
      );
    io.out(describe(manifest));
    io.out(countsLine(manifest.counts));

    const env = configFromEnv();
    let found: { counts: StoredCounts; migrations: string[] };
    if (manifest.database === "postgres") {
      if (!env.databaseUrl)
        throw new UsageError(
          "ไฟล์สำรองนี้มาจาก PostgreSQL: ตั้ง DATABASE_URL ของฐานข้อมูลที่จะกู้คืนไปก่อน / this backup is of PostgreSQL: set DATABASE_URL to the database to restore into",
        );
      const target = redactUrl(env.databaseUrl);
      const state = await inspectPostgres(env.databaseUrl);
      if (state.servers > 0)
        throw new UsageError(
          `มีเครื่องแม่ข่าย MinStd เชื่อมต่อฐานข้อมูล ${target} อยู่ ${state.servers} การเชื่อมต่อ — หยุด minstd serve ก่อนกู้คืน / ` +
            `a MinStd server is connected to ${target}: stop it before restoring`,
        );
      if (state.tables > 0 && !opts.force)
        throw new UsageError(
          `ฐานข้อมูล ${target} มีข้อมูลอยู่แล้ว${state.counts ? ` (${countsLine(state.counts)})` : ""} — ` +
            `ไม่ได้เปลี่ยนแปลงอะไร ถ้าต้องการแทนที่ด้วยข้อมูลสำรอง ให้สั่งอีกครั้งพร้อม --force / ` +
            `${target} is not empty: nothing was changed; add --force to replace it with the backup`,
        );
      io.out(
        state.tables > 0
          ? `จะลบข้อมูลเดิมใน ${target} แล้วแทนที่ด้วยข้อมูลสำรองนี้ (ทำในธุรกรรมเดียว ถ้าไม่สำเร็จข้อมูลเดิมยังอยู่) / replacing the data in ${target} (one transaction)`
          : `จะกู้คืนข้อมูลสำรองนี้ลงในฐานข้อมูลว่าง ${target} / restoring into the empty database ${target}`,
      );
      await restorePostgres(env.databaseUrl, payload, state.tables > 0);
      found = await readPostgres(env.databaseUrl);
    } else {
      if (env.databaseUrl)
        throw new UsageError(
          "ไฟล์สำรองนี้มาจากฐานข้อมูลในเครื่อง (PGlite): ยกเลิก DATABASE_URL แล้วใช้ --data / this backup is of the embedded database: unset DATABASE_URL and use --data",
        );
      const dataDir = resolve(opts.data ?? DEFAULT_DATA_DIR);
      const owner = dataDirOwner(dataDir);
      if (owner !== undefined)
        throw new UsageError(
          `ฐานข้อมูลใน ${dataDir} ถูกใช้อยู่โดยโปรเซส ${owner} (minstd serve) — หยุดก่อนกู้คืน / ${dataDir} is in use by process ${owner}: stop the server first`,
        );
      const nonEmpty = existsSync(dataDir) && readdirSync(dataDir).length > 0;
      if (nonEmpty && !opts.force)
        throw new UsageError(
          `โฟลเดอร์ ${dataDir} มีฐานข้อมูลอยู่แล้ว — ไม่ได้เปลี่ยนแปลงอะไร ถ้าต้องการแทนที่ด้วยข้อมูลสำรอง ให้สั่งอีกครั้งพร้อม --force ` +
            `(ข้อมูลเดิมจะถูกย้ายไปเก็บไว้ ไม่ถูกลบ) / ${dataDir} already holds a database: nothing was changed; add --force ` +
            `to replace it (the old folder is kept aside, not deleted)`,
        );
      if (nonEmpty) {
        const aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
        renameSync(dataDir, aside);
        io.out(`ย้ายฐานข้อมูลเดิมไปไว้ที่ ${aside} / the old database was moved to ${aside}`);
      }
      io.out(`จะกู้คืนข้อมูลสำรองนี้ลงในโฟลเดอร์ ${dataDir} / restoring into ${dataDir}`);
      const db = await openPglite(dataDir, { loadDataDir: (await openAsBlob(payload)) as Blob });
      try {
        found = { counts: await readStoredCounts(db), migrations: await readMigrations(db) };
      } finally {
        await db.close();
      }
      // The dump holds the folder as it was, with the old server's address and key.
      rmSync(join(dataDir, LOCAL_SERVER_FILE), { force: true });
    }
    const differences = countDifferences(manifest.counts, found.counts);
    if (found.migrations.join() !== manifest.migrations.join())
      differences.push(
        `schema: ${manifest.migrations.join()} in the backup, ${found.migrations.join()} restored`,
      );
    if (differences.length > 0) {
      io.err(
        "กู้คืนแล้วแต่จำนวนไม่ตรงกับไฟล์สำรอง — อย่าเปิดรับข้อมูล ตรวจสอบก่อน / restored, but it does not match the backup:",
      );
      for (const d of differences) io.err(`  ${d}`);
      return 1;
    }
    io.out(`กู้คืนแล้ว ตรวจจำนวนตรงกับไฟล์สำรองครบ / restored and checked: ${countsLine(found.counts)}`);
    io.out(
      "เริ่ม minstd serve ได้ (การปรับโครงสร้างฐานข้อมูลที่ใหม่กว่าจะทำเมื่อเริ่ม) / start minstd serve (newer migrations apply on start)",
    );
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
