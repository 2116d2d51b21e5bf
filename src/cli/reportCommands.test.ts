import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { document2568 } from "../../test/taskpane/fixtures";
import { main } from "./main";

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "minstd", ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "minstd-report-"));
const submission = join(dir, "submission.json");
writeFileSync(submission, JSON.stringify(document2568()));

describe("minstd report", () => {
  it("writes the memo (.docx) from a submission file, with the date, reference and signer given", async () => {
    const output = join(dir, "memo.docx");
    const r = await cli(
      "report",
      "memo",
      submission,
      "--date",
      "2025-08-25",
      "--reference",
      "กบ 53001/7",
      "--signer",
      "นางสาวตัวอย่าง ทดสอบ",
      "-o",
      output,
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("ยังไม่ใช่ผลสุดท้าย"); // the fixture has unfinished indicators
    const xml = await (
      await JSZip.loadAsync(readFileSync(output))
    )
      .file("word/document.xml")!
      .async("string");
    expect(xml).toContain("๒๕ สิงหาคม ๒๕๖๘");
    expect(xml).toContain("กบ 53001/7");
    expect(xml).toContain("(นางสาวตัวอย่าง ทดสอบ)");
    expect(xml).toContain("เทศบาลตำบลคลองท่อมใต้");
  });

  it("writes the summary sheet (.xlsx) from a submission file", async () => {
    const output = join(dir, "summary.xlsx");
    const r = await cli("report", "summary", submission, "-o", output);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("สรุปผล")!.getCell("A1").value).toBe(
      "สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้",
    );
  });

  it("says what is wrong: a bad file exits 1 with the check's messages, bad usage exits 2", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...document2568(), round: "2599" }));
    const r = await cli("report", "memo", bad, "-o", join(dir, "x.docx"));
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain("ไม่มีรอบการประเมิน “2599”");
    expect((await cli("report", "memo")).code).toBe(2);
    expect((await cli("report", "memo", submission, "--lao", "5810401")).code).toBe(2);
    const date = await cli("report", "memo", submission, "--date", "25/8/2568");
    expect(date.code).toBe(2);
    expect(date.err).toContain("YYYY-MM-DD");
  });

  it("reads --date and --lao as the server reads them, naming the flag and what to fix", async () => {
    const refusal = async (...args: string[]) => {
      const r = await cli("report", "memo", ...args);
      expect(r.code).toBe(2);
      return r.err;
    };
    await expect(refusal(submission, "--date", "2025-02-30")).resolves.toContain(
      "--date “2025-02-30”: ไม่มีวันที่นี้ในปฏิทิน / no such calendar day",
    );
    await expect(refusal(submission, "--date", "2568-08-25")).resolves.toContain(
      "--date “2568-08-25”: ใช้ปี ค.ศ. ไม่ใช่ พ.ศ. / use the Common Era year, not the Buddhist Era",
    );
    await expect(refusal("--lao", "58104", "--round", "2568")).resolves.toContain(
      "--lao “58104”: รหัส อปท. ต้องเป็นตัวเลข 7 หลัก / the LAO code has 7 digits",
    );
  });
});
