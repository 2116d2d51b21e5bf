import { z } from "zod";
import { accessCodesSchema, deviceRevokedSchema, type CodeState } from "../../api";
import { toBangkokIso } from "../../core";
import { requireLaoAccess, type Principal } from "../auth";
import { problems } from "../problems";
import { audit } from "../queries/audits";
import { laoCodeRows, laoDevices, revokeLaoDevice, type LaoCodeRow } from "../queries/laoAccess";
import { provinceExists } from "../queries/laos";
import { route } from "../route";
import { parseOr400 } from "../validation";
import { requireLao } from "./rounds";

/**
 * How the LAOs of a province stand with their sign-in, for the province office's code page: the
 * newest access code of each (never the code itself: only its hash is kept) and the devices signed
 * in, one of which the office can sign out.
 */

export type { CodeState };

export function codeState(
  row: Pick<LaoCodeRow, "issuedAt" | "expiresAt" | "redeemedAt" | "voidedAt">,
  now: Date,
): CodeState {
  if (!row.issuedAt) return "none";
  if (row.redeemedAt) return "used";
  if (row.voidedAt) return "void";
  return row.expiresAt && row.expiresAt.getTime() <= now.getTime() ? "expired" : "unused";
}

const iso = (d: Date | null) => (d ? toBangkokIso(d) : null);

/** A province user may only act for its own province. */
export function requireOwnProvince(me: Principal, province: string, whatTh: string, whatEn: string): void {
  if (me.role === "province" && me.provinceCode !== province)
    throw problems.forbidden(`${whatTh}ของจังหวัดรหัส ${province}`, `${whatEn} of province ${province}`);
}

const deviceId = z.coerce.number().int().positive();

export const laoAccessRoutes = [
  route({
    method: "GET",
    path: "/provinces/:province/access-codes",
    summary:
      "สถานะรหัสเข้าใช้งานและเครื่องที่ลงชื่อเข้าใช้ของ อปท. ในจังหวัด / access-code state and signed-in devices of a province's LAOs",
    roles: ["province", "admin"],
    response: accessCodesSchema,
    async handler({ q, me, params, now }) {
      const province = params.province!;
      requireOwnProvince(me, province, "ดูรหัสเข้าใช้งาน", "see the access codes");
      if (!(await provinceExists(q, province)))
        throw problems.notFound(`จังหวัดรหัส ${province} ในทะเบียน`, `province ${province} in the register`);
      const [rows, devices] = await Promise.all([laoCodeRows(q, province), laoDevices(q, province)]);
      const byLao = new Map<string, typeof devices>();
      for (const d of devices) byLao.set(d.laoCode, [...(byLao.get(d.laoCode) ?? []), d]);
      return {
        province,
        provinceTh: rows[0]?.provinceTh ?? province,
        asOf: toBangkokIso(now),
        laos: rows.map((r) => ({
          lao: r.code,
          name: r.name,
          type: r.type,
          districtCode: r.districtCode,
          districtTh: r.districtTh,
          code: {
            state: codeState(r, now),
            issuedAt: iso(r.issuedAt),
            expiresAt: iso(r.expiresAt),
            redeemedAt: iso(r.redeemedAt),
          },
          devices: (byLao.get(r.code) ?? []).map((d) => ({
            id: d.id,
            device: d.device,
            signedInAt: toBangkokIso(d.createdAt),
          })),
        })),
      };
    },
  }),
  route({
    method: "DELETE",
    path: "/laos/:lao/devices/:device",
    summary: "ยกเลิกการลงชื่อเข้าใช้ของเครื่องหนึ่งของ อปท. / sign one of an LAO's devices out",
    roles: ["province", "admin"],
    write: true,
    response: deviceRevokedSchema,
    async handler(ctx) {
      const lao = await requireLao(ctx, ctx.params.lao!);
      requireLaoAccess(ctx.me, lao);
      const id = parseOr400(deviceId, ctx.params.device);
      if (!(await revokeLaoDevice(ctx.q, lao.code, id)))
        throw problems.notFound(
          `เครื่องหมายเลข ${id} ที่ยังลงชื่อเข้าใช้เป็น อปท. รหัส ${lao.code}`,
          `device ${id} signed in as LAO ${lao.code}`,
        );
      await audit(ctx.q, "session.revoke", ctx.me.userId, `token:${id}`, { lao: lao.code });
      return { lao: lao.code, device: id, revoked: true as const };
    },
  }),
];
