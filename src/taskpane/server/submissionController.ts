import {
  Outbox,
  receiptSheet,
  TRANSIENT_KINDS,
  type ApiClient,
  type AttemptEvent,
  type MySubmission,
  type OutboxEntry,
  type OutboxEvent,
  type ProblemInfo,
  type Receipt,
  type ReceiptContext,
  type ReturnComments,
} from "../../client";
import { asClientProblem } from "../../client/problems";
import type { KeyValueStorage } from "../../client/storage";
import type { SubmissionDocument } from "../../core";
import type { CellNote, CellRef, WorkbookPort } from "../workbookPort";

/**
 * The submission of one LAO's round from this workbook: sending through the outbox (kept in the
 * add-in's storage until acknowledged), what the server has (versions, receipts, the province's
 * returns), and the workbook's receipt sheet and return notes kept in step with it. A store for
 * React's useSyncExternalStore: every change makes a new snapshot.
 */

/** The server's current version of this LAO's round (GET /me/submissions). */
export type ServerState = Readonly<Omit<MySubmission, "round">>;

export type SubmitResult =
  | { readonly kind: "acknowledged"; readonly receipt: Receipt; readonly unchanged: boolean }
  | { readonly kind: "queued"; readonly problem: ProblemInfo }
  | { readonly kind: "held"; readonly problem: ProblemInfo }
  | { readonly kind: "refused"; readonly problem: ProblemInfo };

export interface Progress {
  readonly step: "saving" | "sending" | "waiting" | "writing-receipt";
  /** The HTTP attempt that failed, when waiting to try again. */
  readonly attempt?: number;
  readonly waitMs?: number;
  readonly problem?: ProblemInfo;
}

export interface SubmissionSnapshot {
  /** The first look at the server (and the drain of what waits) is still under way. */
  readonly loading: boolean;
  /** The server's current version; null: nothing sent yet; undefined: not known (offline). */
  readonly server: ServerState | null | undefined;
  /** Every receipt known (the server's and this computer's), newest version first. */
  readonly receipts: readonly Receipt[];
  /** The province's return of the current version, when it is returned. */
  readonly returned: ReturnComments | undefined;
  /** The last acknowledged version's document, for "what changed"; null when none was sent. */
  readonly lastDocument: SubmissionDocument | null | undefined;
  /** Versions kept on this computer, not acknowledged yet, waiting to be sent. */
  readonly waiting: readonly OutboxEntry[];
  /** Versions the server refused, kept until the officer decides. */
  readonly held: readonly OutboxEntry[];
  readonly progress: Progress | undefined;
  readonly result: SubmitResult | undefined;
  /** Why the server could not be asked (offline, signed out, …). */
  readonly problem: ProblemInfo | undefined;
  /** The receipt sheet could not be written (the receipt itself is safe on the server and here). */
  readonly sheetProblem: unknown;
  /** The name of the receipt sheet written last. */
  readonly receiptSheetName: string | undefined;
  /** The round's window for this LAO as the server has it (an extension included); undefined when not known. */
  readonly window: ServerWindow | undefined;
}

export interface ServerWindow {
  readonly opens: string;
  readonly closes: string;
  /** The province extended the window for this LAO. */
  readonly extended: boolean;
}

export interface SubmissionControllerOptions {
  /** The signed-in client, reporting each HTTP attempt to the controller (for the progress shown). */
  readonly api: (onAttempt: (event: AttemptEvent) => void) => ApiClient;
  readonly storage: KeyValueStorage;
  readonly round: string;
  readonly lao: string;
  readonly port: Pick<WorkbookPort, "writeReceiptSheet" | "showReturnNotes">;
  /** The cell where an indicator's comment goes (its first input cell). */
  readonly cellOf: (indicatorId: string) => CellRef | undefined;
  readonly receiptContext: ReceiptContext;
  /** Called when the server no longer accepts this device's token. */
  readonly onSignedOut?: () => void;
  /** How often what waits is tried again while there is any (default 60 s); 0: never by itself. */
  readonly retryEveryMs?: number;
}

const EMPTY: SubmissionSnapshot = {
  loading: true,
  server: undefined,
  receipts: [],
  returned: undefined,
  lastDocument: undefined,
  waiting: [],
  held: [],
  progress: undefined,
  result: undefined,
  problem: undefined,
  sheetProblem: undefined,
  receiptSheetName: undefined,
  window: undefined,
};

export class SubmissionController {
  private snapshot: SubmissionSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly outbox: Outbox;
  private readonly api: ApiClient;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  private notesShown: string | undefined;
  private readonly onOnline = (): void => void this.sendWaiting();
  /** One send or refresh at a time; the next waits for the one before. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SubmissionControllerOptions) {
    this.api = options.api((event) => this.onAttempt(event));
    this.outbox = new Outbox({
      storage: options.storage,
      api: this.api,
      onEvent: (e) => this.onOutboxEvent(e),
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SubmissionSnapshot => this.snapshot;

  /** Sends what waits from earlier sessions, then looks at the server. Call once, when the pane opens. */
  start(): Promise<void> {
    const every = this.options.retryEveryMs ?? 60_000;
    if (every > 0)
      this.timer = setInterval(() => {
        if (this.snapshot.waiting.length > 0 && !this.snapshot.progress) void this.sendWaiting();
      }, every);
    globalThis.addEventListener?.("online", this.onOnline);
    return this.sendWaiting();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    globalThis.removeEventListener?.("online", this.onOnline);
    this.listeners.clear();
  }

  /** Sends everything waiting on this computer for this LAO, then refreshes. */
  sendWaiting(): Promise<void> {
    return this.serial(async () => {
      const before = this.snapshot.receipts[0]?.version ?? 0;
      try {
        const report = await this.outbox.drain();
        if (report.stoppedBy) this.checkSignedOut(report.stoppedBy);
        await this.refresh(report.stoppedBy);
        if (report.acknowledged.some((r) => r.round === this.options.round && r.version > before))
          await this.writeReceiptSheet();
      } finally {
        this.set({ progress: undefined });
      }
    });
  }

  /** Submits the workbook's document as the next version. */
  submit(document: SubmissionDocument): Promise<SubmitResult> {
    return this.serial(async () => {
      this.set({ progress: { step: "saving" }, result: undefined, sheetProblem: undefined });
      let result: SubmitResult;
      try {
        const outcome = await this.outbox.submit(document, {
          // Sending a returned version again unchanged is how an officer says "the data was right".
          allowUnchanged: this.snapshot.server?.state === "returned",
        });
        result =
          outcome.state === "acknowledged"
            ? { kind: "acknowledged", receipt: outcome.receipt, unchanged: outcome.unchanged }
            : { kind: outcome.state, problem: outcome.problem };
      } catch (e) {
        result = { kind: "refused", problem: problemOf(e) };
      }
      if (result.kind !== "acknowledged") this.checkSignedOut(result.problem);
      this.set({ result });
      await this.refresh();
      if (result.kind === "acknowledged" && !result.unchanged) {
        this.set({ progress: { step: "writing-receipt" } });
        await this.writeReceiptSheet(result.receipt);
      }
      this.set({ progress: undefined });
      return result;
    });
  }

  /** A held version, sent again as it was. */
  retry(entryId: string): Promise<void> {
    return this.act(() => this.outbox.retry(entryId));
  }

  /** A held version, sent as a new version replacing whatever the server has now. */
  resubmit(entryId: string): Promise<void> {
    return this.act(() => this.outbox.resubmit(entryId));
  }

  /** Throws a held version away (the officer chose to). */
  discard(entryId: string): Promise<void> {
    return this.serial(async () => {
      await this.outbox.discard(entryId);
      await this.refresh();
    });
  }

  /** Looks at the server again. */
  reload(): Promise<void> {
    return this.serial(async () => {
      this.set({ result: undefined });
      await this.refresh();
    });
  }

  /** Writes the receipt sheet again (e.g. after it failed). */
  rewriteReceiptSheet(): Promise<void> {
    return this.serial(() => this.writeReceiptSheet());
  }

  // — inside —

  private act(
    run: () => Promise<{ state: string; receipt?: Receipt; problem?: ProblemInfo }>,
  ): Promise<void> {
    return this.serial(async () => {
      this.set({ progress: { step: "sending" }, result: undefined });
      let result: SubmitResult;
      try {
        const outcome = await run();
        result =
          outcome.state === "acknowledged"
            ? { kind: "acknowledged", receipt: outcome.receipt!, unchanged: false }
            : { kind: outcome.state as "queued" | "held", problem: outcome.problem! };
      } catch (e) {
        result = { kind: "refused", problem: problemOf(e) };
      }
      this.set({ result });
      await this.refresh();
      if (result.kind === "acknowledged") await this.writeReceiptSheet(result.receipt);
      this.set({ progress: undefined });
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private onAttempt(event: AttemptEvent): void {
    if (event.path !== "/submissions" || !this.snapshot.progress) return;
    if (event.waitMs !== undefined && event.problem)
      this.set({
        progress: { step: "waiting", attempt: event.attempt, waitMs: event.waitMs, problem: event.problem },
      });
  }

  private onOutboxEvent(event: OutboxEvent): void {
    if (event.entry.round !== this.options.round || event.entry.lao !== this.options.lao) return;
    if (event.type === "sending") this.set({ progress: { step: "sending" } });
  }

  /** What the server and this computer know of the submission; the notes follow the returns. */
  private async refresh(known?: ProblemInfo): Promise<void> {
    const { round, lao } = this.options;
    const local = await this.outbox.receipts(round, lao);
    const entries = await this.outbox.entries({ round, lao });
    const waiting = entries.filter((e) => e.state === "queued");
    const held = entries.filter((e) => e.state === "held");
    let server: ServerState | null | undefined;
    let window = this.snapshot.window;
    let fromServer: Receipt[] = [];
    let returns: ReturnComments[] = [];
    let problem = known && TRANSIENT_KINDS.has(known.kind) ? known : undefined;
    if (!problem) {
      try {
        const mine = (await this.api.mySubmissions({ attempts: 2 })).find((s) => s.round === round);
        server = mine
          ? {
              state: mine.state,
              version: mine.version,
              currentId: mine.currentId,
              receiptNumber: mine.receiptNumber,
            }
          : null;
        const info = (await this.api.rounds({ attempts: 2 })).find((r) => r.id === round)?.window;
        if (info) window = { opens: info.opens, closes: info.closes, extended: info.extended === true };
        if (mine) {
          fromServer = await this.api.myReceipts(round, { attempts: 2 });
          if (mine.state === "returned") returns = await this.api.myComments(round, { attempts: 2 });
        }
      } catch (e) {
        problem = problemOf(e);
        this.checkSignedOut(problem);
      }
    }
    const receipts = mergeReceipts(
      fromServer,
      local.map((s) => s.receipt),
    );
    const returned =
      server?.state === "returned" ? returns.find((r) => r.version === server.version) : undefined;
    const newest = receipts[0];
    let lastDocument: SubmissionDocument | null | undefined =
      newest === undefined
        ? server === undefined
          ? undefined
          : null
        : local.find((s) => s.receipt.version === newest.version)?.document;
    if (lastDocument === undefined && newest && server !== undefined) {
      try {
        const all = await this.api.submissionOf(lao, round, { attempts: 2 });
        const doc = all.versions.find((v) => v.version === newest.version)?.document;
        if (doc) lastDocument = doc as SubmissionDocument;
      } catch {
        // The preview then says it cannot compare; sending is not affected.
      }
    }
    this.set({
      loading: false,
      server,
      receipts,
      returned,
      lastDocument,
      waiting,
      held,
      problem,
      window,
    });
    if (server !== undefined) await this.showNotes(returned);
  }

  private async showNotes(returned: ReturnComments | undefined): Promise<void> {
    const notes: CellNote[] = [];
    for (const [id, text] of Object.entries(returned?.comments ?? {})) {
      const cell = this.options.cellOf(id);
      if (cell) notes.push({ ...cell, text: `${id}: ${text}` });
    }
    const signature = JSON.stringify(notes);
    if (signature === this.notesShown) return;
    try {
      await this.options.port.showReturnNotes(notes);
      this.notesShown = signature;
    } catch {
      // The comments are in the pane all the same; the notes are tried again with the next refresh.
    }
  }

  private async writeReceiptSheet(latest?: Receipt): Promise<void> {
    const receipts = latest ? mergeReceipts([latest], this.snapshot.receipts) : this.snapshot.receipts;
    if (receipts.length === 0) return;
    try {
      const name = await this.options.port.writeReceiptSheet(
        receiptSheet(receipts, this.options.receiptContext),
      );
      this.set({ receiptSheetName: name, sheetProblem: undefined });
    } catch (e) {
      this.set({ sheetProblem: e });
    }
  }

  private checkSignedOut(problem: ProblemInfo): void {
    if (problem.kind === "signed-out") this.options.onSignedOut?.();
  }

  private set(change: Partial<SubmissionSnapshot>): void {
    if (this.stopped) return;
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of [...this.listeners]) listener();
  }
}

/** One receipt per version (the server's when both have it), newest first. */
function mergeReceipts(first: readonly Receipt[], second: readonly Receipt[]): Receipt[] {
  const byVersion = new Map<number, Receipt>();
  for (const r of [...second, ...first]) byVersion.set(r.version, r);
  return [...byVersion.values()].sort((a, b) => b.version - a.version);
}

const problemOf = (e: unknown): ProblemInfo => asClientProblem(e).toJSON();
