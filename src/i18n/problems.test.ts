import { compileRound } from "../core/rules/compiledRound";
import { problems, type Problem } from "../core/rules/problems";
import { scoreIndicator } from "../core/rules/scoring";
import { shippedRound } from "../core/rules/shippedRounds";
import { evaluateSubmission, parseSubmission } from "../core/rules/submission";
import { missingSheet, parseMeta } from "../core/workbook/collectionWorkbook";
import { reportProblems } from "../core/workbook/reportProblems";
import { loadRegister } from "../dataFiles";
import { problemEn, withEnglish } from "./problems";

/** The English officers and tools read on the wire, pinned: a changed wording must be a decision. */
describe("the English of core's problems", () => {
  it("writes a typed value's problem with the value quoted, as core's Thai does", () => {
    const p = problems.hasUnit("12 กม.", "12");
    expect(p.th).toContain("“12 กม.”");
    expect(problemEn(p)).toBe("“12 กม.” has letters in it — type the number only, without a unit, e.g. 12");
    expect(problemEn(problems.notACellNumber("date"))).toBe(
      "this cell holds a date — type a number instead; type - if not carried out",
    );
  });

  it("writes a refused document and workbook as the server, the CLI and the pane always did", () => {
    const parsed = parseSubmission({ round: "2563", lao: "38001" });
    expect(!parsed.ok && withEnglish(parsed.problems[0]!)).toEqual({
      path: "lao",
      code: "bad-document",
      message: expect.stringMatching(/^เอกสารไม่ถูกต้องที่ lao: /),
      messageEn: expect.stringMatching(/^invalid document at lao: .* the LAO code has 7 digits$/),
      severity: "error",
    });
    const meta = parseMeta(() => undefined);
    expect("problem" in meta && meta.problem.th).toContain("ไม่ใช่แบบรวบรวมข้อมูลของ MinStd");
    expect("problem" in meta && problemEn(meta.problem)).toBe(
      "this workbook is not a MinStd collection workbook — create one with minstd template or the add-in",
    );
    expect(withEnglish(missingSheet("แบบ อบต. 2-1"))).toEqual({
      path: "",
      code: "layout-mismatch",
      message: "ไม่พบแผ่นงาน “แบบ อบต. 2-1” — อย่าเปลี่ยนชื่อหรือลบแผ่นงานของแบบรวบรวมข้อมูล",
      messageEn: "sheet “แบบ อบต. 2-1” is missing — sheets must not be renamed or deleted",
      severity: "error",
      sheet: "แบบ อบต. 2-1",
    });
    const moved: Problem = {
      code: "layout-row-moved",
      th: "",
      args: { sheet: "ด้าน1", cell: "A7", id: "2568-1-01" },
    };
    expect(problemEn(moved)).toBe(
      "ด้าน1!A7 must hold indicator 2568-1-01 — rows were inserted, deleted or moved",
    );
    const newer: Problem = { code: "newer-layout", th: "", args: { version: 9, current: 3 } };
    expect(problemEn(newer)).toBe(
      "this workbook uses layout version 9, newer than this MinStd (3) — update MinStd",
    );
  });

  it("names an indicator's own problem with its id, in both languages", () => {
    const round = shippedRound("2563")!;
    const compiled = compileRound(round);
    const lao = loadRegister().all.find((l) => l.type === "town")!;
    const ratio = compiled.indicators.find((i) => i.kind === "ratio" && i.targets[lao.type])!;
    const id = ratio.def.id;
    const report = evaluateSubmission(
      { round: "2563", lao: lao.code, values: { [id]: { base: 120, served: "45 ราย" } } },
      compiled,
      lao,
    );
    expect(reportProblems(report, compiled).map(withEnglish)).toContainEqual({
      path: `values.${id}.served`,
      code: "invalid-value",
      message: `ตัวชี้วัด ${id}: “45 ราย” มีตัวอักษรปนอยู่ — พิมพ์เฉพาะตัวเลข ไม่ต้องพิมพ์หน่วย เช่น 45`,
      messageEn: `indicator ${id}: “45 ราย” has letters in it — type the number only, without a unit, e.g. 45`,
      severity: "error",
    });
    const missing = scoreIndicator(ratio, { base: 12 }, lao.type).problem!;
    expect(problemEn(problems.ofIndicator("incomplete", id, missing))).toBe(
      `indicator ${id}: (2) served is not filled in yet — type the figure, or - if the service was not provided in the fiscal year (a blank cell does not count as not done)`,
    );
  });
});
