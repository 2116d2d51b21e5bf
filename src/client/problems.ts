import { isProblemCode, type ProblemBody } from "../api/problems";
import { formatThaiDateTime } from "../core";
import type { FieldSize } from "./size";

/**
 * Everything that can go wrong talking to the collection server, as one kind of error with a
 * Thai message for officers (what happened, whether their data is safe, what to do) and English.
 * The server's own problem (code, message, details) is kept alongside for programs and support.
 */

export type ProblemKind =
  // The request may not have reached the server, or its answer did not come back: try again.
  | "unreachable"
  | "timeout"
  | "server-error"
  | "rate-limited"
  | "unexpected-response"
  | "cancelled"
  // Who is signed in.
  | "signed-out"
  | "code-invalid"
  | "code-maybe-used"
  | "forbidden"
  | "wrong-lao"
  // The server refused the submission; nothing was stored.
  | "window-closed"
  | "window-not-open"
  | "newer-version"
  | "chain-broken"
  | "id-conflict"
  | "returned"
  | "document-invalid"
  | "document-incomplete"
  | "not-assessed"
  | "not-found"
  | "refused"
  // Too large to send, by the client's measure or the server's (413): never sent again by itself.
  | "too-large"
  // The server answered, but not with what was sent.
  | "receipt-mismatch";

/** Kinds a retry of the same request may cure by itself. */
export const TRANSIENT_KINDS: ReadonlySet<ProblemKind> = new Set([
  "unreachable",
  "timeout",
  "server-error",
  "rate-limited",
  "unexpected-response",
]);

/** A document problem the server named, with its path in the document ("values.2563-1-01.base"). */
export interface PathProblem {
  readonly path: string;
  readonly code?: string;
  readonly message: string;
  readonly messageEn: string;
}

/** The JSON form, kept with an outbox entry. */
export interface ProblemInfo {
  readonly kind: ProblemKind;
  /** Thai, for officers. */
  readonly message: string;
  readonly messageEn: string;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** The server's problem code ("window-closed", …) or the client's ("unreachable", …). */
  readonly code: string;
  readonly details?: unknown;
  /** The server's own Thai message, when it gave one. */
  readonly serverMessage?: string;
  readonly retryAfterSeconds?: number;
  /** How many times the request was sent. */
  readonly attempts?: number;
}

export class ClientProblem extends Error implements ProblemInfo {
  readonly kind: ProblemKind;
  readonly messageEn: string;
  readonly status?: number;
  readonly code: string;
  readonly details?: unknown;
  readonly serverMessage?: string;
  readonly retryAfterSeconds?: number;
  /** How many times the request was sent. */
  attempts?: number;
  /**
   * An earlier attempt was sent and its answer never came back, so the server may have carried
   * it out (e.g. a one-time code redeemed by the attempt whose answer was lost).
   */
  lostAnswer = false;

  constructor(info: ProblemInfo) {
    super(info.message);
    this.name = "ClientProblem";
    this.kind = info.kind;
    this.messageEn = info.messageEn;
    this.code = info.code;
    if (info.status !== undefined) this.status = info.status;
    if (info.details !== undefined) this.details = info.details;
    if (info.serverMessage !== undefined) this.serverMessage = info.serverMessage;
    if (info.retryAfterSeconds !== undefined) this.retryAfterSeconds = info.retryAfterSeconds;
    if (info.attempts !== undefined) this.attempts = info.attempts;
  }

  get transient(): boolean {
    return TRANSIENT_KINDS.has(this.kind);
  }

  toJSON(): ProblemInfo {
    return {
      kind: this.kind,
      message: this.message,
      messageEn: this.messageEn,
      code: this.code,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.details !== undefined && { details: this.details }),
      ...(this.serverMessage !== undefined && { serverMessage: this.serverMessage }),
      ...(this.retryAfterSeconds !== undefined && { retryAfterSeconds: this.retryAfterSeconds }),
      ...(this.attempts !== undefined && { attempts: this.attempts }),
    };
  }
}

/** Any error as a ClientProblem: a problem as it is, anything else as an error on this computer (the data kept). */
export function asClientProblem(e: unknown): ClientProblem {
  if (e instanceof ClientProblem) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new ClientProblem({
    kind: "refused",
    code: "client-error",
    message: `เกิดข้อผิดพลาดในเครื่องนี้: ${detail} — ข้อมูลยังเก็บไว้ในเครื่องนี้`,
    messageEn: `an error on this computer: ${detail} — the data is kept on this computer`,
  });
}

const kb = (bytes: number): string => `${Math.ceil(bytes / 1024).toLocaleString("en-US")} KB`;

/**
 * The problem of a document too large to send: refused by the client before sending (status
 * absent) or by the server (413). Never retried: the same document is always as large.
 */
export function tooLargeProblem(info: {
  /** The request's size, when known. */
  readonly bytes?: number;
  /** What the server takes, when known (a proxy's 413 does not say). */
  readonly limitBytes?: number;
  readonly fields: readonly FieldSize[];
  /** 413 when the server refused it; absent when the client did not send it. */
  readonly status?: number;
  readonly serverMessage?: string;
}): ClientProblem {
  const sent = info.status !== undefined;
  const size = info.bytes !== undefined ? ` (${kb(info.bytes)})` : "";
  const fields = info.fields.map((f) => `${f.path} ${kb(f.bytes)}`).join(", ");
  const limit = info.limitBytes !== undefined && info.limitBytes > 0 ? kb(info.limitBytes) : undefined;
  return new ClientProblem({
    kind: "too-large",
    code: "body-too-large",
    ...(info.status !== undefined && { status: info.status }),
    ...(info.serverMessage !== undefined && { serverMessage: info.serverMessage }),
    details: {
      ...(limit !== undefined && { limitBytes: info.limitBytes }),
      ...(info.bytes !== undefined && { bytes: info.bytes }),
      fields: info.fields,
    },
    message:
      `ข้อมูลนี้ใหญ่เกินกว่าที่เครื่องแม่ข่ายรับได้${size}${limit ? ` — รับได้ไม่เกิน ${limit}` : ""} ` +
      `${sent ? "เครื่องแม่ข่ายจึงไม่รับ" : "จึงยังไม่ได้ส่ง"} และจะไม่ส่งซ้ำเอง` +
      `${fields ? ` ช่องที่ใหญ่ที่สุด: ${fields}` : ""} — ตรวจว่าไม่ได้วางข้อความยาวหรือไฟล์อื่นลงในช่องเหล่านี้ แก้ให้สั้นลงแล้วส่งใหม่ ข้อมูลยังเก็บไว้ในเครื่องนี้`,
    messageEn:
      `this data is too large for the server${size}${limit ? `: it takes at most ${limit}` : ""}, ` +
      `${sent ? "so the server refused it" : "so it was not sent"}, and it will not be sent again by itself` +
      `${fields ? `; the largest fields: ${fields}` : ""}` +
      " — check that no long text or other file was pasted into them, shorten them and send again; the data is kept on this computer",
  });
}

/**
 * A large document whose every send broke the connection while the server answered other requests:
 * something on the way (the server, a proxy) will not take a body this large, and sending it again
 * will not change that.
 */
export function connectionBreaksOnBody(info: {
  readonly bytes: number;
  readonly fields: readonly FieldSize[];
  readonly sends: number;
}): ClientProblem {
  const fields = info.fields.map((f) => `${f.path} ${kb(f.bytes)}`).join(", ");
  return new ClientProblem({
    kind: "too-large",
    code: "connection-breaks-on-body",
    details: { bytes: info.bytes, fields: info.fields, sends: info.sends },
    message:
      `ส่งข้อมูลนี้ (${kb(info.bytes)}) ไม่สำเร็จ ${info.sends} ครั้ง การเชื่อมต่อขาดทุกครั้งที่ส่ง ขณะที่เครื่องแม่ข่ายตอบคำขออื่นตามปกติ — ` +
      `ข้อมูลนี้อาจใหญ่เกินกว่าที่เครือข่ายหรือเครื่องแม่ข่ายรับได้ จึงหยุดส่งซ้ำ${fields ? ` ช่องที่ใหญ่ที่สุด: ${fields}` : ""} — ` +
      "แก้ให้สั้นลงแล้วส่งใหม่ หรือแจ้งผู้ดูแลระบบ ข้อมูลยังเก็บไว้ในเครื่องนี้",
    messageEn:
      `sending this data (${kb(info.bytes)}) failed ${info.sends} times: the connection broke every time, while the server answered other requests — ` +
      `it is probably too large for the network or the server, so it is no longer sent again${fields ? `; the largest fields: ${fields}` : ""} — ` +
      "shorten it and send again, or tell the administrator; the data is kept on this computer",
  });
}

const PROVINCE = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด";

/** The problems listed by a 422 (document-invalid or document-incomplete), each with its path. */
export function documentProblems(problem: Pick<ProblemInfo, "details">): PathProblem[] {
  const list = (problem.details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(list)) return [];
  return list
    .filter((p): p is PathProblem => typeof p === "object" && p !== null && typeof p.message === "string")
    .map((p) => ({
      path: typeof p.path === "string" ? p.path : "",
      ...(typeof p.code === "string" && { code: p.code }),
      message: p.message,
      messageEn: typeof p.messageEn === "string" ? p.messageEn : p.message,
    }));
}

function thaiInstant(iso: unknown): string | undefined {
  if (typeof iso !== "string") return undefined;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? undefined : formatThaiDateTime(at);
}

/** Problems of the connection itself (the server's answer never arrived or was not the API's). */
export const transportProblems = {
  unreachable: (detail?: string) =>
    new ClientProblem({
      kind: "unreachable",
      code: "unreachable",
      message: "ติดต่อเครื่องแม่ข่ายไม่ได้ — ตรวจการเชื่อมต่ออินเทอร์เน็ตและที่อยู่เครื่องแม่ข่าย แล้วลองใหม่อีกครั้ง",
      messageEn: `cannot reach the server — check the internet connection and the server address, then try again${detail ? ` (${detail})` : ""}`,
    }),
  timeout: (seconds: number) =>
    new ClientProblem({
      kind: "timeout",
      code: "timeout",
      message: `เครื่องแม่ข่ายไม่ตอบภายใน ${seconds} วินาที — เครือข่ายอาจช้าหรือขาดเป็นช่วง ๆ ลองใหม่อีกครั้ง`,
      messageEn: `the server did not answer within ${seconds} s — the network may be slow or unstable; try again`,
    }),
  unexpectedResponse: (status: number, detail: string) =>
    new ClientProblem({
      kind: "unexpected-response",
      code: "unexpected-response",
      status,
      message:
        "ได้คำตอบที่ไม่ใช่ของเครื่องแม่ข่าย MinStd — เครือข่ายอาจต้องลงชื่อเข้าใช้ก่อน (เช่น Wi-Fi สาธารณะ) หรือที่อยู่เครื่องแม่ข่ายไม่ถูกต้อง",
      messageEn: `the answer did not come from a MinStd server (HTTP ${status}: ${detail}) — the network may need a sign-in page first (e.g. public Wi-Fi), or the server address is wrong`,
    }),
  cancelled: () =>
    new ClientProblem({ kind: "cancelled", code: "cancelled", message: "ยกเลิกแล้ว", messageEn: "cancelled" }),
  codeMaybeUsed: (attempts: number) =>
    new ClientProblem({
      kind: "code-maybe-used",
      code: "access-code-invalid",
      status: 401,
      attempts,
      message: `เครือข่ายขาดระหว่างลงชื่อเข้าใช้ และรหัสนี้ใช้ไม่ได้แล้ว — รหัสอาจถูกใช้ไปในครั้งที่ขาดการเชื่อมต่อ ขอรหัสใหม่จาก${PROVINCE}`,
      messageEn:
        "the connection broke while signing in and the code no longer works — it was probably used by the attempt whose answer was lost; ask the province office for a new code",
    }),
  receiptMismatch: (what: string) =>
    new ClientProblem({
      kind: "receipt-mismatch",
      code: "receipt-mismatch",
      message: "ใบรับที่ได้ไม่ตรงกับข้อมูลที่ส่ง — ยังไม่ถือว่าส่งสำเร็จ ข้อมูลยังเก็บไว้ในเครื่องนี้ แจ้งผู้ดูแลระบบ",
      messageEn: `the receipt does not match what was sent (${what}) — not counted as sent; the data is kept on this computer; tell the administrator`,
    }),
};

/** The server's error body (the API's problem body), or what is known of it. */
export type ServerProblemBody = Partial<ProblemBody>;

/** A problem code of the API that this mapping does not handle: the build fails here. */
function unmapped(code: never): never {
  throw new Error(`problem code ${String(code)} has no mapping`);
}

function firstMessages(list: readonly PathProblem[], lang: "th" | "en"): string {
  const shown = list.slice(0, 3).map((p) => (lang === "th" ? p.message : p.messageEn));
  const more =
    list.length > 3
      ? lang === "th"
        ? ` และอีก ${list.length - 3} รายการ`
        : ` and ${list.length - 3} more`
      : "";
  return shown.join(" / ") + more;
}

/** The officer's message for an error answer of the server (any status 400–599). */
export function problemFromServer(
  status: number,
  body: ServerProblemBody | undefined,
  retryAfterMs?: number,
): ClientProblem {
  const code = body?.code ?? `http-${status}`;
  const details = body?.details;
  const d = (details ?? {}) as Record<string, unknown>;
  const base = {
    status,
    code,
    ...(details !== undefined && { details }),
    ...(body?.message !== undefined && { serverMessage: body.message }),
  };
  const make = (kind: ProblemKind, message: string, messageEn: string, extra: Partial<ProblemInfo> = {}) =>
    new ClientProblem({ kind, message, messageEn, ...base, ...extra });
  /** The server's own words, which already say what to do, when it gave them. */
  const asServerSays = (kind: ProblemKind, fallbackTh: string, fallbackEn: string) =>
    make(kind, body?.message ?? fallbackTh, body?.messageEn ?? fallbackEn);

  if (isProblemCode(code))
    switch (code) {
      case "body-too-large":
        return tooLargeProblem({
          ...(typeof d.limitBytes === "number" && { limitBytes: d.limitBytes }),
          fields: [],
          status,
          ...(body?.message !== undefined && { serverMessage: body.message }),
        });
      case "sign-in-required":
      case "token-invalid":
        return make(
          "signed-out",
          `เครื่องนี้ยังไม่ได้ลงชื่อเข้าใช้ หรือการเข้าใช้งานหมดอายุหรือถูกยกเลิกแล้ว — ลงชื่อเข้าใช้ใหม่ด้วยรหัสเข้าใช้งานจาก${PROVINCE} ข้อมูลที่ยังไม่ได้ส่งยังเก็บไว้ในเครื่องนี้`,
          "this computer is not signed in, or its sign-in expired or was revoked — sign in again with an access code from the province office; data not yet sent is kept on this computer",
        );
      case "access-code-invalid":
        return make(
          "code-invalid",
          `รหัสเข้าใช้งานไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ — ตรวจตัวอักษรอีกครั้ง หรือขอรหัสใหม่จาก${PROVINCE}`,
          "the access code is wrong, already used or expired — check it, or ask the province office for a new one",
        );
      case "not-your-lao":
        return make(
          "wrong-lao",
          `ลงชื่อเข้าใช้ไว้ด้วยรหัสของ อปท. อื่น — ข้อมูลนี้เป็นของ อปท. รหัส ${String(d.lao ?? "")} ให้ลงชื่อเข้าใช้ด้วยรหัสเข้าใช้งานของ อปท. นี้ ข้อมูลยังเก็บไว้ในเครื่องนี้`,
          `signed in with another LAO's code — this data belongs to LAO ${String(d.lao ?? "")}; sign in with that LAO's access code; the data is kept on this computer`,
        );
      case "forbidden":
        return asServerSays("forbidden", "ผู้ใช้นี้ไม่มีสิทธิ์ทำรายการนี้", "this user may not do this");
      case "window-closed": {
        const at = thaiInstant(d.closes);
        return make(
          "window-closed",
          `ระบบปิดรับข้อมูลรอบนี้แล้ว${at ? ` (ปิดเมื่อ ${at})` : ""} — เครื่องแม่ข่ายยังไม่ได้บันทึกข้อมูลนี้ หากจำเป็นต้องส่ง ติดต่อ${PROVINCE}เพื่อขอขยายเวลา`,
          `submissions for this round are closed${typeof d.closes === "string" ? ` (closed ${d.closes})` : ""} — the server has not stored this data; ask the province office for an extension if it must be sent`,
        );
      }
      case "window-not-open": {
        const at = thaiInstant(d.opens);
        return make(
          "window-not-open",
          `ระบบยังไม่เปิดรับข้อมูลรอบนี้${at ? ` — เปิดรับ ${at}` : ""} ส่งอีกครั้งเมื่อถึงเวลาเปิดรับ`,
          `submissions for this round are not open yet${typeof d.opens === "string" ? ` — they open ${d.opens}` : ""}; send again then`,
        );
      }
      case "stale-version":
      case "replaces-required": {
        const current = (d.current ?? {}) as { version?: number; receiptNumber?: string };
        const which =
          current.version !== undefined
            ? `ฉบับที่ ${current.version} (ใบรับ ${current.receiptNumber ?? "-"})`
            : "ฉบับที่ใหม่กว่า";
        return make(
          "newer-version",
          `เครื่องแม่ข่ายมี${which} ซึ่งใหม่กว่าฉบับที่ข้อมูลนี้แก้ไขต่อมา — อาจมีการส่งจากเครื่องอื่นหรือจากแฟ้มอีกชุดหนึ่ง ตรวจดูฉบับล่าสุดก่อน แล้วจึงเลือกส่งข้อมูลนี้แทนฉบับล่าสุด ข้อมูลนี้ยังเก็บไว้ในเครื่องนี้`,
          `the server has ${current.version !== undefined ? `version ${current.version} (receipt ${current.receiptNumber ?? "-"})` : "a newer version"}, newer than the version this data was edited from — it may have been sent from another computer or another copy of the workbook; look at the latest version, then choose to send this data in its place; this data is kept on this computer`,
        );
      }
      case "replaces-unknown":
        return make(
          "chain-broken",
          "ฉบับที่ข้อมูลนี้ระบุว่าจะแทนที่ ไม่มีที่เครื่องแม่ข่าย — ส่งใหม่เป็นฉบับที่แทนฉบับล่าสุดบนเครื่องแม่ข่าย ข้อมูลนี้ยังเก็บไว้ในเครื่องนี้",
          "the version this data says it replaces is not on the server — send it again to replace the server's latest version; the data is kept on this computer",
        );
      case "submission-id-conflict":
        return make(
          "id-conflict",
          `รหัสการส่ง ${String(d.id ?? "")} ถูกใช้กับข้อมูลชุดอื่นที่เครื่องแม่ข่ายแล้ว — ข้อมูลนี้ยังเก็บไว้ในเครื่องนี้ ส่งใหม่เป็นฉบับใหม่ (รหัสการส่งใหม่) ได้`,
          `submission id ${String(d.id ?? "")} was already used on the server for other data — this data is kept on this computer; send it as a new version (with a new id)`,
        );
      case "already-returned":
      case "return-stale":
        return asServerSays("returned", "ฉบับนี้ถูกส่งกลับให้แก้ไขแล้ว", "this version was already returned");
      case "document-invalid":
      case "document-incomplete": {
        const list = documentProblems({ details });
        const invalid = code === "document-invalid";
        return make(
          invalid ? "document-invalid" : "document-incomplete",
          `เครื่องแม่ข่ายไม่รับข้อมูลนี้: ${invalid ? "มีข้อมูลที่ต้องแก้" : "ยังกรอกไม่ครบ"} ${list.length} รายการ — ${firstMessages(list, "th")} แก้ไขในแฟ้มแล้วส่งใหม่`,
          `the server did not accept this data: ${list.length} item(s) ${invalid ? "to fix" : "not filled in"} — ${firstMessages(list, "en")}; fix the workbook and send again`,
        );
      }
      case "unknown-lao":
      case "round-not-for-lao-type":
        return asServerSays(
          "not-assessed",
          "อปท. นี้ไม่อยู่ในรอบการประเมินนี้",
          "this LAO is not assessed in this round",
        );
      case "not-found":
        return asServerSays("not-found", "ไม่พบสิ่งที่ขอที่เครื่องแม่ข่าย", "not found on the server");
      case "rate-limited": {
        const seconds = Math.max(
          1,
          Math.ceil((retryAfterMs ?? Number(d.retryAfterSeconds ?? 60) * 1000) / 1000),
        );
        return make(
          "rate-limited",
          `ส่งคำขอถี่เกินไป — รอ ${seconds} วินาทีแล้วลองใหม่ ข้อมูลที่ยังไม่ได้ส่งยังเก็บไว้ในเครื่องนี้`,
          `too many requests — wait ${seconds} s and try again; data not yet sent is kept on this computer`,
          { retryAfterSeconds: seconds },
        );
      }
      // The server's own words under the kind of their status (below).
      case "bad-json":
      case "bad-request":
      case "unsupported-media-type":
      case "lao-not-in-province":
      case "workbook-other-lao":
      case "backup-key-invalid":
      case "account-retired":
      case "conflict":
      case "nothing-to-publish":
      case "public-after-close":
      case "round-invalid":
      case "workbook-required":
      case "workbook-unreadable":
      case "workbook-not-collection":
      case "workbook-too-large":
      case "internal":
      case "database-unavailable":
        break;
      default:
        return unmapped(code);
    }
  if (status === 413) return problemFromServer(status, { ...body, code: "body-too-large" }, retryAfterMs);
  if (status === 429) return problemFromServer(status, { ...body, code: "rate-limited" }, retryAfterMs);
  if (status >= 500)
    return make(
      "server-error",
      `เครื่องแม่ข่ายขัดข้องชั่วคราว (HTTP ${status}) — ลองใหม่ภายหลัง ถ้ายังไม่ได้ แจ้งผู้ดูแลระบบ`,
      `the server failed (HTTP ${status}) — try again later; if it persists, tell the administrator`,
    );
  if (status === 401) return problemFromServer(status, { ...body, code: "token-invalid" }, retryAfterMs);
  return make(
    status === 403 ? "forbidden" : status === 404 ? "not-found" : "refused",
    body?.message ?? `เครื่องแม่ข่ายไม่รับคำขอนี้ (HTTP ${status})`,
    body?.messageEn ?? `the server refused this request (HTTP ${status})`,
  );
}
