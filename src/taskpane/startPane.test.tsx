/**
 * The pane's startup over the Office.js test double, as Excel starts it: the double reports the
 * requirement sets of a given Excel, and the pane either starts (the first-run setup of an empty
 * workbook) or says which Excel it needs and touches nothing.
 */
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Root } from "react-dom/client";
import { countingLoader, noConnection } from "../../test/taskpane/render";
import { installOfficeDouble, type DoubleOptions } from "../../test/office-double/install";
import { startPane } from "./startPane";

const GLOBALS = ["Office", "Excel", "CustomFunctions", "OfficeRuntime", "OfficeExtension", "__excel"];

let root: Root | undefined;
let element: HTMLElement;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  element.remove();
  for (const name of GLOBALS) delete (window as unknown as Record<string, unknown>)[name];
  window.localStorage.clear();
});

/** Installs the double with these options, starts the pane and returns the double's hooks. */
async function start(options: DoubleOptions = {}) {
  const hooks = installOfficeDouble(window, options);
  element = document.body.appendChild(document.createElement("div"));
  await act(async () => {
    root = await startPane(element, { loadRegister: countingLoader().load, openConnection: noConnection });
  });
  return hooks;
}

const TITLE = "Excel รุ่นนี้ใช้บานหน้าต่าง MinStd ไม่ได้";

describe("starting the pane", () => {
  it("in perpetual Office 2019 (no shared runtime, no custom functions, ExcelApi 1.8) it says in Thai which Excel is needed and what is missing, and touches nothing", async () => {
    const excel = await start({ requirementSets: { ExcelApi: "1.8" } });
    expect(await screen.findByRole("heading", { level: 2, name: TITLE })).toBeInTheDocument();
    expect(
      screen.getByText(/ต้องใช้ Microsoft 365, Excel 2021 หรือ Excel 2024 หรือ Excel บนเว็บ/),
    ).toBeInTheDocument();
    const missing = within(screen.getByRole("group")).getAllByRole("listitem");
    expect(missing.map((item) => item.textContent)).toEqual([
      "การทำงานของบานหน้าต่างร่วมกับสูตร MINSTD.* ตั้งแต่เปิดสมุดงาน (SharedRuntime 1.1)",
      "สูตร MINSTD.* ที่คำนวณผลการประเมินในแต่ละเซลล์ (CustomFunctionsRuntime 1.2)",
      "การสร้างแบบรวบรวมข้อมูล และการติดตามค่าที่พิมพ์ลงในแผ่นงาน (ExcelApi 1.9)",
    ]);
    const ways = screen.getByRole("region", { name: "ยังกรอกและส่งข้อมูลได้อีกสองทาง" });
    expect(ways).toHaveTextContent("Excel 2010 ขึ้นไป, LibreOffice, WPS Office หรือ Google Sheets");
    expect(ways).toHaveTextContent("/dashboard/");
    expect(ways).toHaveTextContent("minstd submit");
    expect(screen.queryByRole("heading", { name: "สร้างแบบรวบรวมข้อมูล" })).toBeNull();
    expect(excel.settings().__startupBehavior).toBeUndefined();
    expect(excel.syncCount()).toBe(0);
  });

  it("says the same in English with the language switch", async () => {
    const user = userEvent.setup();
    await start({ requirementSets: { ExcelApi: "1.8" } });
    await screen.findByRole("heading", { level: 2, name: TITLE });
    await user.click(screen.getByRole("button", { name: "English — เปลี่ยนเป็นภาษาอังกฤษ" }));
    expect(
      screen.getByRole("heading", { level: 2, name: "This Excel cannot run the MinStd pane" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/the MINSTD\.\* formulas that calculate each result cell/)).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Two other ways to fill in and submit" })).toHaveTextContent(
      "LibreOffice",
    );
  });

  it("in Excel on iPad (no custom functions) it names only what is missing", async () => {
    await start({ requirementSets: { ExcelApi: "1.17", SharedRuntime: "1.1" } });
    await screen.findByRole("heading", { level: 2, name: TITLE });
    const missing = within(screen.getByRole("group")).getAllByRole("listitem");
    expect(missing.map((item) => item.textContent)).toEqual([
      "สูตร MINSTD.* ที่คำนวณผลการประเมินในแต่ละเซลล์ (CustomFunctionsRuntime 1.2)",
    ]);
  });

  it("with every required set it starts as usual: the first-run setup of an empty workbook, loaded with the workbook from now on", async () => {
    const excel = await start();
    expect(await screen.findByRole("heading", { name: "สร้างแบบรวบรวมข้อมูล" })).toBeInTheDocument();
    expect(screen.queryByText(TITLE)).toBeNull();
    expect(excel.settings().__startupBehavior).toBe("Load");
  });

  it("when only an optional set is missing (the notes of ExcelApi 1.18) it starts as usual", async () => {
    await start({
      requirementSets: { ExcelApi: "1.17", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" },
    });
    expect(await screen.findByRole("heading", { name: "สร้างแบบรวบรวมข้อมูล" })).toBeInTheDocument();
    expect(screen.queryByText(TITLE)).toBeNull();
  });
});
