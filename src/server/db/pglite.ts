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
  const root = wrap(db);
  return {
    kind: "pglite",
    query: root.query,
    exec: root.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
