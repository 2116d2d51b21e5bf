import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { indexTar } from "../../src/server/ops/tarFile";
import { BACKUP_KEY_HEADER } from "../../src/server/ops/localServer";
import { runMinstd } from "../server/cliProcess";
import { BACKENDS, documentFor, LAO_22, newId, scratchDatabase, startHarness } from "../server/harness";

/** The refusals of `minstd restore`: each leaves the target as it was. */
describe("minstd restore refuses what would lose data", () => {
  const work = mkdtempSync(join(tmpdir(), "minstd-backup-cli-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  (BACKENDS.includes("postgres") ? it : it.skip)(
    "on PostgreSQL: a connected server, data already there without --force, a damaged file; then --force replaces",
    async () => {
      const h = await startHarness("postgres");
      const other = await scratchDatabase();
      try {
        const env = { DATABASE_URL: h.storage.databaseUrl! };
        const token = await h.signIn("lao", { lao: LAO_22 });
        const body = { id: newId(), document: documentFor("2563", LAO_22, 1) };
        expect((await h.api("POST", "/submissions", { token, body })).status).toBe(201);
        const file = join(work, "pg.tar");
        const backup = await runMinstd(["backup", "--out", file], env);
        expect(backup.code).toBe(0);
        expect(indexTar(file).map((e) => e.name)).toEqual(["manifest.json", "database.pgdump"]);
        const manifest = JSON.parse(readFileSync(file, "utf8").slice(512, 512 + indexTar(file)[0]!.size)) as {
          counts: { versions: number };
          schemaVersion: string;
        };
        expect(manifest.counts.versions).toBe(1);
        expect(manifest.schemaVersion).toMatch(/^\d{3}-/);

        const whileServing = await runMinstd(["restore", file, "--force"], env);
        expect(whileServing.code).toBe(2);
        expect(whileServing.output).toContain("หยุด minstd serve ก่อนกู้คืน");

        await h.stop();
        const notEmpty = await runMinstd(["restore", file], env);
        expect(notEmpty.code).toBe(2);
        expect(notEmpty.output).toContain("มีข้อมูลอยู่แล้ว");
        expect(notEmpty.output).toContain("--force");

        const damaged = join(work, "damaged.tar");
        const bytes = readFileSync(file);
        const payload = indexTar(file)[1]!;
        bytes[payload.offset + Math.floor(payload.size / 2)]! ^= 0xff;
        writeFileSync(damaged, bytes);
        const refused = await runMinstd(["restore", damaged], { DATABASE_URL: other.url });
        expect(refused.code).toBe(2);
        expect(refused.output).toContain("ไฟล์สำรองเสียหาย");
        const c = new Client({ connectionString: other.url });
        await c.connect();
        const tables = await c.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'");
        await c.end();
        expect(tables.rowCount).toBe(0);

        const embedded = await runMinstd(["restore", file, "--data", join(work, "x")], { DATABASE_URL: "" });
        expect(embedded.code).toBe(2);
        expect(embedded.output).toContain("DATABASE_URL");

        const replaced = await runMinstd(["restore", file, "--force"], env);
        expect(replaced.output).toContain("กู้คืนแล้ว ตรวจจำนวนตรงกับไฟล์สำรองครบ");
        expect(replaced.code).toBe(0);
      } finally {
        await h.close();
        await other.drop();
      }
    },
    180_000,
  );

  it("on the embedded database: the backup endpoint needs the key from the data folder", async () => {
    const dataDir = join(work, "embedded");
    const h = await startHarness("pglite", { dataDir });
    try {
      const info = JSON.parse(readFileSync(join(dataDir, "minstd-server.json"), "utf8")) as {
        backupKey: string;
      };
      expect((await fetch(`${h.url}/api/v1/admin/backup`)).status).toBe(403);
      const wrong = await fetch(`${h.url}/api/v1/admin/backup`, {
        headers: { [BACKUP_KEY_HEADER]: "x".repeat(43) },
      });
      expect(wrong.status).toBe(403);
      const right = await fetch(`${h.url}/api/v1/admin/backup`, {
        headers: { [BACKUP_KEY_HEADER]: info.backupKey },
      });
      expect(right.status).toBe(200);
      expect(Buffer.from(await right.arrayBuffer()).toString("ascii", 257, 262)).toBe("ustar");
    } finally {
      await h.close();
    }
  }, 120_000);
});
