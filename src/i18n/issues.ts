import { problemOfIssue } from "../core/rules/problems";
import { problemEn } from "./problems";

/**
 * The message of a refusal that carries one of core's problems (a typed text's, from
 * lineTextSchema), as the server and the CLI say it: the Thai, then the English, on one line
 * ("กรอกชื่อผู้ใช้ / enter the user's name"). Undefined for any other issue.
 */
export function problemIssueMessage(issue: object): string | undefined {
  const problem = problemOfIssue(issue);
  return problem && `${problem.th} / ${problemEn(problem)}`;
}
