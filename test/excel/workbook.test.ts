/// <reference types="office-js" />
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  collectionLayout,
  LaoRegister,
  layoutRows,
  META_CELLS,
  META_SHEET,
  parseRegisterCsv,
  shippedRound,
  type Lao,
} from "../../src/core";
import { generatedRound } from "../../src/core/rules/generatedRound";
import { createWorkbook, onChanged, readWorkbook, WorkbookRefused } from "../../src/excel";
import { formatRange, parseRange } from "../office-double/address";
import { nodeWorkbook, type NodeWorkbook } from "../office-double/nodeWorkbook";

const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../data/lao-registry.csv"), "utf8")),
);
const sao: Lao = register.get("6810403")!;
const round = generatedRound();
const layout = collectionLayout(round, sao);
const rows = layoutRows(layout);

async function created(): Promise<NodeWorkbook> {
  const excel = nodeWorkbook();
  await createWorkbook(round, sao, excel.host);
  return excel;
}

/** Every input cell's content, by document path. */
function inputs(excel: NodeWorkbook): Map<string, unknown> {
  return new Map([...layout.inputs].map(([path, at]) => [path, excel.content(at.sheet, at.cell)]));
}

/** Every cell of every sheet, as stored. */
const snapshot = (excel: NodeWorkbook): string =>
  JSON.stringify(excel.model.sheets.map((s) => [s.name, [...s.cells.entries()]]));

describe("creating the collection workbook in Excel", () => {
  it("takes at most 3 context.sync() calls for the 214-indicator round", async () => {
    const excel = await created();
    expect(excel.syncs()).toBeLessThanOrEqual(3);
    expect(excel.syncs()).toBeGreaterThan(0);
  });

  it("removes a new workbook's empty Sheet1, still within 3 context.sync() calls, and keeps one with anything on it", async () => {
    const fresh = nodeWorkbook();
    expect(fresh.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    await createWorkbook(round, sao, fresh.host);
    expect(fresh.syncs()).toBeLessThanOrEqual(3);
    expect(fresh.model.sheetByName("Sheet1")).toBeUndefined();
    expect(fresh.model.sheets).toHaveLength(layout.sheets.length);

    const used = nodeWorkbook();
    await used.type("Sheet1", "D4", "บันทึกของเจ้าหน้าที่");
    await createWorkbook(round, sao, used.host);
    expect(used.model.sheetByName("Sheet1")).toBeDefined();
    // Built again (a refresh), an empty Sheet1 the officer added later is not touched either.
    const again = await created();
    await again.addSheet("Sheet1");
    await createWorkbook(round, sao, again.host);
    expect(again.model.sheetByName("Sheet1")).toBeDefined();
  });

  it("writes every sheet, in order, with the metadata very hidden and every sheet protected", async () => {
    const excel = await created();
    const sheets = excel.model.sheets;
    expect(sheets.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
    expect(excel.sheet(META_SHEET).visibility).toBe("VeryHidden");
    expect(sheets.every((s) => s.protected)).toBe(true);
    expect(excel.model.activeSheetId).toBe(excel.sheet("แบบ อบต. 1").id);
    expect(excel.content(META_SHEET, META_CELLS.lao)).toBe("6810403");
  });

  it("stores ids as text, the formulas as typed in Excel, and the LAO type as a named item", async () => {
    const excel = await created();
    const row = rows[0]!;
    expect(excel.content(row.sheet, row.idCell)).toBe("G214-1-001");
    expect(excel.cell(row.sheet, row.idCell).numberFormat).toBe("@");
    expect(excel.content(row.sheet, row.result)).toMatch(
      /^=IF\(ISERROR\(MinStd_AddIn\),.*,MINSTD\.CHECK\("G214-1-001",IF\(ISBLANK\(E6\),"",E6\),IF\(ISBLANK\(D6\),"",D6\),MinStd_LaoType\)\)$/,
    );
    expect(excel.content(row.sheet, row.target)).toMatch(
      /^=IF\(ISERROR\(MinStd_AddIn\),\d+(\.\d+)?,MINSTD\.TARGET\("G214-1-001",MinStd_LaoType\)\)$/,
    );
    expect(excel.model.names.get("minstd_addin")).toEqual(
      expect.objectContaining({ name: "MinStd_AddIn", formula: "=MinStd!$B$9" }),
    );
    expect(excel.model.names.get("minstd_laotype")).toEqual(
      expect.objectContaining({ name: "MinStd_LaoType", formula: "='แบบ อบต. 1'!$B$7" }),
    );
    expect(excel.content("แบบ อบต. 1", "B7")).toBe("อบต.");
  });

  it("makes one Excel table per area, unlocks only inputs, and gives each input its Thai message", async () => {
    const excel = await created();
    const tables = layout.sheets.filter((s) => s.table);
    expect(excel.model.tables).toHaveLength(tables.length);
    for (const sheet of tables) {
      const table = excel.model.tables.find((t) => t.name === sheet.table!.name);
      expect(table?.sheetId).toBe(excel.sheet(sheet.name).id);
      expect(formatRange(sheet.name, table!.rect)).toBe(
        formatRange(sheet.name, parseRange(sheet.table!.address)!),
      );
    }
    for (const sheet of layout.sheets) {
      for (const spec of sheet.cells) {
        const cell = excel.cell(sheet.name, spec.address);
        expect(cell.locked).toBe(spec.input === undefined);
        if (spec.input) {
          expect(cell.validation?.prompt).toEqual(
            expect.objectContaining({ showPrompt: true, message: spec.input.validation.prompt }),
          );
          expect(cell.validation?.errorAlert).toEqual(expect.objectContaining({ style: "Warning" }));
        }
      }
    }
  });

  it("formats result cells by the label they show, prints on A4 landscape, in TH Sarabun New", async () => {
    const excel = await created();
    const area = excel.sheet(layout.sheets[1]!.name);
    const texts = area.conditionalFormats
      .filter((c) => c.type === "ContainsText")
      .map((c) => (c.props["textComparison.rule"] as { text: string }).text);
    expect(texts).toContain("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(texts).toContain("การพัฒนาในอนาคต");
    expect(area.conditionalFormats.some((c) => c.type === "PresetCriteria")).toBe(true);
    expect(area.props).toEqual(
      expect.objectContaining({
        "pageLayout.orientation": "Landscape",
        "pageLayout.paperSize": "A4",
        "pageLayout.setPrintTitleRows()": ["$4:$4"],
      }),
    );
    expect(area.frozenRows).toBe(4);
    expect(excel.cell(area.name, "B5").format["font.name"]).toBe("TH Sarabun New");
  });

  it("keeps labels and formulas locked: an officer can type only into inputs", async () => {
    const excel = await created();
    const row = rows[0]!;
    await expect(excel.type(row.sheet, row.result, "ผ่าน")).rejects.toThrow(/protected/);
    await expect(excel.type(row.sheet, row.base!, "12")).resolves.toBeUndefined();
    expect(excel.content(row.sheet, row.base!)).toBe(12);
  });
});

describe("reading the collection workbook in Excel", () => {
  it("scans all inputs and results of the 214-indicator round in one context.sync()", async () => {
    const excel = await created();
    const before = excel.syncs();
    const scan = await readWorkbook(round, sao, excel.host);
    expect(excel.syncs() - before).toBe(1);
    expect(Object.keys(scan.document.values)).toHaveLength(214);
    expect(scan.report.results).toHaveLength(214);
    expect(scan.report.summary.overall.counts.incomplete).toBe(214);
  });

  it("returns core's document and report, and each bad cell with its sheet, address and Thai message", async () => {
    const excel = await created();
    const ratio = rows.find((r) => r.kind === "ratio");
    const count = rows.find((r) => r.kind === "count");
    await excel.type(ratio!.sheet, ratio!.base!, "๑,๒๕๐");
    await excel.type(ratio!.sheet, ratio!.served!, 1000);
    await excel.type(count!.sheet, count!.value!, "3 ครั้ง");
    // What the result cell shows (here the portable formula's label) is not read back as a value.
    expect(excel.shown(ratio!.sheet, ratio!.result)).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    const scan = await readWorkbook(round, sao, excel.host);
    expect(scan.document.values[ratio!.id]).toEqual({ base: "๑,๒๕๐", served: 1000 });
    expect(scan.document).not.toHaveProperty("results");
    expect(scan.report.results.find((r) => r.id === ratio!.id)).toEqual(
      expect.objectContaining({ status: "pass", percent: 80 }),
    );
    expect(scan.problems).toContainEqual(
      expect.objectContaining({
        sheet: count!.sheet,
        cell: count!.value,
        severity: "error",
        problem: expect.objectContaining({ th: expect.stringContaining("ไม่ต้องพิมพ์หน่วย") }),
      }),
    );
    expect(scan.problems).toContainEqual(
      expect.objectContaining({ sheet: "แบบ อบต. 1", cell: "B14", path: "basic.population" }),
    );
  });

  it("reads a blank (2) beside a (1) > 0 as not entered yet, naming its cell, and only - as not carried out", async () => {
    const excel = await created();
    const [blank, dash] = rows.filter((r) => r.kind === "ratio");
    await excel.type(blank!.sheet, blank!.base!, "๑,๒๕๐");
    await excel.type(dash!.sheet, dash!.base!, 40);
    await excel.type(dash!.sheet, dash!.served!, "-");
    const scan = await readWorkbook(round, sao, excel.host);
    const results = new Map(scan.report.results.map((r) => [r.id, r]));
    expect(results.get(blank!.id)).toEqual(
      expect.objectContaining({
        status: "incomplete",
        field: "served",
        problem: expect.objectContaining({ th: expect.stringContaining("พิมพ์ -") }),
      }),
    );
    expect(results.get(dash!.id)).toEqual(expect.objectContaining({ status: "not-done" }));
    expect(scan.problems).toContainEqual(
      expect.objectContaining({
        sheet: blank!.sheet,
        cell: blank!.served,
        path: `values.${blank!.id}.served`,
        severity: "warning",
      }),
    );
  });

  it("names a sheet that was deleted", async () => {
    const excel = await created();
    await excel.deleteSheet(layout.sheets[2]!.name);
    const refused = await readWorkbook(round, sao, excel.host).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookRefused);
    expect((refused as WorkbookRefused).problems[0]!.message).toContain(
      `ไม่พบแผ่นงาน “${layout.sheets[2]!.name}”`,
    );
  });

  it("re-reads only the changed cells on a worksheet change, in one round trip", async () => {
    const excel = await created();
    const seen: Array<{ cells: string[]; value: unknown }> = [];
    const row = rows[6]!;
    const watch = await onChanged(
      round,
      sao,
      (scan, changed) =>
        seen.push({
          cells: changed.map((c) => `${c.sheet}!${c.cell}`),
          value: scan.document.values[row.id]?.base,
        }),
      excel.host,
    );
    expect(watch.scan.report.results).toHaveLength(214);
    const before = excel.syncs();
    excel.model.rangeLoads.length = 0;
    await excel.type(row.sheet, row.base!, "๒๐");
    expect(excel.syncs() - before).toBe(1);
    expect(excel.model.rangeLoads).toEqual([`'${row.sheet}'!${row.base}`]);
    expect(seen).toEqual([{ cells: [`${row.sheet}!${row.base}`], value: "๒๐" }]);
    await watch.stop();
    const stopped = excel.syncs();
    await excel.type(row.sheet, row.base!, "30");
    expect(seen).toHaveLength(1);
    expect(excel.syncs()).toBe(stopped);
  });
});

describe("re-applying the template", () => {
  it("keeps every typed value and note, in at most 3 syncs, and reads the same document after", async () => {
    const excel = await created();
    let n = 0;
    for (const [, at] of layout.inputs) {
      n += 1;
      if (n % 3 === 0) await excel.type(at.sheet, at.cell, n % 2 ? `๑${n}` : "-");
      else if (n % 5 === 0) await excel.type(at.sheet, at.cell, `ข้อความ ${n}`);
    }
    const before = inputs(excel);
    const scanBefore = await readWorkbook(round, sao, excel.host);
    const syncs = excel.syncs();
    const result = await createWorkbook(round, sao, excel.host);
    expect(result.created).toBe(false);
    expect(excel.syncs() - syncs).toBeLessThanOrEqual(3);
    expect(inputs(excel)).toEqual(before);
    expect([...before.values()].filter((v) => v !== null).length).toBeGreaterThan(100);
    const scanAfter = await readWorkbook(round, sao, excel.host);
    expect(scanAfter.document).toEqual(scanBefore.document);
    expect(scanAfter.notes).toEqual(scanBefore.notes);
    expect(excel.model.sheets.every((s) => s.protected)).toBe(true);
  });

  it("refuses, writing nothing, a workbook that holds another LAO's collection workbook", async () => {
    const excel = await created();
    const other = register.all.find((l) => l.type === "sao" && l.code !== sao.code)!;
    const before = snapshot(excel);
    const refused = await createWorkbook(round, other, excel.host).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookRefused);
    expect((refused as WorkbookRefused).problems[0]!.message).toContain(`รหัส อปท. ${sao.code}`);
    expect(snapshot(excel)).toBe(before);
  });

  it("refuses a sheet of the same name that is not a MinStd workbook", async () => {
    const excel = nodeWorkbook();
    await excel.addSheet("แบบ อบต. 1");
    await excel.type("แบบ อบต. 1", "A1", "ข้อมูลของฉัน");
    const before = snapshot(excel);
    const refused = await createWorkbook(shippedRound("2563")!, sao, excel.host).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookRefused);
    expect(excel.content("แบบ อบต. 1", "A1")).toBe("ข้อมูลของฉัน");
    expect(snapshot(excel)).toBe(before);
  });
});
