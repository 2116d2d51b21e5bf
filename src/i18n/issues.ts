import { problemOfIssue, type Problem } from "../core/rules/problems";
import { ROUND_INVALID_TH, type RoundError, type RoundIssue } from "../core/rules/roundTerms";
import { problemEn } from "./problems";

/**
 * A refusal as the server and the CLI say it when they have one line for it: the Thai, then the
 * English ("กรอกชื่อผู้ใช้ / enter the user's name").
 */
export function inBothLanguages(problem: Problem): string {
  return `${problem.th} / ${problemEn(problem)}`;
}

/**
 * The message of a refusal that carries one of core's problems (a typed text's, an identifier's,
 * a day's, a round's: see problemIssue), in both languages. Undefined for any other issue.
 */
export function problemIssueMessage(issue: object): string | undefined {
  const problem = problemOfIssue(issue);
  return problem && inBothLanguages(problem);
}

/**
 * One issue of a round the round schema refused, as every place that loads a round lists it:
 * "areas[1]….id: Thai / English" (zod's own issues are in Thai only).
 */
export function roundIssueText(issue: RoundIssue): string {
  return `${issue.path}: ${issue.problem ? inBothLanguages(issue.problem) : issue.message}`;
}

export const ROUND_INVALID_EN = "invalid round";

/** A refused round with every issue, one a line, under a header in both languages. */
export function roundErrorText(error: RoundError): string {
  return `${ROUND_INVALID_TH} / ${ROUND_INVALID_EN}:\n${error.issues.map((i) => `- ${roundIssueText(i)}`).join("\n")}`;
}
