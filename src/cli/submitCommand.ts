import { join } from "node:path";
import {
  ApiClient,
  ClientProblem,
  contentHash,
  documentProblems,
  Outbox,
  parseServerUrl,
  receiptLines,
  TRANSIENT_KINDS,
  type AttemptEvent,
  type DrainReport,
  type OutboxEntry,
  type ProblemInfo,
  type Receipt,
} from "../client";
import { cellReference, laoDisplayName, type Round } from "../core";
import { loadRegister, resolveRound } from "../dataFiles";
import { FileStorage } from "./fileStorage";
import { userDirs } from "./userDirs";
import { inspectFile, printCheck, type InspectedFile } from "./checkCommand";
import { json, padEnd, UsageError, type Lang, type Output } from "./output";
import { TokenCache } from "./tokenCache";

/**
 * `minstd submit FILE.xlsx --server URL`: sends a collection workbook (e.g. one received by email)
 * the way the task pane does: the same checks as `minstd check` first, then the outbox, retries
 * and receipt of the submission client. `minstd submit --server URL` alone sends what is waiting.
 *
 * Sign-in: MINSTD_TOKEN, or a one-time code (--code or MINSTD_ACCESS_CODE) redeemed for a device
 * token that is kept in the user's config folder (0600; --no-save-token keeps nothing and signs
 * out at the end), or the token kept from an earlier code. Nothing is ever written into the
 * workbook or next to it.
 *
 * Exit codes: 0 acknowledged (or unchanged), 1 refused (the data or the server), 2 usage,
 * 3 queued: kept in the outbox, not acknowledged yet.
 */

export const EXIT_QUEUED = 3;

export interface SubmitCommandOptions {
  readonly server?: string;
  readonly code?: string;
  readonly json?: boolean;
  readonly expectVersion?: string;
  readonly replaceLatest?: boolean;
  /** false with --no-save-token. */
  readonly saveToken?: boolean;
  readonly device?: string;
  /** Drain mode: remove this held entry from the outbox. */
  readonly discard?: string;
  /** Attempts per request before a version is left in the outbox (default 6). */
  readonly attempts?: string;
}

interface Session {
  readonly api: ApiClient;
  readonly source: "env" | "code" | "cache";
  /** The LAO the token belongs to, when known. */
  readonly lao?: string;
}

class Run {
  readonly say: (th: string, en: string) => string;
  readonly server: string;
  readonly cache: TokenCache;
  readonly storage: FileStorage;
  readonly outboxDir: string;
  private readonly sessions = new Map<string, Session>();
  private attempts?: number;

  constructor(
    readonly opts: SubmitCommandOptions,
    readonly lang: Lang,
    readonly io: Output,
    readonly env: NodeJS.ProcessEnv,
  ) {
    this.say = (th, en) => (lang === "en" ? en : th);
    const typed = opts.server ?? env.MINSTD_SERVER;
    if (!typed)
      throw new UsageError(
        "ระบุที่อยู่เครื่องแม่ข่าย เช่น --server https://minstd.example.go.th (หรือ MINSTD_SERVER) / give --server URL (or MINSTD_SERVER)",
      );
    const url = parseServerUrl(typed);
    if (!url.ok) throw new UsageError(`${url.message} / ${url.messageEn}`);
    this.server = url.base;
    if (url.insecure)
      this.note(
        "คำเตือน: เครื่องแม่ข่ายนี้ใช้ http ไม่เข้ารหัส โทเค็นและข้อมูลจะส่งผ่านเครือข่ายโดยไม่เข้ารหัส",
        "warning: this server uses plain http; the token and data cross the network unencrypted",
      );
    const dirs = userDirs(env);
    this.cache = TokenCache.in(dirs.config);
    this.outboxDir = join(dirs.state, "outbox");
    this.storage = new FileStorage(this.outboxDir);
    if (opts.attempts !== undefined) {
      const n = Number(opts.attempts);
      if (!Number.isInteger(n) || n < 1 || n > 20)
        throw new UsageError(`--attempts ต้องเป็น 1–20 / --attempts must be 1–20`);
      this.attempts = n;
    }
  }

  /** Progress and notices go to stderr, so stdout holds only the result. */
  note(th: string, en: string): void {
    if (!this.opts.json) this.io.err(this.say(th, en));
  }

  api(token: string | null): ApiClient {
    return new ApiClient({
      server: this.server,
      token,
      ...(this.attempts && { retry: { attempts: this.attempts } }),
      onAttempt: (e: AttemptEvent) => {
        if (e.waitMs === undefined || !e.problem) return;
        const seconds = Math.max(1, Math.round(e.waitMs / 1000));
        this.note(
          `${e.problem.message} — ลองใหม่ครั้งที่ ${e.attempt + 1} ในอีก ${seconds} วินาที`,
          `${e.problem.messageEn} — trying again (attempt ${e.attempt + 1}) in ${seconds} s`,
        );
      },
    });
  }

  /** A signed-in client for an LAO (or for any LAO when `lao` is undefined), or undefined when there is no way to sign in. */
  async session(lao: string | undefined): Promise<Session | undefined> {
    const known = lao ? this.sessions.get(lao) : [...this.sessions.values()][0];
    if (known) return known;
    let session: Session | undefined;
    const code = this.opts.code ?? this.env.MINSTD_ACCESS_CODE;
    if (this.env.MINSTD_TOKEN) session = { api: this.api(this.env.MINSTD_TOKEN), source: "env" };
    else if (code && this.sessions.size === 0) session = await this.signIn(code);
    else {
      const cached = lao ? this.cache.get(this.server, lao) : [...this.cache.all(this.server).values()][0];
      if (cached) session = { api: this.api(cached), source: "cache", ...(lao && { lao }) };
    }
    if (session) this.sessions.set(session.lao ?? lao ?? "", session);
    return session;
  }

  private async signIn(code: string): Promise<Session> {
    const signed = await this.api(null).signIn(code, this.opts.device ?? "minstd submit");
    const lao = signed.user.laoCode ?? undefined;
    if (lao && this.opts.saveToken !== false) {
      this.cache.set(this.server, lao, signed.token);
      this.note(
        `ลงชื่อเข้าใช้แล้ว (${signed.user.displayName}) — โทเค็นของเครื่องนี้เก็บไว้ที่ ${this.cache.file} (อ่านได้เฉพาะผู้ใช้นี้; ยกเลิกด้วย minstd signout)`,
        `signed in (${signed.user.displayName}) — this computer's token is kept in ${this.cache.file} (readable by this user only; revoke with minstd signout)`,
      );
    }
    return { api: this.api(signed.token), source: "code", ...(lao && { lao }) };
  }

  /** Ends a session that must not outlive this run (--no-save-token). */
  async close(): Promise<void> {
    for (const s of this.sessions.values())
      if (s.source === "code" && this.opts.saveToken === false)
        await s.api.signOut({ attempts: 2 }).catch(() => undefined);
  }

  outbox(session: Session): Outbox {
    return new Outbox({
      storage: this.storage,
      api: session.api,
      onEvent: (e) => {
        if (e.type === "sending")
          this.note(
            `กำลังส่งข้อมูลรอบ ${e.entry.round} ของ อปท. ${e.entry.lao}…`,
            `sending round ${e.entry.round} of LAO ${e.entry.lao}…`,
          );
      },
    });
  }

  printProblem(problem: ProblemInfo, inspected?: InspectedFile): void {
    this.io.out(this.say(problem.message, problem.messageEn));
    for (const p of documentProblems(problem)) {
      const at = inspected?.locate(p.path) ?? {};
      this.io.out(`  ! ${this.say(p.message, p.messageEn)}${cellReference(at)}`);
    }
  }

  async printReceipt(receipt: Receipt, heading: [string, string]): Promise<void> {
    const round: Round | undefined = await resolveRound(receipt.round).catch(() => undefined);
    const lao = loadRegister().get(receipt.lao);
    const lines = receiptLines(receipt, {
      ...(round && { round }),
      ...(lao && { laoName: laoDisplayName(lao.type, lao.name) }),
    });
    this.io.out(this.say(...heading));
    for (const l of lines)
      this.io.out(`  ${padEnd(this.say(l.label, l.labelEn), 28)} ${this.say(l.value, l.valueEn)}`);
  }
}

export async function submit(
  file: string | undefined,
  opts: SubmitCommandOptions,
  lang: Lang,
  io: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const run = new Run(opts, lang, io, env);
  try {
    return file ? await submitFile(run, file) : await drainAll(run);
  } catch (e) {
    if (!(e instanceof ClientProblem)) throw e;
    // Sign-in and look-up failures (a wrong code, a revoked token): nothing was queued.
    if (opts.json) io.out(json({ state: "refused", problem: e.toJSON() }));
    else run.printProblem(e.toJSON());
    return 1;
  } finally {
    await run.close();
  }
}

async function submitFile(run: Run, file: string): Promise<number> {
  const { io, opts, say } = run;
  // The same reading and checks as `minstd check`; a round this program does not ship (loaded on
  // the server later) is fetched from the server.
  const unknownRounds = new Set<string>();
  let inspected = await inspectFile(file, {
    round: async (id) => {
      unknownRounds.add(id);
      return undefined;
    },
  });
  if (unknownRounds.size > 0) {
    const session = await run.session(undefined);
    if (session)
      inspected = await inspectFile(file, {
        round: async (id) => (await session.api.round(id).catch(() => undefined))?.round,
      });
  }
  const { check, document } = inspected;
  if (!check.readable || !check.complete || !document) {
    if (opts.json) io.out(json({ state: "refused", reason: "not-ready", check }));
    else {
      const round = check.round ? await resolveRound(check.round).catch(() => undefined) : undefined;
      printCheck(check, run.lang, io, round);
      io.out(
        say(
          "ยังส่งไม่ได้ — แก้ไขหรือกรอกตามรายการข้างบน (แผ่นงาน!เซลล์) แล้วสั่งส่งใหม่",
          "not sent — fix or fill in what is listed above (sheet!cell), then submit again",
        ),
      );
    }
    return 1;
  }

  const session = await run.session(document.lao);
  if (!session)
    throw new UsageError(
      "ต้องลงชื่อเข้าใช้: ใส่รหัสเข้าใช้งานจากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดด้วย --code หรือ MINSTD_ACCESS_CODE (หรือโทเค็นใน MINSTD_TOKEN) / sign in: give the access code with --code or MINSTD_ACCESS_CODE (or a token in MINSTD_TOKEN)",
    );
  if (session.lao && session.lao !== document.lao)
    return refuse(
      run,
      `รหัสเข้าใช้งานนี้เป็นของ อปท. รหัส ${session.lao} แต่แฟ้มนี้เป็นของ อปท. รหัส ${document.lao} — ใช้รหัสเข้าใช้งานของ อปท. ${document.lao}`,
      `this access code belongs to LAO ${session.lao}, but the workbook is LAO ${document.lao}'s — use that LAO's code`,
    );

  const api = session.api;
  let unreachable: ProblemInfo | undefined;
  try {
    const me = await api.me();
    if (me.lao?.code !== document.lao)
      return refuse(
        run,
        `ลงชื่อเข้าใช้ไว้เป็น ${me.lao ? `อปท. รหัส ${me.lao.code}` : me.roleName.th} แต่แฟ้มนี้เป็นของ อปท. รหัส ${document.lao} — ใช้รหัสเข้าใช้งานของ อปท. ${document.lao}`,
        `signed in as ${me.lao ? `LAO ${me.lao.code}` : me.roleName.en}, but the workbook is LAO ${document.lao}'s — use that LAO's code`,
      );
  } catch (e) {
    if (!(e instanceof ClientProblem) || !TRANSIENT_KINDS.has(e.kind)) {
      if (e instanceof ClientProblem && e.kind === "signed-out" && session.source === "cache")
        run.cache.remove(run.server, document.lao);
      throw e;
    }
    unreachable = e.toJSON();
  }

  const outbox = run.outbox(session);
  const drained = unreachable ? undefined : await outbox.drain();
  if (drained?.acknowledged.length)
    run.note(
      `ส่งข้อมูลที่ค้างอยู่ในเครื่องนี้แล้ว ${drained.acknowledged.length} ฉบับ: ${drained.acknowledged.map((r) => r.receiptNumber).join(", ")}`,
      `sent ${drained.acknowledged.length} version(s) waiting on this computer: ${drained.acknowledged.map((r) => r.receiptNumber).join(", ")}`,
    );
  const cannotReach =
    unreachable ??
    (drained?.stoppedBy && TRANSIENT_KINDS.has(drained.stoppedBy.kind) ? drained.stoppedBy : undefined);
  if (cannotReach) {
    // The server cannot be reached now: keep the version for the next run without waiting twice.
    const queued = await outbox.enqueue(document);
    if (queued.state === "acknowledged") return unchanged(run, queued.receipt);
    return reportQueued(run, queued.entry, cannotReach);
  }

  // What it replaces, and whether it is new at all, the outbox decides as for the pane and the web
  // upload: by default the last version this computer sent, so a newer version sent from another
  // computer is held rather than replaced unseen; --replace-latest replaces whatever the server has;
  // --expect-version holds it unless the server has exactly that version.
  let expectVersion: number | undefined;
  if (opts.expectVersion !== undefined) {
    expectVersion = Number(opts.expectVersion);
    if (!Number.isInteger(expectVersion) || expectVersion < 0)
      throw new UsageError(
        `--expect-version ต้องเป็นเลขฉบับ 0 ขึ้นไป (0 = ยังไม่เคยส่ง) / --expect-version is a version number, 0 for none`,
      );
  }
  const round = document.round;
  const current = (await api.mySubmissions()).find((s) => s.round === round);
  if (current && opts.replaceLatest)
    run.note(
      `ฉบับนี้จะแทนฉบับที่ ${current.version} (ใบรับ ${current.receiptNumber})${current.state === "returned" ? " ซึ่งจังหวัดส่งกลับให้แก้ไข" : ""}`,
      `this version replaces version ${current.version} (receipt ${current.receiptNumber})${current.state === "returned" ? ", which the province returned" : ""}`,
    );
  const hash = await contentHash(document);
  const heldSame = (await outbox.entries({ round, lao: document.lao })).find(
    (e) => e.state === "held" && e.contentHash === hash,
  );
  const outcome =
    heldSame && opts.replaceLatest
      ? await outbox.resubmit(heldSame.id)
      : await outbox.submit(document, {
          basis: opts.replaceLatest ? "server" : "device",
          ...(expectVersion !== undefined && { expectVersion }),
          allowUnchanged: current?.state === "returned",
        });
  switch (outcome.state) {
    case "acknowledged":
      if (outcome.unchanged) return unchanged(run, outcome.receipt);
      if (opts.json) io.out(json({ state: "acknowledged", receipt: outcome.receipt }));
      else await run.printReceipt(outcome.receipt, ["ส่งข้อมูลแล้ว — ได้รับใบรับ", "Submitted — receipt received"]);
      return 0;
    case "queued":
      return reportQueued(run, outcome.entry, outcome.problem);
    case "held":
      if (opts.json)
        io.out(json({ state: "held", entry: entrySummary(outcome.entry), problem: outcome.problem }));
      else {
        run.printProblem(outcome.problem, inspected);
        io.out(
          say(
            `ข้อมูลฉบับนี้ยังเก็บไว้ในรายการรอส่งของเครื่องนี้ (${run.outboxDir})${outcome.problem.kind === "newer-version" ? " — ถ้าต้องการให้แฟ้มนี้แทนฉบับล่าสุด สั่งใหม่พร้อม --replace-latest" : ""}`,
            `this version is kept in this computer's outbox (${run.outboxDir})${outcome.problem.kind === "newer-version" ? " — to replace the latest version with this workbook, run again with --replace-latest" : ""}`,
          ),
        );
      }
      return 1;
  }
}

function refuse(run: Run, th: string, en: string, details?: unknown): number {
  if (run.opts.json)
    run.io.out(
      json({ state: "refused", message: th, messageEn: en, ...(details !== undefined && { details }) }),
    );
  else run.io.out(run.say(th, en));
  return 1;
}

async function unchanged(run: Run, receipt: Receipt): Promise<number> {
  if (run.opts.json) run.io.out(json({ state: "unchanged", receipt }));
  else
    await run.printReceipt(receipt, [
      `ข้อมูลเหมือนฉบับที่ ${receipt.version} ที่ส่งไว้แล้ว — ไม่ได้ส่งซ้ำ ใบรับเดิม:`,
      `the data is the same as version ${receipt.version}, already sent — nothing new sent; its receipt:`,
    ]);
  return 0;
}

function reportQueued(run: Run, entry: OutboxEntry, problem: ProblemInfo): number {
  const again = `minstd submit --server ${run.server}`;
  // Network and server trouble clears by itself (exit 3); a closed window or a lost sign-in needs
  // someone first (exit 1). Either way the version stays in the outbox.
  const transient = TRANSIENT_KINDS.has(problem.kind);
  if (run.opts.json)
    run.io.out(json({ state: "queued", entry: entrySummary(entry), problem, outbox: run.outboxDir }));
  else {
    run.io.out(
      run.say(
        transient ? `ยังไม่ได้รับใบรับ — ${problem.message}` : `ยังส่งไม่ได้ — ${problem.message}`,
        transient ? `no receipt yet — ${problem.messageEn}` : `not sent — ${problem.messageEn}`,
      ),
    );
    run.io.out(
      run.say(
        `ข้อมูลฉบับนี้เก็บไว้ในเครื่องนี้แล้ว (${run.outboxDir}) ไม่หาย จะส่งอีกครั้งเมื่อสั่ง: ${again}`,
        `this version is kept on this computer (${run.outboxDir}) and is sent again by: ${again}`,
      ),
    );
  }
  return transient ? EXIT_QUEUED : 1;
}

function entrySummary(e: OutboxEntry) {
  return {
    id: e.id,
    round: e.round,
    lao: e.lao,
    createdAt: e.createdAt,
    contentHash: e.contentHash,
    state: e.state,
  };
}

/** `minstd submit --server URL` without a file: sends whatever is waiting, for every LAO signed in here. */
async function drainAll(run: Run): Promise<number> {
  const { io, opts, say } = run;
  const sessions: Session[] = [];
  const single = await (run.env.MINSTD_TOKEN || opts.code || run.env.MINSTD_ACCESS_CODE
    ? run.session(undefined)
    : undefined);
  if (single) sessions.push(single);
  else
    for (const [lao, token] of run.cache.all(run.server))
      sessions.push({ api: run.api(token), source: "cache", lao });
  if (sessions.length === 0)
    throw new UsageError(
      "ไม่มีการลงชื่อเข้าใช้ที่เก็บไว้สำหรับเครื่องแม่ข่ายนี้ — ใส่ --code หรือ MINSTD_ACCESS_CODE / nothing signed in for this server: give --code or MINSTD_ACCESS_CODE",
    );
  if (opts.discard) {
    const entry = await run.outbox(sessions[0]!).discard(opts.discard);
    run.note(
      `ลบฉบับ ${entry.id} (รอบ ${entry.round} อปท. ${entry.lao}) ออกจากรายการรอส่งแล้วตามที่สั่ง`,
      `removed ${entry.id} (round ${entry.round}, LAO ${entry.lao}) from the outbox as asked`,
    );
  }
  const reports: DrainReport[] = [];
  for (const session of sessions) reports.push(await run.outbox(session).drain());
  const acknowledged = reports.flatMap((r) => r.acknowledged);
  const queued = unique(reports.flatMap((r) => r.queued));
  const held = unique(reports.flatMap((r) => r.held));
  const stoppedBy = reports.find((r) => r.stoppedBy)?.stoppedBy;
  if (opts.json)
    io.out(
      json({
        state: "drained",
        acknowledged,
        queued: queued.map((e) => ({ ...entrySummary(e), problem: e.problem ?? stoppedBy })),
        held: held.map((e) => ({ ...entrySummary(e), problem: e.problem })),
      }),
    );
  else {
    if (acknowledged.length + queued.length + held.length === 0)
      io.out(say("ไม่มีข้อมูลค้างส่งในเครื่องนี้", "nothing is waiting on this computer"));
    for (const r of acknowledged)
      await run.printReceipt(r, ["ส่งข้อมูลที่ค้างไว้แล้ว — ได้รับใบรับ", "Sent — receipt received"]);
    for (const e of queued)
      io.out(
        say(
          `ยังรอส่ง: รอบ ${e.round} อปท. ${e.lao} (${e.id}) — ${(e.problem ?? stoppedBy)?.message ?? ""}`,
          `still waiting: round ${e.round}, LAO ${e.lao} (${e.id}) — ${(e.problem ?? stoppedBy)?.messageEn ?? ""}`,
        ),
      );
    for (const e of held)
      io.out(
        say(
          `เครื่องแม่ข่ายไม่รับ: รอบ ${e.round} อปท. ${e.lao} (${e.id}) — ${e.problem?.message ?? ""} (ลบออกด้วย --discard ${e.id})`,
          `refused: round ${e.round}, LAO ${e.lao} (${e.id}) — ${e.problem?.messageEn ?? ""} (remove with --discard ${e.id})`,
        ),
      );
  }
  return held.length > 0 ? 1 : queued.length > 0 ? EXIT_QUEUED : 0;
}

function unique(entries: OutboxEntry[]): OutboxEntry[] {
  return [...new Map(entries.map((e) => [e.id, e])).values()];
}

/** `minstd signout --server URL [--lao CODE]`: revokes the kept tokens on the server and removes them here. */
export async function signout(
  opts: { server?: string; lao?: string },
  lang: Lang,
  io: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const run = new Run({ ...(opts.server && { server: opts.server }) }, lang, io, env);
  const tokens = [...run.cache.all(run.server)].filter(([lao]) => !opts.lao || lao === opts.lao);
  if (tokens.length === 0) {
    io.out(run.say("ไม่มีการลงชื่อเข้าใช้ที่เก็บไว้สำหรับเครื่องแม่ข่ายนี้", "nothing is signed in for this server"));
    return 0;
  }
  let failed = 0;
  for (const [lao, token] of tokens) {
    try {
      await run.api(token).signOut();
      run.cache.remove(run.server, lao);
      io.out(run.say(`ออกจากระบบแล้ว: อปท. ${lao}`, `signed out: LAO ${lao}`));
    } catch (e) {
      if (!(e instanceof ClientProblem)) throw e;
      failed++;
      io.out(
        run.say(
          `ออกจากระบบของ อปท. ${lao} ไม่สำเร็จ: ${e.message} (โทเค็นยังเก็บไว้ ลองใหม่ภายหลัง)`,
          `could not sign out LAO ${lao}: ${e.messageEn} (the token is kept; try again later)`,
        ),
      );
    }
  }
  return failed > 0 ? 1 : 0;
}
