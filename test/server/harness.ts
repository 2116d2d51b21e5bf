import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { Client } from "pg";
import { compileRound, shippedRound, type Lao } from "../../src/core";
import { loadRegister } from "../../src/dataFiles";
import type { Role } from "../../src/server/auth";
import type { RateLimits } from "../../src/server/rateLimit";
import { TEST_SERVER_ENV } from "../setup/compiled";
import { completeDocument } from "./documents";
import type { Command } from "./serverProcess";

/**
 * The integration harness: a real server on 127.0.0.1 and a free port, on embedded PGlite or on the
 * PostgreSQL server of the machine (in a database made for this run and dropped after), a clock the
 * test moves, and helpers that sign in the way officers do (an access code redeemed over HTTP).
 */

export type Backend = "pglite" | "postgres";

/** Every integration suite runs on both. MINSTD_TEST_BACKENDS=pglite narrows it (e.g. no server at hand). */
export const BACKENDS: Backend[] = (process.env.MINSTD_TEST_BACKENDS ?? "pglite,postgres")
  .split(",")
  .map((s) => s.trim())
  .filter((s): s is Backend => s === "pglite" || s === "postgres");

export const ADMIN_PG_URL = process.env.MINSTD_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A database of its own on the shared server, dropped by the returned function. */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `minstd_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: ADMIN_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: ADMIN_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Harness {
  readonly backend: Backend;
  readonly url: string;
  /** The server's data: the PGlite folder or the PostgreSQL URL (for a restart on the same data). */
  readonly storage: HarnessOptions;
  api(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse>;
  /** Signs in as an officer would: an access code issued on the server, redeemed over HTTP. */
  signIn(role: Role, scope?: { lao?: string; province?: string }): Promise<string>;
  setClock(iso: string): Promise<void>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  send<T>(command: Command): Promise<T>;
  countStored(): Promise<{ submissions: number; versions: number; returns: number; audits: number }>;
  /** Stops the server process (kill: without a clean shutdown) and keeps its data. */
  stop(how?: "close" | "kill"): Promise<void>;
  /** Stops the server and drops its data. */
  close(): Promise<void>;
  /** What the server wrote to stdout (with HarnessOptions.logger; otherwise it goes to the test's). */
  output(): string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The path is from the server's root (as OpenAPI writes it), not under /api/v1. */
  fromRoot?: boolean;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any endpoint
  raw: Buffer;
}

export async function request(
  base: string,
  method: string,
  path: string,
  opts: RequestOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | Blob | undefined;
  if (opts.body !== undefined) {
    body = Buffer.isBuffer(opts.body)
      ? new Blob([new Uint8Array(opts.body)])
      : typeof opts.body === "string"
        ? opts.body
        : JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${base}${opts.fromRoot ? "" : "/api/v1"}${path}`, { method, headers, body });
  const raw = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  return {
    status: res.status,
    headers: res.headers,
    raw,
    body: type.includes("json") && raw.length > 0 ? JSON.parse(raw.toString("utf8")) : raw.toString("utf8"),
  };
}

export interface HarnessOptions {
  readonly now?: string;
  /** PGlite data folder (restart tests); default in memory. */
  readonly dataDir?: string;
  /** A PostgreSQL database to use instead of a new scratch one (restart tests). */
  readonly databaseUrl?: string;
  readonly rateLimit?: RateLimits;
  readonly tokenLifetimeDays?: number;
  /** Proxies whose X-Forwarded-For the server believes. */
  readonly trustProxy?: string[];
  readonly bodyLimitBytes?: number;
  readonly corsOrigins?: string[];
  /** Environment of the server process besides the test's own (e.g. MINSTD_SECRET). */
  readonly env?: Record<string, string>;
  /** Structured logs on, and the server's stdout kept for the test (see Harness.output). */
  readonly logger?: boolean;
}

/** The compiled server process of globalSetup (test/setup/compiled.ts); else its source through tsx. */
function serverScript(): { file: string; execArgv: string[] } {
  const compiled = process.env[TEST_SERVER_ENV];
  return compiled
    ? { file: compiled, execArgv: [] }
    : { file: join(__dirname, "serverProcess.ts"), execArgv: ["--require", "tsx/cjs"] };
}

export async function startHarness(backend: Backend, options: HarnessOptions = {}): Promise<Harness> {
  const scratch = backend === "postgres" && !options.databaseUrl ? await scratchDatabase() : undefined;
  const storage: HarnessOptions = {
    ...options,
    ...(backend === "postgres" && { databaseUrl: options.databaseUrl ?? scratch!.url }),
  };
  const config = {
    now: options.now ?? "2020-06-01T10:00:00+07:00",
    ...(storage.databaseUrl && { databaseUrl: storage.databaseUrl }),
    ...(backend === "pglite" && (options.dataDir ? { dataDir: options.dataDir } : { inMemory: true })),
    rateLimit: options.rateLimit ?? { perToken: 100_000, perAddress: 100_000, failedSignIns: 100_000 },
    // Suites move the clock across years with the tokens they signed in with; the lifetime has its own tests.
    tokenLifetimeDays: options.tokenLifetimeDays ?? 100 * 366,
    ...(options.trustProxy && { trustProxy: options.trustProxy }),
    ...(options.bodyLimitBytes && { bodyLimitBytes: options.bodyLimitBytes }),
    ...(options.corsOrigins && { corsOrigins: options.corsOrigins }),
    poolSize: 4,
    ...(options.logger && { logger: true }),
  };
  const script = serverScript();
  const child: ChildProcess = fork(script.file, [], {
    execArgv: script.execArgv,
    env: { ...process.env, ...options.env, MINSTD_TEST_SERVER: JSON.stringify(config), DATABASE_URL: "" },
    serialization: "advanced",
    stdio: ["ignore", options.logger ? "pipe" : "inherit", "inherit", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString("utf8")));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.on(
      "message",
      (m: { ready?: string; failed?: string; id?: number; result?: unknown; error?: string }) => {
        if (m.ready) resolve(m.ready);
        else if (m.failed) reject(new Error(`server failed to start: ${m.failed}`));
        else if (m.id !== undefined) {
          const p = pending.get(m.id);
          pending.delete(m.id);
          if (m.error) p?.reject(new Error(m.error));
          else p?.resolve(m.result);
        }
      },
    );
    child.once("exit", (code) => reject(new Error(`server process exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const send = <T>(command: Command): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, command });
    });
  const api: Harness["api"] = (method, path, opts) => request(url, method, path, opts);
  let users = 0;
  let stopped = false;
  const stop = async (how: "close" | "kill" = "close") => {
    if (stopped) return;
    stopped = true;
    if (how === "kill") child.kill("SIGKILL");
    else await send({ cmd: "close" }).catch(() => child.kill("SIGKILL"));
    await exited;
  };
  return {
    backend,
    url,
    storage,
    api,
    send,
    async signIn(role, scope = {}) {
      const code =
        role === "lao"
          ? await send<string>({ cmd: "laoCode", lao: scope.lao! })
          : await send<string>({
              cmd: "userCode",
              role,
              name: `${role} ${++users}`,
              ...(role === "province" && { province: scope.province ?? "22" }),
            });
      const res = await api("POST", "/sessions", { body: { code, device: "test" } });
      if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    setClock: (iso) => send({ cmd: "setClock", iso }),
    sql: (text, params) => send({ cmd: "sql", text, ...(params && { params }) }),
    async countStored() {
      const rows = await send<
        Array<{ submissions: number; versions: number; returns: number; audits: number }>
      >({
        cmd: "sql",
        text: `SELECT (SELECT count(*)::int FROM submissions) AS submissions,
                      (SELECT count(*)::int FROM submission_versions) AS versions,
                      (SELECT count(*)::int FROM submission_returns) AS returns,
                      (SELECT count(*)::int FROM audits) AS audits`,
      });
      return rows[0]!;
    },
    stop,
    output: () => output,
    async close() {
      await stop();
      await scratch?.drop();
    },
  };
}

/**
 * A second server process on the same PostgreSQL database as h (as `minstd serve --workers 2` or a
 * second host behind a load balancer would run). Closing it leaves the database to h.
 */
export async function startPeer(h: Harness, options: Omit<HarnessOptions, "databaseUrl" | "dataDir"> = {}) {
  if (h.backend !== "postgres") throw new Error("only PostgreSQL serves several processes");
  return startHarness("postgres", { ...options, databaseUrl: h.storage.databaseUrl! });
}

/** LAOs of province 22 (จันทบุรี) and of another province, for scoping tests. */
export const LAO_22 = "4220102"; // เทศบาลเมืองจันทบุรี
export const LAO_22_OTHER = "4220103"; // เทศบาลเมืองท่าช้าง
export const LAO_OTHER_PROVINCE = "3800102"; // outside จันทบุรี

export function lao(code: string): Lao {
  return loadRegister().get(code)!;
}

/** A complete document of a shipped round for an LAO. */
export function documentFor(roundId: string, laoCode: string, seed = 0) {
  return completeDocument(compileRound(shippedRound(roundId)!), lao(laoCode), seed);
}

let ids = 0;
/** A client-made submission id, as the pane makes one per press of Submit. */
export function newId(): string {
  return `test-${process.pid}-${Date.now().toString(36)}-${(++ids).toString(36)}-${randomBytes(4).toString("hex")}`;
}
