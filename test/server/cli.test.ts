import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BIN as bin, useCommandStore } from "./cliProcess";
import { request, BACKENDS } from "./harness";

/** `minstd admin` and `minstd serve` as an operator runs them: the installed command, real files. */

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ...env },
  });
}

function serve(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, url, exited };
}

describe.each(BACKENDS)("minstd admin and minstd serve on %s", (backend) => {
  const store = useCommandStore(backend, "minstd-cli-");
  const { data, dir } = store;

  it("writes a province's access codes as CSV, refuses a bad province, and the codes sign in on the server", async () => {
    const csvFile = join(dir, "codes.csv");
    const codes = run(["admin", "codes", "--province", "22", "-o", csvFile, ...data], store.env);
    expect(codes.stderr).toBe("");
    expect(codes.status).toBe(0);
    expect(codes.stdout).toContain("82");
    const bytes = readFileSync(csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("รหัส อปท.,ชื่อ อปท.,ประเภท,อำเภอ,รหัสเข้าใช้งาน");
    expect(lines).toHaveLength(83);
    const row = lines.find((l) => l.startsWith("4220102,"))!;
    expect(row).toMatch(/^4220102,จันทบุรี,เทศบาลเมือง,เมืองจันทบุรี,[3-9A-Y]{4}-[3-9A-Y]{4}-[3-9A-Y]{4}$/);

    const bad = run(["admin", "codes", "--province", "99", ...data], store.env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("ไม่มีจังหวัดรหัส 99");

    const national = run(
      ["admin", "user", "add", "--role", "national", "--name", "สำนักงาน ก.ก.ถ.", ...data],
      store.env,
    );
    expect(national.status).toBe(0);
    const nationalCode = /: ([3-9A-Y]{4}-[3-9A-Y]{4}-[3-9A-Y]{4})/.exec(national.stdout)![1]!;

    const server = serve(data, store.env);
    try {
      const url = await server.url;
      const lao = await request(url, "POST", "/sessions", { body: { code: row.split(",")[4] } });
      expect(lao.status).toBe(201);
      expect(lao.body.user.laoCode).toBe("4220102");
      const staff = await request(url, "POST", "/sessions", { body: { code: nationalCode } });
      expect(staff.body.user.role).toBe("national");
      const health = await request(url, "GET", "/health");
      expect(health.body.database).toBe(backend);
      if (backend === "pglite") {
        // One process per embedded database: a second one is refused, with the reason (the `admin`
        // commands go through the running server instead: cliWhileServing.test.ts).
        const second = run(["report", "memo", "--lao", "4220102", "--round", "2563", ...data], store.env);
        expect(second.status).toBe(2);
        expect(second.stderr).toContain("ถูกใช้อยู่โดยโปรเซส");
      }
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(await server.exited).toBe(0);
  });
});
