/**
 * The built task pane in Debian's Chromium, over the Office.js test double (real load/sync
 * semantics, formulas calculated by the page's own functions.js): an officer's first session from
 * an empty workbook to the summary sheet and the draft memo, and the page opened outside Excel. A screenshot of each
 * step goes to test-artifacts/ (the pane beside a picture of the workbook); axe-core checks every
 * screen.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { Browser, Frame, Page } from "playwright-core";
import {
  collectionLayout,
  layoutRows,
  shippedRound,
  statusLabel,
  type IndicatorRow,
  type Status,
} from "../../src/core";
import type { FunctionsMetadata } from "../../src/functions/metadata/functionsJson";
import { KHLONG_THOM_TAI_TOWN, testRegister } from "../taskpane/fixtures";
import {
  axeViolations,
  collectProblems,
  launchChromium,
  officeDoubleScript,
  outsideExcelScript,
  routeOffice,
  SAFETY_NET_MS,
  settled,
} from "./support/browser";
import { builtAddin, ROOT } from "./support/build";
import { at, excel, typeInto, type ExcelHooks } from "./support/excelHooks";
import { HARNESS_HTML, HARNESS_PATH, paneFrame, showSheet } from "./support/harness";
import { serveAddin, type AddinServer } from "./support/server";

const ARTIFACTS = join(ROOT, "test-artifacts");
const out = builtAddin();
const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as FunctionsMetadata;

const round = shippedRound("2568")!;
const town = testRegister().get(KHLONG_THOM_TAI_TOWN)!;
const rows = new Map(layoutRows(collectionLayout(round, town)).map((r) => [r.id, r]));
const row = (id: string): IndicatorRow & { sheet: string } => rows.get(id)!;
const label = (status: Status): string => statusLabel(status, round);

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

async function screenshot(page: Page, name: string): Promise<void> {
  // The pointer off the pane, so no control shows its hover state.
  await page.mouse.move(page.viewportSize()!.width - 5, page.viewportSize()!.height - 5);
  for (const frame of page.frames()) await settled(frame);
  await page.screenshot({ path: join(ARTIFACTS, `pane-${name}.png`) });
}

async function expectNoAxeViolations(frame: Frame): Promise<void> {
  expect(await axeViolations(frame)).toEqual([]);
}

describe("the task pane in Excel (over the Office.js test double)", () => {
  let page: Page;
  let pane: Frame;
  let problems: string[];

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(SAFETY_NET_MS);
    problems = collectProblems(page);
    await page.addInitScript((options) => Object.assign(window, { __officeDoubleOptions: options }), {
      metadata,
      namespace: "MINSTD",
      emptyCellMode: "desktop",
    });
    // A day of the 2568 round's window, so the deadline banner reads as an officer would see it then.
    await page.clock.setFixedTime(new Date("2025-08-23T10:00:00+07:00"));
    await routeOffice(page, server.base, await officeDoubleScript());
    await page.goto(`${server.base}${HARNESS_PATH.slice(1)}`);
    pane = await paneFrame(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  it("1. opens in an empty workbook at the first-run setup, with every function registered and load-with-workbook asked", async () => {
    await pane.getByRole("heading", { name: "สร้างแบบรวบรวมข้อมูล" }).waitFor();
    await pane.getByRole("combobox", { name: /อปท\./ }).waitFor();
    const registered = await excel(pane, (e) => [...e.model.functions.keys()].sort());
    expect(registered).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(await excel(pane, (e) => e.settings().__startupBehavior)).toBe("Load");
    await showSheet(page, "Sheet1");
    await screenshot(page, "01-empty-workbook");
    await expectNoAxeViolations(pane);
  });

  it("2. finds the LAO by searching the register and shows its type, district and province", async () => {
    const box = pane.getByRole("combobox", { name: /อปท\./ });
    await box.click();
    await box.pressSequentially("คลองท่อม");
    const option = pane.getByRole("option", { name: /เทศบาลตำบลคลองท่อมใต้/ });
    await option.waitFor();
    await screenshot(page, "02-lao-search");
    await expectNoAxeViolations(pane);
    await option.click();
    const card = pane.getByRole("region", { name: "อปท. ที่เลือก" });
    await expect(card.textContent()).resolves.toContain("5810401");
    const text = (await card.textContent()) ?? "";
    expect(text).toContain("เทศบาลตำบล");
    expect(text).toContain("คลองท่อม");
    expect(text).toContain("กระบี่");
  });

  it("3. picks the round", async () => {
    const radio = pane.getByRole("radio", { name: /ประจำปี พ\.ศ\. 2568/ });
    await radio.check();
    expect(await radio.isChecked()).toBe(true);
    await screenshot(page, "03-round-picked");
    await expectNoAxeViolations(pane);
  });

  it("4. builds the collection workbook: the sheets are there and the formulas calculate through functions.js", async () => {
    await pane.getByRole("button", { name: "สร้างแบบรวบรวมข้อมูล" }).click();
    await pane.getByRole("heading", { level: 2, name: "เทศบาลตำบลคลองท่อมใต้" }).waitFor();
    await pane.getByText("ปิดรับ 31 ส.ค. 2568 เวลา 24.00 น. — เหลืออีก 9 วัน").waitFor();
    const sheets = await excel(pane, (e) => e.sheetNames());
    expect(sheets).toEqual(
      expect.arrayContaining(["แบบเทศบาล 1", "แบบเทศบาล 2-1", "แบบเทศบาล 2-2", "MinStd"]),
    );
    const first = row("2568-1-01");
    const values = await pane.evaluate(
      ([target, result]) => {
        const e = (window as unknown as { __excel: ExcelHooks }).__excel;
        return { target: e.values(target!)[0]![0], result: e.formula(result!) };
      },
      [at(first.sheet, first.target), at(first.sheet, first.result)] as const,
    );
    expect(values.target).toBe(2); // =MINSTD.TARGET(...) calculated by the bundled function
    // The add-in's answer where it answers, the portable formula otherwise.
    expect(values.result).toMatch(/^=IF\(ISERROR\(MinStd_AddIn\),.*,MINSTD\.CHECK\("2568-1-01"/);
    await expect(pane.locator("[data-indicator]").count()).resolves.toBe(rows.size);
    await showSheet(page, first.sheet);
    await screenshot(page, "04-workbook-created");
    await expectNoAxeViolations(pane);
  });

  it("5. follows what the officer types, Thai digits among it: the result cells and the indicator list update live", async () => {
    const typed: Array<[string, "base" | "served" | "value", string]> = [
      ["2568-1-01", "value", "๓"],
      ["2568-1-02", "base", "100"],
      ["2568-1-02", "served", "๗๐"],
      ["2568-2-01", "base", "0"],
      ["2568-2-02", "value", "-"],
      ["2568-2-04", "base", "๑๐"],
      ["2568-2-04", "served", "12abc"],
      ["2568-2-05", "value", "0"],
      ["2568-3-01", "base", "1,000"],
      ["2568-3-01", "served", "๒๐"],
    ];
    for (const [id, field, text] of typed) await typeInto(pane, at(row(id).sheet, row(id)[field]!), text);
    const expected: Array<[string, Status]> = [
      ["2568-1-01", "pass"],
      ["2568-1-02", "below"],
      ["2568-2-01", "no-service"],
      ["2568-2-02", "not-done"],
      ["2568-2-05", "below"],
      ["2568-3-01", "pass"],
    ];
    for (const [id, status] of expected) {
      await pane.locator(`[data-indicator="${id}"]`).getByText(label(status)).waitFor();
      const shown = await pane.evaluate(
        (address) => (window as unknown as { __excel: ExcelHooks }).__excel.values(address)[0]![0],
        at(row(id).sheet, row(id).result),
      );
      expect(shown).toBe(label(status));
    }
    const invalid = pane.locator('[data-indicator="2568-2-04"]');
    await invalid.getByText(label("invalid")).waitFor();
    await expect(invalid.textContent()).resolves.toContain("12abc");
    await expect(pane.getByRole("button", { name: /^ผ่าน \(2\)$/ }).count()).resolves.toBe(1);
    await showSheet(page, row("2568-2-04").sheet);
    await pane.locator('[data-indicator="2568-1-01"]').scrollIntoViewIfNeeded();
    await screenshot(page, "05-values-typed");
    await expectNoAxeViolations(pane);
  });

  it("6. filters by result", async () => {
    await pane.getByRole("button", { name: "ผ่าน (2)" }).click();
    await expect(
      pane.locator("[data-indicator]").evaluateAll((els) => els.map((e) => e.getAttribute("data-indicator"))),
    ).resolves.toEqual(["2568-1-01", "2568-3-01"]);
    await screenshot(page, "06-filter-pass");
    await expectNoAxeViolations(pane);
  });

  it("7. searches by id or text", async () => {
    await pane.getByRole("button", { name: /^ทั้งหมด/ }).click();
    await pane.getByRole("searchbox", { name: "ค้นหาตัวชี้วัด" }).fill("2568-2-");
    await expect(
      pane.locator("[data-indicator]").evaluateAll((els) => els.map((e) => e.getAttribute("data-indicator"))),
    ).resolves.toEqual([...rows.keys()].filter((id) => id.startsWith("2568-2-")));
    await screenshot(page, "07-search");
    await expectNoAxeViolations(pane);
  });

  it("8. jumps to the cell to fix: selecting an indicator selects its input cell in Excel", async () => {
    await pane.locator('[data-indicator="2568-2-04"]').click();
    const target = row("2568-2-04");
    const cell = at(target.sheet, target.served!);
    await pane.waitForFunction(
      (expected) => (window as unknown as { __excel: ExcelHooks }).__excel.selection() === expected,
      cell,
    );
    expect(await excel(pane, (e) => e.selection())).toBe(cell);
    await showSheet(page, target.sheet);
    await screenshot(page, "08-jump-to-cell");
    await expectNoAxeViolations(pane);
  });

  it("9. shows the summary and inserts the summary sheet with its chart", async () => {
    await pane.getByRole("searchbox", { name: "ค้นหาตัวชี้วัด" }).fill("");
    await pane.getByRole("button", { name: "สรุปผล", exact: true }).click();
    const insert = pane.getByRole("button", { name: "แทรกชีตสรุปผล" });
    await insert.waitFor();
    await expect(pane.locator('[data-summary="summary-overall"]').textContent()).resolves.toContain(
      "ผ่าน ร้อยละ 40.00",
    );
    await screenshot(page, "09-summary");
    await expectNoAxeViolations(pane);
    await insert.click();
    await pane.getByText("แทรกชีต “สรุปผล” แล้ว").waitFor();
    const sheet = await excel(pane, (e) => ({
      names: e.sheetNames(),
      title: e.values("'สรุปผล'!A1")[0]![0],
      charts: e.model
        .sheetByName("สรุปผล")!
        .charts.map((c) => ({ name: c.name, type: c.type, title: c.title })),
    }));
    expect(sheet.names).toContain("สรุปผล");
    expect(sheet.title).toBe("สรุปผลประเมินการจัดบริการสาธารณะ เทศบาลตำบลคลองท่อมใต้");
    expect(sheet.charts).toEqual([
      {
        name: "MinStd_PassRateChart",
        type: "ColumnClustered",
        title: "ร้อยละของตัวชี้วัดที่ผ่านค่าเป้าหมายขั้นต่ำ จำแนกตามด้าน",
      },
    ]);
    await showSheet(page, "สรุปผล", 13);
    await screenshot(page, "10-summary-sheet");
    await expectNoAxeViolations(pane);
  });

  it("10. makes the draft memo of the workbook's results and downloads it as a Word file", async () => {
    const memo = pane.locator("[data-memo]");
    await memo.scrollIntoViewIfNeeded();
    await expect(memo.getByRole("textbox", { name: "ส่วนราชการ" }).inputValue()).resolves.toBe(
      "สำนักปลัดเทศบาล เทศบาลตำบลคลองท่อมใต้",
    );
    await memo.getByRole("textbox", { name: "ที่ (เลขที่หนังสือ)" }).fill("กบ 52301/123");
    await memo.getByRole("textbox", { name: "ชื่อผู้ลงนาม" }).fill("สมศรี ใจดี");
    const downloading = page.waitForEvent("download");
    await memo.getByRole("button", { name: "ดาวน์โหลดร่างบันทึกข้อความ" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("บันทึกข้อความ-ผลประเมิน-2568-5810401.docx");
    await pane.getByText("สร้างไฟล์ “บันทึกข้อความ-ผลประเมิน-2568-5810401.docx” แล้ว", { exact: false }).waitFor();

    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    const expected = [
      "บันทึกข้อความ",
      "สำนักปลัดเทศบาล เทศบาลตำบลคลองท่อมใต้",
      "กบ 52301/123",
      "๒๓ สิงหาคม ๒๕๖๘", // the page's clock, in the Buddhist Era and Thai digits
      "ภารกิจที่ต้องมีการพัฒนาในอนาคต",
      "ร้อยละของความพึงพอใจของประชาชนในการจัดการศึกษาของเทศบาล", // 2568-1-02, 70% below 80%
      "(สมศรี ใจดี)",
      "หัวหน้าสำนักปลัด",
    ];
    const at = expected.map((e) => text.indexOf(e));
    expect(expected.filter((_, i) => at[i]! < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(await zip.file("word/styles.xml")!.async("string")).toContain('w:ascii="TH Sarabun New"');

    await memo.scrollIntoViewIfNeeded();
    await screenshot(page, "11-memo-download");
    await expectNoAxeViolations(pane);
  });

  it("11. switches to English and back", async () => {
    await pane.getByRole("button", { name: /^English/ }).click();
    await pane.getByRole("button", { name: "Insert summary sheet" }).waitFor();
    await expect(pane.locator("html").getAttribute("lang")).resolves.toBe("th"); // the page; the pane says en
    await expect(pane.locator('[lang="en"]').first().isVisible()).resolves.toBe(true);
    await pane.getByRole("button", { name: "Indicators", exact: true }).click();
    await pane
      .locator('[data-indicator="2568-1-01"]')
      .getByText("ผ่านค่าเป้าหมายขั้นต่ำ")
      .waitFor({ state: "detached" });
    await showSheet(page, row("2568-1-01").sheet);
    await screenshot(page, "12-english");
    await expectNoAxeViolations(pane);
    await pane.getByRole("button", { name: /^ภาษาไทย/ }).click();
    await pane.getByRole("button", { name: "ตัวชี้วัด", exact: true }).waitFor();
  });

  it("logged no errors on the way", () => {
    expect(problems).toEqual([]);
  });
});

describe("the first run by keyboard alone", () => {
  it("reaches every control in order: the LAO list, the round, the create button; then jumps to a cell with Enter", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(SAFETY_NET_MS);
    try {
      const problems = collectProblems(page);
      await page.addInitScript((options) => Object.assign(window, { __officeDoubleOptions: options }), {
        metadata,
      });
      await page.clock.setFixedTime(new Date("2025-08-23T10:00:00+07:00"));
      await routeOffice(page, server.base, await officeDoubleScript());
      await page.goto(`${server.base}${HARNESS_PATH.slice(1)}`);
      const pane = await paneFrame(page);
      /** The focused control as "role: name" (inputs by their type and label). */
      const focused = () =>
        pane.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          if (!el) return "none";
          const role =
            el.getAttribute("role") ?? (el.tagName === "INPUT" ? el.type : el.tagName.toLowerCase());
          const name =
            el.getAttribute("aria-label") ??
            el.labels?.[0]?.textContent ??
            el.textContent?.trim().slice(0, 40) ??
            "";
          return `${role}: ${name}`;
        });
      /** Presses Tab until the focus matches, returning every stop on the way. */
      const tabTo = async (wanted: RegExp): Promise<string[]> => {
        const stops: string[] = [];
        for (let i = 0; i < 6; i++) {
          await page.keyboard.press("Tab");
          stops.push(await focused());
          if (wanted.test(stops.at(-1)!)) return stops;
        }
        throw new Error(`never reached ${wanted}: ${stops.join(" → ")}`);
      };
      await pane.getByRole("combobox", { name: /อปท\./ }).waitFor();
      await pane.locator("body").focus();
      // The language button, then the LAO box.
      expect(await tabTo(/^combobox/)).toEqual([
        "button: English — เปลี่ยนเป็นภาษาอังกฤษ",
        expect.stringMatching(/^combobox/),
      ]);
      await page.keyboard.type("5810401");
      await pane.getByRole("option", { name: /เทศบาลตำบลคลองท่อมใต้/ }).waitFor();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await pane.getByRole("region", { name: "อปท. ที่เลือก" }).waitFor();
      // On to the round (the open round is preselected; Fluent's list button is the one stop between), then create.
      const toRound = await tabTo(/^radio/);
      expect(toRound.slice(0, -1).every((stop) => stop === "button: Open")).toBe(true);
      expect(await tabTo(/^button: สร้าง/)).toEqual(["button: สร้างแบบรวบรวมข้อมูล"]);
      await page.keyboard.press("Enter");
      await pane.getByRole("heading", { level: 2, name: "เทศบาลตำบลคลองท่อมใต้" }).waitFor();
      // The focus is not lost with the setup view: it goes to the LAO's heading.
      await pane.waitForFunction(() => document.activeElement?.tagName === "H2");
      expect(await focused()).toBe("h2: เทศบาลตำบลคลองท่อมใต้");
      const item = pane.locator('[data-indicator="2568-1-02"]');
      await item.focus();
      await page.keyboard.press("Enter");
      const target = row("2568-1-02");
      await pane.waitForFunction(
        (expected) => (window as unknown as { __excel: ExcelHooks }).__excel.selection() === expected,
        at(target.sheet, target.base!),
      );
      await screenshot(page, "keyboard-first-run");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("the page opened outside Excel", () => {
  for (const [host, text, name] of [
    [null, "หน้านี้เป็นส่วนเสริม (add-in) ของ Microsoft Excel จึงใช้งานในเว็บเบราว์เซอร์โดยตรงไม่ได้", "browser"],
    ["Word", "ส่วนเสริมนี้ใช้ได้กับ Excel เท่านั้น แต่ขณะนี้เปิดอยู่ใน Word", "word"],
  ] as const) {
    it(`${host ?? "a plain browser"}: says to open it in Excel, without an error`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
      try {
        const problems = collectProblems(page);
        await routeOffice(page, server.base, outsideExcelScript(host));
        await page.goto(`${server.base}taskpane.html`);
        await page.getByText("เปิดใน Excel เพื่อใช้งาน").waitFor();
        await page.getByText(text).waitFor();
        await screenshot(page, `outside-${name}`);
        await expectNoAxeViolations(page.mainFrame());
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
