/**
 * The web dashboard in Chromium against a real `minstd serve` with seeded data (see seededServer.ts):
 * a province officer and a national officer sign in with one-time codes and use every view.
 * Screenshots go to test-artifacts/dashboard/; axe-core must find nothing on any view.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { loadRegister } from "../../src/dataFiles";
import { toThaiDigits } from "../../src/core/calendar/thai";
import { FIRST_ROWS } from "../../src/dashboard/useDrawnInSteps";
import {
  FIRST_SCREEN_DATA_ID,
  FIRST_SCREEN_STALE_CLASS,
  PAGE_COOKIE,
  type FirstScreenData,
} from "../../src/api/firstScreen";
import { FIRST_SCREEN_FILE } from "../../src/server/dashboardFiles";
import { axeViolations } from "./browser";
import { openPage, signInWithCode, startSeededDashboard, type SeededDashboard } from "./seededDashboard";
import { api, issueStaffCode, signIn as signInByApi, type Seeded, type ServeProcess } from "./seededServer";

const COMPLETENESS_CHART = "ร้อยละของ อปท. ที่ส่งข้อมูลแล้ว รายจังหวัด";
const SHOTS = join(__dirname, "../../test-artifacts/dashboard");
const municipal22 = loadRegister()
  .inProvince("22")
  .filter((l) => ["city", "town", "subdistrict"].includes(l.type));

describe("the web dashboard in Chromium", () => {
  let app: SeededDashboard;
  let server: ServeProcess;
  let seeded: Seeded;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startSeededDashboard("dashboard");
    ({ server, seeded } = app);
  });
  afterAll(() => app?.stop());

  const open = () => openPage(app, { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const signIn = (page: Page, code: string) => signInWithCode(app, page, code);

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  async function expectAccessible(page: Page, view: string): Promise<void> {
    expect([view, await axeViolations(page)]).toEqual([view, []]);
  }

  const rowOf = (page: Page, lao: string) => page.locator(`tr[data-lao="${lao}"]`);

  describe("as a province officer", () => {
    let page: Page;
    let context: BrowserContext;
    let problems: string[];
    beforeAll(async () => {
      ({ page, context, problems } = await open());
    });
    afterAll(() => context?.close());

    it("signs in with a one-time code, keeps the token out of the URL, and opens the open round with its countdown", async () => {
      await page.goto(`${server.url}/dashboard/`);
      // The sign-in page comes as a chunk of its own (with Fluent UI), after the page's first script.
      await page.getByRole("heading", { name: "ลงชื่อเข้าใช้" }).waitFor();
      await shot(page, "01-sign-in");
      await expectAccessible(page, "sign-in");

      await page.getByLabel("รหัสเข้าใช้งาน").fill("AAAA-BBBB-CCCC");
      await page.getByRole("button", { name: "ลงชื่อเข้าใช้" }).click();
      await page.getByText("รหัสเข้าใช้งานไม่ถูกต้อง").waitFor();
      // The browser logs the refused sign-in (401) as a failed load: expected here, and only here.
      expect(problems).toEqual([expect.stringContaining("401")]);
      problems.length = 0;

      await page.getByLabel("รหัสเข้าใช้งาน").fill(seeded.provinceCode.toLowerCase().replace(/-/g, " "));
      await page.getByRole("button", { name: "ลงชื่อเข้าใช้" }).click();
      await page.getByRole("heading", { name: "อปท. ในจังหวัดจันทบุรี" }).waitFor();
      await page.getByText(/^เหลือเวลาอีก [๐-๙]+ วัน [๐-๙]+ ชั่วโมง [๐-๙]+ นาที$/).waitFor();
      expect(await page.getByLabel("รอบการประเมิน").inputValue()).toBe("2569");
      const token = await page.evaluate(() => localStorage.getItem("minstd.dashboard.token"));
      expect(token).toMatch(/^mst_/);
      expect(page.url()).not.toContain(token!);
      await expect(rowOf(page, seeded.yoyLao).getByText("ส่งแล้ว").isVisible()).resolves.toBe(true);
      await shot(page, "02-province-open-round");
      await expectAccessible(page, "province view, open round");
    });

    it("lists every municipality of the province in 2568: submitted with version and Thai time, returned, late, and an extension respected", async () => {
      await page.getByLabel("รอบการประเมิน").selectOption("2568");
      await page.getByText("ปิดรับข้อมูลแล้ว").waitFor();
      await expect(page.locator("tr[data-lao]").count()).resolves.toBe(municipal22.length);
      const first = rowOf(page, seeded.submitted2568[0]!);
      await expect(first.locator("td").nth(4).innerText()).resolves.toBe("ส่งแล้ว");
      await expect(first.locator("td").nth(5).innerText()).resolves.toBe("๑");
      await expect(first.locator("td").nth(6).innerText()).resolves.toMatch(
        /[๐-๙]+ \S+ ๒๕๖๙ เวลา [๐-๙]{2}\.[๐-๙]{2} น\./,
      );
      await expect(rowOf(page, seeded.submitted2568[1]!).locator("td").nth(4).innerText()).resolves.toBe(
        "ส่งกลับให้แก้ไข",
      );
      const extended = await rowOf(page, seeded.extended2568).locator("td").nth(4).innerText();
      expect(extended).toMatch(/^ยังไม่ส่ง\s+ขยายเวลาถึง/);
      const late = municipal22.find(
        (l) => !seeded.submitted2568.includes(l.code) && l.code !== seeded.extended2568,
      )!;
      await expect(rowOf(page, late.code).locator("td").nth(4).innerText()).resolves.toBe("เลยกำหนด");
      const lateCount = municipal22.length - seeded.submitted2568.length - 1;
      await expect(
        page.getByRole("button", { name: new RegExp(`เลยกำหนด.*${toThai(lateCount)} จาก`) }).count(),
      ).resolves.toBe(1);
      await shot(page, "03-province-2568");
      await expectAccessible(page, "province view, closed round");
    });

    it("filters by status, type, district and search, and exports exactly the rows on screen as CSV and XLSX", async () => {
      await page.getByLabel("สถานะ", { exact: true }).selectOption("late");
      const lateCount = municipal22.length - seeded.submitted2568.length - 1;
      await expect(page.locator("tr[data-lao]").count()).resolves.toBe(lateCount);
      await page.getByLabel("ประเภท อปท.").selectOption("town");
      const lateTowns = municipal22.filter(
        (l) => l.type === "town" && !seeded.submitted2568.includes(l.code) && l.code !== seeded.extended2568,
      );
      await expect(page.locator("tr[data-lao]").count()).resolves.toBe(lateTowns.length);
      expect(page.url()).toContain("status=late");
      await page.getByLabel("ประเภท อปท.").selectOption("");
      await shot(page, "04-province-filtered");

      const [csvDownload] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "ส่งออก CSV" }).click(),
      ]);
      expect(csvDownload.suggestedFilename()).toBe("minstd-2568-22.csv");
      const csv = readFileSync(await csvDownload.path());
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.toString("utf8").slice(1).trimEnd().split("\r\n");
      expect(lines).toHaveLength(1 + lateCount);
      expect(lines.slice(1).every((l) => l.includes(",เลยกำหนด ยังไม่ส่ง,"))).toBe(true);

      await page.getByLabel("ค้นหา (ชื่อ รหัส หรืออำเภอ)").fill(late0().code);
      await expect(page.locator("tr[data-lao]").count()).resolves.toBe(1);
      const [xlsxDownload] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "ส่งออก Excel" }).click(),
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await xlsxDownload.path()) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("ผลการประเมิน")!;
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).getCell(1).value).toBe(late0().code);
      await page.getByRole("button", { name: "ล้างตัวกรอง" }).click();
      await expect(page.locator("tr[data-lao]").count()).resolves.toBe(municipal22.length);
    });

    it("opens a submission with the official columns and labels, provisional marks, year over year and the report files", async () => {
      await page.getByLabel("รอบการประเมิน").selectOption("2569");
      await rowOf(page, seeded.yoyLao).getByRole("link").click();
      await page.getByRole("heading", { name: "ข้อมูลที่เทศบาลเมืองจันทบุรีส่ง" }).waitFor();
      for (const column of [
        "บริการสาธารณะ",
        "เกณฑ์ชี้วัด",
        "ค่าเป้าหมาย",
        "กรอบการประเมิน (1)",
        "การจัดบริการสาธารณะ (2)",
        "(2) เทียบกับ (1) %",
        "ผลการประเมิน",
        "ปีก่อน",
      ]) {
        // "ปีก่อน" comes with the history, which loads after the submission: wait for each, then count.
        const header = page.getByRole("columnheader", { name: column, exact: true });
        await header.first().waitFor();
        await expect(header.count()).resolves.toBe(1);
      }
      await expect(page.locator("tr[data-indicator]").count()).resolves.toBe(10);
      // แบบ 1 in Thai digits, whether the figure was a number or kept as typed text ("85,000,000").
      await expect(page.locator('[data-section="form1"] dd').first().innerText()).resolves.toMatch(
        /^[๐-๙,]+$/,
      );
      await expect(page.locator('[data-section="form1"] dd').nth(3).innerText()).resolves.toBe("๘๕,๐๐๐,๐๐๐");
      const firstRow = page.locator('tr[data-indicator="2569-1-01"]');
      await expect(firstRow.locator("td").nth(2).innerText()).resolves.toBe("๒*");
      await expect(firstRow.locator("td").nth(6).innerText()).resolves.toMatch(
        /^(ผ่านค่าเป้าหมายขั้นต่ำ|การพัฒนาในอนาคต)$/,
      );
      await expect(firstRow.locator("td").nth(7).innerText()).resolves.toMatch(/^พ\.ศ\. ๒๕๖๘: [๐-๙]+ \(/);
      await page.locator("[data-trend]").nth(9).waitFor();
      await expect(page.locator("[data-trend]").count()).resolves.toBe(10);
      await shot(page, "05-submission");
      await expectAccessible(page, "submission view");

      const [memo] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "ดาวน์โหลดร่างบันทึกข้อความ (Word)" }).click(),
      ]);
      expect(memo.suggestedFilename()).toBe(`memo-2569-${seeded.yoyLao}-v1.docx`);
      const xml = await (
        await JSZip.loadAsync(readFileSync(await memo.path()))
      )
        .file("word/document.xml")!
        .async("string");
      expect(xml).toContain("บันทึกข้อความ");
      const [summary] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "ดาวน์โหลดสรุปผล (Excel)" }).click(),
      ]);
      expect(summary.suggestedFilename()).toBe(`summary-2569-${seeded.yoyLao}-v1.xlsx`);
    });

    it("returns the submission with a comment on one indicator and a note, and the server records it", async () => {
      const comment = "จำนวนโครงการไม่ตรงกับเทศบัญญัติ กรุณาแนบรายชื่อโครงการ";
      await page.getByRole("button", { name: "ส่งกลับให้แก้ไข" }).click();
      await page.getByText(/ใส่ความเห็นที่ตัวชี้วัดที่ต้องแก้ไขอย่างน้อยหนึ่งข้อ/).waitFor();
      await page.getByLabel("ความเห็นตัวชี้วัด แบบ 2-1 ข้อ 1").fill(comment);
      await page.getByLabel("หมายเหตุถึง อปท.").fill("แก้ไขภายใน ๓ วัน");
      await page.getByRole("button", { name: "ส่งกลับให้แก้ไข" }).click();
      await page.getByText("ส่งกลับให้แก้ไขแล้ว", { exact: true }).waitFor();
      await page.getByRole("heading", { name: "ประวัติการส่งกลับ" }).waitFor();
      await shot(page, "06-returned");
      await expectAccessible(page, "submission view, returned");
      const stored = await api(
        server.url,
        "GET",
        `/laos/${seeded.yoyLao}/submissions/2569`,
        seeded.adminToken,
      );
      expect(stored.state).toBe("returned");
      expect(stored.returns).toEqual([
        expect.objectContaining({ version: 1, comments: { "2569-1-01": comment }, note: "แก้ไขภายใน ๓ วัน" }),
      ]);
      expect(problems).toEqual([]);
    });
  });

  describe("as a national officer", () => {
    let page: Page;
    let context: BrowserContext;
    let problems: string[];
    beforeAll(async () => {
      ({ page, context, problems } = await open());
      await signIn(page, seeded.nationalCode);
      await page.getByRole("heading", { name: "ภาพรวมระดับประเทศ" }).waitFor();
    });
    afterAll(() => context?.close());

    it("shows completeness by province as a table and a chart, and pass rates by area, indicator, type and province", async () => {
      await page.getByLabel("รอบการประเมิน").selectOption("2568");
      const completeness = await api(server.url, "GET", "/rounds/2568/completeness", seeded.adminToken);
      await page.locator(`tr[data-province="22"]`).waitFor();
      await expect(page.locator("tr[data-province]").count()).resolves.toBe(completeness.provinces.length);
      await expect(page.locator(`[data-chart="${COMPLETENESS_CHART}"] [data-bar]`).count()).resolves.toBe(
        completeness.provinces.length,
      );
      const p22 = page.locator(`tr[data-province="22"] td`);
      await expect(p22.nth(2).innerText()).resolves.toBe("๑๑"); // 12 sent, one of them returned
      await expect(p22.nth(3).innerText()).resolves.toBe("๑");
      // The country's totals in thousands, grouped as officers write them.
      const notStarted = completeness.totals.notStarted as number;
      expect(notStarted).toBeGreaterThan(999);
      await expect(page.locator("[data-totals]").innerText()).resolves.toContain(
        `ยังไม่ส่ง ${toThaiDigits(notStarted.toLocaleString("en-US"))} /`,
      );
      await expect(
        page.locator(`[data-chart="${COMPLETENESS_CHART}"] [data-bar]`).last().getAttribute("data-bar"),
      ).resolves.toBe("22");
      await expect(page.locator("tr[data-row]").count()).resolves.toBe(3); // by area
      await page.getByRole("button", { name: "ตัวชี้วัด", exact: true }).click();
      await expect(page.locator("tr[data-row]").count()).resolves.toBe(10);
      await shot(page, "07-national");
      await expectAccessible(page, "national view");

      const [xlsx] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "ส่งออก Excel" }).first().click(),
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual([
        "ความครบถ้วน",
        "รายด้าน",
        "รายตัวชี้วัด",
        "รายประเภท อปท.",
        "รายจังหวัด",
      ]);
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "ส่งออก CSV" }).last().click(),
      ]);
      const lines = readFileSync(await csv.path(), "utf8")
        .slice(1)
        .trimEnd()
        .split("\r\n");
      expect(lines).toHaveLength(11);
      expect(lines[0]).toMatch(/^รหัส,ด้าน,ตัวชี้วัด,/);
    });

    it("reopened, draws from the reads the page starts before its code runs, each asked for once", async () => {
      await page.goto("about:blank");
      const asked: string[] = [];
      const onRequest = (r: { url(): string }) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith("/api/v1/"))
          asked.push(url.pathname.slice("/api/v1".length) + url.search);
      };
      page.on("request", onRequest);
      try {
        // The round's definition is read after the first screen is drawn.
        const definition = page.waitForResponse((r) => r.url().endsWith("/api/v1/rounds/2568"));
        await page.goto(`${server.url}/dashboard/#/national?round=2568`);
        await page.locator(`tr[data-province="22"]`).waitFor();
        await page.locator("tr[data-row]").first().waitFor();
        await definition;
      } finally {
        page.off("request", onRequest);
      }
      expect([...asked].sort()).toEqual(
        ["/me", "/rounds", "/rounds/2568", "/rounds/2568/completeness", "/rounds/2568/results"].sort(),
      );
      expect(problems).toEqual([]);
    });

    it("on the officer's own computer, comes with its first screen drawn by the server, which the app takes over without asking again", async () => {
      const token = (await page.evaluate(() => localStorage.getItem("minstd.dashboard.token")))!;
      const cookie = (await context.cookies()).find((c) => c.name === PAGE_COOKIE);
      expect(cookie).toMatchObject({ value: token, httpOnly: true, sameSite: "Strict", path: "/dashboard/" });
      // Where a national officer lands: the round open now (2569), whatever the address says.
      const defaultRoundId = "2569";
      const landing = `#/national?round=${defaultRoundId}`;

      // The page itself: the view drawn, with the answers it was drawn from, kept by no cache.
      const drawn = await fetch(`${server.url}/dashboard/`, {
        headers: { cookie: `${PAGE_COOKIE}=${token}` },
      });
      const plain = await fetch(`${server.url}/dashboard/`);
      expect(drawn.headers.get("cache-control")).toBe("no-store");
      expect(drawn.headers.get("content-security-policy")).toBe(plain.headers.get("content-security-policy"));
      const html = await drawn.text();
      expect(html).toMatch(/<tr data-province="22"/);
      // The page's own style hides a drawing the app will not show (the class the early script sets).
      expect(html).toContain(`.${FIRST_SCREEN_STALE_CLASS} #root {`);
      const data = JSON.parse(
        new RegExp(`<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">(.*?)</script>`).exec(
          html,
        )![1]!,
      ) as FirstScreenData;
      expect(data.place).toBe(landing);
      expect(Object.keys(data.answers).sort()).toEqual(
        [
          "/me",
          "/rounds",
          `/rounds/${defaultRoundId}/completeness`,
          `/rounds/${defaultRoundId}/results`,
        ].sort(),
      );
      expect(await plain.text()).not.toContain(`id="${FIRST_SCREEN_DATA_ID}"`);
      // Only the server reads the renderer.
      expect((await fetch(`${server.url}/dashboard/${FIRST_SCREEN_FILE}`)).status).toBe(404);

      // In the browser: shown while the app's code has not even arrived, and taken over by the app.
      await page.goto("about:blank");
      const asked: string[] = [];
      const onRequest = (r: { url(): string }) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith("/api/v1/")) asked.push(url.pathname.slice("/api/v1".length));
      };
      let release!: () => void;
      const codeHeld = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/dashboard\/dashboard-[^/]*\.js$/, async (route) => {
        await codeHeld;
        await route.continue();
      });
      page.on("request", onRequest);
      try {
        await page.goto(`${server.url}/dashboard/`, { waitUntil: "commit" });
        await page.locator('tr[data-province="22"]').waitFor();
        await expect(page.getByRole("heading", { name: "ภาพรวมระดับประเทศ" }).isVisible()).resolves.toBe(true);
        expect(asked).toEqual([]);
        await shot(page, "07b-national-drawn-by-the-server");
        // The app has drawn once it asks for the round's definition (after its first render); a click
        // before that lands on the server's drawing, which has no handlers yet.
        const appDrawn = page.waitForResponse((r) => r.url().endsWith(`/api/v1/rounds/${defaultRoundId}`));
        release();
        await appDrawn;
        // The app draws over the same elements (none twice) and answers clicks.
        await page.getByRole("button", { name: "ตัวชี้วัด", exact: true }).click();
        await page.locator("tr[data-row]").nth(9).waitFor();
        const completeness = data.answers[`/rounds/${defaultRoundId}/completeness`] as {
          provinces: unknown[];
        };
        await expect(page.locator("tr[data-province]").count()).resolves.toBe(completeness.provinces.length);
        await expect(page.locator("header.shell-header").count()).resolves.toBe(1);
      } finally {
        page.off("request", onRequest);
        release();
        await page.unroute(/\/dashboard\/dashboard-[^/]*\.js$/);
      }
      expect(asked).toEqual([`/rounds/${defaultRoundId}`]);
      expect(problems).toEqual([]);
      // Back to 2568 for the tests that follow; the page's drawing of 2569 stays hidden there.
      await page.goto(`${server.url}/dashboard/#/national?round=2568`);
      await page.getByLabel("รอบการประเมิน").waitFor();
      await expect(page.getByLabel("รอบการประเมิน").inputValue()).resolves.toBe("2568");
    });

    it("draws a long list of LAOs a screen's worth first and every LAO a frame later", async () => {
      const municipal30 = loadRegister()
        .inProvince("30")
        .filter((l) => ["city", "town", "subdistrict"].includes(l.type));
      expect(municipal30.length).toBeGreaterThan(FIRST_ROWS);
      await page.evaluate(() => {
        const w = window as unknown as { __firstRows?: number };
        delete w.__firstRows;
        const observer = new MutationObserver(() => {
          const rows = document.querySelectorAll("tr[data-lao]").length;
          if (rows === 0) return;
          w.__firstRows = rows;
          observer.disconnect();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      await page.evaluate(() => (window.location.hash = "#/province/30?round=2568"));
      await page.getByRole("heading", { name: "อปท. ในจังหวัดนครราชสีมา" }).waitFor();
      await page.waitForFunction(
        (n) => document.querySelectorAll("tr[data-lao]").length === n,
        municipal30.length,
      );
      await expect(page.evaluate(() => (window as { __firstRows?: number }).__firstRows)).resolves.toBe(
        FIRST_ROWS,
      );
      expect(problems).toEqual([]);
      await page.goBack();
      await page.getByRole("heading", { name: "ภาพรวมระดับประเทศ" }).waitFor();
    });

    it("drills down from a province to its LAOs and to one LAO's submission", async () => {
      await page.locator('tr[data-province="22"]').getByRole("link", { name: "จันทบุรี" }).click();
      await page.getByRole("heading", { name: "อปท. ในจังหวัดจันทบุรี" }).waitFor();
      await expect(page.locator("tr[data-lao]").count()).resolves.toBe(municipal22.length);
      await shot(page, "08-national-province");
      await expectAccessible(page, "national drill-down to a province");
      await rowOf(page, seeded.submitted2568[0]!).getByRole("link").click();
      await page.locator('tr[data-indicator="2568-1-01"]').waitFor();
      // National reads; only the province office returns.
      await expect(page.getByRole("button", { name: "ส่งกลับให้แก้ไข" }).count()).resolves.toBe(0);
      await shot(page, "09-national-submission");
      await expectAccessible(page, "national drill-down to a submission");
      await page.getByRole("link", { name: "ภาพรวมประเทศ" }).click();
      await page.getByRole("heading", { name: "ภาพรวมระดับประเทศ" }).waitFor();
    });

    it("switches to English and back, and signs out revoking the token", async () => {
      await page.getByRole("button", { name: /^English/ }).click();
      await page.getByRole("heading", { name: "National overview" }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
      await shot(page, "10-national-english");
      await expectAccessible(page, "national view in English");
      await page.getByRole("button", { name: /^ภาษาไทย/ }).click();
      await page.getByRole("heading", { name: "ภาพรวมระดับประเทศ" }).waitFor();
      const token = (await page.evaluate(() => localStorage.getItem("minstd.dashboard.token")))!;
      await page.getByRole("button", { name: "ออกจากระบบ" }).click();
      await page.getByRole("heading", { name: "ลงชื่อเข้าใช้" }).waitFor();
      await expect(page.evaluate(() => localStorage.getItem("minstd.dashboard.token"))).resolves.toBeNull();
      const after = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(after.status).toBe(401);
      expect((await context.cookies()).map((c) => c.name)).not.toContain(PAGE_COOKIE);
      expect(problems).toEqual([]);
    });
  });

  describe("the page's copy of the token (the first screen with the page)", () => {
    const staffToken = async (role: "province" | "national", province?: string) =>
      signInByApi(
        server.url,
        await issueStaffCode(server.url, seeded.adminToken, role, "ทดสอบคุกกี้", province),
      );
    const page = (cookie?: string, encoding = "identity") =>
      fetch(`${server.url}/dashboard/`, {
        headers: { "accept-encoding": encoding, ...(cookie !== undefined && { cookie }) },
      });
    const dataOf = (html: string) => {
      const block = new RegExp(
        `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">(.*?)</script>`,
      ).exec(html);
      return block ? (JSON.parse(block[1]!) as FirstScreenData) : undefined;
    };

    it("is given only to staff who ask, HttpOnly, SameSite=Strict, for the page's path only, and taken back at sign-out", async () => {
      const token = await staffToken("national");
      const given = await fetch(`${server.url}/api/v1/sessions/current/page`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(given.status).toBe(200);
      expect(given.headers.get("set-cookie")).toBe(
        `${PAGE_COOKIE}=${token}; Path=/dashboard/; Max-Age=34560000; HttpOnly; SameSite=Strict`,
      );
      const signedOut = await fetch(`${server.url}/api/v1/sessions/current`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(signedOut.status).toBe(200);
      expect(signedOut.headers.get("set-cookie")).toBe(
        `${PAGE_COOKIE}=; Path=/dashboard/; Max-Age=0; HttpOnly; SameSite=Strict`,
      );
    });

    it("draws a province office's own province, compressed when asked, and the API never takes the cookie", async () => {
      const token = await staffToken("province", "22");
      const drawn = await page(`${PAGE_COOKIE}=${token}`, "gzip");
      expect(drawn.headers.get("cache-control")).toBe("no-store");
      expect(drawn.headers.get("set-cookie")).toBeNull();
      const html = await drawn.text(); // fetch undoes the gzip
      expect(dataOf(html)).toMatchObject({ place: "#/province/22?round=2569", tokenEnd: token.slice(-8) });
      expect(html).toContain('id="province-title"');
      expect(html.match(/<tr data-lao="/g)).toHaveLength(Math.min(FIRST_ROWS, municipal22.length));
      const plain = await page(`${PAGE_COOKIE}=${token}`);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(await plain.text()).toBe(html);
      // The API answers bearer tokens only.
      const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: `${PAGE_COOKIE}=${token}` } });
      expect(me.status).toBe(401);
    });

    it("answers a revoked token's cookie with the plain page and takes the cookie back; ignores a malformed one", async () => {
      const token = await staffToken("national");
      await api(server.url, "DELETE", "/sessions/current", token);
      const revoked = await page(`${PAGE_COOKIE}=${token}`);
      expect(dataOf(await revoked.text())).toBeUndefined();
      expect(revoked.headers.get("cache-control")).toBe("no-cache");
      expect(revoked.headers.get("set-cookie")).toBe(
        `${PAGE_COOKIE}=; Path=/dashboard/; Max-Age=0; HttpOnly; SameSite=Strict`,
      );
      for (const cookie of [
        `${PAGE_COOKIE}=`,
        `${PAGE_COOKIE}=<script>`,
        `other=1; ${PAGE_COOKIE}=mst_short`,
      ]) {
        const malformed = await page(cookie);
        expect([cookie, dataOf(await malformed.text()), malformed.headers.get("set-cookie")]).toEqual([
          cookie,
          undefined,
          null,
        ]);
      }
    });
  });

  function late0() {
    return municipal22.find((l) => !seeded.submitted2568.includes(l.code) && l.code !== seeded.extended2568)!;
  }
});

function toThai(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}
