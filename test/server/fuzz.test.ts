/**
 * Whatever a client sends (random JSON bodies, random headers, random path parameters on every
 * route the API documents, with or without a token of any role), the server answers: never a 5xx,
 * every refusal a problem body with a Thai message, and nothing stored for a refused request.
 *
 * The runs are seeded so that CI repeats them; MINSTD_FUZZ_SEED and MINSTD_FUZZ_RUNS explore further.
 */
import fc from "fast-check";
import { BACKENDS, documentFor, newId, startHarness, type ApiResponse, type Harness } from "./harness";
import type { Round } from "../../src/core";
import { generatedRound } from "../../src/core/rules/generatedRound";

const SEED = Number(process.env.MINSTD_FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.MINSTD_FUZZ_RUNS ?? 150);
const THAI = /[ก-๙]/;

interface Operation {
  readonly method: string;
  /** OpenAPI path template, from the server's root: /api/v1/rounds/{roundId}/progress */
  readonly template: string;
  /** Whether the operation takes a JSON body. */
  readonly json: boolean;
}

type Stored = { submissions: number; versions: number; returns: number };

/** A path parameter a client might send: plausible ids, numbers, junk, Thai, control characters, very long. */
const pathParameter = fc.oneof(
  fc.constantFrom("2563", "2567", "4220102", "3800102", "22", "1", "0", "-1", "latest", "9".repeat(120)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("%00", "%", "%zz", "a/b", "a?b=1", "a#b", "ก".repeat(300), "\u0000", "\u202e", "null"),
);

/** Encodes a parameter as a client would, but never into a dot segment that the URL parser would fold away. */
function asSegment(value: string): string {
  const encoded = /%(?![0-9a-f]{2})|^%/i.test(value) ? value.replace(/%(?![0-9a-f]{2})/gi, "%25") : value;
  const segment = encodeURIComponent(decodeSafely(encoded));
  return segment === "." || segment === ".." || segment === "" ? "x" : segment;
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A body: any JSON, a near-valid submission with one part replaced, or text that is not JSON at all. */
function bodyFor(validDocument: Record<string, unknown>) {
  const json = fc.jsonValue({ maxDepth: 4 });
  const mutatedSubmission = fc
    .tuple(fc.constantFrom(...Object.keys(validDocument), "extra"), json)
    .map(([key, value]) => ({ id: newId(), document: { ...validDocument, [key]: value } }));
  const rawText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom("{", "[1,2", '{"a":1}}', "\u0000", "nul", '{"__proto__":{"x":1}}'),
  );
  return fc.oneof(
    json.map((value) => ({ json: value })),
    mutatedSubmission.map((value) => ({ json: value as unknown })),
    rawText.map((text) => ({ text })),
  );
}

/** Header names and values a client can put on the wire (printable ASCII; fetch refuses the rest). */
const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});
const headers = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      "content-type",
      "content-encoding",
      "accept",
      "accept-encoding",
      "accept-language",
      "authorization",
      "x-forwarded-for",
      "x-request-id",
      "if-none-match",
      "origin",
      "idempotency-key",
    ),
    fc.stringMatching(/^x-[a-z][a-z0-9-]{0,20}$/),
  ),
  fc.oneof(
    headerValue,
    fc.constantFrom(
      "application/json",
      "text/plain",
      "application/json; charset=tis-620",
      "gzip",
      "br, gzip",
      "Bearer ",
      "Bearer x.y.z",
      "Basic YWRtaW46YWRtaW4=",
      "th",
    ),
  ),
  { maxKeys: 5 },
);

function expectAnswered(res: ApiResponse, what: string): void {
  if (res.status >= 500)
    throw new Error(`${what} → ${res.status}: ${res.raw.toString("utf8").slice(0, 300)}`);
  if (res.status >= 400 && (res.headers.get("content-type") ?? "").startsWith("text/html")) {
    // The public pages answer people in a browser: a page in Thai, not a problem body.
    if (!THAI.test(res.raw.toString("utf8")))
      throw new Error(`${what} → ${res.status}: a page without Thai text`);
    return;
  }
  if (res.status >= 400) {
    const body = res.body as { code?: unknown; message?: unknown } | string;
    if (typeof body !== "object" || typeof body.code !== "string" || typeof body.message !== "string")
      throw new Error(
        `${what} → ${res.status} without a problem body: ${res.raw.toString("utf8").slice(0, 300)}`,
      );
    if (!THAI.test(body.message))
      throw new Error(`${what} → ${res.status}: message not in Thai: ${body.message}`);
  }
}

/** A NUL, a day not in the calendar and an over-long text in the names routes take. */
const NUL_TEXT = "ทดสอบ\u0000ข้อความ";
const WORST_QUERY = [
  "action",
  "subject",
  "q",
  "role",
  "province",
  "type",
  "district",
  "status",
  "date",
  "round",
]
  .map((k) => `${k}=%00x`)
  .join("&");
const WORST_BODY = {
  code: "ABCD-EFGH",
  device: NUL_TEXT,
  displayName: NUL_TEXT,
  role: "province",
  provinceCode: "22",
  reason: NUL_TEXT,
  note: NUL_TEXT,
  comments: { "2563-1-01": NUL_TEXT },
  opens: "2026-02-30",
  closes: "2026-02-30",
  days: 1,
  laos: ["4220102"],
};

/** Text no officer types that a careless or hostile client sends in a field a valid request has. */
const HOSTILE_TEXT = [
  "ทดสอบ\u0000ข้อความ",
  "\ud800",
  "ข\udfffx",
  "\u202eabc",
  "\ufeff",
  "ก".repeat(5000),
  "'; DROP TABLE submissions; --",
];

/** A valid round of one indicator (every field of it is swept with hostile text). */
function oneIndicatorRound(): Round {
  const r = generatedRound(6, "G6");
  return {
    ...r,
    areas: r.areas.slice(0, 1).map((a) => ({
      ...a,
      missions: a.missions.slice(0, 1).map((m) => ({ ...m, indicators: m.indicators.slice(0, 1) })),
    })),
  };
}

/** Every copy of a value with one leaf (or one object key) replaced by `replacement`. */
function withOneReplaced(value: unknown, replacement: string): Array<{ at: string; value: unknown }> {
  if (value === null || typeof value !== "object") return [{ at: "", value: replacement }];
  const out: Array<{ at: string; value: unknown }> = [];
  const entries = Object.entries(value);
  const rebuild = (i: number, key: string, child: unknown) =>
    Array.isArray(value)
      ? value.map((c, j) => (j === i ? child : c))
      : Object.fromEntries(entries.map(([k, c], j) => (j === i ? [key, child] : [k, c])));
  entries.forEach(([key, child], i) => {
    for (const inner of withOneReplaced(child, replacement))
      out.push({ at: inner.at ? `${key}.${inner.at}` : key, value: rebuild(i, key, inner.value) });
    if (!Array.isArray(value)) out.push({ at: `${key} (key)`, value: rebuild(i, replacement, child) });
  });
  return out;
}

/** A request each documented JSON write accepts, so a hostile value in one field gets past the shape checks. */
interface ValidWrite {
  readonly method: string;
  readonly template: string;
  readonly path: string;
  readonly role: string;
  readonly body: () => Record<string, unknown>;
}

describe.each(BACKENDS)("random requests on %s", (backend) => {
  let h: Harness;
  let tokens: Record<string, string | undefined>;
  let operations: Operation[];
  let validDocument: Record<string, unknown>;

  beforeAll(async () => {
    h = await startHarness(backend);
    await h.setClock("2020-06-01T10:00:00+07:00");
    tokens = {
      none: undefined,
      lao: await h.signIn("lao", { lao: "4220102" }),
      province: await h.signIn("province", { province: "22" }),
      national: await h.signIn("national"),
      admin: await h.signIn("admin"),
      forged: "not-a-token",
    };
    const openapi = (await h.api("GET", "/openapi.json")).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    operations = Object.entries(openapi.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        json: op.requestBody?.content["application/json"] !== undefined,
      })),
    );
    validDocument = documentFor("2563", "4220102", 3) as unknown as Record<string, unknown>;
  });
  afterAll(() => h?.close());

  /** Every status the server answered: a run that only ever met 404s reached no route. */
  const answered = new Set<number>();
  const stored = async (): Promise<Stored> => {
    const { submissions, versions, returns } = await h.countStored();
    return { submissions, versions, returns };
  };

  /** Sends one request; a refusal must leave the stored counts as they were. */
  async function send(
    method: string,
    path: string,
    opts: { token?: string; body?: { json?: unknown; text?: string }; headers?: Record<string, string> },
  ): Promise<void> {
    const before = await stored();
    const body =
      opts.body?.text ?? (opts.body && "json" in opts.body ? JSON.stringify(opts.body.json) : undefined);
    const what = `${method} ${path}`;
    let res: ApiResponse;
    try {
      res = await h.api(method, path, {
        fromRoot: true,
        ...(opts.token && { token: opts.token }),
        ...(body !== undefined && { body }),
        headers: { ...(body !== undefined && { "content-type": "application/json" }), ...opts.headers },
      });
    } catch (e) {
      // fetch itself refused to send it (a header it will not put on the wire): nothing reached the server.
      // ("fetch failed" is the server not answering at all: that is a failure, not a skip.)
      if (e instanceof TypeError && e.message !== "fetch failed") return;
      throw e;
    }
    answered.add(res.status);
    expectAnswered(res, what);
    if (res.status >= 400) expect(await stored()).toEqual(before);
  }

  it("answers the worst path parameters on every documented route, for every role", async () => {
    // Random runs may never bring the worst values to the route that breaks on them: every route
    // gets each of them, with each role's token, in every parameter at once.
    const worst = ["%00x", "9".repeat(150), "ก".repeat(120), "%E0%B8", "..%2F..%2Fetc"];
    for (const op of operations)
      for (const role of Object.keys(tokens))
        for (const value of worst)
          await send(op.method, `${op.template.replace(/\{[^}]+\}/g, value)}?${WORST_QUERY}`, {
            ...(tokens[role] && { token: tokens[role] }),
            ...(op.method !== "GET" && op.method !== "DELETE" && { body: { json: WORST_BODY } }),
          });
  });

  it("answers hostile text in each field of a valid request, on every documented JSON write", async () => {
    // Random bodies are refused for their shape before a field's text reaches the database: each
    // valid write gets the worst text in one field (or one key) at a time, every field in turn.
    const stored = documentFor("2563", "4220102", 4);
    expect(
      (await h.api("POST", "/submissions", { token: tokens.lao, body: { id: newId(), document: stored } }))
        .status,
    ).toBe(201);
    const writes: ValidWrite[] = [
      {
        method: "POST",
        template: "/api/v1/sessions",
        path: "/api/v1/sessions",
        role: "none",
        body: () => ({ code: "ABCD-EFGH", device: "pc" }),
      },
      {
        method: "PUT",
        template: "/api/v1/rounds/{round}/window",
        path: "/api/v1/rounds/2563/window",
        role: "admin",
        body: () => ({ opens: "2020-05-01", closes: "2020-07-31" }),
      },
      {
        method: "PUT",
        template: "/api/v1/rounds/{round}/extensions/{lao}",
        path: "/api/v1/rounds/2563/extensions/4220103",
        role: "admin",
        body: () => ({ closes: "2020-08-20", reason: "น้ำท่วมสำนักงาน" }),
      },
      {
        method: "POST",
        template: "/api/v1/submissions",
        path: "/api/v1/submissions",
        role: "lao",
        body: () => ({ id: newId(), document: documentFor("2563", "4220102", 5) }),
      },
      {
        method: "POST",
        template: "/api/v1/laos/{lao}/submissions/{round}/returns",
        path: "/api/v1/laos/4220102/submissions/2563/returns",
        role: "province",
        body: () => ({ version: 1, comments: { "2563-1-01": "ตรวจตัวเลขอีกครั้ง" }, note: "แก้ไขแล้วส่งใหม่" }),
      },
      {
        method: "POST",
        template: "/api/v1/users",
        path: "/api/v1/users",
        role: "admin",
        body: () => ({ role: "province", displayName: "สมชาย ใจดี", provinceCode: "22" }),
      },
      {
        method: "POST",
        template: "/api/v1/users/{id}/access-codes",
        path: "/api/v1/users/1/access-codes",
        role: "admin",
        body: () => ({ days: 7 }),
      },
      {
        method: "POST",
        template: "/api/v1/provinces/{province}/access-codes",
        path: "/api/v1/provinces/22/access-codes",
        role: "province",
        body: () => ({ days: 7, laos: ["4220102"] }),
      },
      {
        method: "POST",
        template: "/api/v1/laos/{lao}/access-codes",
        path: "/api/v1/laos/4220102/access-codes",
        role: "province",
        body: () => ({ days: 7 }),
      },
      {
        // A round of its own, so that the round the other writes use stays as it is.
        method: "PUT",
        template: "/api/v1/rounds/{round}",
        path: "/api/v1/rounds/G6",
        role: "admin",
        body: oneIndicatorRound,
      },
    ];
    const jsonWrites = operations.filter((op) => op.json);
    expect(jsonWrites.map((op) => `${op.method} ${op.template}`).sort()).toEqual(
      writes.map((w) => `${w.method} ${w.template}`).sort(),
    );
    for (const write of writes)
      for (const text of HOSTILE_TEXT)
        for (const { at, value } of withOneReplaced(write.body(), text))
          await send(write.method, write.path, {
            ...(tokens[write.role] && { token: tokens[write.role] }),
            body: { json: value },
          }).catch((e: Error) => {
            throw new Error(`${at} = ${JSON.stringify(text.slice(0, 40))}: ${e.message}`);
          });
  });

  it("answers random path parameters and bodies on every documented route", async () => {
    expect(operations.length).toBeGreaterThan(20);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(pathParameter, { minLength: 4, maxLength: 4 }),
        fc.constantFrom("none", "lao", "province", "national", "admin", "forged"),
        fc.option(bodyFor(validDocument), { nil: undefined }),
        async (pick, params, role, body) => {
          const op = operations[pick % operations.length]!;
          let i = 0;
          const path = op.template.replace(/\{[^}]+\}/g, () => asSegment(params[i++ % params.length]!));
          await send(op.method, path, {
            ...(tokens[role] && { token: tokens[role] }),
            ...(op.method !== "GET" && op.method !== "DELETE" && body && { body }),
          });
        },
      ),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    for (const status of [200, 400, 401, 403]) expect(answered).toContain(status);
  });

  it("answers a submission with random headers", async () => {
    await fc.assert(
      fc.asyncProperty(headers, fc.boolean(), async (extra, signedIn) => {
        await send("POST", "/api/v1/submissions", {
          ...(signedIn && { token: tokens.lao }),
          body: { json: { id: newId(), document: validDocument } },
          headers: extra,
        });
        await send("GET", "/api/v1/me", { ...(signedIn && { token: tokens.lao }), headers: extra });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("answers random JSON as a submission, storing nothing it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(bodyFor(validDocument), async (body) => {
        await send("POST", "/api/v1/submissions", { token: tokens.lao, body });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
