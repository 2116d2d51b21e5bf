/// <reference types="office-js" />
/**
 * What the task pane asks of Excel besides building and reading the workbook: which workbook is
 * open (its metadata), jumping to a cell, recalculating, a change that cannot be taken in, and
 * the summary sheet with its chart. On office-addin-mock objects (FakeExcel), counting syncs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  compileRound,
  evaluateSubmission,
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
import { buildSummarySheet } from "../../src/core/reports/summarySheet";
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
import { document2568, KHLONG_THOM_TAI_TOWN } from "../taskpane/fixtures";
import { FakeExcel } from "./fakeExcel";

const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../data/lao-registry.csv"), "utf8")),
);
const town = register.get(KHLONG_THOM_TAI_TOWN)!;
const round = shippedRound("2568")!;
const compiled = compileRound(round);
const NOW = new Date("2025-08-20T14:30:00+07:00");

function summaryOf(document: SubmissionDocument) {
  return buildSummarySheet(compiled, town, document, evaluateSubmission(document, compiled, town), NOW);
}

/** A 2568 workbook where area 3 has nothing assessed yet (no pass rate, so no bar). */
function withoutArea3(): SubmissionDocument {
  const doc = document2568();
  const values = Object.fromEntries(Object.entries(doc.values).filter(([id]) => !id.startsWith("2568-3-")));
  return { ...doc, values };
}

async function created(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await createWorkbook(round, town, fake.host);
  return fake;
}

describe("which workbook is open", () => {
  it("is none for a workbook without the metadata sheet, after one round trip", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const sync = jest.spyOn(fake.context, "sync");
    await expect(readWorkbookMeta(fake.host)).resolves.toBeNull();
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it("names the round and LAO a collection workbook was built for, in two round trips", async () => {
    const fake = await created();
    const sync = jest.spyOn(fake.context, "sync");
    sync.mockClear();
    await expect(readWorkbookMeta(fake.host)).resolves.toEqual(
      expect.objectContaining({
        round: "2568",
        lao: KHLONG_THOM_TAI_TOWN,
        laoType: "subdistrict",
        version: 1,
      }),
    );
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it("refuses, in Thai, a metadata sheet MinStd did not write", async () => {
    const fake = new FakeExcel();
    fake.addSheet(META_SHEET);
    await fake.type(META_SHEET, META_CELLS.format, "something else");
    const refused = await readWorkbookMeta(fake.host).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookRefused);
    expect((refused as WorkbookRefused).message).toContain("ไม่ใช่แบบรวบรวมข้อมูลของ MinStd");
  });
});

describe("jumping to a cell and recalculating", () => {
  it("activates the sheet and selects the cell in one round trip", async () => {
    const fake = await created();
    const row = layoutRows(collectionLayout(round, town)).at(-1)!;
    const sync = jest.spyOn(fake.context, "sync");
    sync.mockClear();
    await selectCell(row.sheet, row.value ?? row.base!, fake.host);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fake.active).toBe(row.sheet);
    expect(fake.selection).toBe(`${row.sheet}!${row.value ?? row.base!}`);
  });

  it("recalculates the whole workbook in one round trip", async () => {
    const fake = await created();
    const sync = jest.spyOn(fake.context, "sync");
    sync.mockClear();
    await recalculateAll(fake.host);
    expect(fake.recalculations).toBe(1);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe("a change the watch cannot take in", () => {
  it("is reported to onError (an indicator id typed over) and watching goes on", async () => {
    const fake = await created();
    const rows = layoutRows(collectionLayout(round, town));
    const errors: unknown[] = [];
    const seen: number[] = [];
    const watch = await onChanged(
      round,
      town,
      (scan) => seen.push(scan.report.results.length),
      fake.host,
      (e) => errors.push(e),
    );
    // The id cells are locked; a sheet someone unprotected lets them be typed over.
    fake.sheets.get(rows[0]!.sheet)!.protected = false;
    await fake.type(rows[0]!.sheet, rows[0]!.idCell, "ไม่ใช่รหัส");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WorkbookRefused);
    expect(seen).toEqual([]);
    await fake.type(rows[0]!.sheet, rows[0]!.idCell, rows[0]!.id);
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
    const fake = await created();
    const model = summaryOf(withoutArea3());
    const at = placeSummary(model);
    const sync = jest.spyOn(fake.context, "sync");
    sync.mockClear();
    await expect(insertSummarySheet(model, fake.host)).resolves.toBe("สรุปผล");
    expect(sync).toHaveBeenCalledTimes(2);
    expect(fake.active).toBe("สรุปผล");
    const shown = (address: string): unknown => fake.shown("สรุปผล", address);
    expect(shown("A1")).toBe("สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้");
    expect(shown("A4")).toBe("ข้อมูล ณ วันที่ 20 สิงหาคม 2568 เวลา 14.30 น.");
    // Areas table: the title over A:B, then the counts; the total row last.
    expect(shown(`A${at.areas.header}`)).toBe("ด้าน");
    expect(shown(`J${at.areas.header}`)).toBe("ร้อยละที่ผ่าน");
    expect(shown(`A${at.areas.first}`)).toBe(model.areas.rows[0]![0]);
    expect(shown(`C${at.areas.first}`)).toBe(model.areas.rows[0]![1]);
    expect(shown(`J${at.areas.last}`)).toBe("-");
    expect(shown(`A${at.areas.total}`)).toBe("รวม");
    expect(fake.sheets.get("สรุปผล")!.merges).toContain(`A${at.areas.header}:B${at.areas.total} across`);
    expect(fake.cell("สรุปผล", `J${at.areas.first}`).numberFormat).toBe("0.00");
    // Results: one row per table row, area bands merged, results coloured by status.
    expect(shown(`G${at.results.header}`)).toBe("ผลการประเมิน");
    model.results.rows.forEach((row, i) => {
      const r = at.results.first + i;
      expect(shown(`A${r}`)).toBe(row.cells[0] ?? "");
      if (row.kind === "area") expect(fake.sheets.get("สรุปผล")!.merges).toContain(`A${r}:G${r}`);
      if (row.status) {
        expect(shown(`G${r}`)).toBe(row.cells[6]);
        expect(fake.cell("สรุปผล", `G${r}`).format["format.fill.color"]).toBe(
          `#${STATUS_COLOURS[row.status][0]}`,
        );
      }
    });
    expect(shown(`A${at.notes.first}`)).toBe(model.notes[0]);
    expect(fake.names.get(SUMMARY_NAME)?.reference).toBe("='สรุปผล'!$A$1");
  });

  it("adds the satisfaction printout (แบบ 3) after the results when the round has questions without a target", async () => {
    const fake = await created();
    const r2564 = compileRound(shippedRound("2564")!);
    const doc: SubmissionDocument = {
      round: "2564",
      lao: town.code,
      values: { "2564-S-01": { base: 60, served: 46 } },
    };
    const model = buildSummarySheet(r2564, town, doc, evaluateSubmission(doc, r2564, town), NOW);
    const at = placeSummary(model);
    expect(summaryOf(document2568()).satisfaction).toBeUndefined();
    expect(at.satisfaction!.heading).toBe(at.results.last + 2);
    expect(at.notes.first).toBe(at.satisfaction!.last + 2);
    await insertSummarySheet(model, fake.host);
    const shown = (address: string): unknown => fake.shown("สรุปผล", address);
    const s = at.satisfaction!;
    expect(shown(`A${s.heading}`)).toBe("สรุปผลการประเมินความพึงพอใจของประชาชน");
    expect(shown(`E${s.header}`)).toBe("ปรับปรุง (ร้อยละ)");
    expect(shown(`A${s.first}`)).toBe("ความพึงพอใจของประชาชน ด้านโครงสร้างพื้นฐาน");
    expect(fake.sheets.get("สรุปผล")!.merges).toContain(`A${s.first}:E${s.first}`);
    expect([1, 2, 3, 4].map((c) => shown(`${"BCDE"[c - 1]}${s.first + 1}`))).toEqual([
      46,
      "76.67%",
      14,
      "23.33%",
    ]);
    expect(shown(`A${at.notes.first}`)).toBe(model.notes[0]);
  });

  it("charts the pass rate by area: clustered columns from the rate column, 0 to 100, no label for an area without a rate", async () => {
    const fake = await created();
    const model = summaryOf(withoutArea3());
    const at = placeSummary(model);
    await insertSummarySheet(model, fake.host);
    const [chart, ...others] = fake.sheets.get("สรุปผล")!.charts;
    expect(others).toEqual([]);
    expect(chart).toEqual(
      expect.objectContaining({
        type: "ColumnClustered",
        seriesBy: "Columns",
        source: `'สรุปผล'!J${at.areas.first}:J${at.areas.last}`,
        xValues: `'สรุปผล'!A${at.areas.first}:A${at.areas.last}`,
        position: [`A${at.chart.top}`, `B${at.chart.bottom}`],
      }),
    );
    expect(chart!.props).toEqual(
      expect.objectContaining({
        name: "MinStd_PassRateChart",
        "title.text": model.chart.title,
        "legend.visible": false,
        "axes.valueAxis.minimum": 0,
        "axes.valueAxis.maximum": 100,
        "axes.valueAxis.title.text": "ร้อยละ",
        "series.name": "ร้อยละที่ผ่าน",
        "series.hasDataLabels": true,
      }),
    );
    expect(model.chart.values.at(-1)).toBeNull();
    expect([...chart!.pointLabels]).toEqual([[model.chart.values.length - 1, false]]);
  });

  it("replaces the summary sheet it wrote before, and never a sheet the officer named the same", async () => {
    const fake = await created();
    fake.addSheet("สรุปผล");
    await fake.type("สรุปผล", "A1", "บันทึกของฉัน");
    await expect(insertSummarySheet(summaryOf(document2568()), fake.host)).resolves.toBe("สรุปผล (2)");
    await expect(insertSummarySheet(summaryOf(withoutArea3()), fake.host)).resolves.toBe("สรุปผล (2)");
    expect(fake.shown("สรุปผล", "A1")).toBe("บันทึกของฉัน");
    expect([...fake.sheets.keys()].filter((s) => s.startsWith("สรุปผล"))).toEqual(["สรุปผล", "สรุปผล (2)"]);
    expect(fake.sheets.get("สรุปผล (2)")!.charts).toHaveLength(1);
    expect(fake.names.get(SUMMARY_NAME)?.reference).toBe("='สรุปผล (2)'!$A$1");
  });

  it("reads the sheet a name refers to, quoted or not, and offers numbered names", () => {
    expect(sheetOfReference("='สรุปผล (2)'!$A$1")).toBe("สรุปผล (2)");
    expect(sheetOfReference("=Summary!$A$1")).toBe("Summary");
    expect(sheetOfReference("='it''s'!$A$1")).toBe("it's");
    expect(sheetOfReference("=#REF!")).toBeUndefined();
    expect(candidateNames("สรุปผล", 3)).toEqual(["สรุปผล", "สรุปผล (2)", "สรุปผล (3)"]);
  });
});
