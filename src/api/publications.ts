import * as z from "zod";
import { laoCodeSchema } from "./common";

/** GET, PUT and DELETE /laos/:lao/publications/:round: whether an LAO's results are public, and where. */
export const publicationSchema = z.object({
  round: z.string(),
  lao: laoCodeSchema,
  /** Where the LAO's submission stands; null: nothing submitted. */
  submission: z.enum(["submitted", "returned"]).nullable(),
  windowClosed: z.boolean(),
  closesTh: z.string(),
  /** The LAO chose to publish before the close. */
  published: z.boolean(),
  publishedAt: z.string().optional(),
  publishedAtTh: z.string().optional(),
  /** Shown on the public pages now. */
  public: z.boolean(),
  reason: z.enum(["window-closed", "published"]).nullable(),
  urls: z.object({ page: z.string(), download: z.string(), province: z.string() }),
});
export type Publication = z.infer<typeof publicationSchema>;
