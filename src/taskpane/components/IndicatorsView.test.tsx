import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { document2568, round } from "../../../test/taskpane/fixtures";
import { shippedRound } from "../../core";
import { filledWorkbook, type PaneWorkbook } from "../../../test/taskpane/excelPane";
import { renderApp } from "../../../test/taskpane/render";

/** The indicator buttons in the list, as "id → status label". */
function shownRows(): string[] {
  return screen
    .getAllByRole("listitem")
    .map((li) => li.querySelector("[data-indicator]")!)
    .map((b) => `${b.getAttribute("data-indicator")} → ${b.querySelector("[data-status]")!.textContent}`);
}

const item = (id: string) => document.querySelector<HTMLButtonElement>(`[data-indicator="${id}"]`)!;

async function openPane() {
  const user = userEvent.setup();
  const result = renderApp(await filledWorkbook(round("2568"), document2568()));
  await screen.findByRole("button", { name: "ตัวชี้วัด" });
  return { user, ...result };
}

describe("the indicators view", () => {
  it("groups the indicators by area, each with its official result label", async () => {
    await openPane();
    const areas = screen.getAllByRole("region").filter((r) => r.hasAttribute("data-area"));
    expect(areas.map((a) => within(a).getByRole("heading", { level: 3 }).textContent)).toEqual([
      "แบบ 2-1 ด้านการศึกษา",
      "แบบ 2-2 ด้านการส่งเสริมเศรษฐกิจชุมชน อาชีพ และการท่องเที่ยว",
      "แบบ 2-3 ด้านการบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    ]);
    expect(within(areas[0]!).getByText("ผ่าน 1 จาก 2 ที่ประเมินได้ · ทั้งหมด 2 ตัวชี้วัด")).toBeInTheDocument();
    expect(shownRows()).toEqual([
      "2568-1-01 → ผ่านค่าเป้าหมายขั้นต่ำ",
      "2568-1-02 → การพัฒนาในอนาคต",
      "2568-2-01 → ไม่มีบริการสาธารณะ",
      "2568-2-02 → ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2567",
      "2568-2-03 → ยังไม่ได้กรอกข้อมูล",
      "2568-2-04 → ข้อมูลไม่ถูกต้อง",
      "2568-2-05 → การพัฒนาในอนาคต",
      "2568-3-01 → ผ่านค่าเป้าหมายขั้นต่ำ",
      "2568-3-02 → ยังไม่ได้กรอกข้อมูล",
      "2568-3-03 → ยังไม่ได้กรอกข้อมูล",
    ]);
  });

  it("shows the id, short text, value and target, marking provisional targets", async () => {
    await openPane();
    expect(item("2568-1-01")).toHaveTextContent("โครงการส่งเสริมทักษะการเรียนรู้สำหรับประชาชน");
    expect(item("2568-1-01")).toHaveTextContent("ผล: 3 โครงการ · เป้าหมาย: ≥ 2 โครงการ*");
    expect(item("2568-1-02")).toHaveTextContent("ผล: 70.00% · เป้าหมาย: ≥ 80%*");
    expect(item("2568-2-03")).toHaveTextContent("ผล: ยังไม่กรอก");
    // Screen readers hear what the star means.
    expect(item("2568-1-02")).toHaveAccessibleName(/\(ค่าเป้าหมายชั่วคราว\)/);
    expect(screen.getByText(/^\* ค่าเป้าหมายชั่วคราว/)).toBeInTheDocument();
    // The core's message says what to fix in an invalid input.
    expect(item("2568-2-04")).toHaveTextContent("“12abc” มีตัวอักษรปนอยู่ — พิมพ์เฉพาะตัวเลข");
  });

  it("gives every status badge a colour and always the label text", async () => {
    await openPane();
    const badge = (id: string) => item(id).querySelector("[data-status]")!;
    expect(badge("2568-1-01").className).not.toBe(badge("2568-1-02").className);
    for (const b of document.querySelectorAll("[data-status]"))
      expect(b.textContent!.length).toBeGreaterThan(5);
  });

  it.each([
    ["ผ่าน (2)", ["2568-1-01", "2568-3-01"]],
    ["การพัฒนาในอนาคต (2)", ["2568-1-02", "2568-2-05"]],
    ["ไม่มีบริการสาธารณะ (1)", ["2568-2-01"]],
    ["ไม่ได้ดำเนินการ (1)", ["2568-2-02"]],
    ["ยังไม่กรอก (3)", ["2568-2-03", "2568-3-02", "2568-3-03"]],
    ["ข้อมูลไม่ถูกต้อง (1)", ["2568-2-04"]],
  ])("the filter %s shows only those indicators", async (filter, ids) => {
    const { user } = await openPane();
    const group = screen.getByRole("group", { name: "แสดงตามผลการประเมิน" });
    await user.click(within(group).getByRole("button", { name: filter }));
    expect(within(group).getByRole("button", { name: filter })).toHaveAttribute("aria-pressed", "true");
    expect(shownRows().map((r) => r.split(" → ")[0])).toEqual(ids);
    expect(screen.getByText(`แสดง ${ids.length} จาก 10 ตัวชี้วัด`)).toBeInTheDocument();
    await user.click(within(group).getByRole("button", { name: "ทั้งหมด (10)" }));
    expect(shownRows()).toHaveLength(10);
  });

  it("searches by text and by id, and says when nothing matches", async () => {
    const { user } = await openPane();
    const search = screen.getByRole("searchbox", { name: "ค้นหาตัวชี้วัด" });
    await user.type(search, "ท่องเที่ยว");
    expect(shownRows().map((r) => r.split(" → ")[0])).toEqual([
      "2568-2-01",
      "2568-2-02",
      "2568-2-03",
      "2568-2-04",
      "2568-2-05",
    ]);
    await user.clear(search);
    await user.type(search, "2568-3-02");
    expect(shownRows().map((r) => r.split(" → ")[0])).toEqual(["2568-3-02"]);
    await user.click(screen.getByRole("button", { name: "ยังไม่กรอก (3)" }));
    expect(shownRows()).toHaveLength(1);
    await user.clear(search);
    await user.type(search, "ไม่มีคำนี้");
    expect(screen.queryAllByRole("listitem")).toHaveLength(0);
    expect(screen.getByText("ไม่มีตัวชี้วัดที่ตรงกับตัวกรองหรือคำค้น")).toBeInTheDocument();
  });

  it("selects the first input cell of an indicator in Excel, or the input to fix", async () => {
    const { user, cells, selection } = await openPane();
    await user.click(item("2568-1-02"));
    await waitFor(() => expect(selection()).toEqual(cells("2568-1-02").base)); // (1) of a satisfaction indicator
    await user.click(item("2568-2-04"));
    await waitFor(() => expect(selection()).toEqual(cells("2568-2-04").served)); // (2), the invalid input
    await user.click(item("2568-3-03"));
    await waitFor(() => expect(selection()).toEqual(cells("2568-3-03").value)); // the single value of a count
    const { sheet, cell } = cells("2568-1-02").base!;
    expect(item("2568-1-02")).toHaveAttribute("title", `ไปที่เซลล์ ${cell} ในชีต ${sheet}`);
  });

  it("is usable with the keyboard: Enter or Space on an indicator selects its cell", async () => {
    const { user, cells, selection } = await openPane();
    item("2568-1-01").focus();
    await user.keyboard("{Enter}");
    expect(item("2568-1-01")).toHaveFocus();
    await waitFor(() => expect(selection()).toEqual(cells("2568-1-01").value));
    item("2568-1-02").focus();
    await user.keyboard(" ");
    await waitFor(() => expect(selection()).toEqual(cells("2568-1-02").base));
  });

  it("updates live when the workbook reports a change, and tells screen readers", async () => {
    const { user, type } = await openPane();
    await user.click(screen.getByRole("button", { name: "ยังไม่กรอก (3)" }));
    expect(screen.getByRole("status")).toHaveTextContent(
      "ผ่าน 2 · การพัฒนาในอนาคต 2 · ไม่ได้ดำเนินการ 1 · ไม่มีบริการสาธารณะ 1 · ยังไม่กรอก 3 · ข้อมูลไม่ถูกต้อง 1 จากทั้งหมด 10 ตัวชี้วัด",
    );
    await act(() => type("2568-3-02", { value: "๔" })); // Thai digits, as an officer may type
    await waitFor(() =>
      expect(shownRows().map((r) => r.split(" → ")[0])).toEqual(["2568-2-03", "2568-3-03"]),
    );
    expect(screen.getByRole("button", { name: "ผ่าน (3)" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("ผ่าน 3 · การพัฒนาในอนาคต 2");
    // The filter is kept across the update.
    expect(screen.getByRole("button", { name: "ยังไม่กรอก (2)" })).toHaveAttribute("aria-pressed", "true");
    await act(() => type("2568-2-04", { served: "5" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "ข้อมูลไม่ถูกต้อง (0)" })).toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "ทั้งหมด (10)" }));
    expect(item("2568-2-04")).toHaveTextContent("ผล: 50.00%");
    expect(item("2568-2-04")).toHaveTextContent("ผ่านค่าเป้าหมายขั้นต่ำ");
  });

  /** Where the workbook reader finds แบบ 1's population: an empty cell of the new workbook. */
  async function populationCell(pane: PaneWorkbook) {
    const problem = (await pane.port.readState())!.problems.find((p) => p.field === "population")!;
    return { sheet: problem.sheet, cell: problem.cell };
  }

  it("lists what the workbook reader could not take in, with a link to the cell", async () => {
    const { user, ...pane } = await openPane();
    const population = await populationCell(pane);
    await act(() => pane.book.type(population.sheet, population.cell, "ไม่ทราบ"));
    const link = `${population.sheet}!${population.cell}`;
    await user.click(await screen.findByRole("button", { name: link }));
    expect(screen.getByText("สิ่งที่ต้องแก้ในสมุดงาน")).toBeInTheDocument();
    expect(screen.getByText(/จำนวนประชากร.*ไม่ทราบ/)).toBeInTheDocument();
    await waitFor(() => expect(pane.selection()).toEqual(population));
  });

  it("sums up cells that are only empty yet in one line, with a link to the first", async () => {
    // A new workbook: แบบ 1's numbers and the preparer's fields are still empty.
    const { user, ...pane } = await openPane();
    const population = await populationCell(pane);
    expect(await screen.findByText("ยังกรอกข้อมูลไม่ครบ")).toBeInTheDocument();
    expect(screen.getByText(/ยังไม่ได้กรอก 7 ช่องในชีต แบบเทศบาล 1/)).toBeInTheDocument();
    expect(screen.queryByText("สิ่งที่ต้องแก้ในสมุดงาน")).not.toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: `${population.sheet}!${population.cell}` }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "ไปที่ช่องแรกที่ยังว่าง" }));
    await waitFor(() => expect(pane.selection()).toEqual(population));
  });

  it("stops listening to the workbook when the pane goes away", async () => {
    const { port, unmount } = await openPane();
    const listeners = port["listeners"];
    expect(listeners.size).toBe(1);
    unmount();
    expect(listeners.size).toBe(0);
  });
});

describe("the round's guidance in the indicators view", () => {
  it("shows what to type under an indicator still to fill in, and not under one that is done", async () => {
    const round2567 = shippedRound("2567")!;
    const pane = await filledWorkbook(round2567, {
      round: "2567",
      lao: "6810403",
      values: {
        "2567-1-01": { base: 12 }, // (2) still blank
        "2567-1-02": { base: 3, served: 3 },
      },
    });
    renderApp(pane);
    await screen.findByRole("button", { name: "ตัวชี้วัด" });
    const guidance = (id: string) =>
      document.querySelector(`[data-indicator="${id}"]`)!.querySelector("[data-guidance]");
    await waitFor(() => expect(guidance("2567-1-01")).not.toBeNull());
    const text = round2567.areas[0]!.missions[0]!.indicators[0]!.guidance!;
    expect(guidance("2567-1-01")!.textContent).toBe(`วิธีกรอก: ${text}`);
    expect(guidance("2567-1-01")!.textContent).toContain("ให้พิมพ์ - ในช่อง (2)");
    expect(item("2567-1-01")).toHaveTextContent("ยังไม่ได้กรอกช่อง (2) การจัดบริการสาธารณะ");
    expect(guidance("2567-1-02")).toBeNull();
  });
});
