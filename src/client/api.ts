import type { z } from "zod";
import { MAX_REQUEST_BYTES, parseRound, RoundError, type Round, type SubmissionDocument } from "../core";
import { inBothLanguages } from "../i18n/issues";
import {
  ClientProblem,
  problemFromServer,
  tooLargeProblem,
  transportProblems,
  type ProblemInfo,
  type ServerProblemBody,
} from "./problems";
import {
  backoffDelay,
  DEFAULT_RETRY,
  parseRetryAfter,
  sleep as defaultSleep,
  type RetryPolicy,
} from "./retry";
// Each part of the contract by itself: the pane's bundle takes only the answers it reads.
import { problemBodySchema } from "../api/problems";
import { laoHistorySchema, type LaoHistory } from "../api/reports";
import { roundDefinitionSchema, roundsSchema, type RoundInfo } from "../api/rounds";
import type { WindowInfo } from "../api/common";
import {
  healthSchema,
  meSchema,
  signedInSchema,
  signedOutSchema,
  type Me,
  type SignedIn,
} from "../api/sessions";
import {
  laoSubmissionSchema,
  mySubmissionsSchema,
  receiptSchema,
  receiptsSchema,
  returnsSchema,
  type LaoSubmission,
  type MySubmission,
  type Receipt,
  type ReturnComments,
} from "../api/submissions";
import { parseServerUrl } from "./serverUrl";
import { jsonBytes, largestFields } from "./size";

/**
 * The collection server's API for the task pane and the CLI: fetch only (no DOM, no Node), every
 * answer checked against its schema, every failure a ClientProblem with a Thai message.
 *
 * Retries: network errors, timeouts, 5xx, 429 and answers that are not the server's are tried
 * again with backoff, up to the policy's attempts. Refusals (other 4xx) are final. Every request
 * retried is safe to repeat: reads; a submission, which the server keeps once per client id; a
 * sign-out; and a sign-in, which at worst finds its one-time code used by the attempt whose answer
 * was lost (then the problem says so).
 */

export interface AttemptEvent {
  readonly method: string;
  readonly path: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Absent when the attempt succeeded. */
  readonly problem?: ProblemInfo;
  /** The wait before the next attempt; absent when there is none. */
  readonly waitMs?: number;
}

export interface ApiClientOptions {
  /** The server's address, as typed ("https://minstd.example.go.th", with or without /api/v1). */
  readonly server: string;
  /** The device token from signIn; absent before signing in. */
  readonly token?: string | null;
  readonly retry?: Partial<RetryPolicy>;
  /** Defaults to the global fetch (browsers, Node 20). */
  readonly fetch?: typeof fetch;
  /** For tests: the jitter's randomness and the waits. */
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called after every attempt: progress in the pane, figures in tests. */
  readonly onAttempt?: (event: AttemptEvent) => void;
  /** The largest submission sent, in bytes of JSON. Default: the server's, MAX_REQUEST_BYTES of core. */
  readonly maxRequestBytes?: number;
}

export interface CallOptions {
  /** Stops waiting and sending (e.g. the pane is closing); the call fails with kind "cancelled". */
  readonly signal?: AbortSignal;
  /** Fewer (or more) attempts for this call than the client's policy. */
  readonly attempts?: number;
}

export interface SubmitRequest {
  /** The client's id of this version (a UUID). */
  readonly id: string;
  /** The id of the version this one replaces; null for the first. */
  readonly replaces: string | null;
  readonly document: SubmissionDocument;
}

export interface SubmitResult {
  readonly receipt: Receipt;
  /** 201: stored now. false (200): the server already had this version, from an earlier attempt. */
  readonly created: boolean;
}

interface Attempted<T> {
  readonly value: T;
  readonly status: number;
}

type AttemptOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly status: number }
  | {
      readonly ok: false;
      readonly problem: ClientProblem;
      readonly retryAfterMs?: number;
      /** The request may have been carried out although no answer came back. */
      readonly ambiguous: boolean;
    };

/** Network errors raised before anything was sent: the request certainly did not arrive. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/**
 * Never an answer from the browser's HTTP cache. Node's fetch takes the option as well, though its
 * types (undici's RequestInit) leave it out, so it is spread in rather than written in the literal.
 */
const NO_STORE = { cache: "no-store" } as const;

class Timeout extends Error {}

export class ApiClient {
  /** The server's base address, normalised. */
  readonly server: string;
  readonly token: string | null;
  /** The largest submission this client sends, in bytes of JSON (the server's limit). */
  readonly maxRequestBytes: number;
  private readonly options: ApiClientOptions;
  private readonly policy: RetryPolicy;

  constructor(options: ApiClientOptions) {
    const parsed = parseServerUrl(options.server);
    if (!parsed.ok)
      throw new ClientProblem({
        kind: "refused",
        code: "bad-server-url",
        message: parsed.message,
        messageEn: parsed.messageEn,
      });
    this.server = parsed.base;
    this.token = options.token ?? null;
    this.maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
    this.options = options;
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** The same client signed in with another token (or signed out, with null). */
  withToken(token: string | null): ApiClient {
    return new ApiClient({ ...this.options, server: this.server, token });
  }

  /** Redeems a one-time access code for this device's token. Does not change this client. */
  async signIn(code: string, device?: string, options: CallOptions = {}): Promise<SignedIn> {
    try {
      return (
        await this.request("POST", "/sessions", signedInSchema, {
          ...options,
          body: { code, ...(device && { device }) },
          auth: false,
        })
      ).value;
    } catch (e) {
      if (e instanceof ClientProblem && e.kind === "code-invalid" && e.lostAnswer)
        throw transportProblems.codeMaybeUsed(e.attempts ?? 1);
      throw e;
    }
  }

  /** Revokes this device's token. A token the server no longer knows counts as signed out. */
  async signOut(options: CallOptions = {}): Promise<void> {
    try {
      await this.request("DELETE", "/sessions/current", signedOutSchema, options);
    } catch (e) {
      if (e instanceof ClientProblem && e.kind === "signed-out") return;
      throw e;
    }
  }

  async me(options: CallOptions = {}): Promise<Me> {
    return (await this.request("GET", "/me", meSchema, options)).value;
  }

  async rounds(options: CallOptions = {}): Promise<RoundInfo[]> {
    return (await this.request("GET", "/rounds", roundsSchema, options)).value;
  }

  /** A round's definition (indicators and targets) and its window, e.g. a round loaded on the server after this release. */
  async round(id: string, options: CallOptions = {}): Promise<{ round: Round; window: WindowInfo }> {
    const { value } = await this.request(
      "GET",
      `/rounds/${encodeURIComponent(id)}`,
      roundDefinitionSchema,
      options,
    );
    try {
      return { round: parseRound(value.round), window: value.window };
    } catch (e) {
      if (!(e instanceof RoundError)) throw e;
      throw new ClientProblem({
        kind: "unexpected-response",
        code: "round-unreadable",
        message: `อ่านรอบการประเมิน ${id} จากเครื่องแม่ข่ายไม่ได้ — โปรแกรมนี้อาจเก่ากว่าเครื่องแม่ข่าย ให้ปรับรุ่นโปรแกรม`,
        messageEn: `cannot read round ${id} from the server — this program may be older than the server; update it`,
        details: {
          issues: e.issues.map(({ path, message, problem }) => ({
            path,
            message: problem ? inBothLanguages(problem) : message,
          })),
        },
      });
    }
  }

  /** Sends one version. Sending the same id and content again is safe: the server answers with the same receipt. */
  async submit(request: SubmitRequest, options: CallOptions = {}): Promise<SubmitResult> {
    const body = { id: request.id, replaces: request.replaces, document: request.document };
    // Measured before sending: a document over the server's limit is never sent, and says why.
    const bytes = jsonBytes(body);
    const limitBytes = this.maxRequestBytes;
    if (bytes > limitBytes)
      throw tooLargeProblem({ bytes, limitBytes, fields: largestFields(request.document) });
    try {
      const { value, status } = await this.request("POST", "/submissions", receiptSchema, {
        ...options,
        body,
      });
      return { receipt: value, created: status === 201 };
    } catch (e) {
      if (!(e instanceof ClientProblem) || e.kind !== "too-large") throw e;
      // The server's limit is lower than this client's: the server's 413, with the largest fields.
      const limit = (e.details as { limitBytes?: unknown } | undefined)?.limitBytes;
      const problem = tooLargeProblem({
        bytes,
        ...(typeof limit === "number" && { limitBytes: limit }),
        fields: largestFields(request.document),
        ...(e.status !== undefined && { status: e.status }),
        ...(e.serverMessage !== undefined && { serverMessage: e.serverMessage }),
      });
      problem.attempts = e.attempts;
      throw problem;
    }
  }

  /** The signed-in LAO's submission in each round: state, current version and its id. */
  async mySubmissions(options: CallOptions = {}): Promise<MySubmission[]> {
    return (await this.request("GET", "/me/submissions", mySubmissionsSchema, options)).value;
  }

  /** Every receipt of the signed-in LAO, newest version first. */
  async myReceipts(round?: string, options: CallOptions = {}): Promise<Receipt[]> {
    const query = round ? `?round=${encodeURIComponent(round)}` : "";
    return (await this.request("GET", `/me/receipts${query}`, receiptsSchema, options)).value;
  }

  /** The province's comments on the signed-in LAO's returned versions, newest first. */
  async myComments(round?: string, options: CallOptions = {}): Promise<ReturnComments[]> {
    const query = round ? `?round=${encodeURIComponent(round)}` : "";
    return (await this.request("GET", `/me/comments${query}`, returnsSchema, options)).value;
  }

  /** Every version an LAO sent in a round, with documents and returns (for the diff and history). */
  async submissionOf(lao: string, round: string, options: CallOptions = {}): Promise<LaoSubmission> {
    const path = `/laos/${encodeURIComponent(lao)}/submissions/${encodeURIComponent(round)}`;
    return (await this.request("GET", path, laoSubmissionSchema, options)).value;
  }

  /**
   * Year over year: the LAO's results in earlier rounds for the indicators of `round` that continue
   * one of them, newest first (empty when the round continues nothing).
   */
  async history(lao: string, round: string, options: CallOptions = {}): Promise<LaoHistory> {
    const path = `/laos/${encodeURIComponent(lao)}/history/${encodeURIComponent(round)}`;
    return (await this.request("GET", path, laoHistorySchema, options)).value;
  }

  /** The server answers and its database is up. */
  async health(options: CallOptions = {}): Promise<void> {
    await this.request("GET", "/health", healthSchema, { ...options, auth: false });
  }

  private async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    options: CallOptions & { body?: unknown; auth?: boolean },
  ): Promise<Attempted<z.output<S>>> {
    const attempts = Math.max(1, options.attempts ?? this.policy.attempts);
    const random = this.options.random ?? Math.random;
    const wait = this.options.sleep ?? defaultSleep;
    let lostAnswer = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(method, path, schema, options);
      if (outcome.ok) {
        this.options.onAttempt?.({ method, path, attempt });
        return { value: outcome.value, status: outcome.status };
      }
      const problem = outcome.problem;
      problem.attempts = attempt;
      lostAnswer ||= outcome.ambiguous;
      problem.lostAnswer = lostAnswer;
      const tooLong =
        outcome.retryAfterMs !== undefined && outcome.retryAfterMs > this.policy.maxRetryAfterMs;
      if (!problem.transient || attempt >= attempts || tooLong) {
        this.options.onAttempt?.({ method, path, attempt, problem: problem.toJSON() });
        throw problem;
      }
      const waitMs = Math.max(backoffDelay(attempt, this.policy, random), outcome.retryAfterMs ?? 0);
      this.options.onAttempt?.({ method, path, attempt, problem: problem.toJSON(), waitMs });
      try {
        await wait(waitMs, options.signal);
      } catch {
        throw transportProblems.cancelled();
      }
    }
  }

  private async attempt<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    options: CallOptions & { body?: unknown; auth?: boolean },
  ): Promise<AttemptOutcome<z.output<S>>> {
    if (options.signal?.aborted)
      return { ok: false, problem: transportProblems.cancelled(), ambiguous: false };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Timeout()), this.policy.timeoutMs);
    const onAbort = (): void => controller.abort(options.signal!.reason);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (options.auth !== false && this.token) headers.authorization = `Bearer ${this.token}`;
    try {
      const res = await (this.options.fetch ?? fetch)(`${this.server}/api/v1${path}`, {
        method,
        headers,
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
        ...NO_STORE,
        signal: controller.signal,
      });
      const text = await res.text();
      return this.read(res, text, schema);
    } catch (e) {
      if (options.signal?.aborted)
        return { ok: false, problem: transportProblems.cancelled(), ambiguous: true };
      if (controller.signal.reason instanceof Timeout)
        return {
          ok: false,
          problem: transportProblems.timeout(Math.round(this.policy.timeoutMs / 1000)),
          ambiguous: true,
        };
      const code = (e as { cause?: { code?: string } }).cause?.code;
      return {
        ok: false,
        problem: transportProblems.unreachable(code ?? (e as Error).message),
        ambiguous: !(code && NOT_SENT.has(code)),
      };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    }
  }

  private read<S extends z.ZodType>(res: Response, text: string, schema: S): AttemptOutcome<z.output<S>> {
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (res.ok) {
      // The answer as the server sent it, once it matches the contract: the contract's schemas
      // change nothing they accept, and fields a newer server adds are kept, not dropped.
      if (schema.safeParse(json).success) return { ok: true, value: json as z.output<S>, status: res.status };
      return {
        ok: false,
        problem: transportProblems.unexpectedResponse(res.status, describeBody(res, text)),
        ambiguous: true,
      };
    }
    const body = problemBodySchema.safeParse(json);
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
    // Too large for something in between (a proxy's own 413 page): as final as the server's.
    if (!body.success && res.status === 413)
      return { ok: false, problem: problemFromServer(413, undefined), ambiguous: false };
    if (!body.success) {
      // Our server answers every error with a problem body; anything else came from something in between.
      return {
        ok: false,
        problem: transportProblems.unexpectedResponse(res.status, describeBody(res, text)),
        ...(retryAfterMs !== undefined && { retryAfterMs }),
        ambiguous: true,
      };
    }
    const problem = problemFromServer(res.status, body.data as ServerProblemBody, retryAfterMs);
    return { ok: false, problem, ...(retryAfterMs !== undefined && { retryAfterMs }), ambiguous: false };
  }
}

function describeBody(res: Response, text: string): string {
  const type = res.headers.get("content-type") ?? "no content type";
  return `${type}, ${text.length} bytes: ${text.slice(0, 80).replace(/\s+/g, " ")}`;
}

export type {
  Receipt,
  Me,
  MySubmission,
  ReturnComments,
  RoundInfo,
  SignedIn,
  LaoHistory,
  LaoSubmission,
  WindowInfo,
};
