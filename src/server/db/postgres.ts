import { Pool, types as pgTypes, type PoolClient, type QueryConfig } from "pg";
import { parseText, type Database, type Queryable, type Row } from "./adapter";

const typeParsers = {
  getTypeParser: ((id: number, format?: "text" | "binary") =>
    parseText[id] ?? pgTypes.getTypeParser(id, format ?? "text")) as typeof pgTypes.getTypeParser,
};

/**
 * Statements with parameters run as named prepared statements: each connection parses and plans
 * a statement once, not on every request. The name is derived from the text.
 */
const names = new Map<string, string>();
function prepared(sql: string, params: readonly unknown[]): QueryConfig {
  if (params.length === 0) return { text: sql };
  let name = names.get(sql);
  if (!name) {
    name = `q${names.size + 1}`;
    names.set(sql, name);
  }
  return { name, text: sql, values: [...params] };
}

async function rows<T>(client: Pool | PoolClient, sql: string, params: readonly unknown[]): Promise<T[]> {
  return (await client.query(prepared(sql, params))).rows as T[];
}

export const SERVER_APPLICATION_NAME = "minstd-server";

/** A PostgreSQL server through a connection pool (DATABASE_URL). */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // The name lets `minstd restore` see a server still connected to the database.
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    types: typeParsers,
    application_name: SERVER_APPLICATION_NAME,
  });
  // An idle connection the server ends (a restart, a failover, the database dropped) is an 'error'
  // event on the pool; unheard, it would end the process. The next query opens a new connection,
  // and /api/v1/ready reports the database while it is away.
  pool.on("error", (e) => {
    process.emitWarning(`PostgreSQL connection lost: ${e.message}`, "MinStdDatabaseWarning");
  });
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    kind: "postgres",
    query: <T = Row>(sql: string, params: readonly unknown[] = []) => rows<T>(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // BEGIN goes out with the transaction's first statement when that one has no parameters
      // (one round trip instead of two: see lockLaoRound).
      let begun = false;
      const begin = async (): Promise<void> => {
        if (!begun) await client.query("BEGIN");
        begun = true;
      };
      try {
        const result = await fn({
          async query<R = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
            if (!begun && params.length === 0) {
              begun = true;
              const results = (await client.query(`BEGIN; ${sql}`)) as unknown as Array<{ rows: R[] }>;
              return results[results.length - 1]!.rows;
            }
            await begin();
            return rows<R>(client, sql, params);
          },
          async exec(sql: string): Promise<void> {
            await begin();
            await client.query(sql);
          },
        });
        if (begun) await client.query("COMMIT");
        return result;
      } catch (e) {
        if (begun) await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}
