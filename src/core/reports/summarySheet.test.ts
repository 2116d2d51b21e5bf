import { problemEn } from "../../i18n/problems";
import { document2568, round, summaryOf, testRegister } from "../../../test/taskpane/fixtures";
import { compileRound } from "../rules/compiledRound";
import { parseRound } from "../rules/round";
import { shippedRound } from "../rules/shippedRounds";
import { evaluateSubmission, type SubmissionDocument } from "../rules/submission";
import { buildSummarySheet, SUMMARY_SHEET_NAME } from "./summarySheet";

const compiled = compileRound(round("2568"));
const document = document2568();
const model = summaryOf(document);

describe("buildSummarySheet", () => {
  it("titles the sheet like the official printout, with the LAO and when the data was taken", () => {
    expect(model.sheetName).toBe(SUMMARY_SHEET_NAME);
    expect(model.sheetName.length).toBeLessThanOrEqual(31);
    expect(model.title).toBe("สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้");
    expect(model.subtitle).toEqual([
      compiled.round.title,
      "เทศบาลตำบล รหัส อปท. 5810401 อำเภอคลองท่อม จังหวัดกระบี่",
      "ข้อมูล ณ วันที่ 20 สิงหาคม 2568 เวลา 14.30 น.",
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
    const m = summaryOf(empty);
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

describe("buildSummarySheet for the basic set of 2565–2567 and for 2563", () => {
  const sheetFor = (roundId: string, laoCode: string, values: SubmissionDocument["values"]) =>
    summaryOf({ round: roundId, lao: laoCode, values }, new Date("2024-08-01T10:00:00+07:00"));

  it("prints an อบต.'s rows as the 2567 printout does: type wording, 2 decimals, 100 as 100, สูงกว่าค่าเป้าหมาย", () => {
    const sheet = sheetFor("2567", "6810403", {
      "2567-1-01": { base: 12, served: 12 },
      "2567-1-02": { base: 3, served: 2 },
      "2567-1-03": { base: 5, served: "-" },
      "2567-1-04a": { value: 2 },
    });
    expect(sheet.results.rows[0]!.cells[0]).toBe("แบบ 2-1 ด้านที่ 1 โครงสร้างพื้นฐาน และ ด้านที่ 2 ผังเมือง");
    const rows = sheet.results.rows.filter((r) => r.kind === "indicator").map((r) => r.cells);
    expect(rows[0]![0]).toBe("1.ด้านโครงสร้างพื้นฐาน");
    expect(rows[0]![1]).toBe(
      "1. ร้อยละของจำนวนถนนลาดยางในความรับผิดชอบทั้งหมดของ อบต. ที่ได้รับการบำรุงรักษาให้อยู่ในสภาพที่ใช้งานได้ปกติ (ร้อยละ)",
    );
    expect(rows.map((c) => c.slice(2))).toEqual([
      [80, 12, 12, 100, "สูงกว่าค่าเป้าหมาย"],
      [80, 3, 2, 66.67, "การพัฒนาในอนาคต"],
      [75, 5, "-", "-", "ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2566"],
      ["1*", "-", 2, "-", "สูงกว่าค่าเป้าหมาย"],
    ]);
    expect(sheet.results.numberFormats[5]).toBeNull(); // General: 100 shows as 100, not 100.00
    expect(sheet.areas.columns[2]).toBe("สูงกว่าค่าเป้าหมาย");
  });

  it("prints a เทศบาลตำบล's wording of the same indicators", () => {
    const sheet = sheetFor("2566", "5810401", { "2566-1-03": { base: 4, served: 3 } });
    const texts = sheet.results.rows.filter((r) => r.kind === "indicator").map((r) => r.cells[1]);
    expect(texts).toHaveLength(4);
    expect(texts[2]).toContain("ทางการจราจรทางบกในเขต เทศบาล ที่ได้รับการพัฒนา");
    expect(texts[3]).toMatch(/^4\. จำนวนครั้งที่เทศบาลดำเนินการจัดกิจกรรม/);
  });

  it("prints 2563 percentages with 5 decimals", () => {
    const sheet = sheetFor("2563", "3800102", { "2563-1-01": { base: 57.24, served: 29.767 } });
    const first = sheet.results.rows.find((r) => r.kind === "indicator")!;
    expect(first.cells[5]).toBe(52.00384);
  });

  it("writes a fixed number of decimals when a round keeps trailing zeros, and the round's dash", () => {
    const base = shippedRound("2567")!;
    const keeping = parseRound({
      ...base,
      printout: { percentDecimals: 3, trailingZeros: "keep", dash: "—" },
    });
    const c = compileRound(keeping);
    const l = testRegister().get("6810403")!;
    const doc: SubmissionDocument = {
      round: "2567",
      lao: "6810403",
      values: { "2567-1-01": { base: 3, served: 2 }, "2567-1-02": { base: 0 } },
    };
    const sheet = buildSummarySheet(c, l, doc, evaluateSubmission(doc, c, l, problemEn), new Date());
    const [first, second] = sheet.results.rows.filter((r) => r.kind === "indicator");
    expect(first!.cells[5]).toBe(66.667);
    expect(second!.cells[5]).toBe("—");
    expect(sheet.results.numberFormats[5]).toBe("0.000");
  });
});
