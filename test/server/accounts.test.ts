import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_TOKEN_LIFETIME_DAYS } from "../../src/server/app";
import { unkeyedCodeHash } from "../../src/server/secrets";
import { BACKENDS, startHarness, type Harness } from "./harness";

/** Accounts and devices: retirement that holds, a province's sign-ins as an LAO shown to the LAO, token lifetime. */

const userIdOf = async (h: Harness, lao: string) =>
  (await h.sql<{ id: number }>(`SELECT id FROM users WHERE "laoCode" = $1`, [lao]))[0]!.id;

describe.each(BACKENDS)("accounts on %s", (backend) => {
  let h: Harness;
  let admin: string;
  let province: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    admin = await h.signIn("admin");
    province = await h.signIn("province", { province: "22" });
  });
  afterAll(() => h?.close());

  it("keeps a retired LAO account retired when its province issues codes, until an admin reactivates it", async () => {
    await h.send({ cmd: "laoCode", lao: "5220105" });
    const id = await userIdOf(h, "5220105");
    expect((await h.api("DELETE", `/users/${id}`, { token: admin })).status).toBe(200);
    const retiredAt = async () =>
      (await h.sql<{ retiredAt: Date | null }>(`SELECT "retiredAt" FROM users WHERE id = $1`, [id]))[0]!
        .retiredAt;

    const one = await h.api("POST", "/laos/5220105/access-codes", { token: province, body: {} });
    expect(one.status).toBe(409);
    expect(one.body).toEqual(
      expect.objectContaining({ code: "account-retired", message: expect.stringContaining("ผู้ดูแลระบบ") }),
    );
    expect(await retiredAt()).not.toBeNull();

    const all = await h.api("POST", "/provinces/22/access-codes", { token: province, body: {} });
    expect(all.status).toBe(201);
    expect(all.body.map((c: { lao: string }) => c.lao)).not.toContain("5220105");
    expect(all.body.length).toBeGreaterThan(0);
    expect(await retiredAt()).not.toBeNull();
    const [issue] = await h.sql<{ details: { skippedRetired?: string[] } }>(
      `SELECT details FROM audits WHERE action = 'access-code.issue' ORDER BY id DESC LIMIT 1`,
    );
    expect(issue!.details.skippedRetired).toEqual(["5220105"]);
    expect((await h.api("POST", `/users/${id}/access-codes`, { token: admin, body: {} })).status).toBe(409);

    // Only an admin reopens it, as an act of its own in the audit log.
    expect((await h.api("POST", `/users/${id}/reactivation`, { token: province })).status).toBe(403);
    expect((await h.api("POST", `/users/${id}/reactivation`, { token: admin })).status).toBe(200);
    expect(await retiredAt()).toBeNull();
    const [reactivated] = await h.sql<{ actorId: number; subject: string }>(
      `SELECT "actorId", subject FROM audits WHERE action = 'user.reactivate'`,
    );
    expect(reactivated).toEqual({
      actorId: (await h.api("GET", "/me", { token: admin })).body.userId,
      subject: `user:${id}`,
    });
    expect((await h.api("POST", `/users/${id}/reactivation`, { token: admin })).status).toBe(404);
    const code = await h.api("POST", "/laos/5220105/access-codes", { token: province, body: {} });
    expect(code.status).toBe(201);
    expect((await h.api("POST", "/sessions", { body: { code: code.body.code } })).status).toBe(201);
  });

  it("refuses a user's name that is empty, too long or holds a control character, saying what to fix", async () => {
    const refused = async (displayName: string) => {
      const res = await h.api("POST", "/users", { token: admin, body: { role: "national", displayName } });
      expect([res.status, res.body.code]).toEqual([400, "bad-request"]);
      expect(res.body.messageEn).toBe(`invalid request: displayName ${res.body.details.issues[0].messageEn}`);
      return res.body.details.issues as Array<{ path: string; message: string; messageEn: string }>;
    };
    const said = (text: string) => ({ path: "displayName", message: text, messageEn: text });
    expect(await refused("   ")).toEqual([said("กรอกชื่อผู้ใช้ / enter the user's name")]);
    expect(await refused("ก".repeat(201))).toEqual([
      said("ชื่อผู้ใช้ยาวเกิน 200 ตัวอักษร — ย่อให้สั้นลง / the user's name is longer than 200 characters"),
    ]);
    expect(await refused("สถจ.\u0007จันทบุรี")).toEqual([
      said(
        "ชื่อผู้ใช้มีอักขระควบคุมที่พิมพ์ไม่ได้ — ลบแล้วพิมพ์ใหม่ / the user's name contains a control character: retype it",
      ),
    ]);
  });

  it("shows an LAO every sign-in of its account, with the province user who issued the code redeemed", async () => {
    const provinceUser = (await h.api("GET", "/me", { token: province })).body;
    const issued = await h.api("POST", "/laos/5220106/access-codes", { token: province, body: {} });
    const byProvince = await h.api("POST", "/sessions", {
      body: { code: issued.body.code, device: "เครื่องสำนักงานจังหวัด" },
    });
    expect(byProvince.status).toBe(201);
    const own = await h.signIn("lao", { lao: "5220106" });

    const sessions = await h.api("GET", "/me/sessions", { token: own });
    expect(sessions.status).toBe(200);
    expect(sessions.body).toHaveLength(2);
    const [mine, theirs] = sessions.body;
    expect(mine).toEqual(expect.objectContaining({ current: true, device: "test", codeIssuedBy: null }));
    expect(theirs).toEqual(
      expect.objectContaining({
        current: false,
        device: "เครื่องสำนักงานจังหวัด",
        revokedAt: null,
        codeIssuedBy: {
          userId: provinceUser.userId,
          role: "province",
          displayName: provinceUser.displayName,
          provinceCode: "22",
        },
      }),
    );
    const [created] = await h.sql<{ details: { codeIssuedBy: number } }>(
      `SELECT details FROM audits WHERE action = 'session.create' AND "actorId" = $1 ORDER BY id LIMIT 1`,
      [await userIdOf(h, "5220106")],
    );
    expect(created!.details.codeIssuedBy).toBe(provinceUser.userId);
  });
});

describe.each(BACKENDS)("device tokens on %s", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, {
      now: "2020-06-01T10:00:00+07:00",
      tokenLifetimeDays: DEFAULT_TOKEN_LIFETIME_DAYS,
    });
  });
  afterAll(() => h?.close());

  it("live 30 days by default, as the operator's guide promises", () => {
    expect(DEFAULT_TOKEN_LIFETIME_DAYS).toBe(30);
  });

  it("expire 30 days after their last use, each use renewing them, answered as a revoked token is", async () => {
    const used = await h.signIn("lao", { lao: "5220107" });
    const idle = await h.signIn("national");
    const signedOut = await h.signIn("admin");
    await h.api("DELETE", "/sessions/current", { token: signedOut });
    const revoked = await h.api("GET", "/me", { token: signedOut });

    await h.setClock("2020-06-21T10:00:00+07:00"); // day 20
    expect((await h.api("GET", "/me", { token: used })).status).toBe(200);
    await h.setClock("2020-07-16T10:00:00+07:00"); // day 45: 25 days after the last use
    expect((await h.api("GET", "/me", { token: used })).status).toBe(200);
    const expired = await h.api("GET", "/me", { token: idle });
    expect(expired.status).toBe(401);
    // The same answer as a revoked token, so the pane, the web and the CLI ask for a new code alike.
    expect(expired.body).toEqual(revoked.body);
    expect(expired.body.code).toBe("token-invalid");

    await h.setClock("2020-08-16T10:00:00+07:00"); // 31 days after the last use
    expect((await h.api("GET", "/me", { token: used })).status).toBe(401);
  });
});

describe.each(BACKENDS)("stored access codes on %s", (backend) => {
  let dir: string | undefined;
  let first: Harness;
  let later: Harness | undefined;
  beforeAll(async () => {
    dir = backend === "pglite" ? mkdtempSync(join(tmpdir(), "minstd-codes-")) : undefined;
    first = await startHarness(backend, {
      ...(dir && { dataDir: dir }),
      env: { MINSTD_SECRET: "ทดสอบ-secret-0123456789" },
    });
  });
  afterAll(async () => {
    await later?.stop();
    await first?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("are keyed under the server's secret, hashes from before keys are re-keyed at start, and another secret is refused", async () => {
    const code = await first.send<string>({ cmd: "laoCode", lao: "5220108" });
    const stored = await first.sql<{ codeHash: string; keyed: boolean }>(
      `SELECT "codeHash", keyed FROM access_codes ORDER BY id DESC LIMIT 1`,
    );
    expect(stored[0]).toEqual({ codeHash: expect.stringMatching(/^[0-9a-f]{64}$/), keyed: true });
    expect(stored[0]!.codeHash).not.toBe(unkeyedCodeHash(code));
    // The secret came from the environment: the database holds only a check value.
    const settings = await first.sql<{ key: string; value: string }>(`SELECT key, value FROM settings`);
    expect(settings.map((s) => s.key)).not.toContain("server.secret");
    expect(JSON.stringify(settings)).not.toContain("ทดสอบ-secret");

    // A code stored the old way (plain SHA-256), as a database from before keyed hashes holds it.
    const legacy = "7KQM-X3RT-9HVA";
    await first.send({ cmd: "laoCode", lao: "5220109" });
    await first.sql(
      `INSERT INTO access_codes ("userId", "codeHash", "expiresAt")
       SELECT id, $1, '2030-01-01' FROM users WHERE "laoCode" = '5220109'`,
      [unkeyedCodeHash(legacy)],
    );
    await first.stop();

    const storage = { ...first.storage, ...(dir && { dataDir: dir }) };
    await expect(
      startHarness(backend, { ...storage, env: { MINSTD_SECRET: "another-secret-0123456789" } }),
    ).rejects.toThrow(/MINSTD_SECRET/);
    later = await startHarness(backend, { ...storage, env: { MINSTD_SECRET: "ทดสอบ-secret-0123456789" } });
    const rekeyed = await later.sql<{ keyed: boolean }>(
      `SELECT keyed FROM access_codes WHERE "codeHash" = $1`,
      [unkeyedCodeHash(legacy)],
    );
    expect(rekeyed).toEqual([]);
    expect(await later.sql(`SELECT id FROM access_codes WHERE NOT keyed`)).toEqual([]);
    expect((await later.api("POST", "/sessions", { body: { code: legacy } })).status).toBe(201);
    expect((await later.api("POST", "/sessions", { body: { code } })).status).toBe(201);
  });
});
