import type { Database } from "./adapter";
import { MIGRATIONS, type Migration } from "./migrations";

/** Any fixed number; every process that migrates takes this lock, so two starting servers do not race. */
const MIGRATION_LOCK = 620_001;

/** Applies the migrations not yet applied, in one transaction. Returns the names applied. */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         name text PRIMARY KEY,
         "appliedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp()
       )`,
    );
    const done = new Set(
      (await tx.query<{ name: string }>("SELECT name FROM schema_migrations")).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [m.name]);
      applied.push(m.name);
    }
    return applied;
  });
}
