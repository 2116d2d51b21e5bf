import ExcelJS from "exceljs";
import { followingRound, generatedRound } from "../core/rules/generatedRound";
import { shippedRound, shippedRounds } from "../core";
import {
  describeWorkbookProblem,
  exportRoundWorkbook,
  importRoundWorkbook,
  INDICATOR_SHEET,
  ROUND_SHEET,
} from "./roundWorkbook";

async function edit(round = shippedRound("2563")!, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportRoundWorkbook(round)) as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The column of an indicator-sheet field, found by its key in row 1. */
function col(sheet: ExcelJS.Worksheet, key: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((c, i) => {
    if (c.value === key) found = i;
  });
  if (!found) throw new Error(`no column ${key}`);
  return found;
}

describe("the round workbook", () => {
  it("round-trips every shipped round and a 214-indicator round without loss", async () => {
    for (const round of [
      ...shippedRounds(),
      generatedRound(),
      followingRound(shippedRound("2568")!, "2569"),
    ]) {
      const result = await importRoundWorkbook(await exportRoundWorkbook(round));
      if (!result.ok) throw new Error(result.problems.map(describeWorkbookProblem).join("\n"));
      expect(result.round).toEqual(round);
    }
  });

  it("reads the link to the same indicator of an earlier round, and reports a bad one at its cell", async () => {
    const data = await edit(shippedRound("2568")!, (wb) => {
      const is = wb.getWorksheet(INDICATOR_SHEET)!;
      is.getRow(3).getCell(col(is, "continues")).value = "2564-1-01";
      is.getRow(4).getCell(col(is, "continues")).value = "2568-1-01";
    });
    const result = await importRoundWorkbook(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        sheet: INDICATOR_SHEET,
        row: 4,
        message: expect.stringContaining(
          "continues ต้องเป็นรหัสตัวชี้วัดของรอบก่อนหน้า ไม่ใช่รอบ 2568 เอง / continues names an indicator of an earlier round",
        ),
      }),
    ]);
    const fixed = await edit(shippedRound("2568")!, (wb) => {
      const is = wb.getWorksheet(INDICATOR_SHEET)!;
      is.getRow(3).getCell(col(is, "continues")).value = "2564-1-01";
    });
    const ok = await importRoundWorkbook(fixed);
    expect(ok.ok && ok.round.areas[0]!.missions[0]!.indicators[0]!.continues).toBe("2564-1-01");
  });

  it("reads Buddhist Era dates typed as text and real date cells", async () => {
    const data = await edit(undefined, (wb) => {
      const rs = wb.getWorksheet(ROUND_SHEET)!;
      rs.eachRow((row) => {
        if (row.getCell(1).value === "opens") row.getCell(3).value = "๑/๕/๒๕๖๓";
        if (row.getCell(1).value === "closes") row.getCell(3).value = new Date(Date.UTC(2020, 6, 31));
      });
    });
    const result = await importRoundWorkbook(data);
    if (!result.ok) throw new Error(result.problems.map(describeWorkbookProblem).join("\n"));
    expect(result.round.window).toMatchObject({ opens: "2020-05-01", closes: "2020-07-31" });
  });

  it("marks a target with no source as provisional", async () => {
    const data = await edit(undefined, (wb) => {
      const is = wb.getWorksheet(INDICATOR_SHEET)!;
      is.getRow(3).getCell(col(is, "source.city")).value = "";
    });
    const result = await importRoundWorkbook(data);
    expect(result.ok && result.round.areas[0]!.missions[0]!.indicators[0]!.targets.city).toEqual({
      value: 85,
      provisional: true,
    });
  });

  it("reports every problem with its sheet, row and column, in Thai", async () => {
    const data = await edit(undefined, (wb) => {
      const is = wb.getWorksheet(INDICATOR_SHEET)!;
      is.getRow(3).getCell(col(is, "kind")).value = "เปอร์เซ็นต์";
      is.getRow(4).getCell(col(is, "target.city")).value = "เก้าสิบ";
      is.getRow(5).getCell(col(is, "id")).value = "2563-1-01";
      is.getRow(6).getCell(col(is, "area")).value = "9";
      const rs = wb.getWorksheet(ROUND_SHEET)!;
      rs.eachRow((row) => {
        if (row.getCell(1).value === "closes") row.getCell(3).value = "สิ้นเดือนกรกฎา";
      });
    });
    const result = await importRoundWorkbook(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(describeWorkbookProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^แผ่นงาน ตัวชี้วัด แถว 3 คอลัมน์ H \(ชนิด\): ชนิด “เปอร์เซ็นต์” ไม่ถูกต้อง/),
        expect.stringMatching(/^แผ่นงาน ตัวชี้วัด แถว 4 คอลัมน์ \w+ \(ค่าเป้าหมาย เทศบาลนคร\): .*ตัวเลข/),
        expect.stringMatching(/^แผ่นงาน ตัวชี้วัด แถว 5 คอลัมน์ A \(รหัสตัวชี้วัด\): .*ซ้ำ/),
        expect.stringMatching(/^แผ่นงาน ตัวชี้วัด แถว 6 คอลัมน์ B \(รหัสด้าน\): ไม่มีด้านรหัส “9”/),
        expect.stringMatching(/^แผ่นงาน รอบการประเมิน แถว \d+ คอลัมน์ C: อ่านวันที่ไม่ได้/),
      ]),
    );
  });

  it("says which sheet is missing, and refuses a file that is not a workbook", async () => {
    const missing = await edit(undefined, (wb) => wb.removeWorksheet(wb.getWorksheet(INDICATOR_SHEET)!.id));
    const r1 = await importRoundWorkbook(missing);
    expect(!r1.ok && r1.problems[0]!.message).toContain("ไม่พบแผ่นงาน “ตัวชี้วัด”");
    const r2 = await importRoundWorkbook(Buffer.from("not a zip"));
    expect(!r2.ok && r2.problems[0]!.message).toContain(".xlsx");
  });
});
