import * as z from "zod";
import { userDisplayNameSchema } from "../core/rules/lineText";
import { instantSchema, laoCodeSchema, laoSchema, laoTypeSchema, provinceCodeSchema } from "./common";
import { roleSchema } from "./sessions";

/** GET /users?role=&province= */
export const usersQuerySchema = z
  .object({ role: roleSchema.optional(), province: z.string().optional() })
  .strip();

export const userSchema = z.object({
  id: z.number(),
  role: roleSchema,
  displayName: z.string(),
  laoCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  createdAt: instantSchema,
  retiredAt: instantSchema.nullable(),
});
export const usersSchema = z.array(userSchema);

/** POST /users */
export const newUserRequestSchema = z
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

/** DELETE /users/:id and POST /users/:id/reactivation */
export const userRetiredSchema = z.object({ id: z.number(), retired: z.boolean() });

/** POST /users/:id/access-codes and POST /laos/:lao/access-codes: how many days the code works. */
export const codeDaysRequestSchema = z.object({ days: z.number().int().min(1).max(365).optional() }).strict();

export const userCodeSchema = z.object({ userId: z.number(), code: z.string(), expiresAt: instantSchema });

/** POST /provinces/:province/access-codes: all the province's LAOs, or only those chosen. */
export const provinceCodesRequestSchema = z
  .object({
    days: z.number().int().min(1).max(365).optional(),
    laos: z.array(laoCodeSchema).min(1).max(10_000).optional(),
  })
  .strict();

/** A code just issued for an LAO, as the list a province office hands out. */
export const issuedCodeSchema = z.object({
  lao: z.string(),
  name: z.string(),
  type: laoTypeSchema,
  districtTh: z.string(),
  code: z.string(),
  expiresAt: instantSchema,
});
export type IssuedCode = z.infer<typeof issuedCodeSchema>;
export const issuedCodesSchema = z.array(issuedCodeSchema);

/** POST /laos/:lao/access-codes */
export const laoCodeIssuedSchema = z.object({ lao: laoSchema, code: z.string(), expiresAt: instantSchema });

export { provinceCodeSchema };
