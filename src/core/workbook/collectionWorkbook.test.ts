import { problemEn } from "../../i18n/problems";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  cellKey,
  cellReference,
  checkAgainstLayout,
  documentValue,
  formulaValues,
  isMetaProblem,
  locateInput,
  parseMeta,
  readCollection,
  type RawCell,
  type WorkbookMeta,
} from "./collectionWorkbook";
import { compileRound } from "../rules/compiledRound";
import { collectionLayout, layoutRows } from "./layout";
import { META_CELLS } from "./sheets/metaSheet";
import { META_SHEET } from "./workbookNames";
import { LaoRegister, parseRegisterCsv } from "../rules/register";
import { shippedRound } from "../rules/shippedRounds";
import { reportProblems } from "./reportProblems";
import { evaluateSubmission } from "../rules/submission";

const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../../data/lao-registry.csv"), "utf8")),
);
const town = register.all.find((l) => l.type === "subdistrict")!;
const round = shippedRound("2568")!;
const layout = collectionLayout(round, town);
const rows = new Map(layoutRows(layout).map((r) => [r.id, r]));

/** A workbook as a map of "sheet!cell" to content, starting from what the template writes. */
function workbookCells(): Map<string, RawCell> {
  const cells = new Map<string, RawCell>();
  for (const sheet of layout.sheets)
    for (const c of sheet.cells)
      if (c.value !== undefined) cells.set(cellKey(sheet.name, c.address), c.value);
  for (const [k, v] of formulaValues(layout)) cells.set(k, v);
  return cells;
}
const reader = (cells: Map<string, RawCell>) => (sheet: string, address: string) =>
  cells.get(cellKey(sheet, address));

describe("reading a collection workbook", () => {
  it("reads typed values as the document holds them, with Thai digits and dashes kept as typed", () => {
    const cells = workbookCells();
    const ratio = rows.get("2568-2-01")!;
    const count = rows.get("2568-2-02")!;
    cells.set(cellKey(ratio.sheet, ratio.base!), "๑,๐๐๐");
    cells.set(cellKey(ratio.sheet, ratio.served!), 850);
    cells.set(cellKey(count.sheet, count.value!), "-");
    cells.set(cellKey(count.sheet, count.note), "ข้อมูลจากกองคลัง");
    const population = layout.inputs.get("basic.population")!;
    const phone = layout.inputs.get("basic.preparer.phone")!;
    cells.set(cellKey(population.sheet, population.cell), 12345);
    cells.set(cellKey(phone.sheet, phone.cell), "081 234 5678");
    const read = readCollection(layout, reader(cells));
    expect(read.document.round).toBe("2568");
    expect(read.document.lao).toBe(town.code);
    expect(read.document.values["2568-2-01"]).toEqual({ base: "๑,๐๐๐", served: 850 });
    expect(read.document.values["2568-2-02"]).toEqual({ value: "-" });
    expect(read.document.basic).toEqual(
      expect.objectContaining({ population: 12345, households: null, preparer: { phone: "081 234 5678" } }),
    );
    expect(read.notes).toEqual({ "2568-2-02": "ข้อมูลจากกองคลัง" });
    expect(read.inputs.get("values.2568-2-01.base")).toBe("๑,๐๐๐");
    expect(read.locate("values.2568-2-01.base")).toEqual({ sheet: "แบบเทศบาล 2-2", cell: "D6" });
    expect(read.locate("lao")).toEqual({ sheet: "แบบเทศบาล 1", cell: "B5" });
  });

  it("reads what was typed, never what the formulas show", () => {
    const cells = workbookCells();
    const ratio = rows.get("2568-2-01")!;
    cells.set(cellKey(ratio.sheet, ratio.base!), 1000);
    cells.set(cellKey(ratio.sheet, ratio.served!), 5);
    const stale = readCollection(layout, reader(cells)).document;
    // The same figures with the labels and percentages their formulas show (another calculation).
    for (const [k, v] of formulaValues(layout, stale.values)) cells.set(k, v);
    cells.set(cellKey(ratio.sheet, ratio.result), "ผ่านค่าเป้าหมายขั้นต่ำ");
    const shown = readCollection(layout, reader(cells)).document;
    expect(shown).toEqual(stale);
    expect(Object.keys(shown).sort()).toEqual(["basic", "lao", "round", "values"]);
  });

  it("turns TRUE/FALSE and dates into text, so core names them instead of reading a number", () => {
    expect(documentValue(true, "count")).toBe("TRUE");
    expect(documentValue(new Date(Date.UTC(2025, 1, 1)), "amount")).toBe("วันที่ 1/2/2568");
    expect(documentValue(812345678, "phone")).toBe("812345678");
    expect(documentValue("  ", "amount")).toBeNull();
  });

  it("computes what each formula shows with core, for the cached values of a file", () => {
    const ratio = rows.get("2568-2-01")!;
    const empty = formulaValues(layout);
    // Nothing typed: the result is empty, as MINSTD.CHECK and the portable formula show it.
    expect(empty.get(cellKey(ratio.sheet, ratio.result))).toBe("");
    const readings = layout.readings.filter((r) => r.indicatorId === "2568-2-01");
    for (const r of readings) expect(empty.get(cellKey(META_SHEET, r.cell))).toBe("");
    expect(empty.get(cellKey(ratio.sheet, ratio.percent!))).toBe("-");
    const target = compileRound(round).byId.get("2568-2-01")!.targets.subdistrict!.value;
    expect(empty.get(cellKey(ratio.sheet, ratio.target))).toBe(target);
    const filled = formulaValues(layout, { "2568-2-01": { base: "๑,๐๐๐", served: 5 } });
    expect(filled.get(cellKey(ratio.sheet, ratio.percent!))).toBeCloseTo(0.5);
    expect(filled.get(cellKey(ratio.sheet, ratio.result))).toBe("การพัฒนาในอนาคต");
    // The reading cells hold what core reads: the number, "-" for the official dash, "!" for invalid input.
    const reading = (id: string, field: string) =>
      layout.readings.find((r) => r.indicatorId === id && r.field === field)!.cell;
    expect(filled.get(cellKey(META_SHEET, reading("2568-2-01", "base")))).toBe(1000);
    expect(filled.get(cellKey(META_SHEET, reading("2568-2-01", "served")))).toBe(5);
    const odd = formulaValues(layout, { "2568-2-01": { base: "12 กม.", served: "-" } });
    expect(odd.get(cellKey(META_SHEET, reading("2568-2-01", "base")))).toBe("!");
    expect(odd.get(cellKey(META_SHEET, reading("2568-2-01", "served")))).toBe("-");
  });

  it("places every problem of the report at its cell", () => {
    const cells = workbookCells();
    const ratio = rows.get("2568-2-01")!;
    cells.set(cellKey(ratio.sheet, ratio.base!), 10);
    cells.set(cellKey(ratio.sheet, ratio.served!), "12 กม.");
    const read = readCollection(layout, reader(cells));
    const report = evaluateSubmission(read.document, compileRound(round), town, problemEn);
    const problems = reportProblems(report, compileRound(round), problemEn, (path) =>
      locateInput(layout, path),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        sheet: "แบบเทศบาล 2-2",
        cell: "E6",
        severity: "error",
        message: expect.stringContaining("มีตัวอักษรปนอยู่"),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: "basic.population", sheet: "แบบเทศบาล 1", severity: "warning" }),
    );
  });
});

describe("the workbook metadata", () => {
  const metaOf = (cells: Map<string, RawCell>) =>
    parseMeta((a) => cells.get(cellKey(META_SHEET, a)), problemEn);

  it("reads the round, LAO and layout and matches them with the layout", () => {
    const cells = workbookCells();
    const meta = metaOf(cells) as WorkbookMeta;
    expect(isMetaProblem(meta)).toBe(false);
    expect(meta).toEqual(expect.objectContaining({ round: "2568", lao: town.code, version: 1 }));
    expect(checkAgainstLayout(layout, meta, reader(cells), problemEn)).toEqual([]);
  });

  it("says in Thai when a workbook is not a collection workbook or is from a newer MinStd", () => {
    const cells = workbookCells();
    cells.set(cellKey(META_SHEET, META_CELLS.format), "something else");
    expect(metaOf(cells)).toEqual(
      expect.objectContaining({ message: expect.stringContaining("ไม่ใช่แบบรวบรวมข้อมูล") }),
    );
    const newer = workbookCells();
    newer.set(cellKey(META_SHEET, META_CELLS.version), "9");
    expect(metaOf(newer)).toEqual(expect.objectContaining({ message: expect.stringContaining("รุ่นใหม่กว่า") }));
  });

  it("finds another LAO's workbook, a changed round and moved rows", () => {
    const cells = workbookCells();
    const meta = metaOf(cells) as WorkbookMeta;
    expect(
      checkAgainstLayout(layout, { ...meta, lao: "6810403" }, reader(cells), problemEn)[0]!.message,
    ).toContain("รหัส อปท. 6810403");
    expect(
      checkAgainstLayout(layout, { ...meta, fingerprint: "0" }, reader(cells), problemEn)[0]!.message,
    ).toContain("เปลี่ยนไป");
    const ratio = rows.get("2568-2-01")!;
    cells.set(cellKey(ratio.sheet, ratio.idCell), "2568-2-02");
    expect(checkAgainstLayout(layout, meta, reader(cells), problemEn)).toEqual([
      expect.objectContaining({ sheet: ratio.sheet, cell: ratio.idCell }),
    ]);
  });
});

describe("where a problem is, as the command line prints it", () => {
  it("names the sheet and cell, the sheet alone, or nothing — never an undefined cell", () => {
    expect(cellReference({ sheet: "แบบ อบต. 2-1", cell: "E9" })).toBe(" [แบบ อบต. 2-1!E9]");
    expect(cellReference({ sheet: "แบบ อบต. 1" })).toBe(" [แบบ อบต. 1]");
    expect(cellReference({})).toBe("");
  });
});
