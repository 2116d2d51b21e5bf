import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { setMaxListeners } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
import { loadRegister } from "../../src/node/dataFiles";
import { FileStorage } from "../../src/node/fileStorage";
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

/**
 * The fault run: a real `minstd serve`, the fault proxy in front of it, many LAOs each submitting
 * several versions through the submission client with its outbox on disk, officers closing the
 * pane mid-send, and the server killed and started again on the same data halfway. Then the
 * server is read directly and compared with what every client created and was acknowledged:
 * every LAO's current version must be its last acknowledged content, with nothing duplicated
 * and nothing lost. Bounded: a fixed number of submissions and a time limit; 127.0.0.1 only.
 */

export interface FaultRunOptions {
  readonly laos: number;
  readonly versions: number;
  /** LAOs submitting at the same time. */
  readonly concurrency: number;
  readonly seed: number;
  readonly backend: "pglite" | "postgres";
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
  readonly seconds: number;
}

const ROUND = "2563";
const BIN = join(__dirname, "../../bin/minstd.js");

/** The client's policy in the run: the real shape, shorter waits so the run ends in minutes. */
const RUN_RETRY: Partial<RetryPolicy> = {
  attempts: 8,
  baseDelayMs: 100,
  maxDelayMs: 3000,
  maxRetryAfterMs: 5000,
  timeoutMs: 2000,
};

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

class ServerControl {
  private current?: Server;
  readonly logFile: string;
  private log: string[] = [];

  constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
  ) {
    this.logFile = join(dir, "serve.log");
  }

  get url(): string {
    if (!this.current) throw new Error("the server is restarting");
    return this.current.url;
  }

  /** `minstd admin user add --role admin`: the operator's first step; prints a one-time code. */
  adminCode(): string {
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        "admin",
        "user",
        "add",
        "--role",
        "admin",
        "--name",
        "ผู้ดูแลการทดสอบ",
        "--data",
        join(this.dir, "db"),
      ],
      { encoding: "utf8", env: this.env },
    );
    const code = /([3-9A-Y]{4}-[3-9A-Y]{4}-[3-9A-Y]{4})/.exec(r.stdout)?.[1];
    if (r.status !== 0 || !code) throw new Error(`minstd admin user add failed: ${r.stdout}${r.stderr}`);
    return code;
  }

  /** `minstd serve` on a free port, on the same data every time. */
  async start(): Promise<string> {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--data", join(this.dir, "db")], {
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.stderr!.on("data", (d: Buffer) => this.log.push(d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        this.log.push(d.toString());
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`minstd serve exited with ${code}: ${out}`)));
    });
    this.current = { url, child, exited };
    return url;
  }

  /** kill -9: no clean shutdown, in the middle of whatever it is doing. */
  async kill(): Promise<void> {
    const s = this.current;
    if (!s) return;
    s.child.kill("SIGKILL");
    await s.exited;
    this.current = undefined;
  }

  async stop(): Promise<void> {
    const s = this.current;
    if (!s) return;
    s.child.kill("SIGTERM");
    const timer = setTimeout(() => s.child.kill("SIGKILL"), 10_000);
    await s.exited;
    clearTimeout(timer);
    this.current = undefined;
    writeFileSync(this.logFile, this.log.join(""));
  }
}

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
    // Every LAO signs in from 127.0.0.1 here; the limiter stays on, above what the run needs.
    MINSTD_RATE_LIMIT_ADDRESS: "100000",
    MINSTD_RATE_LIMIT_TOKEN: "100000",
  };
  const server = new ServerControl(dir, env);
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
    let url = await server.start();
    log(`minstd serve (${options.backend}) at ${url}; data in ${dir}`);
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
          const r = await request(server.url, "POST", `/laos/${lao}/access-codes`, {
            token: admin,
            body: {},
          });
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
      upstream: url,
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
          proxy!.setUpstream(url);
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
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await proxy?.close();
    await server.stop();
    await scratch?.drop();
    if (problems.length === 0) rmSync(dir, { recursive: true, force: true });
    else log(`kept for inspection: ${dir} (server log: ${server.logFile})`);
  }
}

/** The line the run ends with. */
export function figures(r: FaultRunResult): string {
  return `sent ${r.sent}, acknowledged ${r.acknowledged}, retried ${r.retried}, duplicates ${r.duplicates}, lost ${r.lost}`;
}
