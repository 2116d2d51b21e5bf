import * as z from "zod";
import { instantSchema, laoSchema } from "./common";

export const ROLES = ["lao", "province", "national", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** POST /sessions */
export const signInRequestSchema = z
  .object({
    code: z.string().min(4).max(64),
    /** What the officer calls this device, e.g. "Excel ห้องกองช่าง". */
    device: z.string().max(200).optional(),
  })
  .strict();

export const signedInSchema = z.object({
  token: z.string().min(10),
  user: z.object({
    role: roleSchema,
    displayName: z.string(),
    laoCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
  }),
});
export type SignedIn = z.infer<typeof signedInSchema>;

/** DELETE /sessions/current */
export const signedOutSchema = z.object({ signedOut: z.literal(true) });

/** PUT /sessions/current/page (see firstScreen.ts) */
export const pageCookieSchema = z.object({ pageCookie: z.literal(true) });

/** GET /me */
export const meSchema = z.object({
  userId: z.number(),
  role: roleSchema,
  roleName: z.object({ th: z.string(), en: z.string() }),
  displayName: z.string(),
  provinceCode: z.string().nullable(),
  lao: laoSchema.extend({ typeName: z.string() }).nullable(),
});
export type Me = z.infer<typeof meSchema>;

/** GET /me/sessions: every sign-in of this account, newest first, with who issued its code. */
export const mySessionsSchema = z.array(
  z.object({
    id: z.number(),
    device: z.string().nullable(),
    createdAt: instantSchema,
    lastUsedAt: instantSchema,
    revokedAt: instantSchema.nullable(),
    /** null: the code was issued by `minstd admin` on the server. */
    codeIssuedBy: z
      .looseObject({
        userId: z.number(),
        role: roleSchema,
        displayName: z.string(),
        provinceCode: z.string().nullable(),
      })
      .nullable(),
    codeIssuedAt: instantSchema.nullable(),
    current: z.boolean(),
  }),
);

/** GET /health (not in the route table: app.ts answers it). */
export const healthSchema = z.object({ ok: z.literal(true) });
