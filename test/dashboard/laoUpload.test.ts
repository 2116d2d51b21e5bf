/**
 * An LAO without the add-in submits from any browser: in Chromium, 360 px wide, against a real
 * `minstd serve`, the officer signs in with its access code (typed with Thai digits), uploads its
 * filled workbook with mistakes and sees each at its sheet and cell, fixes it, submits and gets a
 * printable receipt; the pane's client then sends version 2 from Node, the province returns it,
 * and the web sends version 3. Screenshots go to test-artifacts/lao-upload/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ApiClient, MemoryStorage, Outbox } from "../../src/client";
import {
  bangkokIsoDate,
  collectionLayout,
  compileRound,
  indicatorsFor,
  shippedRound,
  toThaiDigits,
  type SubmissionDocument,
} from "../../src/core";
import { buildDashboard } from "../../tools/dashboard/build";
import { loadRegister } from "../../src/dataFiles";
import { filledWorkbook } from "../cli/workbooks";
import { completeDocument } from "../server/documents";
import { axeViolations, collectProblems, launchChromium } from "./browser";
import { adminCode, api, serve, signIn, type ServeProcess } from "./seededServer";

jest.setTimeout(240_000);

const SHOTS = join(__dirname, "../../test-artifacts/lao-upload");
const LAO = "4220102"; // เทศบาลเมืองจันทบุรี
const WIDTH = 360;
const day = (offset: number) => bangkokIsoDate(new Date(Date.now() + offset * 86_400_000));

describe("an LAO submits its workbook from the web app", () => {
  const dir = mkdtempSync(join(tmpdir(), "minstd-lao-upload-"));
  const round = shippedRound("2568")!;
  const compiled = compileRound(round);
  const lao = loadRegister().get(LAO)!;
  const layout = collectionLayout(round, lao);
  const ratios = indicatorsFor(compiled, lao.type).filter((i) => i.kind === "ratio");
  const invalidId = ratios[0]!.def.id;
  const blankId = ratios[1]!.def.id;
  const complete = completeDocument(compiled, lao, 3);
  const files = { mistakes: join(dir, "mistakes.xlsx"), good: join(dir, "good.xlsx") };
  let server: ServeProcess;
  let browser: Browser;
  let admin: string;
  let webCode: string;
  let paneCode: string;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const built = buildDashboard();
    const withMistakes: SubmissionDocument = {
      ...complete,
      values: { ...complete.values, [invalidId]: { base: 120, served: "45 ราย" }, [blankId]: {} },
    };
    await filledWorkbook(files.mistakes, withMistakes);
    await filledWorkbook(files.good, complete);
    await built;
    const data = join(dir, "db");
    const code = adminCode(data);
    server = await serve(data);
    admin = await signIn(server.url, code);
    await api(server.url, "PUT", "/rounds/2568/window", admin, { opens: day(-10), closes: day(10) });
    webCode = (await api(server.url, "POST", `/laos/${LAO}/access-codes`, admin, {})).code;
    browser = await launchChromium();
    // Without colour transitions, axe never measures a button halfway from disabled to enabled.
    context = await browser.newContext({
      viewport: { width: WIDTH, height: 780 },
      locale: "th-TH",
      reducedMotion: "reduce",
    });
    await context.route("**/*", (route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
    );
    page = await context.newPage();
    problems = collectProblems(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  /** axe finds nothing, and nothing is wider than the 360 px screen. */
  async function expectUsable(view: string): Promise<void> {
    expect([view, await axeViolations(page)]).toEqual([view, []]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect([view, width]).toEqual([view, WIDTH]);
  }

  const stored = () =>
    fetch(`${server.url}/api/v1/laos/${LAO}/submissions/2568`, {
      headers: { authorization: `Bearer ${admin}` },
    }).then(async (r) => ({ status: r.status, body: r.status === 200 ? await r.json() : undefined }));

  it("signs in with the LAO's access code typed with Thai digits, after a wrong code is refused in Thai", async () => {
    await page.goto(`${server.url}/dashboard/`);
    await page.getByRole("heading", { name: "ลงชื่อเข้าใช้" }).waitFor();
    await shot("01-sign-in");
    await expectUsable("sign-in");

    await page.getByLabel("รหัสเข้าใช้งาน").fill("AAAA-BBBB-CCCC");
    await page.getByRole("button", { name: "ลงชื่อเข้าใช้" }).click();
    await page.getByText("รหัสเข้าใช้งานไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ", { exact: false }).waitFor();
    expect(problems).toEqual([expect.stringContaining("401")]);
    problems.length = 0;

    // By keyboard, as typed on a Thai keyboard: Thai digits, small letters, spaces.
    const typed = toThaiDigits(webCode.toLowerCase().replace(/-/g, " "));
    await page.getByLabel("รหัสเข้าใช้งาน").fill("");
    await page.getByLabel("รหัสเข้าใช้งาน").pressSequentially(typed);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "เทศบาลเมืองจันทบุรี" }).waitFor();
    await page.getByText("ยังไม่ได้ส่งข้อมูลรอบนี้").waitFor();
    expect(await page.getByLabel("รอบการประเมิน").inputValue()).toBe("2568");
    await shot("02-lao-home");
    await expectUsable("LAO home");
  });

  it("lists every mistake of the uploaded workbook with its sheet and cell, and sends nothing", async () => {
    await page.getByLabel("แฟ้มแบบรวบรวมข้อมูล (.xlsx)").setInputFiles(files.mistakes);
    const table = page.locator("table[data-problems]");
    await table.waitFor();
    await page.getByText(/^พบรายการที่ต้องแก้ไข [๐-๙]+ รายการ — ยังไม่ได้ส่ง$/).waitFor();
    const served = layout.inputs.get(`values.${invalidId}.served`)!;
    const base = layout.inputs.get(`values.${blankId}.base`)!;
    const invalidRow = table.locator(`tr[data-sheet="${served.sheet}"][data-cell="${served.cell}"]`);
    await expect(invalidRow.locator("td").nth(0).innerText()).resolves.toBe(served.sheet);
    await expect(invalidRow.locator("td").nth(1).innerText()).resolves.toBe(served.cell);
    await expect(invalidRow.locator("td").nth(2).innerText()).resolves.toContain("“45 ราย” มีตัวอักษรปนอยู่");
    const blankRow = table.locator(`tr[data-sheet="${base.sheet}"][data-cell="${base.cell}"]`);
    await expect(blankRow.locator("td").nth(2).innerText()).resolves.toContain("ยังไม่ได้กรอก");
    // Every problem of this workbook is at a cell.
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-sheet"), tr.getAttribute("data-cell")]));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every(([sheet, cell]) => sheet !== "" && cell !== "")).toBe(true);
    await expect(page.getByRole("button", { name: "ส่งข้อมูล" }).count()).resolves.toBe(0);
    await shot("03-problems");
    await expectUsable("problems list");
    expect((await stored()).status).toBe(404);
  });

  it("checks the fixed workbook, submits it and shows a receipt that prints without the menus", async () => {
    // The keyboard path: the page's own file button opens the browser's file chooser, Enter sends.
    await page.getByRole("button", { name: "เลือกแฟ้ม .xlsx แล้วตรวจ" }).focus();
    const chosen = page.waitForEvent("filechooser");
    // Commands reach the browser in order: once this answers, the file chooser is intercepted.
    await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press("Enter");
    const chooser = await chosen;
    await chooser.setFiles(files.good);
    await page.getByRole("heading", { name: "แฟ้มผ่านการตรวจแล้ว พร้อมส่ง" }).waitFor();
    await shot("04-ready");
    await expectUsable("ready to submit");
    await page.getByRole("button", { name: "ส่งข้อมูล" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "ใบรับข้อมูล" }).waitFor();

    const server1 = (await stored()).body;
    expect(server1.versions).toHaveLength(1);
    const v1 = server1.versions[0];
    await expect(page.locator("[data-receipt-number]").innerText()).resolves.toBe(`2568-${LAO}-1`);
    await expect(page.locator("[data-content-hash]").innerText()).resolves.toBe(v1.contentHash);
    await expect(page.locator("[data-received-at]").innerText()).resolves.toMatch(
      /^[๐-๙]+ \S+ [๐-๙]{4} เวลา [๐-๙]{2}\.[๐-๙]{2} น\.$/,
    );
    const rows = page.locator("tr[data-indicator]");
    await expect(rows.count()).resolves.toBe(indicatorsFor(compiled, lao.type).length);
    const labels = await rows.locator("[data-result]").allInnerTexts();
    const official =
      /^(ผ่านค่าเป้าหมายขั้นต่ำ|การพัฒนาในอนาคต|ไม่มีบริการสาธารณะ|ไม่ได้ดำเนินการในปีงบประมาณ พ\.ศ\. [๐-๙]{4})$/;
    expect(labels.filter((l) => !official.test(l ?? ""))).toEqual([]);
    await shot("05-receipt");
    await expectUsable("receipt");

    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("button", { name: "พิมพ์ / บันทึกเป็น PDF" }).isVisible()).resolves.toBe(false);
    await expect(page.locator("[data-receipt-number]").isVisible()).resolves.toBe(true);
    await shot("06-receipt-print");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(SHOTS, "receipt.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
  });

  it("chains a version sent with the pane's client as version 2, and the history shows both with the province's comments", async () => {
    paneCode = (await api(server.url, "POST", `/laos/${LAO}/access-codes`, admin, {})).code;
    const anonymous = new ApiClient({ server: server.url });
    const signedIn = await anonymous.signIn(paneCode, "Excel ห้องกองช่าง");
    const pane = new Outbox({ storage: new MemoryStorage(), api: anonymous.withToken(signedIn.token) });
    const web1 = (await stored()).body.versions[0];
    const edited = { ...complete, basic: { ...complete.basic, population: 12_345 } };
    const outcome = await pane.submit(edited);
    expect(outcome.state).toBe("acknowledged");
    if (outcome.state !== "acknowledged") return;
    expect(outcome.receipt).toEqual(expect.objectContaining({ version: 2, replaces: web1.id }));
    const both = (await stored()).body;
    expect(both.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const province = await api(server.url, "POST", "/users", admin, {
      role: "province",
      displayName: "สถจ.จันทบุรี",
      provinceCode: "22",
    });
    const provinceToken = await signIn(
      server.url,
      (await api(server.url, "POST", `/users/${province.id}/access-codes`, admin, {})).code,
    );
    await api(server.url, "POST", `/laos/${LAO}/submissions/2568/returns`, provinceToken, {
      version: 2,
      comments: { [invalidId]: "จำนวนครัวเรือนที่ได้รับบริการไม่ตรงกับรายงานประจำปี" },
      note: "แก้ไขแล้วส่งใหม่ภายใน ๓ วัน",
    });

    await page.getByRole("link", { name: "ประวัติการส่ง" }).click();
    await page.getByRole("heading", { name: "ประวัติการส่งข้อมูล" }).waitFor();
    await expect(page.locator("tr[data-version]").count()).resolves.toBe(2);
    await page.getByText("จำนวนครัวเรือนที่ได้รับบริการไม่ตรงกับรายงานประจำปี", { exact: false }).waitFor();
    await shot("07-history");
    await expectUsable("history");
  });

  it("sends the next version from the web after the pane's, replacing it as version 3", async () => {
    await page.getByRole("link", { name: "ส่งข้อมูล" }).click();
    await page.getByText(/^จังหวัดส่งฉบับที่ ๒ กลับให้แก้ไข/).waitFor();
    await page.getByLabel("แฟ้มแบบรวบรวมข้อมูล (.xlsx)").setInputFiles(files.good);
    await page.getByText(/^ฉบับนี้จะแทนฉบับที่ ๒/).waitFor();
    await page.getByRole("button", { name: "ส่งข้อมูล" }).click();
    await page.getByRole("heading", { name: "ใบรับข้อมูล" }).waitFor();
    await expect(page.locator("[data-receipt-number]").innerText()).resolves.toBe(`2568-${LAO}-3`);
    const all = (await stored()).body;
    expect(all.versions.map((v: { version: number; replaces: string }) => [v.version, v.replaces])).toEqual([
      [3, all.versions[1].id],
      [2, all.versions[2].id],
      [1, null],
    ]);

    await page.getByRole("button", { name: /^English/ }).click();
    await page.getByRole("heading", { name: "Receipt" }).waitFor();
    await shot("08-receipt-english");
    await expectUsable("receipt in English");
    await page.getByRole("button", { name: /^ภาษาไทย/ }).click();
    expect(problems).toEqual([]);
  });

  it("refuses a spent code in Thai, and the refusal signs nobody out", async () => {
    const other = await browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const second = await other.newPage();
    await second.goto(`${server.url}/dashboard/`);
    await second.getByLabel("รหัสเข้าใช้งาน").fill(webCode);
    await second.getByRole("button", { name: "ลงชื่อเข้าใช้" }).click();
    await second.getByText("รหัสเข้าใช้งานไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ", { exact: false }).waitFor();
    await second.screenshot({ path: join(SHOTS, "09-spent-code.png"), fullPage: true });
    await other.close();
    await page.goto(`${server.url}/dashboard/`);
    await page.getByRole("heading", { name: "เทศบาลเมืองจันทบุรี" }).waitFor();
    await page.getByText(/^ส่งแล้ว ฉบับที่ ๓ เมื่อ/).waitFor();
    expect(problems).toEqual([]);
    expect(readFileSync(join(SHOTS, "receipt.pdf")).length).toBeGreaterThan(1000);
  });
});
