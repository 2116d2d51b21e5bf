import type { Database } from "./adapter";
import { migrate } from "./migrate";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";

export interface DatabaseConfig {
  /** postgres://… : a PostgreSQL server. Absent: embedded PGlite in dataDir. */
  readonly databaseUrl?: string;
  /** PGlite's data folder; undefined keeps the database in memory (tests). */
  readonly dataDir?: string;
  readonly poolSize?: number;
}

/** Opens the database the config names and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl, config.poolSize)
    : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
