import { appliesTo, indicatorsFor, type CompiledRound } from "./compiledRound";
import { basicPath, formatInputPath, preparerPath } from "./inputPath";
import { LAO_TYPE_INFO, type LaoType } from "./laoTypes";
import { problems as problemTexts, type Problem, type ProblemEnglish } from "./problems";
import { readNumber } from "./reading";
import type { Lao } from "./register";
import { scoreIndicator, statusLabel, type InputField, type Status } from "./scoring";
import type { BasicData, SubmissionDocument } from "./submission";
import { summarize, type Summary } from "./summary";
import { form1FieldName } from "./vocabulary";

/**
 * A submission document scored with the core rules (its shape already checked by
 * parseSubmission in ./submission, or built by a reader that writes only that shape).
 */

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

const BASIC_NUMBERS = ["population", "households", "villages", "budget"] as const;
const PREPARER = ["name", "position", "phone"] as const;

/** Checks แบบ 1. Unreadable numbers are errors; anything missing is a warning. */
export function checkBasicData(
  basic: BasicData | undefined,
  type: LaoType,
  english: ProblemEnglish,
): DocumentProblem[] {
  const found: DocumentProblem[] = [];
  const add = (path: string, problem: Problem, severity: "error" | "warning"): void => {
    found.push({ path, code: problem.code, message: problem.th, messageEn: english(problem), severity });
  };
  for (const key of BASIC_NUMBERS) {
    const th = form1FieldName(key, type);
    const reading = readNumber(basic?.[key], { integer: key !== "budget" });
    if (reading.kind === "invalid")
      add(basicPath(key), { ...reading.problem, th: `${th}: ${reading.problem.th}` }, "error");
    else if (reading.kind !== "value") add(basicPath(key), problemTexts.missingField(key, type), "warning");
  }
  for (const key of PREPARER) {
    const missing = problemTexts.missingField(`preparer.${key}`, type);
    if (!basic?.preparer?.[key]?.trim()) add(preparerPath(key), missing, "warning");
  }
  return found;
}

/**
 * Scores a submission with the core rules: the results the server stores and every client shows.
 * The LAO must be assessed in this round; indicators not in the round are document errors.
 * `english` gives each problem's English (src/i18n's problemEn).
 */
export function evaluateSubmission(
  doc: SubmissionDocument,
  compiled: CompiledRound,
  lao: Lao,
  english: ProblemEnglish,
): CheckReport {
  const round = compiled.round;
  const problems: DocumentProblem[] = [];
  for (const id of Object.keys(doc.values)) {
    const ind = compiled.byId.get(id);
    const p = !ind
      ? problemTexts.unknownIndicator(id, round.id)
      : !appliesTo(ind, lao.type)
        ? problemTexts.notForType(id, LAO_TYPE_INFO[lao.type].th)
        : undefined;
    if (p) {
      problems.push({
        path: formatInputPath({ indicatorId: id }),
        code: p.code,
        message: p.th,
        messageEn: english(p),
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
      ...(score.problem && { message: score.problem.th, messageEn: english(score.problem) }),
      ...(score.field && { field: score.field }),
    };
  });
  problems.push(...checkBasicData(doc.basic, lao.type, english));
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
