import { document2568, KHLONG_THOM_TAI_TOWN, round, testRegister } from "../../test/taskpane/fixtures";
import { compileRound } from "./compiledRound";
import { evaluateSubmission } from "./submission";
import { buildSummarySheet, SUMMARY_SHEET_NAME } from "./summarySheet";

const compiled = compileRound(round("2568"));
const lao = testRegister().get(KHLONG_THOM_TAI_TOWN)!;
const document = document2568();
const report = evaluateSubmission(document, compiled, lao);
const model = buildSummarySheet(compiled, lao, document, report, new Date("2025-08-20T14:30:00+07:00"));

describe("buildSummarySheet", () => {
  it("titles the sheet like the official printout, with the LAO and when the data was taken", () => {
    expect(model.sheetName).toBe(SUMMARY_SHEET_NAME);
    expect(model.sheetName.length).toBeLessThanOrEqual(31);
    expect(model.title).toBe("สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้");
    expect(model.subtitle).toEqual([
      compiled.round.title,
      "เทศบาลตำบล รหัส อปท. 5810401 อำเภอคลองท่อม จังหวัดกระบี่",
      "ข้อมูล ณ วันที่ ๒๐ สิงหาคม ๒๕๖๘ เวลา ๑๔.๓๐ น.",
    ]);
  });

  it("has the official columns and a heading row per area before its indicators", () => {
    expect(model.results.columns).toEqual([
      "บริการสาธารณะ",
      "เกณฑ์ชี้วัด",
      "ค่าเป้าหมาย",
      "กรอบการประเมิน (1)",
      "การจัดบริการสาธารณะ (2)",
      "(2) เทียบกับ (1) %",
      "ผลการประเมิน",
    ]);
    expect(model.results.numberFormats).toHaveLength(model.results.columns.length);
    expect(model.results.rows.map((r) => r.kind)).toEqual([
      "area",
      "indicator",
      "indicator",
      "area",
      ...Array(5).fill("indicator"),
      "area",
      ...Array(3).fill("indicator"),
    ]);
    expect(model.results.rows[0]!.cells[0]).toBe("แบบ 2-1 ด้านการศึกษา");
    for (const row of model.results.rows) expect(row.cells).toHaveLength(7);
  });

  it("writes each indicator's inputs as read by the core, its percentage and its official label", () => {
    const indicators = model.results.rows.filter((r) => r.kind === "indicator");
    const [count, satisfaction] = indicators;
    expect(count!.cells.slice(2)).toEqual(["2*", "-", 3, "-", "ผ่านค่าเป้าหมายขั้นต่ำ"]);
    expect(count!.cells[0]).toBe("การส่งเสริมการเรียนรู้และการจัดการศึกษา");
    expect(count!.cells[1]).toMatch(/^1\. จำนวนโครงการหรือกิจกรรม ที่เทศบาลดำเนินการเอง.*\(โครงการ\)$/);
    expect(satisfaction!.cells.slice(2)).toEqual(["80*", 100, 70, 70, "การพัฒนาในอนาคต"]);
    expect(satisfaction!.cells[0]).toBeNull(); // same mission as the row above
    const cellsOf = (status: string) => indicators.find((r) => r.status === status)!.cells.slice(3);
    expect(cellsOf("no-service")).toEqual([0, null, "-", "ไม่มีบริการสาธารณะ"]);
    expect(cellsOf("not-done")).toEqual(["-", "-", "-", "ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2567"]);
    expect(cellsOf("invalid")).toEqual([10, "12abc", null, "ข้อมูลไม่ถูกต้อง"]);
    const ratioPass = indicators.filter((r) => r.status === "pass")[1]!;
    expect(ratioPass.cells.slice(3)).toEqual([1000, 20, 2, "ผ่านค่าเป้าหมายขั้นต่ำ"]);
  });

  it("counts every area with its pass rate, and the total", () => {
    expect(model.areas.columns).toHaveLength(9);
    expect(model.areas.rows).toEqual([
      ["ด้านการศึกษา", 2, 1, 1, 0, 0, 0, 0, 50],
      ["ด้านการส่งเสริมเศรษฐกิจชุมชน อาชีพ และการท่องเที่ยว", 5, 0, 1, 1, 1, 1, 1, 0],
      ["ด้านการบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม", 3, 1, 0, 0, 0, 2, 0, 100],
    ]);
    expect(model.areas.total).toEqual(["รวม", 10, 2, 2, 1, 1, 3, 1, 40]);
  });

  it("gives the chart the pass rate of every area in per cent", () => {
    expect(model.chart.categories).toEqual(model.areas.rows.map((r) => r[0]));
    expect(model.chart.values).toEqual([50, 0, 100]);
    expect(model.chart.valueAxisMax).toBe(100);
  });

  it("leaves the bar out and writes '-' for an area with nothing assessed", () => {
    const empty = { ...document, values: {} };
    const m = buildSummarySheet(compiled, lao, empty, evaluateSubmission(empty, compiled, lao), new Date());
    expect(m.chart.values).toEqual([null, null, null]);
    expect(m.areas.total[8]).toBe("-");
  });

  it("explains provisional targets and says the result is not final while inputs are missing", () => {
    expect(model.notes[0]).toMatch(/^\* ค่าเป้าหมายชั่วคราว/);
    expect(model.notes.some((n) => n.includes("ยังกรอกไม่ครบหรือมีข้อมูลที่ต้องแก้ 4 ตัวชี้วัด"))).toBe(true);
  });
});

describe("buildSummarySheet missions", () => {
  it("names the mission (บริการสาธารณะ) on the first indicator of each mission only", () => {
    const area2 = model.results.rows.slice(4, 9).map((r) => r.cells[0]);
    expect(area2).toEqual(["การส่งเสริมเศรษฐกิจชุมชนและอาชีพ", "การส่งเสริมการท่องเที่ยว", null, null, null]);
  });
});
