import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { document2568, round } from "../../../test/taskpane/fixtures";
import { emptyWorkbook, filledWorkbook, rewriteMeta } from "../../../test/taskpane/excelPane";
import { countingLoader, renderApp } from "../../../test/taskpane/render";
import { registerRounds, unregisterRounds } from "../../addin/roundRegistry";
import type { LaoRegister } from "../../core";
import { generatedRound } from "../../core/rules/generatedRound";
import App from "./App";

describe("outside Excel", () => {
  it("in a plain browser it explains that the pane runs in Excel, and touches nothing", () => {
    const { book, port } = emptyWorkbook();
    const loader = countingLoader();
    render(<App host={{ kind: "no-office" }} port={port} loadRegister={loader.load} />);
    expect(screen.getByText("เปิดใน Excel เพื่อใช้งาน")).toBeInTheDocument();
    expect(
      screen.getByText("หน้านี้เป็นส่วนเสริม (add-in) ของ Microsoft Excel จึงใช้งานในเว็บเบราว์เซอร์โดยตรงไม่ได้"),
    ).toBeInTheDocument();
    expect(screen.getByText(/เปิดไฟล์แบบรวบรวมข้อมูลใน Excel/)).toBeInTheDocument();
    expect(book.syncs()).toBe(0);
    expect(loader.calls()).toBe(0);
  });

  it("in another Office application it names the application", () => {
    render(
      <App
        host={{ kind: "other-host", host: "Word" }}
        port={emptyWorkbook().port}
        loadRegister={countingLoader().load}
      />,
    );
    expect(screen.getByText("ส่วนเสริมนี้ใช้ได้กับ Excel เท่านั้น แต่ขณะนี้เปิดอยู่ใน Word")).toBeInTheDocument();
  });

  it("in an Excel without the API the workbook port needs it says which Excel is needed, and reads nothing", () => {
    // Perpetual Office 2019: ExcelApi 1.8, below what building and following the workbook needs.
    const { book } = renderApp(emptyWorkbook({ requirementSets: { ExcelApi: "1.8" } }));
    expect(
      screen.getByRole("heading", { level: 2, name: "Excel รุ่นนี้ใช้บานหน้าต่าง MinStd ไม่ได้" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/การสร้างแบบรวบรวมข้อมูล และการติดตามค่าที่พิมพ์ลงในแผ่นงาน/)).toBeInTheDocument();
    expect(book.syncs()).toBe(0);
  });
});

describe("the pane in Excel", () => {
  it("shows the LAO, the round and the deadline of a set-up workbook", async () => {
    renderApp(await filledWorkbook(round("2568"), document2568()), {
      now: "2025-08-24T09:00:00",
    });
    expect(await screen.findByRole("heading", { level: 2, name: "เทศบาลตำบลคลองท่อมใต้" })).toBeInTheDocument();
    expect(screen.getByText(/5810401 · การประเมินผลมาตรฐานขั้นต่ำ/)).toBeInTheDocument();
    expect(screen.getByText(/ปิดรับ 31 ส\.ค\. 2568 เวลา 24\.00 น\. — เหลืออีก 8 วัน/)).toBeInTheDocument();
  });

  it("tells the page it has drawn the workbook once its indicators are there, which wait for the register", async () => {
    const loader = countingLoader();
    let registerIn: () => void = () => undefined;
    const register = new Promise<LaoRegister>((resolve) => {
      registerIn = () => void loader.load().then(resolve);
    });
    const listedWhenShown: number[] = [];
    renderApp(await filledWorkbook(round("2568"), document2568()), {
      loadRegister: () => register,
      onWorkbookShown: () => listedWhenShown.push(document.querySelectorAll("[data-indicator]").length),
    });
    expect(await screen.findByText("กำลังโหลดทะเบียน อปท.…")).toBeInTheDocument();
    expect(listedWhenShown).toEqual([]);
    await act(async () => registerIn());
    await waitFor(() => expect(listedWhenShown).not.toEqual([]));
    expect(listedWhenShown[0]).toBe(
      round("2568")
        .areas.flatMap((a) => a.missions)
        .flatMap((m) => m.indicators).length,
    );
  });

  it("reports a workbook it cannot read and reads again on retry", async () => {
    const user = userEvent.setup();
    const pane = await filledWorkbook(round("2568"), document2568());
    pane.book.excel.faults.fail("range-read", {
      code: "GeneralException",
      message: "An internal error has occurred.",
    });
    renderApp(pane);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("อ่านแบบรวบรวมข้อมูลไม่สำเร็จ");
    expect(alert).toHaveTextContent("An internal error has occurred.");
    await user.click(within(alert).getByRole("button", { name: "ลองอีกครั้ง" }));
    expect(await screen.findByRole("button", { name: "ตัวชี้วัด" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("explains a workbook made for a round or LAO it does not know", async () => {
    const unknownRound = await filledWorkbook(round("2568"), document2568());
    rewriteMeta(unknownRound, "round", "2599");
    const { unmount } = renderApp(unknownRound);
    expect(await screen.findByText(/สร้างสำหรับรอบการประเมิน “2599” ซึ่ง MinStd รุ่นนี้ไม่รู้จัก/)).toBeInTheDocument();
    unmount();
    const unknownLao = await filledWorkbook(round("2568"), document2568());
    rewriteMeta(unknownLao, "lao", "9999999");
    renderApp(unknownLao);
    expect(await screen.findByText(/ไม่พบรหัส อปท\. “9999999” ในทะเบียน/)).toBeInTheDocument();
  });

  it("switches to English and back, labelling the page's language", async () => {
    const user = userEvent.setup();
    const { container } = renderApp(await filledWorkbook(round("2568"), document2568()));
    await screen.findByRole("button", { name: "ตัวชี้วัด" });
    expect(container.querySelector(".fui-FluentProvider")).toHaveAttribute("lang", "th");

    await user.click(screen.getByRole("button", { name: "English — เปลี่ยนเป็นภาษาอังกฤษ" }));
    expect(container.querySelector(".fui-FluentProvider")).toHaveAttribute("lang", "en");
    expect(screen.getByRole("button", { name: "Indicators" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Not filled in (3)" })).toBeInTheDocument();
    expect(document.querySelector('[data-indicator="2568-1-01"]')).toHaveTextContent(
      "Met the minimum target",
    );
    expect(document.querySelector('[data-indicator="2568-2-04"]')).toHaveTextContent(
      "“12abc” has letters in it",
    );
    expect(screen.getByRole("status")).toHaveTextContent("Met 2 · Below target 2");
    expect(screen.queryByRole("button", { name: "ตัวชี้วัด" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "ภาษาไทย — switch to Thai" }));
    expect(screen.getByRole("button", { name: "ตัวชี้วัด" })).toBeInTheDocument();
    await waitFor(() => expect(container.querySelector(".fui-FluentProvider")).toHaveAttribute("lang", "th"));
  });
});

describe("rounds that are not bundled", () => {
  afterEach(() => unregisterRounds(["G12"]));

  it("follows core's round registry: a workbook of a round registered later is read as soon as it is", async () => {
    const g = generatedRound(12, "G12");
    // A workbook built while the round was registered, opened when it is not.
    registerRounds([g]);
    const pane = await filledWorkbook(g, {
      round: "G12",
      lao: "5810401",
      values: { "G12-1-001": { base: 100, served: 95 } },
    });
    unregisterRounds(["G12"]);
    renderApp(pane);
    expect(await screen.findByText(/รอบการประเมิน “G12” ซึ่ง MinStd รุ่นนี้ไม่รู้จัก/)).toBeInTheDocument();
    act(() => registerRounds([g]));
    expect(await screen.findByRole("heading", { level: 2, name: "เทศบาลตำบลคลองท่อมใต้" })).toBeInTheDocument();
    expect(screen.getByText("G12-1-001")).toBeInTheDocument();
    act(() => unregisterRounds(["G12"]));
    expect(await screen.findByText(/รอบการประเมิน “G12” ซึ่ง MinStd รุ่นนี้ไม่รู้จัก/)).toBeInTheDocument();
  });
});
