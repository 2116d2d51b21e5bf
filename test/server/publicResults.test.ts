import { z } from "zod";
import { OPEN_DATA_FIELDS, openDataDocumentSchema } from "../../src/core";
import { BACKENDS, documentFor, startHarness, type Harness } from "./harness";

/**
 * Public results: nothing is public before the window closes unless the LAO publishes it; after the
 * close (and after an LAO's extension) every submitted, not returned, result is; nothing personal
 * ever is. The open data's CSV header and JSON follow the dictionary.
 */

const PUBLISHER = "4220102";
const LATE = "4220103"; // extension to 2020-07-31
const RETURNED = "5220105";
const SILENT = "4220104"; // never submits
const OTHER_PROVINCE = "3800102";
const PREPARER = ["นางสาวทดสอบ ใจดี", "039-000000", "นักวิเคราะห์นโยบายและแผน"];

interface Fetched {
  status: number;
  headers: Headers;
  text: string;
}

describe.each(BACKENDS)("public results on %s", (backend) => {
  let h: Harness;
  let admin: string;
  let province: string;
  const lao: Record<string, string> = {};
  const bodies: string[] = [];
  const get = async (path: string): Promise<Fetched> => {
    const res = await fetch(`${h.url}${path}`);
    const text = await res.text();
    bodies.push(text);
    return { status: res.status, headers: res.headers, text };
  };
  const publication = (code: string, method: "GET" | "PUT" | "DELETE", token = lao[code]!) =>
    h.api(method, `/laos/${code}/publications/2563`, { token });

  beforeAll(async () => {
    h = await startHarness(backend, { now: "2020-06-01T10:00:00+07:00" });
    admin = await h.signIn("admin");
    province = await h.signIn("province", { province: "22" });
    for (const [i, code] of [PUBLISHER, LATE, RETURNED, OTHER_PROVINCE].entries()) {
      lao[code] = await h.signIn("lao", { lao: code });
      const res = await h.api("POST", "/submissions", {
        token: lao[code],
        body: { id: `public-${code}-${backend}`, document: documentFor("2563", code, i) },
      });
      expect(res.status).toBe(201);
    }
    lao[SILENT] = await h.signIn("lao", { lao: SILENT });
    const ret = await h.api("POST", `/laos/${RETURNED}/submissions/2563/returns`, {
      token: province,
      body: { version: 1, comments: { "2563-1-01": "ตรวจสอบอีกครั้ง" } },
    });
    expect(ret.status).toBe(201);
    const ext = await h.api("PUT", `/rounds/2563/extensions/${LATE}`, {
      token: admin,
      body: { closes: "2020-07-31", reason: "น้ำท่วมสำนักงาน" },
    });
    expect(ext.status).toBe(200);
  });
  afterAll(() => h?.close());

  it("shows nothing before the window closes, with a Thai 404 page", async () => {
    const page = await get(`/public/rounds/2563/laos/${PUBLISHER}`);
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain("ยังไม่มีผลที่เผยแพร่");
    expect((await get(`/public/rounds/2563/laos/${PUBLISHER}/page.html`)).status).toBe(404);
    const json = JSON.parse((await get("/public/rounds/2563/results.json")).text);
    expect(json.rows).toEqual([]);
    const provincePage = await get("/public/rounds/2563/provinces/22");
    expect(provincePage.status).toBe(200);
    expect(provincePage.text).not.toContain(`/public/rounds/2563/laos/${PUBLISHER}"`);

    expect((await get("/public/rounds/2599/laos/4220102")).text).toContain("ไม่พบรอบการประเมินนี้");
    expect((await get("/public/rounds/2563/laos/9999999")).text).toContain("ไม่พบ อปท. นี้");
    const noProvince = await get("/public/rounds/2563/provinces/99");
    expect([noProvince.status, noProvince.text]).toEqual([404, expect.stringContaining("ไม่พบจังหวัดนี้")]);
  });

  it("lets an LAO publish early and take it back, audited; only its own, only what it submitted", async () => {
    expect((await publication(PUBLISHER, "GET")).body).toEqual(
      expect.objectContaining({ public: false, published: false, submission: "submitted" }),
    );
    const published = await publication(PUBLISHER, "PUT");
    expect(published.status).toBe(200);
    expect(published.body).toEqual(
      expect.objectContaining({
        public: true,
        reason: "published",
        publishedAtTh: "๑ มิถุนายน ๒๕๖๓ เวลา ๑๐.๐๐ น.",
        urls: expect.objectContaining({ page: `${h.url}/public/rounds/2563/laos/${PUBLISHER}` }),
      }),
    );
    // Another LAO's, a province's, and nothing submitted: refused.
    expect((await publication(PUBLISHER, "PUT", lao[LATE])).status).toBe(403);
    expect((await publication(PUBLISHER, "PUT", province)).status).toBe(403);
    const nothing = await publication(SILENT, "PUT");
    expect([nothing.status, nothing.body.code]).toEqual([409, "nothing-to-publish"]);
    const returned = await publication(RETURNED, "PUT");
    expect([returned.status, returned.body.code]).toEqual([409, "nothing-to-publish"]);

    const page = await get(`/public/rounds/2563/laos/${PUBLISHER}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลเมืองจันทบุรี");
    expect(page.text).toContain("อปท. เลือกเผยแพร่ผลของตนก่อนกำหนดปิดรับ");
    expect(page.text).toContain("&lt;iframe src=");
    const json = JSON.parse((await get("/public/rounds/2563/results.json")).text);
    expect(
      json.rows.map((r: { laoCode: string; publicBecause: string }) => [r.laoCode, r.publicBecause]),
    ).toEqual([[PUBLISHER, "published"]]);

    const withdrawn = await publication(PUBLISHER, "DELETE");
    expect(withdrawn.body).toEqual(expect.objectContaining({ public: false, published: false }));
    expect((await get(`/public/rounds/2563/laos/${PUBLISHER}`)).status).toBe(404);
    const audits = await h.sql<{ action: string; subject: string }>(
      `SELECT action, subject FROM audits WHERE action LIKE 'results.%' ORDER BY id`,
    );
    expect(audits).toEqual([
      { action: "results.publish", subject: `lao:${PUBLISHER}` },
      { action: "results.unpublish", subject: `lao:${PUBLISHER}` },
    ]);
  });

  it("makes submitted results public after each LAO's window closes, not returned ones", async () => {
    await h.setClock("2020-07-16T00:00:00+07:00");
    const json = JSON.parse((await get("/public/rounds/2563/results.json")).text);
    expect(json.rows.map((r: { laoCode: string }) => r.laoCode).sort()).toEqual([OTHER_PROVINCE, PUBLISHER]);
    expect(json.rows[0].publicBecause).toBe("window-closed");
    expect((await get(`/public/rounds/2563/laos/${LATE}`)).status).toBe(404);
    expect((await get(`/public/rounds/2563/laos/${RETURNED}`)).status).toBe(404);
    const late = await publication(PUBLISHER, "DELETE");
    expect([late.status, late.body.code]).toEqual([409, "public-after-close"]);

    await h.setClock("2020-08-01T00:00:00+07:00");
    const after = JSON.parse((await get("/public/rounds/2563/results.json")).text);
    expect(after.rows.map((r: { laoCode: string }) => r.laoCode).sort()).toEqual(
      [OTHER_PROVINCE, PUBLISHER, LATE].sort(),
    );
    const page = await get(`/public/rounds/2563/laos/${LATE}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(page.headers.get("x-frame-options")).toBeNull();
    expect(page.headers.get("cache-control")).toBe("public, max-age=60");

    const provincePage = await get("/public/rounds/2563/provinces/22");
    expect(provincePage.text).toContain(`href="/public/rounds/2563/laos/${LATE}"`);
    expect(provincePage.text).not.toContain(`href="/public/rounds/2563/laos/${RETURNED}"`);
    expect(provincePage.text).toContain("เผยแพร่ผลแล้ว");
    // One digit style on a page: the numbers are in Arabic digits, so the dates are too.
    for (const shown of [provincePage.text, page.text]) expect(shown).not.toMatch(/[๐-๙]/);

    const file = await get(`/public/rounds/2563/laos/${PUBLISHER}/page.html`);
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="minstd-2563-${PUBLISHER}.html"`,
    );
    expect(file.text).toContain(`${h.url}/public/rounds/2563/laos/${PUBLISHER}`);
    expect(file.text).not.toContain("<iframe");
    expect(file.text).not.toMatch(/<script|<link|src="http/);
  });

  it("writes CSV with a BOM and the dictionary's header, and JSON that the dictionary's schema accepts", async () => {
    const dictionary = JSON.parse((await get("/public/open-data/dictionary.json")).text);
    const names = dictionary.fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(OPEN_DATA_FIELDS);
    for (const f of dictionary.fields)
      expect([f.name, f.th.length > 0, f.en.length > 0]).toEqual([f.name, true, true]);

    const csv = await fetch(`${h.url}/public/rounds/2563/results.csv`);
    const raw = Buffer.from(await csv.arrayBuffer());
    bodies.push(raw.toString("utf8"));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = raw.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]!.split(",")).toEqual(names);
    expect(lines).toHaveLength(4);

    const json = JSON.parse((await get("/public/rounds/2563/results.json")).text);
    const schema = z.fromJSONSchema(dictionary.jsonSchema);
    expect(schema.safeParse(json).success).toBe(true);
    expect(schema.safeParse({ ...json, rows: [{ ...json.rows[0], preparer: "x" }] }).success).toBe(false);
    expect(openDataDocumentSchema.parse(json).rows).toHaveLength(3);
    const unknown = await h.api("GET", "/openapi.json");
    expect(Object.keys(unknown.body.paths)).toEqual(
      expect.arrayContaining([
        "/public/rounds/{round}/laos/{lao}",
        "/public/rounds/{round}/provinces/{province}",
        "/public/rounds/{round}/results.csv",
        "/public/open-data/dictionary.json",
        "/api/v1/laos/{lao}/publications/{round}",
      ]),
    );
  });

  it("never shows anything personal in any public answer", async () => {
    const staff = await h.sql<{ displayName: string }>(`SELECT "displayName" FROM users WHERE role <> 'lao'`);
    const devices = await h.sql<{ device: string }>(
      `SELECT DISTINCT device FROM tokens WHERE device IS NOT NULL`,
    );
    const secrets = [...PREPARER, ...staff.map((s) => s.displayName), ...devices.map((d) => `"${d.device}"`)];
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies)
      for (const secret of secrets) expect([secret, body.includes(secret)]).toEqual([secret, false]);
  });
});
