import { withEnglish } from "../i18n/problems";
import { parseSubmission, type SubmissionDocument } from "../core";
import type { ApiClient, MySubmission, Receipt } from "./api";
import { withLock } from "./chainLock";
import { contentHash, newSubmissionId } from "./hash";
import type { Chain, OutboxEntry, StoredReceipt } from "./outboxEntry";
import { notInOutbox, wrongLao } from "./outboxProblems";
import { chainId, OutboxStore } from "./outboxStore";
import { asClientProblem, ClientProblem, transportProblems, type ProblemInfo } from "./problems";
import { jsonBytes } from "./size";
import type { KeyValueStorage } from "./storage";
import {
  afterFailedSend,
  bindOnDevice,
  bindOnServer,
  brokenOnBody,
  comparesWithServer,
  isConnectionFailure,
  isLargeBody,
  mayBeAcknowledged,
  newEntry,
  receiptMismatch,
  receiptsToSlim,
  sameAsLastEntry,
  serverVersionStands,
  stopsEveryChain,
  type SubmitOptions,
} from "./submissionProtocol";

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
 *
 * The parts: the store (outboxStore.ts) keeps entries and receipts, the lock (chainLock.ts) keeps
 * a chain's sends in order, the protocol (submissionProtocol.ts) decides; this class reads, asks
 * the server and writes as the protocol decides.
 */

export type { OutboxEntry, ReplaceBasis, StoredReceipt } from "./outboxEntry";
export type { SubmitOptions } from "./submissionProtocol";

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

export class Outbox {
  private readonly store: OutboxStore;
  private readonly api: ApiClient;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly documentsKept: number;
  private signedIn?: Promise<string | null>;

  constructor(private readonly options: OutboxOptions) {
    this.store = new OutboxStore(options.storage);
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
    const same = await this.sameAsServer(document, options);
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
      const found = parsed.problems.map(withEnglish);
      throw new ClientProblem({
        kind: "document-invalid",
        code: "document-invalid",
        message: `เอกสารส่งข้อมูลไม่ถูกต้อง ยังไม่ได้เก็บหรือส่ง: ${found.map((p) => p.message).join(" / ")}`,
        messageEn: `the submission document is invalid; nothing was kept or sent: ${found.map((p) => p.messageEn).join(" / ")}`,
        details: { problems: found },
      });
    }
    const doc = parsed.document;
    const chain: Chain = { server: this.api.server, round: doc.round, lao: doc.lao };
    const hash = await contentHash(doc);
    // Only the short queue lock: a version is written at once, even while a send of the chain
    // is waiting out a bad network (closing Excel then must not lose it).
    return this.locked("queue", chain, async () => {
      const entries = await this.store.entries(chain);
      const same = sameAsLastEntry(entries, hash, options);
      if (same) return { state: "queued" as const, entry: same };
      if (mayBeAcknowledged(entries, options)) {
        const acknowledged = (await this.store.receipts(chain))[0];
        if (acknowledged?.receipt.contentHash === hash)
          return { state: "acknowledged" as const, receipt: acknowledged.receipt, unchanged: true };
      }
      const entry = newEntry({
        id: this.newId(),
        chain,
        now: this.now(),
        entries,
        contentHash: hash,
        document: doc,
        options,
      });
      await this.store.writeEntry(entry);
      this.options.onEvent?.({ type: "queued", entry });
      return { state: "queued" as const, entry };
    });
  }

  /**
   * Sends everything waiting for the signed-in LAO on this server, chain by chain, in order (run it
   * on startup). Entries of other LAOs are left alone.
   */
  async drain(options: { signal?: AbortSignal } = {}): Promise<DrainReport> {
    const { chains, unreadable } = await this.store.chains();
    const report: Mutable<DrainReport> = { acknowledged: [], queued: [], held: [], otherLaos: 0, unreadable };
    const pending = chains.filter((c) => c.server === this.api.server && c.hasEntries);
    if (pending.length === 0) return report;
    let lao: string | null;
    try {
      lao = await this.signedInLao(options.signal);
    } catch (e) {
      const problem = asClientProblem(e).toJSON();
      for (const c of pending)
        for (const entry of await this.store.entries(c))
          (entry.state === "held" ? report.held : report.queued).push(entry);
      return { ...report, stoppedBy: problem };
    }
    let stopAll = false;
    for (const chain of pending) {
      if (chain.lao !== lao) {
        report.otherLaos += (await this.store.entries(chain)).length;
        continue;
      }
      if (!stopAll) {
        const result = await this.sendChain(chain, options.signal);
        report.acknowledged.push(...result.acknowledged);
        if (result.stoppedBy) {
          report.stoppedBy ??= result.stoppedBy;
          stopAll = stopsEveryChain(result.stoppedBy.kind);
        }
      }
      const left = await this.store.entries(chain);
      report.queued.push(...left.filter((e) => e.state === "queued"));
      report.held.push(...left.filter((e) => e.state === "held"));
    }
    return report;
  }

  /** Everything in the outbox for this server (every LAO and round), in order. */
  async entries(filter: { round?: string; lao?: string } = {}): Promise<OutboxEntry[]> {
    const { chains } = await this.store.chains();
    const out: OutboxEntry[] = [];
    for (const c of chains) {
      if (c.server !== this.api.server || !c.hasEntries) continue;
      if ((filter.round && c.round !== filter.round) || (filter.lao && c.lao !== filter.lao)) continue;
      out.push(...(await this.store.entries(c)));
    }
    return out;
  }

  /** Receipts stored on this device for an LAO's round, newest version first. */
  async receipts(round: string, lao: string): Promise<StoredReceipt[]> {
    return this.store.receipts({ server: this.api.server, round, lao });
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
      await this.store.writeEntry({ ...rest, state: "queued" });
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
    const current = (await this.serverSubmission(entry, options.signal))?.currentId ?? null;
    const next = await this.locked("send", entry, () =>
      this.locked("queue", entry, async () => {
        const held = await this.findIn(entry, entryId);
        if (!held) throw notInOutbox(entryId);
        const fresh = newEntry({
          id: this.newId(),
          chain: held,
          now: this.now(),
          entries: await this.store.entries(entry),
          contentHash: held.contentHash,
          document: held.document,
          replaces: current,
        });
        await this.store.writeEntry(fresh);
        await this.store.removeEntry(held);
        this.options.onEvent?.({ type: "queued", entry: fresh });
        return fresh;
      }),
    );
    return this.sendChainFor(next.id, next, options.signal);
  }

  /** Removes an entry the officer chose to throw away. The only way anything leaves the outbox unsent. */
  async discard(entryId: string): Promise<OutboxEntry> {
    const entry = await this.find(entryId);
    await this.locked("send", entry, () => this.store.removeEntry(entry));
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
      const stored = (await this.store.receipts(chain)).find((r) => r.receipt.id === entryId);
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
      const entries = await this.store.entries(chain);
      let last: Receipt | undefined = (await this.store.receipts(chain))[0]?.receipt;
      for (const queued of entries) {
        if (queued.state !== "queued") continue;
        let entry = queued;
        try {
          if (signal?.aborted) throw transportProblems.cancelled();
          if (entry.replaces === undefined) {
            entry = { ...entry, replaces: await this.bind(chain, entry, last, signal) };
            await this.store.writeEntry(entry);
          }
          entry = { ...entry, sends: entry.sends + 1, lastTriedAt: this.now().toISOString() };
          await this.store.writeEntry(entry);
          this.options.onEvent?.({ type: "sending", entry });
          const { receipt, created } = await this.api.submit(
            { id: entry.id, replaces: entry.replaces ?? null, document: entry.document },
            signal ? { signal } : {},
          );
          const mismatch = receiptMismatch(entry, receipt);
          if (mismatch) throw transportProblems.receiptMismatch(mismatch);
          await this.storeReceipt(chain, receipt, entry.document);
          await this.store.removeEntry(entry);
          last = receipt;
          acknowledged.push(receipt);
          this.options.onEvent?.({ type: "acknowledged", entry, receipt, created });
        } catch (e) {
          let problem = asClientProblem(e);
          const broken = await this.brokenByBody(entry, problem, signal);
          if (broken) ({ entry, problem } = broken);
          const failed = afterFailedSend(entry, problem.toJSON());
          await this.store.writeEntry(failed.entry);
          if (failed.held) {
            this.options.onEvent?.({ type: "held", entry: failed.entry, problem: problem.toJSON() });
            continue;
          }
          this.options.onEvent?.({ type: "waiting", entry: failed.entry, problem: problem.toJSON() });
          return { acknowledged, stoppedBy: problem.toJSON() };
        }
      }
      return { acknowledged };
    });
  }

  /**
   * After a send failed: whether the connection broke on a large body while the server is there
   * (it answers a small request at once); then the entry counts it, and the problem may hold it.
   * Undefined when that is not what happened.
   */
  private async brokenByBody(
    entry: OutboxEntry,
    problem: ClientProblem,
    signal?: AbortSignal,
  ): Promise<{ entry: OutboxEntry; problem: ClientProblem } | undefined> {
    if (!isConnectionFailure(problem.kind)) return undefined;
    const bytes = jsonBytes({ id: entry.id, replaces: entry.replaces ?? null, document: entry.document });
    if (!isLargeBody(bytes, this.api.maxRequestBytes)) return undefined;
    const answers = await this.api.health({ attempts: 1, ...(signal && { signal }) }).then(
      () => true,
      () => false,
    );
    if (!answers) return undefined;
    return brokenOnBody(entry, problem, bytes);
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
    const onDevice = bindOnDevice(entry, last);
    if (onDevice !== undefined) return onDevice;
    const bound = bindOnServer(entry, last, await this.serverSubmission(chain, signal));
    if ("hold" in bound) throw bound.hold;
    return bound.replaces;
  }

  /**
   * The receipt of the server's current version when it holds exactly this document and nothing of
   * the chain waits here (then nothing new is sent); undefined otherwise, or when the server can't
   * be asked now (the version is then kept and sent as usual).
   */
  private async sameAsServer(
    document: SubmissionDocument,
    options: SubmitOptions,
  ): Promise<Receipt | undefined> {
    const parsed = parseSubmission(document);
    if (!parsed.ok) return undefined;
    const chain: Chain = { server: this.api.server, round: parsed.document.round, lao: parsed.document.lao };
    if (!comparesWithServer(options, await this.store.entries(chain))) return undefined;
    const { signal } = options;
    try {
      const current = await this.serverSubmission(chain, signal);
      if (!serverVersionStands(current)) return undefined;
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

  /** Stores a receipt with its document; older receipts of the chain keep only the newest few documents. */
  private async storeReceipt(chain: Chain, receipt: Receipt, document: SubmissionDocument): Promise<void> {
    await this.store.writeReceipt(chain, { receipt, document, storedAt: this.now().toISOString() });
    for (const slim of receiptsToSlim(await this.store.receipts(chain), this.documentsKept))
      await this.store.writeReceipt(chain, slim);
  }

  private async find(entryId: string): Promise<OutboxEntry> {
    const entry = (await this.entries()).find((e) => e.id === entryId);
    if (!entry) throw notInOutbox(entryId);
    return entry;
  }

  private async findIn(chain: Chain, entryId: string): Promise<OutboxEntry | undefined> {
    return (await this.store.entries(chain)).find((e) => e.id === entryId);
  }

  /**
   * Runs fn alone for the chain, across every Outbox on the same storage: "send" while versions are
   * sent (long: it waits out the network), "queue" while one is written (short). A send may take
   * the queue lock inside, never the reverse.
   */
  private locked<T>(kind: "send" | "queue", chain: Chain, fn: () => Promise<T>): Promise<T> {
    return withLock(this.store.storage, `${kind}|${chainId(chain)}`, fn);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
