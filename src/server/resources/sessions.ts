import { z } from "zod";
import { LAO_TYPE_INFO } from "../../core";
import { ROLE_NAMES } from "../auth";
import { problems } from "../problems";
import { audit } from "../queries/audits";
import { getLao } from "../queries/laos";
import { createToken, getUser, redeemCode, revokeToken } from "../queries/users";
import { route } from "../route";
import { hashAccessCode, hashToken, newToken } from "../secrets";

/** Signing in: a one-time access code becomes a device token; signing out revokes it. */

const signIn = z
  .object({
    code: z.string().min(4).max(64),
    /** What the officer calls this device, e.g. "Excel ห้องกองช่าง". */
    device: z.string().max(200).optional(),
  })
  .strict();

export const sessionRoutes = [
  route({
    method: "POST",
    path: "/sessions",
    summary: "แลกรหัสเข้าใช้งานเป็นโทเค็นของเครื่อง / redeem an access code for a device token",
    roles: "public",
    body: signIn,
    write: true,
    status: 201,
    async handler({ q, body, now }) {
      const redeemed = await redeemCode(q, hashAccessCode(body.code), now);
      if (!redeemed) throw problems.codeInvalid();
      const token = newToken();
      const tokenId = await createToken(q, {
        userId: redeemed.userId,
        tokenHash: hashToken(token),
        codeId: redeemed.codeId,
        device: body.device ?? null,
      });
      await audit(q, "session.create", redeemed.userId, `token:${tokenId}`, { device: body.device ?? null });
      const user = (await getUser(q, redeemed.userId))!;
      return {
        token,
        user: {
          role: user.role,
          displayName: user.displayName,
          laoCode: user.laoCode,
          provinceCode: user.provinceCode,
        },
      };
    },
  }),
  route({
    method: "DELETE",
    path: "/sessions/current",
    summary: "ออกจากระบบ (ยกเลิกโทเค็นของเครื่องนี้) / sign out (revokes this device's token)",
    roles: ["lao", "province", "national", "admin"],
    write: true,
    async handler({ q, me }) {
      await revokeToken(q, me.tokenId);
      await audit(q, "session.revoke", me.userId, `token:${me.tokenId}`);
      return { signedOut: true };
    },
  }),
  route({
    method: "GET",
    path: "/me",
    summary: "ผู้ใช้ที่ลงชื่อเข้าใช้ / who is signed in",
    roles: ["lao", "province", "national", "admin"],
    async handler({ q, me }) {
      const lao = me.laoCode ? await getLao(q, me.laoCode) : undefined;
      return {
        userId: me.userId,
        role: me.role,
        roleName: ROLE_NAMES[me.role],
        displayName: me.displayName,
        provinceCode: me.provinceCode ?? lao?.provinceCode ?? null,
        lao: lao ? { ...lao, typeName: LAO_TYPE_INFO[lao.type].th } : null,
      };
    },
  }),
];
