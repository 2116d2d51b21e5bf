import * as z from "zod";
import { LAO_TYPES } from "../core/rules/laoTypes";
import { submissionSchema } from "../core/rules/submission";

/** POST /me/workbooks/check: the core's check of a collection workbook, as it answers. */

export const workbookProblemSchema = z.object({
  /** Where in the document: "values.<id>.served", "basic.population", or "" for the file itself. */
  path: z.string(),
  code: z.string(),
  /** Thai. */
  message: z.string(),
  messageEn: z.string(),
  severity: z.enum(["error", "warning"]),
  /** The sheet and cell to fix, when the problem has one. */
  sheet: z.string().optional(),
  cell: z.string().optional(),
});

export const workbookCheckSchema = z.object({
  round: z.string(),
  lao: z.object({ code: z.string(), type: z.enum(LAO_TYPES), name: z.string() }),
  /** Every value is readable: no invalid input, and the workbook matches its layout. */
  readable: z.boolean(),
  /** Readable and every input filled in: the document can be sent. */
  complete: z.boolean(),
  /** Errors first as the workbook lists them, then what is not filled in. */
  problems: z.array(workbookProblemSchema),
  /** The submission document read from the workbook; null when the workbook's layout is broken. */
  document: submissionSchema.nullable(),
});

export type WorkbookCheck = z.infer<typeof workbookCheckSchema>;
