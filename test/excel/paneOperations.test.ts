/// <reference types="office-js" />
/**
 * What the task pane asks of Excel besides building and reading the workbook: which workbook is
 * open (its metadata), jumping to a cell, recalculating, a change that cannot be taken in, and
 * the summary sheet with its chart. Over the Office.js test double (real load/sync semantics), counting syncs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  LaoRegister,
  layoutRows,
  collectionLayout,
  META_CELLS,
  META_SHEET,
  parseRegisterCsv,
  shippedRound,
  STATUS_COLOURS,
  type SubmissionDocument,
} from "../../src/core";
import {
  createWorkbook,
  insertSummarySheet,
  onChanged,
  readWorkbookMeta,
  recalculateAll,
  selectCell,
  SUMMARY_NAME,
  WorkbookRefused,
} from "../../src/excel";
import { candidateNames, sheetOfReference } from "../../src/excel/ownedSheet";
import { placeSummary } from "../../src/excel/summarySheet";
import { document2568, KHLONG_THOM_TAI_TOWN, summaryOf } from "../taskpane/fixtures";
import { formatRange, parseRange } from "../office-double/address";
import { nodeWorkbook, type NodeWorkbook } from "../office-double/nodeWorkbook";

const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../data/lao-registry.csv"), "utf8")),
);
const town = register.get(KHLONG_THOM_TAI_TOWN)!;
const round = shippedRound("2568")!;

/** A 2568 workbook where area 3 has nothing assessed yet (no pass rate, so no bar). */
function withoutArea3(): SubmissionDocument {
  const doc = document2568();
  const values = Object.fromEntries(Object.entries(doc.values).filter(([id]) => !id.startsWith("2568-3-")));
  return { ...doc, values };
}

async function created(): Promise<NodeWorkbook> {
  const excel = nodeWorkbook();
  await createWorkbook(round, town, excel.host);
  return excel;
}

/** A range of a sheet as the double writes addresses: "'สรุปผล'!A5:B9". */
const on = (sheet: string, address: string): string => formatRange(sheet, parseRange(address)!);

describe("which workbook is open", () => {
  it("is none for a workbook without the metadata sheet, after one round trip", async () => {
    const excel = nodeWorkbook();
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    await expect(readWorkbookMeta(excel.host)).resolves.toBeNull();
    expect(excel.syncs()).toBe(1);
  });

  it("names the round and LAO a collection workbook was built for, in two round trips", async () => {
    const excel = await created();
    const before = excel.syncs();
    await expect(readWorkbookMeta(excel.host)).resolves.toEqual(
      expect.objectContaining({
        round: "2568",
        lao: KHLONG_THOM_TAI_TOWN,
        laoType: "subdistrict",
        version: 1,
      }),
    );
    expect(excel.syncs() - before).toBe(2);
  });

  it("refuses, in Thai, a metadata sheet MinStd did not write", async () => {
    const excel = nodeWorkbook();
    await excel.addSheet(META_SHEET);
    await excel.type(META_SHEET, META_CELLS.format, "something else");
    const refused = await readWorkbookMeta(excel.host).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookRefused);
    expect((refused as WorkbookRefused).message).toContain("ไม่ใช่แบบรวบรวมข้อมูลของ MinStd");
  });
});

describe("jumping to a cell and recalculating", () => {
  it("activates the sheet and selects the cell in one round trip", async () => {
    const excel = await created();
    const row = layoutRows(collectionLayout(round, town)).at(-1)!;
    const before = excel.syncs();
    await selectCell(row.sheet, row.value ?? row.base!, excel.host);
    expect(excel.syncs() - before).toBe(1);
    expect(excel.model.activeSheetId).toBe(excel.sheet(row.sheet).id);
    expect(excel.excel.selection()).toBe(on(row.sheet, row.value ?? row.base!));
  });

  it("recalculates the whole workbook in one round trip", async () => {
    const excel = await created();
    const before = excel.syncs();
    expect(excel.model.calculateRequests).toEqual([]);
    await recalculateAll(excel.host);
    expect(excel.model.calculateRequests).toEqual(["Full"]);
    expect(excel.syncs() - before).toBe(1);
  });
});

describe("a change the watch cannot take in", () => {
  it("is reported to onError (an indicator id typed over) and watching goes on", async () => {
    const excel = await created();
    const rows = layoutRows(collectionLayout(round, town));
    const errors: unknown[] = [];
    const seen: number[] = [];
    const watch = await onChanged(
      round,
      town,
      (scan) => seen.push(scan.report.results.length),
      excel.host,
      (e) => errors.push(e),
    );
    // The id cells are locked; a sheet someone unprotected lets them be typed over.
    excel.sheet(rows[0]!.sheet).protected = false;
    await excel.type(rows[0]!.sheet, rows[0]!.idCell, "ไม่ใช่รหัส");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WorkbookRefused);
    expect(seen).toEqual([]);
    await excel.type(rows[0]!.sheet, rows[0]!.idCell, rows[0]!.id);
    expect(seen).toEqual([rows.length]);
    await watch.stop();
  });
});

describe("the summary sheet", () => {
  it("places the blocks top to bottom, leaving the chart its rows", () => {
    const model = summaryOf(document2568());
    const at = placeSummary(model);
    expect(at.subtitle).toEqual({ first: 2, last: 4 });
    expect(at.areas.last - at.areas.first + 1).toBe(model.areas.rows.length);
    expect(at.chart.top).toBe(at.areas.total + 2);
    expect(at.results.first - at.results.header).toBe(1);
    expect(at.results.last - at.results.first + 1).toBe(model.results.rows.length);
    expect(at.notes.first).toBe(at.results.last + 2);
  });

  it("writes the title, the area counts, the chart and the results in two round trips, and shows the sheet", async () => {
    const excel = await created();
    const model = summaryOf(withoutArea3());
    const at = placeSummary(model);
    const before = excel.syncs();
    await expect(insertSummarySheet(model, excel.host)).resolves.toBe("สรุปผล");
    expect(excel.syncs() - before).toBe(2);
    expect(excel.model.activeSheetId).toBe(excel.sheet("สรุปผล").id);
    const shown = (address: string): unknown => excel.shown("สรุปผล", address);
    const merged = excel.sheet("สรุปผล").merged;
    expect(shown("A1")).toBe("สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้");
    expect(shown("A4")).toBe("ข้อมูล ณ วันที่ 20 สิงหาคม 2568 เวลา 14.30 น.");
    // Areas table: the title over A:B, then the counts; the total row last.
    expect(shown(`A${at.areas.header}`)).toBe("ด้าน");
    expect(shown(`J${at.areas.header}`)).toBe("ร้อยละที่ผ่าน");
    expect(shown(`A${at.areas.first}`)).toBe(model.areas.rows[0]![0]);
    expect(shown(`C${at.areas.first}`)).toBe(model.areas.rows[0]![1]);
    expect(shown(`J${at.areas.last}`)).toBe("-");
    expect(shown(`A${at.areas.total}`)).toBe("รวม");
    expect(merged).toContain(`${on("สรุปผล", `A${at.areas.header}:B${at.areas.total}`)} across`);
    expect(excel.cell("สรุปผล", `J${at.areas.first}`).numberFormat).toBe("0.00");
    // Results: one row per table row, area bands merged, results coloured by status.
    expect(shown(`G${at.results.header}`)).toBe("ผลการประเมิน");
    model.results.rows.forEach((row, i) => {
      const r = at.results.first + i;
      expect(shown(`A${r}`)).toBe(row.cells[0] ?? "");
      if (row.kind === "area") expect(merged).toContain(on("สรุปผล", `A${r}:G${r}`));
      if (row.status) {
        expect(shown(`G${r}`)).toBe(row.cells[6]);
        expect(excel.cell("สรุปผล", `G${r}`).format["fill.color"]).toBe(`#${STATUS_COLOURS[row.status][0]}`);
      }
    });
    expect(shown(`A${at.notes.first}`)).toBe(model.notes[0]);
    expect(excel.model.names.get(SUMMARY_NAME.toLowerCase())?.formula).toBe("='สรุปผล'!$A$1");
  });

  it("adds the satisfaction printout (แบบ 3) after the results when the round has questions without a target", async () => {
    const excel = await created();
    const model = summaryOf({
      round: "2564",
      lao: town.code,
      values: { "2564-S-01": { base: 60, served: 46 } },
    });
    const at = placeSummary(model);
    expect(summaryOf(document2568()).satisfaction).toBeUndefined();
    expect(at.satisfaction!.heading).toBe(at.results.last + 2);
    expect(at.notes.first).toBe(at.satisfaction!.last + 2);
    await insertSummarySheet(model, excel.host);
    const shown = (address: string): unknown => excel.shown("สรุปผล", address);
    const s = at.satisfaction!;
    expect(shown(`A${s.heading}`)).toBe("สรุปผลการประเมินความพึงพอใจของประชาชน");
    expect(shown(`E${s.header}`)).toBe("ปรับปรุง (ร้อยละ)");
    expect(shown(`A${s.first}`)).toBe("ความพึงพอใจของประชาชน ด้านโครงสร้างพื้นฐาน");
    expect(excel.sheet("สรุปผล").merged).toContain(on("สรุปผล", `A${s.first}:E${s.first}`));
    expect([1, 2, 3, 4].map((c) => shown(`${"BCDE"[c - 1]}${s.first + 1}`))).toEqual([
      46,
      "76.67%",
      14,
      "23.33%",
    ]);
    expect(shown(`A${at.notes.first}`)).toBe(model.notes[0]);
  });

  it("charts the pass rate by area: clustered columns from the rate column, 0 to 100, no label for an area without a rate", async () => {
    const excel = await created();
    const model = summaryOf(withoutArea3());
    const at = placeSummary(model);
    await insertSummarySheet(model, excel.host);
    const [chart, ...others] = excel.sheet("สรุปผล").charts;
    expect(others).toEqual([]);
    expect(chart).toEqual(
      expect.objectContaining({
        name: "MinStd_PassRateChart",
        type: "ColumnClustered",
        seriesBy: "Columns",
        source: `'สรุปผล'!J${at.areas.first}:J${at.areas.last}`,
        position: { start: `A${at.chart.top}`, end: `B${at.chart.bottom}` },
        title: model.chart.title,
        legendVisible: false,
        valueAxis: expect.objectContaining({ minimum: 0, maximum: 100, title: "ร้อยละ" }),
      }),
    );
    const [series, ...moreSeries] = chart!.series;
    expect(moreSeries).toEqual([]);
    expect(series).toEqual(
      expect.objectContaining({
        name: "ร้อยละที่ผ่าน",
        values: `'สรุปผล'!J${at.areas.first}:J${at.areas.last}`,
        xValues: `'สรุปผล'!A${at.areas.first}:A${at.areas.last}`,
        hasDataLabels: true,
      }),
    );
    expect(model.chart.values.at(-1)).toBeNull();
    expect(series!.pointLabels).toEqual({ [model.chart.values.length - 1]: false });
  });

  it("replaces the summary sheet it wrote before, and never a sheet the officer named the same", async () => {
    const excel = await created();
    await excel.addSheet("สรุปผล");
    await excel.type("สรุปผล", "A1", "บันทึกของฉัน");
    await expect(insertSummarySheet(summaryOf(document2568()), excel.host)).resolves.toBe("สรุปผล (2)");
    await expect(insertSummarySheet(summaryOf(withoutArea3()), excel.host)).resolves.toBe("สรุปผล (2)");
    expect(excel.shown("สรุปผล", "A1")).toBe("บันทึกของฉัน");
    expect(excel.model.sheets.map((s) => s.name).filter((s) => s.startsWith("สรุปผล"))).toEqual([
      "สรุปผล",
      "สรุปผล (2)",
    ]);
    expect(excel.sheet("สรุปผล (2)").charts).toHaveLength(1);
    expect(excel.model.names.get(SUMMARY_NAME.toLowerCase())?.formula).toBe("='สรุปผล (2)'!$A$1");
  });

  it("reads the sheet a name refers to, quoted or not, and offers numbered names", () => {
    expect(sheetOfReference("='สรุปผล (2)'!$A$1")).toBe("สรุปผล (2)");
    expect(sheetOfReference("=Summary!$A$1")).toBe("Summary");
    expect(sheetOfReference("='it''s'!$A$1")).toBe("it's");
    expect(sheetOfReference("=#REF!")).toBeUndefined();
    expect(candidateNames("สรุปผล", 3)).toEqual(["สรุปผล", "สรุปผล (2)", "สรุปผล (3)"]);
  });
});
