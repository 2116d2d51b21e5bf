import * as z from "zod";
import { PROGRESS } from "../core/reports/progress";
import {
  districtCodeSchema,
  instantSchema,
  laoTypeSchema,
  provinceCodeSchema,
  statusCountsSchema,
  submissionStateSchema,
  summaryPartSchema,
  windowInfoSchema,
} from "./common";

/** The query of the dashboards' reads: a province (national and admin only) and an LAO type. */
export const scopeQuerySchema = z
  .object({ province: provinceCodeSchema.optional(), type: laoTypeSchema.optional() })
  .strip();

/** The query of the province's LAO list (and its exports): the scope and the on-screen filters. */
export const progressQuerySchema = scopeQuerySchema
  .extend({
    district: districtCodeSchema.optional(),
    /** Comma-separated: not-started, submitted, returned, late. */
    status: z
      .string()
      .transform((s) => s.split(",").filter(Boolean))
      .pipe(
        z.array(
          z.enum(PROGRESS, {
            error: `สถานะใช้ได้: ${PROGRESS.join(", ")} / status is one of ${PROGRESS.join(", ")}`,
          }),
        ),
      )
      .optional(),
    q: z.string().max(200).optional(),
  })
  .strip();
export type ProgressQuery = z.output<typeof progressQuerySchema>;

/** One LAO of the province's list, with where it stands. */
export const progressLaoSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: laoTypeSchema,
  provinceCode: z.string(),
  provinceTh: z.string(),
  districtCode: z.string(),
  districtTh: z.string(),
  progress: z.enum(PROGRESS),
  version: z.number().nullable(),
  submittedAt: instantSchema.nullable(),
  extensionCloses: z.string().nullable(),
  passRate: z.number().nullable(),
  counts: statusCountsSchema.nullable(),
});
export type ProgressLao = z.infer<typeof progressLaoSchema>;

/** GET /rounds/:round/progress */
export const progressSchema = z.object({
  round: z.string(),
  asOf: instantSchema,
  window: windowInfoSchema,
  province: z.object({ code: z.string(), th: z.string().nullable() }).nullable(),
  /** Every LAO in scope, before the filters other than province and type. */
  total: z.number(),
  counts: z.object(
    Object.fromEntries(PROGRESS.map((p) => [p, z.number()])) as Record<
      (typeof PROGRESS)[number],
      z.ZodNumber
    >,
  ),
  laos: z.array(progressLaoSchema),
});
export type ProgressResponse = z.infer<typeof progressSchema>;

export const completenessRowSchema = z.object({
  provinceCode: z.string(),
  provinceTh: z.string(),
  provinceEn: z.string(),
  registered: z.number(),
  submitted: z.number(),
  returned: z.number(),
  notStarted: z.number(),
});
export type CompletenessRow = z.infer<typeof completenessRowSchema>;

/** GET /rounds/:round/completeness */
export const completenessSchema = z.object({
  round: z.string(),
  totals: z.object({
    registered: z.number(),
    submitted: z.number(),
    returned: z.number(),
    notStarted: z.number(),
  }),
  provinces: z.array(completenessRowSchema),
});
export type CompletenessResponse = z.infer<typeof completenessSchema>;

/** GET /rounds/:round/laos */
export const laoStatusesSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    type: laoTypeSchema,
    provinceCode: z.string(),
    districtTh: z.string(),
    state: z.union([submissionStateSchema, z.literal("not-started")]),
    version: z.number().nullable(),
    passRate: z.number().nullable(),
    counts: statusCountsSchema.nullable(),
  }),
);

/** GET /rounds/:round/results: results by indicator, area, LAO type and province. */
export const resultsSchema = z.object({
  round: z.string(),
  province: z.string().nullable(),
  type: laoTypeSchema.nullable(),
  /** LAOs whose current version is counted. */
  laos: z.number(),
  overall: summaryPartSchema,
  byIndicator: z.array(summaryPartSchema.extend({ id: z.string(), areaId: z.string() })),
  byArea: z.array(summaryPartSchema.extend({ areaId: z.string(), title: z.string() })),
  byType: z.array(summaryPartSchema.extend({ type: laoTypeSchema })),
  byProvince: z.array(summaryPartSchema.extend({ provinceCode: z.string(), provinceTh: z.string() })),
});
export type ResultsResponse = z.infer<typeof resultsSchema>;

/** The query of GET /rounds/:round/export.csv and export.xlsx: which table. */
export const csvViewQuerySchema = z
  .object({
    view: z.enum(["laos", "completeness", "indicators", "areas", "types", "provinces"]).default("laos"),
  })
  .strip();
export const xlsxViewQuerySchema = z.object({ view: z.enum(["laos", "national"]).default("laos") }).strip();
