import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { LaoHistory } from "../../client";
import { resultLabel, STATUSES } from "../../core";
import { followingRound } from "../../core/rules/generatedRound";
import { countingLoader, renderApp, renderInLanguage } from "../../../test/taskpane/render";
import { document2568, KHLONG_THOM_TAI_TOWN, round } from "../../../test/taskpane/fixtures";
import { filledWorkbook, type PaneWorkbook } from "../../../test/taskpane/excelPane";
import { cellName } from "../../../test/office-double/address";
import WorkbookView from "./WorkbookView";

async function openSummary(pane?: PaneWorkbook) {
  const user = userEvent.setup();
  const result = renderApp(pane ?? (await filledWorkbook(round("2568"), document2568())), {
    now: "2025-08-20T14:30:00+07:00",
  });
  await user.click(await screen.findByRole("button", { name: "สรุปผล" }));
  // The summary view is loaded when it is first opened.
  await screen.findByRole("button", { name: "แทรกชีตสรุปผล" });
  return { user, ...result };
}

/** Every row of a sheet as Excel shows it, from A1 to the last cell written. */
function rowsOf(pane: PaneWorkbook, sheetName: string): unknown[][] {
  const used = pane.book.model.usedRect(pane.book.sheet(sheetName), true)!;
  return pane.book.excel.values(`'${sheetName}'!A1:${cellName(used.bottom, used.right)}`);
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
    const empty = await filledWorkbook(round("2568"), { ...document2568(), values: {} });
    await openSummary(empty);
    expect(card("summary-overall")).toHaveTextContent("ยังไม่มีผลที่ประเมินได้");
    expect(screen.getByText("ยังกรอกไม่ครบหรือมีข้อมูลที่ต้องแก้ 10 ตัวชี้วัด")).toBeInTheDocument();
  });

  it("inserts the summary sheet with the official table and the chart data, and says so", async () => {
    const { user, ...pane } = await openSummary();
    await user.click(screen.getByRole("button", { name: "แทรกชีตสรุปผล" }));
    expect(await screen.findByText("แทรกชีต “สรุปผล” แล้ว")).toBeInTheDocument();
    const rows = rowsOf(pane, "สรุปผล");
    expect(rows[0]![0]).toBe("สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้");
    expect(rows.map((r) => r[0])).toContain("ข้อมูล ณ วันที่ 20 สิงหาคม 2568 เวลา 14.30 น.");
    const total = rows.find((r) => r[0] === "รวม")!.filter((v) => v !== null && v !== "");
    expect(total).toEqual(["รวม", 10, 2, 2, 1, 1, 3, 1, 40]);
    // One row per indicator in the results table, each with its official result label.
    const labels = STATUSES.map((status) => resultLabel(status, round("2568")));
    const indicatorRows = rows.filter((r) => /^\d+\. /.test(String(r[1])) && labels.includes(r[6] as string));
    expect(indicatorRows).toHaveLength(10);
    const [chart, ...others] = pane.book.sheet("สรุปผล").charts;
    expect(others).toEqual([]);
    expect(pane.book.excel.values(chart!.series[0]!.values!).flat()).toEqual([50, 0, 100]);
  });

  it("reports a failed insert and inserts on retry", async () => {
    const { user, book } = await openSummary();
    book.excel.faults.fail("range-write", {
      code: "AccessDenied",
      message: "Sheet name already exists and is protected",
    });
    await user.click(screen.getByRole("button", { name: "แทรกชีตสรุปผล" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("แทรกชีตสรุปผลไม่สำเร็จ");
    expect(alert).toHaveTextContent("Sheet name already exists and is protected");
    await user.click(within(alert).getByRole("button", { name: "ลองอีกครั้ง" }));
    expect(await screen.findByText("แทรกชีต “สรุปผล” แล้ว")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(book.excel.values("'สรุปผล'!A1")).toEqual([["สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้"]]);
  });

  it("has the draft memo's form, prefilled for the workbook's LAO and dated by the pane's clock", async () => {
    await openSummary();
    const memo = document.querySelector<HTMLElement>("[data-memo]")!;
    expect(within(memo).getByRole("textbox", { name: "ส่วนราชการ" })).toHaveValue(
      "สำนักปลัดเทศบาล เทศบาลตำบลคลองท่อมใต้",
    );
    expect(memo).toHaveTextContent("ลงวันที่ 20 สิงหาคม 2568 (วันนี้)");
    expect(within(memo).getByRole("button", { name: /ดาวน์โหลดร่างบันทึกข้อความ/ })).toBeEnabled();
  });

  it("without a signed-in server, says that signing in shows the comparison with earlier years", async () => {
    await openSummary();
    const section = document.querySelector<HTMLElement>("[data-yoy-section]")!;
    expect(within(section).getByRole("heading")).toHaveTextContent("เทียบกับปีก่อน");
    expect(section).toHaveTextContent("ลงชื่อเข้าใช้เครื่องแม่ข่ายที่ ตั้งค่า");
  });

  it("shows year over year when WorkbookView is given the signed-in server's history", async () => {
    const r2569 = followingRound(round("2568"), "2569");
    const values = Object.fromEntries(
      Object.entries(document2568().values).map(([id, v]) => [id.replace("2568-", "2569-"), v]),
    );
    const { port } = await filledWorkbook(
      r2569,
      { round: "2569", lao: KHLONG_THOM_TAI_TOWN, values },
      { rounds: () => [r2569] },
    );
    const history: LaoHistory = {
      round: "2569",
      lao: KHLONG_THOM_TAI_TOWN,
      indicators: [
        {
          id: "2569-1-01",
          current: null,
          earlier: [
            {
              round: "2568",
              year: 2568,
              indicatorId: "2568-1-01",
              kind: "count",
              status: "pass",
              value: 5,
              label: "ผ่านค่าเป้าหมายขั้นต่ำ",
              version: 1,
              receivedAt: "2025-08-01T10:00:00+07:00",
              receivedAtTh: "๑ สิงหาคม ๒๕๖๘ เวลา ๑๐.๐๐ น.",
            },
          ],
          change: null,
        },
      ],
    };
    const user = userEvent.setup();
    renderInLanguage(
      <WorkbookView
        state={(await port.readState())!}
        port={port}
        loadRegister={countingLoader().load}
        rounds={[r2569]}
        now={new Date("2026-08-20T10:00:00+07:00")}
        loadHistory={async () => history}
      />,
    );
    await user.click(await screen.findByRole("button", { name: "สรุปผล" }));
    const item = await screen.findByText("ปีก่อน (พ.ศ. 2568): ผ่าน 5 โครงการ → ตอนนี้: ผ่าน 3 โครงการ");
    expect(item.closest("[data-yoy]")).toHaveAttribute("data-trend", "worse");
  });
});
