import { setMaxListeners } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import {
  ApiClient,
  ClientProblem,
  Outbox,
  type AttemptEvent,
  type OutboxEvent,
  type Receipt,
  type RetryPolicy,
} from "../../src/client";
import { bangkokIsoDate, compileRound, shippedRound, type Lao } from "../../src/core";
import { loadRegister } from "../../src/dataFiles";
import { FileStorage } from "../../src/cli/fileStorage";
import { completeDocument } from "../server/documents";
import { request, scratchDatabase } from "../server/harness";
import {
  FAULTS,
  randomFaults,
  seededRandom,
  startFaultProxy,
  type Fault,
  type FaultProxy,
} from "./faultProxy";
import { startRoundRobinProxy, type RoundRobinProxy } from "./roundRobinProxy";
import { ServerControl } from "./serverControl";

/**
 * The fault run: a real `minstd serve` (or several on one PostgreSQL database behind a round-robin
 * load balancer), the fault proxy in front, many LAOs each submitting several versions through the
 * submission client with its outbox on disk, officers closing the pane mid-send, and the (first)
 * server killed and started again on the same data halfway. Then the server is read directly and
 * compared with what every client created and was acknowledged: every LAO's current version must
 * be its last acknowledged content, with nothing duplicated and nothing lost; on PostgreSQL the
 * database's own rows are compared too. Bounded: a fixed number of submissions and a time limit;
 * 127.0.0.1 only.
 */

export interface FaultRunOptions {
  readonly laos: number;
  readonly versions: number;
  /** LAOs submitting at the same time. */
  readonly concurrency: number;
  readonly seed: number;
  readonly backend: "pglite" | "postgres";
  /**
   * Server processes on the one database (default 1). Above 1 (PostgreSQL only) they stand behind a
   * round-robin load balancer, between the fault proxy and the servers.
   */
  readonly servers?: number;
  /** Kill and restart the server once this share of the versions is acknowledged (0: no restart). */
  readonly restartAt: number;
  /** Chance a request gets a fault (spread over the kinds). */
  readonly faultRate: number;
  /** Chance an officer closes the pane while a version is being sent. */
  readonly closeRate: number;
  readonly timeLimitMs: number;
  readonly log: (line: string) => void;
}

export interface FaultRunResult {
  readonly sent: number;
  readonly acknowledged: number;
  /** Sends of a submission beyond the first (HTTP retries and later drains). */
  readonly retried: number;
  readonly duplicates: number;
  readonly lost: number;
  /** Everything that does not match, one line each. */
  readonly problems: string[];
  readonly faults: Record<Fault, number>;
  readonly requests: number;
  readonly restarts: number;
  readonly closedPanes: number;
  readonly codesReissued: number;
  /** Each server process, in order: what the balancer sent it and what its own /metrics counted. */
  readonly perServer: ServerFigures[];
  readonly seconds: number;
}

export interface ServerFigures {
  /** Requests the balancer got an answer to from this server (all of them with one server: 0). */
  readonly balanced: number;
  /** Its /metrics at the end: requests answered and new versions stored since it (last) started. */
  readonly requestsServed: number;
  readonly submissionsAccepted: number;
}

const ROUND = "2563";

/** The client's policy in the run: the real shape, shorter waits so the run ends in minutes. */
const RUN_RETRY: Partial<RetryPolicy> = {
  attempts: 8,
  baseDelayMs: 100,
  maxDelayMs: 3000,
  maxRetryAfterMs: 5000,
  timeoutMs: 2000,
};

/** LAOs spread over the register (every type, many provinces), all assessed in round 2563. */
function pickLaos(count: number): Lao[] {
  const all = [...loadRegister().all].sort((a, b) => a.code.localeCompare(b.code));
  const step = Math.max(1, Math.floor(all.length / count));
  return Array.from({ length: count }, (_, i) => all[i * step]!);
}

interface LaoRecord {
  readonly lao: string;
  /** Every version the officer submitted, in order: its client id and content hash. */
  readonly created: Array<{ id: string; hash: string }>;
  /** Receipts the client got. */
  readonly acknowledged: Map<string, Receipt>;
}

export async function runFaults(options: FaultRunOptions): Promise<FaultRunResult> {
  const started = Date.now();
  const { log } = options;
  const random = seededRandom(options.seed);
  const dir = mkdtempSync(join(tmpdir(), "minstd-faults-"));
  const scratch = options.backend === "postgres" ? await scratchDatabase() : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: scratch?.url ?? "",
    PORT: "",
    // Every LAO signs in from 127.0.0.1 here; the limiter stays on, above what the run needs. A
    // sign-in whose answer the proxy lost is tried again with the code it used, which counts as a
    // failed sign-in: with 100 LAOs that came to more than the 20 an address may fail (a rare run
    // was refused for 15 minutes).
    MINSTD_RATE_LIMIT_ADDRESS: "100000",
    MINSTD_RATE_LIMIT_TOKEN: "100000",
    MINSTD_SIGNIN_FAILURES: "100000",
  };
  const serverCount = options.servers ?? 1;
  if (serverCount > 1 && options.backend !== "postgres")
    throw new Error("several server processes share one PostgreSQL database: use backend postgres");
  const servers = Array.from(
    { length: serverCount },
    (_, i) => new ServerControl(dir, env, serverCount > 1 ? `serve-${i + 1}` : "serve"),
  );
  /** The first server: the one restarted halfway, and the one the results are read from. */
  const server = servers[0]!;
  let balancer: RoundRobinProxy | undefined;
  let proxy: FaultProxy | undefined;
  const deadline = AbortSignal.timeout(options.timeLimitMs);
  setMaxListeners(0, deadline); // every LAO's requests listen to it
  const records: LaoRecord[] = [];
  let submitAttempts = 0;
  let retriedRequests = 0;
  let restarts = 0;
  let closedPanes = 0;
  let codesReissued = 0;
  const problems: string[] = [];

  try {
    const adminCode = server.adminCode();
    // All at once, as an operator's service manager starts them: they settle migrations between them.
    const urls = await Promise.all(servers.map((s) => s.start()));
    let url = urls[0]!;
    log(`minstd serve (${options.backend}) at ${urls.join(", ")}; data in ${dir}`);
    if (serverCount > 1) {
      balancer = await startRoundRobinProxy(urls);
      log(`round-robin load balancer at ${balancer.url} in front of ${serverCount} processes`);
    }
    const admin = (await request(url, "POST", "/sessions", { body: { code: adminCode } })).body
      .token as string;
    const today = new Date();
    const window = await request(url, "PUT", `/rounds/${ROUND}/window`, {
      token: admin,
      body: {
        opens: bangkokIsoDate(new Date(today.getTime() - 86_400_000)),
        closes: bangkokIsoDate(new Date(today.getTime() + 86_400_000)),
      },
    });
    if (window.status !== 200) throw new Error(`window: ${JSON.stringify(window.body)}`);
    let restart: Promise<void> | undefined;
    /** The province office issuing a code: straight to the server, waiting out a restart. */
    const newCode = async (lao: string): Promise<string> => {
      for (let attempt = 1; ; attempt++) {
        await restart;
        try {
          const r = await request(
            servers.find((s) => s.running)?.url ?? server.url,
            "POST",
            `/laos/${lao}/access-codes`,
            {
              token: admin,
              body: {},
            },
          );
          if (r.status === 201) return r.body.code as string;
          throw new Error(`access code for ${lao}: ${r.status} ${JSON.stringify(r.body)}`);
        } catch (e) {
          if (attempt >= 20 || deadline.aborted) throw e;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    };

    const faultShare = options.faultRate / (FAULTS.length - 1);
    const rates = Object.fromEntries(FAULTS.filter((f) => f !== "pass").map((f) => [f, faultShare]));
    proxy = await startFaultProxy({
      upstream: balancer?.url ?? url,
      choose: randomFaults(random, rates),
      // Mostly short; some longer than the client's 2 s timeout.
      delayMs: () => Math.round(50 + random() * 2600),
    });
    log(`fault proxy at ${proxy.url}: ${(options.faultRate * 100).toFixed(0)}% of requests get a fault`);

    const compiled = compileRound(shippedRound(ROUND)!);
    const laos = pickLaos(options.laos);
    const total = options.laos * options.versions;
    let acknowledgedSoFar = 0;
    const onAcknowledged = (): void => {
      acknowledgedSoFar++;
      if (options.restartAt > 0 && !restart && acknowledgedSoFar >= total * options.restartAt) {
        restart = (async () => {
          log(
            `restart: kill -9 the server after ${acknowledgedSoFar} receipts, start it again on the same data`,
          );
          await server.kill();
          url = await server.start();
          if (balancer) balancer.setUpstream(0, url);
          else proxy!.setUpstream(url);
          restarts++;
          log(`restart: serving again at ${url}`);
        })();
      }
    };

    const clientFor = (token: string | null): ApiClient =>
      new ApiClient({
        server: proxy!.url,
        token,
        retry: RUN_RETRY,
        onAttempt: (e: AttemptEvent) => {
          if (e.path === "/submissions") submitAttempts++;
          if (e.waitMs !== undefined) retriedRequests++;
        },
      });

    const signIn = async (lao: string): Promise<ApiClient> => {
      let code = await newCode(lao);
      for (let attempt = 1; ; attempt++) {
        try {
          const { token } = await clientFor(null).signIn(code, "fault run", { signal: deadline });
          return clientFor(token);
        } catch (e) {
          if (!(e instanceof ClientProblem) || attempt >= 10 || deadline.aborted) throw e;
          // The answer carrying the token was lost (or a duplicate used the code): the province issues a new one.
          if (e.kind === "code-invalid" || e.kind === "code-maybe-used") {
            codesReissued++;
            code = await newCode(lao);
          }
        }
      }
    };

    const runLao = async (lao: Lao, index: number): Promise<void> => {
      const record: LaoRecord = { lao: lao.code, created: [], acknowledged: new Map() };
      records.push(record);
      const api = await signIn(lao.code);
      const storageDir = join(dir, "computers", lao.code);
      const onEvent = (e: OutboxEvent): void => {
        if (e.type === "queued") record.created.push({ id: e.entry.id, hash: e.entry.contentHash });
        if (e.type === "acknowledged" && !record.acknowledged.has(e.receipt.id)) {
          record.acknowledged.set(e.receipt.id, e.receipt);
          onAcknowledged();
        }
        if (e.type === "held") problems.push(`${lao.code}: held ${e.entry.id}: ${e.problem.messageEn}`);
      };
      // Each LAO's own computer: its outbox on disk.
      let outbox = new Outbox({ storage: new FileStorage(storageDir), api, onEvent });
      for (let v = 1; v <= options.versions && !deadline.aborted; v++) {
        const document = completeDocument(compiled, lao, v * 7919 + index);
        if (random() < options.closeRate) {
          // The officer closes Excel while the version is being sent; the next open drains the outbox.
          closedPanes++;
          const closing = new AbortController();
          setTimeout(() => closing.abort(), Math.round(random() * 400));
          await outbox.submit(document, { signal: AbortSignal.any([closing.signal, deadline]) });
          outbox = new Outbox({ storage: new FileStorage(storageDir), api, onEvent });
          await outbox.drain({ signal: deadline });
        } else {
          await outbox.submit(document, { signal: deadline });
        }
      }
      // Later opens of the pane: drain until the outbox is empty (bounded).
      for (let round = 0; round < 30 && !deadline.aborted; round++) {
        if ((await outbox.entries()).length === 0) break;
        await new Promise((r) => setTimeout(r, 300));
        await outbox.drain({ signal: deadline });
      }
      const left = await outbox.entries();
      if (left.length > 0)
        problems.push(
          `${lao.code}: ${left.length} version(s) still in the outbox (${left.map((e) => e.problem?.kind).join(", ")})`,
        );
    };

    let next = 0;
    const workers = Array.from({ length: options.concurrency }, async () => {
      while (next < laos.length && !deadline.aborted) {
        const i = next++;
        await runLao(laos[i]!, i).catch((e: unknown) =>
          problems.push(`${laos[i]!.code}: ${e instanceof ClientProblem ? e.messageEn : String(e)}`),
        );
      }
    });
    await Promise.all(workers);
    await restart;
    if (deadline.aborted) problems.push(`the time limit of ${options.timeLimitMs / 1000} s was reached`);

    // Read the server directly (not through the proxy) and compare.
    let duplicates = 0;
    let lost = 0;
    let acknowledged = 0;
    for (const record of records) {
      acknowledged += record.acknowledged.size;
      const res = await request(server.url, "GET", `/laos/${record.lao}/submissions/${ROUND}`, {
        token: admin,
      });
      const versions: Receipt[] =
        res.status === 200 ? [...(res.body.versions as Receipt[])].sort((a, b) => a.version - b.version) : [];
      const created = new Map(record.created.map((c) => [c.id, c.hash]));
      const hashes = new Map<string, number>();
      for (const v of versions) hashes.set(v.contentHash, (hashes.get(v.contentHash) ?? 0) + 1);
      for (const v of versions) {
        if (!created.has(v.id)) {
          duplicates++;
          problems.push(`${record.lao}: version ${v.version} (${v.id}) was never created by the client`);
        } else if (created.get(v.id) !== v.contentHash)
          problems.push(`${record.lao}: version ${v.version} has other content`);
      }
      for (const [hash, count] of hashes)
        if (count > 1) {
          duplicates += count - 1;
          problems.push(`${record.lao}: the same content is stored ${count} times (${hash})`);
        }
      const stored = new Set(versions.map((v) => v.id));
      for (const c of record.created)
        if (!stored.has(c.id)) {
          lost++;
          problems.push(`${record.lao}: version ${c.id} never reached the server`);
        }
      versions.forEach((v, i) => {
        if ((v.replaces ?? null) !== (i === 0 ? null : versions[i - 1]!.id))
          problems.push(`${record.lao}: version ${v.version} does not replace version ${v.version - 1}`);
        const receipt = record.acknowledged.get(v.id);
        if (receipt && (receipt.receiptNumber !== v.receiptNumber || receipt.contentHash !== v.contentHash))
          problems.push(
            `${record.lao}: the client's receipt for version ${v.version} differs from the server's`,
          );
      });
      // The server's current version is the last one the officer submitted and got a receipt for.
      const lastAcknowledged = [...record.acknowledged.values()].sort((a, b) => b.version - a.version)[0];
      const current = versions[versions.length - 1];
      const lastCreated = record.created[record.created.length - 1];
      if (
        !current ||
        !lastAcknowledged ||
        current.id !== lastAcknowledged.id ||
        current.contentHash !== lastCreated?.hash
      ) {
        lost++;
        problems.push(
          `${record.lao}: the current version on the server is not the last acknowledged content`,
        );
      }
    }
    if (scratch) problems.push(...(await compareWithDatabase(scratch.url, records)));
    const perServer: ServerFigures[] = [];
    for (const [i, s] of servers.entries()) {
      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      perServer.push({
        balanced: balancer?.served[i] ?? 0,
        requestsServed: sumOfSeries(metrics, "minstd_http_requests_total"),
        submissionsAccepted: sumOfSeries(metrics, "minstd_submissions_accepted_total"),
      });
    }
    const sent = records.reduce((n, r) => n + r.created.length, 0);
    if (sent !== total) problems.push(`${sent} versions were submitted, ${total} planned`);
    log(
      `requests through the proxy: ${proxy.counts.requests} (${FAULTS.filter((f) => f !== "pass")
        .map((f) => `${f} ${proxy!.counts[f]}`)
        .join(", ")}; server unreachable ${proxy.counts.upstreamDown})`,
    );
    log(
      `restarts ${restarts}, panes closed mid-send ${closedPanes}, access codes reissued ${codesReissued}, HTTP retries of all kinds ${retriedRequests}, seed ${options.seed}`,
    );
    return {
      sent,
      acknowledged,
      retried: submitAttempts - sent,
      duplicates,
      lost,
      problems,
      faults: Object.fromEntries(FAULTS.map((f) => [f, proxy!.counts[f]])) as Record<Fault, number>,
      requests: proxy.counts.requests,
      restarts,
      closedPanes,
      codesReissued,
      perServer,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await proxy?.close();
    await balancer?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await scratch?.drop();
    if (problems.length === 0) rmSync(dir, { recursive: true, force: true });
    else log(`kept for inspection: ${dir} (server log: ${server.logFile})`);
  }
}

/** The sum of every sample of one metric in Prometheus' text format (all its label sets). */
export function sumOfSeries(text: string, metric: string): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (m?.[1] === metric) sum += Number(m[3]);
  }
  return sum;
}

/**
 * The PostgreSQL database itself, not the API: every version a client created is stored once, under
 * its LAO, with its content, and nothing else is stored.
 */
async function compareWithDatabase(url: string, records: readonly LaoRecord[]): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ laoCode: string; instanceId: string; contentHash: string }>(
      `SELECT s."laoCode", v."instanceId", v."contentHash"
         FROM submission_versions v JOIN submissions s ON s.id = v."submissionId"
        WHERE s."roundId" = $1`,
      [ROUND],
    );
    const problems: string[] = [];
    const stored = new Map<string, Array<{ lao: string; hash: string }>>();
    for (const r of rows)
      stored.set(r.instanceId, [
        ...(stored.get(r.instanceId) ?? []),
        { lao: r.laoCode, hash: r.contentHash },
      ]);
    let created = 0;
    for (const record of records)
      for (const c of record.created) {
        created++;
        const found = stored.get(c.id) ?? [];
        // The API answers "sha256:<hex>"; the column keeps the hex.
        if (found.length !== 1 || found[0]!.lao !== record.lao || `sha256:${found[0]!.hash}` !== c.hash)
          problems.push(
            `database: version ${c.id} of ${record.lao} is not stored once with the content sent (rows: ${found.length})`,
          );
      }
    if (rows.length !== created)
      problems.push(`database: ${rows.length} versions stored, ${created} created by the clients`);
    return problems;
  } finally {
    await client.end();
  }
}

/** The line the run ends with. */
export function figures(r: FaultRunResult): string {
  return `sent ${r.sent}, acknowledged ${r.acknowledged}, retried ${r.retried}, duplicates ${r.duplicates}, lost ${r.lost}`;
}
