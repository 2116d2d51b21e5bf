import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readCollectionWorkbookFile } from "./collectionWorkbookReader";
import { checkUnpack, XLSX_LIMITS, zipSize } from "./zipSize";

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

/** An .xlsx-shaped ZIP with one part of `bytes` zeros: tiny on disk, large once unpacked. */
async function bomb(bytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("xl/sharedStrings.xml", Buffer.alloc(bytes, 0x30));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The same file with each size its directory declares above `declared` bytes cut to `declared`. */
function understated(data: Buffer, declared: number): Buffer {
  const out = Buffer.from(data);
  for (let at = out.indexOf(CENTRAL); at >= 0; at = out.indexOf(CENTRAL, at + 4))
    if (out.readUInt32LE(at + 24) > declared) out.writeUInt32LE(declared, at + 24);
  return out;
}
const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

describe("the unpack check every .xlsx reader makes first", () => {
  it("passes a real workbook", async () => {
    expect(checkUnpack(await smallWorkbook())).toEqual({ ok: true });
  });

  it("refuses a small file that unpacks past the limit, by what it declares", async () => {
    const data = await bomb(XLSX_LIMITS.maxUnpackedBytes + 1024);
    expect(data.length).toBeLessThan(200 * 1024);
    expect(checkUnpack(data)).toEqual({ ok: false, reason: "too-large" });
  });

  it("refuses a file that declares less than it unpacks to, inflating no part past what it declares", async () => {
    const data = understated(await bomb(4 * 1024 * 1024), 1000);
    expect(zipSize(data)).toEqual(expect.objectContaining({ ok: true }));
    expect(checkUnpack(data)).toEqual({ ok: false, reason: "too-large" });
  });

  it("says a file that is not a ZIP archive is not one", () => {
    expect(checkUnpack(Buffer.from("ไม่ใช่ไฟล์ Excel"))).toEqual({ ok: false, reason: "not-zip" });
  });

  it("keeps the collection reader from unpacking such a file, with a Thai message", async () => {
    const file = await readCollectionWorkbookFile(await bomb(XLSX_LIMITS.maxUnpackedBytes + 1024), {
      round: async () => undefined,
      lao: () => undefined,
    });
    expect(file).toEqual(expect.objectContaining({ ok: false, reason: "too-large" }));
    if (!file.ok) expect(file.message).toContain("ใหญ่เกิน");
  });
});
