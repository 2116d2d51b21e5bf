import { problems, type Problem } from "./problems";
import { readNumber } from "./reading";
import type { InputField } from "./scoring";

/**
 * What the two cells of a ratio, (1) the base and (2) what was served, give once read:
 * - `percent`: (2) ÷ (1) × 100, unrounded;
 * - `empty`: nothing entered in either cell;
 * - `no-service`: (1) = 0, so there is no such service (ไม่มีบริการสาธารณะ);
 * - `not-done`: (1) > 0 and (2) is the official "-" (ไม่ได้ดำเนินการ);
 * - `incomplete`: (2) without (1), or (1) > 0 with (2) blank, with a problem saying what to fill in:
 *   a blank cell is "not entered yet", never "not done" (only "-" says the service was not provided);
 * - `invalid`: something that cannot be read or cannot be right, with a problem saying what to type.
 */
export type RatioReading =
  | { readonly kind: "percent"; readonly percent: number; readonly base: number; readonly served: number }
  | { readonly kind: "empty" }
  | { readonly kind: "no-service" }
  | { readonly kind: "not-done" }
  | { readonly kind: "incomplete" | "invalid"; readonly problem: Problem; readonly field: InputField };

const EMPTY: RatioReading = Object.freeze({ kind: "empty" });
const NO_SERVICE: RatioReading = Object.freeze({ kind: "no-service" });
const NOT_DONE: RatioReading = Object.freeze({ kind: "not-done" });

/** Reads a ratio's (1) and (2) as typed (numbers or text, Thai digits allowed). Never throws. */
export function readRatio(base: unknown, served: unknown): RatioReading {
  const b = readNumber(base);
  if (b.kind === "invalid") return { kind: "invalid", problem: b.problem, field: "base" };
  const s = readNumber(served);
  if (s.kind === "invalid") return { kind: "invalid", problem: s.problem, field: "served" };
  if (b.kind === "empty") {
    return s.kind === "empty"
      ? EMPTY
      : { kind: "incomplete", problem: problems.baseMissing(), field: "base" };
  }
  if (b.kind === "not-given") return { kind: "invalid", problem: problems.baseNotGiven(), field: "base" };
  if (b.value === 0) {
    if (s.kind === "value" && s.value > 0) {
      return { kind: "invalid", problem: problems.servedWithoutBase(), field: "served" };
    }
    return NO_SERVICE;
  }
  if (s.kind === "empty") return { kind: "incomplete", problem: problems.servedMissing(), field: "served" };
  if (s.kind === "not-given") return NOT_DONE;
  if (s.value > b.value) {
    return { kind: "invalid", problem: problems.servedExceedsBase(s.value, b.value), field: "served" };
  }
  return { kind: "percent", percent: (s.value * 100) / b.value, base: b.value, served: s.value };
}
