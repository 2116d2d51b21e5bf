import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { parseText, type Database, type Queryable, type Row } from "./adapter";
import { lockDataDir } from "./dataDirLock";

export { DataDirInUseError, dataDirOwner, processAlive } from "./dataDirLock";

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
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => undefined;
  let db: PGlite;
  try {
    db = await PGlite.create({
      dataDir: dataDir ?? "memory://",
      parsers: parseText,
      ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
    });
  } catch (e) {
    await unlock();
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
      await unlock();
    },
  };
}
