import * as z from "zod";
import { STATUSES } from "../core/rules/scoring";
import type { SubmissionDocument } from "../core/rules/submission";
import { instantSchema, laoSchema, submissionStateSchema, summarySchema } from "./common";

const clientId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9:._-]{7,99}$/,
    "รหัสการส่งต้องเป็นตัวอักษรอังกฤษ ตัวเลข : . _ - ยาว 8–100 ตัว (เช่น UUID) / the submission id is 8–100 of A-Z a-z 0-9 : . _ - (e.g. a UUID)",
  );

/**
 * The submission document in a request. Checked by the server after the envelope, with the core's
 * submission schema, so that its problems come back as 422 document-invalid with a path each.
 */
export const documentInRequestSchema = z.unknown();

/**
 * A stored submission document in an answer, as it was sent (core's submission schema of its day).
 * Not checked again on arrival: a document stored under an older shape must still be read.
 */
export const documentInAnswerSchema = z.custom<SubmissionDocument>(
  (v) => typeof v === "object" && v !== null,
);

/** POST /submissions */
export const submitRequestSchema = z
  .object({
    /** The client's id of this version, e.g. a UUID made when the officer pressed Submit. */
    id: clientId,
    /** The id of the version this one replaces; absent or null for the first submission. */
    replaces: clientId.nullable().optional(),
    document: documentInRequestSchema,
  })
  .strict();

export const receiptSchema = z.object({
  receiptNumber: z.string().min(1),
  /** The client's id of this version. */
  id: z.string().min(1),
  replaces: z.string().nullable(),
  version: z.number().int().min(1),
  round: z.string(),
  lao: z.string(),
  receivedAt: instantSchema,
  receivedAtTh: z.string(),
  /** "sha256:<hex>" of the document's canonical JSON. */
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  summary: summarySchema,
});
export type Receipt = z.infer<typeof receiptSchema>;

/** GET /me/receipts */
export const receiptsSchema = z.array(receiptSchema);

/** GET /me/submissions: the signed-in LAO's submission in each round. */
export const mySubmissionsSchema = z.array(
  z.object({
    round: z.string(),
    state: submissionStateSchema,
    version: z.number().int(),
    currentId: z.string(),
    receiptNumber: z.string(),
  }),
);
export type MySubmission = z.infer<typeof mySubmissionsSchema>[number];

/** A province's return of a version, with comments per indicator. */
export const returnViewSchema = z.object({
  round: z.string(),
  lao: z.string(),
  version: z.number().int(),
  /** Indicator id → the province's comment. */
  comments: z.record(z.string(), z.string()),
  note: z.string().nullable(),
  returnedBy: z.string(),
  returnedAt: instantSchema,
  returnedAtTh: z.string(),
});
export type ReturnComments = z.infer<typeof returnViewSchema>;

/** GET /me/comments */
export const returnsSchema = z.array(returnViewSchema);

/** A result the server keeps: the status and the measured value (percentage, count, 1/0 for มี/ไม่มี). */
export const storedResultSchema = z.object({
  status: z.enum(STATUSES),
  value: z.number().optional(),
});

/** GET /laos/:lao/submissions/:round: every version with its document and results, and the returns. */
export const laoSubmissionSchema = z.object({
  round: z.string(),
  lao: laoSchema,
  state: submissionStateSchema,
  version: z.number().int(),
  versions: z.array(
    receiptSchema.extend({
      document: documentInAnswerSchema,
      results: z.record(z.string(), storedResultSchema),
    }),
  ),
  returns: returnsSchema,
});
export type LaoSubmission = z.infer<typeof laoSubmissionSchema>;
export type VersionView = LaoSubmission["versions"][number];

/** POST /laos/:lao/submissions/:round/returns */
export const returnRequestSchema = z
  .object({
    /** The version being returned: it must still be the latest. */
    version: z.number().int().min(1),
    /** Indicator id → comment. */
    comments: z.record(z.string(), z.string().trim().min(1).max(2000)),
    note: z.string().trim().max(4000).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b.comments).length > 0 || (b.note ?? "").length > 0, {
    message: "ใส่ความเห็นอย่างน้อยหนึ่งตัวชี้วัด หรือหมายเหตุ / give at least one comment or a note",
  });

export const returnedSchema = z.object({
  round: z.string(),
  lao: z.string(),
  version: z.number().int(),
  state: z.literal("returned"),
});
