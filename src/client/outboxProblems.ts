import type { MySubmission } from "./api";
import { ClientProblem } from "./problems";

/** The problems only the outbox raises, Thai first. */

export function wrongLao(wanted: string, signedIn: string | null): ClientProblem {
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

export function unexpectedVersion(expected: number, current: MySubmission | undefined): ClientProblem {
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

export function notInOutbox(entryId: string): ClientProblem {
  return new ClientProblem({
    kind: "not-found",
    code: "not-in-outbox",
    message: `ไม่มีรายการ ${entryId} ในรายการรอส่งของเครื่องนี้`,
    messageEn: `entry ${entryId} is not in this computer's outbox`,
  });
}
