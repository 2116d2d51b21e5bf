import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  collectionLayout,
  LaoRegister,
  layoutRows,
  META_SHEET,
  parseRegisterCsv,
  shippedRound,
} from "../core";
import { generatedRound } from "../core/rules/generatedRound";
import { writeCollectionWorkbook } from "./collectionWorkbookWriter";

const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../data/lao-registry.csv"), "utf8")),
);
const sao = register.get("6810403")!;

async function written(round = shippedRound("2563")!) {
  const layout = collectionLayout(round, sao);
  const data = await writeCollectionWorkbook(layout);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return { layout, data, workbook };
}

describe("the .xlsx collection workbook", () => {
  it("locks labels and formulas, unlocks inputs, and protects every sheet", async () => {
    const { layout, workbook } = await written();
    for (const spec of layout.sheets) {
      const ws = workbook.getWorksheet(spec.name)!;
      // exceljs keeps what it read from <sheetProtection> here; its typings leave it out.
      expect((ws as unknown as { sheetProtection?: object }).sheetProtection).toEqual(
        expect.objectContaining({ sheet: true }),
      );
      for (const cell of spec.cells) {
        expect(ws.getCell(cell.address).protection?.locked ?? true).toBe(cell.input === undefined);
      }
    }
  });

  it("gives every input its Thai input message and a warning (not a stop) for odd values", async () => {
    const { layout, workbook } = await written();
    for (const [, at] of layout.inputs) {
      const v = workbook.getWorksheet(at.sheet)!.getCell(at.cell).dataValidation;
      expect(v.prompt).toBe(at.spec.validation.prompt);
      expect(v.showInputMessage).toBe(true);
      expect(v.errorStyle).toBe("warning");
    }
  });

  it("gives the (1) and (2) cells each indicator's guidance as their input message, within Excel's limits", async () => {
    const round = shippedRound("2567")!;
    const { workbook } = await written(round);
    const ws = workbook.getWorksheet("แบบ อบต. 2-1")!;
    const rows = layoutRows(collectionLayout(round, sao));
    const guidance = (id: string) =>
      round.areas[0]!.missions[0]!.indicators.find((i) => i.id === id)!.guidance!;
    for (const row of rows) {
      const cells = row.kind === "ratio" ? [row.base!, row.served!] : [row.value!];
      for (const cell of cells) {
        const v = ws.getCell(cell).dataValidation;
        expect(v.prompt).toContain(guidance(row.id));
        expect(v.prompt!.length).toBeLessThanOrEqual(255);
        expect(v.promptTitle!.length).toBeLessThanOrEqual(32);
      }
    }
    const asphalt = rows.find((r) => r.id === "2567-1-01")!;
    // (1) names what it counts before the guidance; the guidance says when to type 0 and when "-".
    expect(ws.getCell(asphalt.base!).dataValidation.prompt).toMatch(/^จำนวนถนนลาดยางในความรับผิดชอบทั้งหมด/);
    expect(ws.getCell(asphalt.served!).dataValidation.prompt).toContain("ให้พิมพ์ - ในช่อง (2)");
    // Without guidance, the generic instruction stands.
    const plain = (await written(shippedRound("2564")!)).workbook;
    const road = layoutRows(collectionLayout(shippedRound("2564")!, sao))[0]!;
    expect(plain.getWorksheet(road.sheet)!.getCell(road.served!).dataValidation.prompt).toContain(
      "ถ้าไม่ได้ดำเนินการในปีงบประมาณ ให้พิมพ์ - (ช่องว่าง = ยังไม่ได้กรอก)",
    );
  });

  it("stores the formulas as Excel stores an add-in's functions, with core's results cached", async () => {
    const { layout, workbook } = await written();
    const row = layoutRows(layout)[0]!;
    const ws = workbook.getWorksheet(row.sheet)!;
    const result = ws.getCell(row.result).value as ExcelJS.CellFormulaValue;
    expect(result.formula).toMatch(/^IF\(ISERROR\(MinStd_AddIn\),.*,_xldudf_MINSTD_CHECK\(/);
    expect(result.formula).toContain(
      `_xldudf_MINSTD_CHECK("${row.id}",IF(ISBLANK(${row.served}),"",${row.served}),IF(ISBLANK(${row.base}),"",${row.base}),MinStd_LaoType))`,
    );
    expect(result.result ?? "").toBe("");
    expect(ws.getCell(row.target).value).toEqual(
      expect.objectContaining({
        formula: `IF(ISERROR(MinStd_AddIn),75,_xldudf_MINSTD_TARGET("${row.id}",MinStd_LaoType))`,
        result: 75,
      }),
    );
    // The cell that asks for the add-in holds, until the add-in answers, the error a program without it shows.
    const probe = workbook.getWorksheet(META_SHEET)!.getCell("B9").value as ExcelJS.CellFormulaValue;
    expect(probe.formula).toBe(`_xldudf_MINSTD_TARGET("${row.id}",MinStd_LaoType)`);
    expect(probe.result).toEqual({ error: "#NAME?" });
    expect(ws.getCell(row.percent!).value).toEqual(expect.objectContaining({ result: "-" }));
  });

  it("asks no spreadsheet to recalculate on opening, so the cached results show without the add-in", async () => {
    const { data } = await written();
    const xml = await (await JSZip.loadAsync(data)).file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(/<calcPr [^>]*\/>/);
    expect(xml).not.toContain("fullCalcOnLoad");
    expect(xml).toContain('<definedName name="MinStd_LaoType">&apos;แบบ อบต. 1&apos;!$B$7</definedName>');
  });

  it("hides the metadata sheet from officers and prints the area sheets on A4 landscape in TH Sarabun New", async () => {
    const { layout, workbook } = await written(generatedRound());
    expect(workbook.getWorksheet("MinStd")!.state).toBe("veryHidden");
    const area = layout.sheets[1]!;
    const ws = workbook.getWorksheet(area.name)!;
    expect(ws.pageSetup).toEqual(
      expect.objectContaining({
        paperSize: 9,
        orientation: "landscape",
        fitToWidth: 1,
        printTitlesRow: "4:4",
      }),
    );
    expect(ws.getCell("B4").font.name).toBe("TH Sarabun New");
    expect(ws.getCell(area.rows[0]!.idCell).value).toBe(area.rows[0]!.id);
  });
});
