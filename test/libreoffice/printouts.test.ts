/**
 * The printouts as an officer prints them: the summary sheet, the collection workbook's แบบ 1 and an
 * area sheet (แบบ 2-x), and the memo, each opened in LibreOffice (which never fits a row to its text
 * when it opens a file) and printed to PDF. Every page is A4; every row is at least as tall as
 * LibreOffice finds its text needs, so no text runs out of its cell; the memo carries the Garuda on
 * its first page and no number of its table breaks over two lines. The pages are rendered to
 * test-artifacts/printouts/ to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { collectionLayout, compileRound, evaluateSubmission } from "../../src/core";
import { buildMemo, type MemoModel } from "../../src/core/reports/memo";
import { buildSummarySheet, SUMMARY_SHEET_NAME } from "../../src/core/reports/summarySheet";
import { memoDocx } from "../../src/docx/memoDocx";
import { writeCollectionWorkbook } from "../../src/xlsx/collectionWorkbookWriter";
import { summarySheetXlsx } from "../../src/xlsx/summarySheetWriter";
import { document2568, KHLONG_THOM_TAI_TOWN, round, testRegister } from "../taskpane/fixtures";
import { libreOfficeAvailable, runPrint, type RowMeasure } from "./libreoffice";

const canRun = libreOfficeAvailable() && hasPoppler();
if (!canRun && process.env.CI)
  throw new Error("LibreOffice (soffice, python3-uno) and poppler-utils are needed in CI");
const describeWithOffice = canRun ? describe : describe.skip;
if (!canRun) console.warn("LibreOffice or poppler-utils is not installed: the printout test is skipped");

function hasPoppler(): boolean {
  try {
    execFileSync("pdfinfo", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const ARTIFACTS = resolve(__dirname, "../../test-artifacts/printouts");
/** A4 in points, either way round. */
const A4 = [595.3, 841.9] as const;

/** Each page's size in points, from pdfinfo. */
function pageSizes(pdf: string): Array<readonly [number, number]> {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
    (m) => [Number(m[1]), Number(m[2])] as const,
  );
}

function isA4([w, h]: readonly [number, number]): boolean {
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 1;
  return (near(w, A4[0]) && near(h, A4[1])) || (near(w, A4[1]) && near(h, A4[0]));
}

/** Renders the PDF's pages to PNG files in test-artifacts/printouts/ (NAME-1.png, …). */
function render(pdf: string, name: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync("pdftoppm", ["-r", "60", "-png", pdf, join(ARTIFACTS, name)]);
}

/** Rows with text that LibreOffice would need taller than the file makes them (half a point of rounding allowed). */
function cutRows(rows: readonly RowMeasure[]): RowMeasure[] {
  return rows.filter((r) => r.text.trim() !== "" && r.given + 0.5 < r.needed);
}

describeWithOffice("printouts in LibreOffice", () => {
  const compiled = compileRound(round("2568"));
  const lao = testRegister().get(KHLONG_THOM_TAI_TOWN)!;
  const document = document2568();
  const report = evaluateSubmission(document, compiled, lao);
  const layout = collectionLayout(compiled.round, lao);
  const basicSheet = layout.sheets.find((s) => s.role === "basic")!.name;
  const areaSheet = layout.sheets.find((s) => s.role === "area")!.name;
  let dir: string;
  let memo: MemoModel;
  let measured: Awaited<ReturnType<typeof runPrint>>;
  const files = (name: string, ext: string) => ({
    file: join(dir, `${name}.${ext}`),
    pdf: join(dir, `${name}.pdf`),
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "minstd-print-"));
    const now = new Date("2025-08-25T09:00:00+07:00");
    const summary = buildSummarySheet(compiled, lao, document, report, now);
    writeFileSync(files("summary", "xlsx").file, await summarySheetXlsx(summary));
    writeFileSync(files("template", "xlsx").file, await writeCollectionWorkbook(layout));
    memo = buildMemo(compiled, lao, report, { date: now });
    writeFileSync(files("memo", "docx").file, await memoDocx(memo));
    measured = await runPrint([
      { ...files("summary", "xlsx"), sheets: [SUMMARY_SHEET_NAME] },
      { ...files("template", "xlsx"), sheets: [basicSheet, areaSheet] },
      files("memo", "docx"),
    ]);
    for (const name of ["summary", "template", "memo"]) render(files(name, "").pdf, name);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("prints every page of every printout on A4", () => {
    for (const name of ["summary", "template", "memo"]) {
      const sizes = pageSizes(files(name, "").pdf);
      expect(sizes.length).toBeGreaterThan(0);
      expect(sizes.filter((s) => !isA4(s))).toEqual([]);
    }
  });

  it("prints the summary sheet one page wide, its rows tall enough for their Thai text", () => {
    const rows = measured[0]!.sheets[SUMMARY_SHEET_NAME]!;
    expect(rows.filter((r) => r.text !== "").length).toBeGreaterThan(10);
    expect(cutRows(rows)).toEqual([]);
    // One page wide: the landscape pages follow one another down the table, none beside another.
    expect(pageSizes(files("summary", "").pdf).every(([w, h]) => w > h)).toBe(true);
  });

  it("gives แบบ 1 and แบบ 2-x rows tall enough for every indicator text", () => {
    const sheets = measured[1]!.sheets;
    expect(cutRows(sheets[basicSheet]!)).toEqual([]);
    expect(cutRows(sheets[areaSheet]!)).toEqual([]);
    expect(sheets[areaSheet]!.filter((r) => r.text !== "").length).toBeGreaterThan(4);
  });

  it("prints the memo with the Garuda on its first page and no number broken in its table", () => {
    const pdf = files("memo", "").pdf;
    const images = execFileSync("pdfimages", ["-list", "-f", "1", "-l", "1", pdf], { encoding: "utf8" });
    expect(images.split("\n").filter((l) => /^\s*1\s+\d+\s+image\b/.test(l)).length).toBeGreaterThan(0);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const table = [...memo.areaTable.rows, memo.areaTable.total];
    const numbers = table.flatMap((r) => [
      r.indicators,
      r.passed,
      r.below,
      r.notDone,
      r.noService,
      r.passRate,
    ]);
    for (const n of numbers.filter((x) => x.length > 1)) expect(text).toContain(n);
    // The words the table's headings end in stay whole ("สาธารณ/ะ" once broke).
    for (const word of ["สาธารณะ", "ร้อยละที่ผ่าน", "อนาคต"]) expect(text).toContain(word);
    expect(text).toContain("บันทึกข้อความ");
  });
});
