import type { FastifyInstance } from "fastify";
import type { Database } from "../db/adapter";
import { Problem } from "../problems";
import { embeddedSnapshot, writeEmbeddedBackup } from "./embeddedBackup";
import { BACKUP_KEY_HEADER, sameKey } from "./localServer";
import { Counter, Gauge, Histogram, PROMETHEUS_CONTENT_TYPE, Registry } from "./metrics";
import { REQUEST_ID_HEADER } from "./logging";

export interface OperationsOptions {
  readonly db: Database;
  /** The key `minstd backup` reads from the data folder; undefined: no backup endpoint. */
  readonly backupKey?: string;
  /** Given this process's metrics, returns what /metrics answers; default: this process's alone. */
  readonly shareMetrics?: MetricsSharing;
}

/** Called once with this process's own rendering; the function it returns answers each scrape. */
export type MetricsSharing = (ownMetrics: () => string) => () => Promise<string>;

export const SUBMIT_ROUTE = "/api/v1/submissions";
/**
 * What load balancers and Prometheus ask for: never rate-limited (they poll from one address) and
 * answered without the database's help, so they can say the database is gone.
 */
export const PROBE_PATHS: readonly string[] = ["/api/v1/health", "/api/v1/ready", "/metrics"];
const JSON_TYPE = "application/json; charset=utf-8";

const databaseUnavailable = (detail: string) =>
  new Problem(
    "database-unavailable",
    "เครื่องแม่ข่ายติดต่อฐานข้อมูลไม่ได้ ยังรับข้อมูลไม่ได้ในขณะนี้ — ลองใหม่ภายหลัง",
    "the server cannot reach its database and cannot take submissions now: try again later",
    { database: detail },
  );

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What an operator needs from a running server: readiness (the database answers), Prometheus
 * metrics at /metrics, the request id header, and the embedded database's backup endpoint.
 * Registered before the routes, so its hooks see every request.
 */
export function registerOperations(app: FastifyInstance, options: OperationsOptions): void {
  const registry = new Registry();
  const requests = registry.add(
    new Counter("minstd_http_requests_total", "HTTP requests answered, by route pattern, method and status"),
  );
  const latency = registry.add(
    new Histogram(
      "minstd_http_request_duration_seconds",
      "Time to answer, by route pattern and method",
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
  );
  const accepted = registry.add(
    new Counter("minstd_submissions_accepted_total", "New submission versions stored (201)"),
  );
  const replays = registry.add(
    new Counter(
      "minstd_submission_replays_total",
      "Retries of a submission already stored, answered with its receipt (200): outbox and network retries",
    ),
  );
  const refused = registry.add(
    new Counter("minstd_submissions_refused_total", "Submissions refused, by problem code"),
  );
  registry.add(
    new Gauge("minstd_db_pool_connections", "Database connections by state (PostgreSQL pool)", () => {
      const s = options.db.poolStats?.();
      if (!s) return [{ labels: { state: "total" }, value: 1 }];
      return [
        { labels: { state: "total" }, value: s.total },
        { labels: { state: "in_use" }, value: s.total - s.idle },
        { labels: { state: "idle" }, value: s.idle },
        { labels: { state: "waiting" }, value: s.waiting },
      ];
    }),
  );
  registry.add(
    new Gauge("minstd_process_resident_memory_bytes", "Resident memory of this server process", () => [
      { labels: {}, value: process.memoryUsage().rss },
    ]),
  );
  const started = Date.now();
  registry.add(
    new Gauge("minstd_process_uptime_seconds", "Seconds since this server process started", () => [
      { labels: {}, value: (Date.now() - started) / 1000 },
    ]),
  );

  app.addHook("onRequest", async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method === "POST" && request.routeOptions.url === SUBMIT_ROUTE) {
      const status = reply.statusCode;
      if (status === 201) accepted.inc();
      else if (status === 200) replays.inc();
      else if (status >= 400) {
        let code = "unknown";
        if (typeof payload === "string") {
          try {
            code = String((JSON.parse(payload) as { code?: unknown }).code ?? "unknown");
          } catch {
            // not a problem body
          }
        }
        refused.inc({ code: /^[a-z0-9-]{1,60}$/.test(code) ? code : "unknown" });
      }
    }
    return payload;
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    latency.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });

  app.get("/api/v1/ready", async (_request, reply) => {
    try {
      await withTimeout(options.db.query("SELECT 1 FROM schema_migrations LIMIT 1"), 5000);
      return { ready: true, database: options.db.kind };
    } catch (e) {
      const p = databaseUnavailable(e instanceof Error ? e.message.split("\n")[0]! : String(e));
      return reply.code(503).type(JSON_TYPE).send(p.toJSON());
    }
  });
  const render = () => registry.render();
  const metricsText = options.shareMetrics ? options.shareMetrics(render) : async () => render();
  app.get("/metrics", async (_request, reply) => {
    return reply.type(PROMETHEUS_CONTENT_TYPE).send(await metricsText());
  });

  const backupKey = options.backupKey;
  if (backupKey && options.db.dumpDataDir) {
    app.get("/api/v1/admin/backup", async (request, reply) => {
      const given = request.headers[BACKUP_KEY_HEADER];
      if (!sameKey(backupKey, typeof given === "string" ? given : undefined)) {
        const p = new Problem(
          "backup-key-invalid",
          "ต้องใช้กุญแจสำรองข้อมูลจากโฟลเดอร์ฐานข้อมูลของเครื่องแม่ข่าย (ใช้คำสั่ง minstd backup บนเครื่องแม่ข่าย)",
          "a backup needs the key in the server's data folder: run minstd backup on the server machine",
        );
        return reply.code(403).type(JSON_TYPE).send(p.toJSON());
      }
      const snapshot = await embeddedSnapshot(options.db);
      const chunks: Buffer[] = [];
      const { Writable } = await import("node:stream");
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          chunks.push(chunk);
          done();
        },
      });
      await writeEmbeddedBackup(sink, snapshot);
      request.log.info({ counts: snapshot.manifest.counts }, "backup taken");
      return reply
        .type("application/x-tar")
        .header("content-disposition", 'attachment; filename="minstd-backup.tar"')
        .send(Buffer.concat(chunks));
    });
  }
}
