import type { SubmissionDocument } from "../core";
import type { MySubmission, Receipt } from "./api";
import type { Chain, OutboxEntry, ReplaceBasis, StoredReceipt } from "./outboxEntry";
import { unexpectedVersion } from "./outboxProblems";
import { connectionBreaksOnBody, type ClientProblem, type ProblemInfo, type ProblemKind } from "./problems";
import { largestFields } from "./size";

/**
 * The submission protocol's decisions, as functions of what is known (the chain's entries, the
 * last receipt, the server's current version, the problem a send ended with). The Outbox reads
 * and writes, asks the server, and does what these decide.
 */

/**
 * How a version is submitted. Every client (the pane, `minstd submit`, the web upload) goes through
 * these and nothing else, so each decides the same way: a document equal to the server's current
 * version is not sent again; what it replaces follows `basis`; `expectVersion` holds it when the
 * server has moved on from the version the officer saw.
 */
export interface SubmitOptions {
  readonly signal?: AbortSignal;
  /** Default "device". Used only when nothing of this chain is waiting: otherwise it follows what waits. */
  readonly basis?: ReplaceBasis;
  /** The server's version the officer saw (0: none yet); another one there holds this version. */
  readonly expectVersion?: number;
  /** Send a new version even when the content equals the last version (e.g. confirming a returned version unchanged). */
  readonly allowUnchanged?: boolean;
}

type Choices = Pick<SubmitOptions, "basis" | "expectVersion" | "allowUnchanged">;

/** Refusals that wait for the officer: the entry is held. */
const HOLD: ReadonlySet<ProblemKind> = new Set([
  "newer-version",
  "chain-broken",
  "id-conflict",
  "document-invalid",
  "document-incomplete",
  "not-assessed",
  "not-found",
  "refused",
  "returned",
  "receipt-mismatch",
  "too-large",
]);
/** Failures of the connection itself, which a body too large for something on the way also gives. */
const CONNECTION_BROKE: ReadonlySet<ProblemKind> = new Set(["unreachable", "timeout"]);
/** A body above this share of the limit counts as large: real documents are a hundredth of it. */
const LARGE_SHARE = 1 / 4;
/** Sends of a large body that broke the connection, while the server answered, before it is held. */
export const BROKEN_SENDS_HOLD = 2;
/** Problems of one chain only: other chains are still sent. */
const CHAIN_ONLY: ReadonlySet<ProblemKind> = new Set(["window-closed", "window-not-open"]);

// — before a version is kept —

/**
 * Whether to ask the server if it already holds this document before keeping it: not when the
 * caller sends an unchanged version on purpose, nor while anything of the chain waits here.
 */
export function comparesWithServer(options: Choices, waitingInChain: readonly OutboxEntry[]): boolean {
  return !options.allowUnchanged && waitingInChain.length === 0;
}

/** Whether the server's current version can stand for a document with its content (a returned one cannot). */
export function serverVersionStands(current: MySubmission | undefined): current is MySubmission {
  return current !== undefined && current.state !== "returned";
}

/** The chain's last entry when it has this content: a new document equal to it is that version. */
export function sameAsLastEntry(
  entries: readonly OutboxEntry[],
  hash: string,
  options: Choices,
): OutboxEntry | undefined {
  const last = entries[entries.length - 1];
  return !options.allowUnchanged && last?.contentHash === hash ? last : undefined;
}

/**
 * Whether a document equal to the last acknowledged version is acknowledged already: only while
 * nothing of the chain is queued (a queued version would replace it).
 */
export function mayBeAcknowledged(entries: readonly OutboxEntry[], options: Choices): boolean {
  return !options.allowUnchanged && !entries.some((e) => e.state === "queued");
}

/**
 * A new entry at the end of the chain. What it replaces is left to its first send, unless given
 * (a resubmit); the caller's basis and expected version count only when nothing of the chain is
 * queued, since otherwise it follows what is queued.
 */
export function newEntry(input: {
  readonly id: string;
  readonly chain: Chain;
  readonly now: Date;
  readonly entries: readonly OutboxEntry[];
  readonly contentHash: string;
  readonly document: SubmissionDocument;
  readonly replaces?: string | null;
  readonly options?: Choices;
}): OutboxEntry {
  const { now, entries, options = {} } = input;
  const queued = entries.some((e) => e.state === "queued");
  return {
    id: input.id,
    server: input.chain.server,
    round: input.chain.round,
    lao: input.chain.lao,
    // After every entry of the chain, and in time order across a restart.
    seq: Math.max(now.getTime() * 1000, (entries[entries.length - 1]?.seq ?? 0) + 1),
    createdAt: now.toISOString(),
    contentHash: input.contentHash,
    document: input.document,
    ...(input.replaces !== undefined && { replaces: input.replaces }),
    ...(!queued && options.basis === "server" && { basis: "server" as const }),
    ...(!queued && options.expectVersion !== undefined && { expectVersion: options.expectVersion }),
    state: "queued",
    sends: 0,
  };
}

// — binding: what a version replaces, fixed at its first send —

/**
 * What the entry replaces when this device's last receipt decides it: that receipt's version, for
 * basis "device" without an expected version. Undefined: the server's current version is needed.
 */
export function bindOnDevice(entry: OutboxEntry, last: Receipt | undefined): string | undefined {
  return last && entry.basis !== "server" && entry.expectVersion === undefined ? last.id : undefined;
}

/**
 * What the entry replaces given the server's current version (see ReplaceBasis), or the problem
 * that holds it: the server has moved on from the version the officer expected.
 */
export function bindOnServer(
  entry: OutboxEntry,
  last: Receipt | undefined,
  current: MySubmission | undefined,
): { readonly replaces: string | null } | { readonly hold: ClientProblem } {
  if (entry.expectVersion !== undefined && (current?.version ?? 0) !== entry.expectVersion)
    return { hold: unexpectedVersion(entry.expectVersion, current) };
  return { replaces: entry.basis === "server" || !last ? (current?.currentId ?? null) : last.id };
}

// — after a send —

/** Why a receipt is not the one for this entry (then it is not stored); undefined when it is. */
export function receiptMismatch(entry: OutboxEntry, receipt: Receipt): string | undefined {
  if (receipt.id !== entry.id) return `id ${receipt.id} ≠ ${entry.id}`;
  if (receipt.contentHash !== entry.contentHash)
    return `content hash ${receipt.contentHash} ≠ ${entry.contentHash}`;
  if (receipt.round !== entry.round || receipt.lao !== entry.lao)
    return `round/LAO ${receipt.round}/${receipt.lao}`;
  if ((receipt.replaces ?? null) !== (entry.replaces ?? null))
    return `replaces ${receipt.replaces} ≠ ${entry.replaces}`;
  return undefined;
}

/** Failures of the connection itself, which a body too large for something on the way also gives. */
export function isConnectionFailure(kind: ProblemKind): boolean {
  return CONNECTION_BROKE.has(kind);
}

/** Whether a body of this size may be what broke the connection (the Outbox then asks if the server answers). */
export function isLargeBody(bytes: number, maxRequestBytes: number): boolean {
  return bytes > maxRequestBytes * LARGE_SHARE;
}

/**
 * A send whose connection broke on a large body while the server answered: counted on the entry,
 * and once it happened BROKEN_SENDS_HOLD times, the problem becomes "the connection breaks on this
 * body", which holds it (sending the same body again will not go better).
 */
export function brokenOnBody(
  entry: OutboxEntry,
  problem: ClientProblem,
  bytes: number,
): { readonly entry: OutboxEntry; readonly problem: ClientProblem } {
  const sends = (entry.brokenSends ?? 0) + 1;
  return {
    entry: { ...entry, brokenSends: sends },
    problem:
      sends >= BROKEN_SENDS_HOLD
        ? connectionBreaksOnBody({ bytes, fields: largestFields(entry.document), sends })
        : problem,
  };
}

/**
 * The entry after a send that got no receipt: held when the refusal waits for the officer (the
 * chain's next entries are still sent), else queued for the next drain (the chain stops here).
 */
export function afterFailedSend(
  entry: OutboxEntry,
  problem: ProblemInfo,
): { entry: OutboxEntry; held: boolean } {
  const held = HOLD.has(problem.kind);
  return { entry: held ? { ...entry, state: "held", problem } : { ...entry, problem }, held };
}

/** Whether a drain that stopped on this problem stops every chain: a closed window concerns one round. */
export function stopsEveryChain(kind: ProblemKind): boolean {
  return !CHAIN_ONLY.has(kind);
}

/** Receipts (newest first) to store again without their document: all but the newest `kept`. */
export function receiptsToSlim(receipts: readonly StoredReceipt[], kept: number): StoredReceipt[] {
  return receipts.slice(kept).flatMap((r) => {
    if (!r.document) return [];
    const { document: _dropped, ...rest } = r;
    return [rest];
  });
}
