/**
 * The pane's port over the Office.js test double (real load/sync semantics, formulas calculated by
 * the real MINSTD.* functions), the collection workbook built by the real writer.
 */
import {
  collectionLayout,
  compileRound,
  evaluateSubmission,
  layoutRows,
  type Lao,
  type Round,
} from "../core";
import { registerRounds, registeredRounds, unregisterRounds } from "../addin/roundRegistry";
import { generatedRound } from "../core/rules/generatedRound";
import { buildSummarySheet } from "../core/reports/summarySheet";
import { associateAddinFunctions } from "../../test/office-double/addinFunctions";
import golden from "../functions/functions.golden.json";
import { KHLONG_THOM_TAI_TOWN, round as shipped, testRegister } from "../../test/taskpane/fixtures";
import { doubleHost } from "../../test/office-double/host";
import { installOfficeDouble } from "../../test/office-double/install";
import { ExcelWorkbookPort, WorkbookError } from "./excelWorkbookPort";
import { mapStorage } from "../../test/office-double/mapStorage";

const town: Lao = testRegister().get(KHLONG_THOM_TAI_TOWN)!;
const round2568 = shipped("2568");

function setup(options: { rounds?: () => readonly Round[] } = {}) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const win: any = { localStorage: mapStorage() };
  const excel = installOfficeDouble(win, { metadata: golden });
  associateAddinFunctions(win);
  const host = doubleHost(win);
  let registerLoads = 0;
  const port = new ExcelWorkbookPort({
    host,
    loadRegister: async () => {
      registerLoads += 1;
      return testRegister();
    },
    supported: () => true,
    ...options,
  });
  const changes = jest.fn();
  port.subscribe(changes);
  return { excel, port, changes, registerLoads: () => registerLoads };
}

afterEach(() => unregisterRounds(registeredRounds().map((r) => r.id)));

describe("the Excel workbook port", () => {
  it("reads an empty workbook as not set up, in one round trip, without loading the register", async () => {
    const { excel, port, registerLoads } = setup();
    await expect(port.readState()).resolves.toBeNull();
    expect(excel.syncCount()).toBe(1);
    expect(registerLoads()).toBe(0);
    await port.dispose();
  });

  it("builds the workbook, then reads its round, LAO, cells and values; MINSTD.* formulas show the official labels", async () => {
    const { excel, port } = setup();
    await port.createWorkbook(round2568, town);
    expect(excel.sheetNames()).toEqual(expect.arrayContaining(["แบบเทศบาล 1", "แบบเทศบาล 2-1", "MinStd"]));
    const layout = collectionLayout(round2568, town);
    const rows = layoutRows(layout);
    const state = (await port.readState())!;
    expect(state).toMatchObject({ round: "2568", lao: KHLONG_THOM_TAI_TOWN });
    // A new workbook: แบบ 1's cells are only empty yet, to fill in rather than to fix.
    expect(state.problems.length).toBeGreaterThan(0);
    expect(state.problems.every((p) => p.notFilled === true && p.sheet === "แบบเทศบาล 1")).toBe(true);
    expect(Object.keys(state.cells).sort()).toEqual(rows.map((r) => r.id).sort());
    const count = rows.find((r) => r.kind === "count")!;
    expect(state.cells[count.id]).toEqual({ value: { sheet: count.sheet, cell: count.value } });
    const ratio = rows.find((r) => r.kind === "ratio")!;
    expect(state.cells[ratio.id]).toEqual({
      base: { sheet: ratio.sheet, cell: ratio.base },
      served: { sheet: ratio.sheet, cell: ratio.served },
    });
    expect(excel.typeInto(`'${ratio.sheet}'!${ratio.base}`, "๑๐๐")).toEqual({
      ok: true,
      alert: expect.any(String),
    });
    expect(excel.typeInto(`'${ratio.sheet}'!${ratio.served}`, "90")).toEqual({ ok: true });
    expect(excel.values(`'${ratio.sheet}'!${ratio.result}`)).toEqual([["ผ่านค่าเป้าหมายขั้นต่ำ"]]);
    await port.dispose();
  });

  it("re-reads only the changed cell on each edit (one round trip), tells subscribers, and answers readState from the watch", async () => {
    const { excel, port, changes } = setup();
    await port.createWorkbook(round2568, town);
    await port.readState();
    changes.mockClear();
    const count = layoutRows(collectionLayout(round2568, town)).find((r) => r.kind === "count")!;
    const before = excel.syncCount();
    excel.typeInto(`'${count.sheet}'!${count.value}`, "๓");
    await excel.handled();
    expect(excel.syncCount() - before).toBe(1);
    expect(changes).toHaveBeenCalledTimes(1);
    const state = (await port.readState())!;
    expect(state.document.values[count.id]).toEqual({ value: "๓" });
    expect(excel.syncCount() - before).toBe(1);
    await port.dispose();
    excel.typeInto(`'${count.sheet}'!${count.value}`, "4");
    await excel.handled();
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it("applies the current template again to a workbook built before the portable formulas, keeping every typed value", async () => {
    const { excel, port } = setup();
    await port.createWorkbook(round2568, town);
    await port.dispose();
    const ratio = layoutRows(collectionLayout(round2568, town)).find((r) => r.kind === "ratio")!;
    excel.typeInto(`'${ratio.sheet}'!${ratio.base}`, "๑๐๐");
    excel.typeInto(`'${ratio.sheet}'!${ratio.served}`, "90");
    // What an earlier MinStd wrote: the add-in's call alone, and no MinStd_AddIn.
    const plain = `=MINSTD.CHECK("${ratio.id}",IF(ISBLANK(${ratio.served}),"",${ratio.served}),IF(ISBLANK(${ratio.base}),"",${ratio.base}),MinStd_LaoType)`;
    const sheet = excel.model.sheetByName(ratio.sheet)!;
    const at = excel.model.cell(sheet, Number(ratio.result.slice(1)), 7);
    at.formula = plain;
    excel.model.names.delete("minstd_addin");
    const fresh = new ExcelWorkbookPort({
      host: port["host"],
      loadRegister: async () => testRegister(),
      supported: () => true,
    });
    const state = (await fresh.readState())!;
    expect(state.document.values[ratio.id]).toEqual({ base: "๑๐๐", served: 90 });
    expect(excel.formula(`'${ratio.sheet}'!${ratio.result}`)).toMatch(/^=IF\(ISERROR\(MinStd_AddIn\),/);
    expect(excel.model.names.has("minstd_addin")).toBe(true);
    expect(excel.values(`'${ratio.sheet}'!${ratio.result}`)).toEqual([["ผ่านค่าเป้าหมายขั้นต่ำ"]]);
    await fresh.dispose();
  });

  it("selects a cell, activating its sheet", async () => {
    const { excel, port } = setup();
    await port.createWorkbook(round2568, town);
    await port.selectCell("แบบเทศบาล 2-2", "E7");
    expect(excel.selection()).toBe("'แบบเทศบาล 2-2'!E7");
    await port.dispose();
  });

  it("inserts the summary sheet with its chart and says which sheet it wrote", async () => {
    const { excel, port } = setup();
    await port.createWorkbook(round2568, town);
    const state = (await port.readState())!;
    const compiled = compileRound(round2568);
    const report = evaluateSubmission(state.document, compiled, town);
    const model = buildSummarySheet(
      compiled,
      town,
      state.document,
      report,
      new Date("2025-08-20T10:00:00+07:00"),
    );
    await expect(port.insertSummarySheet(model)).resolves.toBe("สรุปผล");
    expect(excel.model.sheetByName("สรุปผล")!.charts).toHaveLength(1);
    expect(excel.values("'สรุปผล'!A1")).toEqual([[model.title]]);
    await port.dispose();
  });

  it("names a workbook of a round it does not know, and reads it in full once the round is registered", async () => {
    const g = generatedRound(24, "G24");
    const { port, changes } = setup();
    registerRounds([g]);
    await port.createWorkbook(g, town);
    unregisterRounds(["G24"]);
    const unknown = (await port.readState())!;
    expect(unknown).toMatchObject({ round: "G24", lao: KHLONG_THOM_TAI_TOWN, cells: {} });
    changes.mockClear();
    registerRounds([g]);
    expect(changes).toHaveBeenCalled();
    const known = (await port.readState())!;
    expect(Object.keys(known.cells)).toHaveLength(24);
    await port.dispose();
  });

  it("says in Thai what is wrong when a change breaks the layout, and reads again once it is put back", async () => {
    const { excel, port, changes } = setup();
    await port.createWorkbook(round2568, town);
    await port.readState();
    const row = layoutRows(collectionLayout(round2568, town))[0]!;
    excel.model.sheetByName(row.sheet)!.protected = false;
    changes.mockClear();
    excel.typeInto(`'${row.sheet}'!${row.idCell}`, "ไม่ใช่รหัส");
    await excel.handled();
    expect(changes).toHaveBeenCalled();
    const refused = await port.readState().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookError);
    expect((refused as WorkbookError).th).toContain(`ต้องเป็นรหัสตัวชี้วัด ${row.id}`);
    excel.typeInto(`'${row.sheet}'!${row.idCell}`, row.id);
    await expect(port.readState()).resolves.toMatchObject({ round: "2568" });
    await port.dispose();
  });

  it("refuses, in Thai, to build a workbook over another LAO's", async () => {
    const { port } = setup();
    await port.createWorkbook(round2568, town);
    const other = testRegister().all.find((l) => l.type === town.type && l.code !== town.code)!;
    const refused = await port.createWorkbook(round2568, other).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookError);
    expect((refused as WorkbookError).th).toContain(`รหัส อปท. ${town.code}`);
    await port.dispose();
  });
});
