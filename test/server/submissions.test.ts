import { contentHash } from "../../src/client/hash";
import { BACKENDS, documentFor, LAO_22, LAO_22_OTHER, newId, startHarness, type Harness } from "./harness";

describe.each(BACKENDS)("submissions on %s", (backend) => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    token = await h.signIn("lao", { lao: LAO_22 });
  });
  afterAll(() => h?.close());

  const submit = (body: unknown, t = token) => h.api("POST", "/submissions", { token: t, body });

  it("stores a new submission and answers with a receipt in Thai time", async () => {
    const id = newId();
    const res = await submit({ id, document: documentFor("2563", LAO_22, 1) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        receiptNumber: `2563-${LAO_22}-1`,
        id,
        version: 1,
        replaces: null,
        round: "2563",
        lao: LAO_22,
        receivedAt: "2020-06-01T10:00:00+07:00",
        receivedAtTh: "๑ มิถุนายน ๒๕๖๓ เวลา ๑๐.๐๐ น.",
        contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      }),
    );
    expect(res.body.summary.overall.total).toBe(4);
  });

  it("gives the same receipt when the same id and content come again, and stores nothing new", async () => {
    const t = await h.signIn("lao", { lao: "5220108" });
    const id = newId();
    const doc = documentFor("2563", "5220108", 2);
    const first = await submit({ id, document: doc }, t);
    expect(first.status).toBe(201);
    const before = await h.countStored();
    await h.setClock("2020-06-02T09:00:00+07:00");
    // The keys come in another order: the content is the same.
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    const again = await submit({ document: reordered, id }, t);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await h.countStored()).toEqual(before);
    await h.setClock("2020-06-01T10:00:00+07:00");
  });

  it("refuses the same id with different content (409) and keeps the first", async () => {
    const laoToken = await h.signIn("lao", { lao: LAO_22_OTHER });
    const id = newId();
    const doc = documentFor("2563", LAO_22_OTHER, 3);
    expect((await submit({ id, document: doc }, laoToken)).status).toBe(201);
    const changed = { ...doc, basic: { ...doc.basic, population: 1 } };
    const res = await submit({ id, document: changed }, laoToken);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("submission-id-conflict");
    expect(res.body.message).toContain("ถูกใช้กับข้อมูลชุดอื่น");
    const stored = await h.api("GET", `/laos/${LAO_22_OTHER}/submissions/2563`, { token: laoToken });
    expect(stored.body.versions).toHaveLength(1);
    expect(stored.body.versions[0].document.basic.population).toBe(doc.basic!.population);
  });

  it("keeps every version: a new version names the one it replaces", async () => {
    const t = await h.signIn("lao", { lao: "4220104" });
    const v1 = newId();
    expect((await submit({ id: v1, document: documentFor("2568", "4220104", 1) }, t)).status).toBe(409); // 2568 is closed on this clock
    await h.setClock("2025-08-01T12:00:00+07:00");
    try {
      expect((await submit({ id: v1, document: documentFor("2568", "4220104", 1) }, t)).status).toBe(201);
      const v2 = newId();
      const second = await submit({ id: v2, replaces: v1, document: documentFor("2568", "4220104", 2) }, t);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(
        expect.objectContaining({ version: 2, replaces: v1, receiptNumber: `2568-4220104-2` }),
      );
      const all = await h.api("GET", "/laos/4220104/submissions/2568", { token: t });
      expect(all.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(all.body.version).toBe(2);
    } finally {
      await h.setClock("2020-06-01T10:00:00+07:00");
    }
  });

  it("refuses a second submission that names no version (409) and one made from a stale copy (409)", async () => {
    const t = await h.signIn("lao", { lao: "4220201" });
    const v1 = newId();
    const v2 = newId();
    expect((await submit({ id: v1, document: documentFor("2563", "4220201", 1) }, t)).status).toBe(201);
    const noReplaces = await submit({ id: newId(), document: documentFor("2563", "4220201", 2) }, t);
    expect(noReplaces.status).toBe(409);
    expect(noReplaces.body.code).toBe("replaces-required");
    expect(noReplaces.body.details.current.id).toBe(v1);
    expect(
      (await submit({ id: v2, replaces: v1, document: documentFor("2563", "4220201", 2) }, t)).status,
    ).toBe(201);
    // A second device still holding version 1 edits it and sends.
    const stale = await submit({ id: newId(), replaces: v1, document: documentFor("2563", "4220201", 3) }, t);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("stale-version");
    expect(stale.body.details.current).toEqual(expect.objectContaining({ id: v2, version: 2 }));
    // Naming a version that never existed, for an LAO with nothing yet, is refused too.
    const t2 = await h.signIn("lao", { lao: "4220303" });
    const unknown = await submit(
      { id: newId(), replaces: "never-sent-1234", document: documentFor("2563", "4220303") },
      t2,
    );
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe("replaces-unknown");
  });

  it("re-scores the document itself and ignores the results the client claims", async () => {
    const t = await h.signIn("lao", { lao: "5220105" });
    const doc = documentFor("2563", "5220105", 4);
    const claimed = Object.fromEntries(
      Object.keys(doc.values).map((id) => [id, { status: "pass" as const }]),
    );
    const res = await submit({ id: newId(), document: { ...doc, results: claimed } }, t);
    expect(res.status).toBe(201);
    const stored = await h.api("GET", "/laos/5220105/submissions/2563", { token: t });
    const statuses = Object.values(stored.body.versions[0].results).map(
      (r) => (r as { status: string }).status,
    );
    // Seed 4 gives 2563-1-01 base 100+… served 40+…: below the 2563 targets for a town municipality.
    expect(statuses).not.toEqual(statuses.map(() => "pass"));
    expect(res.body.summary.overall.counts.pass).toBeLessThan(4);
  });

  it("decides concurrent duplicates once: one version, the same receipt for all", async () => {
    const t = await h.signIn("lao", { lao: "5220106" });
    const id = newId();
    const doc = documentFor("2563", "5220106", 5);
    const answers = await Promise.all(Array.from({ length: 12 }, () => submit({ id, document: doc }, t)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(11);
    expect(new Set(answers.map((a) => a.body.receiptNumber))).toEqual(new Set([`2563-5220106-1`]));
    const stored = await h.api("GET", "/laos/5220106/submissions/2563", { token: t });
    expect(stored.body.versions).toHaveLength(1);
  });

  it("lets only one of two concurrent new versions of the same copy through", async () => {
    const t = await h.signIn("lao", { lao: "5220107" });
    const v1 = newId();
    expect((await submit({ id: v1, document: documentFor("2563", "5220107", 1) }, t)).status).toBe(201);
    const answers = await Promise.all(
      [2, 3, 4, 5].map((seed) =>
        submit({ id: newId(), replaces: v1, document: documentFor("2563", "5220107", seed) }, t),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    const stored = await h.api("GET", "/laos/5220107/submissions/2563", { token: t });
    expect(stored.body.versions).toHaveLength(2);
  });

  it("accepts the results an older client still sends, keeps only the inputs, and answers with the client's hash", async () => {
    const lao = "5220109";
    const t = await h.signIn("lao", { lao });
    const inputs = documentFor("2563", lao, 3);
    const [first] = Object.keys(inputs.values);
    const sent = {
      ...inputs,
      results: { [first!]: { status: "pass", label: "ผ่านค่าเป้าหมายขั้นต่ำ", percent: 90 } },
    };
    const id = newId();
    const res = await submit({ id, document: sent }, t);
    expect(res.status).toBe(201);
    // The older client checks its receipt against the hash of what it sent.
    expect(res.body.contentHash).toBe(await contentHash(sent));
    const again = await submit({ id, document: sent }, t);
    expect([again.status, again.body.receiptNumber]).toEqual([200, res.body.receiptNumber]);
    const stored = await h.api("GET", `/laos/${lao}/submissions/2563`, { token: t });
    expect(stored.body.versions[0].document).toEqual(inputs);
    // A current client sends the inputs alone: their hash is the inputs' alone.
    const next = await submit(
      { id: newId(), replaces: id, document: { ...inputs, basic: { ...inputs.basic } } },
      t,
    );
    expect(next.status).toBe(201);
    expect(next.body.contentHash).toBe(await contentHash(inputs));
  });
});
