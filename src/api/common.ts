import * as z from "zod";
import { LAO_TYPES } from "../core/rules/laoTypes";
import { STATUSES, type Status } from "../core/rules/scoring";

/**
 * Shapes several answers share. A field a newer server adds does not fail a check (objects are
 * not strict), so it never makes the answer look like someone else's. No answer schema transforms
 * what it accepts: the client keeps an answer as sent once it matches.
 */

export const laoTypeSchema = z.enum(LAO_TYPES);

export {
  districtCodeSchema,
  isoDateSchema,
  laoCodeSchema,
  provinceCodeSchema,
} from "../core/rules/identifiers";

/** An instant as ISO text, in Thai time where the server formats it ("2026-08-31T14:30:00+07:00"). */
export const instantSchema = z.string();

/** How many indicators have each status. */
export const statusCountsSchema = z.object(
  Object.fromEntries(STATUSES.map((s) => [s, z.number()])) as Record<Status, z.ZodNumber>,
);

export const summaryPartSchema = z.object({
  total: z.number(),
  counts: statusCountsSchema,
  assessed: z.number(),
  passRate: z.number().nullable(),
  complete: z.boolean(),
});

export const summarySchema = z.object({
  overall: summaryPartSchema,
  areas: z.array(summaryPartSchema.extend({ areaId: z.string(), title: z.string() })),
});

/** One LAO of the register. */
export const laoSchema = z.object({
  code: z.string(),
  type: laoTypeSchema,
  name: z.string(),
  provinceCode: z.string(),
  provinceTh: z.string(),
  provinceEn: z.string(),
  districtCode: z.string(),
  districtTh: z.string(),
});

/** A window as clients show it: its days, the exact instants in Thai time, and where it stands now. */
export const windowInfoSchema = z.object({
  opens: z.string(),
  closes: z.string(),
  opensAt: instantSchema,
  closesAt: instantSchema,
  state: z.enum(["not-open", "open", "closed"]),
  daysLeft: z.number(),
  closesTh: z.string(),
  /** Present where the window is one LAO's: whether its province extended it. */
  extended: z.boolean().optional(),
});
export type WindowInfo = z.infer<typeof windowInfoSchema>;

/** A submission's state on the server. */
export const submissionStateSchema = z.enum(["submitted", "returned"]);
