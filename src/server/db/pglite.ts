import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { parseText, type Database, type Queryable, type Row } from "./adapter";

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in one process. `dataDir` is a folder on disk, or
 * undefined for a throw-away in-memory database. PGlite has one connection: it queues statements
 * and transactions, so each transaction runs alone.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db: PGlite = await PGlite.create({ dataDir: dataDir ?? "memory://", parsers: parseText });
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
    close: () => db.close(),
  };
}
