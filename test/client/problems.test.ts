import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  ApiClient,
  ClientProblem,
  newSubmissionId,
  problemFromServer,
  type AttemptEvent,
} from "../../src/client";
import { MAX_REQUEST_BYTES, type SubmissionDocument } from "../../src/core";
import { loadRegister } from "../../src/dataFiles";
import { padded } from "../server/documents";
import { documentFor, startHarness, type Harness } from "../server/harness";
import { BACKEND, FAST_RETRY, nextLao } from "./rig";

/**
 * Every refusal the server can give a submitting officer, produced on a real server, and the
 * message the client shows for it: the kind programs act on, a Thai message saying what happened
 * and what to do, and English.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness(BACKEND, { rateLimit: { perToken: 20, perAddress: 100_000 } });
});
afterAll(() => h?.close());

async function client(lao?: string): Promise<ApiClient> {
  const api = new ApiClient({ server: h.url, retry: FAST_RETRY });
  return lao ? api.withToken(await h.signIn("lao", { lao })) : api;
}

async function failure(call: Promise<unknown>): Promise<ClientProblem> {
  const e = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof ClientProblem)) throw new Error(`expected a ClientProblem, got ${String(e)}`);
  expect(e.messageEn).toMatch(/^[a-z][a-z0-9 ,()-]{10}/i); // English
  expect(e.message).toMatch(/[\u0e00-\u0e7f]/); // Thai
  return e;
}

/** A document with 3.3 MB of text pasted into its cells (by mistake), each cell within its own limit. */
function oversized(lao: string): SubmissionDocument {
  return padded(documentFor("2563", lao, 1), 3_300_000);
}

const submit = (
  api: ApiClient,
  document: SubmissionDocument,
  replaces: string | null = null,
  id = newSubmissionId(),
) => api.submit({ id, replaces, document });

describe("who is signed in (401, 403)", () => {
  it("no token, or a revoked one: signed out, sign in again, nothing lost", async () => {
    for (const api of [await client(), (await client()).withToken("mst_revoked-or-never-issued-token")]) {
      const p = await failure(api.me());
      expect(p).toMatchObject({ kind: "signed-out", status: 401 });
      expect(p.message).toContain("ลงชื่อเข้าใช้ใหม่ด้วยรหัสเข้าใช้งาน");
      expect(p.message).toContain("ยังเก็บไว้ในเครื่องนี้");
    }
  });

  it("a wrong or used access code", async () => {
    const p = await failure((await client()).signIn("AAAA-BBBB-CCCC"));
    expect(p).toMatchObject({ kind: "code-invalid", status: 401, code: "access-code-invalid" });
    expect(p.message).toContain("ขอรหัสใหม่จากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด");
  });

  it("another LAO's data (403)", async () => {
    const lao = nextLao();
    const other = nextLao();
    const api = await client(lao);
    const notYours = await failure(submit(api, documentFor("2563", other, 1)));
    expect(notYours).toMatchObject({ kind: "wrong-lao", status: 403 });
    expect(notYours.message).toContain(`อปท. รหัส ${other}`);
    const forbidden = await failure(api.submissionOf(other, "2563"));
    expect(forbidden).toMatchObject({ kind: "forbidden", status: 403 });
    expect(forbidden.message).toContain("ไม่มีสิทธิ์");
  });
});

describe("the version chain (409)", () => {
  let api: ApiClient;
  let lao: string;
  let v1: string;
  beforeAll(async () => {
    lao = nextLao();
    api = await client(lao);
    v1 = (await submit(api, documentFor("2563", lao, 1))).receipt.id;
  });

  it("the same id with other content", async () => {
    const p = await failure(submit(api, documentFor("2563", lao, 2), null, v1));
    expect(p).toMatchObject({ kind: "id-conflict", status: 409, details: { id: v1 } });
    expect(p.message).toContain(`รหัสการส่ง ${v1} ถูกใช้กับข้อมูลชุดอื่น`);
  });

  it("a second version that names none, or names one that is no longer the latest: a newer version on the server", async () => {
    const none = await failure(submit(api, documentFor("2563", lao, 3)));
    expect(none).toMatchObject({ kind: "newer-version", status: 409, code: "replaces-required" });
    expect(none.message).toContain("ฉบับที่ 1");
    const v2 = (await submit(api, documentFor("2563", lao, 4), v1)).receipt;
    const stale = await failure(submit(api, documentFor("2563", lao, 5), v1));
    expect(stale).toMatchObject({ kind: "newer-version", code: "stale-version" });
    expect(stale.message).toContain(`ฉบับที่ 2 (ใบรับ ${v2.receiptNumber}) ซึ่งใหม่กว่า`);
    expect(stale.messageEn).toContain("version 2");
  });

  it("replacing a version the server never had", async () => {
    const fresh = nextLao();
    const p = await failure(submit(await client(fresh), documentFor("2563", fresh, 6), newSubmissionId()));
    expect(p).toMatchObject({ kind: "chain-broken", status: 409, code: "replaces-unknown" });
    expect(p.message).toContain("ไม่มีที่เครื่องแม่ข่าย");
  });
});

describe("the window (409)", () => {
  afterEach(() => h.setClock("2020-06-01T10:00:00+07:00"));

  it("closed: when it closed, in Thai time, and whom to ask", async () => {
    const lao = nextLao();
    const api = await client(lao);
    await h.setClock("2020-07-20T09:00:00+07:00");
    const p = await failure(submit(api, documentFor("2563", lao, 1)));
    expect(p).toMatchObject({ kind: "window-closed", status: 409 });
    expect(p.message).toBe(
      "ระบบปิดรับข้อมูลรอบนี้แล้ว (ปิดเมื่อ ๑๖ กรกฎาคม ๒๕๖๓ เวลา ๐๐.๐๐ น.) — เครื่องแม่ข่ายยังไม่ได้บันทึกข้อมูลนี้ หากจำเป็นต้องส่ง ติดต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเพื่อขอขยายเวลา",
    );
  });

  it("not open yet: when it opens", async () => {
    const lao = nextLao();
    const api = await client(lao);
    await h.setClock("2020-05-01T09:00:00+07:00");
    const p = await failure(submit(api, documentFor("2563", lao, 1)));
    expect(p).toMatchObject({ kind: "window-not-open", status: 409 });
    expect(p.message).toContain("เปิดรับ ๑๕ พฤษภาคม ๒๕๖๓ เวลา ๐๐.๐๐ น.");
  });
});

describe("returned submissions (409, for the province)", () => {
  it("returning a version twice, or one that is no longer the latest", async () => {
    const lao = nextLao();
    const api = await client(lao);
    const v1 = (await submit(api, documentFor("2563", lao, 1))).receipt;
    const province = await h.signIn("province", { province: "22" });
    const comments = { comments: { [Object.keys(documentFor("2563", lao).values)[0]!]: "ตรวจตัวเลขอีกครั้ง" } };
    const path = `/laos/${lao}/submissions/2563/returns`;
    expect((await h.api("POST", path, { token: province, body: { version: 1, ...comments } })).status).toBe(
      201,
    );
    const twice = await h.api("POST", path, { token: province, body: { version: 1, ...comments } });
    const returned = problemFromServer(twice.status, twice.body);
    expect(returned).toMatchObject({ kind: "returned", status: 409, code: "already-returned" });
    expect(returned.message).toContain("ถูกส่งกลับให้แก้ไขแล้ว");
    // The LAO answers with its next version, which makes the return stale.
    await submit(api, documentFor("2563", lao, 2), v1.id);
    const stale = await h.api("POST", path, { token: province, body: { version: 1, ...comments } });
    expect(problemFromServer(stale.status, stale.body)).toMatchObject({
      kind: "returned",
      code: "return-stale",
    });
  });
});

describe("the document (400, 413, 422)", () => {
  it("unreadable values: each problem with its path", async () => {
    const lao = nextLao();
    const document = documentFor("2563", lao, 1);
    const [id] = Object.keys(document.values);
    document.values[id!] = { base: "สิบสอง", served: 3 };
    const p = await failure(submit(await client(lao), document));
    expect(p).toMatchObject({ kind: "document-invalid", status: 422 });
    expect(p.message).toMatch(/^เครื่องแม่ข่ายไม่รับข้อมูลนี้: มีข้อมูลที่ต้องแก้ 1 รายการ — /);
    expect(p.details).toMatchObject({ problems: [{ path: `values.${id}.base` }] });
  });

  it("missing values and แบบ 1", async () => {
    const lao = nextLao();
    const document = documentFor("2563", lao, 1);
    delete document.basic;
    const p = await failure(submit(await client(lao), document));
    expect(p).toMatchObject({ kind: "document-incomplete", status: 422 });
    expect(p.message).toContain("ยังกรอกไม่ครบ 7 รายการ");
    expect(p.message).toContain("และอีก 4 รายการ");
  });

  it("a round that does not assess the LAO's type", async () => {
    const sao = loadRegister()
      .inProvince("22")
      .find((l) => l.type === "sao")!.code;
    const p = await failure(submit(await client(sao), { round: "2568", lao: sao, values: {} }));
    expect(p).toMatchObject({ kind: "not-assessed", status: 422, code: "round-not-for-lao-type" });
    expect(p.message).toContain("ไม่ได้ประเมิน");
  });

  it("a malformed request", async () => {
    const lao = nextLao();
    const api = await client(lao);
    const bad = await failure(submit(api, documentFor("2563", lao, 1), null, "x"));
    expect(bad).toMatchObject({ kind: "refused", status: 400, code: "bad-request" });
    expect(bad.message).toContain("รหัสการส่งต้องเป็นตัวอักษรอังกฤษ");
  });

  it("a document over the server's limit: measured before sending, never sent, the largest fields named", async () => {
    const lao = nextLao();
    const attempts: AttemptEvent[] = [];
    const api = new ApiClient({
      server: h.url,
      retry: FAST_RETRY,
      token: await h.signIn("lao", { lao }),
      onAttempt: (e) => attempts.push(e),
    });
    const before = await h.countStored();
    const p = await failure(submit(api, oversized(lao)));
    expect(p).toMatchObject({ kind: "too-large", code: "body-too-large", transient: false });
    expect(p.status).toBeUndefined();
    expect(p.message).toMatch(/^ข้อมูลนี้ใหญ่เกินกว่าที่เครื่องแม่ข่ายรับได้ \([\d,]+ KB\) — รับได้ไม่เกิน 2,048 KB จึงยังไม่ได้ส่ง/);
    expect(p.message).toMatch(/ช่องที่ใหญ่ที่สุด: values\.2563-pad-\d+\.(base|served) \d+ KB/);
    expect(p.message).toContain("ข้อมูลยังเก็บไว้ในเครื่องนี้");
    expect(p.details).toMatchObject({
      limitBytes: MAX_REQUEST_BYTES,
      fields: [{ path: expect.stringMatching(/^values\.2563-pad-/), bytes: 1502 }],
    });
    expect(attempts).toEqual([]);
    expect(await h.countStored()).toEqual(before);
  });

  it("a document over the limit of a server that takes less than the client: the server's 413 arrives as a problem, not a broken connection", async () => {
    const lao = nextLao();
    // A client that would send up to 8 MB: the server reads the body and answers 413.
    const api = new ApiClient({
      server: h.url,
      retry: FAST_RETRY,
      token: await h.signIn("lao", { lao }),
      maxRequestBytes: 8 * 1024 * 1024,
    });
    const before = await h.countStored();
    for (let i = 0; i < 3; i++) {
      const p = await failure(submit(api, oversized(lao)));
      expect(p).toMatchObject({ kind: "too-large", status: 413, code: "body-too-large", attempts: 1 });
      expect(p.message).toMatch(
        /^ข้อมูลนี้ใหญ่เกินกว่าที่เครื่องแม่ข่ายรับได้ \([\d,]+ KB\) — รับได้ไม่เกิน 2,048 KB เครื่องแม่ข่ายจึงไม่รับ/,
      );
      expect(p.message).toContain("ช่องที่ใหญ่ที่สุด: values.2563-pad-");
      expect(p.serverMessage).toContain("เกิน 2048 KB");
    }
    expect(await h.countStored()).toEqual(before);
  });

  it("a round or submission that does not exist (404)", async () => {
    const lao = nextLao();
    const p = await failure((await client(lao)).submissionOf(lao, "2563"));
    expect(p).toMatchObject({ kind: "not-found", status: 404 });
    expect(p.message).toContain(`ไม่พบข้อมูลที่ อปท. ${lao} ส่ง`);
  });
});

describe("too many requests (429)", () => {
  it("gives up at once when the server asks for a longer wait than the client allows, and says how long", async () => {
    const lao = nextLao();
    const api = await client(lao);
    let p: ClientProblem | undefined;
    for (let i = 0; i < 25 && !p; i++)
      p = await api.me().then(
        () => undefined,
        (e: ClientProblem) => e,
      );
    expect(p).toMatchObject({ kind: "rate-limited", status: 429, attempts: 1 });
    expect(p!.retryAfterSeconds).toBeGreaterThan(3);
    expect(p!.message).toMatch(/^ส่งคำขอถี่เกินไป — รอ \d+ วินาทีแล้วลองใหม่/);
  });
});

describe("answers that are not the server's", () => {
  it("a captive portal's page is never taken for an answer; it is retried, then explained", async () => {
    let hits = 0;
    const portal = http.createServer((_req, res) => {
      hits++;
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Please sign in to the hotel Wi-Fi</body></html>");
    });
    await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
    try {
      const api = new ApiClient({
        server: `http://127.0.0.1:${(portal.address() as AddressInfo).port}`,
        token: "mst_x",
        retry: { ...FAST_RETRY, attempts: 3 },
      });
      const p = await failure(
        api.submit({ id: newSubmissionId(), replaces: null, document: documentFor("2563", "4220102") }),
      );
      expect(p).toMatchObject({ kind: "unexpected-response", status: 200, attempts: 3 });
      expect(p.message).toContain("Wi-Fi");
      expect(hits).toBe(3);
    } finally {
      portal.close();
    }
  });

  it("a server that is not there: unreachable, after every attempt", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const p = await failure(
      new ApiClient({ server: `http://127.0.0.1:${port}`, retry: { ...FAST_RETRY, attempts: 2 } }).health(),
    );
    expect(p).toMatchObject({ kind: "unreachable", attempts: 2, lostAnswer: false });
  });
});
