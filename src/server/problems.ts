import { PROBLEM_STATUS, type FieldIssue, type ProblemBody, type ProblemCode } from "../api";
import { problems as coreProblems, type DocumentProblem, type LaoType } from "../core";
import { problemEn, withEnglish } from "../i18n/problems";

export type { FieldIssue, ProblemBody };

/**
 * Every error the server answers with: a stable code for programs (its HTTP status comes with it,
 * from the API's table), a Thai message that says what to do (officers read Thai first), the
 * English message and details. Thrown from anywhere in a request, a Problem rolls back the
 * request's transaction, so nothing is stored.
 */
export class Problem extends Error {
  readonly status: number;

  constructor(
    readonly code: ProblemCode,
    readonly th: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(en);
    this.name = "Problem";
    this.status = PROBLEM_STATUS[code];
  }

  /** fastify reads this to pick the status when a Problem reaches its own error path. */
  get statusCode(): number {
    return this.status;
  }

  toJSON(): ProblemBody {
    return {
      status: this.status,
      code: this.code,
      message: this.th,
      messageEn: this.en,
      ...(this.details !== undefined && { details: this.details }),
    };
  }
}

/** An issue's message, cut where a list of unknown keys would make it long. */
function clip(text: string): string {
  return text.length <= 300 ? text : `${text.slice(0, 299)}…`;
}

/** How many problems an answer lists at most; `total` says how many there are. */
export const MAX_LISTED_PROBLEMS = 200;

export const problems = {
  // 400: the request itself cannot be read.
  badJson: (detail: string) =>
    new Problem(
      "bad-json",
      "ข้อมูลที่ส่งมาไม่ใช่ JSON ที่อ่านได้ — ตรวจสอบว่าส่งเอกสารทั้งฉบับ",
      "the body is not valid JSON — check that the whole document was sent",
      { parser: detail },
    ),
  badRequest: (all: readonly FieldIssue[]) => {
    const issues = all.slice(0, MAX_LISTED_PROBLEMS).map((i) => ({
      ...i,
      message: clip(i.message),
      messageEn: clip(i.messageEn),
    }));
    const shown = issues.slice(0, 5);
    const more = all.length > shown.length ? ` (และอีก ${all.length - shown.length} รายการ)` : "";
    const moreEn = all.length > shown.length ? ` (and ${all.length - shown.length} more)` : "";
    return new Problem(
      "bad-request",
      `คำขอไม่ถูกต้อง: ${shown.map((i) => `${i.path || "(ทั้งคำขอ)"} ${i.message}`).join("; ")}${more}`,
      `invalid request: ${shown.map((i) => `${i.path || "(root)"} ${i.messageEn}`).join("; ")}${moreEn}`,
      { issues, total: all.length, ...(all.length > issues.length && { truncated: true }) },
    );
  },
  unsupportedMediaType: (type: string) =>
    new Problem(
      "unsupported-media-type",
      `ส่งข้อมูลแบบ ${type || "(ไม่ระบุ)"} ไม่ได้ — ใช้ application/json`,
      `content type ${type || "(none)"} is not accepted — use application/json`,
    ),
  bodyTooLarge: (limitBytes: number) =>
    new Problem(
      "body-too-large",
      `ข้อมูลที่ส่งมีขนาดเกิน ${Math.round(limitBytes / 1024)} KB — เอกสารส่งข้อมูลของ อปท. หนึ่งแห่งไม่ควรใหญ่ขนาดนี้ ตรวจสอบว่าไม่ได้แนบไฟล์อื่นมาด้วย`,
      `the body is larger than ${Math.round(limitBytes / 1024)} KB — one LAO's document should never be this large`,
      { limitBytes },
    ),

  // 401/403: who you are and what you may do.
  signInRequired: () =>
    new Problem(
      "sign-in-required",
      "ต้องลงชื่อเข้าใช้ก่อน — ใช้รหัสเข้าใช้งานที่ได้รับจากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
      "sign in first — redeem the access code from the province office",
    ),
  tokenInvalid: () =>
    new Problem(
      "token-invalid",
      "การเข้าใช้งานของเครื่องนี้หมดอายุหรือถูกยกเลิกแล้ว — ลงชื่อเข้าใช้ใหม่ด้วยรหัสเข้าใช้งาน",
      "this device's sign-in has expired or was revoked — sign in again with an access code",
    ),
  codeInvalid: () =>
    new Problem(
      "access-code-invalid",
      "รหัสเข้าใช้งานไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ — ตรวจสอบตัวอักษรอีกครั้ง หรือขอรหัสใหม่จากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
      "the access code is wrong, already used or expired — check it, or ask the province office for a new one",
    ),
  forbidden: (whatTh: string, whatEn: string) =>
    new Problem("forbidden", `ไม่มีสิทธิ์${whatTh}`, `you may not ${whatEn}`),
  notYourLao: (lao: string) =>
    new Problem(
      "not-your-lao",
      `ส่งข้อมูลแทน อปท. อื่นไม่ได้ — เอกสารนี้เป็นของ อปท. รหัส ${lao} ซึ่งไม่ใช่ อปท. ที่ลงชื่อเข้าใช้`,
      `you cannot submit for another LAO — this document is for ${lao}, not the LAO you signed in as`,
      { lao },
    ),

  laosNotInProvince: (province: string, laos: readonly string[]) =>
    new Problem(
      "lao-not-in-province",
      `อปท. รหัส ${laos.join(", ")} ไม่ได้อยู่ในจังหวัดรหัส ${province} — ออกรหัสได้เฉพาะ อปท. ในจังหวัด`,
      `LAO ${laos.join(", ")} is not in province ${province} — codes are issued only for the province's own LAOs`,
      { province, laos },
    ),

  // 404
  notFound: (whatTh: string, whatEn: string, details?: unknown) =>
    new Problem("not-found", `ไม่พบ${whatTh}`, `no such ${whatEn}`, details),

  // 409: the state on the server does not allow this.
  accountRetired: (whoTh: string, whoEn: string) =>
    new Problem(
      "account-retired",
      `บัญชีของ${whoTh}ถูกปิดแล้ว จึงออกรหัสเข้าใช้งานให้ไม่ได้ — ถ้าต้องใช้งานอีก ให้ผู้ดูแลระบบเปิดบัญชีคืนก่อน`,
      `the account of ${whoEn} is retired, so no access code can be issued for it — an administrator must reactivate it first`,
    ),
  submissionIdConflict: (id: string) =>
    new Problem(
      "submission-id-conflict",
      `รหัสการส่ง ${id} ถูกใช้กับข้อมูลชุดอื่นไปแล้ว — การส่งซ้ำต้องเป็นข้อมูลเดิมทุกตัว ถ้าแก้ไขข้อมูล ให้ส่งเป็นฉบับใหม่ (รหัสการส่งใหม่ และระบุฉบับที่แทนที่)`,
      `submission id ${id} was already used for different content — a retry must be identical; send changes as a new version with a new id that names the version it replaces`,
      { id },
    ),
  versionRequired: (current: { id: string; version: number; receiptNumber: string }) =>
    new Problem(
      "replaces-required",
      `อปท. นี้ส่งข้อมูลรอบนี้ไปแล้ว (ฉบับที่ ${current.version} ใบรับ ${current.receiptNumber}) — การส่งใหม่ต้องระบุว่าแทนที่ฉบับใด (replaces)`,
      `this LAO already submitted for this round (version ${current.version}, receipt ${current.receiptNumber}) — a new submission must name the version it replaces`,
      { current },
    ),
  staleVersion: (replaces: string, current: { id: string; version: number; receiptNumber: string }) =>
    new Problem(
      "stale-version",
      `ฉบับที่แก้ไขมาไม่ใช่ฉบับล่าสุด — มีการส่งฉบับที่ ${current.version} (ใบรับ ${current.receiptNumber}) ไปแล้ว ให้เปิดฉบับล่าสุด แก้ไข แล้วส่งใหม่`,
      `the version you edited is out of date — version ${current.version} (receipt ${current.receiptNumber}) has been submitted since; get the latest, edit it and send again`,
      { replaces, current },
    ),
  replacesUnknown: (replaces: string) =>
    new Problem(
      "replaces-unknown",
      `ไม่พบฉบับ ${replaces} ที่ระบุว่าจะแทนที่ — อปท. นี้ยังไม่เคยส่งข้อมูลรอบนี้ ให้ส่งโดยไม่ระบุ replaces`,
      `version ${replaces} named in replaces does not exist — this LAO has not submitted for this round yet; send without replaces`,
      { replaces },
    ),
  windowClosed: (closesTh: string, closesIso: string) =>
    new Problem(
      "window-closed",
      `ระบบปิดรับข้อมูลรอบนี้แล้ว (${closesTh}) — ข้อมูลที่ส่งไม่ได้ถูกบันทึก หากมีเหตุจำเป็น ติดต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเพื่อขอขยายเวลา`,
      `submissions for this round closed (${closesIso}); nothing was stored — ask the province office about an extension`,
      { closes: closesIso },
    ),
  windowNotOpen: (opensTh: string, opensIso: string) =>
    new Problem(
      "window-not-open",
      `ระบบยังไม่เปิดรับข้อมูลรอบนี้ — เปิดรับ ${opensTh}`,
      `submissions for this round open at ${opensIso}`,
      { opens: opensIso },
    ),
  alreadyReturned: (version: number) =>
    new Problem(
      "already-returned",
      `ฉบับที่ ${version} ถูกส่งกลับให้แก้ไขแล้ว — รอ อปท. ส่งฉบับใหม่`,
      `version ${version} has already been returned — wait for the LAO's next version`,
      { version },
    ),
  returnStale: (asked: number, current: number) =>
    new Problem(
      "return-stale",
      `ฉบับที่ ${asked} ไม่ใช่ฉบับล่าสุดแล้ว (ล่าสุดคือฉบับที่ ${current}) — เปิดดูฉบับล่าสุดก่อนส่งกลับ`,
      `version ${asked} is no longer the latest (now ${current}) — review the latest before returning it`,
      { version: asked, current },
    ),
  conflict: (th: string, en: string, details?: unknown) => new Problem("conflict", th, en, details),
  nothingToPublish: (round: string) =>
    new Problem(
      "nothing-to-publish",
      `ยังไม่มีข้อมูลรอบ ${round} ที่ส่งแล้ว (หรือฉบับล่าสุดถูกส่งกลับให้แก้ไข) จึงเผยแพร่ไม่ได้ — ส่งข้อมูลก่อน แล้วจึงเผยแพร่`,
      `nothing submitted for round ${round} (or the latest version was returned for correction), so nothing can be published — submit first`,
      { round },
    ),
  publicAfterClose: (round: string, closesTh: string) =>
    new Problem(
      "public-after-close",
      `รอบ ${round} พ้นกำหนดส่งแล้ว (${closesTh}) ผลที่ส่งแล้วจึงเผยแพร่ต่อสาธารณะตามกำหนด ยกเลิกการเผยแพร่ไม่ได้`,
      `round ${round} has closed (${closesTh}); submitted results are public after the close and cannot be unpublished`,
      { round },
    ),

  // 422: the document was read but cannot be accepted.
  documentRejected: (kind: "invalid" | "incomplete", found: readonly DocumentProblem[]) => {
    const first = found
      .slice(0, 3)
      .map((p) => p.problem.th)
      .join(" / ");
    return new Problem(
      kind === "invalid" ? "document-invalid" : "document-incomplete",
      kind === "invalid"
        ? `เอกสารมีข้อมูลที่ต้องแก้ ${found.length} รายการ — ยังไม่ได้บันทึก แก้ตามรายการแล้วส่งใหม่: ${first}`
        : `ยังกรอกข้อมูลไม่ครบ ${found.length} รายการ — ยังไม่ได้บันทึก กรอกให้ครบแล้วส่งใหม่: ${first}`,
      kind === "invalid"
        ? `the document has ${found.length} problem(s) to fix; nothing was stored`
        : `${found.length} item(s) are not filled in; nothing was stored`,
      // The first ones, and how many there are: a document of junk must not make a larger answer.
      {
        problems: found
          .slice(0, MAX_LISTED_PROBLEMS)
          .map(withEnglish)
          .map((p) => ({ ...p, message: clip(p.message), messageEn: clip(p.messageEn) })),
        total: found.length,
        ...(found.length > MAX_LISTED_PROBLEMS && { truncated: true }),
      },
    );
  },
  unknownLao: (code: string) =>
    new Problem(
      "unknown-lao",
      `ไม่มี อปท. รหัส ${code} ในทะเบียน อปท. — ตรวจสอบรหัส 7 หลักอีกครั้ง`,
      `there is no LAO ${code} in the register — check the 7-digit code`,
      { lao: code },
    ),
  roundNotForLao: (round: string, laoType: LaoType) => {
    const problem = coreProblems.roundNotForType(round, laoType);
    return new Problem("round-not-for-lao-type", problem.th, problemEn(problem), { round });
  },
  roundInvalid: (issues: readonly string[]) =>
    new Problem(
      "round-invalid",
      `รอบการประเมินไม่ถูกต้อง: ${issues.slice(0, 5).join("; ")}`,
      `the round is invalid: ${issues.slice(0, 5).join("; ")}`,
      { issues },
    ),

  // An uploaded collection workbook (POST /me/workbooks/check) that cannot be checked.
  workbookNotSent: () =>
    new Problem(
      "workbook-required",
      "ส่งแฟ้มแบบรวบรวมข้อมูล (.xlsx) มาตรวจ — เลือกแฟ้ม Excel ที่กรอกแล้ว",
      "send the filled collection workbook (.xlsx) as the request body",
    ),
  workbookTooLarge: (limitBytes: number, what: "file" | "unpacked") =>
    new Problem(
      "workbook-too-large",
      what === "file"
        ? `แฟ้มมีขนาดเกิน ${Math.round(limitBytes / 1024)} KB — แบบรวบรวมข้อมูลที่กรอกแล้วมีขนาดไม่ถึง 200 KB ตรวจว่าเลือกแฟ้มถูก และไม่ได้วางรูปภาพหรือแผ่นงานอื่นเพิ่มในแฟ้ม`
        : "แฟ้มนี้มีข้อมูลภายในมากเกินกว่าจะเป็นแบบรวบรวมข้อมูล — ตรวจว่าเลือกแฟ้มถูก และไม่ได้วางรูปภาพหรือแผ่นงานอื่นเพิ่มในแฟ้ม",
      what === "file"
        ? `the file is larger than ${Math.round(limitBytes / 1024)} KB — a filled collection workbook is under 200 KB`
        : "the file unpacks to more than a collection workbook ever holds",
      { limitBytes },
    ),
  workbookUnreadable: (
    reason: "not-xlsx" | "not-collection" | "unknown-round" | "unknown-lao" | "layout",
    th: string,
    en: string,
  ) =>
    new Problem(reason === "not-xlsx" ? "workbook-unreadable" : "workbook-not-collection", th, en, {
      reason,
    }),
  workbookOfAnotherLao: (lao: string) =>
    new Problem(
      "workbook-other-lao",
      `แฟ้มนี้เป็นแบบรวบรวมข้อมูลของ อปท. รหัส ${lao} ไม่ใช่ของ อปท. ที่ลงชื่อเข้าใช้ — ใช้แฟ้มของ อปท. ตนเอง (สร้างจาก Add-in หรือ minstd template ด้วยรหัส อปท. ของตนเอง)`,
      `this is LAO ${lao}'s collection workbook, not the signed-in LAO's — upload your own LAO's workbook`,
      { lao },
    ),

  rateLimited: (retryAfterSeconds: number) =>
    new Problem(
      "rate-limited",
      `ส่งคำขอถี่เกินไป — รอ ${retryAfterSeconds} วินาทีแล้วลองใหม่ (ข้อมูลที่ส่งสำเร็จแล้วไม่หาย)`,
      `too many requests — wait ${retryAfterSeconds} s and try again (anything already stored is kept)`,
      { retryAfterSeconds },
    ),
  internal: () =>
    new Problem(
      "internal",
      "เครื่องแม่ข่ายขัดข้อง ข้อมูลนี้ยังไม่ได้บันทึก — ลองส่งใหม่อีกครั้ง ถ้ายังไม่ได้ แจ้งผู้ดูแลระบบ",
      "the server failed and nothing was stored — try again; if it persists, tell the administrator",
    ),
} as const;
