import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { LaoHistory } from "../../client";
import type { SubmissionDocument } from "../../core";
import { followingRound } from "../../core/rules/generatedRound";
import { document2568, KHLONG_THOM_TAI_TOWN, round, testRegister } from "../../../test/taskpane/fixtures";
import { filledWorkbook } from "../../../test/taskpane/excelPane";
import { renderInLanguage } from "../../../test/taskpane/render";
import { workbookReport } from "../view/workbookReport";
import YearOverYearSection, { type ScoredWorkbook } from "./YearOverYearSection";

/** A round 2569 whose every indicator continues the one of 2568, as the server would link them. */
const r2569 = followingRound(round("2568"), "2569");

/** The 2568 test workbook's values under the 2569 ids: 1-01 pass (3), 1-02 below (70%), 2-01 no service, … */
function document2569(changes: SubmissionDocument["values"] = {}): SubmissionDocument {
  const values = Object.fromEntries(
    Object.entries(document2568().values).map(([id, v]) => [id.replace(/^2568-/, "2569-"), v]),
  );
  return { round: "2569", lao: KHLONG_THOM_TAI_TOWN, values: { ...values, ...changes } };
}

async function scoredWorkbook(document = document2569()): Promise<ScoredWorkbook> {
  const { port } = await filledWorkbook(r2569, document, { rounds: () => [r2569] });
  const state = (await port.readState())!;
  const report = workbookReport(state, [r2569], testRegister());
  if (!report.ok) throw new Error(report.reason);
  return report;
}

type Earlier = LaoHistory["indicators"][number]["earlier"][number];
const in2568 = (indicatorId: string, kind: Earlier["kind"], status: Earlier["status"], value?: number) => ({
  round: "2568",
  year: 2568,
  indicatorId,
  kind,
  status,
  ...(value !== undefined && { value }),
  label: status,
  version: 1,
  receivedAt: "2025-08-01T10:00:00+07:00",
  receivedAtTh: "๑ สิงหาคม ๒๕๖๘ เวลา ๑๐.๐๐ น.",
});

/**
 * The server's answer: every 2569 indicator is linked; the LAO has 2568 results for four of them.
 * `current` and `change` are the server's (of an older submission) and must not be what is shown.
 */
function history(earlier: Record<string, Earlier[]> = EARLIER): LaoHistory {
  return {
    round: "2569",
    lao: KHLONG_THOM_TAI_TOWN,
    indicators: r2569.areas
      .flatMap((a) => a.missions.flatMap((m) => m.indicators))
      .map((ind) => ({
        id: ind.id,
        current: { status: "not-done" as const },
        earlier: earlier[ind.id] ?? [],
        change: { trend: "not-comparable" as const },
      })),
  };
}

const EARLIER: Record<string, Earlier[]> = {
  "2569-1-01": [in2568("2568-1-01", "count", "below", 1)], // now pass 3: better by 2
  "2569-1-02": [in2568("2568-1-02", "satisfaction", "pass", 85)], // now below 70%: worse by 15 points
  "2569-2-01": [in2568("2568-2-01", "ratio", "pass", 2)], // now no service: nothing to compare
  "2569-2-05": [in2568("2568-2-05", "count", "below", 0)], // now below 0 again: the same
};

const item = (id: string) => document.querySelector<HTMLElement>(`[data-yoy="${id}"]`)!;

describe("year over year in the summary view", () => {
  it("without a server to ask, says that signing in shows the comparison", async () => {
    renderInLanguage(<YearOverYearSection scored={await scoredWorkbook()} />);
    expect(screen.getByRole("heading", { name: "เทียบกับปีก่อน" })).toBeInTheDocument();
    expect(screen.getByText(/ลงชื่อเข้าใช้เครื่องแม่ข่ายที่ ตั้งค่า/)).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("compares the workbook's results now with the latest earlier ones: better, worse, the same, not comparable", async () => {
    const loadHistory = jest.fn(async () => history());
    renderInLanguage(<YearOverYearSection scored={await scoredWorkbook()} loadHistory={loadHistory} />);
    expect(screen.getByText("กำลังโหลดผลปีก่อนจากเครื่องแม่ข่าย…")).toBeInTheDocument();
    expect(await screen.findByText("ดีขึ้น 1 · ลดลง 1 · เท่าเดิม 1 · เทียบไม่ได้ 1")).toBeInTheDocument();
    const trends = [...document.querySelectorAll("[data-yoy]")].map((e) => [
      e.getAttribute("data-yoy"),
      e.getAttribute("data-trend"),
    ]);
    expect(trends).toEqual([
      ["2569-1-01", "better"],
      ["2569-1-02", "worse"],
      ["2569-2-01", "not-comparable"],
      ["2569-2-05", "same"],
    ]);
    expect(item("2569-1-01")).toHaveTextContent("ดีขึ้น +2");
    expect(item("2569-1-01")).toHaveTextContent(
      "ปีก่อน (พ.ศ. 2568): การพัฒนาในอนาคต 1 โครงการ → ตอนนี้: ผ่าน 3 โครงการ",
    );
    expect(item("2569-1-02")).toHaveTextContent("ลดลง −15.00");
    expect(item("2569-1-02")).toHaveTextContent("ปีก่อน (พ.ศ. 2568): ผ่าน 85.00% → ตอนนี้: การพัฒนาในอนาคต 70.00%");
    expect(item("2569-2-01")).toHaveTextContent("เทียบไม่ได้");
    expect(item("2569-2-01")).toHaveTextContent("→ ตอนนี้: ไม่มีบริการสาธารณะ");
    expect(item("2569-2-05")).toHaveTextContent("เท่าเดิม");
    expect(screen.getByText("อีก 6 ตัวชี้วัดยังไม่มีผลในรอบก่อน")).toBeInTheDocument();
    expect(loadHistory).toHaveBeenCalledTimes(1);
  });

  it("follows the workbook as it changes, without asking the server again", async () => {
    const loadHistory = jest.fn(async () => history());
    const { rerender } = renderInLanguage(
      <YearOverYearSection scored={await scoredWorkbook()} loadHistory={loadHistory} />,
    );
    await screen.findByText("ดีขึ้น 1 · ลดลง 1 · เท่าเดิม 1 · เทียบไม่ได้ 1");
    // The officer fixes 1-02 to 90%; the pane renders again with a new function for the same server.
    const fixed = await scoredWorkbook(document2569({ "2569-1-02": { base: 100, served: 90 } }));
    rerender(<YearOverYearSection scored={fixed} loadHistory={async () => history()} />);
    await waitFor(() => expect(item("2569-1-02")).toHaveAttribute("data-trend", "better"));
    expect(item("2569-1-02")).toHaveTextContent("ดีขึ้น +5.00");
    expect(screen.getByText("ดีขึ้น 2 · ลดลง 0 · เท่าเดิม 1 · เทียบไม่ได้ 1")).toBeInTheDocument();
    expect(loadHistory).toHaveBeenCalledTimes(1);
  });

  it("says when the LAO has no earlier result", async () => {
    renderInLanguage(
      <YearOverYearSection scored={await scoredWorkbook()} loadHistory={async () => history({})} />,
    );
    expect(await screen.findByText("อปท. นี้ยังไม่มีผลของตัวชี้วัดเดียวกันในรอบก่อน")).toBeInTheDocument();
    expect(document.querySelector("[data-yoy]")).toBeNull();
  });

  it("says when no indicator of the round continues an earlier one", async () => {
    renderInLanguage(
      <YearOverYearSection
        scored={await scoredWorkbook()}
        loadHistory={async () => ({ ...history(), indicators: [] })}
      />,
    );
    expect(await screen.findByText(/ไม่ได้ต่อจากตัวชี้วัดของรอบก่อน/)).toBeInTheDocument();
  });

  it("says in Thai when the history cannot be loaded, and loads it on retry", async () => {
    const loadHistory = jest
      .fn<Promise<LaoHistory>, []>()
      .mockRejectedValueOnce(new Error("ติดต่อเครื่องแม่ข่ายไม่ได้"))
      .mockResolvedValueOnce(history());
    const user = userEvent.setup();
    renderInLanguage(<YearOverYearSection scored={await scoredWorkbook()} loadHistory={loadHistory} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("โหลดผลปีก่อนไม่สำเร็จ — ตรวจการเชื่อมต่ออินเทอร์เน็ตแล้วกดลองอีกครั้ง");
    expect(alert).toHaveTextContent("ติดต่อเครื่องแม่ข่ายไม่ได้");
    await user.click(within(alert).getByRole("button", { name: "ลองอีกครั้ง" }));
    expect(await screen.findByText("ดีขึ้น 1 · ลดลง 1 · เท่าเดิม 1 · เทียบไม่ได้ 1")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(loadHistory).toHaveBeenCalledTimes(2);
  });

  it("refuses another LAO's history rather than compare with it", async () => {
    renderInLanguage(
      <YearOverYearSection
        scored={await scoredWorkbook()}
        loadHistory={async () => ({ ...history(), lao: "6810408" })}
      />,
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "ผลปีก่อนที่ได้เป็นของ อปท. 6810408 รอบ 2569 ไม่ใช่ของสมุดงานนี้",
    );
    expect(document.querySelector("[data-yoy]")).toBeNull();
  });

  it("reads in English", async () => {
    renderInLanguage(
      <YearOverYearSection scored={await scoredWorkbook()} loadHistory={async () => history()} />,
      "en",
    );
    expect(
      await screen.findByText("better 1 · worse 1 · unchanged 1 · not comparable 1"),
    ).toBeInTheDocument();
    expect(item("2569-1-01")).toHaveTextContent(
      "Earlier (B.E. 2568): Below target 1 โครงการ → now: Met 3 โครงการ",
    );
  });
});
