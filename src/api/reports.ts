import * as z from "zod";
import { isoDateSchema } from "../core/rules/identifiers";
import { INDICATOR_KINDS } from "../core/rules/round";
import { STATUSES } from "../core/rules/scoring";
import { TRENDS } from "../core/reports/yearOverYear";
import { instantSchema } from "./common";

/** A result the server keeps: the category and the measured value (percentage, count, 1/0 for มี/ไม่มี). */
const resultPoint = z.object({ status: z.enum(STATUSES), value: z.number().optional() });

/**
 * GET /laos/:lao/history/:round: every indicator of the round (for the LAO's type) that continues
 * one of an earlier round, with the LAO's results there, newest first. `current` and `change` are
 * the server's view of what was submitted in this round (null before anything was).
 */
export const laoHistorySchema = z.object({
  round: z.string(),
  lao: z.string(),
  indicators: z.array(
    z.object({
      id: z.string(),
      current: resultPoint.nullable(),
      earlier: z.array(
        resultPoint.extend({
          round: z.string(),
          year: z.number().int(),
          indicatorId: z.string(),
          kind: z.enum(INDICATOR_KINDS),
          /** The status's label in the earlier round's words. */
          label: z.string(),
          version: z.number().int(),
          receivedAt: instantSchema,
          receivedAtTh: z.string(),
        }),
      ),
      change: z.object({ trend: z.enum(TRENDS), delta: z.number().optional() }).nullable(),
    }),
  ),
});
export type LaoHistory = z.infer<typeof laoHistorySchema>;
export type LaoHistoryIndicator = LaoHistory["indicators"][number];

/** GET …/summary.xlsx?version= (default the current version). */
export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() }).strip();

/** GET …/memo.docx: the version and what the memo's head and signature say. */
export const memoQuerySchema = versionQuerySchema
  .extend({
    date: isoDateSchema.optional(),
    reference: z.string().max(100).optional(),
    department: z.string().max(200).optional(),
    to: z.string().max(200).optional(),
    signer: z.string().max(200).optional(),
    position: z.string().max(200).optional(),
  })
  .strip();
