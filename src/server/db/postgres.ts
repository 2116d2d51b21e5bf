import { Pool, types as pgTypes } from "pg";
import { parseText, type Database, type Queryable, type Row } from "./adapter";

const typeParsers = {
  getTypeParser: ((id: number, format?: "text" | "binary") =>
    parseText[id] ?? pgTypes.getTypeParser(id, format ?? "text")) as typeof pgTypes.getTypeParser,
};

/** A PostgreSQL server through a connection pool (DATABASE_URL). */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new Pool({ connectionString: url, max: poolSize, types: typeParsers });
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const query = async <T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> =>
    (await pool.query(sql, [...params])).rows as T[];
  return {
    kind: "postgres",
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: async <R = Row>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, [...params])).rows as R[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
