import type { PassLabel } from "../core/rules/round";
import type { Status } from "../core/rules/scoring";
import {
  PASS_RATE_RULE,
  resultLabel,
  resultShortLabel,
  type BilingualText,
  type LabelRound,
} from "../core/rules/vocabulary";

/** The English of each result, keyed like core's RESULT_WORDS: a status without one fails the build. */
interface ResultWordsEn {
  readonly official: (round: LabelRound) => string;
  readonly short: string;
}

/** The two wordings of a pass the official printouts use, depending on the report version. */
const PASS_EN: Readonly<Record<PassLabel, string>> = {
  ผ่านค่าเป้าหมายขั้นต่ำ: "Met the minimum target",
  สูงกว่าค่าเป้าหมาย: "Above the target",
};

const fixed = (text: string) => () => text;

export const RESULT_WORDS_EN: Readonly<Record<Status, ResultWordsEn>> = {
  pass: { official: (round) => PASS_EN[round.passLabel], short: "Met" },
  below: { official: fixed("For future development (below target)"), short: "Below target" },
  "no-service": { official: fixed("No such public service"), short: "No service" },
  "not-done": {
    official: (round) => `Not carried out in fiscal year B.E. ${round.fiscalYear}`,
    short: "Not done",
  },
  incomplete: { official: fixed("Not filled in yet"), short: "Not filled in" },
  invalid: { official: fixed("Invalid input"), short: "Invalid" },
  reported: { official: fixed("Reported (no target)"), short: "Reported" },
};

/** The official label of a result, in Thai (core's) and English. */
export function resultText(status: Status, round: LabelRound): BilingualText {
  return { th: resultLabel(status, round), en: RESULT_WORDS_EN[status].official(round) };
}

/** The agreed short form of a result's label, in Thai and English. */
export function resultShortText(status: Status): BilingualText {
  return { th: resultShortLabel(status), en: RESULT_WORDS_EN[status].short };
}

/** How the pass rate is counted (see core's PASS_RATE_RULE), in Thai and English. */
export const PASS_RATE_RULE_TEXT: BilingualText = {
  th: PASS_RATE_RULE,
  en: "Pass rate = met ÷ (met + below target + not done); indicators with no such public service, not filled in or invalid are left out",
};
