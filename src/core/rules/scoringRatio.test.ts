import fc from "fast-check";
import { compileRound } from "./compiledRound";
import { readRatio } from "./scoring";
import { scoreIndicator } from "./scoring";
import { shippedRound } from "./shippedRounds";

const asphalt = compileRound(shippedRound("2563")!).byId.get("2563-1-01")!;

describe("reading a ratio's (1) and (2)", () => {
  it("gives (2) ÷ (1) × 100, unrounded, from numbers or typed text", () => {
    expect(readRatio(57.24, 29.767)).toEqual({
      kind: "percent",
      percent: (29.767 * 100) / 57.24,
      base: 57.24,
      served: 29.767,
    });
    expect(readRatio("๑,๐๐๐", "250")).toMatchObject({ kind: "percent", percent: 25 });
  });

  it('tells nothing entered, no service, not done ("-"), a blank (2) and (2) without (1) apart', () => {
    expect(readRatio(null, "")).toEqual({ kind: "empty" });
    expect(readRatio(0, "-")).toEqual({ kind: "no-service" });
    expect(readRatio(0, 0)).toEqual({ kind: "no-service" });
    expect(readRatio(12, "-")).toEqual({ kind: "not-done" });
    expect(readRatio(12, "\u2212")).toEqual({ kind: "not-done" });
    expect(readRatio(12, null)).toMatchObject({
      kind: "incomplete",
      field: "served",
      problem: { code: "served-missing" },
    });
    expect(readRatio("12", " ")).toMatchObject({ kind: "incomplete", field: "served" });
    expect(readRatio("", 5)).toMatchObject({
      kind: "incomplete",
      field: "base",
      problem: { code: "base-missing" },
    });
  });

  it("says what to fix, and in which cell", () => {
    expect(readRatio("12 กม.", 5)).toMatchObject({
      kind: "invalid",
      field: "base",
      problem: { code: "has-unit" },
    });
    expect(readRatio(10, "abc")).toMatchObject({
      kind: "invalid",
      field: "served",
      problem: { code: "not-a-number" },
    });
    expect(readRatio(10, 11)).toMatchObject({
      kind: "invalid",
      field: "served",
      problem: { code: "served-exceeds-base" },
    });
    expect(readRatio("-", 1)).toMatchObject({
      kind: "invalid",
      field: "base",
      problem: { code: "base-not-given" },
    });
    expect(readRatio(0, 3)).toMatchObject({
      kind: "invalid",
      field: "served",
      problem: { code: "served-without-base" },
    });
  });

  it('reads whole numbers only, and "-" in (1) as none, where the rules say so (satisfaction)', () => {
    const people = { integer: true, dashBaseIsZero: true };
    expect(readRatio("-", null, people)).toEqual({ kind: "no-service" });
    expect(readRatio("-", "3", people)).toMatchObject({
      kind: "invalid",
      field: "served",
      problem: { code: "served-without-base" },
    });
    expect(readRatio(10, 5.5, people)).toMatchObject({
      kind: "invalid",
      field: "served",
      problem: { code: "not-whole" },
    });
    expect(readRatio(10, 5.5)).toMatchObject({ kind: "percent", percent: 55 });
  });

  it("agrees with the scoring of a ratio indicator, whatever is typed", () => {
    const cell = fc.oneof(
      fc.constantFrom(null, undefined, "", "-", " ", "0", "๐"),
      fc.double({ min: -5, max: 2000, noNaN: true }),
      fc.nat(2000).map(String),
      fc.string(),
    );
    fc.assert(
      fc.property(cell, cell, (base, served) => {
        const reading = readRatio(base, served);
        const score = scoreIndicator(asphalt, { base, served }, "sao");
        const expected =
          reading.kind === "percent"
            ? ["pass", "below"]
            : reading.kind === "empty"
              ? ["incomplete"]
              : [reading.kind];
        expect(expected).toContain(score.status);
        if (reading.kind === "percent") expect(score.percent).toBe(reading.percent);
        if (reading.kind === "invalid" || reading.kind === "incomplete") {
          expect(score.problem).toEqual(reading.problem);
          expect(score.field).toBe(reading.field);
        }
      }),
    );
  });
});
