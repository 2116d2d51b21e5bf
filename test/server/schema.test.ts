import { MIGRATIONS } from "../../src/server/db/migrations";
import { BACKENDS, startHarness, type Harness } from "./harness";

describe.each(BACKENDS)("the schema on %s", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(() => h?.close());

  it("has an index leading with the columns of every foreign key", async () => {
    const unindexed = await h.sql<{ table: string; columns: string }>(
      `SELECT c.conrelid::regclass::text AS table, array_to_string(c.conkey, ',') AS columns
         FROM pg_constraint c
        WHERE c.contype = 'f'
          AND NOT EXISTS (
            SELECT 1 FROM pg_index i
             WHERE i.indrelid = c.conrelid
               AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] = c.conkey)`,
    );
    expect(unindexed).toEqual([]);
  });

  it("records each migration it applied", async () => {
    const applied = await h.sql<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(applied[0]!.name).toBe("001-initial");
  });

  it("refuses what the domain forbids, whatever the code above does", async () => {
    const bad = [
      "INSERT INTO laos VALUES ('123', 'sao', 'x', '22', 'x', 'x', '2201', 'x')",
      "INSERT INTO users (role, \"displayName\") VALUES ('lao', 'no LAO')",
      "INSERT INTO users (role, \"displayName\") VALUES ('province', 'no province')",
      "INSERT INTO users (role, \"displayName\") VALUES ('superuser', 'x')",
      "UPDATE rounds SET closes = '2000-01-01' WHERE id = '2563'",
    ];
    for (const sql of bad) await expect(h.sql(sql)).rejects.toThrow();
  });
});
