import {
  meSchema,
  mySessionsSchema,
  pageCookieSchema,
  signedInSchema,
  signedOutSchema,
  signInRequestSchema,
} from "../../api";
import { LAO_TYPE_INFO } from "../../core";
import { ROLE_NAMES } from "../auth";
import { problems } from "../problems";
import { audit } from "../queries/audits";
import { getLao } from "../queries/laos";
import { createToken, getUser, listSessions, redeemCode, revokeToken } from "../queries/users";
import { checkSignInAllowed, countFailedSignIn } from "../rateLimit";
import { route } from "../route";
import { hashAccessCode, hashToken, newToken } from "../secrets";
import { codeKey } from "../codeKey";
import { bearerToken, clearPageCookie, setPageCookie } from "../pageCookie";

/**
 * Signing in: a one-time access code becomes a device token; signing out revokes it. A failed
 * sign-in is audited (the address, never what was typed) and counted against the address, which
 * may not try again once it has used up its failures for the window (rateLimit.ts).
 */

export const sessionRoutes = [
  route({
    method: "POST",
    path: "/sessions",
    summary: "แลกรหัสเข้าใช้งานเป็นโทเค็นของเครื่อง / redeem an access code for a device token",
    roles: "public",
    body: signInRequestSchema,
    response: signedInSchema,
    // Not one transaction: a refusal must still leave its audit row and failure count behind.
    status: 201,
    async handler({ services, body, now, request, reply }) {
      const { db } = services;
      await checkSignInAllowed(db, request, reply, services.limits, now);
      const key = await codeKey(db);
      const signedIn = await db.transaction(async (q) => {
        const redeemed = await redeemCode(q, hashAccessCode(key, body.code), now);
        if (!redeemed) return undefined;
        const token = newToken();
        const tokenId = await createToken(q, {
          userId: redeemed.userId,
          tokenHash: hashToken(token),
          codeId: redeemed.codeId,
          device: body.device ?? null,
          now,
        });
        await audit(q, "session.create", redeemed.userId, `token:${tokenId}`, {
          device: body.device ?? null,
          codeId: redeemed.codeId,
          codeIssuedBy: redeemed.issuedBy,
        });
        return { token, user: (await getUser(q, redeemed.userId))! };
      });
      if (!signedIn) {
        const failures = await db.transaction(async (q) => {
          const count = await countFailedSignIn(q, request.ip, now);
          await audit(q, "session.refused", null, `address:${request.ip}`, {
            device: body.device ?? null,
            failuresInWindow: count,
          });
          return count;
        });
        request.log.warn({ address: request.ip, failures }, "failed sign-in");
        throw problems.codeInvalid();
      }
      const { token, user } = signedIn;
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
    response: signedOutSchema,
    async handler({ q, me, request, reply }) {
      await revokeToken(q, me.tokenId);
      await audit(q, "session.revoke", me.userId, `token:${me.tokenId}`);
      clearPageCookie(reply, request);
      return { signedOut: true as const };
    },
  }),
  route({
    method: "PUT",
    path: "/sessions/current/page",
    summary:
      "ให้หน้าเว็บบนเครื่องของตนแสดงหน้าแรกพร้อมข้อมูลทันที (คุกกี้ HttpOnly เฉพาะหน้าเว็บ) / let the web page on one's own computer come with its first screen (an HttpOnly cookie for the page only)",
    roles: ["province", "national"],
    response: pageCookieSchema,
    async handler({ request, reply }) {
      // The route's roles admitted the request, so it came with a valid bearer token.
      setPageCookie(reply, request, bearerToken(request.headers.authorization)!);
      return { pageCookie: true as const };
    },
  }),
  route({
    method: "GET",
    path: "/me",
    summary: "ผู้ใช้ที่ลงชื่อเข้าใช้ / who is signed in",
    roles: ["lao", "province", "national", "admin"],
    response: meSchema,
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
  route({
    method: "GET",
    path: "/me/sessions",
    summary: "การลงชื่อเข้าใช้ทุกครั้งของบัญชีนี้ และผู้ออกรหัสที่ใช้ / every sign-in of this account and who issued its code",
    roles: ["lao", "province", "national", "admin"],
    response: mySessionsSchema,
    async handler({ q, me }) {
      return (await listSessions(q, me.userId)).map((s) => ({
        ...s,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt.toISOString(),
        revokedAt: s.revokedAt?.toISOString() ?? null,
        codeIssuedAt: s.codeIssuedAt?.toISOString() ?? null,
        current: s.id === me.tokenId,
      }));
    },
  }),
];
