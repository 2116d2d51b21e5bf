import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { document2568, round } from "../../../test/taskpane/fixtures";
import { MemoryWorkbookPort } from "../../../test/taskpane/memoryWorkbookPort";
import { renderApp } from "../../../test/taskpane/render";

async function openSummary(port = MemoryWorkbookPort.filled(round("2568"), "subdistrict", document2568())) {
  const user = userEvent.setup();
  renderApp(port, { now: "2025-08-20T14:30:00+07:00" });
  await user.click(await screen.findByRole("button", { name: "สรุปผล" }));
  // The summary view is loaded when it is first opened.
  await screen.findByRole("button", { name: "แทรกชีตสรุปผล" });
  return { user, port };
}

const card = (id: string) => document.querySelector<HTMLElement>(`[data-summary="${id}"]`)!;
const counts = (id: string) =>
  Object.fromEntries(
    [...card(id).querySelectorAll("[data-count]")].map((d) => [d.getAttribute("data-count"), d.textContent]),
  );

describe("the summary view", () => {
  it("shows the counts and pass rate overall and for every area", async () => {
    await openSummary();
    expect(screen.getByText("ยังกรอกไม่ครบหรือมีข้อมูลที่ต้องแก้ 4 ตัวชี้วัด")).toBeInTheDocument();
    expect(within(card("summary-overall")).getByRole("heading")).toHaveTextContent("ภาพรวม");
    expect(card("summary-overall")).toHaveTextContent("ผ่าน ร้อยละ 40.00");
    expect(card("summary-overall")).toHaveTextContent("ผ่าน 2 จาก 5 ตัวชี้วัดที่ประเมินได้");
    expect(counts("summary-overall")).toEqual({
      pass: "2",
      below: "2",
      "no-service": "1",
      "not-done": "1",
      incomplete: "3",
      invalid: "1",
    });
    expect(card("summary-area-1")).toHaveTextContent("ผ่าน ร้อยละ 50.00");
    expect(card("summary-area-2")).toHaveTextContent("ผ่าน ร้อยละ 0.00");
    expect(card("summary-area-3")).toHaveTextContent("ผ่าน ร้อยละ 100.00");
    expect(counts("summary-area-2")).toMatchObject({ "no-service": "1", "not-done": "1", below: "1" });
    const bar = within(card("summary-area-1")).getByRole("progressbar");
    expect(bar).toHaveAttribute("aria-valuenow", "50");
    expect(bar).toHaveAccessibleName("ร้อยละที่ผ่าน: ด้านการศึกษา");
  });

  it("says when nothing is assessed yet, and when everything is filled in", async () => {
    const empty = MemoryWorkbookPort.filled(round("2568"), "subdistrict", { ...document2568(), values: {} });
    await openSummary(empty);
    expect(card("summary-overall")).toHaveTextContent("ยังไม่มีผลที่ประเมินได้");
    expect(screen.getByText("ยังกรอกไม่ครบหรือมีข้อมูลที่ต้องแก้ 10 ตัวชี้วัด")).toBeInTheDocument();
  });

  it("inserts the summary sheet with the official table and the chart data, and says so", async () => {
    const { user, port } = await openSummary();
    await user.click(screen.getByRole("button", { name: "แทรกชีตสรุปผล" }));
    expect(await screen.findByText("แทรกชีต “สรุปผล” แล้ว")).toBeInTheDocument();
    expect(port.summaries).toHaveLength(1);
    const model = port.summaries[0]!;
    expect(model.title).toBe("สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้");
    expect(model.subtitle[2]).toBe("ข้อมูล ณ วันที่ ๒๐ สิงหาคม ๒๕๖๘ เวลา ๑๔.๓๐ น.");
    expect(model.chart.values).toEqual([50, 0, 100]);
    expect(model.areas.total).toEqual(["รวม", 10, 2, 2, 1, 1, 3, 1, 40]);
    expect(model.results.rows.filter((r) => r.kind === "indicator")).toHaveLength(10);
  });

  it("reports a failed insert and inserts on retry", async () => {
    const port = MemoryWorkbookPort.filled(round("2568"), "subdistrict", document2568());
    port.failNext.insert = new Error("Sheet name already exists and is protected");
    const { user } = await openSummary(port);
    await user.click(screen.getByRole("button", { name: "แทรกชีตสรุปผล" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("แทรกชีตสรุปผลไม่สำเร็จ");
    expect(alert).toHaveTextContent("Sheet name already exists and is protected");
    await user.click(within(alert).getByRole("button", { name: "ลองอีกครั้ง" }));
    await waitFor(() => expect(port.summaries).toHaveLength(1));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
