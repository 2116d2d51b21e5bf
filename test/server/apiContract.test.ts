import { isProblemCode, PROBLEM_STATUS, problemBodySchema } from "../../src/api";
import { API_ROUTES } from "../../src/server/routes";
import { documentFor, LAO_22, newId, startHarness, type ApiResponse, type Harness } from "./harness";

/**
 * The API contract (src/api) against a running server: the OpenAPI document gives every route its
 * answer's schema, and real answers match them field for field (a field the server sends that the
 * contract leaves out fails too, since parsing drops it).
 */

function routeOf(method: string, path: string) {
  const found = API_ROUTES.find((r) => r.method === method && r.path === path);
  if (!found) throw new Error(`no route ${method} ${path}`);
  return found;
}

/** The answer has the route's status and is exactly what the route's schema describes. */
function expectContract(method: string, path: string, res: ApiResponse): void {
  const r = routeOf(method, path);
  expect([method, path, res.status]).toEqual([method, path, r.status ?? 200]);
  const parsed = r.response!.safeParse(res.body);
  expect([method, path, parsed.success ? "ok" : parsed.error.issues]).toEqual([method, path, "ok"]);
  expect(parsed.data).toEqual(res.body);
}

describe("the API contract on pglite", () => {
  let h: Harness;
  let lao: string;
  let province: string;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness("pglite");
    [lao, province, admin] = [
      await h.signIn("lao", { lao: LAO_22 }),
      await h.signIn("province", { province: "22" }),
      await h.signIn("admin"),
    ];
  });
  afterAll(() => h?.close());

  it("documents an answer schema for every route and the problem codes with their statuses", async () => {
    const res = await h.api("GET", "/openapi.json");
    for (const r of API_ROUTES) {
      expect([r.method, r.path, r.response !== undefined || r.produces !== undefined]).toEqual([
        r.method,
        r.path,
        true,
      ]);
      const path = `/api/v1${r.path.replace(/:([A-Za-z]+)/g, "{$1}")}`;
      const answer = res.body.paths[path][r.method.toLowerCase()].responses[String(r.status ?? 200)];
      for (const [type, content] of Object.entries(answer.content as Record<string, { schema?: object }>))
        expect([path, type, content.schema]).toEqual([path, type, expect.any(Object)]);
    }
    const submit = res.body.paths["/api/v1/submissions"].post.responses["201"].content["application/json"];
    expect(submit.schema.properties).toEqual(
      expect.objectContaining({ receiptNumber: expect.any(Object), summary: expect.any(Object) }),
    );
    expect(res.body.info["x-problem-codes"]).toEqual(PROBLEM_STATUS);
  });

  it("answers as the contract says, from a submission to the province's reads", async () => {
    const id = newId();
    const sent = await h.api("POST", "/submissions", {
      token: lao,
      body: { id, document: documentFor("2563", LAO_22, 1) },
    });
    expectContract("POST", "/submissions", sent);

    expectContract("GET", "/me", await h.api("GET", "/me", { token: lao }));
    expectContract("GET", "/me/sessions", await h.api("GET", "/me/sessions", { token: lao }));
    expectContract("GET", "/rounds", await h.api("GET", "/rounds", { token: lao }));
    expectContract("GET", "/rounds/:round", await h.api("GET", "/rounds/2563", { token: lao }));
    expectContract("GET", "/me/submissions", await h.api("GET", "/me/submissions", { token: lao }));
    expectContract("GET", "/me/receipts", await h.api("GET", "/me/receipts", { token: lao }));

    const returned = await h.api("POST", `/laos/${LAO_22}/submissions/2563/returns`, {
      token: province,
      body: { version: 1, comments: {}, note: "ตรวจอีกครั้ง" },
    });
    expectContract("POST", "/laos/:lao/submissions/:round/returns", returned);
    expectContract("GET", "/me/comments", await h.api("GET", "/me/comments", { token: lao }));
    expectContract(
      "GET",
      "/laos/:lao/submissions/:round",
      await h.api("GET", `/laos/${LAO_22}/submissions/2563`, { token: province }),
    );
    expectContract(
      "GET",
      "/laos/:lao/history/:round",
      await h.api("GET", `/laos/${LAO_22}/history/2563`, { token: lao }),
    );
    for (const read of ["progress", "completeness", "laos", "results", "extensions"])
      expectContract(
        "GET",
        `/rounds/:round/${read}`,
        await h.api("GET", `/rounds/2563/${read}`, { token: province }),
      );
    expectContract(
      "GET",
      "/provinces/:province/access-codes",
      await h.api("GET", "/provinces/22/access-codes", { token: province }),
    );
    expectContract("GET", "/users", await h.api("GET", "/users", { token: admin }));
    expectContract("GET", "/audits", await h.api("GET", "/audits", { token: admin }));
  });

  it("answers every refusal with a problem whose code is in the contract, with its status", async () => {
    const refusals = [
      await h.api("GET", "/me"),
      await h.api("GET", "/users", { token: lao }),
      await h.api("GET", "/rounds/1999", { token: lao }),
      await h.api("POST", "/submissions", { token: lao, body: { id: "x" } }),
    ];
    for (const res of refusals) {
      const body = problemBodySchema.parse(res.body);
      expect(isProblemCode(body.code)).toBe(true);
      expect([body.code, res.status]).toEqual([
        body.code,
        isProblemCode(body.code) && PROBLEM_STATUS[body.code],
      ]);
    }
  });
});
