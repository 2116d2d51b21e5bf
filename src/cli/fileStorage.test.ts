import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileStorage } from "./fileStorage";

describe("FileStorage", () => {
  const root = mkdtempSync(join(tmpdir(), "minstd-storage-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("keeps values by key in files only the user can read, and lists and removes them", async () => {
    const dir = join(root, "a", "outbox");
    const storage = new FileStorage(dir);
    expect(await storage.getKeys()).toEqual([]);
    expect(await storage.getItem("k")).toBeNull();
    await storage.setItem("minstd.v1.outbox|https%3A%2F%2Fx|2563|4220102|1|id", "สวัสดี");
    await storage.setItem("second", "2");
    await storage.setItem("second", "two");
    expect(await storage.getItem("minstd.v1.outbox|https%3A%2F%2Fx|2563|4220102|1|id")).toBe("สวัสดี");
    expect(await storage.getItem("second")).toBe("two");
    expect((await storage.getKeys()).sort()).toEqual([
      "minstd.v1.outbox|https%3A%2F%2Fx|2563|4220102|1|id",
      "second",
    ]);
    if (process.platform !== "win32") {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await storage.removeItem("second");
    await storage.removeItem("second");
    expect(await storage.getKeys()).toEqual(["minstd.v1.outbox|https%3A%2F%2Fx|2563|4220102|1|id"]);
  });

  it("skips a damaged file and a temporary file left by a crash, and keeps them", async () => {
    const dir = join(root, "b");
    const storage = new FileStorage(dir);
    await storage.setItem("good", "1");
    writeFileSync(join(dir, "0123.json"), "{ not json");
    writeFileSync(join(dir, ".123-abc.tmp"), "{}");
    expect(await storage.getKeys()).toEqual(["good"]);
    expect(readdirSync(dir)).toHaveLength(3);
  });
});
