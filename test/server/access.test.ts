import { shippedRound } from "../../src/core";
import { API_ROUTES } from "../../src/server/routes";
import { BACKENDS, documentFor, LAO_22, newId, startHarness, type Harness } from "./harness";

type Who = "anonymous" | "lao" | "province" | "national" | "admin";
const EVERYONE: Who[] = ["anonymous", "lao", "province", "national", "admin"];
const SIGNED_IN: Who[] = ["lao", "province", "national", "admin"];
const READERS: Who[] = ["province", "national", "admin"];

interface Row {
  /** The route as declared, to check that the table covers every route. */
  route: string;
  path: string;
  body?: (h: Harness) => Promise<unknown> | unknown;
  allowed: Who[];
  /** Sign-out spends the token: this row gets fresh ones. */
  freshTokens?: boolean;
}

/**
 * The authorization matrix: every role against every endpoint. Written out here, apart from the
 * route table, so a route whose roles change by mistake fails this test.
 */
const submissionId = newId();
const MATRIX: Row[] = [
  {
    route: "POST /sessions",
    path: "/sessions",
    body: async (h) => ({ code: await h.send({ cmd: "laoCode", lao: "5220113" }) }),
    allowed: EVERYONE,
  },
  { route: "DELETE /sessions/current", path: "/sessions/current", allowed: SIGNED_IN, freshTokens: true },
  { route: "PUT /sessions/current/page", path: "/sessions/current/page", allowed: ["province", "national"] },
  { route: "GET /me", path: "/me", allowed: SIGNED_IN },
  { route: "GET /me/sessions", path: "/me/sessions", allowed: SIGNED_IN },
  { route: "GET /rounds", path: "/rounds", allowed: SIGNED_IN },
  { route: "GET /rounds/:round", path: "/rounds/2563", allowed: SIGNED_IN },
  { route: "PUT /rounds/:round", path: "/rounds/2563", body: () => shippedRound("2563"), allowed: ["admin"] },
  {
    route: "PUT /rounds/:round/window",
    path: "/rounds/2563/window",
    body: () => ({ opens: "2020-05-15", closes: "2020-07-15" }),
    allowed: ["admin"],
  },
  { route: "GET /rounds/:round/extensions", path: "/rounds/2563/extensions", allowed: READERS },
  {
    route: "PUT /rounds/:round/extensions/:lao",
    path: "/rounds/2563/extensions/4220104",
    body: () => ({ closes: "2020-07-30", reason: "ทดสอบสิทธิ์" }),
    allowed: ["admin"],
  },
  {
    route: "DELETE /rounds/:round/extensions/:lao",
    path: "/rounds/2563/extensions/4220104",
    allowed: ["admin"],
  },
  {
    route: "POST /submissions",
    path: "/submissions",
    body: () => ({ id: submissionId, document: documentFor("2563", LAO_22, 9) }),
    allowed: ["lao"],
  },
  {
    route: "GET /laos/:lao/submissions/:round",
    path: `/laos/${LAO_22}/submissions/2563`,
    allowed: SIGNED_IN,
  },
  {
    route: "POST /laos/:lao/submissions/:round/returns",
    path: `/laos/${LAO_22}/submissions/2563/returns`,
    body: () => ({ version: 1, comments: { "2563-1-01": "ตรวจสอบระยะทางถนนอีกครั้ง" } }),
    allowed: ["province"],
  },
  { route: "GET /me/submissions", path: "/me/submissions", allowed: ["lao"] },
  { route: "GET /me/receipts", path: "/me/receipts", allowed: ["lao"] },
  { route: "GET /me/comments", path: "/me/comments", allowed: ["lao"] },
  { route: "POST /me/workbooks/check", path: "/me/workbooks/check", body: () => ({}), allowed: ["lao"] },
  { route: "GET /rounds/:round/completeness", path: "/rounds/2563/completeness", allowed: READERS },
  { route: "GET /rounds/:round/laos", path: "/rounds/2563/laos", allowed: READERS },
  { route: "GET /rounds/:round/results", path: "/rounds/2563/results", allowed: READERS },
  { route: "GET /rounds/:round/export.csv", path: "/rounds/2563/export.csv", allowed: READERS },
  { route: "GET /rounds/:round/export.xlsx", path: "/rounds/2563/export.xlsx", allowed: READERS },
  { route: "GET /rounds/:round/progress", path: "/rounds/2563/progress", allowed: READERS },
  { route: "GET /laos/:lao/history/:round", path: `/laos/${LAO_22}/history/2563`, allowed: SIGNED_IN },
  {
    route: "GET /laos/:lao/submissions/:round/summary.xlsx",
    path: `/laos/${LAO_22}/submissions/2563/summary.xlsx`,
    allowed: SIGNED_IN,
  },
  {
    route: "GET /laos/:lao/submissions/:round/memo.docx",
    path: `/laos/${LAO_22}/submissions/2563/memo.docx`,
    allowed: SIGNED_IN,
  },
  { route: "GET /users", path: "/users", allowed: ["admin"] },
  {
    route: "POST /users",
    path: "/users",
    body: () => ({ role: "national", displayName: "ผู้ตรวจ" }),
    allowed: ["admin"],
  },
  { route: "DELETE /users/:id", path: "/users/{retiree}", allowed: ["admin"] },
  { route: "POST /users/:id/reactivation", path: "/users/{retiree}/reactivation", allowed: ["admin"] },
  {
    route: "POST /users/:id/access-codes",
    path: "/users/{retiree2}/access-codes",
    body: () => ({}),
    allowed: ["admin"],
  },
  {
    route: "POST /provinces/:province/access-codes",
    path: "/provinces/22/access-codes",
    body: () => ({}),
    allowed: ["province", "admin"],
  },
  {
    route: "POST /laos/:lao/access-codes",
    path: `/laos/${LAO_22}/access-codes`,
    body: () => ({}),
    allowed: ["province", "admin"],
  },
  {
    route: "GET /provinces/:province/access-codes",
    path: "/provinces/22/access-codes",
    allowed: ["province", "admin"],
  },
  {
    route: "DELETE /laos/:lao/devices/:device",
    path: `/laos/${LAO_22}/devices/999999`,
    allowed: ["province", "admin"],
  },
  { route: "GET /audits", path: "/audits", allowed: ["admin"] },
  {
    route: "GET /laos/:lao/publications/:round",
    path: `/laos/${LAO_22}/publications/2563`,
    allowed: SIGNED_IN,
  },
  {
    route: "PUT /laos/:lao/publications/:round",
    path: `/laos/${LAO_22}/publications/2563`,
    allowed: ["lao"],
  },
  {
    route: "DELETE /laos/:lao/publications/:round",
    path: `/laos/${LAO_22}/publications/2563`,
    allowed: ["lao"],
  },
];

describe("the authorization matrix", () => {
  it("covers every route of the API", () => {
    const declared = API_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(MATRIX.map((r) => r.route).sort()).toEqual(declared);
  });
});

describe.each(BACKENDS)("access on %s", (backend) => {
  let h: Harness;
  const tokens = {} as Record<Who, string | undefined>;
  const ids: Record<string, string> = {};
  const signInAll = async () => {
    tokens.anonymous = undefined;
    tokens.lao = await h.signIn("lao", { lao: LAO_22 });
    tokens.province = await h.signIn("province", { province: "22" });
    tokens.national = await h.signIn("national");
    tokens.admin = await h.signIn("admin");
  };
  beforeAll(async () => {
    h = await startHarness(backend);
    await signInAll();
    const first = await h.api("POST", "/submissions", {
      token: tokens.lao!,
      body: { id: newId(), document: documentFor("2563", LAO_22, 1) },
    });
    expect(first.status).toBe(201);
    for (const key of ["retiree", "retiree2"]) {
      const u = await h.api("POST", "/users", {
        token: tokens.admin!,
        body: { role: "national", displayName: key },
      });
      ids[key] = String(u.body.id);
    }
  });
  afterAll(() => h?.close());

  for (const row of MATRIX) {
    it(`${row.route}: ${row.allowed.join(", ")}`, async () => {
      const [method] = row.route.split(" ");
      const path = row.path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]!);
      const own = row.freshTokens ? { ...tokens } : tokens;
      if (row.freshTokens) {
        own.lao = await h.signIn("lao", { lao: LAO_22 });
        own.province = await h.signIn("province", { province: "22" });
        own.national = await h.signIn("national");
        own.admin = await h.signIn("admin");
      }
      // Denied roles first, so a refused write cannot change what an allowed one sees.
      const order = [...EVERYONE].sort(
        (a, b) => Number(row.allowed.includes(a)) - Number(row.allowed.includes(b)),
      );
      for (const who of order) {
        const body = row.body ? await row.body(h) : undefined;
        const res = await h.api(method!, path, {
          ...(own[who] && { token: own[who] }),
          ...(body !== undefined && { body }),
        });
        const label = `${who} ${row.route} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        if (row.allowed.includes(who)) {
          // Allowed: past the role check (a GET answers 200; a write may still meet a 409 or 422).
          expect([label, method === "GET" ? res.status === 200 : ![401, 403].includes(res.status)]).toEqual([
            label,
            true,
          ]);
        } else {
          expect([label, res.status]).toEqual([label, who === "anonymous" ? 401 : 403]);
          expect(res.body.code).toBe(who === "anonymous" ? "sign-in-required" : "forbidden");
        }
      }
    });
  }

  describe("scopes", () => {
    it("keeps an LAO to its own submissions", async () => {
      const res = await h.api("GET", "/laos/4220103/submissions/2563", { token: tokens.lao! });
      expect(res.status).toBe(403);
      expect(res.body.message).toContain("4220103");
    });

    it("keeps a province office to its own province", async () => {
      const other = await h.signIn("province", { province: "80" });
      expect((await h.api("GET", `/laos/${LAO_22}/submissions/2563`, { token: other })).status).toBe(403);
      const ret = await h.api("POST", `/laos/${LAO_22}/submissions/2563/returns`, {
        token: other,
        body: { version: 1, comments: { "2563-1-01": "x" } },
      });
      expect(ret.status).toBe(403);
      expect((await h.api("GET", "/rounds/2563/completeness?province=22", { token: other })).status).toBe(
        403,
      );
      expect((await h.api("POST", "/provinces/22/access-codes", { token: other, body: {} })).status).toBe(
        403,
      );
      expect((await h.api("POST", `/laos/${LAO_22}/access-codes`, { token: other, body: {} })).status).toBe(
        403,
      );
      const own = await h.api("GET", "/rounds/2563/laos", { token: other });
      expect(own.status).toBe(200);
      expect(new Set(own.body.map((l: { provinceCode: string }) => l.provinceCode))).toEqual(new Set(["80"]));
    });
  });

  describe("signing in and out", () => {
    it("accepts a code once, in any spacing or case, and stores only its hash", async () => {
      const code = await h.send<string>({ cmd: "laoCode", lao: "5220105" });
      const typed = ` ${code.toLowerCase().replace(/-/g, " ")} `;
      const first = await h.api("POST", "/sessions", { body: { code: typed } });
      expect(first.status).toBe(201);
      expect(first.body.user).toEqual(expect.objectContaining({ role: "lao", laoCode: "5220105" }));
      const again = await h.api("POST", "/sessions", { body: { code } });
      expect(again.status).toBe(401);
      expect(again.body.code).toBe("access-code-invalid");
      const [latestCode] = await h.sql<{ codeHash: string }>(
        `SELECT "codeHash" FROM access_codes ORDER BY id DESC LIMIT 1`,
      );
      const [latestToken] = await h.sql<{ tokenHash: string }>(
        `SELECT "tokenHash" FROM tokens ORDER BY id DESC LIMIT 1`,
      );
      expect(latestCode!.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(latestToken!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(latestToken!.tokenHash).not.toContain(first.body.token);
    });

    it("voids a code when a newer one is issued for the same LAO", async () => {
      const old = await h.send<string>({ cmd: "laoCode", lao: "5220106" });
      const fresh = await h.send<string>({ cmd: "laoCode", lao: "5220106" });
      expect((await h.api("POST", "/sessions", { body: { code: old } })).status).toBe(401);
      expect((await h.api("POST", "/sessions", { body: { code: fresh } })).status).toBe(201);
    });

    it("revokes the token on sign-out, and a retired user's tokens stop working", async () => {
      const t = await h.signIn("lao", { lao: "5220107" });
      expect((await h.api("GET", "/me", { token: t })).status).toBe(200);
      expect((await h.api("DELETE", "/sessions/current", { token: t })).status).toBe(200);
      const after = await h.api("GET", "/me", { token: t });
      expect(after.status).toBe(401);
      expect(after.body.code).toBe("token-invalid");

      const staff = await h.api("POST", "/users", {
        token: tokens.admin!,
        body: { role: "national", displayName: "ชั่วคราว" },
      });
      const code = await h.api("POST", `/users/${staff.body.id}/access-codes`, {
        token: tokens.admin!,
        body: {},
      });
      const session = await h.api("POST", "/sessions", { body: { code: code.body.code } });
      expect((await h.api("GET", "/me", { token: session.body.token })).body.role).toBe("national");
      expect((await h.api("DELETE", `/users/${staff.body.id}`, { token: tokens.admin! })).status).toBe(200);
      expect((await h.api("GET", "/me", { token: session.body.token })).status).toBe(401);
    });

    it("gives a province office codes for every LAO of its province", async () => {
      const res = await h.api("POST", "/provinces/22/access-codes", {
        token: tokens.province!,
        body: { days: 30 },
      });
      expect(res.status).toBe(201);
      expect(res.body).toHaveLength(82);
      const one = res.body.find((c: { lao: string }) => c.lao === "5220109");
      const session = await h.api("POST", "/sessions", { body: { code: one.code } });
      expect(session.body.user.laoCode).toBe("5220109");
    });
  });
});
