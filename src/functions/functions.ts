/**
 * The MINSTD.* Excel custom functions. Each is a thin wrapper over the core: synchronous, pure
 * (the result depends only on the arguments), offline (the rounds are bundled) and not volatile.
 * custom-functions-metadata-plugin builds functions.json from these JSDoc tags and registers each
 * function with CustomFunctions.associate; never add associate calls here.
 * Excel passes an omitted optional argument as null.
 */
import {
  gapToTarget,
  indicatorText,
  plainRatioStatus,
  readRatio,
  scoreIndicator,
  statusLabel,
  type CompiledIndicator,
  type IndicatorInput,
  type Score,
} from "../core";
import { invalidValue, notAvailable } from "./errors";
import { findIndicator, scoringType } from "./indicators";
import { readLaoTypeArgument } from "./laoTypeArgument";
import { messages } from "./messages";

/** Ratio and satisfaction indicators take (2) as value and (1) as base; the others take value alone. */
function inputOf(indicator: CompiledIndicator, value: unknown, base: unknown): IndicatorInput {
  return indicator.kind === "ratio" || indicator.kind === "satisfaction"
    ? { base, served: value }
    : { value };
}

/** The error for a result that is not pass, below or not-done. */
function notScored(score: Score): CustomFunctions.Error {
  switch (score.status) {
    case "no-service":
      return notAvailable(messages.noService());
    case "reported":
      return notAvailable(messages.noTarget());
    case "invalid":
      return invalidValue(score.problem?.th ?? messages.invalid());
    default:
      return notAvailable(score.problem?.th ?? messages.notEntered());
  }
}

/**
 * The official result of an indicator for the figures entered (ผ่านค่าเป้าหมายขั้นต่ำ, การพัฒนาในอนาคต, …); empty while nothing is entered.
 * @customfunction CHECK
 * @param indicatorId The indicator id, e.g. 2563-1-01.
 * @param value The figure entered: (2) the amount served for a percentage indicator, else the count or มี/ไม่มี.
 * @param [base] (1) the base of a percentage indicator, e.g. the total length of road. Leave out for other indicators.
 * @param [laoType] The LAO type (อบต., เทศบาลตำบล, เทศบาลเมือง, เทศบาลนคร, อบจ., เมืองพัทยา) or the 7-digit LAO code. Needed when the target differs by type.
 * @returns The official result label in Thai.
 */
export function check(indicatorId: string, value: unknown, base?: unknown, laoType?: unknown): string {
  const entry = findIndicator(indicatorId);
  const indicator = entry.indicator;
  const type = scoringType(entry, laoType);
  const input = inputOf(indicator, value, base);
  // Scored once: plain figures of a ratio need no full score (every keystroke recalculates this cell).
  const plain = plainRatioStatus(indicator, input, type);
  if (plain) return statusLabel(plain, indicator.round);
  const score = scoreIndicator(indicator, input, type);
  if (score.status === "invalid") throw notScored(score);
  if (score.status === "incomplete") return score.problem ? statusLabel("incomplete", indicator.round) : "";
  return statusLabel(score.status, indicator.round);
}

/**
 * Whether an indicator meets its target: TRUE or FALSE; #N/A when not applicable or nothing is entered yet.
 * @customfunction PASS
 * @param indicatorId The indicator id, e.g. 2563-1-01.
 * @param value The figure entered: (2) the amount served for a percentage indicator, else the count or มี/ไม่มี.
 * @param [base] (1) the base of a percentage indicator. Leave out for other indicators.
 * @param [laoType] The LAO type or the 7-digit LAO code. Needed when the target differs by type.
 * @returns TRUE when the target is met.
 */
export function pass(indicatorId: string, value: unknown, base?: unknown, laoType?: unknown): boolean {
  const entry = findIndicator(indicatorId);
  const type = scoringType(entry, laoType);
  const input = inputOf(entry.indicator, value, base);
  const plain = plainRatioStatus(entry.indicator, input, type);
  if (plain) return plain === "pass";
  const score = scoreIndicator(entry.indicator, input, type);
  if (score.status === "pass") return true;
  if (score.status === "below" || score.status === "not-done") return false;
  throw notScored(score);
}

/**
 * The minimum target (ค่าเป้าหมายขั้นต่ำ) of an indicator for an LAO type.
 * @customfunction TARGET
 * @param indicatorId The indicator id, e.g. 2563-1-01.
 * @param [laoType] The LAO type or the 7-digit LAO code. Needed when the target differs by type.
 * @returns The target, in the indicator's unit (a percentage for percentage indicators).
 */
export function target(indicatorId: string, laoType?: unknown): number {
  const entry = findIndicator(indicatorId);
  const type = scoringType(entry, laoType);
  const found = entry.indicator.targets[type];
  if (found === undefined) throw notAvailable(messages.noTarget());
  return found.value;
}

/**
 * The official Thai text of an indicator, with the LAO type filled in.
 * @customfunction NAME
 * @param indicatorId The indicator id, e.g. 2563-1-01.
 * @param [laoType] The LAO type or the 7-digit LAO code; without it the text says อปท.
 * @returns The indicator text in Thai.
 */
export function name(indicatorId: string, laoType?: unknown): string {
  const entry = findIndicator(indicatorId);
  return indicatorText(entry.indicator.def, readLaoTypeArgument(laoType));
}

/**
 * The percentage (2) ÷ (1) × 100, unrounded; #N/A when (1) is 0 (no such service) or (2) is - or empty.
 * @customfunction PERCENT
 * @param served (2) the amount served.
 * @param base (1) the base, e.g. the total length of road.
 * @returns The percentage.
 */
export function percent(served: unknown, base: unknown): number {
  const ratio = readRatio(base, served);
  switch (ratio.kind) {
    case "percent":
      return ratio.percent;
    case "empty":
      throw notAvailable(messages.notEntered());
    case "no-service":
      throw notAvailable(messages.noService());
    case "not-done":
      throw notAvailable(messages.notDonePercent());
    case "incomplete":
      throw notAvailable(ratio.problem.th);
    case "invalid":
      throw invalidValue(ratio.problem.th);
  }
}

/**
 * How much more is needed to reach the target, in the indicator's own unit, or 0 when the target is met.
 * @customfunction GAP
 * @param indicatorId The indicator id, e.g. 2563-1-01.
 * @param value The figure entered: (2) the amount served for a percentage indicator, else the count or มี/ไม่มี.
 * @param [base] (1) the base of a percentage indicator. Leave out for other indicators.
 * @param [laoType] The LAO type or the 7-digit LAO code. Needed when the target differs by type.
 * @returns The amount still missing, or 0.
 */
export function gap(indicatorId: string, value: unknown, base?: unknown, laoType?: unknown): number {
  const entry = findIndicator(indicatorId);
  const type = scoringType(entry, laoType);
  const input = inputOf(entry.indicator, value, base);
  const score = scoreIndicator(entry.indicator, input, type);
  const missing = gapToTarget(entry.indicator, input, score);
  if (missing === undefined) throw notScored(score);
  return missing;
}
