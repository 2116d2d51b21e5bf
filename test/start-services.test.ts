import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectionServer } from "../scripts/start/collectionServer";
import { startServices, type Service } from "../scripts/start/services";

const ROOT = join(__dirname, "..");
import { sideloadInstructions } from "../scripts/start/addin";

/** A service that runs a small Node program. */
const node = (name: string, code: string, extra: Partial<Service> = {}): Service => ({
  name,
  command: process.execPath,
  args: ["-e", code],
  ...extra,
});

const FOREVER = "console.log('up'); setInterval(() => {}, 1000);";

describe("npm start's services", () => {
  it("prefixes every line with the service's name and says when it is ready", async () => {
    const lines: string[] = [];
    const running = startServices(
      [
        node("one", "console.log('hello'); console.error('warn'); console.log('compiled successfully')", {
          ready: { pattern: /compiled successfully/, message: "ready!" },
        }),
      ],
      (l) => lines.push(l),
    );
    expect(await running.done).toBe(1); // it stopped by itself, which a long-running service must not do
    expect(lines).toEqual(
      expect.arrayContaining(["[one] hello", "[one] warn", "[one] compiled successfully", "ready!"]),
    );
    expect(lines.filter((l) => l === "ready!")).toHaveLength(1);
    expect(lines).toContain("[one] stopped (exit code 0)");
  });

  it("stops every service on stop() (Ctrl+C) and ends with 0", async () => {
    const up = new Set<string>();
    let bothUp!: () => void;
    const ready = new Promise<void>((resolve) => (bothUp = resolve));
    const running = startServices([node("a", FOREVER), node("b", FOREVER)], (l) => {
      if (l === "[a] up" || l === "[b] up") up.add(l);
      if (up.size === 2) bothUp();
    });
    await ready;
    running.stop();
    expect(await running.done).toBe(0);
  });

  it("stops the others when one fails, and ends with its exit code", async () => {
    const lines: string[] = [];
    const running = startServices(
      [node("long", FOREVER), node("broken", "setTimeout(() => process.exit(3), 200)")],
      (l) => lines.push(l),
    );
    expect(await running.done).toBe(3);
    expect(lines).toContain("[broken] stopped (exit code 3)");
  });

  it("reports a service that cannot start", async () => {
    const lines: string[] = [];
    const running = startServices([{ name: "x", command: "/nonexistent/minstd-service", args: [] }], (l) =>
      lines.push(l),
    );
    expect(await running.done).toBe(1);
    expect(lines.join("\n")).toMatch(/\[x\] could not start: .*ENOENT/);
  });
});

describe("the sideloading instructions", () => {
  it("cover Excel on the web, on Windows and on Mac, in Thai and English, with the manifest", () => {
    const text = sideloadInstructions("darwin");
    for (const part of [
      "Excel บนเว็บ / Excel on the web",
      "Excel บน Windows / Excel on Windows",
      "Excel บน Mac / Excel on Mac",
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toContain("manifest.xml");
    expect(text).toContain("https://localhost:3000/");
    expect(text).not.toContain("Linux");
    expect(sideloadInstructions("linux")).toContain("~/.office-addin-dev-certs/");
  });
});

describe("npm start's collection server process", () => {
  it("can build the web app there, as on the first start of a fresh clone", () => {
    // The process runs the sources through tsx; the build reaches the theme by a dynamic import, which
    // needs tsx's ES module hooks as well as its CommonJS ones.
    const service = collectionServer();
    const loaderFlags = service.args.slice(0, -1);
    const dir = mkdtempSync(join(tmpdir(), "minstd-start-build-"));
    try {
      const entry = join(dir, "build.ts");
      writeFileSync(
        entry,
        `import { buildDashboard } from ${JSON.stringify(join(ROOT, "tools/dashboard/build"))};\n` +
          `buildDashboard(${JSON.stringify(join(dir, "dashboard"))}).then((b) => console.log("built", b.script));\n`,
      );
      const run = spawnSync(service.command, [...loaderFlags, entry], { cwd: service.cwd, encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(/^built dashboard-/);
      expect(existsSync(join(dir, "dashboard/index.html"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
