import { problems, type Problem } from "./problems";

/**
 * What a cell holds once read:
 * - `empty`: nothing typed yet (the indicator is incomplete);
 * - `not-given`: the official "-" (the service was not carried out);
 * - `value`: a number (yes/no answers read as 1 for มี and 0 for ไม่มี);
 * - `invalid`: anything else, with a Thai message saying what to type instead.
 */
export type Reading =
  | { readonly kind: "empty" }
  | { readonly kind: "not-given" }
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "invalid"; readonly problem: Problem };

export interface NumberRules {
  /** Counts must be whole numbers. */
  readonly integer?: boolean;
}

export const EMPTY: Reading = Object.freeze({ kind: "empty" });
export const NOT_GIVEN: Reading = Object.freeze({ kind: "not-given" });

/** Larger than any real length, area, budget or count an LAO reports; almost surely a typing slip. */
const MAX_PLAUSIBLE = 1e12;

const EDGE_SPACE = /^[\s\u00a0\u200b\u2060\u3000\ufeff]+|[\s\u00a0\u200b\u2060\u3000\ufeff]+$/g;
const DASH_ONLY = /^[-\u2010-\u2015\u2212]$/;
const THAI_OR_FULLWIDTH_DIGIT = /[\u0e50-\u0e59\uff10-\uff19]/g;
const PLAIN = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d*)?$|^\.\d+$/;
const NUMBERISH = /^[\d.,]+$/;
const LEADING_NUMBER = /^([\d.,]*\d)\s*\S/;

function asciiDigits(text: string): string {
  return text.replace(THAI_OR_FULLWIDTH_DIGIT, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0xff10 ? code - 0xff10 : code - 0x0e50);
  });
}

function checkNumber(value: number, typed: string, rules: NumberRules): Reading {
  if (!Number.isFinite(value)) return { kind: "invalid", problem: problems.notANumber(typed) };
  if (value < 0) return { kind: "invalid", problem: problems.negative(typed) };
  if (value > MAX_PLAUSIBLE) return { kind: "invalid", problem: problems.tooLarge(typed) };
  if (rules.integer && !Number.isInteger(value))
    return { kind: "invalid", problem: problems.notWhole(typed) };
  return { kind: "value", value };
}

function readNumberText(raw: string, rules: NumberRules): Reading {
  const typed = raw.replace(EDGE_SPACE, "");
  if (typed === "") return EMPTY;
  if (DASH_ONLY.test(typed)) return NOT_GIVEN;
  const text = asciiDigits(typed);
  if (PLAIN.test(text)) return checkNumber(Number(text.replace(/,/g, "")), typed, rules);
  if (/^[-\u2212]\s*[\d.,]+$/.test(text)) return { kind: "invalid", problem: problems.negative(typed) };
  if (/^[\d.,]+\s*%$/.test(text)) return { kind: "invalid", problem: problems.percentSign(typed) };
  if (NUMBERISH.test(text)) {
    if ((text.match(/\./g) ?? []).length > 1)
      return { kind: "invalid", problem: problems.tooManyPoints(typed) };
    if (text.includes(",")) return { kind: "invalid", problem: problems.badThousands(typed) };
  }
  if (/^[\d.,]+(?:\s+[\d.,]+)+$/.test(text)) {
    return { kind: "invalid", problem: problems.spaceInNumber(typed, text.replace(/\s+/g, "")) };
  }
  const lead = LEADING_NUMBER.exec(text);
  if (lead && PLAIN.test(lead[1] ?? ""))
    return { kind: "invalid", problem: problems.hasUnit(typed, lead[1] ?? "") };
  return { kind: "invalid", problem: problems.notANumber(typed) };
}

/** Text for a message about a value that is not a number or text; some objects cannot be turned into text. */
function describe(input: unknown): string {
  try {
    return String(input);
  } catch {
    return Object.prototype.toString.call(input);
  }
}

/**
 * Reads what an officer typed into a numeric cell: ASCII, Thai (๐–๙) or full-width digits,
 * thousands commas in the right places, surrounding spaces and decimals. Never throws.
 * "12abc" is never read as 12; negative amounts are invalid.
 */
export function readNumber(input: unknown, rules: NumberRules = {}): Reading {
  if (typeof input === "number") return checkNumber(input, String(input), rules);
  if (typeof input === "string") return readNumberText(input, rules);
  if (input === null || input === undefined) return EMPTY;
  if (typeof input === "boolean") return { kind: "invalid", problem: problems.notACellNumber("boolean") };
  if (input instanceof Date) return { kind: "invalid", problem: problems.notACellNumber("date") };
  return { kind: "invalid", problem: problems.notANumber(describe(input)) };
}

const YES = new Set(["มี", "ใช่", "yes", "y", "true", "1", "✓", "✔"]);
const NO = new Set(["ไม่มี", "ไม่ใช่", "no", "n", "false", "0"]);

/** Reads a มี/ไม่มี answer: 1 for มี (yes), 0 for ไม่มี (no). */
export function readYesNo(input: unknown): Reading {
  if (input === null || input === undefined) return EMPTY;
  if (typeof input === "boolean") return { kind: "value", value: input ? 1 : 0 };
  if (typeof input === "number") {
    if (input === 1 || input === 0) return { kind: "value", value: input };
    return { kind: "invalid", problem: problems.notYesNo(describe(input)) };
  }
  if (typeof input !== "string") return { kind: "invalid", problem: problems.notYesNo(describe(input)) };
  const typed = input.replace(EDGE_SPACE, "");
  if (typed === "") return EMPTY;
  if (DASH_ONLY.test(typed)) return NOT_GIVEN;
  const key = asciiDigits(typed).normalize("NFC").replace(/\s+/g, "").toLowerCase();
  if (YES.has(key)) return { kind: "value", value: 1 };
  if (NO.has(key)) return { kind: "value", value: 0 };
  return { kind: "invalid", problem: problems.notYesNo(typed) };
}
