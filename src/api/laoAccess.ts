import * as z from "zod";
import { instantSchema, laoTypeSchema } from "./common";

/** unused: can still be redeemed; used: redeemed; expired: not redeemed in time; void: replaced or withdrawn. */
export const CODE_STATES = ["none", "unused", "used", "expired", "void"] as const;
export type CodeState = (typeof CODE_STATES)[number];

export const laoAccessSchema = z.object({
  lao: z.string(),
  name: z.string(),
  type: laoTypeSchema,
  districtCode: z.string(),
  districtTh: z.string(),
  /** The newest code (never the code itself: the server keeps only its hash). */
  code: z.object({
    state: z.enum(CODE_STATES),
    issuedAt: instantSchema.nullable(),
    expiresAt: instantSchema.nullable(),
    redeemedAt: instantSchema.nullable(),
  }),
  devices: z.array(z.object({ id: z.number(), device: z.string().nullable(), signedInAt: instantSchema })),
});
export type LaoAccess = z.infer<typeof laoAccessSchema>;

/** GET /provinces/:province/access-codes */
export const accessCodesSchema = z.object({
  province: z.string(),
  provinceTh: z.string(),
  asOf: instantSchema,
  laos: z.array(laoAccessSchema),
});
export type AccessCodesResponse = z.infer<typeof accessCodesSchema>;

/** DELETE /laos/:lao/devices/:device */
export const deviceRevokedSchema = z.object({
  lao: z.string(),
  device: z.number(),
  revoked: z.literal(true),
});
