import { build } from "esbuild";
import JSZip from "jszip";
import { compileRound, evaluateSubmission } from "../core";
import { buildMemo } from "../core/reports/memo";
import { document2568, KHLONG_THOM_TAI_TOWN, round, testRegister } from "../../test/taskpane/fixtures";
import { MEMO_FONT, memoDocx } from "./memoDocx";

/** The text of every w:t of a document.xml, joined (Word splits text into runs). */
function texts(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("memoDocx", () => {
  const compiled = compileRound(round("2568"));
  const lao = testRegister().get(KHLONG_THOM_TAI_TOWN)!;
  const report = evaluateSubmission(document2568(), compiled, lao);
  const memo = buildMemo(compiled, lao, report, { date: new Date("2025-08-25T09:00:00+07:00") });
  let xml: string;
  let styles: string;

  beforeAll(async () => {
    const bytes = await memoDocx(memo);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file("word/document.xml")!.async("string");
    styles = await zip.file("word/styles.xml")!.async("string");
  });

  it("is a Word document with the memo's Thai content in order", () => {
    const text = texts(xml);
    const expected = [
      "บันทึกข้อความ",
      "ส่วนราชการ",
      "สำนักปลัดเทศบาล เทศบาลตำบลคลองท่อมใต้",
      "วันที่",
      "๒๕ สิงหาคม ๒๕๖๘",
      "รายงานผลการประเมินการจัดบริการสาธารณะ ประจำปี พ.ศ. ๒๕๖๘",
      "ปลัดเทศบาล/นายกเทศมนตรี",
      "ด้านการศึกษา",
      "ภารกิจที่ต้องมีการพัฒนาในอนาคต",
      "ร้อยละของความพึงพอใจของประชาชนในการจัดการศึกษาของเทศบาล",
      "ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. ๒๕๖๗",
      "จึงเรียนมาเพื่อโปรดทราบ",
      "หัวหน้าสำนักปลัด",
    ];
    const at = expected.map((s) => text.indexOf(s));
    expect(at.filter((i) => i < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("writes the date in the Buddhist Era with Thai digits, and no Arabic digits in the memo's text", () => {
    expect(texts(xml)).toContain("๒๕ สิงหาคม ๒๕๖๘");
    expect(texts(xml)).not.toMatch(/[0-9]/);
  });

  it("sets TH Sarabun New at 16 pt (32 half-points) for Thai and Latin text", () => {
    expect(MEMO_FONT).toBe("TH Sarabun New");
    for (const part of [xml, styles]) {
      expect(part).toMatch(
        /<w:rFonts w:ascii="TH Sarabun New" w:cs="TH Sarabun New" w:eastAsia="TH Sarabun New" w:hAnsi="TH Sarabun New"\/>/,
      );
      expect(part).toContain('<w:sz w:val="32"/>');
      expect(part).toContain('<w:szCs w:val="32"/>');
    }
  });

  it("puts the results per area in a table, one row per area and a total", () => {
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    expect(tables[0]!.match(/<w:tr>/g) ?? tables[0]!.match(/<w:tr[ >]/g)).toHaveLength(5);
    expect(texts(tables[0]!)).toContain("รวม");
    expect(texts(tables[0]!)).toContain("๔๐.๐๐");
  });

  it("bundles for the browser with no Node built-in (the pane loads it with a dynamic import)", async () => {
    const result = await build({
      entryPoints: [`${__dirname}/memoDocx.ts`],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => /^(node:|fs$|path$|stream$|buffer$)/.test(i))).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});
