/**
 * The built task pane in Chromium, in an Excel that lacks requirement sets the add-in cannot work
 * without (the Office.js test double reporting the sets of perpetual Office 2019, then those of
 * Excel on iPad): the pane says which Excel is needed, what this one lacks and the two ways that
 * work without the add-in, in Thai and in English, at the width of Excel's pane. Screenshots go to
 * test-artifacts/; axe-core checks each screen.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import type { FunctionsMetadata } from "../../src/functions/metadata/functionsJson";
import type { DoubleOptions } from "../office-double/install";
import {
  axeViolations,
  collectProblems,
  launchChromium,
  officeDoubleScript,
  routeOffice,
  settled,
} from "./support/browser";
import { builtAddin, ROOT } from "./support/build";
import { excel } from "./support/excelHooks";
import { HARNESS_HTML, HARNESS_PATH, paneFrame, PANE_WIDTH } from "./support/harness";
import { serveAddin, type AddinServer } from "./support/server";

jest.setTimeout(60_000);

const ARTIFACTS = join(ROOT, "test-artifacts");
const out = builtAddin();
const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as FunctionsMetadata;

let browser: Browser;
let server: AddinServer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveAddin(out, { [HARNESS_PATH]: HARNESS_HTML });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The harness (the pane as wide as Excel's, beside the workbook) over a double with these sets. */
async function openPane(
  requirementSets: DoubleOptions["requirementSets"],
  width = 1000,
): Promise<{ page: Page; pane: Frame; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(15_000);
  const problems = collectProblems(page);
  const options = { metadata, namespace: "MINSTD", requirementSets };
  await page.addInitScript((o) => Object.assign(window, { __officeDoubleOptions: o }), options);
  await routeOffice(page, server.base, await officeDoubleScript());
  await page.goto(`${server.base}${HARNESS_PATH.slice(1)}`);
  return { page, pane: await paneFrame(page), problems };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(page.viewportSize()!.width - 5, page.viewportSize()!.height - 5);
  for (const frame of page.frames()) await settled(frame);
  await page.screenshot({ path: join(ARTIFACTS, `pane-${name}.png`) });
}

/** Whether anything in the pane is wider than the pane (a horizontal scroll bar). */
const overflowsHorizontally = (pane: Frame): Promise<boolean> =>
  pane.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe("the pane in an Excel without the requirement sets it needs", () => {
  it("perpetual Office 2019: says which Excel is needed, what is missing and the two other ways, in Thai, within the pane", async () => {
    // Office 2019 reports ExcelApi up to 1.8 and has neither the shared runtime nor custom functions.
    const { page, pane, problems } = await openPane({ ExcelApi: "1.8", DialogApi: "1.1" });
    try {
      const heading = pane.getByRole("heading", { level: 2, name: "Excel รุ่นนี้ใช้บานหน้าต่าง MinStd ไม่ได้" });
      await heading.waitFor();
      const text = (await pane.locator("main").textContent()) ?? "";
      expect(text).toContain("Microsoft 365, Excel 2021 หรือ Excel 2024 หรือ Excel บนเว็บ");
      expect(text).toContain("Office 2016 และ 2019 แบบซื้อขาด และ Excel บน iPad ใช้ไม่ได้");
      const missing = pane.getByRole("group").getByRole("listitem");
      await expect(missing.allTextContents()).resolves.toEqual([
        "การทำงานของบานหน้าต่างร่วมกับสูตร MINSTD.* ตั้งแต่เปิดสมุดงาน (SharedRuntime 1.1)",
        "สูตร MINSTD.* ที่คำนวณผลการประเมินในแต่ละเซลล์ (CustomFunctionsRuntime 1.2)",
        "การสร้างแบบรวบรวมข้อมูล และการติดตามค่าที่พิมพ์ลงในแผ่นงาน (ExcelApi 1.9)",
      ]);
      const ways = pane.getByRole("region", { name: "ยังกรอกและส่งข้อมูลได้อีกสองทาง" });
      const wayText = (await ways.textContent()) ?? "";
      expect(wayText).toContain("Excel 2010 ขึ้นไป, LibreOffice, WPS Office หรือ Google Sheets");
      expect(wayText).toContain("/dashboard/");
      expect(wayText).toContain("minstd submit");
      // Nothing was asked of this Excel: no start-with-the-workbook, no sheet read or written.
      expect(await excel(pane, (e) => e.settings().__startupBehavior)).toBeUndefined();
      expect(await excel(pane, (e) => e.syncCount())).toBe(0);
      expect(await pane.evaluate(() => window.innerWidth)).toBe(PANE_WIDTH);
      expect(await overflowsHorizontally(pane)).toBe(false);
      await screenshot(page, "unsupported-excel-2019");
      expect(await axeViolations(pane)).toEqual([]);

      // The language switch is there, by keyboard too.
      await pane.getByRole("button", { name: "English — เปลี่ยนเป็นภาษาอังกฤษ" }).focus();
      await page.keyboard.press("Enter");
      await pane.getByRole("heading", { level: 2, name: "This Excel cannot run the MinStd pane" }).waitFor();
      await pane.getByRole("region", { name: "Two other ways to fill in and submit" }).waitFor();
      expect(await overflowsHorizontally(pane)).toBe(false);
      await screenshot(page, "unsupported-excel-2019-en");
      expect(await axeViolations(pane)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("Excel on iPad (no custom functions): names only that, in a 320 px pane", async () => {
    const { page, pane, problems } = await openPane({
      ExcelApi: "1.17",
      SharedRuntime: "1.1",
      DialogApi: "1.2",
    });
    try {
      await page.evaluate(() => {
        (document.getElementById("pane") as HTMLIFrameElement).style.width = "320px";
      });
      await pane.getByRole("heading", { level: 2, name: "Excel รุ่นนี้ใช้บานหน้าต่าง MinStd ไม่ได้" }).waitFor();
      await expect(pane.getByRole("group").getByRole("listitem").allTextContents()).resolves.toEqual([
        "สูตร MINSTD.* ที่คำนวณผลการประเมินในแต่ละเซลล์ (CustomFunctionsRuntime 1.2)",
      ]);
      expect(await pane.evaluate(() => window.innerWidth)).toBe(320);
      expect(await overflowsHorizontally(pane)).toBe(false);
      await screenshot(page, "unsupported-excel-ipad-320px");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("an Excel that lacks only the notes API (ExcelApi 1.18) starts the pane as usual", async () => {
    const { page, pane, problems } = await openPane({
      ExcelApi: "1.17",
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.3",
    });
    try {
      await pane.getByRole("heading", { name: "สร้างแบบรวบรวมข้อมูล" }).waitFor();
      expect(await pane.getByText("Excel รุ่นนี้ใช้บานหน้าต่าง MinStd ไม่ได้").count()).toBe(0);
      expect(await excel(pane, (e) => e.settings().__startupBehavior)).toBe("Load");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
