import * as z from "zod";
import { INDICATOR_KINDS, LAO_TYPES, STATUSES, TRENDS, type Summary } from "../core";

/**
 * The shapes of the server's answers, checked on arrival: a body that does not match is not the
 * MinStd server's answer (a captive portal, a proxy's page) and is never taken for a receipt.
 * Objects are loose: fields a newer server adds pass through.
 */

const summaryPart = z.looseObject({
  total: z.number(),
  counts: z.record(z.string(), z.number()),
  assessed: z.number(),
  passRate: z.number().nullable(),
  complete: z.boolean(),
});
const summary = z
  .looseObject({
    overall: summaryPart,
    areas: z.array(summaryPart.extend({ areaId: z.string(), title: z.string() })),
  })
  .transform((s) => s as unknown as Summary);

export const receiptSchema = z.looseObject({
  receiptNumber: z.string().min(1),
  /** The client's id of this version. */
  id: z.string().min(1),
  replaces: z.string().nullable(),
  version: z.number().int().min(1),
  round: z.string(),
  lao: z.string(),
  /** ISO time in Thai time: "2026-08-31T14:30:00+07:00". */
  receivedAt: z.string(),
  receivedAtTh: z.string(),
  /** "sha256:<hex>" of the document's canonical JSON. */
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  summary,
});
export type Receipt = z.infer<typeof receiptSchema>;

const laoType = z.enum(LAO_TYPES);

export const signInSchema = z.looseObject({
  token: z.string().min(10),
  user: z.looseObject({
    role: z.string(),
    displayName: z.string(),
    laoCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
  }),
});
export type SignedIn = z.infer<typeof signInSchema>;

export const meSchema = z.looseObject({
  userId: z.number(),
  role: z.enum(["lao", "province", "national", "admin"]),
  roleName: z.looseObject({ th: z.string(), en: z.string() }),
  displayName: z.string(),
  provinceCode: z.string().nullable(),
  lao: z
    .looseObject({
      code: z.string(),
      type: laoType,
      name: z.string(),
      typeName: z.string(),
      provinceCode: z.string(),
      provinceTh: z.string(),
      districtTh: z.string(),
    })
    .nullable(),
});
export type Me = z.infer<typeof meSchema>;

const windowInfo = z.looseObject({
  opens: z.string(),
  closes: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  state: z.string(),
  daysLeft: z.number().nullable().optional(),
  closesTh: z.string(),
  extended: z.boolean().optional(),
});

/** GET /rounds/:round: the definition (checked with the core's round schema by the caller) and the window. */
export const roundDefinitionSchema = z.looseObject({ round: z.unknown(), window: windowInfo });
export type WindowInfo = z.infer<typeof windowInfo>;

export const roundsSchema = z.array(
  z.looseObject({
    id: z.string(),
    /** Goes up each time the round is loaded again on the server; absent from older servers. */
    revision: z.number().int().optional(),
    year: z.number(),
    title: z.string(),
    laoTypes: z.array(z.string()),
    window: windowInfo,
  }),
);
export type RoundInfo = z.infer<typeof roundsSchema>[number];

export const mySubmissionsSchema = z.array(
  z.looseObject({
    round: z.string(),
    state: z.enum(["submitted", "returned"]),
    version: z.number().int(),
    currentId: z.string(),
    receiptNumber: z.string(),
  }),
);
export type MySubmission = z.infer<typeof mySubmissionsSchema>[number];

export const receiptsSchema = z.array(receiptSchema);

const returnSchema = z.looseObject({
  round: z.string(),
  lao: z.string(),
  version: z.number().int(),
  /** Indicator id → the province's comment. */
  comments: z.record(z.string(), z.string()),
  note: z.string().nullable(),
  returnedBy: z.string(),
  returnedAt: z.string(),
  returnedAtTh: z.string(),
});
export type ReturnComments = z.infer<typeof returnSchema>;
export const returnsSchema = z.array(returnSchema);

/** GET /laos/:lao/submissions/:round: every version with its document, and the returns. */
export const laoSubmissionSchema = z.looseObject({
  round: z.string(),
  state: z.enum(["submitted", "returned"]),
  version: z.number().int(),
  versions: z.array(receiptSchema.extend({ document: z.unknown(), results: z.unknown() })),
  returns: returnsSchema,
});
export type LaoSubmission = z.infer<typeof laoSubmissionSchema>;

/** A result the server keeps: the category and the measured value (percentage, count, 1/0 for มี/ไม่มี). */
const resultPoint = z.looseObject({ status: z.enum(STATUSES), value: z.number().optional() });

/**
 * GET /laos/:lao/history/:round: every indicator of the round (for the LAO's type) that continues
 * one of an earlier round, with the LAO's results there, newest first. `current` and `change` are
 * the server's view of what was submitted in this round (null before anything was).
 */
export const laoHistorySchema = z.looseObject({
  round: z.string(),
  lao: z.string(),
  indicators: z.array(
    z.looseObject({
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
          receivedAt: z.string(),
          receivedAtTh: z.string(),
        }),
      ),
      change: z.looseObject({ trend: z.enum(TRENDS), delta: z.number().optional() }).nullable(),
    }),
  ),
});
export type LaoHistory = z.infer<typeof laoHistorySchema>;
export type LaoHistoryIndicator = LaoHistory["indicators"][number];

export const signedOutSchema = z.looseObject({ signedOut: z.literal(true) });
export const healthSchema = z.looseObject({ ok: z.literal(true) });

export const serverProblemSchema = z.looseObject({
  status: z.number().optional(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  details: z.unknown().optional(),
});
