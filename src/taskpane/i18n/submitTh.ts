import { DIFF_WORDS, fieldName, formatThaiDateTime, toArabicDigits, type LaoType } from "../../core";
import type { ChecklistItemId } from "../view/submitChecklist";

/** The pane's Thai texts for the server: settings, sign-in and submitting (spread into th). */
export const submitTh = {
  tabSubmit: "ส่งข้อมูล",
  deadlineExtended: "(จังหวัดขยายเวลาให้ อปท. นี้แล้ว)",
  tabSettings: "ตั้งค่า",
  tabSubmitBadge: (what: "returned" | "waiting" | "held") =>
    ({ returned: "ถูกส่งกลับ", waiting: "รอส่ง", held: "ต้องตัดสินใจ" })[what],

  settingsTitle: "การเชื่อมต่อเครื่องแม่ข่าย",
  settingsIntro:
    "ลงชื่อเข้าใช้ครั้งเดียวต่อเครื่อง ด้วยรหัสเข้าใช้งานที่ได้รับจากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด การเข้าใช้งานเก็บไว้ในส่วนเสริมบนเครื่องนี้ ไม่ได้เก็บในแฟ้ม Excel จึงส่งแฟ้มต่อทางอีเมลได้อย่างปลอดภัย",
  serverLabel: "ที่อยู่เครื่องแม่ข่าย",
  serverHint: "เช่น https://minstd.example.go.th",
  codeLabel: "รหัสเข้าใช้งาน (ใช้ได้ครั้งเดียว)",
  codeHint: "พิมพ์ตามที่ได้รับ ตัวพิมพ์เล็กหรือใหญ่ก็ได้",
  serverMissing: "กรอกที่อยู่เครื่องแม่ข่าย เช่น https://minstd.example.go.th",
  codeMissing: "กรอกรหัสเข้าใช้งานที่ได้รับจากจังหวัด",
  insecureServer:
    "คำเตือน: ที่อยู่นี้ใช้ http ไม่เข้ารหัส ข้อมูลและการเข้าใช้งานจะส่งผ่านเครือข่ายโดยไม่เข้ารหัส ใช้ https ถ้าเป็นไปได้",
  signIn: "ลงชื่อเข้าใช้",
  signingIn: "กำลังลงชื่อเข้าใช้…",
  signInFailed: "ลงชื่อเข้าใช้ไม่สำเร็จ",
  signedInAs: (name: string) => `ลงชื่อเข้าใช้แล้ว: ${name}`,
  signedInServer: (server: string) => `เครื่องแม่ข่าย ${server}`,
  signedInSince: (iso: string) => `ตั้งแต่ ${formatThaiDateTime(new Date(iso), { digits: "arabic" })}`,
  signOut: "ออกจากระบบบนเครื่องนี้",
  signingOut: "กำลังออกจากระบบ…",
  signedOut: "ออกจากระบบแล้ว ข้อมูลที่รอส่งยังเก็บไว้ในเครื่องนี้ และจะส่งเมื่อลงชื่อเข้าใช้อีกครั้ง",
  signedOutOffline:
    "ลบการเข้าใช้งานออกจากเครื่องนี้แล้ว แต่ติดต่อเครื่องแม่ข่ายเพื่อยกเลิกไม่ได้ — ถ้ากังวลว่ามีผู้อื่นนำไปใช้ แจ้งจังหวัดให้ยกเลิกการเข้าใช้งานของเครื่องนี้",
  notLaoUser: (role: string) =>
    `ผู้ใช้นี้เป็น${role} ไม่ใช่เจ้าหน้าที่ อปท. — ส่งข้อมูลจาก Excel ได้เฉพาะรหัสเข้าใช้งานของ อปท.`,
  loadingConnection: "กำลังอ่านการตั้งค่า…",

  submitTitle: "ส่งข้อมูลให้จังหวัด",
  needSignIn: "ลงชื่อเข้าใช้ก่อนส่งข้อมูล",
  sessionLost:
    "เครื่องแม่ข่ายไม่รับการเข้าใช้งานของเครื่องนี้แล้ว (หมดอายุหรือถูกยกเลิก) — ขอรหัสเข้าใช้งานใหม่จากจังหวัด ข้อมูลที่ยังไม่ได้ส่งยังเก็บไว้ในเครื่องนี้",
  needSignInBody: "ข้อมูลที่กรอกในแฟ้มยังอยู่ครบ ลงชื่อเข้าใช้ด้วยรหัสเข้าใช้งานจากจังหวัดแล้วกลับมาส่งได้ทันที",
  goToSettings: "ไปที่การตั้งค่า",
  otherLao: (signedIn: string, workbook: string) =>
    `เครื่องนี้ลงชื่อเข้าใช้ไว้เป็น อปท. รหัส ${signedIn} แต่แฟ้มนี้เป็นของ อปท. รหัส ${workbook} — ออกจากระบบ แล้วลงชื่อเข้าใช้ด้วยรหัสเข้าใช้งานของ อปท. ${workbook}`,
  checklistTitle: "ตรวจความพร้อมก่อนส่ง",
  checklistItem: (id: ChecklistItemId) =>
    ({
      indicators: "กรอกครบทุกตัวชี้วัด",
      invalid: "ไม่มีเซลล์ที่ข้อมูลไม่ถูกต้อง",
      basic: "ข้อมูลพื้นฐาน (แบบ 1) ครบถ้วน",
      preparer: "ระบุชื่อ ตำแหน่ง และเบอร์โทรศัพท์ผู้จัดเก็บข้อมูล",
    })[id],
  checklistCount: (n: number) => `${n} รายการ`,
  checklistMore: (n: number) => `และอีก ${n} รายการ`,
  notReady: "ยังส่งไม่ได้ — แก้ไขหรือกรอกตามรายการข้างบน แล้วกดส่งอีกครั้ง",

  changesTitle: "สิ่งที่เปลี่ยนไปจากฉบับที่ส่งล่าสุด",
  changesFirst: "ยังไม่เคยส่ง — ฉบับนี้จะเป็นฉบับที่ 1",
  changesAgainst: (version: number) => `เทียบกับฉบับที่ ${version}`,
  changesNone: "ไม่มีข้อมูลที่เปลี่ยนจากฉบับที่ส่งล่าสุด",
  changesUnknown: "ยังเทียบกับฉบับที่ส่งล่าสุดไม่ได้ (ติดต่อเครื่องแม่ข่ายไม่ได้) — ส่งได้ตามปกติ",
  changesCount: (n: number) => DIFF_WORDS.count(n),
  changeEmpty: DIFF_WORDS.empty,
  fieldName: (field: string, type: LaoType) => fieldName(field, type) ?? field,

  submitButton: "ส่งข้อมูล",
  resubmitButton: "ส่งฉบับแก้ไข",
  submitHint: (version: number) => `จะส่งเป็นฉบับที่ ${version}`,
  progress: (step: "saving" | "sending" | "waiting" | "writing-receipt") =>
    ({
      saving: "กำลังบันทึกข้อมูลไว้ในเครื่องนี้…",
      sending: "กำลังส่งข้อมูล…",
      waiting: "เครือข่ายขัดข้อง กำลังลองใหม่…",
      "writing-receipt": "ได้รับใบรับแล้ว กำลังเขียนใบรับลงในแฟ้ม…",
    })[step],
  retryIn: (attempt: number, seconds: number) => `ครั้งที่ ${attempt} ไม่สำเร็จ จะลองใหม่ในอีก ${seconds} วินาที`,

  acknowledgedTitle: "ส่งข้อมูลสำเร็จ — เครื่องแม่ข่ายรับแล้ว",
  unchangedTitle: (version: number) => `ข้อมูลเหมือนฉบับที่ ${version} ที่ส่งไว้แล้ว — ไม่ได้ส่งซ้ำ`,
  receiptWritten: (sheet: string) => `เขียนใบรับไว้ในแผ่นงาน “${sheet}” แล้ว — บันทึกแฟ้มเพื่อเก็บไว้`,
  receiptSheetFailed: "เขียนใบรับลงในแฟ้มไม่สำเร็จ (ใบรับยังอยู่ในเครื่องแม่ข่ายและในบานหน้าต่างนี้)",
  writeReceiptAgain: "เขียนใบรับอีกครั้ง",
  queuedTitle: "ยังส่งไม่ถึงเครื่องแม่ข่าย — เก็บไว้ในเครื่องนี้แล้ว",
  queuedBody: "ข้อมูลไม่หาย ระบบจะส่งให้เองเมื่อเชื่อมต่อได้ รวมทั้งเมื่อเปิด Excel ครั้งต่อไป ปิด Excel ได้ตามปกติ",
  sendNow: "ลองส่งตอนนี้",
  heldTitle: "เครื่องแม่ข่ายไม่รับฉบับนี้ — เก็บไว้ในเครื่องนี้ รอให้ตัดสินใจ",
  heldCreated: (iso: string) => `ฉบับที่กดส่งเมื่อ ${formatThaiDateTime(new Date(iso), { digits: "arabic" })}`,
  heldResubmit: "ส่งแทนฉบับล่าสุด",
  heldRetry: "ส่งอีกครั้ง",
  heldDiscard: "ทิ้งฉบับนี้",
  heldDiscardConfirm: "ยืนยันทิ้งฉบับนี้ (ข้อมูลในแฟ้มไม่หาย)",
  refusedTitle: "ส่งไม่สำเร็จ",
  reload: "ดูสถานะล่าสุดอีกครั้ง",
  offline: "ติดต่อเครื่องแม่ข่ายไม่ได้ขณะนี้",

  returnedTitle: (version: number) => `จังหวัดส่งฉบับที่ ${version} กลับให้แก้ไข`,
  returnedBy: (who: string, when: string) => `โดย ${who} เมื่อ ${toArabicDigits(when)}`,
  returnedHint: "ความเห็นแสดงเป็นบันทึก (note) ที่เซลล์ด้วย แก้ไขแล้วกด “ส่งฉบับแก้ไข” จะเป็นฉบับถัดไป",

  receiptTitle: "ใบรับล่าสุด",
  historyTitle: "ประวัติการส่ง",
  historyVersion: (version: number) => `ฉบับที่ ${version}`,
  historyEmpty: "ยังไม่เคยส่งข้อมูลรอบนี้",
  stateSubmitted: "ส่งแล้ว",
  stateReturned: "ถูกส่งกลับให้แก้ไข",
  waitingCount: (n: number) => `รอส่ง ${n} ฉบับ (เก็บไว้ในเครื่องนี้)`,
};
