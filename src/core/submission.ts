import * as z from "zod";
import { appliesTo, compileRound, indicatorsFor, type CompiledRound } from "./compiledRound";
import type { Lao } from "./register";
import type { LaoType } from "./laoTypes";
import { problems as problemTexts, type Problem } from "./problems";
import { readNumber } from "./reading";
import { formatIssuePath, thaiIssues } from "./round";
import { laoCodeSchema } from "./identifiers";
import { basicPath, formatInputPath, preparerPath } from "./inputPath";
import { scoreIndicator, statusLabel, type InputField, type Status } from "./scoring";
import { summarize, type Summary } from "./summary";
import { FIELD_NAMES, fieldName, type BilingualText } from "./vocabulary";

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
  z.record(indicatorKey, value).refine((r) => Object.keys(r).length <= MAX_INDICATORS, {
    message: `มีตัวชี้วัดเกิน ${MAX_INDICATORS} รายการ / more than ${MAX_INDICATORS} indicators`,
  });

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

export interface DocumentProblem {
  /** Where in the document: "values.2563-1-01.served", "basic.population", "lao", … */
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  /** Errors make the document unreadable or invalid; warnings only block a complete submission. */
  readonly severity: "error" | "warning";
}

/** The result of one indicator, in the shape of the `minstd check --json` contract. */
export interface IndicatorResult {
  readonly id: string;
  readonly areaId: string;
  readonly status: Status;
  readonly label: string;
  readonly percent?: number;
  readonly value?: number;
  readonly target?: number;
  readonly provisional?: boolean;
  readonly message?: string;
  readonly messageEn?: string;
  readonly field?: InputField;
}

export interface CheckReport {
  readonly round: string;
  readonly lao: { readonly code: string; readonly type: Lao["type"]; readonly name: string };
  readonly results: readonly IndicatorResult[];
  readonly summary: Summary;
  readonly problems: readonly DocumentProblem[];
  /** Every value is readable: no invalid input and no document error. */
  readonly readable: boolean;
  /** Readable, every indicator entered and แบบ 1 complete: ready to submit. */
  readonly complete: boolean;
}

export type ParseOutcome =
  | { readonly ok: true; readonly document: SubmissionDocument }
  | { readonly ok: false; readonly problems: readonly DocumentProblem[] };

/** Validates the shape of a submission document, with a message per problem. */
export function parseSubmission(sent: unknown): ParseOutcome {
  const data = withoutDroppedKeys(sent);
  const result = submissionSchema.safeParse(data);
  if (result.success) return { ok: true, document: result.data };
  const thai = thaiIssues(submissionSchema, data);
  return {
    ok: false,
    problems: result.error.issues.map((issue, n) => ({
      path: formatIssuePath(issue.path),
      code: "bad-document",
      message: `เอกสารไม่ถูกต้องที่ ${formatIssuePath(issue.path) || "(ทั้งเอกสาร)"}: ${thaiIssue(thai[n] ?? issue)}`,
      messageEn: `invalid document at ${formatIssuePath(issue.path) || "(root)"}: ${issue.message}`,
      severity: "error" as const,
    })),
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

const BASIC_NUMBERS = ["population", "households", "villages", "budget"] as const;
const PREPARER = ["name", "position", "phone"] as const;

/** "จำนวนประชากร (แบบ 1)": a แบบ 1 field as a problem names it. */
function inForm1(name: BilingualText): BilingualText {
  return { th: `${name.th} (${FIELD_NAMES.form1.th})`, en: `${name.en} (${FIELD_NAMES.form1.en})` };
}

/** Checks แบบ 1. Unreadable numbers are errors; anything missing is a warning. */
export function checkBasicData(basic: BasicData | undefined, type: LaoType): DocumentProblem[] {
  const found: DocumentProblem[] = [];
  const add = (path: string, problem: Problem, severity: "error" | "warning"): void => {
    found.push({ path, code: problem.code, message: problem.th, messageEn: problem.en, severity });
  };
  for (const key of BASIC_NUMBERS) {
    const { th, en } = inForm1(fieldName(key, type)!);
    const reading = readNumber(basic?.[key], { integer: key !== "budget" });
    if (reading.kind === "invalid")
      add(basicPath(key), { ...reading.problem, th: `${th}: ${reading.problem.th}` }, "error");
    else if (reading.kind !== "value") add(basicPath(key), problemTexts.missingField(th, en), "warning");
  }
  for (const key of PREPARER) {
    const { th, en } = inForm1(FIELD_NAMES[`preparer.${key}`]);
    if (!basic?.preparer?.[key]?.trim()) add(preparerPath(key), problemTexts.missingField(th, en), "warning");
  }
  return found;
}

/**
 * Scores a submission with the core rules: the results the server stores and every client shows.
 * The LAO must be assessed in this round; indicators not in the round are document errors.
 */
export function evaluateSubmission(doc: SubmissionDocument, compiled: CompiledRound, lao: Lao): CheckReport {
  const round = compiled.round;
  const problems: DocumentProblem[] = [];
  for (const id of Object.keys(doc.values)) {
    const ind = compiled.byId.get(id);
    const p = !ind
      ? problemTexts.unknownIndicator(id, round.id)
      : !appliesTo(ind, lao.type)
        ? problemTexts.notForType(id, lao.type)
        : undefined;
    if (p) {
      problems.push({
        path: formatInputPath({ indicatorId: id }),
        code: p.code,
        message: p.th,
        messageEn: p.en,
        severity: "error",
      });
    }
  }
  const results: IndicatorResult[] = indicatorsFor(compiled, lao.type).map((ind) => {
    const score = scoreIndicator(ind, doc.values[ind.def.id] ?? {}, lao.type);
    const target = ind.targets[lao.type];
    return {
      id: ind.def.id,
      areaId: ind.area.id,
      status: score.status,
      label: statusLabel(score.status, round),
      ...(score.percent !== undefined && { percent: score.percent }),
      ...(score.value !== undefined && { value: score.value }),
      ...(target && { target: target.value, provisional: target.provisional }),
      ...(score.problem && { message: score.problem.th, messageEn: score.problem.en }),
      ...(score.field && { field: score.field }),
    };
  });
  problems.push(...checkBasicData(doc.basic, lao.type));
  const summary = summarize(results, round.areas);
  const readable = !problems.some((p) => p.severity === "error") && summary.overall.counts.invalid === 0;
  return {
    round: round.id,
    lao: { code: lao.code, type: lao.type, name: lao.name },
    results,
    summary,
    problems,
    readable,
    complete: readable && summary.overall.complete && problems.length === 0,
  };
}

export { compileRound };
