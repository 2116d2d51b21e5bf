import fc from "fast-check";
import { compileRound, type CompiledIndicator } from "./compiledRound";
import { LAO_TYPES } from "./laoTypes";
import { parseRound } from "./round";
import { readNumber } from "./reading";
import {
  classifyIndicator,
  gapToTarget,
  scoreIndicator,
  statusLabel,
  type Score,
  type Status,
} from "./scoring";
import { shippedRound } from "./shippedRounds";

const r2563 = compileRound(shippedRound("2563")!);
const asphalt = r2563.byId.get("2563-1-01")!;

/** A one-indicator round of the given kind, to score edge cases without shipped data. */
function single(kind: "ratio" | "count" | "yesno" | "satisfaction", extra: object = {}): CompiledIndicator {
  const percentLike = kind === "ratio" || kind === "satisfaction";
  const round = parseRound({
    schemaVersion: 1,
    id: "T1",
    year: 2566,
    fiscalYear: 2565,
    title: "ทดสอบ",
    laoTypes: ["sao", "subdistrict"],
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
                text: "ตัวชี้วัดทดสอบของ {lao_type}",
                kind,
                unit: percentLike ? "ร้อยละ" : "ครั้ง",
                ...(percentLike && { inputs: { base: "ทั้งหมด", served: "ที่ให้บริการ" } }),
                targets:
                  kind === "yesno" ? {} : { default: { value: percentLike ? 80 : 3, provisional: true } },
                ...extra,
              },
            ],
          },
        ],
      },
    ],
  });
  return compileRound(round).indicators[0]!;
}

describe("scoring a ratio indicator: (2) ÷ (1) × 100 against the target for the LAO type", () => {
  it("passes at or above the target and uses the target of the LAO's type", () => {
    expect(scoreIndicator(asphalt, { base: 100, served: 85 }, "city")).toMatchObject({
      status: "pass",
      percent: 85,
      target: 85,
    });
    expect(scoreIndicator(asphalt, { base: 100, served: 80 }, "city")).toMatchObject({
      status: "below",
      target: 85,
    });
    expect(scoreIndicator(asphalt, { base: 100, served: 80 }, "subdistrict")).toMatchObject({
      status: "pass",
      target: 75,
    });
  });

  it("lets ties pass despite floating-point noise", () => {
    const t = single("ratio", { targets: { default: { value: 57, provisional: true } } });
    expect(0.57 * 100).toBeLessThan(57);
    expect(scoreIndicator(t, { base: 1, served: 0.57 }, "sao").status).toBe("pass");
    expect(scoreIndicator(t, { base: 100, served: 57 }, "sao").status).toBe("pass");
    expect(scoreIndicator(t, { base: 100, served: 56.99 }, "sao").status).toBe("below");
  });

  it("keeps the percentage unrounded", () => {
    const s = scoreIndicator(asphalt, { base: 57.24, served: 29.767 }, "subdistrict");
    expect(s.percent).toBeCloseTo((29.767 / 57.24) * 100, 12);
    expect(s.status).toBe("below");
  });

  it("reads base 0 as ไม่มีบริการสาธารณะ, whether (2) is empty, - or 0", () => {
    for (const served of [undefined, "", "-", 0, "0"]) {
      expect(scoreIndicator(asphalt, { base: 0, served }, "city").status).toBe("no-service");
    }
  });

  it("reads base > 0 with (2) typed as - as ไม่ได้ดำเนินการ", () => {
    expect(scoreIndicator(asphalt, { base: 12, served: "-" }, "city").status).toBe("not-done");
    expect(scoreIndicator(asphalt, { base: "๑๒", served: "\u2013" }, "city").status).toBe("not-done");
  });

  it("reads base > 0 with (2) blank as not entered yet, never as ไม่ได้ดำเนินการ", () => {
    for (const served of [undefined, null, "", "  "]) {
      const s = scoreIndicator(asphalt, { base: 12, served }, "city");
      expect(s).toMatchObject({ status: "incomplete", field: "served", problem: { code: "served-missing" } });
      expect(s.problem?.th).toContain("(2)");
      expect(s.problem?.th).toContain("พิมพ์ -");
    }
  });

  it("is incomplete while nothing is entered, or when (2) is there without (1)", () => {
    expect(scoreIndicator(asphalt, {}, "city")).toEqual({ status: "incomplete" });
    expect(scoreIndicator(asphalt, { base: "", served: " " }, "city")).toEqual({ status: "incomplete" });
    const s = scoreIndicator(asphalt, { served: 5 }, "city");
    expect(s).toMatchObject({ status: "incomplete", field: "base" });
    expect(s.problem?.th).toContain("(1)");
  });

  it("rejects (2) greater than (1), naming both", () => {
    const s = scoreIndicator(asphalt, { base: 10, served: 12 }, "city");
    expect(s).toMatchObject({ status: "invalid", field: "served" });
    expect(s.problem?.th).toContain("(2)");
    expect(s.problem?.th).toContain("12");
    expect(s.problem?.th).toContain("10");
  });

  it("rejects (2) when (1) is 0, and - in (1)", () => {
    expect(scoreIndicator(asphalt, { base: 0, served: 3 }, "city")).toMatchObject({
      status: "invalid",
      field: "served",
    });
    expect(scoreIndicator(asphalt, { base: "-", served: 3 }, "city")).toMatchObject({
      status: "invalid",
      field: "base",
    });
  });

  it("reports which cell is unreadable", () => {
    expect(scoreIndicator(asphalt, { base: "12abc", served: 3 }, "city")).toMatchObject({
      status: "invalid",
      field: "base",
    });
    expect(scoreIndicator(asphalt, { base: "12", served: "x" }, "city")).toMatchObject({
      status: "invalid",
      field: "served",
    });
  });

  it("reads Thai digits and typed text like numbers", () => {
    expect(scoreIndicator(asphalt, { base: "๑๐๐", served: "๙๐" }, "city")).toMatchObject({
      status: "pass",
      percent: 90,
    });
  });

  it("is monotone in (2): serving more never turns a pass into a fail", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...(["city", "subdistrict", "sao"] as const)),
        (base, f1, f2, type) => {
          const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
          const a = scoreIndicator(asphalt, { base, served: base * lo }, type);
          const b = scoreIndicator(asphalt, { base, served: base * hi }, type);
          expect(a.percent!).toBeLessThanOrEqual(b.percent!);
          if (a.status === "pass") expect(b.status).toBe("pass");
        },
      ),
    );
  });

  it("compares lower-is-better indicators with ≤", () => {
    const t = single("ratio", { comparison: "<=", targets: { default: { value: 10, provisional: true } } });
    expect(scoreIndicator(t, { base: 100, served: 10 }, "sao").status).toBe("pass");
    expect(scoreIndicator(t, { base: 100, served: 11 }, "sao").status).toBe("below");
  });
});

describe("scoring the other kinds", () => {
  it("compares counts with the target and requires whole numbers", () => {
    const t = single("count");
    expect(scoreIndicator(t, { value: 3 }, "sao")).toMatchObject({ status: "pass", value: 3, target: 3 });
    expect(scoreIndicator(t, { value: "๒" }, "sao")).toMatchObject({ status: "below", value: 2 });
    expect(scoreIndicator(t, { value: "-" }, "sao").status).toBe("not-done");
    expect(scoreIndicator(t, { value: "" }, "sao").status).toBe("incomplete");
    expect(scoreIndicator(t, { value: "2.5" }, "sao")).toMatchObject({ status: "invalid", field: "value" });
    expect(scoreIndicator(t, { value: -1 }, "sao")).toMatchObject({ status: "invalid", field: "value" });
  });

  it("accepts decimals for a count marked integer: false (an area)", () => {
    const t = single("count", { integer: false, unit: "ตร.ม." });
    expect(scoreIndicator(t, { value: "3.5" }, "sao").status).toBe("pass");
  });

  it("passes มี and not ไม่มี", () => {
    const t = single("yesno");
    expect(scoreIndicator(t, { value: "มี" }, "sao").status).toBe("pass");
    expect(scoreIndicator(t, { value: "ไม่มี" }, "sao").status).toBe("below");
    expect(scoreIndicator(t, { value: "maybe" }, "sao")).toMatchObject({ status: "invalid", field: "value" });
  });

  it("scores satisfaction as satisfied ÷ respondents", () => {
    const t = single("satisfaction");
    expect(scoreIndicator(t, { base: 60, served: 46 }, "sao")).toMatchObject({ status: "below" });
    expect(scoreIndicator(t, { base: 60, served: 48 }, "sao")).toMatchObject({ status: "pass", percent: 80 });
    expect(scoreIndicator(t, { base: 0 }, "sao").status).toBe("not-done");
    expect(scoreIndicator(t, { base: 60, served: "-" }, "sao").status).toBe("not-done");
    expect(scoreIndicator(t, { base: 60, served: "" }, "sao")).toMatchObject({
      status: "incomplete",
      field: "served",
      problem: { code: "served-missing" },
    });
    expect(scoreIndicator(t, { base: 60, served: 61 }, "sao").status).toBe("invalid");
    expect(scoreIndicator(t, { base: 60.5, served: 6 }, "sao")).toMatchObject({
      status: "invalid",
      field: "base",
    });
  });

  it("says when an indicator does not apply to the LAO type", () => {
    const t = single("count");
    const s = scoreIndicator(t, { value: 1 }, "city");
    expect(s.status).toBe("invalid");
    expect(s.problem?.code).toBe("not-for-type");
  });

  it("never throws, for any indicator of the shipped rounds, any type and any input", () => {
    const all = ["2563", "2564", "2568"].flatMap((id) => compileRound(shippedRound(id)!).indicators);
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.constantFrom(...LAO_TYPES),
        fc.record({ base: fc.anything(), served: fc.anything(), value: fc.anything() }, { requiredKeys: [] }),
        (ind, type, input) => {
          const s = scoreIndicator(ind, input, type);
          expect(typeof statusLabel(s.status, ind.round)).toBe("string");
          gapToTarget(ind, input, s);
        },
      ),
    );
  });
});

describe("scoring satisfaction: (2) satisfied ÷ (1) respondents, read like a ratio", () => {
  const rated = single("satisfaction");
  const ratio = single("ratio");
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

  it.each([
    [null, null, { status: "incomplete" }, { status: "incomplete" }],
    ["", " ", { status: "incomplete" }, { status: "incomplete" }],
    [60, 48, { status: "pass", percent: 80, target: 80 }, { status: "reported", percent: 80 }],
    [
      "๖๐",
      "๔๖",
      { status: "below", percent: 4600 / 60, target: 80 },
      { status: "reported", percent: 4600 / 60 },
    ],
    ["1,000", "๙๙๙", { status: "pass", percent: 99.9, target: 80 }, { status: "reported", percent: 99.9 }],
    // No respondents: not done where there is a target, nothing to report where there is none.
    [0, null, { status: "not-done", target: 80 }, { status: "no-service" }],
    [0, 0, { status: "not-done", target: 80 }, { status: "no-service" }],
    ["๐", "-", { status: "not-done", target: 80 }, { status: "no-service" }],
    ["-", null, { status: "not-done", target: 80 }, { status: "no-service" }],
    ["-", "-", { status: "not-done", target: 80 }, { status: "no-service" }],
    // "-" for the satisfied: not done against a target; without one, the count is needed.
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
  ])("reads (1) %p and (2) %p", (base, served, withTarget, withoutTarget) => {
    expect(outcome(scoreIndicator(rated, { base, served }, "sao"))).toEqual(withTarget);
    expect(outcome(scoreIndicator(survey, { base, served }, "subdistrict"))).toEqual(withoutTarget);
  });

  it.each([
    ["", 5, "incomplete", "base", "base-missing"],
    [60, "", "incomplete", "served", "served-missing"],
    [0, 3, "invalid", "served", "served-without-base"],
    ["-", "3", "invalid", "served", "served-without-base"],
    [60, 61, "invalid", "served", "served-exceeds-base"],
    [-1, 0, "invalid", "base", "negative"],
    [60, "-5", "invalid", "served", "negative"],
    [60.5, 6, "invalid", "base", "not-whole"],
    [60, "4.5", "invalid", "served", "not-whole"],
    ["abc", "-", "invalid", "base", "not-a-number"],
    [60, "ไม่มี", "invalid", "served", "not-a-number"],
    ["60 คน", 1, "invalid", "base", "has-unit"],
    [60, "80%", "invalid", "served", "percent-sign"],
    [true, 1, "invalid", "base", "not-a-cell-number"],
  ])("finds in (1) %p and (2) %p: %s, in %s (%s)", (base, served, status, field, code) => {
    const problem = { status, field, code };
    expect(outcome(scoreIndicator(rated, { base, served }, "sao"))).toEqual({ ...problem, target: 80 });
    expect(outcome(scoreIndicator(survey, { base, served }, "subdistrict"))).toEqual(problem);
  });

  /** What makes a result a problem to fix: invalid or incomplete, the cell, the problem. */
  function toFix(score: Score): object | undefined {
    return score.status === "invalid" || score.status === "incomplete"
      ? { status: score.status, field: score.field, problem: score.problem }
      : undefined;
  }

  it("finds the same problem in the same cell as a ratio, whatever is typed", () => {
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

describe("classifying without the full result", () => {
  it("always agrees with scoreIndicator", () => {
    const all = ["2563", "2564", "2568"].flatMap((id) => compileRound(shippedRound(id)!).indicators);
    const cell = fc.oneof(
      fc.double({ noNaN: false }),
      fc.double({ min: 0, max: 1000, noNaN: true }),
      fc.integer({ min: -5, max: 1000 }),
      fc.constantFrom("", "-", "12", "๑๒", "x", null, undefined),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.constantFrom(...LAO_TYPES),
        cell,
        cell,
        cell,
        (ind, type, base, served, value) => {
          const input = { base, served, value };
          expect(classifyIndicator(ind, input, type)).toBe(scoreIndicator(ind, input, type).status);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("the official labels", () => {
  const round = shippedRound("2568")!;
  it.each([
    ["pass", "ผ่านค่าเป้าหมายขั้นต่ำ"],
    ["below", "การพัฒนาในอนาคต"],
    ["no-service", "ไม่มีบริการสาธารณะ"],
    ["not-done", "ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2567"],
  ] as Array<[Status, string]>)("labels %s as %s", (status, label) => {
    expect(statusLabel(status, round)).toBe(label);
  });

  it("uses the round's pass label where the printout of that year differs", () => {
    expect(statusLabel("pass", { passLabel: "สูงกว่าค่าเป้าหมาย", fiscalYear: 2566 })).toBe("สูงกว่าค่าเป้าหมาย");
  });
});

describe("the gap to the target", () => {
  it("gives how much more (2) is needed for a ratio, in the input's unit", () => {
    const s = scoreIndicator(asphalt, { base: 200, served: 100 }, "city");
    expect(gapToTarget(asphalt, { base: 200, served: 100 }, s)).toBeCloseTo(70, 9);
    const pass = scoreIndicator(asphalt, { base: 200, served: 190 }, "city");
    expect(gapToTarget(asphalt, { base: 200, served: 190 }, pass)).toBe(0);
    const notDone = scoreIndicator(asphalt, { base: 200, served: "-" }, "city");
    expect(gapToTarget(asphalt, { base: 200, served: "-" }, notDone)).toBeCloseTo(170, 9);
  });

  it("gives the missing count, and nothing for no-service or incomplete", () => {
    const t = single("count");
    expect(gapToTarget(t, { value: 1 }, scoreIndicator(t, { value: 1 }, "sao"))).toBe(2);
    expect(gapToTarget(asphalt, { base: 0 }, scoreIndicator(asphalt, { base: 0 }, "city"))).toBeUndefined();
    expect(gapToTarget(asphalt, {}, scoreIndicator(asphalt, {}, "city"))).toBeUndefined();
  });
});
