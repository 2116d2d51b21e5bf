import { BACKENDS, LAO_22, LAO_22_OTHER, LAO_OTHER_PROVINCE, startHarness, type Harness } from "./harness";

/** A province office's code page: issuing for chosen LAOs, each LAO's code state and devices, signing a device out. */
describe.each(BACKENDS)("LAO access codes and devices on %s", (backend) => {
  let h: Harness;
  let province: string;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness(backend, { now: "2026-06-01T10:00:00+07:00" });
    province = await h.signIn("province", { province: "22" });
    admin = await h.signIn("admin");
  });
  afterAll(() => h?.close());

  const stateOf = async (token: string, lao: string, prov = "22") => {
    const res = await h.api("GET", `/provinces/${prov}/access-codes`, { token });
    expect(res.status).toBe(200);
    return res.body.laos.find((l: { lao: string }) => l.lao === lao);
  };

  it("issues codes only for the LAOs chosen, and lists each LAO's code as unused or never issued", async () => {
    const res = await h.api("POST", "/provinces/22/access-codes", {
      token: province,
      body: { laos: [LAO_22, LAO_22_OTHER] },
    });
    expect(res.status).toBe(201);
    expect(res.body.map((c: { lao: string }) => c.lao).sort()).toEqual([LAO_22, LAO_22_OTHER]);
    expect((await stateOf(province, LAO_22)).code.state).toBe("unused");
    const list = await h.api("GET", "/provinces/22/access-codes", { token: province });
    const others = list.body.laos.filter((l: { lao: string }) => ![LAO_22, LAO_22_OTHER].includes(l.lao));
    expect(others.length).toBeGreaterThan(10);
    expect(new Set(others.map((l: { code: { state: string } }) => l.code.state))).toEqual(new Set(["none"]));
    // The code itself is never listed: only its hash is kept.
    expect(JSON.stringify(list.body)).not.toContain(res.body[0].code);
  });

  it("re-issues a lost code: the old one is refused, the new one signs in, and the LAO shows used with its device", async () => {
    const first = await h.api("POST", `/laos/${LAO_22}/access-codes`, { token: province, body: {} });
    const second = await h.api("POST", `/laos/${LAO_22}/access-codes`, { token: province, body: {} });
    expect(second.status).toBe(201);
    const old = await h.api("POST", "/sessions", { body: { code: first.body.code, device: "เครื่องเก่า" } });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe("access-code-invalid");
    const signed = await h.api("POST", "/sessions", {
      body: { code: second.body.code, device: "Excel ห้องกองคลัง" },
    });
    expect(signed.status).toBe(201);
    const row = await stateOf(province, LAO_22);
    expect(row.code.state).toBe("used");
    expect(row.devices).toEqual([expect.objectContaining({ device: "Excel ห้องกองคลัง" })]);

    // The office signs that device out: its token stops working, and it is audited.
    const revoked = await h.api("DELETE", `/laos/${LAO_22}/devices/${row.devices[0].id}`, {
      token: province,
    });
    expect(revoked.status).toBe(200);
    expect((await h.api("GET", "/me", { token: signed.body.token })).status).toBe(401);
    expect((await stateOf(province, LAO_22)).devices).toEqual([]);
    const again = await h.api("DELETE", `/laos/${LAO_22}/devices/${row.devices[0].id}`, { token: province });
    expect(again.status).toBe(404);
    const audits = await h.sql<{ action: string; subject: string }>(
      `SELECT action, subject FROM audits WHERE subject = $1`,
      [`token:${row.devices[0].id}`],
    );
    expect(audits.map((a) => a.action)).toContain("session.revoke");
  });

  it("shows a code not redeemed in time as expired", async () => {
    await h.api("POST", `/laos/${LAO_22_OTHER}/access-codes`, { token: province, body: { days: 1 } });
    await h.setClock("2026-06-03T10:00:00+07:00");
    expect((await stateOf(province, LAO_22_OTHER)).code.state).toBe("expired");
    await h.setClock("2026-06-01T10:00:00+07:00");
  });

  it("keeps a province to its own LAOs: no list, no codes and no sign-outs for another province", async () => {
    expect((await h.api("GET", "/provinces/80/access-codes", { token: province })).status).toBe(403);
    const issue = await h.api("POST", "/provinces/80/access-codes", { token: province, body: {} });
    expect(issue.status).toBe(403);
    const mixed = await h.api("POST", "/provinces/22/access-codes", {
      token: province,
      body: { laos: [LAO_22, LAO_OTHER_PROVINCE] },
    });
    expect(mixed.status).toBe(403);
    expect(mixed.body.code).toBe("lao-not-in-province");
    expect(mixed.body.message).toContain(LAO_OTHER_PROVINCE);
    const one = await h.api("POST", `/laos/${LAO_OTHER_PROVINCE}/access-codes`, {
      token: province,
      body: {},
    });
    expect(one.status).toBe(403);

    // A device of province 80's LAO, signed in with a code from the admin: the province cannot sign it out.
    const code = await h.api("POST", `/laos/${LAO_OTHER_PROVINCE}/access-codes`, { token: admin, body: {} });
    const signed = await h.api("POST", "/sessions", {
      body: { code: code.body.code, device: "นครศรีธรรมราช" },
    });
    expect(signed.status).toBe(201);
    const row = await stateOf(admin, LAO_OTHER_PROVINCE, "80");
    const refused = await h.api("DELETE", `/laos/${LAO_OTHER_PROVINCE}/devices/${row.devices[0].id}`, {
      token: province,
    });
    expect(refused.status).toBe(403);
    // Nor by naming its own LAO with the other LAO's device.
    const sideways = await h.api("DELETE", `/laos/${LAO_22}/devices/${row.devices[0].id}`, {
      token: province,
    });
    expect(sideways.status).toBe(404);
    expect((await h.api("GET", "/me", { token: signed.body.token })).status).toBe(200);
  });
});
