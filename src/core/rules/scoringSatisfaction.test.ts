import fc from "fast-check";
import { compileRound, type CompiledIndicator } from "./compiledRound";
import { readNumber } from "./reading";
import { parseRound } from "./round";
import { scoreIndicator, type Score } from "./scoring";
import { shippedRound } from "./shippedRounds";

/** A one-indicator round whose indicator has a target of 80 % for a อบต. */
function withTarget(kind: "ratio" | "satisfaction"): CompiledIndicator {
  const round = parseRound({
    schemaVersion: 1,
    id: "T1",
    year: 2566,
    fiscalYear: 2565,
    title: "ทดสอบ",
    laoTypes: ["sao"],
    window: { opens: "2023-06-01", closes: "2023-07-21" },
    areas: [
      {
        id: "1",
        title: "ด้านทดสอบ",
        form: "2-1",
        missions: [
          {
            id: "1",
            title: "ภารกิจทดสอบ",
            indicators: [
              {
                id: "T1-1-01",
                no: "1",
                text: "ความพึงพอใจของประชาชน",
                kind,
                unit: "ร้อยละ",
                inputs: { base: "ผู้ตอบแบบสำรวจ", served: "ผู้ตอบว่าพอใจ" },
                targets: { default: { value: 80, provisional: true } },
              },
            ],
          },
        ],
      },
    ],
  });
  return compileRound(round).indicators[0]!;
}
/** A satisfaction question with a target, and a ratio indicator with the same target. */
const rated = withTarget("satisfaction");
const ratio = withTarget("ratio");
/** A satisfaction question with no target (แบบ 3): reported, never passed or failed. */
const survey = compileRound(shippedRound("2564")!).byId.get("2564-S-01")!;

/** What decides a result: its status, the cell it is about, the problem's code, the figures. */
function outcome(score: Score): object {
  return {
    status: score.status,
    ...(score.field && { field: score.field }),
    ...(score.problem && { code: score.problem.code }),
    ...(score.percent !== undefined && { percent: score.percent }),
    ...(score.target !== undefined && { target: score.target }),
  };
}

type Case = [base: unknown, served: unknown, rated: object, survey: object];

// Every edge case of reading (1) respondents and (2) satisfied, with and without a target.
const cases: Case[] = [
  [null, null, { status: "incomplete" }, { status: "incomplete" }],
  ["", " ", { status: "incomplete" }, { status: "incomplete" }],
  [
    "",
    5,
    { status: "incomplete", field: "base", code: "base-missing", target: 80 },
    { status: "incomplete", field: "base", code: "base-missing" },
  ],
  [
    60,
    "",
    { status: "incomplete", field: "served", code: "served-missing", target: 80 },
    { status: "incomplete", field: "served", code: "served-missing" },
  ],
  [60, 48, { status: "pass", percent: 80, target: 80 }, { status: "reported", percent: 80 }],
  [
    "๖๐",
    "๔๖",
    { status: "below", percent: (46 * 100) / 60, target: 80 },
    { status: "reported", percent: (46 * 100) / 60 },
  ],
  ["1,000", "๙๙๙", { status: "pass", percent: 99.9, target: 80 }, { status: "reported", percent: 99.9 }],
  // No respondents: not done where there is a target, nothing to report where there is none.
  [0, null, { status: "not-done", target: 80 }, { status: "no-service" }],
  [0, 0, { status: "not-done", target: 80 }, { status: "no-service" }],
  ["๐", "-", { status: "not-done", target: 80 }, { status: "no-service" }],
  ["-", null, { status: "not-done", target: 80 }, { status: "no-service" }],
  ["-", "-", { status: "not-done", target: 80 }, { status: "no-service" }],
  [
    0,
    3,
    { status: "invalid", field: "served", code: "served-without-base", target: 80 },
    { status: "invalid", field: "served", code: "served-without-base" },
  ],
  [
    "-",
    "3",
    { status: "invalid", field: "served", code: "served-without-base", target: 80 },
    { status: "invalid", field: "served", code: "served-without-base" },
  ],
  // "-" for the satisfied.
  [
    60,
    "-",
    { status: "not-done", target: 80 },
    { status: "invalid", field: "served", code: "satisfied-not-given" },
  ],
  [
    60,
    "\u2212",
    { status: "not-done", target: 80 },
    { status: "invalid", field: "served", code: "satisfied-not-given" },
  ],
  // Over 100 %.
  [
    60,
    61,
    { status: "invalid", field: "served", code: "served-exceeds-base", target: 80 },
    { status: "invalid", field: "served", code: "served-exceeds-base" },
  ],
  // Negative, fractional, text, a percent sign, a unit.
  [
    -1,
    0,
    { status: "invalid", field: "base", code: "negative", target: 80 },
    { status: "invalid", field: "base", code: "negative" },
  ],
  [
    60,
    "-5",
    { status: "invalid", field: "served", code: "negative", target: 80 },
    { status: "invalid", field: "served", code: "negative" },
  ],
  [
    60.5,
    6,
    { status: "invalid", field: "base", code: "not-whole", target: 80 },
    { status: "invalid", field: "base", code: "not-whole" },
  ],
  [
    60,
    "4.5",
    { status: "invalid", field: "served", code: "not-whole", target: 80 },
    { status: "invalid", field: "served", code: "not-whole" },
  ],
  [
    "abc",
    "-",
    { status: "invalid", field: "base", code: "not-a-number", target: 80 },
    { status: "invalid", field: "base", code: "not-a-number" },
  ],
  [
    60,
    "ไม่มี",
    { status: "invalid", field: "served", code: "not-a-number", target: 80 },
    { status: "invalid", field: "served", code: "not-a-number" },
  ],
  [
    "60 คน",
    1,
    { status: "invalid", field: "base", code: "has-unit", target: 80 },
    { status: "invalid", field: "base", code: "has-unit" },
  ],
  [
    60,
    "80%",
    { status: "invalid", field: "served", code: "percent-sign", target: 80 },
    { status: "invalid", field: "served", code: "percent-sign" },
  ],
  [
    true,
    1,
    { status: "invalid", field: "base", code: "not-a-cell-number", target: 80 },
    { status: "invalid", field: "base", code: "not-a-cell-number" },
  ],
];

describe("scoring satisfaction: (2) satisfied ÷ (1) respondents", () => {
  it.each(cases)("reads (1) %p and (2) %p", (base, served, withTarget, withoutTarget) => {
    expect(outcome(scoreIndicator(rated, { base, served }, "sao"))).toEqual(withTarget);
    expect(outcome(scoreIndicator(survey, { base, served }, "subdistrict"))).toEqual(withoutTarget);
  });
});

/** What makes a result a problem to fix: invalid or incomplete, the cell, the problem. */
function toFix(score: Score): object | undefined {
  return score.status === "invalid" || score.status === "incomplete"
    ? { status: score.status, field: score.field, problem: score.problem }
    : undefined;
}

describe("satisfaction and ratio read their inputs alike", () => {
  it("find the same problem in the same cell, whatever is typed", () => {
    const anyCell = fc.oneof(
      fc.constantFrom(
        null,
        undefined,
        "",
        " ",
        "-",
        "\u2212",
        "0",
        "๐",
        "1,000",
        "abc",
        "80%",
        "12 คน",
        true,
      ),
      fc.integer({ min: -5, max: 200 }),
      fc.double({ min: -5, max: 200, noNaN: false }),
      fc.nat(200).map(String),
      fc.nat(200).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)))),
      fc.string(),
    );
    // Where the two differ by design: satisfaction counts whole people, and takes "-" for no respondents.
    const notFractional = (cell: unknown): boolean => {
      const read = readNumber(cell);
      return read.kind !== "value" || Number.isInteger(read.value);
    };
    const base = anyCell.filter((cell) => notFractional(cell) && readNumber(cell).kind !== "not-given");
    const served = anyCell.filter(notFractional);
    fc.assert(
      fc.property(base, served, (b, s) => {
        const input = { base: b, served: s };
        const satisfaction = scoreIndicator(rated, input, "sao");
        const asRatio = scoreIndicator(ratio, input, "sao");
        expect(toFix(satisfaction)).toEqual(toFix(asRatio));
        if (asRatio.percent !== undefined) expect(satisfaction.percent).toBe(asRatio.percent);
        if (asRatio.status === "no-service") expect(satisfaction.status).toBe("not-done");
      }),
      { numRuns: 3000 },
    );
  });
});
