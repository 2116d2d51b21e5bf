import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { parseText, type Database, type Queryable, type Row } from "./adapter";

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in one process. `dataDir` is a folder on disk, or
 * undefined for a throw-away in-memory database. PGlite has one connection: it queues statements
 * and transactions, so each transaction runs alone.
 */
export async function openPglite(
  dataDir: string | undefined,
  options: { loadDataDir?: Blob } = {},
): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let db: PGlite;
  try {
    db = await PGlite.create({
      dataDir: dataDir ?? "memory://",
      parsers: parseText,
      ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
    });
  } catch (e) {
    unlock();
    throw e;
  }
  const wrap = (target: PGlite | Transaction): Queryable => ({
    async query<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await target.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  });
  // A statement on the database itself from inside a transaction would wait for that transaction
  // forever (one connection). Such a call is a bug: it fails at once instead of hanging.
  const inTransaction = new AsyncLocalStorage<true>();
  const root = wrap(db);
  const guard = (): void => {
    if (inTransaction.getStore())
      throw new Error(
        "PGlite: a statement outside the transaction was run inside it; use the transaction's queryable",
      );
  };
  return {
    kind: "pglite",
    query: (sql, params) => (guard(), root.query(sql, params)),
    exec: (sql) => (guard(), root.exec(sql)),
    transaction: (fn) => db.transaction((tx) => inTransaction.run(true, () => fn(wrap(tx)))),
    // Inside a transaction no other statement runs (one connection), so the files are quiet and
    // what `read` counts is what the tarball holds. CHECKPOINT writes every page out first.
    dumpDataDir: (read) =>
      db.transaction((tx) =>
        inTransaction.run(true, async () => {
          const q = wrap(tx);
          await q.exec("CHECKPOINT");
          const result = await read(q);
          const blob = await db.dumpDataDir("gzip");
          return { data: new Uint8Array(await blob.arrayBuffer()), read: result };
        }),
      ),
    close: async () => {
      await db.close();
      unlock();
    },
  };
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `ฐานข้อมูลในเครื่อง ${dataDir} ถูกใช้อยู่โดยโปรเซส ${pid} (เช่น minstd serve หรือ npm start) — หยุดโปรเซสนั้นก่อน ` +
        `/ the embedded database in ${dataDir} is in use by process ${pid} (minstd serve or npm start): stop it first`,
    );
    this.name = "DataDirInUseError";
  }
}

/** Whether a process runs (one of another user counts: it holds what it holds). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live process holding the data folder, if any (a lock left by a dead one does not count). */
export function dataDirOwner(dataDir: string): number | undefined {
  try {
    const owner = Number(readFileSync(join(dataDir, "minstd.lock"), "utf8").trim());
    return Number.isInteger(owner) && owner > 0 && processAlive(owner) ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One process per data folder: two PGlite instances on the same files would corrupt them. A lock
 * file holds the owner's pid; a lock left by a process that died (kill -9, power cut) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "minstd.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner))
        throw new DataDirInUseError(dataDir, owner);
      rmSync(file, { force: true });
    }
  }
  throw new DataDirInUseError(dataDir, Number(readFileSync(file, "utf8").trim()));
}
