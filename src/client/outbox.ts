import { parseSubmission, type SubmissionDocument } from "../core";
import type { ApiClient, MySubmission, Receipt } from "./api";
import { contentHash, newSubmissionId } from "./hash";
import {
  asClientProblem,
  ClientProblem,
  connectionBreaksOnBody,
  transportProblems,
  type ProblemInfo,
  type ProblemKind,
} from "./problems";
import { jsonBytes, largestFields } from "./size";
import type { KeyValueStorage } from "./storage";

/**
 * The outbox: every version an officer submits is written to storage before it is sent, and
 * stays there until its receipt is stored. Closing Excel, a crash or a lost network loses nothing;
 * the next drain (on the next open) sends it again under the same id, and the server answers a
 * version it already has with the same receipt, so a retry never makes a duplicate.
 *
 * Versions of one LAO in one round form a chain, sent strictly in order. A version names the one
 * it replaces when it is first sent ("bound"), not when it is queued: it names the last
 * acknowledged version at that moment. So a second version queued while the first is still
 * unacknowledged is sent after the first is acknowledged and replaces it; and a version the
 * server refused (held) is skipped, the next one replacing the last version the server has.
 * Once bound, an entry's id, content and `replaces` never change, so resending it is always the
 * same request.
 *
 * Refusals that need the officer (a newer version on the server, an id conflict, a bad document)
 * hold the entry: it is kept, shown with its message, and only sent again, re-based or discarded
 * by an explicit call, and so does a document too large to send (the client's measure or the
 * server's 413). Problems that clear by themselves (network, server errors, rate limits, the window,
 * signing in) leave the entry queued for the next drain, with one exception: a large document whose
 * sends break the connection again and again while the server answers other requests is held,
 * since sending the same body again will not go better.
 */

export interface OutboxEntry {
  /** The client's id of this version (a UUID). */
  readonly id: string;
  /** The server's base address the entry is for. */
  readonly server: string;
  readonly round: string;
  readonly lao: string;
  /** Order in the outbox. */
  readonly seq: number;
  /** ISO time the officer submitted. */
  readonly createdAt: string;
  readonly contentHash: string;
  readonly document: SubmissionDocument;
  /** Fixed just before the first send (null: the first version); absent until then. */
  readonly replaces?: string | null;
  /** What it replaces when it is bound (see SubmitOptions); absent: "device". */
  readonly basis?: ReplaceBasis;
  /** Bound only if the server's current version is this one (0: none yet); otherwise held. */
  readonly expectVersion?: number;
  /** queued: sent by every drain; held: refused, waits for the officer. */
  readonly state: "queued" | "held";
  /** How many times it was handed to the server (each may be several HTTP attempts). */
  readonly sends: number;
  readonly lastTriedAt?: string;
  /** Why it is held, or why the last try did not get a receipt. */
  readonly problem?: ProblemInfo;
  /** Sends of this (large) entry that broke the connection while the server answered (see BROKEN_SENDS_HOLD). */
  readonly brokenSends?: number;
}

export interface StoredReceipt {
  readonly receipt: Receipt;
  /** The document acknowledged, for "what changed since" (kept for the newest few versions). */
  readonly document?: SubmissionDocument;
  readonly storedAt: string;
}

export type SubmitOutcome =
  | {
      readonly state: "acknowledged";
      readonly receipt: Receipt;
      /** The document is the same as the last acknowledged version: nothing new was sent. */
      readonly unchanged: boolean;
      readonly entry?: OutboxEntry;
    }
  | { readonly state: "queued"; readonly entry: OutboxEntry; readonly problem: ProblemInfo }
  | { readonly state: "held"; readonly entry: OutboxEntry; readonly problem: ProblemInfo };

export interface DrainReport {
  /** Receipts received in this drain, in the order sent. */
  readonly acknowledged: Receipt[];
  /** Entries still waiting (of the chains this drain looked at). */
  readonly queued: OutboxEntry[];
  readonly held: OutboxEntry[];
  /** Why the drain stopped before sending everything (signed out, unreachable, …). */
  readonly stoppedBy?: ProblemInfo;
  /** Entries of other LAOs, left for their own sign-in. */
  readonly otherLaos: number;
  /** Keys whose value could not be read; never deleted. */
  readonly unreadable: string[];
}

export type OutboxEvent =
  | { readonly type: "queued"; readonly entry: OutboxEntry }
  | { readonly type: "sending"; readonly entry: OutboxEntry }
  | {
      readonly type: "acknowledged";
      readonly entry: OutboxEntry;
      readonly receipt: Receipt;
      readonly created: boolean;
    }
  | { readonly type: "waiting"; readonly entry: OutboxEntry; readonly problem: ProblemInfo }
  | { readonly type: "held"; readonly entry: OutboxEntry; readonly problem: ProblemInfo };

export interface OutboxOptions {
  readonly storage: KeyValueStorage;
  /** The API client, signed in as the LAO whose versions are sent. */
  readonly api: ApiClient;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly onEvent?: (event: OutboxEvent) => void;
  /** How many of the newest receipts of a chain keep their document (default 3). */
  readonly documentsKept?: number;
}

/**
 * Which version a new one replaces, decided when it is first sent. "device": the last version this
 * device has a receipt for, or the server's current one when it has none, so a newer version sent
 * from another computer is never replaced unseen (the server answers 409 and the entry is held
 * until the officer chooses). "server": whatever the server has now, for a caller that has just
 * shown the officer what that is.
 */
export type ReplaceBasis = "device" | "server";

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
const BROKEN_SENDS_HOLD = 2;
/** Problems of one chain only: other chains are still sent. */
const CHAIN_ONLY: ReadonlySet<ProblemKind> = new Set(["window-closed", "window-not-open"]);

const PREFIX = "minstd.v1.";
const SEP = "|";

interface Chain {
  readonly server: string;
  readonly round: string;
  readonly lao: string;
}

const enc = encodeURIComponent;
const chainPart = (c: Chain): string => [enc(c.server), enc(c.round), enc(c.lao)].join(SEP);
const entryKey = (e: OutboxEntry): string =>
  `${PREFIX}outbox${SEP}${chainPart(e)}${SEP}${String(e.seq).padStart(16, "0")}${SEP}${enc(e.id)}`;
const receiptKey = (c: Chain, version: number): string =>
  `${PREFIX}receipt${SEP}${chainPart(c)}${SEP}${String(version).padStart(6, "0")}`;

function parseKey(key: string): { kind: "outbox" | "receipt"; chain: Chain } | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const [kind, server, round, lao] = key.slice(PREFIX.length).split(SEP);
  if ((kind !== "outbox" && kind !== "receipt") || !server || !round || !lao) return undefined;
  return {
    kind,
    chain: {
      server: decodeURIComponent(server),
      round: decodeURIComponent(round),
      lao: decodeURIComponent(lao),
    },
  };
}

/** Per chain, across every Outbox on the same storage in this process (see Outbox.locked). */
const chainLocks = new WeakMap<KeyValueStorage, Map<string, Promise<unknown>>>();

export class Outbox {
  private readonly storage: KeyValueStorage;
  private readonly api: ApiClient;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly documentsKept: number;
  private signedIn?: Promise<string | null>;

  constructor(private readonly options: OutboxOptions) {
    this.storage = options.storage;
    this.api = options.api;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? newSubmissionId;
    this.documentsKept = options.documentsKept ?? 3;
  }

  /**
   * Submits a version: writes it to the outbox, then sends everything waiting in its chain, in
   * order. Resolves with the receipt, or with why it is still queued or held (never throws for
   * a server or network problem; the entry is safe in the outbox either way).
   */
  async submit(document: SubmissionDocument, options: SubmitOptions = {}): Promise<SubmitOutcome> {
    const same = options.allowUnchanged ? undefined : await this.sameAsServer(document, options.signal);
    if (same) return { state: "acknowledged", receipt: same, unchanged: true };
    const queued = await this.enqueue(document, options);
    if (queued.state === "acknowledged") return queued;
    return this.sendChainFor(queued.entry.id, queued.entry, options.signal);
  }

  /**
   * Writes a version to the outbox without sending it. A document equal to the last version
   * waiting in the chain is that version; one equal to the last acknowledged version (with
   * nothing waiting) is acknowledged already, unless allowUnchanged.
   */
  async enqueue(
    document: SubmissionDocument,
    options: SubmitOptions = {},
  ): Promise<{ state: "queued"; entry: OutboxEntry } | Extract<SubmitOutcome, { state: "acknowledged" }>> {
    const parsed = parseSubmission(document);
    if (!parsed.ok) {
      throw new ClientProblem({
        kind: "document-invalid",
        code: "document-invalid",
        message: `เอกสารส่งข้อมูลไม่ถูกต้อง ยังไม่ได้เก็บหรือส่ง: ${parsed.problems.map((p) => p.message).join(" / ")}`,
        messageEn: `the submission document is invalid; nothing was kept or sent: ${parsed.problems.map((p) => p.messageEn).join(" / ")}`,
        details: { problems: parsed.problems },
      });
    }
    const doc = parsed.document;
    const chain: Chain = { server: this.api.server, round: doc.round, lao: doc.lao };
    const hash = await contentHash(doc);
    // Only the short queue lock: a version is written at once, even while a send of the chain
    // is waiting out a bad network (closing Excel then must not lose it).
    return this.locked("queue", chain, async () => {
      const { entries } = await this.load(chain);
      const last = entries[entries.length - 1];
      const waiting = entries.some((e) => e.state === "queued");
      if (!options.allowUnchanged && last?.contentHash === hash)
        return { state: "queued" as const, entry: last };
      if (!options.allowUnchanged && !waiting) {
        const acknowledged = (await this.receipts(chain.round, chain.lao))[0];
        if (acknowledged?.receipt.contentHash === hash)
          return { state: "acknowledged" as const, receipt: acknowledged.receipt, unchanged: true };
      }
      const now = this.now();
      const entry: OutboxEntry = {
        id: this.newId(),
        ...chain,
        seq: Math.max(now.getTime() * 1000, (last?.seq ?? 0) + 1),
        createdAt: now.toISOString(),
        contentHash: hash,
        document: doc,
        ...(!waiting && options.basis === "server" && { basis: "server" as const }),
        ...(!waiting && options.expectVersion !== undefined && { expectVersion: options.expectVersion }),
        state: "queued",
        sends: 0,
      };
      await this.write(entry);
      this.options.onEvent?.({ type: "queued", entry });
      return { state: "queued" as const, entry };
    });
  }

  /**
   * Sends everything waiting for the signed-in LAO on this server, chain by chain, in order (run it
   * on startup). Entries of other LAOs are left alone.
   */
  async drain(options: { signal?: AbortSignal } = {}): Promise<DrainReport> {
    const { chains, unreadable } = await this.chains();
    const report: Mutable<DrainReport> = { acknowledged: [], queued: [], held: [], otherLaos: 0, unreadable };
    const pending = chains.filter((c) => c.server === this.api.server && c.hasEntries);
    if (pending.length === 0) return report;
    let lao: string | null;
    try {
      lao = await this.signedInLao(options.signal);
    } catch (e) {
      const problem = asClientProblem(e).toJSON();
      for (const c of pending)
        for (const entry of (await this.load(c)).entries)
          (entry.state === "held" ? report.held : report.queued).push(entry);
      return { ...report, stoppedBy: problem };
    }
    let stopAll = false;
    for (const chain of pending) {
      if (chain.lao !== lao) {
        report.otherLaos += (await this.load(chain)).entries.length;
        continue;
      }
      if (!stopAll) {
        const result = await this.sendChain(chain, options.signal);
        report.acknowledged.push(...result.acknowledged);
        if (result.stoppedBy) {
          report.stoppedBy ??= result.stoppedBy;
          // A closed window concerns one round; anything else (network, sign-in) every chain.
          stopAll = !CHAIN_ONLY.has(result.stoppedBy.kind);
        }
      }
      const left = (await this.load(chain)).entries;
      report.queued.push(...left.filter((e) => e.state === "queued"));
      report.held.push(...left.filter((e) => e.state === "held"));
    }
    return report;
  }

  /** Everything in the outbox for this server (every LAO and round), in order. */
  async entries(filter: { round?: string; lao?: string } = {}): Promise<OutboxEntry[]> {
    const { chains } = await this.chains();
    const out: OutboxEntry[] = [];
    for (const c of chains) {
      if (c.server !== this.api.server || !c.hasEntries) continue;
      if ((filter.round && c.round !== filter.round) || (filter.lao && c.lao !== filter.lao)) continue;
      out.push(...(await this.load(c)).entries);
    }
    return out;
  }

  /** Receipts stored on this device for an LAO's round, newest version first. */
  async receipts(round: string, lao: string): Promise<StoredReceipt[]> {
    const chain = { server: this.api.server, round, lao };
    const prefix = `${PREFIX}receipt${SEP}${chainPart(chain)}${SEP}`;
    const keys = (await this.storage.getKeys())
      .filter((k) => k.startsWith(prefix))
      .sort()
      .reverse();
    const out: StoredReceipt[] = [];
    for (const key of keys) {
      const value = readJson<StoredReceipt>(await this.storage.getItem(key));
      if (value) out.push(value);
    }
    return out;
  }

  /**
   * Sends a held entry again as it is: the same id, replacing the version it named when first sent
   * (e.g. after the server was fixed). To replace whatever the server has now, use resubmit.
   */
  async retry(entryId: string, options: { signal?: AbortSignal } = {}): Promise<SubmitOutcome> {
    const entry = await this.find(entryId);
    await this.locked("send", entry, async () => {
      const held = await this.findIn(entry, entryId);
      if (!held) throw notInOutbox(entryId);
      const { state: _state, problem: _problem, ...rest } = held;
      await this.write({ ...rest, state: "queued" });
    });
    return this.sendChainFor(entryId, entry, options.signal);
  }

  /**
   * Sends a held entry's document as a new version (a new id) replacing the version the server has
   * now: the officer's answer to "a newer version is on the server" or an id conflict, after seeing
   * what the server has. The held entry is removed only once the new one is written.
   */
  async resubmit(entryId: string, options: { signal?: AbortSignal } = {}): Promise<SubmitOutcome> {
    const entry = await this.find(entryId);
    const current = await this.serverCurrent(entry, options.signal);
    const next = await this.locked("send", entry, () =>
      this.locked("queue", entry, async () => {
        const held = await this.findIn(entry, entryId);
        if (!held) throw notInOutbox(entryId);
        const { entries } = await this.load(entry);
        const now = this.now();
        const fresh: OutboxEntry = {
          id: this.newId(),
          server: held.server,
          round: held.round,
          lao: held.lao,
          seq: Math.max(now.getTime() * 1000, (entries[entries.length - 1]?.seq ?? 0) + 1),
          createdAt: now.toISOString(),
          contentHash: held.contentHash,
          document: held.document,
          replaces: current,
          state: "queued",
          sends: 0,
        };
        await this.write(fresh);
        await this.storage.removeItem(entryKey(held));
        this.options.onEvent?.({ type: "queued", entry: fresh });
        return fresh;
      }),
    );
    return this.sendChainFor(next.id, next, options.signal);
  }

  /** Removes an entry the officer chose to throw away. The only way anything leaves the outbox unsent. */
  async discard(entryId: string): Promise<OutboxEntry> {
    const entry = await this.find(entryId);
    await this.locked("send", entry, () => this.storage.removeItem(entryKey(entry)));
    return entry;
  }

  // — sending —

  private async sendChainFor(entryId: string, chain: Chain, signal?: AbortSignal): Promise<SubmitOutcome> {
    let stoppedBy: ProblemInfo | undefined;
    let receipt: Receipt | undefined;
    try {
      const lao = await this.signedInLao(signal);
      if (lao !== chain.lao) stoppedBy = wrongLao(chain.lao, lao).toJSON();
    } catch (e) {
      stoppedBy = asClientProblem(e).toJSON();
    }
    if (!stoppedBy) {
      const result = await this.sendChain(chain, signal);
      stoppedBy = result.stoppedBy;
      receipt = result.acknowledged.find((r) => r.id === entryId);
    }
    if (receipt) return { state: "acknowledged", receipt, unchanged: false };
    const entry = await this.findIn(chain, entryId);
    if (!entry) {
      // Acknowledged by a drain running at the same time: its receipt is stored.
      const stored = (await this.receipts(chain.round, chain.lao)).find((r) => r.receipt.id === entryId);
      if (stored) return { state: "acknowledged", receipt: stored.receipt, unchanged: false };
      throw notInOutbox(entryId);
    }
    if (entry.state === "held") return { state: "held", entry, problem: entry.problem! };
    const problem = stoppedBy ?? entry.problem ?? transportProblems.unreachable().toJSON();
    return { state: "queued", entry, problem };
  }

  /** Sends the chain's queued entries in order until one cannot be acknowledged now. */
  private sendChain(
    chain: Chain,
    signal?: AbortSignal,
  ): Promise<{ acknowledged: Receipt[]; stoppedBy?: ProblemInfo }> {
    return this.locked("send", chain, async () => {
      const acknowledged: Receipt[] = [];
      const { entries } = await this.load(chain);
      let last: Receipt | undefined = (await this.receipts(chain.round, chain.lao))[0]?.receipt;
      for (const queued of entries) {
        if (queued.state !== "queued") continue;
        let entry = queued;
        try {
          if (signal?.aborted) throw transportProblems.cancelled();
          if (entry.replaces === undefined) {
            entry = { ...entry, replaces: await this.bind(chain, entry, last, signal) };
            await this.write(entry);
          }
          entry = { ...entry, sends: entry.sends + 1, lastTriedAt: this.now().toISOString() };
          await this.write(entry);
          this.options.onEvent?.({ type: "sending", entry });
          const { receipt, created } = await this.api.submit(
            { id: entry.id, replaces: entry.replaces ?? null, document: entry.document },
            signal ? { signal } : {},
          );
          const mismatch = receiptMismatch(entry, receipt);
          if (mismatch) throw transportProblems.receiptMismatch(mismatch);
          await this.storeReceipt(chain, receipt, entry.document);
          await this.storage.removeItem(entryKey(entry));
          last = receipt;
          acknowledged.push(receipt);
          this.options.onEvent?.({ type: "acknowledged", entry, receipt, created });
        } catch (e) {
          let problem = asClientProblem(e);
          const broken = await this.brokenByBody(entry, problem, signal);
          if (broken) {
            entry = { ...entry, brokenSends: broken.sends };
            if (broken.sends >= BROKEN_SENDS_HOLD) problem = broken.problem;
          }
          if (HOLD.has(problem.kind)) {
            const held: OutboxEntry = { ...entry, state: "held", problem: problem.toJSON() };
            await this.write(held);
            this.options.onEvent?.({ type: "held", entry: held, problem: problem.toJSON() });
            continue;
          }
          const waiting: OutboxEntry = { ...entry, problem: problem.toJSON() };
          await this.write(waiting);
          this.options.onEvent?.({ type: "waiting", entry: waiting, problem: problem.toJSON() });
          return { acknowledged, stoppedBy: problem.toJSON() };
        }
      }
      return { acknowledged };
    });
  }

  /**
   * After a send failed: whether the connection broke on a large body while the server is there
   * (it answers a small request at once). Undefined when that is not what happened.
   */
  private async brokenByBody(
    entry: OutboxEntry,
    problem: ClientProblem,
    signal?: AbortSignal,
  ): Promise<{ sends: number; problem: ClientProblem } | undefined> {
    if (!CONNECTION_BROKE.has(problem.kind)) return undefined;
    const bytes = jsonBytes({ id: entry.id, replaces: entry.replaces ?? null, document: entry.document });
    if (bytes <= this.api.maxRequestBytes * LARGE_SHARE) return undefined;
    const answers = await this.api.health({ attempts: 1, ...(signal && { signal }) }).then(
      () => true,
      () => false,
    );
    if (!answers) return undefined;
    const sends = (entry.brokenSends ?? 0) + 1;
    return {
      sends,
      problem: connectionBreaksOnBody({ bytes, fields: largestFields(entry.document), sends }),
    };
  }

  /** The id of the server's current version of the chain (null: none yet), as the signed-in LAO sees it. */
  private async serverCurrent(chain: Chain, signal?: AbortSignal): Promise<string | null> {
    return (await this.serverSubmission(chain, signal))?.currentId ?? null;
  }

  private async serverSubmission(chain: Chain, signal?: AbortSignal): Promise<MySubmission | undefined> {
    const lao = await this.signedInLao(signal);
    if (lao !== chain.lao) throw wrongLao(chain.lao, lao);
    const mine = await this.api.mySubmissions(signal ? { signal } : {});
    return mine.find((s) => s.round === chain.round);
  }

  /** What a version first sent replaces (see ReplaceBasis); throws to hold it when the server moved on. */
  private async bind(
    chain: Chain,
    entry: OutboxEntry,
    last: Receipt | undefined,
    signal?: AbortSignal,
  ): Promise<string | null> {
    if (last && entry.basis !== "server" && entry.expectVersion === undefined) return last.id;
    const current = await this.serverSubmission(chain, signal);
    if (entry.expectVersion !== undefined && (current?.version ?? 0) !== entry.expectVersion)
      throw unexpectedVersion(entry.expectVersion, current);
    return entry.basis === "server" || !last ? (current?.currentId ?? null) : last.id;
  }

  /**
   * The receipt of the server's current version when it holds exactly this document and nothing of
   * the chain waits here (then nothing new is sent); undefined otherwise, or when the server can't
   * be asked now (the version is then kept and sent as usual).
   */
  private async sameAsServer(
    document: SubmissionDocument,
    signal?: AbortSignal,
  ): Promise<Receipt | undefined> {
    const parsed = parseSubmission(document);
    if (!parsed.ok) return undefined;
    const chain: Chain = { server: this.api.server, round: parsed.document.round, lao: parsed.document.lao };
    if ((await this.load(chain)).entries.length > 0) return undefined;
    try {
      const current = await this.serverSubmission(chain, signal);
      if (!current || current.state === "returned") return undefined;
      const hash = await contentHash(parsed.document);
      const receipt = (await this.api.myReceipts(chain.round, signal ? { signal } : {})).find(
        (r) => r.id === current.currentId,
      );
      if (receipt?.contentHash !== hash) return undefined;
      // This device has now seen the server's version: later versions from here replace it.
      await this.storeReceipt(chain, receipt, parsed.document);
      return receipt;
    } catch {
      return undefined;
    }
  }

  /** The LAO the API client is signed in as (asked once per Outbox; a failure is asked again). */
  private signedInLao(signal?: AbortSignal): Promise<string | null> {
    this.signedIn ??= this.api.me(signal ? { signal } : {}).then(
      (me) => me.lao?.code ?? null,
      (e: unknown) => {
        this.signedIn = undefined;
        throw e;
      },
    );
    return this.signedIn;
  }

  // — storage —

  private async storeReceipt(chain: Chain, receipt: Receipt, document: SubmissionDocument): Promise<void> {
    const stored: StoredReceipt = { receipt, document, storedAt: this.now().toISOString() };
    await this.storage.setItem(receiptKey(chain, receipt.version), JSON.stringify(stored));
    const older = (await this.receipts(chain.round, chain.lao)).slice(this.documentsKept);
    for (const r of older) {
      if (!r.document) continue;
      const { document: _dropped, ...rest } = r;
      await this.storage.setItem(receiptKey(chain, r.receipt.version), JSON.stringify(rest));
    }
  }

  private async write(entry: OutboxEntry): Promise<void> {
    await this.storage.setItem(entryKey(entry), JSON.stringify(entry));
  }

  private async load(chain: Chain): Promise<{ entries: OutboxEntry[] }> {
    const prefix = `${PREFIX}outbox${SEP}${chainPart(chain)}${SEP}`;
    const keys = (await this.storage.getKeys()).filter((k) => k.startsWith(prefix)).sort();
    const entries: OutboxEntry[] = [];
    for (const key of keys) {
      const entry = readJson<OutboxEntry>(await this.storage.getItem(key));
      if (entry) entries.push(entry);
    }
    return { entries };
  }

  private async chains(): Promise<{ chains: Array<Chain & { hasEntries: boolean }>; unreadable: string[] }> {
    const found = new Map<string, Chain & { hasEntries: boolean }>();
    const unreadable: string[] = [];
    for (const key of (await this.storage.getKeys()).sort()) {
      const parsed = parseKey(key);
      if (!parsed) {
        if (key.startsWith(`${PREFIX}outbox${SEP}`) || key.startsWith(`${PREFIX}receipt${SEP}`))
          unreadable.push(key);
        continue;
      }
      const id = chainPart(parsed.chain);
      const chain = found.get(id) ?? { ...parsed.chain, hasEntries: false };
      if (parsed.kind === "outbox") chain.hasEntries = true;
      found.set(id, chain);
    }
    return { chains: [...found.values()], unreadable };
  }

  private async find(entryId: string): Promise<OutboxEntry> {
    const entry = (await this.entries()).find((e) => e.id === entryId);
    if (!entry) throw notInOutbox(entryId);
    return entry;
  }

  private async findIn(chain: Chain, entryId: string): Promise<OutboxEntry | undefined> {
    return (await this.load(chain)).entries.find((e) => e.id === entryId);
  }

  /**
   * Runs fn alone for the chain: "send" while versions are sent (long: it waits out the network),
   * "queue" while one is written (short). A send may take the queue lock inside, never the reverse.
   */
  private locked<T>(kind: "send" | "queue", chain: Chain, fn: () => Promise<T>): Promise<T> {
    let locks = chainLocks.get(this.storage);
    if (!locks) chainLocks.set(this.storage, (locks = new Map()));
    const key = `${kind}${SEP}${chainPart(chain)}`;
    const before = locks.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    locks.set(key, settled);
    void settled.then(() => {
      if (locks.get(key) === settled) locks.delete(key);
    });
    return run;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function readJson<T>(text: string | null): T | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function receiptMismatch(entry: OutboxEntry, receipt: Receipt): string | undefined {
  if (receipt.id !== entry.id) return `id ${receipt.id} ≠ ${entry.id}`;
  if (receipt.contentHash !== entry.contentHash)
    return `content hash ${receipt.contentHash} ≠ ${entry.contentHash}`;
  if (receipt.round !== entry.round || receipt.lao !== entry.lao)
    return `round/LAO ${receipt.round}/${receipt.lao}`;
  if ((receipt.replaces ?? null) !== (entry.replaces ?? null))
    return `replaces ${receipt.replaces} ≠ ${entry.replaces}`;
  return undefined;
}

function wrongLao(wanted: string, signedIn: string | null): ClientProblem {
  return new ClientProblem({
    kind: "wrong-lao",
    code: "not-your-lao",
    message: signedIn
      ? `ลงชื่อเข้าใช้ไว้เป็น อปท. รหัส ${signedIn} แต่ข้อมูลนี้เป็นของ อปท. รหัส ${wanted} — ลงชื่อเข้าใช้ด้วยรหัสเข้าใช้งานของ อปท. ${wanted} ข้อมูลยังเก็บไว้ในเครื่องนี้`
      : `ผู้ใช้ที่ลงชื่อเข้าใช้ไว้ไม่ใช่เจ้าหน้าที่ อปท. — ลงชื่อเข้าใช้ด้วยรหัสเข้าใช้งานของ อปท. ${wanted} ข้อมูลยังเก็บไว้ในเครื่องนี้`,
    messageEn: `signed in as ${signedIn ? `LAO ${signedIn}` : "a user who is not an LAO officer"}, but this data belongs to LAO ${wanted} — sign in with that LAO's access code; the data is kept on this computer`,
    details: { lao: wanted, signedIn },
  });
}

function unexpectedVersion(expected: number, current: MySubmission | undefined): ClientProblem {
  const has = current ? `ฉบับที่ ${current.version} (ใบรับ ${current.receiptNumber})` : "ยังไม่มีฉบับใด";
  const hasEn = current ? `version ${current.version} (receipt ${current.receiptNumber})` : "no version";
  return new ClientProblem({
    kind: "newer-version",
    code: "unexpected-version",
    message: `เครื่องแม่ข่ายมี${has} ไม่ใช่ฉบับที่ ${expected} ที่เห็นก่อนส่ง — อาจมีการส่งจากเครื่องอื่นในระหว่างนี้ ตรวจดูฉบับล่าสุดก่อน ข้อมูลนี้ยังเก็บไว้ในเครื่องนี้`,
    messageEn: `the server has ${hasEn}, not version ${expected} as seen before sending — perhaps sent meanwhile from another computer; look at the latest version first; this data is kept on this computer`,
    details: { expected, current: current ?? null },
  });
}

function notInOutbox(entryId: string): ClientProblem {
  return new ClientProblem({
    kind: "not-found",
    code: "not-in-outbox",
    message: `ไม่มีรายการ ${entryId} ในรายการรอส่งของเครื่องนี้`,
    messageEn: `entry ${entryId} is not in this computer's outbox`,
  });
}
