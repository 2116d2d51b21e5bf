import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The installed command, run as a new user would (`npx minstd …` runs bin/minstd.js). */
const bin = join(__dirname, "../../bin/minstd.js");
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

describe("the minstd command", () => {
  it("runs the compiled command, which says its version", () => {
    const r = run("--version");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string })
        .version,
    );
    // Compiled, not the TypeScript sources through tsx (which says so on stderr).
    expect(r.stderr).toBe("");
  });

  it("runs from a fresh checkout with help in Thai and English", () => {
    const r = run("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("รอบการประเมิน / assessment rounds");
    expect(r.stdout).toContain("check");
  });

  it("lists rounds and exits 0", () => {
    const r = run("round", "list", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((round: { id: string }) => round.id)).toEqual([
      "2563",
      "2564",
      "2565",
      "2566",
      "2567",
      "2568",
    ]);
  });

  it("finds its data files when compiled: the LAO register and the shipped rounds", () => {
    const r = run("check", join(__dirname, "../../examples/submission-2563.json"), "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results).toHaveLength(4);
    const found = run("lao", "find", "คลองท่อมใต้");
    expect(found.stdout).toContain("เทศบาลตำบลคลองท่อมใต้ (5810401)");
  });

  it("stops quietly when its reader stops early (minstd round list | head)", async () => {
    const child = spawn(process.execPath, [bin, "round", "list"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.destroy(); // the reader is gone before the first line is written
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("runs the same when the compiled file is started directly (node dist/cli/minstd.js)", () => {
    const direct = (...args: string[]) =>
      spawnSync(process.execPath, [join(__dirname, "../../dist/cli/minstd.js"), ...args], {
        encoding: "utf8",
      });
    expect(direct("--version").stdout.trim()).toBe(run("--version").stdout.trim());
    const wrong = direct("round", "show");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("minstd help");
  });

  it("exits 2 with a message when used wrongly", () => {
    const r = run("round", "show");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("minstd help");
  });
});
