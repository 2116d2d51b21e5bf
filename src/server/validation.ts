import type { z } from "zod";
import { laoCodeSchema } from "../api";
import { formatIssuePath, thaiIssues } from "../core";
import { problemIssueMessage } from "../i18n";
import { problems, type FieldIssue } from "./problems";

/** Parses with a zod schema; a failure is a 400 Problem listing each issue in Thai and English. */
export function parseOr400<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const thai = thaiIssues(schema, data);
  const issues: FieldIssue[] = result.error.issues.map((issue, n) => {
    // A refusal that is one of core's problems reads the same in both: Thai, then English.
    const both = problemIssueMessage(issue);
    return {
      path: formatIssuePath(issue.path),
      message: both ?? (thai[n] ?? issue).message,
      messageEn: both ?? issue.message,
    };
  });
  throw problems.badRequest(issues);
}

export const laoCodeParam = laoCodeSchema;
