import { ApiClient, type ApiClientOptions, type AttemptEvent, type RetryPolicy } from "../../src/client";
import { loadRegister } from "../../src/dataFiles";
import { startFaultProxy, type FaultProxy } from "../faults/faultProxy";
import { BACKENDS, startHarness, type Harness, type HarnessOptions } from "../server/harness";

/**
 * The API client's tests, and those of its users (the pane's submission controller and server
 * rounds in test/taskpane, `minstd submit` in test/cli), run against a real server process (the
 * integration harness) with the fault proxy in between: the client only ever talks to the proxy,
 * the test reads the server directly.
 */

export interface Rig {
  readonly h: Harness;
  readonly proxy: FaultProxy;
  close(): Promise<void>;
}

/** The client's behaviour does not depend on the database: one backend is enough (the first named). */
export const BACKEND = BACKENDS[0] ?? "pglite";

/**
 * Short waits between attempts so the tests run fast; the policy's shape is the real one. The
 * timeout of an attempt is long: a busy machine must never turn a slow answer into a timeout (the
 * tests of timeouts set their own, and the proxy holds the request until the client gave up).
 */
export const FAST_RETRY: Partial<RetryPolicy> = {
  attempts: 6,
  baseDelayMs: 20,
  maxDelayMs: 300,
  maxRetryAfterMs: 3000,
  timeoutMs: 120_000,
};

export async function startRig(options: HarnessOptions = {}): Promise<Rig> {
  const h = await startHarness(BACKEND, options);
  // A "delay" holds the request until the test calls proxy.release().
  const proxy = await startFaultProxy({ upstream: h.url, keepLog: true, holdDelayed: true });
  return {
    h,
    proxy,
    async close() {
      await proxy.close();
      await h.close();
    },
  };
}

/** LAOs of province 22 (จันทบุรี), every one assessed in round 2563; each test takes its own. */
const LAOS_22 = loadRegister()
  .inProvince("22")
  .map((l) => l.code)
  .sort();
let taken = 0;
export function nextLao(): string {
  const code = LAOS_22[taken++];
  if (!code) throw new Error("out of test LAOs");
  return code;
}

export interface SignedInClient {
  readonly api: ApiClient;
  readonly token: string;
  readonly attempts: AttemptEvent[];
}

/** Signs in as an officer would, through the proxy: a code issued on the server, redeemed with the client. */
export async function signedIn(
  rig: Rig,
  lao: string,
  options: Partial<ApiClientOptions> = {},
): Promise<SignedInClient> {
  const attempts: AttemptEvent[] = [];
  const api = new ApiClient({
    server: rig.proxy.url,
    retry: FAST_RETRY,
    onAttempt: (e) => attempts.push(e),
    ...options,
  });
  const code = await rig.h.send<string>({ cmd: "laoCode", lao });
  const { token } = await api.signIn(code, "test");
  return { api: api.withToken(token), token, attempts };
}

export interface StoredVersion {
  instanceId: string;
  version: number;
  replacesId: string | null;
  contentHash: string;
}

/** Every version the server holds for an LAO in a round, oldest first, read from the database. */
export function serverVersions(h: Harness, lao: string, round = "2563"): Promise<StoredVersion[]> {
  return h.sql<StoredVersion>(
    `SELECT v."instanceId", v.version, v."replacesId", 'sha256:' || v."contentHash" AS "contentHash"
       FROM submission_versions v JOIN submissions s ON s.id = v."submissionId"
      WHERE s."laoCode" = $1 AND s."roundId" = $2 ORDER BY v.version`,
    [lao, round],
  );
}

export const posts = (rig: Rig, from = 0) =>
  rig.proxy.log.slice(from).filter((l) => l.method === "POST" && l.path === "/api/v1/submissions");
