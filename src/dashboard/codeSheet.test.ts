import ExcelJS from "exceljs";
import { codesCsv, codesXlsx } from "./codeSheet";
import type { IssuedCode } from "./types";

const codes: IssuedCode[] = [
  {
    lao: "4220102",
    name: "จันทบุรี",
    type: "town",
    districtTh: "เมืองจันทบุรี",
    code: "ABCD-EFGH-JKLM",
    expiresAt: "2026-09-30T00:00:00+07:00",
  },
  {
    lao: "0220103",
    name: '=HYPERLINK("x")',
    type: "town",
    districtTh: "ท่าใหม่",
    code: "0123",
    expiresAt: "2026-09-30T00:00:00+07:00",
  },
];

describe("the code list a province office downloads", () => {
  it("is the same table as an Excel file: text stays text, nothing runs as a formula", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(codesXlsx(codes)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("รหัสเข้าใช้งาน")!;
    const rows = [1, 2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows[0]).toEqual(["รหัส อปท.", "ชื่อ อปท.", "ประเภท", "อำเภอ", "รหัสเข้าใช้งาน", "ใช้ได้ถึง"]);
    expect(rows[1]!.slice(0, 5)).toEqual(["4220102", "จันทบุรี", "เทศบาลเมือง", "เมืองจันทบุรี", "ABCD-EFGH-JKLM"]);
    expect(rows[2]!.slice(0, 2)).toEqual(["0220103", '=HYPERLINK("x")']);
    expect(rows[2]![4]).toBe("0123");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(codesCsv(codes).split("\r\n")).toHaveLength(4);
  });
});
