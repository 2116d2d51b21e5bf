import * as z from "zod";
import { laoCodeSchema, provinceCodeSchema } from "../../core";
import { userDisplayNameSchema } from "../../core/lineText";
import { ROLES, type Role } from "../auth";
import { issueLaoCode, issueProvinceCodes, issueUserCode } from "../accessCodes";
import { problems } from "../problems";
import { audit } from "../queries/audits";
import { provinceExists } from "../queries/laos";
import { createUser, listUsers, reactivateUser, retireUser } from "../queries/users";
import { route } from "../route";
import { parseOr400 } from "../validation";
import { requireLao } from "./rounds";
import { requireLaoAccess } from "../auth";

/** Users and access codes. Admins manage users; a province office may issue codes for its own LAOs. */

const newUser = z
  .object({
    role: z.enum(["province", "national", "admin"]),
    displayName: userDisplayNameSchema,
    provinceCode: provinceCodeSchema.optional(),
  })
  .strict()
  .refine((u) => (u.role === "province") === (u.provinceCode !== undefined), {
    message: "ผู้ใช้ระดับจังหวัดต้องมีรหัสจังหวัด และระดับอื่นต้องไม่มี / province users have a province code, others none",
    path: ["provinceCode"],
  });

const codeDays = z.object({ days: z.number().int().min(1).max(365).optional() }).strict();

/** For a province: all its LAOs, or only those chosen. */
const provinceCodes = z
  .object({
    days: z.number().int().min(1).max(365).optional(),
    laos: z.array(laoCodeSchema).min(1).max(10_000).optional(),
  })
  .strict();

const userId = z.coerce.number().int().positive();

export const userRoutes = [
  route({
    method: "GET",
    path: "/users",
    summary: "รายชื่อผู้ใช้ / list users",
    roles: ["admin"],
    async handler({ q, query }) {
      const role = query.role ? parseOr400(z.enum(ROLES), query.role) : undefined;
      return listUsers(q, {
        ...(role && { role: role as Role }),
        ...(query.province && { provinceCode: query.province }),
      });
    },
  }),
  route({
    method: "POST",
    path: "/users",
    summary: "เพิ่มผู้ใช้ระดับจังหวัด ส่วนกลาง หรือผู้ดูแลระบบ / add a province, national or admin user",
    roles: ["admin"],
    body: newUser,
    write: true,
    status: 201,
    async handler({ q, me, body }) {
      if (body.provinceCode && !(await provinceExists(q, body.provinceCode)))
        throw problems.notFound(
          `จังหวัดรหัส ${body.provinceCode} ในทะเบียน`,
          `province ${body.provinceCode} in the register`,
        );
      const user = await createUser(q, body);
      await audit(q, "user.create", me.userId, `user:${user.id}`, {
        role: user.role,
        provinceCode: user.provinceCode,
      });
      return user;
    },
  }),
  route({
    method: "DELETE",
    path: "/users/:id",
    summary: "ปิดบัญชีผู้ใช้ (ยกเลิกทุกโทเค็น) / retire a user (revokes every token)",
    roles: ["admin"],
    write: true,
    async handler({ q, me, params }) {
      const id = parseOr400(userId, params.id);
      if (!(await retireUser(q, id)))
        throw problems.notFound(`ผู้ใช้หมายเลข ${id} ที่ยังใช้งานอยู่`, `active user ${id}`);
      await audit(q, "user.retire", me.userId, `user:${id}`);
      return { id, retired: true };
    },
  }),
  route({
    method: "POST",
    path: "/users/:id/reactivation",
    summary: "เปิดบัญชีผู้ใช้ที่ปิดไปแล้วคืน (ต้องออกรหัสใหม่) / reactivate a retired user (a new code is then needed)",
    roles: ["admin"],
    write: true,
    async handler({ q, me, params }) {
      const id = parseOr400(userId, params.id);
      if (!(await reactivateUser(q, id)))
        throw problems.notFound(`ผู้ใช้หมายเลข ${id} ที่ถูกปิดบัญชี`, `retired user ${id}`);
      await audit(q, "user.reactivate", me.userId, `user:${id}`);
      return { id, retired: false };
    },
  }),
  route({
    method: "POST",
    path: "/users/:id/access-codes",
    summary: "ออกรหัสเข้าใช้งานครั้งเดียวให้ผู้ใช้ / issue a one-time sign-in code for a user",
    roles: ["admin"],
    body: codeDays,
    write: true,
    status: 201,
    async handler({ q, me, params, body, now }) {
      // A retired user is refused (account-retired): reactivating is its own, audited act.
      return issueUserCode(q, parseOr400(userId, params.id), me.userId, now, body.days);
    },
  }),
  route({
    method: "POST",
    path: "/provinces/:province/access-codes",
    summary:
      "ออกรหัสเข้าใช้งานให้ทุก อปท. ในจังหวัด หรือเฉพาะที่เลือก / issue access codes for every LAO of a province, or those chosen",
    roles: ["province", "admin"],
    body: provinceCodes,
    write: true,
    status: 201,
    async handler({ q, me, params, body, now }) {
      const province = params.province!;
      if (me.role === "province" && me.provinceCode !== province)
        throw problems.forbidden(`ออกรหัสให้จังหวัดรหัส ${province}`, `issue codes for province ${province}`);
      if (!(await provinceExists(q, province)))
        throw problems.notFound(`จังหวัดรหัส ${province} ในทะเบียน`, `province ${province} in the register`);
      const codes = await issueProvinceCodes(q, province, me.userId, now, body.days, body.laos);
      return codes.map(({ lao, code, expiresAt }) => ({
        lao: lao.code,
        name: lao.name,
        type: lao.type,
        districtTh: lao.districtTh,
        code,
        expiresAt,
      }));
    },
  }),
  route({
    method: "POST",
    path: "/laos/:lao/access-codes",
    summary: "ออกรหัสเข้าใช้งานใหม่ให้ อปท. หนึ่งแห่ง (เช่น รหัสหาย) / issue a new access code for one LAO",
    roles: ["province", "admin"],
    body: codeDays,
    write: true,
    status: 201,
    async handler(ctx) {
      const lao = await requireLao(ctx, ctx.params.lao!);
      requireLaoAccess(ctx.me, lao);
      return issueLaoCode(ctx.q, lao, ctx.me.userId, ctx.now, ctx.body.days);
    },
  }),
];
