import { BACKENDS, documentFor, newId, startHarness, type Harness } from "./harness";

/** Round 2563 opens 15 May 2020 and closes 15 July 2020 at 24:00 Thai time. */
describe.each(BACKENDS)("the submission window on %s", (backend) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness(backend, { now: "2020-07-15T23:59:59+07:00" });
    admin = await h.signIn("admin");
  });
  afterAll(() => h?.close());

  const submit = (token: string, lao: string, seed = 0, replaces?: string) =>
    h.api("POST", "/submissions", {
      token,
      body: { id: newId(), ...(replaces && { replaces }), document: documentFor("2563", lao, seed) },
    });

  it("accepts a submission at 23:59:59 on the last day and refuses one at 24:00, in Thai, storing nothing", async () => {
    const t = await h.signIn("lao", { lao: "5220109" });
    await h.setClock("2020-07-15T23:59:59+07:00");
    expect((await submit(t, "5220109")).status).toBe(201);
    const t2 = await h.signIn("lao", { lao: "5220111" });
    await h.setClock("2020-07-16T00:00:00+07:00");
    const before = await h.countStored();
    const late = await submit(t2, "5220111");
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("window-closed");
    expect(late.body.message).toContain("ระบบปิดรับข้อมูลรอบนี้แล้ว");
    expect(late.body.message).toContain("๒๔.๐๐ น.");
    expect(late.body.details.closes).toBe("2020-07-16T00:00:00+07:00");
    expect((await h.countStored()).versions).toBe(before.versions);
  });

  it("refuses a submission before the window opens", async () => {
    const t = await h.signIn("lao", { lao: "5220113" });
    await h.setClock("2020-05-14T23:59:00+07:00");
    const early = await submit(t, "5220113");
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("window-not-open");
    expect(early.body.message).toContain("๑๕ พฤษภาคม ๒๕๖๓");
  });

  it("still answers a retry of a submission received in time with its receipt after the close", async () => {
    const t = await h.signIn("lao", { lao: "4220102" });
    await h.setClock("2020-07-15T22:00:00+07:00");
    const body = { id: newId(), document: documentFor("2563", "4220102", 7) };
    const first = await h.api("POST", "/submissions", { token: t, body });
    expect(first.status).toBe(201);
    await h.setClock("2020-07-16T08:00:00+07:00");
    const retry = await h.api("POST", "/submissions", { token: t, body });
    expect(retry.status).toBe(200);
    expect(retry.body.receiptNumber).toBe(first.body.receiptNumber);
  });

  it("lets an LAO granted an extension submit after the close while the others stay closed, and audits the grant", async () => {
    await h.setClock("2020-07-17T10:00:00+07:00");
    const extended = await h.signIn("lao", { lao: "4220103" });
    const other = await h.signIn("lao", { lao: "4220104" });
    expect((await submit(extended, "4220103")).status).toBe(409);
    const grant = await h.api("PUT", "/rounds/2563/extensions/4220103", {
      token: admin,
      body: { closes: "2020-07-20", reason: "น้ำท่วมสำนักงาน ระบบไฟฟ้าขัดข้อง" },
    });
    expect(grant.status).toBe(200);
    expect(grant.body.window).toEqual(
      expect.objectContaining({ closes: "2020-07-20", state: "open", extended: true }),
    );
    expect((await submit(extended, "4220103")).status).toBe(201);
    expect((await submit(other, "4220104")).status).toBe(409);

    const rounds = await h.api("GET", "/rounds", { token: extended });
    expect(rounds.body.find((r: { id: string }) => r.id === "2563").window).toEqual(
      expect.objectContaining({ closes: "2020-07-20", state: "open", extended: true }),
    );
    const audits = await h.api("GET", "/audits?action=round.extension", { token: admin });
    expect(audits.body[0]).toEqual(
      expect.objectContaining({
        action: "round.extension.grant",
        subject: "lao:4220103",
        details: expect.objectContaining({
          round: "2563",
          closes: "2020-07-20",
          reason: "น้ำท่วมสำนักงาน ระบบไฟฟ้าขัดข้อง",
        }),
      }),
    );

    // The extension ends at 24:00 on its own last day.
    await h.setClock("2020-07-21T00:00:00+07:00");
    const v1 = await h.api("GET", "/me/receipts", { token: extended });
    const after = await submit(extended, "4220103", 2, v1.body[0].id);
    expect(after.status).toBe(409);
    expect(after.body.code).toBe("window-closed");
  });

  it("refuses an extension that closes before the round does, and a revoked extension closes the window again", async () => {
    await h.setClock("2020-07-17T10:00:00+07:00");
    const early = await h.api("PUT", "/rounds/2563/extensions/4220201", {
      token: admin,
      body: { closes: "2020-07-10", reason: "ทดสอบ" },
    });
    expect(early.status).toBe(409);
    const t = await h.signIn("lao", { lao: "4220201" });
    await h.api("PUT", "/rounds/2563/extensions/4220201", {
      token: admin,
      body: { closes: "2020-07-25", reason: "ทดสอบการยกเลิก" },
    });
    expect((await h.api("DELETE", "/rounds/2563/extensions/4220201", { token: admin })).status).toBe(200);
    expect((await submit(t, "4220201")).status).toBe(409);
    const audits = await h.api("GET", "/audits?action=round.extension.revoke", { token: admin });
    expect(audits.body[0].subject).toBe("lao:4220201");
  });

  it("lets an admin move a round's window, audited, and the server clock decides", async () => {
    await h.setClock("2020-08-01T09:00:00+07:00");
    const t = await h.signIn("lao", { lao: "4220303" });
    expect((await submit(t, "4220303")).status).toBe(409);
    const moved = await h.api("PUT", "/rounds/2563/window", {
      token: admin,
      body: { opens: "2020-05-15", closes: "2020-08-01" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.window.state).toBe("open");
    expect((await submit(t, "4220303")).status).toBe(201);
    const bad = await h.api("PUT", "/rounds/2563/window", {
      token: admin,
      body: { opens: "2563-05-15", closes: "2020-08-01" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("ใช้ปี ค.ศ. ไม่ใช่ พ.ศ.");
    const audits = await h.api("GET", "/audits?action=round.window.update", { token: admin });
    expect(audits.body[0].details).toEqual({
      from: { opens: "2020-05-15", closes: "2020-07-15" },
      to: { opens: "2020-05-15", closes: "2020-08-01" },
    });
  });
});
