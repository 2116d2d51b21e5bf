import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { contentHash } from "../../src/client";
import { inspectFile } from "../../src/cli/checkCommand";
import { startFaultProxy, type FaultProxy } from "../faults/faultProxy";
import { documentFor, startHarness, type Harness } from "../server/harness";
import { BACKEND, nextLao, serverVersions } from "../client/rig";
import { cli, filledWorkbook } from "./workbooks";

/**
 * `minstd submit` end to end, as an officer runs it on a workbook received by email: a real server
 * process, real .xlsx files, the outbox and token cache in the user's folder.
 */

let h: Harness;
const root = mkdtempSync(join(tmpdir(), "minstd-submit-"));
beforeAll(async () => {
  h = await startHarness(BACKEND);
});
afterAll(async () => {
  await h?.close();
  rmSync(root, { recursive: true, force: true });
});

let n = 0;
/** A fresh user folder and a folder for the workbook, as on an officer's computer. */
function computer() {
  const base = join(root, `pc-${++n}`);
  const home = join(base, "home");
  const desk = join(base, "desk");
  mkdirSync(desk, { recursive: true });
  return { home, desk, env: { MINSTD_HOME: home, MINSTD_TOKEN: undefined, MINSTD_ACCESS_CODE: undefined } };
}

const code = (lao: string) => h.send<string>({ cmd: "laoCode", lao });

describe("minstd submit FILE.xlsx --server URL", () => {
  it("sends a complete workbook and prints the receipt; the token stays out of the workbook and its folder", async () => {
    const lao = nextLao();
    const pc = computer();
    const file = join(pc.desk, "แบบรวบรวมข้อมูล.xlsx");
    const document = documentFor("2563", lao, 1);
    await filledWorkbook(file, document);
    const before = readFileSync(file);
    const accessCode = await code(lao);

    // The installed command, as the officer types it.
    const child = spawn(
      process.execPath,
      [join(__dirname, "../../bin/minstd.js"), "submit", file, "--server", h.url],
      {
        env: { ...process.env, MINSTD_HOME: pc.home, MINSTD_ACCESS_CODE: accessCode, MINSTD_TOKEN: "" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exit = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(err).toContain("ลงชื่อเข้าใช้แล้ว");
    expect(exit).toBe(0);

    const [stored] = await serverVersions(h, lao);
    expect(stored).toBeDefined();
    expect(out).toContain("ส่งข้อมูลแล้ว — ได้รับใบรับ");
    expect(out).toMatch(new RegExp(`เลขที่ใบรับ\\s+2563-${lao}-1`));
    expect(out).toContain("๑ มิถุนายน ๒๕๖๓ เวลา ๑๐.๐๐ น.");
    expect(out).toContain(stored!.contentHash);
    // The hash the client computes for the workbook's document is the server's.
    expect(stored!.contentHash).toBe(await contentHash((await inspectFile(file)).document));
    expect(out).toMatch(/สรุปผลการประเมิน\s+\S+/);

    // The token is kept in the user's config folder, readable by the user only…
    const tokens = join(pc.home, "config", "tokens.json");
    const token = Object.values(JSON.parse(readFileSync(tokens, "utf8")).tokens)
      .flatMap((byLao) => Object.values(byLao as Record<string, { token: string }>))
      .map((t) => t.token)[0]!;
    expect(token).toMatch(/^mst_/);
    expect(statSync(tokens).mode & 0o777).toBe(0o600);
    expect(statSync(join(pc.home, "config")).mode & 0o777).toBe(0o700);
    // …and nowhere in the workbook: not in its bytes, not in any part of the zip, which is unchanged.
    const after = readFileSync(file);
    expect(after.equals(before)).toBe(true);
    const secrets = [token, accessCode, accessCode.replace(/-/g, "")];
    for (const secret of secrets) expect(after.includes(Buffer.from(secret))).toBe(false);
    const zip = await JSZip.loadAsync(after);
    for (const name of Object.keys(zip.files)) {
      const text = await zip.files[name]!.async("string");
      for (const secret of secrets) expect(text.includes(secret)).toBe(false);
    }
    // Nothing was written next to the workbook, and the outbox keeps no token.
    expect(readdirSync(pc.desk)).toEqual(["แบบรวบรวมข้อมูล.xlsx"]);
    for (const f of readdirSync(join(pc.home, "state", "outbox")))
      expect(readFileSync(join(pc.home, "state", "outbox", f), "utf8")).not.toContain(token);
  });

  it("refuses an incomplete workbook before signing in, naming each sheet and cell to fill", async () => {
    const lao = nextLao();
    const pc = computer();
    const file = join(pc.desk, "ไม่ครบ.xlsx");
    const document = documentFor("2563", lao, 2);
    delete document.basic!.preparer!.name;
    document.values[Object.keys(document.values)[1]!] = { base: 120, served: "สามสิบ" };
    await filledWorkbook(file, document);
    const accessCode = await code(lao);
    const r = await cli(["submit", file, "--server", h.url, "--code", accessCode], pc.env);
    expect(r.code).toBe(1);
    expect(r.out).toContain("ยังส่งไม่ได้ — แก้ไขหรือกรอกตามรายการข้างบน (แผ่นงาน!เซลล์)");
    expect(r.out).toMatch(/ยังไม่ได้กรอกชื่อผู้จัดเก็บข้อมูล \(แบบ 1\) \[แบบ\S+ 1!B\d+\]/);
    expect(r.out).toMatch(/→ “สามสิบ” ไม่ใช่ตัวเลข.* \[แบบ[^\]]+!E\d+\]/);
    expect(await serverVersions(h, lao)).toEqual([]);
    // The one-time code was not spent on a workbook that could not be sent.
    expect((await h.api("POST", "/sessions", { body: { code: accessCode } })).status).toBe(201);
  });

  it("says the window has closed, in Thai time, keeps the version, and sends it once an extension opens the window", async () => {
    const lao = nextLao();
    const pc = computer();
    const file = join(pc.desk, "ส่งช้า.xlsx");
    await filledWorkbook(file, documentFor("2563", lao, 3));
    await h.setClock("2020-07-16T08:00:00+07:00");
    try {
      const r = await cli(["submit", file, "--server", h.url, "--code", await code(lao)], pc.env);
      expect(r.code).toBe(1);
      expect(r.out).toContain("ยังส่งไม่ได้ — ระบบปิดรับข้อมูลรอบนี้แล้ว (ปิดเมื่อ ๑๖ กรกฎาคม ๒๕๖๓ เวลา ๐๐.๐๐ น.)");
      expect(r.out).toContain("ข้อมูลฉบับนี้เก็บไว้ในเครื่องนี้แล้ว");
      const json = JSON.parse((await cli(["submit", file, "--server", h.url, "--json"], pc.env)).out);
      expect(json).toMatchObject({
        state: "queued",
        problem: { kind: "window-closed", code: "window-closed" },
      });
      expect(await serverVersions(h, lao)).toEqual([]);
      const admin = await h.signIn("admin");
      const extension = await h.api("PUT", `/rounds/2563/extensions/${lao}`, {
        token: admin,
        body: { closes: "2020-07-31", reason: "น้ำท่วมสำนักงาน" },
      });
      expect(extension.status).toBe(200);
      const drained = await cli(["submit", "--server", h.url], pc.env);
      expect(drained.code).toBe(0);
      expect(drained.out).toContain(`2563-${lao}-1`);
      expect(await serverVersions(h, lao)).toHaveLength(1);
    } finally {
      await h.setClock("2020-06-01T10:00:00+07:00");
    }
  });

  it("sends a changed workbook as the next version, and an unchanged one not at all", async () => {
    const lao = nextLao();
    const pc = computer();
    const first = join(pc.desk, "ฉบับ1.xlsx");
    const second = join(pc.desk, "ฉบับ2.xlsx");
    await filledWorkbook(first, documentFor("2563", lao, 4));
    await filledWorkbook(second, documentFor("2563", lao, 5));
    expect((await cli(["submit", first, "--server", h.url, "--code", await code(lao)], pc.env)).code).toBe(0);
    // The token kept from the code signs the next run in: no new code needed.
    const r = await cli(["submit", second, "--server", h.url, "--json"], pc.env);
    expect(r.code).toBe(0);
    const receipt = JSON.parse(r.out).receipt;
    expect(receipt).toMatchObject({ version: 2, receiptNumber: `2563-${lao}-2` });
    const stored = await serverVersions(h, lao);
    expect(stored.map((v) => v.version)).toEqual([1, 2]);
    expect(stored[1]!.replacesId).toBe(stored[0]!.instanceId);

    const again = await cli(["submit", second, "--server", h.url], pc.env);
    expect(again.code).toBe(0);
    expect(again.out).toContain("ข้อมูลเหมือนฉบับที่ 2 ที่ส่งไว้แล้ว — ไม่ได้ส่งซ้ำ");
    expect(await serverVersions(h, lao)).toHaveLength(2);
  });

  it("holds a version when the server has a newer one than this computer sent, and replaces it only when told to", async () => {
    const lao = nextLao();
    const pc = computer();
    const mine = join(pc.desk, "ของฉัน.xlsx");
    await filledWorkbook(mine, documentFor("2563", lao, 6));
    expect((await cli(["submit", mine, "--server", h.url, "--code", await code(lao)], pc.env)).code).toBe(0);
    // Another computer sends version 2.
    const other = computer();
    const theirs = join(other.desk, "ของเขา.xlsx");
    await filledWorkbook(theirs, documentFor("2563", lao, 7));
    expect(
      (await cli(["submit", theirs, "--server", h.url, "--code", await code(lao)], other.env)).code,
    ).toBe(0);

    await filledWorkbook(mine, documentFor("2563", lao, 8));
    const stale = await cli(["submit", mine, "--server", h.url], pc.env);
    expect(stale.code).toBe(1);
    expect(stale.out).toContain(`เครื่องแม่ข่ายมีฉบับที่ 2 (ใบรับ 2563-${lao}-2) ซึ่งใหม่กว่า`);
    expect(stale.out).toContain("ข้อมูลฉบับนี้ยังเก็บไว้ในรายการรอส่งของเครื่องนี้");
    expect(stale.out).toContain("--replace-latest");
    expect(await serverVersions(h, lao)).toHaveLength(2);
    const wrongGuess = await cli(
      ["submit", mine, "--server", h.url, "--expect-version", "1", "--json"],
      pc.env,
    );
    expect(wrongGuess.code).toBe(1);
    expect(JSON.parse(wrongGuess.out)).toMatchObject({
      state: "held",
      problem: { kind: "newer-version" },
    });

    const replaced = await cli(["submit", mine, "--server", h.url, "--replace-latest"], pc.env);
    expect(replaced.code).toBe(0);
    expect(replaced.err).toContain(`ฉบับนี้จะแทนฉบับที่ 2 (ใบรับ 2563-${lao}-2)`);
    expect(replaced.out).toContain("ฉบับที่ 3 (แทนฉบับที่ 2)");
    expect(await serverVersions(h, lao)).toHaveLength(3);
  });

  it("keeps a version when the server cannot be reached (exit 3), and sends it with the next run", async () => {
    const lao = nextLao();
    const pc = computer();
    const file = join(pc.desk, "ออฟไลน์.xlsx");
    await filledWorkbook(file, documentFor("2563", lao, 9));
    const token = await h.signIn("lao", { lao });
    const proxy: FaultProxy = await startFaultProxy({ upstream: h.url, choose: () => "drop" });
    try {
      const env = { ...pc.env, MINSTD_TOKEN: token };
      const offline = await cli(["submit", file, "--server", proxy.url, "--attempts", "2"], env);
      expect(offline.err).toContain("ลองใหม่ครั้งที่ 2");
      expect(offline.code).toBe(3);
      expect(offline.out).toContain("ยังไม่ได้รับใบรับ — ติดต่อเครื่องแม่ข่ายไม่ได้");
      expect(offline.out).toContain(`minstd submit --server ${proxy.url}`);
      proxy.choose(() => "pass");
      const online = await cli(["submit", "--server", proxy.url, "--json"], env);
      expect(online.code).toBe(0);
      expect(JSON.parse(online.out)).toMatchObject({
        state: "drained",
        acknowledged: [{ version: 1 }],
        queued: [],
      });
      expect(await serverVersions(h, lao)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it("signs out: the kept token is revoked on the server and removed from the computer", async () => {
    const lao = nextLao();
    const pc = computer();
    const file = join(pc.desk, "f.xlsx");
    await filledWorkbook(file, documentFor("2563", lao, 10));
    expect((await cli(["submit", file, "--server", h.url, "--code", await code(lao)], pc.env)).code).toBe(0);
    const tokens = join(pc.home, "config", "tokens.json");
    const token = (
      JSON.parse(readFileSync(tokens, "utf8")).tokens[h.url] as Record<string, { token: string }>
    )[lao]!.token;
    const r = await cli(["signout", "--server", h.url], pc.env);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`ออกจากระบบแล้ว: อปท. ${lao}`);
    expect((await h.api("GET", "/me", { token })).status).toBe(401);
    expect(() => statSync(tokens)).toThrow();
  });

  it("with --no-save-token keeps nothing and revokes the token at the end", async () => {
    const lao = nextLao();
    const pc = computer();
    const file = join(pc.desk, "f.xlsx");
    await filledWorkbook(file, documentFor("2563", lao, 11));
    const r = await cli(
      ["submit", file, "--server", h.url, "--code", await code(lao), "--no-save-token"],
      pc.env,
    );
    expect(r.code).toBe(0);
    expect(() => statSync(join(pc.home, "config", "tokens.json"))).toThrow();
    const sessions = await h.sql<{ revoked: boolean }>(
      `SELECT t."revokedAt" IS NOT NULL AS revoked FROM tokens t JOIN users u ON u.id = t."userId" WHERE u."laoCode" = $1`,
      [lao],
    );
    expect(sessions).toEqual([{ revoked: true }]);
  });

  it("exits 2 with a message when the server or the sign-in is missing", async () => {
    const pc = computer();
    const file = join(pc.desk, "f.xlsx");
    const lao = nextLao();
    await filledWorkbook(file, documentFor("2563", lao, 12));
    const noServer = await cli(["submit", file], { ...pc.env, MINSTD_SERVER: undefined });
    expect(noServer.code).toBe(2);
    expect(noServer.err).toContain("ระบุที่อยู่เครื่องแม่ข่าย");
    const noSignIn = await cli(["submit", file, "--server", h.url], pc.env);
    expect(noSignIn.code).toBe(2);
    expect(noSignIn.err).toContain("ต้องลงชื่อเข้าใช้");
    const badCode = await cli(["submit", file, "--server", h.url, "--code", "AAAA-BBBB-CCCC"], pc.env);
    expect(badCode.code).toBe(1);
    expect(badCode.out).toContain("รหัสเข้าใช้งานไม่ถูกต้อง");
  });
});
