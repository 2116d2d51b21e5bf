import { Client } from "pg";
import {
  ADMIN_PG_URL,
  BACKENDS,
  documentFor,
  LAO_22,
  LAO_22_OTHER,
  newId,
  startHarness,
  type Harness,
} from "../server/harness";

/** Reads one sample of the Prometheus text format; 0 when the series has not appeared yet. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Waits until the server has written what the test looks for (its stdout is a pipe: it comes later). */
async function outputContaining(h: Harness, text: string): Promise<string> {
  while (!h.output().includes(text)) await new Promise((r) => setTimeout(r, 20));
  return h.output();
}

async function scrape(h: Harness): Promise<string> {
  const res = await fetch(`${h.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

describe.each(BACKENDS)("observing the server on %s", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, { logger: true });
  });
  afterAll(() => h?.close());

  it("counts an accepted submission, its retry and a refusal by problem code in /metrics", async () => {
    const before = await scrape(h);
    const token = await h.signIn("lao", { lao: LAO_22 });
    const body = { id: newId(), document: documentFor("2563", LAO_22, 1) };
    expect((await h.api("POST", "/submissions", { token, body })).status).toBe(201);
    expect((await h.api("POST", "/submissions", { token, body })).status).toBe(200);
    const refused = await h.api("POST", "/submissions", {
      token,
      body: { id: newId(), document: documentFor("2563", LAO_22_OTHER, 1) },
    });
    expect(refused.body.code).toBe("not-your-lao");
    const after = await scrape(h);

    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta("minstd_submissions_accepted_total")).toBe(1);
    expect(delta("minstd_submission_replays_total")).toBe(1);
    expect(delta('minstd_submissions_refused_total{code="not-your-lao"}')).toBe(1);
    expect(delta('minstd_http_requests_total{route="/api/v1/submissions",method="POST",status="201"}')).toBe(
      1,
    );
    expect(
      delta('minstd_http_request_duration_seconds_count{route="/api/v1/submissions",method="POST"}'),
    ).toBe(3);
    expect(after).toMatch(/^minstd_db_pool_connections\{state="total"\} \d+$/m);
  });

  it("logs JSON lines with a request id and never a token, an access code or a document's text", async () => {
    const note = "ข้อความลับในเอกสาร-ไม่ควรอยู่ในบันทึก";
    const token = await h.signIn("lao", { lao: LAO_22_OTHER });
    const document = { ...documentFor("2563", LAO_22_OTHER, 2), note };
    const res = await h.api("POST", "/submissions", {
      token,
      body: { id: newId(), document },
      headers: { "x-request-id": "trace-from-proxy-1" },
    });
    expect(res.headers.get("x-request-id")).toBe("trace-from-proxy-1");
    // A refused body with the token in it too: the refusal path must not log it either.
    await h.api("POST", "/submissions", { token, body: { id: "bad", token, document } });
    await h.api("POST", "/sessions", { body: { code: "MINSTD-SECRET-CODE-1234", device: "x" } });
    await h.api("GET", "/health", { headers: { "x-request-id": "last-request-of-the-test" } });
    await outputContaining(h, '"reqId":"last-request-of-the-test","res"');

    const lines = h
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"));
    const entries = lines.map((l) => JSON.parse(l) as { reqId?: string; req?: { path?: string } });
    expect(entries.some((e) => e.reqId === "trace-from-proxy-1")).toBe(true);
    expect(entries.some((e) => e.req?.path === "/api/v1/submissions")).toBe(true);
    const all = h.output();
    expect(all).not.toContain(token);
    expect(all).not.toContain(note);
    expect(all).not.toContain("MINSTD-SECRET-CODE-1234");
  });
});

describe("readiness", () => {
  it("answers 200 while the database answers and 503 with a problem once PostgreSQL's database is gone", async () => {
    if (!BACKENDS.includes("postgres")) return;
    const h = await startHarness("postgres");
    try {
      expect((await h.api("GET", "/ready")).status).toBe(200);
      const name = new URL(h.storage.databaseUrl!).pathname.slice(1);
      const admin = new Client({ connectionString: ADMIN_PG_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      const res = await h.api("GET", "/ready");
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 503, code: "database-unavailable" });
      expect(res.body.message).toMatch(/ฐานข้อมูล/);
      // Liveness stays about the process: the metrics still answer.
      expect((await fetch(`${h.url}/metrics`)).status).toBe(200);
    } finally {
      await h.close();
    }
  }, 60_000);
});
