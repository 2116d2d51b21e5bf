import ExcelJS from "exceljs";
import { document2568, KHLONG_THOM_TAI_TOWN, summaryOf } from "../../test/taskpane/fixtures";
import { summarySheetXlsx } from "./summarySheetWriter";

describe("summarySheetXlsx", () => {
  it("writes the official printout's title, columns, area rows and labels, and the counts per area", async () => {
    const model = summaryOf(document2568());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await summarySheetXlsx(model)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("สรุปผล")!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(ws.getCell("A1").value).toBe("สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้");
    expect(ws.getCell("A4").value).toBe("ข้อมูล ณ วันที่ 20 สิงหาคม 2568 เวลา 14.30 น.");
    // The official columns, as core's summary names them (pinned in core/reports/summarySheet.test.ts).
    expect(values(6)).toEqual(model.results.columns);
    expect(ws.getCell("A7").value).toBe("แบบ 2-1 ด้านการศึกษา");
    expect(ws.getCell("A7").isMerged).toBe(true);
    expect(values(8).slice(2)).toEqual(["2*", "-", 3, "-", "ผ่านค่าเป้าหมายขั้นต่ำ"]);
    expect(values(9).slice(3)).toEqual([100, 70, 70, "การพัฒนาในอนาคต"]);
    // 2568 prints percentages with trailing zeros dropped: the General format, never "0.00" (70.00).
    expect(ws.getCell("F9").numFmt ?? "General").toBe("General");
    const all = ws
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === "string");
    expect(all).toEqual(
      expect.arrayContaining(["ไม่มีบริการสาธารณะ", "ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2567", "ร้อยละที่ผ่าน", "รวม"]),
    );
    let total: unknown[] = [];
    ws.eachRow((row) => {
      if (row.getCell(1).value === "รวม") total = (row.values as unknown[]).slice(1);
    });
    expect(total).toEqual(["รวม", 10, 2, 2, 1, 1, 3, 1, 40]);
  });

  it("adds the satisfaction printout (แบบ 3) of a round whose questions have no target", async () => {
    const model = summaryOf({
      round: "2564",
      lao: KHLONG_THOM_TAI_TOWN,
      values: { "2564-S-01": { base: 60, served: 46 }, "2564-S-02": { base: 60, served: 45 } },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await summarySheetXlsx(model)) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet("สรุปผล")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const at = rows.findIndex((r) => r[0] === "สรุปผลการประเมินความพึงพอใจของประชาชน");
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toEqual([
      "คำถาม",
      "พอใจ (จำนวน)",
      "พอใจ (ร้อยละ)",
      "ปรับปรุง (จำนวน)",
      "ปรับปรุง (ร้อยละ)",
    ]);
    expect(rows[at + 2]![0]).toBe("ความพึงพอใจของประชาชน ด้านโครงสร้างพื้นฐาน");
    expect(rows[at + 3]).toEqual([
      "ความพึงพอใจของประชาชนต่อการพัฒนาหรือการบำรุงรักษาถนนของ เทศบาล",
      46,
      "76.67%",
      14,
      "23.33%",
    ]);
    expect(rows[at + 4]!.slice(1)).toEqual([45, "75%", 15, "25%"]);
    // No target and no pass/fail for these questions in the results table either.
    const question = model.results.rows.find((r) => r.cells[1]?.toString().includes("ถนนของ เทศบาล"))!;
    expect(question.cells[2]).toBeNull();
    expect(question.cells[6]).toBe("รายงานผล (ไม่มีค่าเป้าหมาย)");
  });
});
