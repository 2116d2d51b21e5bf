import { LAO_TYPE_INFO, toBangkokIso, type Lao } from "../core";
import type { Queryable } from "./db/adapter";
import { problems } from "./problems";
import { audit } from "./queries/audits";
import { laosOfProvince } from "./queries/laos";
import { ensureLaoUser, ensureLaoUsers, getUser, issueCodes } from "./queries/users";
import { toCsv } from "./exports";
import { codeKey } from "./codeKey";
import { hashAccessCode, newAccessCode } from "./secrets";

/**
 * Issuing one-time access codes, for the API and for `minstd admin codes`. The plain codes exist
 * only in the answer (to be printed and handed out); the database keeps their hashes.
 */

export const DEFAULT_CODE_DAYS = 60;

export interface IssuedLaoCode {
  lao: Lao;
  code: string;
  /** Bangkok ISO time the code stops working unless redeemed. */
  expiresAt: string;
}

function expiry(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

/**
 * A new code for every LAO of a province, or only for `only`, whose account is not retired (earlier
 * unused codes of those LAOs stop working). Retired LAO accounts get none: only an admin reopens them.
 * An LAO in `only` that is not in the province is refused, and nothing is issued.
 */
export async function issueProvinceCodes(
  q: Queryable,
  provinceCode: string,
  issuedBy: number | null,
  now: Date,
  days = DEFAULT_CODE_DAYS,
  only?: readonly string[],
): Promise<IssuedLaoCode[]> {
  const all = await laosOfProvince(q, provinceCode);
  const laos = only ? all.filter((l) => only.includes(l.code)) : all;
  if (only) {
    const known = new Set(all.map((l) => l.code));
    const strangers = [...new Set(only)].filter((c) => !known.has(c));
    if (strangers.length > 0) throw problems.laosNotInProvince(provinceCode, strangers);
  }
  const chosen = new Set(laos.map((l) => l.code));
  const accounts = (await ensureLaoUsers(q, provinceCode)).filter((u) => chosen.has(u.laoCode));
  const users = new Map(accounts.filter((u) => !u.retiredAt).map((u) => [u.laoCode, u.userId]));
  const retired = accounts.filter((u) => u.retiredAt).map((u) => u.laoCode);
  const expiresAt = toBangkokIso(expiry(now, days));
  const issued = laos
    .filter((lao) => users.has(lao.code))
    .map((lao) => ({ lao, code: newAccessCode(), expiresAt }));
  const key = await codeKey(q);
  await issueCodes(
    q,
    issued.map((i) => ({ userId: users.get(i.lao.code)!, codeHash: hashAccessCode(key, i.code) })),
    issuedBy,
    expiry(now, days),
  );
  await audit(q, "access-code.issue", issuedBy, `province:${provinceCode}`, {
    laos: issued.length,
    days,
    ...(retired.length > 0 && { skippedRetired: retired }),
    ...(only && { chosen: issued.map((i) => i.lao.code) }),
  });
  return issued;
}

export async function issueLaoCode(
  q: Queryable,
  lao: Lao,
  issuedBy: number | null,
  now: Date,
  days = DEFAULT_CODE_DAYS,
) {
  const account = await ensureLaoUser(q, lao.code);
  if (account.retiredAt) throw problems.accountRetired(`อปท. รหัส ${lao.code}`, `LAO ${lao.code}`);
  const code = newAccessCode();
  const codeHash = hashAccessCode(await codeKey(q), code);
  await issueCodes(q, [{ userId: account.id, codeHash }], issuedBy, expiry(now, days));
  await audit(q, "access-code.issue", issuedBy, `lao:${lao.code}`, { days });
  return { lao, code, expiresAt: toBangkokIso(expiry(now, days)) };
}

/** A sign-in code for a province, national or admin user; refused for a retired one. */
export async function issueUserCode(
  q: Queryable,
  userId: number,
  issuedBy: number | null,
  now: Date,
  days = DEFAULT_CODE_DAYS,
) {
  const user = await getUser(q, userId);
  if (!user) throw problems.notFound(`ผู้ใช้หมายเลข ${userId}`, `user ${userId}`);
  if (user.retiredAt) throw problems.accountRetired(`ผู้ใช้หมายเลข ${userId}`, `user ${userId}`);
  const code = newAccessCode();
  const codeHash = hashAccessCode(await codeKey(q), code);
  await issueCodes(q, [{ userId, codeHash }], issuedBy, expiry(now, days));
  await audit(q, "access-code.issue", issuedBy, `user:${userId}`, { days });
  return { userId, code, expiresAt: toBangkokIso(expiry(now, days)) };
}

/** The list a province office hands out: รหัส อปท., ชื่อ, ประเภท, อำเภอ, รหัสเข้าใช้งาน. UTF-8 with BOM. */
export function codesCsv(codes: readonly IssuedLaoCode[]): Buffer {
  return toCsv({
    name: "รหัสเข้าใช้งาน",
    rows: [
      ["รหัส อปท.", "ชื่อ อปท.", "ประเภท", "อำเภอ", "รหัสเข้าใช้งาน"],
      ...codes.map(({ lao, code }) => [lao.code, lao.name, LAO_TYPE_INFO[lao.type].th, lao.districtTh, code]),
    ],
    widths: [],
  });
}
