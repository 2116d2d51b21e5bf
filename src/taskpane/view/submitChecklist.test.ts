import { document2568, KHLONG_THOM_TAI_TOWN, round, testRegister } from "../../../test/taskpane/fixtures";
import { completeDocument } from "../../../test/server/documents";
import { filledWorkbook, layoutCells } from "../../../test/taskpane/excelPane";
import { collectionLayout, compileRound } from "../../core";
import type { WorkbookProblem } from "../workbookPort";
import { submitChecklist } from "./submitChecklist";
import { workbookReport } from "./workbookReport";

const town = testRegister().get(KHLONG_THOM_TAI_TOWN)!;

/**
 * The checklist of a workbook with this document typed in, as the pane's port reads it; `problems`
 * stand for more that the reader could report (a layout changed by hand).
 */
async function checklistOf(document = document2568(), problems: WorkbookProblem[] = []) {
  const read = (await (await filledWorkbook(round("2568"), document)).port.readState())!;
  const state = { ...read, problems: [...read.problems, ...problems] };
  const report = workbookReport(state, [round("2568")], testRegister());
  if (!report.ok) throw new Error(report.reason);
  return submitChecklist(state, report.report, report.groups, report.compiled);
}

const complete = () => completeDocument(compileRound(round("2568")), town, 1);
const layout = layoutCells(round("2568"), town);

describe("the checklist before submitting", () => {
  it("lists every indicator not entered and every invalid cell, each with the cell to go to", async () => {
    const list = await checklistOf();
    const item = (id: string) => list.items.find((i) => i.id === id)!;
    expect(list.ready).toBe(false);
    expect(item("indicators").problems.map((p) => p.key)).toEqual(["2568-2-03", "2568-3-02", "2568-3-03"]);
    expect(item("indicators").problems[0]!.cell).toEqual(layout["2568-2-03"]!.value);
    // The invalid input itself: (2).
    expect(item("invalid").problems).toEqual([
      expect.objectContaining({ key: "2568-2-04", cell: layout["2568-2-04"]!.served }),
    ]);
    // แบบ 1 is empty: its four numbers and the preparer's three fields.
    expect(item("basic").problems).toHaveLength(4);
    expect(item("preparer").problems.map((p) => p.key)).toEqual([
      "basic.preparer.name",
      "basic.preparer.position",
      "basic.preparer.phone",
    ]);
  });

  it("names every (2) left blank beside a (1) > 0 and says to type - if the service was not provided", async () => {
    const doc = complete();
    doc.values["2568-2-01"] = { base: 1000 };
    doc.values["2568-1-02"] = { base: 60, served: "" };
    doc.values["2568-2-04"] = { base: 10, served: "-" }; // typed "-": not carried out, nothing to do
    const list = await checklistOf(doc);
    const indicators = list.items.find((i) => i.id === "indicators")!;
    expect(indicators.ok).toBe(false);
    expect(indicators.problems.map((p) => [p.key, p.cell])).toEqual([
      ["2568-1-02", layout["2568-1-02"]!.served],
      ["2568-2-01", layout["2568-2-01"]!.served],
    ]);
    for (const p of indicators.problems) {
      expect(p.message).toContain("พิมพ์ - ถ้าไม่ได้จัดบริการนี้");
      expect(p.messageEn).toContain("or - if the service was not provided");
    }
    expect(list.ready).toBe(false);
  });

  it("links แบบ 1's empty cells where the workbook reader found them", async () => {
    // The new workbook's แบบ 1 is empty: the reader reports each of its cells as not filled in.
    const list = await checklistOf(document2568());
    const population = list.items
      .find((i) => i.id === "basic")!
      .problems.find((p) => p.key === "basic.population");
    const basic = collectionLayout(round("2568"), town).sheets.find((s) => s.role === "basic")!;
    const cell = basic.cells.find((c) => c.input?.path === "basic.population")!;
    expect(population?.cell).toEqual({ sheet: basic.name, cell: cell.address });
  });

  it("counts a changed layout the reader reported as a cell to fix", async () => {
    const list = await checklistOf(complete(), [
      {
        indicatorId: "2568-1-01",
        sheet: "แบบ 1",
        cell: "A6",
        message: "รหัสตัวชี้วัดถูกแก้",
        messageEn: "id changed",
      },
    ]);
    expect(list.items.find((i) => i.id === "invalid")!.problems).toEqual([
      expect.objectContaining({ cell: { sheet: "แบบ 1", cell: "A6" }, message: "รหัสตัวชี้วัดถูกแก้" }),
    ]);
    expect(list.ready).toBe(false);
  });

  it("is ready when every indicator is entered and valid and แบบ 1 and the preparer are complete", async () => {
    const list = await checklistOf(complete());
    expect(list.items.map((i) => [i.id, i.ok])).toEqual([
      ["indicators", true],
      ["invalid", true],
      ["basic", true],
      ["preparer", true],
    ]);
    expect(list.ready).toBe(true);
  });
});
