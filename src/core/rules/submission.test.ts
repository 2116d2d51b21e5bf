import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appliesTo, compileRound } from "./compiledRound";
import { LaoRegister, parseRegisterCsv } from "./register";
import { shippedRound } from "./shippedRounds";
import { evaluateSubmission, parseSubmission, submissionJsonSchema } from "./submission";

const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../../data/lao-registry.csv"), "utf8")),
);
const r2563 = compileRound(shippedRound("2563")!);
const nakhon = register.get("3800102")!;

const fullBasic = {
  population: "๑๒,๓๔๕",
  households: 4000,
  villages: 12,
  budget: "85,000,000.50",
  preparer: { name: "นางสาวทดสอบ ใจดี", position: "นักวิเคราะห์นโยบายและแผน", phone: "๐๘๑ ๒๓๔ ๕๖๗๘" },
};

describe("submission documents", () => {
  it("accepts the minimal contract document", () => {
    const parsed = parseSubmission({
      round: "2563",
      lao: "3800102",
      values: { "2563-1-01": { base: 57.24, served: 29.767 } },
    });
    expect(parsed.ok).toBe(true);
  });

  it("refuses a typo in a value key with a Thai message naming it", () => {
    const parsed = parseSubmission({
      round: "2563",
      lao: "3800102",
      values: { "2563-1-01": { base: 1, serve: 1 } },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems[0]?.path).toBe("values.2563-1-01");
      expect(parsed.problems[0]?.problem.th).toContain("serve");
    }
  });

  it("refuses an LAO code that is not 7 digits", () => {
    const parsed = parseSubmission({ round: "2563", lao: "38001", values: {} });
    expect(!parsed.ok && parsed.problems[0]?.problem.th).toContain("7 หลัก");
  });

  it("scores every indicator of the LAO's type and summarises", () => {
    const report = evaluateSubmission(
      {
        round: "2563",
        lao: nakhon.code,
        values: {
          "2563-1-01": { base: 57.24, served: 29.767 },
          "2563-1-02": { base: "12", served: "๑๒" },
          "2563-1-03": { base: 0 },
          "2563-1-04": { base: 3, served: "-" },
        },
        basic: fullBasic,
      },
      r2563,
      nakhon,
    );
    expect(report.results.map((r) => r.status)).toEqual(["below", "pass", "no-service", "not-done"]);
    expect(report.results[3]?.label).toBe("ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2562");
    expect(report.results[0]).toMatchObject({
      id: "2563-1-01",
      target: 85,
      provisional: false,
      label: "การพัฒนาในอนาคต",
    });
    expect(report.summary.overall.passRate).toBeCloseTo(1 / 3);
    expect(report.readable).toBe(true);
    expect(report.complete).toBe(true);
  });

  it("flags unknown indicators and unreadable values, and is incomplete without แบบ 1", () => {
    const report = evaluateSubmission(
      {
        round: "2563",
        lao: nakhon.code,
        values: { "2563-1-01": { base: "12abc", served: 1 }, "2563-9-99": { value: 1 } },
      },
      r2563,
      nakhon,
    );
    expect(report.readable).toBe(false);
    expect(report.results[0]).toMatchObject({ status: "invalid", field: "base" });
    expect(report.problems.find((p) => p.path === "values.2563-9-99")?.severity).toBe("error");
    expect(
      report.problems.filter((p) => p.path.startsWith("basic.")).every((p) => p.severity === "warning"),
    ).toBe(true);
    expect(report.complete).toBe(false);
  });

  it("names the LAO's type in Thai when a value is for an indicator its type is not assessed on", () => {
    const r2567 = compileRound(shippedRound("2567")!);
    const sao = register.all.find((l) => l.type === "sao")!;
    const other = r2567.indicators.find((i) => !appliesTo(i, "sao"))!;
    const report = evaluateSubmission(
      { round: "2567", lao: sao.code, values: { [other.def.id]: { value: 1 } } },
      r2567,
      sao,
    );
    const problem = report.problems.find((p) => p.path === `values.${other.def.id}`)!;
    expect(problem.code).toBe("not-for-type");
    expect(problem.problem.th).toBe(`ตัวชี้วัด ${other.def.id} ไม่ได้ใช้ประเมิน อบต.`);
  });

  it("exports a JSON Schema", () => {
    const schema = submissionJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(["round", "lao", "values"]);
  });
});
