import { Agent, request } from "node:http";

/** A small HTTP load generator: n concurrent clients over keep-alive connections to 127.0.0.1. */

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly statuses: Record<number, number>;
  readonly seconds: number;
  /** Latency of each request in milliseconds, sorted. */
  readonly latencies: Float64Array;
  readonly firstError?: string;
}

export interface LoadRequest {
  readonly path: string;
  readonly token: string;
  readonly body: string;
}

function post(agent: Agent, base: URL, r: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: "POST",
        path: r.path,
        headers: {
          authorization: `Bearer ${r.token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(r.body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(r.body);
  });
}

export async function runLoad(
  baseUrl: string,
  requests: readonly LoadRequest[],
  concurrency: number,
  expectStatus: number,
  deadlineMs: number,
): Promise<LoadResult> {
  const base = new URL(baseUrl);
  if (base.hostname !== "127.0.0.1") throw new Error("load tests only target 127.0.0.1");
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = new Float64Array(requests.length);
  const statuses: Record<number, number> = {};
  let next = 0;
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + deadlineMs;
  const client = async (): Promise<void> => {
    while (next < requests.length && Date.now() < deadline) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      try {
        const res = await post(agent, base, requests[i]!);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status !== expectStatus) {
          errors++;
          firstError ??= `${res.status} ${res.body.slice(0, 300)}`;
        }
      } catch (e) {
        errors++;
        firstError ??= String(e);
      }
      latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  const measured = latencies.slice(0, done).sort();
  return {
    requests: done,
    errors: errors + (requests.length - done),
    statuses,
    seconds,
    latencies: measured,
    ...(firstError && { firstError }),
  };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
