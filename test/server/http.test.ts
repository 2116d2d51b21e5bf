import { shippedRound } from "../../src/core";
import { API_ROUTES } from "../../src/server/routes";
import { exportRoundWorkbook } from "../../src/xlsx/roundWorkbook";
import { BACKENDS, startHarness, type Harness } from "./harness";

describe.each(BACKENDS)("HTTP on %s", (backend) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness(backend, {
      rateLimit: { perToken: 40, perAddress: 10 },
      corsOrigins: ["https://localhost:3000"],
    });
    admin = await h.signIn("admin");
  });
  afterAll(() => h?.close());

  it("serves OpenAPI at /api/v1/openapi.json with every route", async () => {
    const res = await h.api("GET", "/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    for (const r of API_ROUTES) {
      const path = `/api/v1${r.path.replace(/:([A-Za-z]+)/g, "{$1}")}`;
      expect([path, Object.keys(res.body.paths[path] ?? {})]).toEqual([
        path,
        expect.arrayContaining([r.method.toLowerCase()]),
      ]);
    }
    expect(
      res.body.paths["/api/v1/submissions"].post.requestBody.content["application/json"].schema.properties,
    ).toEqual(expect.objectContaining({ id: expect.any(Object), document: expect.any(Object) }));
    // A round goes in as JSON or as an .xlsx file: both are documented.
    const roundBody = res.body.paths["/api/v1/rounds/{round}"].put.requestBody.content;
    expect(Object.keys(roundBody).sort()).toEqual([
      "application/json",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
    expect(roundBody["application/json"].schema.properties).toEqual(
      expect.objectContaining({
        id: expect.any(Object),
        areas: expect.any(Object),
        window: expect.any(Object),
      }),
    );
  });

  it("answers CORS only for the add-in's origin", async () => {
    const preflight = (origin: string) =>
      h.api("OPTIONS", "/submissions", {
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
    const ok = await preflight("https://localhost:3000");
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    expect(ok.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("limits requests per token, with a Thai problem saying when to retry", async () => {
    const token = await h.signIn("national");
    const answers = [];
    for (let i = 0; i < 45; i++) answers.push(await h.api("GET", "/me", { token }));
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(40);
    expect(limited).toHaveLength(5);
    expect(limited[0]!.body).toEqual(
      expect.objectContaining({ code: "rate-limited", message: expect.stringContaining("วินาที") }),
    );
    // Another token is counted on its own.
    expect((await h.api("GET", "/me", { token: admin })).status).toBe(200);
  });

  it("loads a round from the round workbook (.xlsx) as well as from JSON", async () => {
    const xlsx = await exportRoundWorkbook(shippedRound("2564")!);
    const res = await h.api("PUT", "/rounds/2564", {
      token: admin,
      body: xlsx,
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: "2564", revision: 2 });
    const wrong = await h.api("PUT", "/rounds/2563", {
      token: admin,
      body: xlsx,
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe("round-invalid");
    const broken = await h.api("PUT", "/rounds/2563", {
      token: admin,
      body: { ...shippedRound("2563")!, areas: [] },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.message).toContain("รอบการประเมินไม่ถูกต้อง");
    const backwards = await h.api("PUT", "/rounds/2563", {
      token: admin,
      body: { ...shippedRound("2563")!, window: { opens: "2026-02-01", closes: "2026-01-01" } },
    });
    const issue = "window: วันปิดรับต้องไม่ก่อนวันเปิดรับ / the window closes before it opens";
    expect([backwards.status, backwards.body]).toEqual([
      422,
      expect.objectContaining({
        code: "round-invalid",
        message: `รอบการประเมินไม่ถูกต้อง: ${issue}`,
        messageEn: `the round is invalid: ${issue}`,
        details: { issues: [issue] },
      }),
    ]);
  });

  it("reports its health and which database it runs on", async () => {
    const res = await h.api("GET", "/health");
    expect(res.body).toEqual(expect.objectContaining({ ok: true, database: backend }));
  });
});
