import * as z from "zod";
import { isoDateSchema } from "../core/rules/identifiers";
import { problemIssue, problems } from "../core/rules/problems";
import { instantSchema, laoTypeSchema, windowInfoSchema } from "./common";

/** GET /rounds */
export const roundsSchema = z.array(
  z.object({
    id: z.string(),
    /** Goes up each time the round is loaded again on the server; absent from older servers. */
    revision: z.number().int().optional(),
    year: z.number(),
    title: z.string(),
    laoTypes: z.array(laoTypeSchema),
    window: windowInfoSchema,
  }),
);
export type RoundInfo = z.infer<typeof roundsSchema>[number];

/**
 * GET /rounds/:round: the definition and the window. The definition is checked by the reader with
 * the core's round schema (parseRound), which says what in it this program cannot read.
 */
export const roundDefinitionSchema = z.object({ round: z.unknown(), window: windowInfoSchema });
export type RoundDefinitionAnswer = z.infer<typeof roundDefinitionSchema>;

/** PUT /rounds/:round (the body is a round as JSON or a round workbook). */
export const roundLoadedSchema = z.object({ id: z.string(), revision: z.number().int() });

/** PUT /rounds/:round/window */
export const windowRequestSchema = z
  .object({ opens: isoDateSchema, closes: isoDateSchema })
  .strict()
  .refine((w) => w.opens <= w.closes, problemIssue(problems.windowOrder()));
export const windowSetSchema = z.object({ round: z.string(), window: windowInfoSchema });

/** GET /rounds/:round/extensions */
export const extensionsSchema = z.array(
  z.object({
    roundId: z.string(),
    laoCode: z.string(),
    closes: z.string(),
    reason: z.string(),
    grantedBy: z.number().nullable(),
    grantedAt: instantSchema,
    laoName: z.string(),
    provinceCode: z.string(),
  }),
);

/** PUT /rounds/:round/extensions/:lao */
export const extensionRequestSchema = z
  .object({
    closes: isoDateSchema,
    reason: z.string().trim().min(3, "ระบุเหตุผลของการขยายเวลา / give the reason for the extension").max(1000),
  })
  .strict();

/** PUT and DELETE /rounds/:round/extensions/:lao: the LAO's window now. */
export const laoWindowSchema = z.object({ round: z.string(), lao: z.string(), window: windowInfoSchema });
