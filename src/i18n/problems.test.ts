import { parseMeta } from "../core/workbook/collectionWorkbook";
import { problems, type Problem } from "../core/rules/problems";
import { parseSubmission } from "../core/rules/submission";
import { problemEn } from "./problems";

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
    const parsed = parseSubmission({ round: "2563", lao: "38001" }, problemEn);
    expect(!parsed.ok && parsed.problems[0]!.messageEn).toMatch(
      /^invalid document at lao: .* the LAO code has 7 digits$/,
    );
    expect(parseMeta(() => undefined, problemEn)).toEqual({
      message: expect.stringContaining("ไม่ใช่แบบรวบรวมข้อมูลของ MinStd"),
      messageEn:
        "this workbook is not a MinStd collection workbook — create one with minstd template or the add-in",
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
});
