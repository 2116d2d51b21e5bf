import * as z from "zod";
import { instantSchema } from "./common";

/** GET /audits?action=&subject=&limit= */
export const auditQuerySchema = z
  .object({
    action: z.string().max(100).optional(),
    subject: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strip();

export const auditsSchema = z.array(
  z.object({
    id: z.number(),
    action: z.string(),
    actorId: z.number().nullable(),
    actorName: z.string().nullable(),
    subject: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    loggedAt: instantSchema,
  }),
);
