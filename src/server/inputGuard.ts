import type { FastifyInstance, FastifyRequest } from "fastify";
import { problems, type FieldIssue } from "./problems";

/**
 * Checks what every request brings (path parameters, query, JSON body) before any route sees it:
 * no NUL character and no half of a UTF-16 surrogate pair (PostgreSQL can store neither in text or
 * JSON, and no person types one; a broken client or a cut string sends them), no JSON
 * nested deeper than any MinStd document is, and no more values than a document could hold. Refused as a 400 problem naming the field, so no
 * database error or stack overflow can come from such input.
 */

/** A submission document is five levels deep; this leaves room and stops runaway nesting. */
export const MAX_JSON_DEPTH = 32;
/** Values in one request at most: a full submission document has about two thousand. */
export const MAX_JSON_VALUES = 50_000;
/** Fastify's router refuses a longer path parameter; ours are ids of at most a few dozen characters. */
export const MAX_PARAM_LENGTH = 200;

const NUL = "\u0000";
/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function textIssue(text: string, path: string): FieldIssue | undefined {
  if (text.includes(NUL))
    return {
      path,
      message: "มีอักขระควบคุม (NUL) ซึ่งพิมพ์ไม่ได้ — ลบแล้วพิมพ์ใหม่",
      messageEn: "contains a NUL control character — remove it",
    };
  if (LONE_SURROGATE.test(text))
    return {
      path,
      message: "มีอักขระที่เสียหาย (รหัสอักขระไม่ครบ) — ลบข้อความนี้แล้วพิมพ์ใหม่",
      messageEn: "contains a broken character (half of a UTF-16 surrogate pair) — retype the text",
    };
  return undefined;
}

/** The first problem in a parsed JSON value, walked without recursion so depth cannot overflow the stack. */
export function jsonIssue(value: unknown, root: string): FieldIssue | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    if (++seen > MAX_JSON_VALUES) {
      return {
        path: root,
        message: `มีข้อมูลเกิน ${MAX_JSON_VALUES.toLocaleString("th-TH")} ค่า — ส่งเอกสารตามรูปแบบของ MinStd`,
        messageEn: `more than ${MAX_JSON_VALUES} values — send a MinStd document`,
      };
    }
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === "string") {
      const issue = textIssue(v, path);
      if (issue) return issue;
      continue;
    }
    if (v === null || typeof v !== "object" || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_JSON_DEPTH) {
      return {
        path,
        message: `ข้อมูลซ้อนกันลึกเกิน ${MAX_JSON_DEPTH} ชั้น — ส่งเอกสารตามรูปแบบของ MinStd`,
        messageEn: `nested deeper than ${MAX_JSON_DEPTH} levels — send a MinStd document`,
      };
    }
    for (const [key, child] of Object.entries(v)) {
      const at = path ? `${path}.${key}` : key;
      const keyIssue = textIssue(key, path || "(root)");
      if (keyIssue) return keyIssue;
      stack.push({ value: child, path: at, depth: depth + 1 });
    }
  }
  return undefined;
}

function requestIssue(request: FastifyRequest): FieldIssue | undefined {
  return jsonIssue(request.params, "") ?? jsonIssue(request.query, "") ?? jsonIssue(request.body, "");
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const issue = requestIssue(request);
    if (issue) throw problems.badRequest([issue]);
  });
}
