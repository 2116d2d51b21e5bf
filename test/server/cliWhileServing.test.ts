/**
 * `minstd admin codes` while `minstd serve` holds the same embedded data folder: the command goes
 * through the running server (its address and a local admin token in a note only this OS user can
 * read), the codes it prints sign in on that server, and the audit log says the server machine's
 * command line issued them. When the server stops, the note is gone and its token no longer works.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRegister } from "../../src/dataFiles";
import { LOCAL_ADMIN_NAME } from "../../src/server/localAdmin";
import { LOCAL_SERVER_FILE } from "../../src/server/ops/localServer";
import { adminCode, api, serve, signIn, type ServeProcess } from "../dashboard/seededServer";

jest.setTimeout(180_000);

const BIN = join(__dirname, "../../bin/minstd.js");
const codes = (data: string) =>
  spawnSync(process.execPath, [BIN, "admin", "codes", "--province", "22", "--data", data], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "" },
  });

describe("minstd admin codes beside a running minstd serve", () => {
  const dir = mkdtempSync(join(tmpdir(), "minstd-cli-serving-"));
  const data = join(dir, "db");
  let server: ServeProcess;
  let admin: string;
  beforeAll(async () => {
    const code = adminCode(data);
    server = await serve(data);
    admin = await signIn(server.url, code);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("issues the province's codes through the running server, and they sign in there", async () => {
    const note = join(data, LOCAL_SERVER_FILE);
    expect(statSync(note).mode & 0o777).toBe(0o600);
    const out = codes(data);
    expect([out.status, out.stderr]).toEqual([0, ""]);
    const lines = out.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe("รหัส อปท.,ชื่อ อปท.,ประเภท,อำเภอ,รหัสเข้าใช้งาน");
    expect(lines).toHaveLength(loadRegister().inProvince("22").length + 1);
    const first = lines[1]!.split(",");
    const token = await signIn(server.url, first[4]!);
    const me = await api(server.url, "GET", "/me", token);
    expect(me.lao.code).toBe(first[0]);

    const audits = await api(server.url, "GET", "/audits?action=access-code.issue", admin);
    expect(audits[0]).toMatchObject({ subject: "province:22", actorName: LOCAL_ADMIN_NAME });
  });

  it("adds a staff user and sets a round's window through the running server too", async () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, "admin", ...args, "--data", data], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: "" },
      });
    const user = run("user", "add", "--role", "province", "--province", "22", "--name", "สถจ.จันทบุรี");
    expect([user.status, user.stderr]).toEqual([0, ""]);
    const code = /one-time sign-in code: (\S+)/.exec(user.stdout)![1]!;
    const me = await api(server.url, "GET", "/me", await signIn(server.url, code));
    expect(me).toMatchObject({ role: "province", provinceCode: "22" });
    const window = run("round", "window", "2568", "--opens", "2026-07-01", "--closes", "2026-08-31");
    expect([window.status, window.stderr]).toEqual([0, ""]);
    const rounds = await api(server.url, "GET", "/rounds", admin);
    expect(rounds.find((r: { id: string }) => r.id === "2568").window).toMatchObject({
      opens: "2026-07-01",
      closes: "2026-08-31",
    });
    // A refusal comes back as the server words it.
    const bad = run("round", "window", "1999", "--opens", "2026-07-01", "--closes", "2026-08-31");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("1999");
    // Every admin command: the list, a new code, retiring and reactivating.
    const list = run("user", "list", "--json");
    expect([list.status, list.stderr]).toEqual([0, ""]);
    const added = (JSON.parse(list.stdout) as Array<{ id: number; displayName: string }>).find(
      (u) => u.displayName === "สถจ.จันทบุรี",
    )!;
    const again = run("user", "code", String(added.id));
    expect([again.status, again.stderr]).toEqual([0, ""]);
    expect(again.stdout).toMatch(/[3-9A-Y]{4}-[3-9A-Y]{4}-[3-9A-Y]{4}/);
    expect(run("user", "retire", String(added.id)).status).toBe(0);
    const retired = run("user", "code", String(added.id));
    expect(retired.status).toBe(2);
    expect(retired.stderr).toMatch(/[ก-๙]/);
    expect(run("user", "reactivate", String(added.id)).status).toBe(0);
    expect(run("user", "code", String(added.id)).status).toBe(0);
    // What is not an admin command still asks to stop the server.
    const report = spawnSync(
      process.execPath,
      [BIN, "report", "memo", "--lao", "4220102", "--round", "2568", "--data", data],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } },
    );
    expect(report.status).toBe(2);
    expect(report.stderr).toContain("ถูกใช้อยู่โดยโปรเซส");
  });

  it("removes the note and revokes its token when the server stops, and then opens the database itself", async () => {
    const note = join(data, LOCAL_SERVER_FILE);
    const { adminToken: token } = JSON.parse(readFileSync(note, "utf8")) as { adminToken: string };
    await server.stop();
    expect(existsSync(note)).toBe(false);
    const out = codes(data);
    expect([out.status, out.stderr]).toEqual([0, ""]);
    server = await serve(data);
    const res = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });
});
