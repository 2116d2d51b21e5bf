/**
 * Input no officer types but a careless or hostile client sends: a NUL character in any text, a day
 * that is not in the calendar, runaway nesting, an over-long path. Each is a 400 problem with a Thai
 * message, never a 500 or the framework's own answer, and nothing is stored.
 */
import JSZip from "jszip";
import { XLSX_MEDIA_TYPE } from "../../src/core";
import { generatedRound } from "../../src/core/rules/generatedRound";
import { exportRoundWorkbook } from "../../src/xlsx/roundWorkbook";
import { BACKENDS, documentFor, newId, startHarness, type Harness } from "./harness";

describe.each(BACKENDS)("hostile input on %s", (backend) => {
  let h: Harness;
  let admin: string;
  let lao: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    admin = await h.signIn("admin");
    lao = await h.signIn("lao", { lao: "4220102" });
    await h.setClock("2020-06-01T10:00:00+07:00");
  });
  afterAll(() => h?.close());

  const isThaiProblem = (res: { status: number; body: { code?: string; message?: string } }) => {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("bad-request");
    expect(res.body.message).toMatch(/[ก-๙]/);
  };

  it("refuses a NUL character in a body, a query or a path, storing nothing", async () => {
    const before = await h.countStored();
    isThaiProblem(await h.api("POST", "/sessions", { body: { code: "ABCD-EFGH", device: "pc\u0000x" } }));
    isThaiProblem(
      await h.api("POST", "/laos/4220102/submissions/2563/returns", {
        token: admin,
        body: { comments: { "2563-1-01": "แก้\u0000ไข" } },
      }),
    );
    isThaiProblem(
      await h.api("PUT", "/rounds/2563/extensions/4220103", {
        token: admin,
        body: { closes: "2020-07-20", reason: "น้ำ\u0000ท่วม" },
      }),
    );
    isThaiProblem(await h.api("GET", "/audits?action=%00x", { token: admin }));
    isThaiProblem(await h.api("GET", "/rounds/25%0063/progress", { token: admin }));
    const doc = documentFor("2563", "4220102", 7);
    const bad = { ...doc, basic: { ...doc.basic, preparer: { name: "สม\u0000ชาย" } } };
    const sent = await h.api("POST", "/submissions", {
      token: lao,
      body: { id: newId(), document: bad },
    });
    isThaiProblem(sent);
    expect(sent.body.details.issues[0].path).toBe("document.basic.preparer.name");
    expect(await h.countStored()).toEqual(before);
  });

  it("refuses half of a surrogate pair in a body or a key, storing nothing", async () => {
    const before = await h.countStored();
    // JSON.stringify writes a lone surrogate as an escape; PostgreSQL refuses it in text and in JSON.
    isThaiProblem(await h.api("POST", "/sessions", { body: { code: "ABCD-EFGH", device: "pc\ud800" } }));
    isThaiProblem(
      await h.api("POST", "/laos/4220102/submissions/2563/returns", {
        token: admin,
        body: { comments: { "2563-1-01\udc00": "แก้ไข" } },
      }),
    );
    const doc = documentFor("2563", "4220102", 8);
    const bad = { ...doc, basic: { ...doc.basic, preparer: { name: "สม\udbffชาย" } } };
    const sent = await h.api("POST", "/submissions", { token: lao, body: { id: newId(), document: bad } });
    isThaiProblem(sent);
    expect(sent.body.details.issues[0].path).toBe("document.basic.preparer.name");
    // A whole pair (an emoji) is text like any other.
    const emoji = { ...doc, basic: { ...doc.basic, preparer: { ...doc.basic?.preparer, name: "สมชาย 😀" } } };
    expect(
      (await h.api("POST", "/submissions", { token: lao, body: { id: newId(), document: emoji } })).status,
    ).toBe(201);
    expect((await h.countStored()).submissions).toBe(before.submissions + 1);
  });

  it("refuses a round file whose text holds half of a surrogate pair, storing nothing", async () => {
    // The JSON guard never sees a file. A hand-made .xlsx can carry a character reference to a lone
    // surrogate, which PostgreSQL could not store; the file is refused as unreadable instead.
    const round = { ...generatedRound(6, "G6"), title: "รอบMARKERทดสอบ" };
    const fileWith = async (text: string): Promise<Buffer> => {
      const zip = await JSZip.loadAsync(await exportRoundWorkbook(round));
      const parts = Object.keys(zip.files).filter((n) => n.startsWith("xl/") && n.endsWith(".xml"));
      let patched = 0;
      for (const name of parts) {
        const xml = await zip.file(name)!.async("string");
        if (!xml.includes("MARKER")) continue;
        zip.file(name, xml.replace("MARKER", text));
        patched++;
      }
      expect(patched).toBe(1);
      return zip.generateAsync({ type: "nodebuffer" });
    };
    const put = async (file: Buffer) =>
      h.api("PUT", "/rounds/G6", {
        token: admin,
        body: file,
        headers: { "content-type": XLSX_MEDIA_TYPE },
      });
    const before = await h.countStored();
    for (const broken of ["&#xD800;", "&#xDFFF;x", "&#x0;"]) {
      const res = await put(await fileWith(broken));
      expect([broken, res.status, res.body.code]).toEqual([broken, 422, "round-invalid"]);
      expect(res.body.message).toContain("เปิดไฟล์ไม่ได้");
    }
    expect(await h.countStored()).toEqual(before);
    expect((await h.api("GET", "/rounds/G6", { token: admin })).status).toBe(404);
    // The same file with a whole character in that place loads.
    const ok = await put(await fileWith("&#x0E01;"));
    expect(ok.status).toBe(200);
    expect((await h.api("GET", "/rounds/G6", { token: admin })).body.round.title).toBe("รอบกทดสอบ");
  });

  it("refuses a day that is not in the calendar", async () => {
    const res = await h.api("PUT", "/rounds/2563/extensions/4220103", {
      token: admin,
      body: { closes: "2020-02-30", reason: "ทดสอบวันที่" },
    });
    isThaiProblem(res);
    expect(res.body.message).toContain("ไม่มีวันที่นี้ในปฏิทิน");
  });

  it("refuses runaway nesting without overflowing the stack", async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const doc = JSON.stringify(documentFor("2563", "4220102", 7)).slice(0, -1);
    const deep = `${'{"a":'.repeat(10_000)}"x"${"}".repeat(10_000)}`;
    const body = `{"id":"${newId()}","document":${doc},"extra":${deep}}}`;
    const res = await h.api("POST", "/submissions", {
      token: lao,
      body,
      headers: { "content-type": "application/json" },
    });
    isThaiProblem(res);
    expect(res.body.message).toContain("ซ้อนกันลึกเกิน");
    expect((await h.api("GET", "/me/submissions", { token: lao })).status).toBe(200);
  });

  it("answers an over-long path parameter with a problem, not the router's own answer", async () => {
    const res = await h.api("GET", `/rounds/${"9".repeat(500)}/progress`, { token: admin });
    isThaiProblem(res);
    expect(res.headers.get("content-type")).toContain("application/json");
  });
});

describe.each(BACKENDS)("oversized input on %s", (backend) => {
  let h: Harness;
  let lao: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    lao = await h.signIn("lao", { lao: "4220102" });
    await h.setClock("2020-06-01T10:00:00+07:00");
  });
  afterAll(() => h?.close());

  it("keeps no text longer than a cell or a name could be, and nothing the server does not understand", async () => {
    const doc = documentFor("2563", "4220102", 7);
    const long = { ...doc, basic: { ...doc.basic, preparer: { name: "ก".repeat(100_000) } } };
    const refused = await h.api("POST", "/submissions", {
      token: lao,
      body: { id: newId(), document: long },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.details.problems[0].path).toBe("basic.preparer.name");
    const junk = { ...doc, results: { [doc.round + "-1-01"]: { status: "pass", junk: "x".repeat(10_000) } } };
    const kept = await h.api("POST", "/submissions", { token: lao, body: { id: newId(), document: junk } });
    expect(kept.status).toBe(201);
    const [stored] = await h.sql<{ document: unknown }>(
      `SELECT document FROM submission_versions ORDER BY "receivedAt" DESC LIMIT 1`,
    );
    expect(JSON.stringify(stored!.document)).not.toContain("junk");
  });

  it("answers a document of a hundred thousand unknown keys briefly, with how many problems there are", async () => {
    const doc: Record<string, unknown> = { ...documentFor("2563", "4220102", 7) };
    const values: Record<string, unknown> = { ...(doc.values as object) };
    for (let i = 0; i < 30_000; i++) values[`x${i}`] = { base: 1, nonsense: i };
    const res = await h.api("POST", "/submissions", {
      token: lao,
      body: { id: newId(), document: { ...doc, values } },
    });
    expect([400, 422]).toContain(res.status);
    expect(res.body.message).toMatch(/[ก-๙]/);
    expect(res.raw.length).toBeLessThan(200_000);
    const wide: Record<string, number> = {};
    for (let i = 0; i < 100_000; i++) wide[`k${i}`] = i;
    const flood = await h.api("POST", "/submissions", { token: lao, body: { id: newId(), document: wide } });
    expect(flood.status).toBe(400);
    expect(flood.raw.length).toBeLessThan(200_000);
  });
});
