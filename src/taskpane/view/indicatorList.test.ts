import { document2568, KHLONG_THOM_TAI_TOWN, round, testRegister } from "../../../test/taskpane/fixtures";
import { layoutCells } from "../../../test/taskpane/excelPane";
import { countByFilter, filterGroups, matchesSearch } from "./indicatorFilter";
import { cellForIndicator, workbookReport } from "./workbookReport";
import type { WorkbookState } from "../workbookPort";

const round2568 = round("2568");
const town = testRegister().get(KHLONG_THOM_TAI_TOWN)!;
const state = (overrides: Partial<WorkbookState> = {}): WorkbookState => ({
  round: "2568",
  lao: KHLONG_THOM_TAI_TOWN,
  document: document2568(),
  cells: layoutCells(round2568, town),
  problems: [],
  ...overrides,
});

function groups() {
  const report = workbookReport(state(), [round2568], testRegister());
  if (!report.ok) throw new Error(report.reason);
  return report.groups;
}

describe("workbookReport", () => {
  it("scores the workbook with the core and groups the rows by area in form order", () => {
    const g = groups();
    expect(g.map((a) => a.area.id)).toEqual(["1", "2", "3"]);
    expect(g.map((a) => a.rows.map((r) => `${r.id}:${r.status}`))).toEqual([
      ["2568-1-01:pass", "2568-1-02:below"],
      [
        "2568-2-01:no-service",
        "2568-2-02:not-done",
        "2568-2-03:incomplete",
        "2568-2-04:invalid",
        "2568-2-05:below",
      ],
      ["2568-3-01:pass", "2568-3-02:incomplete", "2568-3-03:incomplete"],
    ]);
    expect(g.map((a) => a.summary.passRate)).toEqual([0.5, 0, 1]);
  });

  it("uses the short text, the value and the target the core gives", () => {
    const [first, second] = groups()[0]!.rows;
    expect(first).toMatchObject({
      short: "โครงการส่งเสริมทักษะการเรียนรู้สำหรับประชาชน",
      value: 3,
      target: 2,
      provisional: true,
    });
    expect(second).toMatchObject({ value: 70, target: 80, kind: "satisfaction" });
    expect(first!.text).toContain("ที่เทศบาลดำเนินการเอง");
  });

  it("keeps the core's message and the field it is about for an invalid input", () => {
    const invalid = groups()[1]!.rows.find((r) => r.id === "2568-2-04")!;
    expect(invalid.field).toBe("served");
    expect(invalid.message).toContain("“12abc” มีตัวอักษรปนอยู่");
  });

  it("refuses a round it does not know, an LAO not in the register and a type the round does not cover", () => {
    const register = testRegister();
    expect(workbookReport(state({ round: "2599" }), [round2568], register)).toEqual({
      ok: false,
      reason: "unknown-round",
    });
    expect(workbookReport(state({ lao: "9999999" }), [round2568], register)).toEqual({
      ok: false,
      reason: "unknown-lao",
    });
    expect(workbookReport(state({ lao: "6810408" }), [round2568], register)).toEqual({
      ok: false,
      reason: "type-not-covered",
    });
  });
});

describe("cellForIndicator", () => {
  const cells = layoutCells(round2568, town);
  const row = (id: string) =>
    groups()
      .flatMap((g) => g.rows)
      .find((r) => r.id === id)!;

  it("selects the first input cell of a row", () => {
    expect(cellForIndicator(row("2568-1-01"), cells["2568-1-01"])).toEqual(cells["2568-1-01"]!.value);
    expect(cellForIndicator(row("2568-1-02"), cells["2568-1-02"])).toEqual(cells["2568-1-02"]!.base);
  });

  it("selects the input with the problem when there is one", () => {
    expect(cellForIndicator(row("2568-2-04"), cells["2568-2-04"])).toEqual(cells["2568-2-04"]!.served);
  });

  it("has nothing to select when the workbook has no row for the indicator", () => {
    expect(cellForIndicator(row("2568-1-01"), undefined)).toBeUndefined();
  });
});

describe("filters and search", () => {
  it("counts the rows of every filter", () => {
    expect(countByFilter(groups())).toEqual({
      all: 10,
      pass: 2,
      below: 2,
      "no-service": 1,
      "not-done": 1,
      incomplete: 3,
      invalid: 1,
      reported: 0, // satisfaction questions without a target: none in 2568
    });
  });

  it("keeps only the rows of one result and drops empty areas", () => {
    const below = filterGroups(groups(), "below", "");
    expect(below.map((g) => [g.area.id, g.rows.map((r) => r.id)])).toEqual([
      ["1", ["2568-1-02"]],
      ["2", ["2568-2-05"]],
    ]);
    expect(filterGroups(groups(), "all", "").flatMap((g) => g.rows)).toHaveLength(10);
  });

  it("finds rows by id, by Thai digits in the id, and by every word of the text", () => {
    const ids = (query: string) =>
      filterGroups(groups(), "all", query).flatMap((g) => g.rows.map((r) => r.id));
    expect(ids("2568-3")).toEqual(["2568-3-01", "2568-3-02", "2568-3-03"]);
    expect(ids("๒๕๖๘-๒-๐๔")).toEqual(["2568-2-04"]);
    expect(ids("ท่องเที่ยว โครงการ")).toEqual(["2568-2-02", "2568-2-03", "2568-2-05"]);
    expect(ids("ไม่มีคำนี้")).toEqual([]);
    expect(ids("  ")).toHaveLength(10);
  });

  it("combines the filter with the search", () => {
    const row = groups()[2]!.rows[0]!;
    expect(matchesSearch(row, "งบประมาณ")).toBe(true);
    expect(filterGroups(groups(), "incomplete", "งบประมาณ")).toEqual([]);
  });
});
