import {
  quoteTyped as quote,
  type Problem,
  type ProblemArgs,
  type ProblemCode,
} from "../core/rules/problems";
import { form1FieldNameEn, LINE_TEXT_NAMES_EN } from "./fields";
import { LAO_TYPE_EN } from "./laoTypes";
import type { DocumentProblem } from "../core/rules/submissionReport";

/** The English of each problem, built from the arguments core built its Thai from. */
type ProblemWordsEn = { readonly [C in ProblemCode]: (args: ProblemArgs[C]) => string };

/** A code without its English fails the build. */
export const PROBLEM_EN: ProblemWordsEn = {
  "not-a-number": ({ typed }) =>
    `${quote(typed)} is not a number — type digits only, e.g. 1250 or 1,250.75 (Thai digits are fine); type - if the service was not carried out`,
  "has-unit": ({ typed, number }) =>
    `${quote(typed)} has letters in it — type the number only, without a unit, e.g. ${number}`,
  "percent-sign": ({ typed }) =>
    `${quote(typed)} is a percentage — type the actual amount here; the percentage is computed for you`,
  "bad-thousands": ({ typed }) =>
    `${quote(typed)} has misplaced commas — commas must separate groups of three digits, e.g. 1,250,000, or leave them out; use a point (.) for decimals`,
  "space-in-number": ({ typed, joined }) =>
    `${quote(typed)} has a space inside the number — type the digits together, e.g. ${joined}`,
  "too-many-points": ({ typed }) =>
    `${quote(typed)} has more than one decimal point — type a number with at most one point, e.g. 12.5`,
  negative: ({ typed }) =>
    `${quote(typed)} is negative — this must be 0 or more; type - alone if the service was not carried out`,
  "not-whole": ({ typed }) => `${quote(typed)} has decimals — this is a count; type a whole number, e.g. 3`,
  "too-large": ({ typed }) => `${quote(typed)} is implausibly large — check the number of digits`,
  "not-a-cell-number": ({ holds }) =>
    `this cell holds ${holds === "date" ? "a date" : "a TRUE/FALSE value"} — type a number instead; type - if not carried out`,
  "not-yes-no": ({ typed }) => `${quote(typed)} is not an answer — type มี (yes) or ไม่มี (no)`,
  "served-exceeds-base": ({ served, base }) =>
    `(2) served (${served}) cannot exceed (1) the base (${base}) — check whether the two were swapped or use different units`,
  "base-not-given": () => `(1) the base must be a number — type 0 (not -) if the LAO has no such service`,
  "base-missing": () => `(1) the base is not filled in yet — type 0 if there is no such service`,
  "served-without-base": () =>
    `(1) is 0 (no such service) but (2) has a value — fill in the real base, or clear (2)`,
  "served-missing": () =>
    `(2) served is not filled in yet — type the figure, or - if the service was not provided in the fiscal year (a blank cell does not count as not done)`,
  "satisfied-not-given": () =>
    `(2) the number satisfied must be a number — type 0 if nobody was satisfied; type 0 in (1) if there was no survey`,
  "unknown-indicator": ({ id, round }) =>
    `there is no indicator ${quote(id)} in round ${round} — check the indicator id`,
  "not-for-type": ({ id, typeTh }) => `indicator ${id} does not apply to this LAO type (${typeTh})`,
  "not-entered": ({ id, form, no }) =>
    `indicator ${id} (form ${form} no. ${no}) is not filled in — type - if it was not carried out`,
  "invalid-value": ({ id, problem }) => `indicator ${id}: ${problemEn(problem)}`,
  "incomplete-value": ({ id, problem }) => `indicator ${id}: ${problemEn(problem)}`,
  "missing-field": ({ field, laoType }) => `${form1FieldNameEn(field, laoType)} is not filled in`,
  // A refusal of core's own reads in both languages here, as it reads everywhere on one line.
  "bad-document": ({ at, detail, refusal }) =>
    `invalid document at ${at || "(root)"}: ${refusal ? `${refusal.th} / ${problemEn(refusal)}` : detail}`,
  "not-our-workbook": () =>
    "this workbook is not a MinStd collection workbook — create one with minstd template or the add-in",
  "newer-layout": ({ version, current }) =>
    `this workbook uses layout version ${version}, newer than this MinStd (${current}) — update MinStd`,
  "layout-other-lao": ({ round, lao, expectedRound, expectedLao }) =>
    `this workbook is for round ${round}, LAO ${lao}, not round ${expectedRound}, LAO ${expectedLao}`,
  "layout-other-version": ({ laoType }) =>
    `this workbook was made with another layout version or LAO type (${laoType}) — make a new one and copy the values`,
  "layout-round-changed": ({ round }) =>
    `the indicators of round ${round} changed after this workbook was made — make a new one and copy the values`,
  "layout-meta-edited": ({ expected, sheet, address, shown }) =>
    `the metadata says ${expected} but ${sheet}!${address} shows “${shown}” — the workbook was edited or copied from another LAO`,
  "layout-row-moved": ({ sheet, cell, id }) =>
    `${sheet}!${cell} must hold indicator ${id} — rows were inserted, deleted or moved`,
  "layout-sheet-missing": ({ sheet }) =>
    `sheet “${sheet}” is missing — sheets must not be renamed or deleted`,
  "text-empty": ({ what }) => `enter the ${LINE_TEXT_NAMES_EN[what]}`,
  "text-too-long": ({ what, max }) => `the ${LINE_TEXT_NAMES_EN[what]} is longer than ${max} characters`,
  "text-control-character": ({ what }) =>
    `the ${LINE_TEXT_NAMES_EN[what]} contains a control character: retype it`,
  "lao-code-format": () => "the LAO code has 7 digits",
  "province-code-format": () => "the province code has 2 digits",
  "district-code-format": () => "the district code has 4 digits",
  "day-format": () => "must be a YYYY-MM-DD date (Common Era)",
  "day-not-in-calendar": () => "no such calendar day",
  "day-buddhist-era": () => "use the Common Era year, not the Buddhist Era",
  "target-without-source": () => "a target that is not provisional needs a source",
  "indicator-id-format": () => "ids are 3–32 ASCII letters, digits, . _ -",
  "window-order": () => "the window closes before it opens",
  "indicator-id-prefix": () => "indicator ids start with the round id",
  "indicator-id-duplicate": () => "duplicate id",
  "continues-same-round": () => "continues names an indicator of an earlier round",
  "indicator-text-slot": ({ slot }) => `the only slot allowed is ${slot}`,
  "ratio-without-inputs": () => "ratio indicators describe (1) and (2) in inputs",
  "type-not-in-round": ({ laoType }) => `type ${laoType} is not covered by the round`,
  "target-missing": ({ laoType }) => `no target for ${laoType} and no default`,
  "too-many-indicators": ({ max }) => `more than ${max} indicators`,
  "round-not-for-type": ({ round, laoType }) => `round ${round} does not assess ${LAO_TYPE_EN[laoType]}`,
};

/** A problem's English. */
export function problemEn(problem: Problem): string {
  // Each entry takes its own code's arguments; the union of entries is checked above, one by one.
  return (PROBLEM_EN[problem.code] as (args: Problem["args"]) => string)(problem.args);
}

/**
 * A problem as it leaves the program (an HTTP answer, `minstd check --json`, the pane, a stored
 * outbox entry): its Thai as `message` and its English as `messageEn`, in place of the problem.
 */
export type WithEnglish<P extends DocumentProblem> = Omit<P, "problem"> & {
  readonly message: string;
  readonly messageEn: string;
};

export function withEnglish<P extends DocumentProblem>(located: P): WithEnglish<P> {
  const { path, code, problem, severity, ...rest } = located;
  // In the order answers list a problem's keys; TypeScript cannot relate an Omit of a type parameter.
  return {
    path,
    code,
    message: problem.th,
    messageEn: problemEn(problem),
    severity,
    ...rest,
  } as WithEnglish<P>;
}
