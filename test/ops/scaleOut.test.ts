import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAULTS } from "../faults/faultProxy";
import { figures, runFaults, sumOfSeries } from "../faults/faultRun";
import { startRoundRobinProxy } from "../faults/roundRobinProxy";
import { ServerControl } from "../faults/serverControl";
import { BACKENDS, request, scratchDatabase } from "../server/harness";

/**
 * Scale-out: two `minstd serve` processes on one PostgreSQL database behind a round-robin load
 * balancer. Whatever one process learns that changes an answer (versions stored, sessions,
 * request counts for the rate limits) must hold on the other: it lives in the database.
 */
const onPostgres = BACKENDS.includes("postgres") ? describe : describe.skip;

onPostgres("two server processes on one PostgreSQL database", () => {
  it("take the fault run's 500 submissions in turn: each stored once, nothing lost, both served", async () => {
    const lines: string[] = [];
    const result = await runFaults({
      laos: 100,
      versions: 5,
      concurrency: 20,
      seed: 11,
      backend: "postgres",
      servers: 2,
      // The single-server fault test kills and restarts its server; here every acknowledged version
      // is counted by the /metrics of the process that stored it, so both stay up.
      restartAt: 0,
      faultRate: 0.2,
      closeRate: 0.05,
      // A safety net only: the run ends when every version is acknowledged.
      timeLimitMs: 600_000,
      log: (line) => lines.push(line),
    });
    expect(result.problems).toEqual([]);
    expect(figures(result)).toBe(
      `sent 500, acknowledged 500, retried ${result.retried}, duplicates 0, lost 0`,
    );
    const faults = FAULTS.filter((f) => f !== "pass");
    expect(faults.reduce((n, f) => n + result.faults[f], 0)).toBeGreaterThan(0);

    // Both processes served, by the balancer's count and by their own /metrics; each stored new
    // versions, and their counters add up to what the database holds (a retry answered by the
    // other process is a replay there, not a second version).
    expect(result.perServer).toHaveLength(2);
    for (const s of result.perServer) {
      expect(s.balanced).toBeGreaterThan(100);
      expect(s.requestsServed).toBeGreaterThanOrEqual(s.balanced);
      expect(s.submissionsAccepted).toBeGreaterThan(50);
    }
    expect(result.perServer[0]!.submissionsAccepted + result.perServer[1]!.submissionsAccepted).toBe(500);
  }, 900_000);

  describe("limits and sessions", () => {
    let dir: string;
    let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
    let servers: ServerControl[];
    let first: string;
    let second: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "minstd-scale-"));
      scratch = await scratchDatabase();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: scratch.url,
        PORT: "",
        MINSTD_SIGNIN_FAILURES: "3",
        MINSTD_RATE_LIMIT_ADDRESS: "1000",
        // Behind a load balancer: its X-Forwarded-For gives the office's address (each test its own).
        MINSTD_TRUST_PROXY: "127.0.0.1",
      };
      servers = [new ServerControl(dir, env, "serve-1"), new ServerControl(dir, env, "serve-2")];
      [first, second] = (await Promise.all(servers.map((s) => s.start()))) as [string, string];
    }, 300_000);
    afterAll(async () => {
      await Promise.all(servers?.map((s) => s.stop()) ?? []);
      await scratch?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("refuses a sign-in on the second process once the first has counted the address's failures", async () => {
      const wrong = {
        body: { code: "AAAA-BBBB-CCCC", device: "เครื่องทดสอบ" },
        headers: { "x-forwarded-for": "192.0.2.1" },
      };
      for (let i = 0; i < 3; i++) {
        const r = await request(first, "POST", "/sessions", wrong);
        expect(r.body.code).toBe("access-code-invalid");
      }
      const refused = await request(second, "POST", "/sessions", wrong);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe("rate-limited");
      expect(refused.body.message).toMatch(/ส่งคำขอถี่เกินไป/);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      // And back on the first: the same count, not a fresh one per process.
      expect((await request(first, "POST", "/sessions", wrong)).status).toBe(429);
    });

    it("accepts on either process a device token signed in through the other, and both serve in turn", async () => {
      const code = servers[0]!.adminCode();
      const balancer = await startRoundRobinProxy([first, second]);
      try {
        // Another office than the one refused above, signing in through the second process.
        const signedIn = await request(second, "POST", "/sessions", {
          body: { code, device: "ทดสอบ" },
          headers: { "x-forwarded-for": "192.0.2.2" },
        });
        expect(signedIn.status).toBe(201);
        const token = signedIn.body.token as string;
        for (let i = 0; i < 4; i++)
          expect((await request(balancer.url, "GET", "/me", { token })).status).toBe(200);
        expect(balancer.served).toEqual([2, 2]);
      } finally {
        await balancer.close();
      }
    });
  });

  describe("minstd serve --workers 2", () => {
    let dir: string;
    let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
    let server: ServerControl;
    let url: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "minstd-workers-"));
      scratch = await scratchDatabase();
      server = new ServerControl(dir, { ...process.env, DATABASE_URL: scratch.url, PORT: "" }, "serve", [
        "--workers",
        "2",
      ]);
      url = await server.start();
    }, 300_000);
    afterAll(async () => {
      await server?.stop();
      await scratch?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** A GET on a connection of its own: the cluster hands each connection to one worker. */
    const get = (path: string): Promise<string> =>
      new Promise((resolve, reject) => {
        http
          .get(`${url}${path}`, { agent: false }, (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (c: string) => (text += c));
            res.on("end", () => resolve(text));
          })
          .on("error", reject);
      });

    it("answers /metrics with every worker's series, whichever worker gets the scrape", async () => {
      for (let i = 0; i < 6; i++) await get("/api/v1/health");
      for (let scrape = 0; scrape < 4; scrape++) {
        const text = await get("/metrics");
        expect(text).toMatch(/^minstd_process_uptime_seconds\{worker="1"\} [\d.]+$/m);
        expect(text).toMatch(/^minstd_process_uptime_seconds\{worker="2"\} [\d.]+$/m);
        // HELP and TYPE once per metric, as Prometheus requires.
        expect(text.match(/^# TYPE minstd_http_requests_total /gm)).toHaveLength(1);
        const health = text
          .split("\n")
          .filter((l) => l.startsWith("minstd_http_requests_total{") && l.includes('route="/api/v1/health"'))
          .join("\n");
        expect(sumOfSeries(health, "minstd_http_requests_total")).toBe(6);
      }
    });
  });
});
