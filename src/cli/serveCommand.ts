import cluster from "node:cluster";
import { ensureDashboard } from "../../tools/dashboard/build";
import {
  configFromEnv,
  DataDirInUseError,
  DEFAULT_DATA_DIR,
  DEFAULT_RATE_LIMITS,
  startServer,
  type RateLimits,
  gatherWorkerMetrics,
  shareWorkerMetrics,
} from "../server";
import { UsageError, type Output } from "./output";

export interface ServeOptions {
  port?: string;
  host?: string;
  data?: string;
  workers?: string;
}

export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`พอร์ต “${text}” ไม่ถูกต้อง ใช้ตัวเลข 0–65535 / bad port “${text}”: use 0–65535`);
  return port;
}

/**
 * `minstd serve`: the collection server on the embedded database in --data (default .minstd-data),
 * or on the PostgreSQL server named by DATABASE_URL. Runs until Ctrl+C or SIGTERM.
 */
export async function serve(opts: ServeOptions, io: Output, signal?: AbortSignal): Promise<number> {
  const env = configFromEnv();
  const workers = parseWorkers(opts.workers);
  if (cluster.isPrimary) await ensureDashboard((line) => io.out(line));
  if (workers > 1) {
    if (!env.databaseUrl)
      throw new UsageError(
        "--workers ใช้ได้กับ PostgreSQL (DATABASE_URL) เท่านั้น ฐานข้อมูลในเครื่องใช้ได้ทีละโปรเซส / --workers needs DATABASE_URL: the embedded database serves one process",
      );
    if (cluster.isPrimary) return runCluster(workers, io);
  }
  const rateLimit = rateLimitFromEnv(process.env);
  const server = await startServer({
    ...env,
    ...(rateLimit && { rateLimit }),
    // Under --workers a scrape reaches one worker; it answers with every worker's metrics.
    ...(cluster.isWorker && { shareMetrics: shareWorkerMetrics }),
    // JSON lines with request ids on stdout (journald, docker logs); MINSTD_LOG_LEVEL=silent turns them off.
    logger: true,
    port: parsePort(opts.port ?? process.env.PORT, 8080),
    host: opts.host ?? "127.0.0.1",
    dataDir: opts.data ?? DEFAULT_DATA_DIR,
    localAdmin: true,
  }).catch((e: unknown) => {
    throw e instanceof DataDirInUseError ? new UsageError(e.message) : e;
  });
  // Listen for the stop signal before saying the server is up: whoever waits for that line (a
  // supervisor, a test) may ask it to stop at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    signal?.addEventListener("abort", stop);
  });
  if (cluster.isWorker) process.send?.({ listening: server.url });
  else {
    io.out(`MinStd collection server: ${server.url}/api/v1  (OpenAPI: ${server.url}/api/v1/openapi.json)`);
    io.out(`แดชบอร์ด / dashboard: ${server.url}/dashboard/`);
  }
  if (!cluster.isWorker)
    io.out(
      env.databaseUrl
        ? `ฐานข้อมูล / database: PostgreSQL ${server.storage}`
        : `ฐานข้อมูลในเครื่อง (PGlite) / embedded database: ${server.storage}`,
    );
  if (!cluster.isWorker) io.out("หยุดด้วย Ctrl+C / stop with Ctrl+C");
  await stopped;
  await server.close();
  // A worker's IPC channel to the primary would keep it alive.
  if (cluster.isWorker) cluster.worker?.disconnect();
  else io.out("หยุดแล้ว / stopped");
  return 0;
}

/**
 * Requests per minute from MINSTD_RATE_LIMIT_TOKEN (per verified device token, default 600) and
 * MINSTD_RATE_LIMIT_ADDRESS (per address without one, default 60), and failed sign-ins per address
 * per 15 minutes from MINSTD_SIGNIN_FAILURES (default 20). Raise the address limits when many
 * offices sign in from behind one address (a provincial network's NAT).
 */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv): RateLimits | undefined {
  const read = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === "") return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1)
      throw new UsageError(
        `${name}=“${text}” ต้องเป็นจำนวนเต็มบวก (จำนวนคำขอต่อนาที) / ${name} must be a positive whole number of requests per minute`,
      );
    return n;
  };
  if (!env.MINSTD_RATE_LIMIT_TOKEN && !env.MINSTD_RATE_LIMIT_ADDRESS && !env.MINSTD_SIGNIN_FAILURES)
    return undefined;
  return {
    perToken: read("MINSTD_RATE_LIMIT_TOKEN", DEFAULT_RATE_LIMITS.perToken),
    perAddress: read("MINSTD_RATE_LIMIT_ADDRESS", DEFAULT_RATE_LIMITS.perAddress),
    failedSignIns: read("MINSTD_SIGNIN_FAILURES", DEFAULT_RATE_LIMITS.failedSignIns),
  };
}

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--workers “${text}” ต้องเป็น 1–64 / --workers must be 1–64`);
  return n;
}

/**
 * Several server processes on one port (node:cluster): the server keeps no state between requests,
 * so this is the same scale-out as processes behind a load balancer, on one machine.
 */
async function runCluster(workers: number, io: Output): Promise<number> {
  gatherWorkerMetrics(cluster);
  let listening = 0;
  for (let i = 0; i < workers; i++) {
    const worker = cluster.fork();
    worker.on("message", (m: { listening?: string }) => {
      // The address is announced once every worker listens: from then on any of them may answer.
      if (m.listening && ++listening === workers) {
        io.out(`MinStd collection server: ${m.listening}/api/v1  (${workers} processes / ${workers} โปรเซส)`);
        io.out("หยุดด้วย Ctrl+C / stop with Ctrl+C");
      }
    });
  }
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  const all = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  await Promise.all(
    all.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.once("exit", () => resolve());
          w.process.kill("SIGTERM");
        }),
    ),
  );
  io.out("หยุดแล้ว / stopped");
  return 0;
}
