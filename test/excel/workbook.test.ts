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
import { FakeExcel } from "./fakeExcel";

const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../data/lao-registry.csv"), "utf8")),
);
const sao: Lao = register.get("6810403")!;
const round = generatedRound();
const layout = collectionLayout(round, sao);
const rows = layoutRows(layout);

async function created(): Promise<{ fake: FakeExcel; sync: jest.SpyInstance }> {
  const fake = new FakeExcel();
  const sync = jest.spyOn(fake.context, "sync");
  await createWorkbook(round, sao, fake.host);
  return { fake, sync };
}

/** Every input cell's content, by document path. */
function inputs(fake: FakeExcel): Map<string, unknown> {
  return new Map([...layout.inputs].map(([path, at]) => [path, fake.cell(at.sheet, at.cell).content]));
}

describe("creating the collection workbook in Excel", () => {
  it("takes at most 3 context.sync() calls for the 214-indicator round", async () => {
    const { sync } = await created();
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(sync.mock.calls.length).toBeGreaterThan(0);
  });

  it("removes a new workbook's empty Sheet1, still within 3 context.sync() calls, and keeps one with anything on it", async () => {
    const fresh = new FakeExcel();
    fresh.addSheet("Sheet1");
    const sync = jest.spyOn(fresh.context, "sync");
    await createWorkbook(round, sao, fresh.host);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(fresh.sheets.has("Sheet1")).toBe(false);
    expect(fresh.sheets.size).toBe(layout.sheets.length);

    const used = new FakeExcel();
    used.addSheet("Sheet1");
    used.cell("Sheet1", "D4").content = "บันทึกของเจ้าหน้าที่";
    await createWorkbook(round, sao, used.host);
    expect(used.sheets.has("Sheet1")).toBe(true);
    // Built again (a refresh), an empty Sheet1 the officer added later is not touched either.
    const again = new FakeExcel();
    await createWorkbook(round, sao, again.host);
    again.addSheet("Sheet1");
    await createWorkbook(round, sao, again.host);
    expect(again.sheets.has("Sheet1")).toBe(true);
  });

  it("writes every sheet, in order, with the metadata very hidden and every sheet protected", async () => {
    const { fake } = await created();
    const sheets = [...fake.sheets.values()].sort((a, b) => a.position - b.position);
    expect(sheets.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
    expect(fake.sheets.get(META_SHEET)!.visibility).toBe("VeryHidden");
    expect(sheets.every((s) => s.protected)).toBe(true);
    expect(fake.active).toBe("แบบ อบต. 1");
    expect(fake.cell(META_SHEET, META_CELLS.lao).content).toBe("6810403");
  });

  it("stores ids as text, the formulas as typed in Excel, and the LAO type as a named item", async () => {
    const { fake } = await created();
    const row = rows[0]!;
    expect(fake.cell(row.sheet, row.idCell).content).toBe("G214-1-001");
    expect(fake.cell(row.sheet, row.result).content).toMatch(
      /^=IF\(ISERROR\(MinStd_AddIn\),.*,MINSTD\.CHECK\("G214-1-001",IF\(ISBLANK\(E6\),"",E6\),IF\(ISBLANK\(D6\),"",D6\),MinStd_LaoType\)\)$/,
    );
    expect(fake.cell(row.sheet, row.target).content).toMatch(
      /^=IF\(ISERROR\(MinStd_AddIn\),\d+(\.\d+)?,MINSTD\.TARGET\("G214-1-001",MinStd_LaoType\)\)$/,
    );
    expect(fake.names.get("MinStd_AddIn")).toEqual(expect.objectContaining({ reference: "=MinStd!$B$9" }));
    expect(fake.names.get("MinStd_LaoType")).toEqual(
      expect.objectContaining({ reference: "='แบบ อบต. 1'!$B$7" }),
    );
    expect(fake.cell("แบบ อบต. 1", "B7").content).toBe("อบต.");
  });

  it("makes one Excel table per area, unlocks only inputs, and gives each input its Thai message", async () => {
    const { fake } = await created();
    for (const sheet of layout.sheets.filter((s) => s.table)) {
      expect(fake.tables.get(sheet.table!.name)).toEqual(
        expect.objectContaining({ sheet: sheet.name, address: sheet.table!.address }),
      );
    }
    for (const sheet of layout.sheets) {
      for (const spec of sheet.cells) {
        const cell = fake.cell(sheet.name, spec.address);
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
    const { fake } = await created();
    const area = fake.sheets.get(layout.sheets[1]!.name)!;
    const texts = area.conditionalFormats
      .filter((c) => c.type === "ContainsText")
      .map((c) => (c.props["textComparison.rule"] as { text: string }).text);
    expect(texts).toContain("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(texts).toContain("การพัฒนาในอนาคต");
    expect(area.conditionalFormats.some((c) => c.type === "PresetCriteria")).toBe(true);
    expect(area.page).toEqual(
      expect.objectContaining({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$4:$4" }),
    );
    expect(area.frozenRows).toBe(4);
    expect(fake.cell(area.name, "B5").format["format.font.name"]).toBe("TH Sarabun New");
  });

  it("keeps labels and formulas locked: an officer can type only into inputs", async () => {
    const { fake } = await created();
    const row = rows[0]!;
    await expect(fake.type(row.sheet, row.result, "ผ่าน")).rejects.toThrow(/locked/);
    await expect(fake.type(row.sheet, row.base!, "12")).resolves.toBeUndefined();
  });
});

describe("reading the collection workbook in Excel", () => {
  it("scans all inputs and results of the 214-indicator round in one context.sync()", async () => {
    const { fake } = await created();
    const sync = jest.spyOn(fake.context, "sync");
    sync.mockClear();
    const scan = await readWorkbook(round, sao, fake.host);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(Object.keys(scan.document.values)).toHaveLength(214);
    expect(scan.report.results).toHaveLength(214);
    expect(scan.report.summary.overall.counts.incomplete).toBe(214);
  });

  it("returns core's document and report, and each bad cell with its sheet, address and Thai message", async () => {
    const { fake } = await created();
    const ratio = rows.find((r) => r.kind === "ratio");
    const count = rows.find((r) => r.kind === "count");
    await fake.type(ratio!.sheet, ratio!.base!, "๑,๒๕๐");
    await fake.type(ratio!.sheet, ratio!.served!, 1000);
    await fake.type(count!.sheet, count!.value!, "3 ครั้ง");
    fake.cell(ratio!.sheet, ratio!.result).shown = "ผ่านค่าเป้าหมายขั้นต่ำ";
    const scan = await readWorkbook(round, sao, fake.host);
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
        message: expect.stringContaining("ไม่ต้องพิมพ์หน่วย"),
      }),
    );
    expect(scan.problems).toContainEqual(
      expect.objectContaining({ sheet: "แบบ อบต. 1", cell: "B14", path: "basic.population" }),
    );
  });

  it("reads a blank (2) beside a (1) > 0 as not entered yet, naming its cell, and only - as not carried out", async () => {
    const { fake } = await created();
    const [blank, dash] = rows.filter((r) => r.kind === "ratio");
    await fake.type(blank!.sheet, blank!.base!, "๑,๒๕๐");
    await fake.type(dash!.sheet, dash!.base!, 40);
    await fake.type(dash!.sheet, dash!.served!, "-");
    const scan = await readWorkbook(round, sao, fake.host);
    const results = new Map(scan.report.results.map((r) => [r.id, r]));
    expect(results.get(blank!.id)).toEqual(
      expect.objectContaining({
        status: "incomplete",
        field: "served",
        message: expect.stringContaining("พิมพ์ -"),
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
    const { fake } = await created();
    fake.sheets.delete(layout.sheets[2]!.name);
    const refused = await readWorkbook(round, sao, fake.host).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookRefused);
    expect((refused as WorkbookRefused).problems[0]!.message).toContain(
      `ไม่พบแผ่นงาน “${layout.sheets[2]!.name}”`,
    );
  });

  it("re-reads only the changed cells on a worksheet change, in one round trip", async () => {
    const { fake } = await created();
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
      fake.host,
    );
    expect(watch.scan.report.results).toHaveLength(214);
    const sync = jest.spyOn(fake.context, "sync");
    sync.mockClear();
    fake.loads.length = 0;
    await fake.type(row.sheet, row.base!, "๒๐");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fake.loads).toEqual([row.base]);
    expect(seen).toEqual([{ cells: [`${row.sheet}!${row.base}`], value: "๒๐" }]);
    await watch.stop();
    await fake.type(row.sheet, row.base!, "30");
    expect(seen).toHaveLength(1);
  });
});

describe("re-applying the template", () => {
  it("keeps every typed value and note, in at most 3 syncs, and reads the same document after", async () => {
    const { fake } = await created();
    let n = 0;
    for (const [, at] of layout.inputs) {
      n += 1;
      if (n % 3 === 0) await fake.type(at.sheet, at.cell, n % 2 ? `๑${n}` : "-");
      else if (n % 5 === 0) await fake.type(at.sheet, at.cell, `ข้อความ ${n}`);
    }
    const before = inputs(fake);
    const scanBefore = await readWorkbook(round, sao, fake.host);
    const sync = jest.spyOn(fake.context, "sync");
    sync.mockClear();
    const result = await createWorkbook(round, sao, fake.host);
    expect(result.created).toBe(false);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(inputs(fake)).toEqual(before);
    expect([...before.values()].filter((v) => v !== null).length).toBeGreaterThan(100);
    const scanAfter = await readWorkbook(round, sao, fake.host);
    expect(scanAfter.document).toEqual(scanBefore.document);
    expect(scanAfter.notes).toEqual(scanBefore.notes);
    expect([...fake.sheets.values()].every((s) => s.protected)).toBe(true);
  });

  it("refuses, writing nothing, a workbook that holds another LAO's collection workbook", async () => {
    const { fake } = await created();
    const other = register.all.find((l) => l.type === "sao" && l.code !== sao.code)!;
    const snapshot = JSON.stringify([...fake.sheets.values()].map((s) => [...s.cells.entries()]));
    const refused = await createWorkbook(round, other, fake.host).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookRefused);
    expect((refused as WorkbookRefused).problems[0]!.message).toContain(`รหัส อปท. ${sao.code}`);
    expect(JSON.stringify([...fake.sheets.values()].map((s) => [...s.cells.entries()]))).toBe(snapshot);
  });

  it("refuses a sheet of the same name that is not a MinStd workbook", async () => {
    const fake = new FakeExcel();
    fake.addSheet("แบบ อบต. 1");
    await fake.type("แบบ อบต. 1", "A1", "ข้อมูลของฉัน");
    const refused = await createWorkbook(shippedRound("2563")!, sao, fake.host).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookRefused);
    expect(fake.cell("แบบ อบต. 1", "A1").content).toBe("ข้อมูลของฉัน");
  });
});
