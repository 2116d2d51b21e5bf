import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { collectionLayout, META_CELLS, META_SHEET, shippedRound } from "../src/core";
import { loadRegister } from "../src/dataFiles";

/**
 * The collection workbook as an officer and a province office use it: `minstd template` writes
 * it, an officer fills it (here with exceljs, as Excel would store the cells), the province
 * checks the file received by email with `minstd check`.
 */

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "minstd", ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "minstd-workbook-"));
const LAO = "5110104"; // เทศบาลตำบลด่านสำโรง, assessed in the 2568 municipal round
const layout = collectionLayout(shippedRound("2568")!, loadRegister().get(LAO)!);

/** What an officer types, by sheet and cell: Thai digits, commas, dashes, and some mistakes. */
const TYPED: ReadonlyArray<readonly [string, string, string | number]> = [
  ["แบบเทศบาล 1", "B14", "๑๒,๓๔๕"],
  ["แบบเทศบาล 1", "B15", 4000],
  ["แบบเทศบาล 1", "B16", 12],
  ["แบบเทศบาล 1", "B17", "85,000,000.50"],
  ["แบบเทศบาล 1", "B20", "นางสาวทดสอบ ใจดี"],
  ["แบบเทศบาล 1", "B21", "นักวิเคราะห์นโยบายและแผน"],
  ["แบบเทศบาล 1", "B22", "0812345678"],
  ["แบบเทศบาล 2-1", "E6", "๓"], // 2568-1-01 count: 3 ≥ 2
  ["แบบเทศบาล 2-1", "D7", 60], // 2568-1-02 satisfaction: 46 of 60
  ["แบบเทศบาล 2-1", "E7", "๔๖"],
  ["แบบเทศบาล 2-2", "D6", "1,000,000"], // 2568-2-01 ratio: 0.5% < 1
  ["แบบเทศบาล 2-2", "E6", 5000],
  ["แบบเทศบาล 2-2", "H6", "ข้อมูลจากกองคลัง"],
  ["แบบเทศบาล 2-2", "E8", 0], // 2568-2-02 count: 0 < 1
  ["แบบเทศบาล 2-2", "E9", "-"], // 2568-2-03: not carried out
  ["แบบเทศบาล 2-2", "D10", 0], // 2568-2-04: no such service
  ["แบบเทศบาล 2-2", "E11", "2 โครงการ"], // 2568-2-05: a unit typed in
  ["แบบเทศบาล 2-3", "D6", 10], // 2568-3-01: (2) more than (1)
  ["แบบเทศบาล 2-3", "E6", 12],
  ["แบบเทศบาล 2-3", "E7", "๑"], // 2568-3-02 count: 1 ≥ 1
  ["แบบเทศบาล 2-3", "E8", "abc"], // 2568-3-03: not a number
];

async function fill(file: string, typed = TYPED): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  for (const [sheet, cell, value] of typed) workbook.getWorksheet(sheet)!.getCell(cell).value = value;
  await workbook.xlsx.writeFile(file);
}

async function cellsOf(file: string): Promise<Map<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells = new Map<string, unknown>();
  for (const [path, at] of layout.inputs)
    cells.set(path, workbook.getWorksheet(at.sheet)!.getCell(at.cell).value);
  return cells;
}

describe("minstd template → fill in Excel → minstd check", () => {
  const file = join(dir, "ด่านสำโรง.xlsx");

  beforeAll(async () => {
    const made = await cli("template", "--round", "2568", "--lao", LAO, "-o", file);
    expect(made.code).toBe(0);
    expect(made.err).toContain("3 ด้าน 10 ตัวชี้วัด");
    await fill(file);
  });

  it("the typed inputs sit in the cells the layout names", () => {
    for (const [sheet, cell] of TYPED) {
      expect([...layout.inputs.values()].some((at) => at.sheet === sheet && at.cell === cell)).toBe(true);
    }
  });

  it("gives the official result of every indicator, reading Thai digits and commas", async () => {
    const r = await cli("check", file, "--json");
    const check = JSON.parse(r.out);
    expect(check.round).toBe("2568");
    expect(check.lao.code).toBe(LAO);
    const status = Object.fromEntries(
      check.results.map((x: { id: string; status: string }) => [x.id, x.status]),
    );
    expect(status).toEqual({
      "2568-1-01": "pass",
      "2568-1-02": "below",
      "2568-2-01": "below",
      "2568-2-02": "below",
      "2568-2-03": "not-done",
      "2568-2-04": "no-service",
      "2568-2-05": "invalid",
      "2568-3-01": "invalid",
      "2568-3-02": "pass",
      "2568-3-03": "invalid",
    });
    const satisfaction = check.results.find((x: { id: string }) => x.id === "2568-1-02");
    expect(satisfaction.percent).toBeCloseTo(76.667, 2);
    expect(check.problems).toEqual([]);
  });

  it("names the sheet, cell and what to type for every bad cell, and exits 1", async () => {
    const r = await cli("check", file, "--json");
    expect(r.code).toBe(1);
    const bad = JSON.parse(r.out).results.filter((x: { status: string }) => x.status === "invalid");
    expect(bad.map((x: { sheet: string; cell: string }) => `${x.sheet}!${x.cell}`)).toEqual([
      "แบบเทศบาล 2-2!E11",
      "แบบเทศบาล 2-3!E6",
      "แบบเทศบาล 2-3!E8",
    ]);
    expect(bad[0].message).toContain("ไม่ต้องพิมพ์หน่วย");
    expect(bad[1].message).toContain("มากกว่า (1) กรอบการประเมิน");
    expect(bad[2].message).toContain("ไม่ใช่ตัวเลข");
    const text = await cli("check", file);
    expect(text.out).toContain("[แบบเทศบาล 2-2!E11]");
    expect(text.out).toContain("ผล: มีข้อมูลที่ต้องแก้ไข");
  });

  it("reads the same document as the JSON path: the same check for the same values", async () => {
    const fromXlsx = JSON.parse((await cli("check", file, "--json")).out);
    const doc = {
      round: "2568",
      lao: LAO,
      values: Object.fromEntries(
        Object.entries({
          "2568-1-01": { value: "๓" },
          "2568-1-02": { base: 60, served: "๔๖" },
          "2568-2-01": { base: "1,000,000", served: 5000 },
          "2568-2-02": { value: 0 },
          "2568-2-03": { value: "-" },
          "2568-2-04": { base: 0 },
          "2568-2-05": { value: "2 โครงการ" },
          "2568-3-01": { base: 10, served: 12 },
          "2568-3-02": { value: "๑" },
          "2568-3-03": { value: "abc" },
        }),
      ),
      basic: {
        population: "๑๒,๓๔๕",
        households: 4000,
        villages: 12,
        budget: "85,000,000.50",
        preparer: { name: "นางสาวทดสอบ ใจดี", position: "นักวิเคราะห์นโยบายและแผน", phone: "0812345678" },
      },
    };
    const json = join(dir, "same.json");
    writeFileSync(json, JSON.stringify(doc));
    const fromJson = JSON.parse((await cli("check", json, "--json")).out);
    const strip = (results: Array<Record<string, unknown>>) =>
      results.map(({ sheet: _s, cell: _c, ...r }) => r);
    expect(strip(fromXlsx.results)).toEqual(strip(fromJson.results));
    expect(fromXlsx.summary).toEqual(fromJson.summary);
  });

  it("re-applies the template to the filled workbook without losing a typed value or note", async () => {
    const before = await cellsOf(file);
    const refreshed = await cli("template", "--round", "2568", "--lao", LAO, "-o", file, "--refresh");
    expect(refreshed.code).toBe(0);
    expect(refreshed.err).toContain(`คงค่าที่กรอกไว้ ${TYPED.length} ช่อง`);
    expect(await cellsOf(file)).toEqual(before);
    expect([...before.values()].filter((v) => v !== null)).toHaveLength(TYPED.length);
    // The cached results now show what core computes for the typed values.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const result = workbook.getWorksheet("แบบเทศบาล 2-1")!.getCell("G6").value as ExcelJS.CellFormulaValue;
    expect(result.formula).toMatch(
      /^IF\(ISERROR\(MinStd_AddIn\),.*,_xldudf_MINSTD_CHECK\("2568-1-01",IF\(ISBLANK\(E6\),"",E6\),,MinStd_LaoType\)\)$/,
    );
    expect(result.result).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
  });
});

describe("a blank (2) beside a (1) > 0 in a workbook read by minstd check", () => {
  it("is not entered yet, naming the (2) cell and saying to type the figure or -; only - is not carried out", async () => {
    const file = join(dir, "blank-served.xlsx");
    expect((await cli("template", "--round", "2568", "--lao", LAO, "-o", file)).code).toBe(0);
    await fill(file, [
      ["แบบเทศบาล 2-2", "D6", "1,000,000"], // 2568-2-01 ratio: (2) in E6 left blank
      ["แบบเทศบาล 2-2", "D10", 20], // 2568-2-04 ratio: (2) typed as -
      ["แบบเทศบาล 2-2", "E10", "-"],
      ["แบบเทศบาล 2-1", "D7", 60], // 2568-1-02 satisfaction: satisfied in E7 left blank
    ]);
    const r = await cli("check", file, "--json");
    const results = JSON.parse(r.out).results as Array<Record<string, string>>;
    const byId = new Map(results.map((x) => [x.id, x]));
    expect(byId.get("2568-2-01")).toMatchObject({
      status: "incomplete",
      field: "served",
      sheet: "แบบเทศบาล 2-2",
      cell: "E6",
      message: expect.stringContaining("ถ้าไม่ได้จัดบริการนี้"),
    });
    expect(byId.get("2568-2-01")!.message).toContain("พิมพ์ -");
    expect(byId.get("2568-1-02")).toMatchObject({ status: "incomplete", sheet: "แบบเทศบาล 2-1", cell: "E7" });
    expect(byId.get("2568-2-04")).toMatchObject({
      status: "not-done",
      label: "ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2567",
    });
    const text = await cli("check", file);
    expect(text.out).toContain("[แบบเทศบาล 2-2!E6]");
  });
});

describe("files minstd check refuses, with Thai messages and exit 1", () => {
  it("a file that is not an .xlsx workbook", async () => {
    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "this is not a workbook");
    const r = await cli("check", junk);
    expect(r.code).toBe(1);
    expect(r.out).toContain("เปิดไฟล์นี้เป็นไฟล์ Excel (.xlsx) ไม่ได้");
  });

  it("a workbook that is not a MinStd collection workbook", async () => {
    const other = join(dir, "round.xlsx");
    expect((await cli("round", "export", "2568", "-o", other)).code).toBe(0);
    const r = await cli("check", other, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).problems[0].message).toContain("ไม่ใช่แบบรวบรวมข้อมูลของ MinStd");
  });

  async function withMeta(name: string, key: keyof typeof META_CELLS, value: string): Promise<string> {
    const file = join(dir, name);
    expect((await cli("template", "--round", "2568", "--lao", LAO, "-o", file)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet(META_SHEET)!.getCell(META_CELLS[key]).value = value;
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it("a workbook whose metadata names another LAO than its แบบ 1", async () => {
    const other = loadRegister().all.find((l) => l.type === "subdistrict" && l.code !== LAO)!;
    const r = await cli("check", await withMeta("other-lao.xlsx", "lao", other.code), "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).problems[0]).toEqual(
      expect.objectContaining({
        sheet: "แบบเทศบาล 1",
        cell: "B5",
        message: expect.stringContaining("อปท. อื่น"),
      }),
    );
  });

  it("a workbook for a round MinStd does not know, or an LAO type the round does not assess", async () => {
    const unknown = await cli("check", await withMeta("unknown-round.xlsx", "round", "2599"));
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain("รอบการประเมิน 2599 ซึ่งไม่มีในระบบ");
    const sao = await cli("check", await withMeta("sao.xlsx", "lao", "6810403"));
    expect(sao.code).toBe(1);
    expect(sao.out).toContain("รอบ 2568 ไม่ได้ประเมิน อบต.");
  });

  it("refuses to overwrite a workbook unless asked to refresh it, and to refresh another LAO's workbook", async () => {
    const file = join(dir, "exists.xlsx");
    expect((await cli("template", "--round", "2568", "--lao", LAO, "-o", file)).code).toBe(0);
    const again = await cli("template", "--round", "2568", "--lao", LAO, "-o", file);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--refresh");
    const other = loadRegister().all.find((l) => l.type === "subdistrict" && l.code !== LAO)!;
    const before = readFileSync(file);
    const wrong = await cli("template", "--round", "2568", "--lao", other.code, "-o", file, "--refresh");
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("ไม่ได้แก้ไขไฟล์");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("usage mistakes exit 2 with what to do", async () => {
    expect((await cli("template", "--round", "2568")).code).toBe(2);
    const lao = await cli("template", "--round", "2568", "--lao", "9999999");
    expect(lao.code).toBe(2);
    expect(lao.err).toContain("minstd lao find");
    const type = await cli("template", "--round", "2568", "--lao", "6810403", "-o", join(dir, "x.xlsx"));
    expect(type.code).toBe(2);
    expect(type.err).toContain("ไม่ได้ประเมิน อบต.");
  });
});
