import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Principal } from "./auth";
import type { Queryable } from "./db/adapter";
import { problems } from "./problems";

/**
 * Request limits kept in the database, so every server process (minstd serve --workers N, several
 * hosts behind a load balancer) counts against one limit. Fixed windows: one row per key and
 * window, incremented atomically with INSERT … ON CONFLICT DO UPDATE … RETURNING.
 *
 * Keys: a request to a route that needs a sign-in and carries a token the server verified counts
 * against that token; everything else (POST /sessions above all, and any request whose token is
 * missing or not valid) counts against the client's address. An unverified header never picks
 * the bucket. Failed sign-ins also count per address over a longer window; past their allowance
 * the address may not try to sign in again until that window ends.
 */
export interface RateLimits {
  /** Requests per minute per verified device token. */
  readonly perToken: number;
  /** Requests per minute per client address, for requests without a verified token. */
  readonly perAddress: number;
  /** Failed sign-ins per address per failure window (15 minutes) before sign-in is refused. */
  readonly failedSignIns?: number;
}

export const DEFAULT_RATE_LIMITS: Required<RateLimits> = { perToken: 600, perAddress: 60, failedSignIns: 20 };
const WINDOW_MS = 60_000;
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Windows older than this are deleted (now and then) by whichever process notices first. */
const KEEP_MS = 2 * FAILURE_WINDOW_MS;

interface Count {
  readonly hits: number;
  /** Seconds until the window ends (at least 1): the Retry-After of a refusal. */
  readonly retryAfter: number;
}

function windowOf(now: Date, size: number): { start: Date; retryAfter: number } {
  const start = Math.floor(now.getTime() / size) * size;
  return {
    start: new Date(start),
    retryAfter: Math.max(1, Math.ceil((start + size - now.getTime()) / 1000)),
  };
}

/** Counts one more hit for key in the window holding now; returns the window's total. */
export async function hit(q: Queryable, key: string, now: Date, size = WINDOW_MS): Promise<Count> {
  const w = windowOf(now, size);
  const rows = await q.query<{ hits: number }>(
    `INSERT INTO rate_limits (key, "windowStart", hits) VALUES ($1, $2, 1)
     ON CONFLICT (key, "windowStart") DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [key, w.start],
  );
  return { hits: rows[0]!.hits, retryAfter: w.retryAfter };
}

/**
 * hit() for the count of every request, outside any transaction: its commit does not wait for the
 * write-ahead log to reach the disk (synchronous_commit off for this statement's own transaction).
 * Every request of a page counts on the same row, so each waited for the previous one's disk
 * flush; now the row is free as soon as the count is in. The count is still atomic and shared by
 * every process; a crash of the database server may forget the last fraction of a second of
 * counts, which a limit can spare. Failed sign-ins keep hit(), flushed like any other write.
 */
export async function hitRequest(q: Queryable, key: string, now: Date): Promise<Count> {
  const w = windowOf(now, WINDOW_MS);
  const rows = await q.query<{ hits: number }>(
    `INSERT INTO rate_limits (key, "windowStart", hits)
     SELECT $1::text, $2::timestamptz, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS unflushed
     ON CONFLICT (key, "windowStart") DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [key, w.start],
  );
  return { hits: rows[0]!.hits, retryAfter: w.retryAfter };
}

/** The window's total for key without counting. */
export async function peek(q: Queryable, key: string, now: Date, size = WINDOW_MS): Promise<Count> {
  const w = windowOf(now, size);
  const rows = await q.query<{ hits: number }>(
    `SELECT hits FROM rate_limits WHERE key = $1 AND "windowStart" = $2`,
    [key, w.start],
  );
  return { hits: rows[0]?.hits ?? 0, retryAfter: w.retryAfter };
}

function refuse(reply: FastifyReply, retryAfter: number): never {
  void reply.header("retry-after", String(retryAfter));
  throw problems.rateLimited(retryAfter);
}

const failureKey = (address: string) => `sign-in-failures:${address}`;

/** Refuses a sign-in from an address that has used up its failed sign-ins for now. */
export async function checkSignInAllowed(
  q: Queryable,
  request: FastifyRequest,
  reply: FastifyReply,
  limits: RateLimits,
  now: Date,
): Promise<void> {
  const failures = await peek(q, failureKey(request.ip), now, FAILURE_WINDOW_MS);
  const allowed = limits.failedSignIns ?? DEFAULT_RATE_LIMITS.failedSignIns;
  if (failures.hits >= allowed) refuse(reply, failures.retryAfter);
}

/** Counts a failed sign-in against the address. */
export async function countFailedSignIn(q: Queryable, address: string, now: Date): Promise<number> {
  return (await hit(q, failureKey(address), now, FAILURE_WINDOW_MS)).hits;
}

/** What the limiter learnt about a request's token, for its route handler. */
interface Verified {
  readonly principal: Principal | null;
  readonly error?: unknown;
}
const verified = new WeakMap<FastifyRequest, Verified>();

/**
 * The caller of a route that needs a sign-in: null without a token; throws the token's problem
 * (invalid, expired, revoked) when one was sent and not accepted.
 */
export function principalOf(request: FastifyRequest): Principal | null {
  const v = verified.get(request);
  if (!v) return null;
  if (v.error) throw v.error;
  return v.principal;
}

export interface LimiterOptions {
  readonly db: Queryable;
  readonly limits: RateLimits;
  readonly clock: () => Date;
  /** Verifies the Authorization header: null when there is none, throws when it is not valid. */
  readonly authenticate: (header: string | undefined, now: Date) => Promise<Principal | null>;
  /** Requests not counted at all (the dashboard's static files). */
  readonly skip: (request: FastifyRequest) => boolean;
}

/** Routes registered with this config are counted per verified token; others per address. */
export const SIGNED_IN_ROUTE = { minstdSignedIn: true } as const;

export function registerRateLimit(app: FastifyInstance, options: LimiterOptions): void {
  let purgedWindow = 0;
  app.addHook("onRequest", async (request, reply) => {
    if (options.skip(request)) return;
    const now = options.clock();
    const config = request.routeOptions.config as { minstdSignedIn?: boolean } | undefined;
    let principal: Principal | null = null;
    if (config?.minstdSignedIn) {
      try {
        principal = await options.authenticate(request.headers.authorization, now);
      } catch (error) {
        verified.set(request, { principal: null, error });
      }
      if (principal) verified.set(request, { principal });
    }
    const count = principal
      ? await hitRequest(options.db, `token:${principal.tokenId}`, now)
      : await hitRequest(options.db, `address:${request.ip}`, now);
    const max = principal ? options.limits.perToken : options.limits.perAddress;
    const window = windowOf(now, WINDOW_MS).start.getTime();
    if (window !== purgedWindow) {
      purgedWindow = window;
      options.db
        .query(`DELETE FROM rate_limits WHERE "windowStart" < $1`, [new Date(now.getTime() - KEEP_MS)])
        .catch(() => undefined);
    }
    if (count.hits > max) refuse(reply, count.retryAfter);
  });
}
