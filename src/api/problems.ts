import * as z from "zod";

/**
 * Every problem code the server answers with, and its HTTP status. Codes are part of the API:
 * never reuse a retired one. The server builds its problems from this table and the client maps
 * each code to what an officer reads, so a code added or renamed here fails the build until both do.
 */
export const PROBLEM_STATUS = {
  // 400: the request itself cannot be read.
  "bad-json": 400,
  "bad-request": 400,
  // 401/403: who you are and what you may do.
  "sign-in-required": 401,
  "token-invalid": 401,
  "access-code-invalid": 401,
  forbidden: 403,
  "not-your-lao": 403,
  "lao-not-in-province": 403,
  "workbook-other-lao": 403,
  "backup-key-invalid": 403,
  "not-found": 404,
  // 409: the state on the server does not allow this.
  "account-retired": 409,
  "submission-id-conflict": 409,
  "replaces-required": 409,
  "stale-version": 409,
  "replaces-unknown": 409,
  "window-closed": 409,
  "window-not-open": 409,
  "already-returned": 409,
  "return-stale": 409,
  conflict: 409,
  "nothing-to-publish": 409,
  "public-after-close": 409,
  // 413/415: too large, or not a kind of body the route takes.
  "body-too-large": 413,
  "workbook-too-large": 413,
  "unsupported-media-type": 415,
  "workbook-required": 415,
  // 422: read, but cannot be accepted.
  "document-invalid": 422,
  "document-incomplete": 422,
  "unknown-lao": 422,
  "round-not-for-lao-type": 422,
  "round-invalid": 422,
  "workbook-unreadable": 422,
  "workbook-not-collection": 422,
  "rate-limited": 429,
  internal: 500,
  "database-unavailable": 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

export const PROBLEM_CODES = Object.keys(PROBLEM_STATUS) as readonly ProblemCode[];

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEM_STATUS, code);
}

/**
 * The JSON body of every error answer. `code` is a string, not the union: a newer server may
 * answer with a code this program does not know yet, and that is still the server's problem.
 */
export const problemBodySchema = z.object({
  status: z.number().optional(),
  code: z.string(),
  /** Thai. */
  message: z.string(),
  messageEn: z.string(),
  details: z.unknown().optional(),
});
export type ProblemBody = z.infer<typeof problemBodySchema>;

/** One field of a refused request (the details of bad-request). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  readonly messageEn: string;
}
