import { compileRound } from "../rules/compiledRound";
import { shippedRound } from "../rules/shippedRounds";
import {
  buildSatisfactionPrintout,
  satisfactionPercent,
  SATISFACTION_PRINTOUT_TITLE,
} from "./satisfactionPrintout";
import { scoreIndicator, statusLabel } from "../rules/scoring";
import { evaluateSubmission } from "../rules/submission";
import { LaoRegister, parseRegisterCsv } from "../rules/register";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const r2564 = compileRound(shippedRound("2564")!);
const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../../data/lao-registry.csv"), "utf8")),
);

describe("satisfaction questions without a target (แบบ 3)", () => {
  it("are reported with their percentage, never passed or failed", () => {
    const q = r2564.byId.get("2564-S-01")!;
    expect(q.targets.subdistrict).toBeUndefined();
    const score = scoreIndicator(q, { base: 60, served: 46 }, "subdistrict");
    expect(score).toMatchObject({ status: "reported", percent: (46 * 100) / 60 });
    expect(score.target).toBeUndefined();
    expect(statusLabel("reported", r2564.round)).toBe("รายงานผล (ไม่มีค่าเป้าหมาย)");
    expect(scoreIndicator(q, { base: 60, served: 60 }, "subdistrict").status).toBe("reported");
    expect(scoreIndicator(q, { base: 60 }, "subdistrict")).toMatchObject({
      status: "incomplete",
      field: "served",
    });
    expect(scoreIndicator(q, { base: 0 }, "subdistrict").status).toBe("no-service");
    expect(scoreIndicator(q, { base: 60, served: "-" }, "subdistrict")).toMatchObject({
      status: "invalid",
      problem: { code: "satisfied-not-given" },
    });
  });

  it("are left out of pass rates; a satisfaction indicator with a target (2568) is still scored", () => {
    const lao = register.get("5810401")!; // เทศบาลตำบล
    const values = {
      "2564-1-01": { base: 100, served: 90 },
      "2564-1-02": { base: 100, served: 50 },
      "2564-1-03": { base: 10, served: 10 },
      ...Object.fromEntries(
        ["01", "02", "03", "04", "05"].map((n) => [
          `2564-S-${n}`,
          { base: 60, served: n === "01" ? 10 : 46 },
        ]),
      ),
    };
    const report = evaluateSubmission({ round: "2564", lao: lao.code, values }, r2564, lao);
    expect(report.summary.overall.counts).toMatchObject({ pass: 2, below: 1, reported: 5 });
    expect(report.summary.overall.assessed).toBe(3);
    expect(report.summary.overall.passRate).toBeCloseTo(2 / 3, 12);
    expect(report.summary.areas.find((a) => a.areaId === "S")).toMatchObject({ passRate: null, total: 5 });
    expect(report.complete).toBe(false); // แบบ 1 is empty; the indicators themselves are all entered
    expect(report.summary.overall.complete).toBe(true);

    const r2568 = compileRound(shippedRound("2568")!);
    const education = r2568.byId.get("2568-1-02")!;
    expect(scoreIndicator(education, { base: 60, served: 48 }, "subdistrict")).toMatchObject({
      status: "pass",
      target: 80,
    });
  });
});

describe("the แบบ 3 printout", () => {
  it("gives per question the counts and percentages of พอใจ and ปรับปรุง, 2 decimals, trailing zeros dropped", () => {
    const printout = buildSatisfactionPrintout(r2564, "subdistrict", {
      values: {
        "2564-S-01": { base: 60, served: 46 },
        "2564-S-02": { base: "๖๐", served: "๔๕" },
        "2564-S-03": { base: 60 },
      },
    });
    expect(printout.title).toBe(SATISFACTION_PRINTOUT_TITLE);
    expect(printout.columns).toEqual([
      "คำถาม",
      "พอใจ (จำนวน)",
      "พอใจ (ร้อยละ)",
      "ปรับปรุง (จำนวน)",
      "ปรับปรุง (ร้อยละ)",
    ]);
    expect(printout.groups).toHaveLength(1);
    const [s1, s2, s3, s4] = printout.groups[0]!.rows;
    expect(s1).toEqual({
      id: "2564-S-01",
      question: "ความพึงพอใจของประชาชนต่อการพัฒนาหรือการบำรุงรักษาถนนของ เทศบาล",
      satisfied: 46,
      improve: 14,
      satisfiedPercent: "76.67%",
      improvePercent: "23.33%",
    });
    expect(s2).toMatchObject({ satisfied: 45, improve: 15, satisfiedPercent: "75%", improvePercent: "25%" });
    expect(s3).toMatchObject({ satisfied: null, satisfiedPercent: null });
    expect(s4!.question).toContain("ในเขตทาง เทศบาล");
    expect(printout.groups[0]!.rows).toHaveLength(5);
  });

  it("writes 100 as 100% and leaves out satisfaction questions that have a target", () => {
    expect(satisfactionPercent(60, 60)).toBe("100%");
    expect(satisfactionPercent(0, 60)).toBe("0%");
    const r2568 = compileRound(shippedRound("2568")!);
    expect(buildSatisfactionPrintout(r2568, "subdistrict", { values: {} }).groups).toEqual([]);
  });
});
