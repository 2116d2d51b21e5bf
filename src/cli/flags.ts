import type { z } from "zod";
import { problemIssueMessage } from "../i18n";
import { UsageError } from "./output";

/**
 * A flag's value read by the schema the server reads it with (core's identifiers and days, the API's
 * requests); a refusal names the flag and the value, then says what to fix in Thai and English.
 */
export function checkedFlag<T>(
  flag: string,
  value: unknown,
  schema: z.ZodType<T>,
  /** Free text (a name) is not repeated back: it may be long or hold what cannot be printed. */
  { quote = true }: { quote?: boolean } = {},
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const shown = quote && typeof value === "string" ? ` “${value}”` : "";
  throw new UsageError(`${flag}${shown}: ${problemIssueMessage(issue) ?? issue.message}`);
}
