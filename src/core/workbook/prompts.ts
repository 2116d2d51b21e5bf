import type { ValidationSpec } from "./spec";

/** What an input cell tells the officer: its input message and its warning, within Excel's limits. */

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const NUMBER_WARNING =
  "ค่านี้ไม่ใช่ตัวเลขตั้งแต่ 0 ขึ้นไป ถ้าพิมพ์เลขไทย (๐–๙) หรือ - (ไม่ได้ดำเนินการ) ไว้ กด ใช่ (Yes) เพื่อใช้ค่านี้ได้ แล้วดูผลในคอลัมน์ผลการประเมิน";

export function numberValidation(
  type: "decimal" | "whole",
  title: string,
  prompt: string,
  errorTitle = "ตรวจสอบตัวเลข",
): ValidationSpec {
  return {
    type,
    limit: 0,
    promptTitle: clip(title, 32),
    prompt: clip(prompt, 255),
    errorTitle: clip(errorTitle, 32),
    error: clip(type === "whole" ? `${NUMBER_WARNING} (ช่องนี้เป็นจำนวนเต็ม)` : NUMBER_WARNING, 225),
  };
}

export function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text} (${unit})` : text;
}

/** Excel's limit on a data validation's input message. */
const MAX_PROMPT = 255;

/**
 * The input message of an input cell: what the cell counts and the indicator's own guidance (units,
 * when to type 0 or "-") when the round gives one, within Excel's 255 characters. The guidance wins
 * over the generic instruction, which it restates for the indicator; without guidance, the generic
 * instruction stands.
 */
export function inputPrompt(what: string, instruction: string, guidance: string | undefined): string {
  const g = guidance?.trim();
  if (!g) return `${what} — ${instruction}`;
  for (const candidate of [`${what} — ${instruction} · ${g}`, `${what} · ${g}`])
    if (candidate.length <= MAX_PROMPT) return candidate;
  return clip(g, MAX_PROMPT);
}
