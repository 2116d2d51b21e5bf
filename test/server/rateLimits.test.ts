import { randomBytes } from "node:crypto";
import { openDatabase } from "../../src/server/db/open";
import { hitRequest } from "../../src/server/rateLimit";
import {
  BACKENDS,
  scratchDatabase,
  startHarness,
  startPeer,
  type ApiResponse,
  type Harness,
} from "./harness";

/**
 * The limits an attacker meets: sign-in attempts counted per address whatever headers come with
 * them, tokens counted only once verified, failed sign-ins audited and limited, and every limit
 * shared by the server processes on one database. The server clock stands still unless a test
 * moves it, so each test starts in a window of its own (no dependence on machine speed).
 */

const madeUpHeader = () => ({ authorization: `Bearer mst_${randomBytes(32).toString("base64url")}` });
const wrongCode = () => "ABCD-EFGH-JKMN";

function expectRateLimited(res: ApiResponse): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual(
    expect.objectContaining({ code: "rate-limited", message: expect.stringContaining("วินาที") }),
  );
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
}

describe.each(BACKENDS)("rate limits on %s", (backend) => {
  let h: Harness;
  let hour = 0;
  /** A fresh minute (and failure window) for each test. */
  const freshWindow = () => h.setClock(new Date(Date.UTC(2020, 5, 2, hour++, 0, 5)).toISOString());
  beforeAll(async () => {
    h = await startHarness(backend, { rateLimit: { perToken: 8, perAddress: 6, failedSignIns: 1000 } });
  });
  afterAll(() => h?.close());

  it("counts sign-in attempts per address, however many made-up Authorization headers come with them", async () => {
    await freshWindow();
    const answers: ApiResponse[] = [];
    for (let i = 0; i < 10; i++)
      answers.push(
        await h.api("POST", "/sessions", { body: { code: wrongCode() }, headers: madeUpHeader() }),
      );
    expect(answers.slice(0, 6).map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
    for (const a of answers.slice(6)) expectRateLimited(a);
  });

  it("counts requests with a token the server did not accept against the address", async () => {
    await freshWindow();
    const answers: ApiResponse[] = [];
    for (let i = 0; i < 9; i++) answers.push(await h.api("GET", "/me", { headers: madeUpHeader() }));
    expect(answers.slice(0, 6).map((a) => a.body.code)).toEqual(Array(6).fill("token-invalid"));
    for (const a of answers.slice(6)) expectRateLimited(a);
  });

  it("counts a verified token on its own, apart from the address", async () => {
    await freshWindow();
    const token = await h.signIn("national");
    const answers: ApiResponse[] = [];
    for (let i = 0; i < 10; i++) answers.push(await h.api("GET", "/me", { token }));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(8);
    for (const a of answers.slice(8)) expectRateLimited(a);
    // The address's own allowance is untouched by the token's requests (one sign-in so far).
    expect((await h.api("POST", "/sessions", { body: { code: wrongCode() } })).status).toBe(401);
  });
});

describe.each(BACKENDS)("client addresses on %s", (backend) => {
  const attempts = async (h: Harness, n: number) => {
    const answers: ApiResponse[] = [];
    for (let i = 0; i < n; i++)
      answers.push(
        await h.api("POST", "/sessions", {
          body: { code: wrongCode() },
          headers: { "x-forwarded-for": `203.0.113.${i + 1}` },
        }),
      );
    return answers.map((a) => a.status);
  };
  const rateLimit = { perToken: 1000, perAddress: 3, failedSignIns: 1000 };

  it("are the connection's own unless it comes from a trusted proxy: a made-up X-Forwarded-For changes nothing", async () => {
    const h = await startHarness(backend, { rateLimit });
    try {
      expect(await attempts(h, 5)).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await h.close();
    }
  });

  it("are taken from X-Forwarded-For when the connection is a proxy named in MINSTD_TRUST_PROXY", async () => {
    const h = await startHarness(backend, { rateLimit, trustProxy: ["127.0.0.1"] });
    try {
      expect(await attempts(h, 5)).toEqual([401, 401, 401, 401, 401]);
      const [refused] = await h.sql<{ subject: string }>(
        `SELECT subject FROM audits WHERE action = 'session.refused' ORDER BY id LIMIT 1`,
      );
      expect(refused!.subject).toBe("address:203.0.113.1");
    } finally {
      await h.close();
    }
  });
});

describe.each(BACKENDS)("failed sign-ins on %s", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, {
      rateLimit: { perToken: 1000, perAddress: 1000, failedSignIns: 3 },
      now: "2020-06-03T10:00:00+07:00",
    });
  });
  afterAll(() => h?.close());

  it("are audited without the code typed, and past the allowance even a right code waits for the window to end", async () => {
    const good = await h.send<string>({ cmd: "laoCode", lao: "4220104" });
    const typed = ["WRNG-CODE-AAAA", "WRNG-CODE-BBBB", "WRNG-CODE-CCCC"];
    for (const code of typed)
      expect((await h.api("POST", "/sessions", { body: { code, device: "โน้ตบุ๊ก" } })).status).toBe(401);
    const refused = await h.sql<{ actorId: number | null; subject: string; details: unknown }>(
      `SELECT "actorId", subject, details FROM audits WHERE action = 'session.refused' ORDER BY id`,
    );
    expect(refused).toHaveLength(3);
    expect(refused.map((r) => r.subject)).toEqual(Array(3).fill(expect.stringMatching(/^address:/)));
    expect(refused[2]!.details).toEqual(expect.objectContaining({ failuresInWindow: 3 }));
    const everything = JSON.stringify(await h.sql("SELECT * FROM audits"));
    for (const code of typed) expect(everything).not.toContain(code.replace(/-/g, ""));
    for (const code of typed) expect(everything).not.toContain(code);

    // The fourth attempt is not even tried: refused with a Retry-After, the code still unspent.
    const fourth = await h.api("POST", "/sessions", { body: { code: good } });
    expectRateLimited(fourth);
    expect(Number(fourth.headers.get("retry-after"))).toBeGreaterThan(60);
    await h.setClock("2020-06-03T10:20:00+07:00");
    const later = await h.api("POST", "/sessions", { body: { code: good } });
    expect(later.status).toBe(201);
  });
});

const withPostgres = BACKENDS.includes("postgres") ? describe : describe.skip;

withPostgres("limits shared by two server processes on one PostgreSQL database", () => {
  let first: Harness;
  let second: Harness;
  beforeAll(async () => {
    const rateLimit = { perToken: 6, perAddress: 6, failedSignIns: 1000 };
    first = await startHarness("postgres", { rateLimit, now: "2020-06-04T10:00:05+07:00" });
    second = await startPeer(first, { rateLimit, now: "2020-06-04T10:00:05+07:00" });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it("holds an address's limit reached through one process on the other", async () => {
    const answers: ApiResponse[] = [];
    for (let i = 0; i < 3; i++)
      answers.push(await first.api("POST", "/sessions", { body: { code: wrongCode() } }));
    for (let i = 0; i < 3; i++)
      answers.push(await second.api("POST", "/sessions", { body: { code: wrongCode() } }));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expectRateLimited(await second.api("POST", "/sessions", { body: { code: wrongCode() } }));
    expectRateLimited(await first.api("POST", "/sessions", { body: { code: wrongCode() } }));
  });

  it("holds a token's limit reached through one process on the other", async () => {
    const at = "2020-06-04T11:00:05+07:00";
    await first.setClock(at);
    await second.setClock(at);
    const token = await first.signIn("national");
    for (let i = 0; i < 6; i++)
      expect((await (i % 2 ? first : second).api("GET", "/me", { token })).status).toBe(200);
    expectRateLimited(await first.api("GET", "/me", { token }));
    expectRateLimited(await second.api("GET", "/me", { token }));
  });
});

describe("a request's count", () => {
  const show = (rows: Array<{ synchronous_commit: string }>) => rows[0]!.synchronous_commit;

  if (BACKENDS.includes("postgres"))
    it("is written without waiting for the disk, and only that statement: the connection's next writes wait as before (PostgreSQL)", async () => {
      const scratch = await scratchDatabase();
      // One connection, so the statements after the count run where the count ran.
      const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 1 });
      try {
        const now = new Date("2025-08-01T03:00:10Z");
        expect((await hitRequest(db, "token:1", now)).hits).toBe(1);
        expect((await hitRequest(db, "token:1", now)).hits).toBe(2);
        expect(show(await db.query("SHOW synchronous_commit"))).toBe("on");
        await db.transaction(async (tx) => {
          expect((await hitRequest(tx, "token:1", now)).hits).toBe(3);
          expect(show(await tx.query("SHOW synchronous_commit"))).toBe("off");
        });
        expect(show(await db.query("SHOW synchronous_commit"))).toBe("on");
      } finally {
        await db.close();
        await scratch.drop();
      }
    });

  if (BACKENDS.includes("pglite"))
    it("leaves the embedded database's one connection flushing its writes (PGlite)", async () => {
      const h = await startHarness("pglite");
      try {
        const token = await h.signIn("national");
        expect((await h.api("GET", "/rounds", { token })).status).toBe(200);
        expect(show(await h.sql("SHOW synchronous_commit"))).toBe("on");
      } finally {
        await h.close();
      }
    });
});
