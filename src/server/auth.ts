import type { Role } from "../api";
import { problems } from "./problems";

export { ROLES, type Role } from "../api";

/** Who is making a request: the user behind a device token. */
export interface Principal {
  readonly userId: number;
  readonly tokenId: number;
  readonly role: Role;
  readonly displayName: string;
  /** For role lao: its LAO. */
  readonly laoCode: string | null;
  /** For role province: its province. */
  readonly provinceCode: string | null;
}

export const ROLE_NAMES: Record<Role, { th: string; en: string }> = {
  lao: { th: "เจ้าหน้าที่ อปท.", en: "LAO officer" },
  province: { th: "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด", en: "province office" },
  national: { th: "สำนักงาน ก.ก.ถ.", en: "national office" },
  admin: { th: "ผู้ดูแลระบบ", en: "administrator" },
};

/** lao: its own LAO; province: the LAOs of its province; national and admin: every LAO. */
export function canReadLao(p: Principal, lao: { code: string; provinceCode: string }): boolean {
  switch (p.role) {
    case "lao":
      return p.laoCode === lao.code;
    case "province":
      return p.provinceCode === lao.provinceCode;
    case "national":
    case "admin":
      return true;
  }
}

export function requireLaoAccess(p: Principal, lao: { code: string; provinceCode: string }): void {
  if (!canReadLao(p, lao))
    throw problems.forbidden(`ดูข้อมูลของ อปท. รหัส ${lao.code}`, `see the data of LAO ${lao.code}`);
}

/**
 * The province a read is limited to: a province user always sees only its own (asking for another
 * is refused); national and admin see the one asked for, or all when none is asked.
 */
export function provinceScope(p: Principal, asked: string | undefined): string | undefined {
  if (p.role === "province") {
    if (asked !== undefined && asked !== p.provinceCode)
      throw problems.forbidden(`ดูข้อมูลของจังหวัดรหัส ${asked}`, `see province ${asked}`);
    return p.provinceCode ?? undefined;
  }
  if (p.role === "lao") throw problems.forbidden("ดูข้อมูลระดับจังหวัด", "see province data");
  return asked;
}
