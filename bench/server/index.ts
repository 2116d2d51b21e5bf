/**
 * `npm run bench:server`: every LAO of the register submits a 214-indicator document over HTTP,
 * 32 clients at a time, to a collection server on the machine's PostgreSQL; then the same
 * documents go in with raw multi-row INSERTs, and the national dashboard is timed with all in.
 * Traffic goes to 127.0.0.1 only; the run is bounded in requests and time. The database is made
 * for the run and dropped after.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { compileRound, type Round } from "../../src/core";
import { generatedRound } from "../../src/core/rules/generatedRound";
import { loadRegister } from "../../src/dataFiles";
import { hashToken, newToken } from "../../src/server/secrets";
import { completeDocument } from "../../test/server/documents";
import { percentile, runLoad } from "./load";

const ADMIN_URL = process.env.MINSTD_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CONCURRENCY = Number(process.env.MINSTD_BENCH_CLIENTS ?? 32);
const LIMIT = Number(process.env.MINSTD_BENCH_LAOS ?? 0) || undefined;
const WORKERS = process.env.MINSTD_BENCH_WORKERS ?? "2";
const DEADLINE_MS = 10 * 60 * 1000;
const ROUND_ID = "G214";

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServerProcess(databaseUrl: string): Promise<Server> {
  const bin = join(__dirname, "../../bin/minstd.js");
  const nodeArgs = process.env.MINSTD_BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, bin, "serve", "--port", "0", "--workers", WORKERS], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { url, child };
}

async function api(url: string, method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/** CPU seconds (user + system) used so far by these processes, from /proc (Linux). */
function cpuSeconds(pids: readonly number[]): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      // the process is gone
    }
  }
  return total;
}

function childPids(pid: number): number[] {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return [pid, ...kids.flatMap(childPids)];
  } catch {
    return [pid];
  }
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function todayWindow(): { opens: string; closes: string } {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return { opens: day(-1), closes: day(7) };
}

async function main(): Promise<void> {
  const dbName = `minstd_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  let server: Server | undefined;
  try {
    console.log(
      `MinStd server benchmark — Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`,
    );
    server = await startServerProcess(databaseUrl);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();

    // Sign-in for every LAO and one national user, straight in the database (not what is measured).
    const register = loadRegister();
    const laos = register.all.slice(0, LIMIT);
    await db.query(
      `INSERT INTO users (role, "displayName", "laoCode") SELECT 'lao', name, code FROM laos ON CONFLICT ("laoCode") DO NOTHING`,
    );
    const users = new Map(
      (
        await db.query<{ id: number; laoCode: string }>(`SELECT id, "laoCode" FROM users WHERE role = 'lao'`)
      ).rows.map((r) => [r.laoCode, r.id]),
    );
    const tokens = laos.map(() => newToken());
    await db.query(
      `INSERT INTO tokens ("userId", "tokenHash", device) SELECT u, h, 'bench' FROM unnest($1::int[], $2::text[]) AS t(u, h)`,
      [laos.map((l) => users.get(l.code)), tokens.map(hashToken)],
    );
    const staff = await db.query<{ id: number }>(
      `INSERT INTO users (role, "displayName") VALUES ('admin', 'bench admin'), ('national', 'bench national') RETURNING id`,
    );
    const [adminToken, nationalToken] = [newToken(), newToken()];
    await db.query(`INSERT INTO tokens ("userId", "tokenHash") VALUES ($1, $2), ($3, $4)`, [
      staff.rows[0]!.id,
      hashToken(adminToken),
      staff.rows[1]!.id,
      hashToken(nationalToken),
    ]);

    // The generated 214-indicator round, loaded and opened through the API.
    const round: Round = generatedRound(214, ROUND_ID);
    await api(server.url, "PUT", `/rounds/${ROUND_ID}`, adminToken, round);
    await api(server.url, "PUT", `/rounds/${ROUND_ID}/window`, adminToken, todayWindow());
    const compiled = compileRound(round);
    const documents = laos.map((lao, i) => completeDocument(compiled, lao, i));
    const bodies = documents.map((document, i) =>
      JSON.stringify({ id: `bench-${dbName}-${laos[i]!.code}`, document }),
    );
    const meanKb = bodies.reduce((n, b) => n + b.length, 0) / bodies.length / 1024;
    console.log(
      `${laos.length} LAOs, ${compiled.indicators.length} indicators, documents ${meanKb.toFixed(1)} KB on average`,
    );

    // Warm-up on a few LAOs' duplicates would change the data; warm up on the health route instead.
    for (let i = 0; i < 50; i++) await fetch(`${server.url}/api/v1/health`);

    const serverPids = childPids(server.child.pid!);
    const pgPids = async () =>
      (
        await db.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
      ).rows.map((r) => r.pid);
    const pgBefore = await pgPids();
    const cpuBefore = {
      server: cpuSeconds(serverPids),
      pg: cpuSeconds(pgBefore),
      client: process.cpuUsage(),
    };
    const load = await runLoad(
      server.url,
      bodies.map((body, i) => ({ path: "/api/v1/submissions", token: tokens[i]!, body })),
      CONCURRENCY,
      201,
      DEADLINE_MS,
    );
    const pgAfter = [...new Set([...pgBefore, ...(await pgPids())])];
    const cpu = {
      server: cpuSeconds(serverPids) - cpuBefore.server,
      // Backends opened during the run started from zero.
      pg: cpuSeconds(pgAfter) - cpuBefore.pg,
      client: (() => {
        const u = process.cpuUsage(cpuBefore.client);
        return (u.user + u.system) / 1e6;
      })(),
    };
    const rate = load.requests / load.seconds;
    const p50 = percentile(load.latencies, 50);
    const p99 = percentile(load.latencies, 99);

    // The same documents with raw multi-row INSERTs: the floor of what storing them costs.
    await db.query(
      `CREATE TABLE raw_documents (id text PRIMARY KEY, lao text NOT NULL, document jsonb NOT NULL)`,
    );
    const rawStart = process.hrtime.bigint();
    const batch = 100;
    for (let start = 0; start < documents.length; start += batch) {
      const chunk = documents.slice(start, start + batch);
      const params: unknown[] = [];
      const rows = chunk.map((d, i) => {
        params.push(`raw-${start + i}`, d.lao, JSON.stringify(d));
        return `($${params.length - 2}, $${params.length - 1}, $${params.length}::jsonb)`;
      });
      await db.query(`INSERT INTO raw_documents (id, lao, document) VALUES ${rows.join(", ")}`, params);
    }
    const rawSeconds = Number(process.hrtime.bigint() - rawStart) / 1e9;
    const rawRate = documents.length / rawSeconds;

    // The national dashboard with everything in: first call, then the median of 10.
    const dashboards: Array<[string, string]> = [
      ["results by indicator, area, type, province", `/rounds/${ROUND_ID}/results`],
      ["completeness per province", `/rounds/${ROUND_ID}/completeness`],
    ];
    const dashboardTimes: Array<[string, number, number]> = [];
    for (const [name, path] of dashboards) {
      const first = await timeIt(() => api(server!.url, "GET", path, nationalToken));
      const runs: number[] = [];
      for (let i = 0; i < 10; i++)
        runs.push(await timeIt(() => api(server!.url, "GET", path, nationalToken)));
      runs.sort((a, b) => a - b);
      dashboardTimes.push([name, first, runs[5]!]);
    }
    const stored = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM submissions WHERE "roundId" = $1`,
      [ROUND_ID],
    );
    await db.end();

    const ok = (cond: boolean) => (cond ? "ok" : "MISSED");
    console.log(
      `\n## Collection server on PostgreSQL (${CONCURRENCY} concurrent clients over HTTP, ${WORKERS} server processes)`,
    );
    console.log(
      `  submissions              ${load.requests} in ${load.seconds.toFixed(1)} s, stored ${stored.rows[0]!.n}`,
    );
    console.log(`  submissions/s            ${rate.toFixed(0)}   (goal ≥ 400: ${ok(rate >= 400)})`);
    console.log(`  latency p50              ${p50.toFixed(1)} ms`);
    console.log(`  latency p99              ${p99.toFixed(1)} ms   (goal ≤ 250: ${ok(p99 <= 250)})`);
    console.log(
      `  errors                   ${load.errors}   (goal 0: ${ok(load.errors === 0)})${load.firstError ? `  first: ${load.firstError}` : ""}`,
    );
    const perMs = (seconds: number) => ((seconds * 1000) / load.requests).toFixed(2);
    console.log(
      `  CPU per submission       server ${perMs(cpu.server)} ms, PostgreSQL ${perMs(cpu.pg)} ms, load client ${perMs(cpu.client)} ms` +
        `  → ${(cpus().length / ((cpu.server + cpu.pg) / load.requests)).toFixed(0)}/s if ${cpus().length} idle cores served only this`,
    );
    console.log(`  raw multi-row INSERT     ${rawRate.toFixed(0)} documents/s (batches of ${batch})`);
    console.log(`  raw INSERT ÷ server      ${(rawRate / rate).toFixed(1)}×`);
    for (const [name, first, median] of dashboardTimes)
      console.log(
        `  dashboard: ${name.padEnd(44)} first ${first.toFixed(1)} ms, median ${median.toFixed(1)} ms   (goal ≤ 100: ${ok(median <= 100)})`,
      );
    if (load.errors > 0) process.exitCode = 1;
  } finally {
    server?.child.kill("SIGTERM");
    if (server) await new Promise((r) => server!.child.once("exit", r));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
