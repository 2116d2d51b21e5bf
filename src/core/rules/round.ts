// A namespace import and the Thai locale alone let bundlers leave out the rest of zod: `import { z }`
// and z.locales bring every language zod has (~250 KB minified) into the task pane.
import * as z from "zod";
import { isoDateSchema } from "./identifiers";
import { th as thaiLocale } from "zod/locales";
import { LAO_TYPES, type LaoType } from "./laoTypes";
import { problemIssue, problemOfIssue, problems, type Problem } from "./problems";
import {
  COMPARISONS,
  formatIssuePath,
  INDICATOR_KINDS,
  LAO_TYPE_SLOT,
  PASS_LABELS,
  ROUND_SCHEMA_VERSION,
  RoundError,
  TRAILING_ZEROS,
} from "./roundTerms";

// The bundles mark core free of side effects (webpack.config.js): what uses only these takes them
// from roundTerms, and the schema and zod stay out.
export * from "./roundTerms";

/**
 * The round schema: a year's assessment (รอบการประเมิน) with its areas (ด้าน), missions (ภารกิจ)
 * and indicators (ตัวชี้วัด). The national office loads a round from a spreadsheet or JSON; no
 * code change is needed for a new round.
 */

export const targetSchema = z
  .object({
    value: z.number().finite().min(0),
    provisional: z.boolean(),
    source: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => t.provisional || t.source !== undefined, problemIssue(problems.targetWithoutSource()));
export type Target = z.infer<typeof targetSchema>;

/** A target per LAO type, with a default for the types not listed. */
export const targetsSchema = z
  .object({
    default: targetSchema.optional(),
    pao: targetSchema.optional(),
    city: targetSchema.optional(),
    town: targetSchema.optional(),
    subdistrict: targetSchema.optional(),
    sao: targetSchema.optional(),
    pattaya: targetSchema.optional(),
  } satisfies Record<LaoType | "default", unknown>)
  .strict();
export type Targets = z.output<typeof targetsSchema>;

const INDICATOR_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;

export const indicatorIdSchema = z
  .string()
  .refine((id) => INDICATOR_ID.test(id), problemIssue(problems.indicatorIdFormat()))
  // The pattern the refinement keeps, for the round's JSON Schema.
  .meta({ pattern: INDICATOR_ID.source });

export const indicatorSchema = z
  .object({
    id: indicatorIdSchema,
    /** The number printed before the text on the official form, e.g. "1" or "1.2". */
    no: z.string().min(1),
    text: z.string().min(5),
    /** A short text for lists; defaults to the full text. */
    short: z.string().min(1).optional(),
    kind: z.enum(INDICATOR_KINDS),
    /** The unit of the result: "ร้อยละ" for ratio and satisfaction, else e.g. "ครั้ง", "โครงการ", "แห่ง". */
    unit: z.string().min(1),
    comparison: z.enum(COMPARISONS).default(">="),
    /** Counts are whole numbers unless this is false (e.g. an area in ตร.ม.). */
    integer: z.boolean().optional(),
    /** What (1) and (2) hold, for ratio and satisfaction indicators, with their unit. */
    inputs: z
      .object({ base: z.string().min(1), served: z.string().min(1), unit: z.string().min(1).optional() })
      .strict()
      .optional(),
    /**
     * Per LAO type. A satisfaction question may have none: it is then reported as the official
     * printout (แบบ 3) shows it, counts and percentages of พอใจ and ปรับปรุง, with no pass or fail.
     */
    targets: targetsSchema,
    /** Only these LAO types are assessed on this indicator; default: every type of the round. */
    laoTypes: z.array(z.enum(LAO_TYPES)).min(1).optional(),
    /**
     * What to type: what (1) and (2) count, units, when to enter 0 or "-". Shown as the input message
     * of the indicator's cells and in the pane.
     */
    guidance: z.string().optional(),
    /**
     * The id of the same indicator in an earlier round (ids carry their round, so the link is
     * explicit): an LAO's result there is shown next to this round's as the change year over year.
     */
    continues: indicatorIdSchema.optional(),
  })
  .strict();
export type Indicator = z.output<typeof indicatorSchema>;

export const missionSchema = z
  .object({ id: z.string().min(1), title: z.string().min(1), indicators: z.array(indicatorSchema).min(1) })
  .strict();
export type Mission = z.output<typeof missionSchema>;

export const areaSchema = z
  .object({
    id: z.string().regex(/^[0-9A-Za-z]{1,4}$/),
    title: z.string().min(1),
    /** The official form number of this area, e.g. "2-1". */
    form: z.string().regex(/^[0-9]+(-[0-9]+)?$/),
    missions: z.array(missionSchema).min(1),
  })
  .strict();
export type Area = z.output<typeof areaSchema>;

export const windowSchema = z
  .object({
    opens: isoDateSchema,
    closes: isoDateSchema,
    provisional: z.boolean().optional(),
    source: z.string().optional(),
  })
  .strict()
  .refine((w) => w.opens <= w.closes, problemIssue(problems.windowOrder()));

/**
 * How a round's official printout (สรุปผลประเมินการจัดบริการสาธารณะ) writes numbers: 5 decimals in
 * the 2563 printouts, 2 in the basic set of 2565–2567; exactly 100 prints as 100 in both, so trailing
 * zeros are dropped unless a round says otherwise. Every field is optional so that rounds written
 * before it, and rounds loaded by the national office, stay valid.
 */
export const printoutSchema = z
  .object({
    /** Decimals of a printed percentage (the % column). */
    percentDecimals: z.number().int().min(0).max(10).default(2),
    /** "drop": 100.00 prints as 100 and 76.50 as 76.5; "keep": always percentDecimals decimals. */
    trailingZeros: z.enum(TRAILING_ZEROS).default("drop"),
    /** What the % column shows where there is no percentage (no service, not done). */
    dash: z.string().min(1).max(8).default("-"),
  })
  .strict();
export type Printout = z.output<typeof printoutSchema>;

export const roundSchema = z
  .object({
    schemaVersion: z.literal(ROUND_SCHEMA_VERSION),
    id: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z_-]{1,15}$/),
    /** The assessment year, Buddhist Era. */
    year: z.number().int().min(2540).max(2700),
    /** The fiscal year (ปีงบประมาณ, B.E.) whose work is assessed; used in "ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. …". */
    fiscalYear: z.number().int().min(2540).max(2700),
    title: z.string().min(1),
    laoTypes: z.array(z.enum(LAO_TYPES)).min(1),
    window: windowSchema,
    /** The label printed for a pass; the printouts of some years use "สูงกว่าค่าเป้าหมาย". */
    passLabel: z.enum(PASS_LABELS).default("ผ่านค่าเป้าหมายขั้นต่ำ"),
    /** How the round's printouts write percentages and "-" cells. */
    printout: printoutSchema.prefault({}),
    source: z.string().optional(),
    notes: z.string().optional(),
    areas: z.array(areaSchema).min(1),
  })
  .strict()
  .superRefine((round, ctx) => {
    const refuse = (path: PropertyKey[], problem: Problem) =>
      ctx.addIssue({ code: "custom", path, ...problemIssue(problem) });
    const seen = new Set<string>();
    round.areas.forEach((area, a) =>
      area.missions.forEach((mission, m) =>
        mission.indicators.forEach((ind, i) => {
          const path = ["areas", a, "missions", m, "indicators", i];
          if (!ind.id.startsWith(`${round.id}-`)) {
            refuse([...path, "id"], problems.indicatorIdPrefix(ind.id, round.id));
          }
          if (seen.has(ind.id)) {
            refuse([...path, "id"], problems.indicatorIdDuplicate(ind.id));
          }
          seen.add(ind.id);
          if (ind.continues !== undefined && ind.continues.startsWith(`${round.id}-`)) {
            refuse([...path, "continues"], problems.continuesSameRound(round.id));
          }
          const slots = ind.text.match(/\{[^}]*\}/g) ?? [];
          if (slots.some((s) => s !== LAO_TYPE_SLOT)) {
            refuse([...path, "text"], problems.indicatorTextSlot(LAO_TYPE_SLOT));
          }
          if ((ind.kind === "ratio" || ind.kind === "satisfaction") && !ind.inputs) {
            refuse([...path, "inputs"], problems.ratioWithoutInputs());
          }
          for (const type of ind.laoTypes ?? round.laoTypes) {
            if (!round.laoTypes.includes(type)) {
              refuse([...path, "laoTypes"], problems.typeNotInRound(type));
            } else if (
              ind.kind !== "yesno" &&
              ind.kind !== "satisfaction" &&
              !ind.targets[type] &&
              !ind.targets.default
            ) {
              refuse([...path, "targets"], problems.targetMissing(type));
            }
          }
        }),
      ),
    );
  });

export type Round = z.output<typeof roundSchema>;
export type RoundInput = z.input<typeof roundSchema>;

const thaiErrors = thaiLocale().localeError;

/** Schema issues with Thai messages (our own refusals are core's problems, see problemIssue). */
export function thaiIssues<T>(schema: z.ZodType<T>, data: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(data, { error: thaiErrors });
  return result.success ? [] : result.error.issues;
}

/**
 * Validates round data; throws a RoundError listing every problem with its path, in Thai, with
 * the problem of each refusal of our own (src/i18n's roundIssueText adds its English).
 */
export function parseRound(data: unknown): Round {
  const result = roundSchema.safeParse(data);
  if (result.success) return result.data;
  throw new RoundError(
    thaiIssues(roundSchema, data).map((i) => {
      const problem = problemOfIssue(i);
      return { path: formatIssuePath(i.path), message: i.message, ...(problem && { problem }) };
    }),
  );
}

export function roundJsonSchema(): object {
  return z.toJSONSchema(roundSchema, { io: "input", unrepresentable: "any" });
}
