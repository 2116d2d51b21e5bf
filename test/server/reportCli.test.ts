import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { BACKENDS, documentFor, startHarness } from "./harness";

/** `minstd report memo --lao --round`: from what an LAO submitted, read from the server's database. */
const bin = join(__dirname, "../../bin/minstd.js");

describe.each(BACKENDS)("minstd report from the database on %s", (backend) => {
  const dir = mkdtempSync(join(tmpdir(), "minstd-report-db-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the memo of the LAO's current version, with its receipt, and says when nothing was submitted", async () => {
    const h = await startHarness(backend, {
      now: "2025-08-20T14:30:00+07:00",
      ...(backend === "pglite" && { dataDir: join(dir, "db") }),
    });
    try {
      const token = await h.signIn("lao", { lao: "4220102" });
      const sent = await h.api("POST", "/submissions", {
        token,
        body: { id: `report-cli-${backend}-1`, document: documentFor("2568", "4220102", 3) },
      });
      expect(sent.status).toBe(201);
      if (backend === "pglite") await h.stop(); // one process per embedded database folder
      const env = { ...process.env, DATABASE_URL: h.storage.databaseUrl ?? "" };
      const data = backend === "pglite" ? ["--data", join(dir, "db")] : [];
      const output = join(dir, `memo-${backend}.docx`);
      const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env });
      const r = run([
        "report",
        "memo",
        "--lao",
        "4220102",
        "--round",
        "2568",
        "--date",
        "2025-08-25",
        "-o",
        output,
        ...data,
      ]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const xml = await (
        await JSZip.loadAsync(readFileSync(output))
      )
        .file("word/document.xml")!
        .async("string");
      expect(xml).toContain("เทศบาลเมืองจันทบุรี");
      expect(xml).toContain("ใบรับเลขที่ ๒๕๖๘-๔๒๒๐๑๐๒-๑");
      expect(xml).toContain("๒๐ สิงหาคม ๒๕๖๘ เวลา ๑๔.๓๐ น.");
      const none = run([
        "report",
        "memo",
        "--lao",
        "4220103",
        "--round",
        "2568",
        "-o",
        join(dir, "none.docx"),
        ...data,
      ]);
      expect(none.status).toBe(1);
      expect(none.stderr).toContain("ยังไม่ได้ส่งข้อมูลรอบ 2568");
    } finally {
      await h.close();
    }
  });
});
