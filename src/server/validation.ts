import { z } from "zod";
import { formatIssuePath, thaiIssues } from "../core";
import { problems, type FieldIssue } from "./problems";

/** Parses with a zod schema; a failure is a 400 Problem listing each issue in Thai and English. */
export function parseOr400<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const thai = thaiIssues(schema, data);
  const issues: FieldIssue[] = result.error.issues.map((issue, n) => ({
    path: formatIssuePath(issue.path),
    message: (thai[n] ?? issue).message,
    messageEn: issue.message,
  }));
  throw problems.badRequest(issues);
}

/** "YYYY-MM-DD", Common Era (the same rule as round windows). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) / must be a YYYY-MM-DD date (Common Era)")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "ไม่มีวันที่นี้ในปฏิทิน / no such calendar day")
  .refine(
    (s) => Number(s.slice(0, 4)) < 2400,
    "ใช้ปี ค.ศ. ไม่ใช่ พ.ศ. / use the Common Era year, not the Buddhist Era",
  );

export const laoCodeParam = z
  .string()
  .regex(/^\d{7}$/, "รหัส อปท. ต้องเป็นตัวเลข 7 หลัก / the LAO code has 7 digits");
