import { appliesTo, type CompiledIndicator } from "./compiledRound";
import { LAO_TYPE_INFO, laoTypeIndex, type LaoType } from "./laoTypes";
import { problems, type Problem } from "./problems";
import { readNumber, readYesNo, type NumberRules, type Reading } from "./reading";
import type { Round } from "./round";
import { resultLabel, type LabelRound } from "./vocabulary";

/**
 * The result categories of the official printouts:
 * - pass: at or above the target (ผ่านค่าเป้าหมายขั้นต่ำ);
 * - below: below the target (การพัฒนาในอนาคต);
 * - no-service: base (1) = 0 (ไม่มีบริการสาธารณะ): not applicable, left out of pass rates;
 * - not-done: base > 0 and (2) is the official "-" (ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. …): counts as not met;
 * - incomplete: not entered yet, including a blank (2) next to a (1) > 0 (blocks submission): a blank
 *   is never read as "not done";
 * - invalid: something typed that cannot be read;
 * - reported: a satisfaction question with no target (แบบ 3): its counts and percentages are
 *   reported as the official printout shows them, never passed or failed, left out of pass rates.
 */
export const STATUSES = [
  "pass",
  "below",
  "no-service",
  "not-done",
  "incomplete",
  "invalid",
  "reported",
] as const;
export type Status = (typeof STATUSES)[number];

/** Which input a problem is about: (1) base, (2) served, or the single value of count and yes/no kinds. */
export type InputField = "base" | "served" | "value";

export interface IndicatorInput {
  readonly base?: unknown;
  readonly served?: unknown;
  readonly value?: unknown;
}

export interface Score {
  readonly status: Status;
  /** (2) ÷ (1) × 100 for ratio and satisfaction indicators, unrounded. */
  readonly percent?: number;
  /** The measured value compared with the target: the percentage, the count, or 1/0 for มี/ไม่มี. */
  readonly value?: number;
  readonly target?: number;
  /** For invalid inputs: what is wrong and what to type. For some other results: a note for the officer. */
  readonly problem?: Problem;
  readonly field?: InputField;
}

const INCOMPLETE: Score = Object.freeze({ status: "incomplete" });

/** Larger than any real amount; the same limit as reading typed numbers. */
const MAX_AMOUNT = 1e12;

/**
 * Ties pass: the threshold is the target widened by a tolerance for floating-point noise such as
 * 0.57 × 100 = 56.99999999999999 (see CompiledIndicator.passThresholds).
 */
function meets(ind: CompiledIndicator, value: number, type: LaoType): boolean {
  const threshold = ind.passThresholds[laoTypeIndex(type)]!;
  return ind.lowerIsBetter ? value <= threshold : value >= threshold;
}

/** Plain numbers in a ratio's cells that need no reading: the common case, kept allocation-free. */
function plainRatio(base: unknown, served: unknown): boolean {
  return (
    typeof base === "number" &&
    typeof served === "number" &&
    base > 0 &&
    base <= MAX_AMOUNT &&
    served >= 0 &&
    served <= base
  );
}

/**
 * The result category alone. Gives the same status as scoreIndicator, without building the
 * full result when the inputs are plain numbers: what a result cell needs on every keystroke.
 */
export function classifyIndicator(ind: CompiledIndicator, input: IndicatorInput, type: LaoType): Status {
  return plainRatioStatus(ind, input, type) ?? scoreIndicator(ind, input, type).status;
}

/** The status of a ratio indicator whose inputs are plain numbers, without scoring; else undefined. */
export function plainRatioStatus(
  ind: CompiledIndicator,
  input: IndicatorInput,
  type: LaoType,
): "pass" | "below" | undefined {
  if (ind.kind !== "ratio") return undefined;
  const base = input.base;
  const served = input.served;
  const threshold = ind.passThresholds[laoTypeIndex(type)]!;
  if (!plainRatio(base, served) || threshold !== threshold) return undefined;
  const percent = ((served as number) * 100) / (base as number);
  return (ind.lowerIsBetter ? percent <= threshold : percent >= threshold) ? "pass" : "below";
}

function invalid(reading: Reading & { kind: "invalid" }, field: InputField, target: number): Score {
  return { status: "invalid", problem: reading.problem, field, target };
}

function compared(
  ind: CompiledIndicator,
  type: LaoType,
  value: number,
  target: number,
  percent?: number,
): Score {
  const status: Status = meets(ind, value, type) ? "pass" : "below";
  return percent === undefined ? { status, value, target } : { status, value, target, percent };
}

/**
 * A ratio or a satisfaction question with a target: (2) ÷ (1) × 100 against the target, both read by
 * readRatio. No respondents to a satisfaction survey means it was not carried out (not done), where
 * a ratio's (1) = 0 means there is no such service.
 */
function scoreRatio(ind: CompiledIndicator, input: IndicatorInput, type: LaoType, target: number): Score {
  const satisfaction = ind.def.kind === "satisfaction";
  if (!satisfaction && plainRatio(input.base, input.served)) {
    const percent = ((input.served as number) * 100) / (input.base as number);
    return compared(ind, type, percent, target, percent);
  }
  const ratio = readRatio(input.base, input.served, satisfaction ? SATISFACTION_RULES : undefined);
  switch (ratio.kind) {
    case "percent":
      return compared(ind, type, ratio.percent, target, ratio.percent);
    case "empty":
      return INCOMPLETE;
    case "no-service":
      return { status: satisfaction ? "not-done" : "no-service", target };
    case "not-done":
      return { status: "not-done", target };
    case "incomplete":
    case "invalid":
      return { status: ratio.kind, problem: ratio.problem, field: ratio.field, target };
  }
}

/**
 * A satisfaction question with no target, as the printout (แบบ 3) reports it: respondents (1) and
 * satisfied (2), the percentage satisfied; no pass or fail. No respondents ((1) = 0 or "-") is
 * nothing to report (ไม่มีบริการสาธารณะ, left out like any not-applicable result).
 */
function scoreSurvey(input: IndicatorInput): Score {
  const ratio = readRatio(input.base, input.served, SATISFACTION_RULES);
  switch (ratio.kind) {
    case "percent":
      return { status: "reported", value: ratio.percent, percent: ratio.percent };
    case "empty":
      return INCOMPLETE;
    case "no-service":
      return { status: "no-service" };
    // With nothing to compare against, "-" for the satisfied says nothing: the count is needed.
    case "not-done":
      return { status: "invalid", problem: problems.satisfiedNotGiven(), field: "served" };
    case "incomplete":
    case "invalid":
      return { status: ratio.kind, problem: ratio.problem, field: ratio.field };
  }
}

function scoreSingle(ind: CompiledIndicator, type: LaoType, reading: Reading, target: number): Score {
  switch (reading.kind) {
    case "empty":
      return INCOMPLETE;
    case "not-given":
      return { status: "not-done", target };
    case "invalid":
      return invalid(reading, "value", target);
    case "value":
      return compared(ind, type, reading.value, target);
  }
}

/**
 * Scores one indicator for an LAO of the given type. Pure and total: never throws, whatever
 * the input. Values may be numbers or the text an officer typed.
 */
export function scoreIndicator(ind: CompiledIndicator, input: IndicatorInput, type: LaoType): Score {
  if (!appliesTo(ind, type)) {
    return { status: "invalid", problem: problems.notForType(ind.def.id, LAO_TYPE_INFO[type].th) };
  }
  const target = ind.targets[type];
  if (target === undefined) return scoreSurvey(input);
  switch (ind.def.kind) {
    case "ratio":
    case "satisfaction":
      return scoreRatio(ind, input, type, target.value);
    case "count":
      return scoreSingle(ind, type, readNumber(input.value, { integer: ind.integer }), target.value);
    case "yesno":
      return scoreSingle(ind, type, readYesNo(input.value), target.value);
  }
}

/** The official Thai label of a result, as printed in the ผลการประเมิน column (see core/rules/vocabulary). */
export function statusLabel(status: Status, round: LabelRound): string {
  return resultLabel(status, round);
}

/** How a percentage is written: the number of decimals and whether trailing zeros are dropped. */
export interface PercentStyle {
  readonly percentDecimals: number;
  readonly trailingZeros: "drop" | "keep";
}

const PASS_RATE_STYLE: PercentStyle = { percentDecimals: 2, trailingZeros: "keep" };

/**
 * Percentages are kept unrounded and written rounded at the end: by default to 2 decimals with the
 * zeros kept (pass rates and other figures of MinStd's own); with a round's printout style
 * (round.printout) as the official printout writes them, e.g. "51.99999", "76.67", "100".
 */
export function formatPercent(percent: number, style: PercentStyle = PASS_RATE_STYLE): string {
  const fixed = percent.toFixed(style.percentDecimals);
  if (style.trailingZeros === "keep" || !fixed.includes(".")) return fixed;
  return fixed.replace(/\.?0+$/, "");
}

/** A result's percentage as the round's printout writes it in the % column. */
export function printedPercent(percent: number, round: Pick<Round, "printout">): string {
  return formatPercent(percent, round.printout);
}

/**
 * How much more is needed to reach the target, in the indicator's own unit: more of (2) for a
 * ratio, more occurrences for a count, percentage points for satisfaction, 1 for a missing มี.
 * For a ≤ indicator it is how much must come off. 0 when the target is met; undefined when the
 * indicator is not applicable, not filled in, or invalid.
 */
export function gapToTarget(ind: CompiledIndicator, input: IndicatorInput, score: Score): number | undefined {
  if (score.target === undefined) return undefined;
  if (score.status === "pass") return 0;
  if (score.status !== "below" && score.status !== "not-done") return undefined;
  const target = score.target;
  const sign = ind.def.comparison === ">=" ? 1 : -1;
  switch (ind.def.kind) {
    case "ratio": {
      const base = readNumber(input.base);
      if (base.kind !== "value" || base.value === 0) return undefined;
      const served = score.status === "not-done" ? 0 : (score.percent! * base.value) / 100;
      return Math.max(0, sign * ((target * base.value) / 100 - served));
    }
    case "satisfaction":
      return score.status === "not-done" ? target : Math.max(0, sign * (target - score.percent!));
    case "count":
    case "yesno":
      return score.status === "not-done" ? target : Math.max(0, sign * (target - score.value!));
  }
}

// — reading a ratio —

/**
 * What the two cells of a ratio, (1) the base and (2) what was served, give once read:
 * - `percent`: (2) ÷ (1) × 100, unrounded;
 * - `empty`: nothing entered in either cell;
 * - `no-service`: (1) = 0, so there is no such service (ไม่มีบริการสาธารณะ);
 * - `not-done`: (1) > 0 and (2) is the official "-" (ไม่ได้ดำเนินการ);
 * - `incomplete`: (2) without (1), or (1) > 0 with (2) blank, with a problem saying what to fill in:
 *   a blank cell is "not entered yet", never "not done" (only "-" says the service was not provided);
 * - `invalid`: something that cannot be read or cannot be right, with a problem saying what to type.
 */
export type RatioReading =
  | { readonly kind: "percent"; readonly percent: number; readonly base: number; readonly served: number }
  | { readonly kind: "empty" }
  | { readonly kind: "no-service" }
  | { readonly kind: "not-done" }
  | { readonly kind: "incomplete" | "invalid"; readonly problem: Problem; readonly field: InputField };

const EMPTY: RatioReading = Object.freeze({ kind: "empty" });
const NO_SERVICE: RatioReading = Object.freeze({ kind: "no-service" });
const NOT_DONE: RatioReading = Object.freeze({ kind: "not-done" });

/** How the two cells of a ratio are read: what a ratio indicator and a satisfaction question differ in. */
export interface RatioRules extends NumberRules {
  /**
   * "-" in (1) reads as 0 (no respondents: no survey) instead of being refused. Only a satisfaction
   * question allows it: a ratio's "-" belongs in (2).
   */
  readonly dashBaseIsZero?: boolean;
}

/** Satisfaction counts people: whole numbers, and "-" for the respondents means there were none. */
const SATISFACTION_RULES: RatioRules = Object.freeze({ integer: true, dashBaseIsZero: true });

/** Reads a ratio's (1) and (2) as typed (numbers or text, Thai digits allowed). Never throws. */
export function readRatio(base: unknown, served: unknown, rules: RatioRules = {}): RatioReading {
  const b = readNumber(base, rules);
  if (b.kind === "invalid") return { kind: "invalid", problem: b.problem, field: "base" };
  const s = readNumber(served, rules);
  if (s.kind === "invalid") return { kind: "invalid", problem: s.problem, field: "served" };
  if (b.kind === "empty") {
    return s.kind === "empty"
      ? EMPTY
      : { kind: "incomplete", problem: problems.baseMissing(), field: "base" };
  }
  if (b.kind === "not-given" && !rules.dashBaseIsZero) {
    return { kind: "invalid", problem: problems.baseNotGiven(), field: "base" };
  }
  if (b.kind === "not-given" || b.value === 0) {
    if (s.kind === "value" && s.value > 0) {
      return { kind: "invalid", problem: problems.servedWithoutBase(), field: "served" };
    }
    return NO_SERVICE;
  }
  if (s.kind === "empty") return { kind: "incomplete", problem: problems.servedMissing(), field: "served" };
  if (s.kind === "not-given") return NOT_DONE;
  if (s.value > b.value) {
    return { kind: "invalid", problem: problems.servedExceedsBase(s.value, b.value), field: "served" };
  }
  return { kind: "percent", percent: (s.value * 100) / b.value, base: b.value, served: s.value };
}
