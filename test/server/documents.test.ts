import net from "node:net";
import { BACKENDS, documentFor, LAO_22, newId, startHarness, type Harness } from "./harness";

/** Every bad document gets a problem that says what to fix, in Thai and English, and nothing is stored. */
describe.each(BACKENDS)("bad submissions on %s", (backend) => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness(backend, { bodyLimitBytes: 64 * 1024 });
    token = await h.signIn("lao", { lao: LAO_22 });
  });
  afterAll(() => h?.close());

  const good = () => documentFor("2563", LAO_22, 1);
  const values = () => good().values;
  const firstId = () => Object.keys(values())[0]!;

  const cases: Array<
    // [what, request, status, code, text the message or details contain ("" for any)]
    [string, () => { body: unknown; headers?: Record<string, string> }, number, string, string]
  > = [
    [
      "a body that is not JSON",
      () => ({ body: '{"id": "abc', headers: { "content-type": "application/json" } }),
      400,
      "bad-json",
      "JSON",
    ],
    ["no submission id", () => ({ body: { document: good() } }), 400, "bad-request", "id"],
    [
      "a submission id with spaces",
      () => ({ body: { id: "my id 1234", document: good() } }),
      400,
      "bad-request",
      "รหัสการส่ง",
    ],
    [
      "an unknown field beside the document",
      () => ({ body: { id: newId(), document: good(), extra: 1 } }),
      400,
      "bad-request",
      "extra",
    ],
    [
      "a document that is not an object",
      () => ({ body: { id: newId(), document: "ส่งแล้ว" } }),
      422,
      "document-invalid",
      "เอกสารไม่ถูกต้อง",
    ],
    [
      "an LAO code that is not 7 digits",
      () => ({ body: { id: newId(), document: { ...good(), lao: "42201" } } }),
      422,
      "document-invalid",
      "7 หลัก",
    ],
    [
      "another LAO's document",
      () => ({ body: { id: newId(), document: documentFor("2563", "4220103") } }),
      403,
      "not-your-lao",
      "ส่งข้อมูลแทน อปท. อื่นไม่ได้",
    ],
    [
      "an unknown round",
      () => ({ body: { id: newId(), document: { ...good(), round: "2599" } } }),
      404,
      "not-found",
      "2563, 2564, 2565, 2566, 2567, 2568",
    ],
    [
      "an indicator the round does not have",
      () => ({
        body: {
          id: newId(),
          document: { ...good(), values: { ...values(), "2563-9-99": { base: 1, served: 1 } } },
        },
      }),
      422,
      "document-invalid",
      "ไม่มีตัวชี้วัดรหัส",
    ],
    [
      "a value typed with its unit",
      () => ({
        body: {
          id: newId(),
          document: { ...good(), values: { ...values(), [firstId()]: { base: "12 กม.", served: 3 } } },
        },
      }),
      422,
      "document-invalid",
      "ไม่ต้องพิมพ์หน่วย",
    ],
    [
      "(2) larger than (1)",
      () => ({
        body: {
          id: newId(),
          document: { ...good(), values: { ...values(), [firstId()]: { base: 10, served: 30 } } },
        },
      }),
      422,
      "document-invalid",
      "มากกว่า (1) กรอบการประเมิน",
    ],
    [
      "a field that is not base, served or value",
      () => ({
        body: {
          id: newId(),
          document: { ...good(), values: { ...values(), [firstId()]: { base: 10, done: 3 } } },
        },
      }),
      422,
      "document-invalid",
      "มีช่องที่ไม่รู้จัก",
    ],
    [
      "an indicator left empty",
      () => {
        const v = values();
        delete v[firstId()];
        return { body: { id: newId(), document: { ...good(), values: v } } };
      },
      422,
      "document-incomplete",
      "ยังกรอกข้อมูลไม่ครบ",
    ],
    [
      "แบบ 1 without the preparer",
      () => ({
        body: { id: newId(), document: { ...good(), basic: { ...good().basic, preparer: undefined } } },
      }),
      422,
      "document-incomplete",
      "ชื่อผู้จัดเก็บข้อมูล",
    ],
    [
      "a body over the size limit",
      () => ({ body: { id: newId(), document: { ...good(), pad: "x".repeat(70 * 1024) } } }),
      413,
      "body-too-large",
      "KB",
    ],
    [
      "a body that is not JSON at all",
      () => ({ body: "round=2563", headers: { "content-type": "text/plain" } }),
      415,
      "unsupported-media-type",
      "application/json",
    ],
  ];

  it.each(cases)(
    "refuses %s with a problem and stores nothing",
    async (_name, make, status, code, inMessage) => {
      const before = await h.countStored();
      const { body, headers } = make();
      const res = await h.api("POST", "/submissions", { token, body, ...(headers && { headers }) });
      expect(res.status).toBe(status);
      expect(res.body).toEqual(
        expect.objectContaining({ status, code, message: expect.any(String), messageEn: expect.any(String) }),
      );
      expect(res.body.message).toMatch(/[\u0e00-\u0e7f]/); // Thai
      if (inMessage)
        expect(`${res.body.message} ${JSON.stringify(res.body.details ?? "")}`).toContain(inMessage);
      expect(await h.countStored()).toEqual(before);
    },
  );

  it("refuses a round that does not assess the LAO's type", async () => {
    const sao = await h.signIn("lao", { lao: "6220110" });
    const before = await h.countStored();
    const municipal = { ...documentFor("2563", "6220110"), round: "2568", values: {} };
    const refused = await h.api("POST", "/submissions", {
      token: sao,
      body: { id: newId(), document: municipal },
    });
    expect(refused.status).toBe(422); // 2568 assesses municipalities only
    expect(refused.body.code).toBe("round-not-for-lao-type");
    // The same words as the CLI's check and the template command: core's problem, with its English.
    expect(refused.body.message).toBe("รอบ 2568 ไม่ได้ประเมิน อบต.");
    expect(refused.body.messageEn).toBe("round 2568 does not assess Subdistrict Administrative Organization");
    expect(await h.countStored()).toEqual(before);
  });

  it("lists every problem of an unreadable document with its path", async () => {
    const v = values();
    const ids = Object.keys(v);
    v[ids[0]!] = { base: "abc", served: 1 };
    v[ids[1]!] = { base: "12,34", served: 1 };
    const res = await h.api("POST", "/submissions", {
      token,
      body: { id: newId(), document: { ...good(), values: v } },
    });
    expect(res.status).toBe(422);
    const paths = res.body.details.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining([`values.${ids[0]}.base`, `values.${ids[1]}.base`]));
    for (const p of res.body.details.problems) expect(p.message).toMatch(/[\u0e00-\u0e7f]/);
  });

  it("refuses a ratio with a (1) but no (2), naming the indicator and the cell, and accepts - as not carried out", async () => {
    const id = firstId();
    for (const served of [undefined, null, "", " "]) {
      const before = await h.countStored();
      const blank = served === undefined ? { base: 12 } : { base: 12, served };
      const res = await h.api("POST", "/submissions", {
        token,
        body: { id: newId(), document: { ...good(), values: { ...values(), [id]: blank } } },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe("document-incomplete");
      const problem = res.body.details.problems.find(
        (p: { path: string }) => p.path === `values.${id}.served`,
      );
      expect(problem).toEqual(
        expect.objectContaining({
          code: "incomplete-value",
          message: expect.stringContaining(`ตัวชี้วัด ${id}:`),
        }),
      );
      expect(problem.message).toContain("พิมพ์ -");
      expect(problem.messageEn).toContain(`indicator ${id}:`);
      expect(await h.countStored()).toEqual(before);
    }
    const dash = await h.api("POST", "/submissions", {
      token: await h.signIn("lao", { lao: "4220103" }),
      body: {
        id: newId(),
        document: (() => {
          const doc = documentFor("2563", "4220103", 1);
          return { ...doc, values: { ...doc.values, [id]: { base: 12, served: "-" } } };
        })(),
      },
    });
    expect(dash.status).toBe(201);
  });

  it("reads a body over the limit to its end before answering 413, so a client still sending gets the problem and keeps its connection", async () => {
    const body = JSON.stringify({ id: newId(), document: { ...good(), pad: "x".repeat(150 * 1024) } });
    const head = [
      "POST /api/v1/submissions HTTP/1.1",
      "host: 127.0.0.1",
      "content-type: application/json",
      `authorization: Bearer ${token}`,
      `content-length: ${Buffer.byteLength(body)}`,
    ];
    const socket = net.connect(Number(new URL(h.url).port), "127.0.0.1");
    let received = "";
    const answers = new Promise<string>((resolve, reject) => {
      socket.on("data", (chunk: Buffer) => {
        received += chunk.toString("utf8");
        // The 413, then the answer to a second request on the same connection.
        if (/HTTP\/1\.1 200[\s\S]*"ok":true/.test(received)) resolve(received);
      });
      socket.on("error", (e) => reject(new Error(`${e.message} after: ${received}`)));
      socket.on("close", () => reject(new Error(`the connection was closed after: ${received}`)));
    });
    // The whole body, as a client sends it without waiting, then the next request.
    socket.write(`${head.join("\r\n")}\r\n\r\n`);
    socket.write(body);
    socket.write("GET /api/v1/health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n");
    try {
      const text = await answers;
      const [first] = text.split(/(?=HTTP\/1\.1 200)/);
      expect(first).toMatch(/^HTTP\/1\.1 413 /);
      expect(first).not.toMatch(/^connection: close/im);
      expect(first).toContain('"code":"body-too-large"');
    } finally {
      socket.destroy();
    }
  });

  it("answers an unknown route and a missing token with problems too", async () => {
    const missing = await h.api("GET", "/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("not-found");
    const anonymous = await h.api("POST", "/submissions", { body: { id: newId(), document: good() } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe("sign-in-required");
    const forged = await h.api("GET", "/me", { token: "mst_not-a-real-token" });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe("token-invalid");
  });
});
