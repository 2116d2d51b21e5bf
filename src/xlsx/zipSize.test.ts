import ExcelJS from "exceljs";
import { zipSize } from "./zipSize";

async function smallWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("แบบ 1").getCell("A1").value = "ทดสอบ";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("the unpacked size of an .xlsx, read from its ZIP directory", () => {
  it("adds up what every part unpacks to, without unpacking", async () => {
    const data = await smallWorkbook();
    const size = zipSize(data);
    expect(size.ok).toBe(true);
    if (!size.ok) return;
    expect(size.entries).toBeGreaterThan(5);
    expect(size.unpackedBytes).toBeGreaterThan(data.length);
  });

  it("says a file is not a ZIP archive when it is not one, or is cut short", async () => {
    expect(zipSize(Buffer.from("รายงานประจำปี ".repeat(20)))).toEqual({ ok: false, reason: "not-zip" });
    const data = await smallWorkbook();
    expect(zipSize(data.subarray(0, data.length - 40))).toEqual({ ok: false, reason: "not-zip" });
  });
});
