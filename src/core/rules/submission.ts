import * as z from "zod";
import { compileRound } from "./compiledRound";
import { laoCodeSchema } from "./identifiers";
import { problemIssue, problemOfIssue, problems, type Problem } from "./problems";
import { formatIssuePath, thaiIssues } from "./round";
import type { DocumentProblem } from "./submissionReport";

// The bundles mark core free of side effects (webpack.config.js): what only scores a document takes
// this from submissionReport, and the schema and zod stay out.
export * from "./submissionReport";

/**
 * The submission document: what an LAO sends, whether from the workbook, the task pane, the
 * CLI or another program. Values are numbers or the text an officer typed; the LAO type comes
 * from the register, never from the document.
 */

/** Longer than anything typed into one cell of the workbook; a limit on what the server keeps. */
export const MAX_CELL_TEXT = 500;
/** More indicators than any round has (the largest known has 214). */
export const MAX_INDICATORS = 2000;

/** A cell's content: a number, the text typed, or null for an empty cell. */
const cellValue = z.union([z.number(), z.string().max(MAX_CELL_TEXT), z.null()]);
const personText = z.string().max(200);

export const indicatorValuesSchema = z
  .object({
    /** (1) กรอบการประเมิน, for ratio and satisfaction indicators. */
    base: cellValue.optional(),
    /** (2) การจัดบริการสาธารณะ, for ratio and satisfaction indicators. */
    served: cellValue.optional(),
    /** The single value of count and yes/no indicators. */
    value: cellValue.optional(),
  })
  .strict();

/** แบบ 1: the LAO's basic data and who prepared the data. */
export const basicDataSchema = z
  .object({
    population: cellValue.optional(),
    households: cellValue.optional(),
    /** หมู่บ้าน (อบต.) or ชุมชน (เทศบาล). */
    villages: cellValue.optional(),
    /** The annual budget (งบประมาณรายจ่ายประจำปี), in baht. */
    budget: cellValue.optional(),
    preparer: z
      .object({
        name: personText.optional(),
        position: personText.optional(),
        phone: z.string().max(50).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type BasicData = z.infer<typeof basicDataSchema>;

/** Indicator ids as rounds write them ("2563-1-01"); bounded so keys cannot carry data. */
const indicatorKey = z.string().min(1).max(64);
const boundedRecord = <T extends z.ZodType>(value: T) =>
  z
    .record(indicatorKey, value)
    .refine(
      (r) => Object.keys(r).length <= MAX_INDICATORS,
      problemIssue(problems.tooManyIndicators(MAX_INDICATORS)),
    );

export const submissionSchema = z
  .object({
    round: z.string().min(1),
    lao: laoCodeSchema,
    values: boundedRecord(indicatorValuesSchema),
    basic: basicDataSchema.optional(),
  })
  .strict();
export type SubmissionDocument = z.infer<typeof submissionSchema>;

/**
 * Older clients also sent the results their formulas showed (`results`). The document carries what
 * was typed, nothing else: that key is accepted and dropped, never refused and never kept.
 */
const DROPPED_KEYS = ["results"] as const;

function withoutDroppedKeys(data: unknown): unknown {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return data;
  if (!DROPPED_KEYS.some((key) => key in data)) return data;
  return Object.fromEntries(
    Object.entries(data).filter(([key]) => !(DROPPED_KEYS as readonly string[]).includes(key)),
  );
}

export function submissionJsonSchema(): object {
  return z.toJSONSchema(submissionSchema, { io: "input", unrepresentable: "any" });
}

export type ParseOutcome =
  | { readonly ok: true; readonly document: SubmissionDocument }
  | { readonly ok: false; readonly problems: readonly DocumentProblem[] };

/** Validates the shape of a submission document, with a problem for each thing wrong with it. */
export function parseSubmission(sent: unknown): ParseOutcome {
  const data = withoutDroppedKeys(sent);
  const result = submissionSchema.safeParse(data);
  if (result.success) return { ok: true, document: result.data };
  const thai = thaiIssues(submissionSchema, data);
  return {
    ok: false,
    problems: result.error.issues.map((issue, n) => {
      const at = formatIssuePath(issue.path);
      // A refusal of our own (an LAO code, too many indicators) is one of core's problems.
      const refusal = problemOfIssue(issue);
      const problem: Problem = {
        code: "bad-document",
        th: `เอกสารไม่ถูกต้องที่ ${at || "(ทั้งเอกสาร)"}: ${thaiIssue(thai[n] ?? issue)}`,
        args: { at, detail: issue.message, ...(refusal && { refusal }) },
      };
      return { path: at, code: problem.code, problem, severity: "error" as const };
    }),
  };
}

function thaiIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `มีช่องที่ไม่รู้จัก ${issue.keys.join(", ")} — ตัวชี้วัดแบบร้อยละใช้ base และ served ตัวชี้วัดอื่นใช้ value`;
    case "invalid_union":
      return "ต้องเป็นตัวเลข ข้อความที่พิมพ์ หรือ null";
    default:
      return issue.message;
  }
}

export { compileRound };
