import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { document2568, round } from "../../../test/taskpane/fixtures";
import { shippedRound } from "../../core";
import { FakeWorkbookPort } from "../../../test/taskpane/fakeWorkbookPort";
import { renderApp } from "../../../test/taskpane/render";

function filledPort(): FakeWorkbookPort {
  return FakeWorkbookPort.filled(round("2568"), "subdistrict", document2568());
}

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
  const result = renderApp(filledPort());
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
    const { user, port } = await openPane();
    await user.click(item("2568-1-02"));
    await user.click(item("2568-2-04"));
    await user.click(item("2568-3-03"));
    expect(port.selected).toEqual([
      { sheet: "แบบ 2-1", cell: "D7" }, // (1) of a satisfaction indicator
      { sheet: "แบบ 2-2", cell: "E9" }, // (2), the invalid input
      { sheet: "แบบ 2-3", cell: "E8" }, // the single value of a count
    ]);
    expect(item("2568-1-02")).toHaveAttribute("title", "ไปที่เซลล์ D7 ในชีต แบบ 2-1");
  });

  it("is usable with the keyboard: Enter or Space on an indicator selects its cell", async () => {
    const { user, port } = await openPane();
    item("2568-1-01").focus();
    await user.keyboard("{Enter}");
    expect(item("2568-1-01")).toHaveFocus();
    item("2568-1-02").focus();
    await user.keyboard(" ");
    expect(port.selected).toEqual([
      { sheet: "แบบ 2-1", cell: "E6" },
      { sheet: "แบบ 2-1", cell: "D7" },
    ]);
  });

  it("updates live when the workbook reports a change, and tells screen readers", async () => {
    const { user, port } = await openPane();
    await user.click(screen.getByRole("button", { name: "ยังไม่กรอก (3)" }));
    expect(screen.getByRole("status")).toHaveTextContent(
      "ผ่าน 2 · การพัฒนาในอนาคต 2 · ไม่ได้ดำเนินการ 1 · ไม่มีบริการสาธารณะ 1 · ยังไม่กรอก 3 · ข้อมูลไม่ถูกต้อง 1 จากทั้งหมด 10 ตัวชี้วัด",
    );
    act(() => port.type("2568-3-02", { value: "๔" })); // Thai digits, as an officer may type
    await waitFor(() =>
      expect(shownRows().map((r) => r.split(" → ")[0])).toEqual(["2568-2-03", "2568-3-03"]),
    );
    expect(screen.getByRole("button", { name: "ผ่าน (3)" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("ผ่าน 3 · การพัฒนาในอนาคต 2");
    // The filter is kept across the update.
    expect(screen.getByRole("button", { name: "ยังไม่กรอก (2)" })).toHaveAttribute("aria-pressed", "true");
    act(() => port.type("2568-2-04", { served: "5" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "ข้อมูลไม่ถูกต้อง (0)" })).toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "ทั้งหมด (10)" }));
    expect(item("2568-2-04")).toHaveTextContent("ผล: 50.00%");
    expect(item("2568-2-04")).toHaveTextContent("ผ่านค่าเป้าหมายขั้นต่ำ");
  });

  it("lists what the workbook reader could not take in, with a link to the cell", async () => {
    const { user, port } = await openPane();
    act(() =>
      port.setProblems([
        {
          field: "population",
          sheet: "แบบ 1",
          cell: "C5",
          message: "จำนวนประชากรต้องเป็นตัวเลข",
          messageEn: "population must be a number",
        },
      ]),
    );
    await user.click(await screen.findByRole("button", { name: "แบบ 1!C5" }));
    expect(screen.getByText(/จำนวนประชากรต้องเป็นตัวเลข/)).toBeInTheDocument();
    expect(port.selected).toEqual([{ sheet: "แบบ 1", cell: "C5" }]);
  });

  it("sums up cells that are only empty yet in one line, with a link to the first", async () => {
    const { user, port } = await openPane();
    const empty = (field: string, cell: string) => ({
      field,
      sheet: "แบบเทศบาล 1",
      cell,
      message: `ยังไม่ได้กรอก${field}`,
      messageEn: `${field} is not filled in`,
      notFilled: true,
    });
    act(() => port.setProblems([empty("population", "B14"), empty("households", "B15")]));
    expect(await screen.findByText("ยังกรอกข้อมูลไม่ครบ")).toBeInTheDocument();
    expect(screen.getByText(/ยังไม่ได้กรอก 2 ช่องในชีต แบบเทศบาล 1/)).toBeInTheDocument();
    expect(screen.queryByText("สิ่งที่ต้องแก้ในสมุดงาน")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "แบบเทศบาล 1!B15" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "ไปที่ช่องแรกที่ยังว่าง" }));
    expect(port.selected).toEqual([{ sheet: "แบบเทศบาล 1", cell: "B14" }]);
  });

  it("stops listening to the workbook when the pane goes away", async () => {
    const { port, unmount } = await openPane();
    expect(port.listenerCount).toBe(1);
    unmount();
    expect(port.listenerCount).toBe(0);
  });
});

describe("the round's guidance in the indicators view", () => {
  it("shows what to type under an indicator still to fill in, and not under one that is done", async () => {
    const round2567 = shippedRound("2567")!;
    const port = FakeWorkbookPort.filled(round2567, "sao", {
      round: "2567",
      lao: "6810403",
      values: {
        "2567-1-01": { base: 12 }, // (2) still blank
        "2567-1-02": { base: 3, served: 3 },
      },
    });
    renderApp(port);
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
