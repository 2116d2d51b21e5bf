/**
 * Submitting from the built task pane in Chromium (Office.js test double) to a real `minstd serve`:
 * create the workbook and fill it, sign in with the province's code, submit and get the receipt
 * sheet, see the province's return as notes on the cells, fix and send version 2; close the pane
 * in the middle of a submit whose answer is lost and find it sent on the next open, once. Then the
 * saved workbook is searched for the token and the code. Screenshots go to test-artifacts/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Frame, Page } from "playwright-core";
import {
  bangkokIsoDate,
  collectionLayout,
  compileRound,
  layoutRows,
  parseCell,
  shippedRound,
  type SubmissionDocument,
} from "../../src/core";
import type { FunctionsMetadata } from "../../src/functions/metadata/functionsJson";
import { loadRegister } from "../../src/dataFiles";
import { adminCode, api, serve, signIn, type ServeProcess } from "../dashboard/seededServer";
import { completeDocument } from "../server/documents";
import {
  axeViolations,
  collectProblems,
  launchChromium,
  officeDoubleScript,
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

const LAO = "5810401"; // เทศบาลตำบลคลองท่อมใต้, กระบี่
const lao = loadRegister().get(LAO)!;
const round = shippedRound("2568")!;
const layout = collectionLayout(round, lao);
const rows = new Map(layoutRows(layout).map((r) => [r.id, r]));
const RETURNED_ID = "2568-1-01";

const day = (offset: number): string => bangkokIsoDate(new Date(Date.now() + offset * 86_400_000));

let browser: Browser;
let addin: AddinServer;
let server: ServeProcess;
let dataDir: string;
let adminToken: string;
let provinceToken: string;
let laoCode: string;

/** Types a whole submission document into the workbook's input cells, as an officer would. */
async function fill(pane: Frame, doc: SubmissionDocument): Promise<void> {
  const cells: Array<[string, string]> = [];
  const put = (path: string, value: unknown) => {
    const cell = layout.inputs.get(path);
    if (cell && value !== undefined && value !== null) cells.push([at(cell.sheet, cell.cell), String(value)]);
  };
  for (const [id, v] of Object.entries(doc.values))
    for (const [field, value] of Object.entries(v)) put(`values.${id}.${field}`, value);
  for (const [key, value] of Object.entries(doc.basic ?? {}))
    if (key !== "preparer") put(`basic.${key}`, value);
  for (const [key, value] of Object.entries(doc.basic?.preparer ?? {})) put(`basic.preparer.${key}`, value);
  for (const [address, text] of cells) await typeInto(pane, address, text);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(page.viewportSize()!.width - 5, page.viewportSize()!.height - 5);
  for (const frame of page.frames()) await settled(frame);
  await page.screenshot({ path: join(ARTIFACTS, `submit-${name}.png`) });
}

async function openPane(page: Page): Promise<Frame> {
  await page.goto(`${addin.base}${HARNESS_PATH.slice(1)}`);
  return paneFrame(page);
}

async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(SAFETY_NET_MS);
  const problems = collectProblems(page);
  await page.addInitScript((options) => Object.assign(window, { __officeDoubleOptions: options }), {
    metadata,
    namespace: "MINSTD",
    emptyCellMode: "desktop",
    persistKey: "minstd-submit-test",
  });
  await page.clock.setFixedTime(new Date("2025-08-23T10:00:00+07:00"));
  await routeOffice(page, addin.base, await officeDoubleScript(), [server.url]);
  return { page, problems };
}

/** The server's record of the LAO's round, as the province sees it. */
const onServer = () =>
  api<{ state: string; version: number; versions: Array<{ version: number; id: string }> }>(
    server.url,
    "GET",
    `/laos/${LAO}/submissions/2568`,
    provinceToken,
  );

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  addin = await serveAddin(out, { [HARNESS_PATH]: HARNESS_HTML });
  dataDir = mkdtempSync(join(tmpdir(), "minstd-submit-"));
  const adminOnce = adminCode(dataDir);
  server = await serve(dataDir, { MINSTD_CORS_ORIGINS: addin.base.replace(/\/$/, "") });
  adminToken = await signIn(server.url, adminOnce);
  await api(server.url, "PUT", "/rounds/2568/window", adminToken, { opens: "2025-08-01", closes: day(10) });
  const user = await api(server.url, "POST", "/users", adminToken, {
    role: "province",
    displayName: "สถจ.กระบี่",
    provinceCode: lao.provinceCode,
  });
  const staffCode = (await api(server.url, "POST", `/users/${user.id}/access-codes`, adminToken, {}))
    .code as string;
  provinceToken = await signIn(server.url, staffCode);
  const issued = await api<Array<{ lao: string; code: string }>>(
    server.url,
    "POST",
    `/provinces/${lao.provinceCode}/access-codes`,
    adminToken,
    {},
  );
  laoCode = issued.find((i) => i.lao === LAO)!.code;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await addin?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("one-click submit against minstd serve", () => {
  let page: Page;
  let pane: Frame;
  let problems: string[];

  beforeAll(async () => {
    ({ page, problems } = await newPage());
    pane = await openPane(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  it("1. creates the workbook and fills it in", async () => {
    const box = pane.getByRole("combobox", { name: /อปท\./ });
    await box.click();
    await box.pressSequentially(LAO);
    await pane.getByRole("option", { name: /เทศบาลตำบลคลองท่อมใต้/ }).click();
    await pane.getByRole("radio", { name: /ประจำปี พ\.ศ\. 2568/ }).check();
    await pane.getByRole("button", { name: "สร้างแบบรวบรวมข้อมูล" }).click();
    await pane.getByRole("heading", { level: 2, name: "เทศบาลตำบลคลองท่อมใต้" }).waitFor();
    await fill(pane, completeDocument(compileRound(round), lao, 3));
  });

  it("2. asks to sign in before submitting, and signs in with the province's one-time code", async () => {
    await pane.getByRole("button", { name: "ส่งข้อมูล", exact: true }).click();
    await pane.getByText("ลงชื่อเข้าใช้ก่อนส่งข้อมูล").waitFor();
    await pane.getByRole("button", { name: "ไปที่การตั้งค่า" }).click();
    // A missing code is said in Thai before anything is sent.
    await pane.getByRole("textbox", { name: /ที่อยู่เครื่องแม่ข่าย/ }).fill(server.url);
    await pane.getByRole("button", { name: "ลงชื่อเข้าใช้" }).click();
    await pane.getByText("กรอกรหัสเข้าใช้งานที่ได้รับจากจังหวัด").waitFor();
    // A wrong code: the server's refusal, in Thai.
    await pane.getByRole("textbox", { name: /รหัสเข้าใช้งาน/ }).fill("WRONG-CODE-1234");
    await pane.getByRole("button", { name: "ลงชื่อเข้าใช้" }).click();
    await pane.getByText(/รหัสเข้าใช้งานไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ/).waitFor();
    await pane.getByRole("textbox", { name: /รหัสเข้าใช้งาน/ }).fill(laoCode);
    await pane.getByRole("button", { name: "ลงชื่อเข้าใช้" }).click();
    await pane.getByTestId("signed-in").waitFor();
    await expect(pane.getByTestId("signed-in").textContent()).resolves.toContain("คลองท่อมใต้");
    await screenshot(page, "01-signed-in");
    expect(await axeViolations(pane)).toEqual([]);
  });

  it("3. shows the checklist all ticked and a first version, submits, and writes the receipt sheet", async () => {
    await pane.getByRole("button", { name: "ส่งข้อมูล", exact: true }).click();
    const checks = pane.locator("[data-check]");
    await checks.first().waitFor();
    await expect(checks.evaluateAll((els) => els.map((e) => e.getAttribute("data-ok")))).resolves.toEqual([
      "true",
      "true",
      "true",
      "true",
    ]);
    await pane.getByText("ยังไม่เคยส่ง — ฉบับนี้จะเป็นฉบับที่ 1").waitFor();
    await screenshot(page, "02-ready");
    expect(await axeViolations(pane)).toEqual([]);
    await pane.getByRole("button", { name: "ส่งข้อมูล", exact: false }).last().click();
    await pane.getByText("ส่งข้อมูลสำเร็จ — เครื่องแม่ข่ายรับแล้ว").waitFor();
    await pane.getByText(/เขียนใบรับไว้ในแผ่นงาน “ใบรับ” แล้ว/).waitFor();
    const receiptNumber = (await pane.locator('[data-receipt="receiptNumber"]').textContent())!;
    const sheet = await excel(pane, (e) => ({
      names: e.sheetNames(),
      title: e.values("'ใบรับ'!A1")[0]![0],
      number: e.values("'ใบรับ'!B3")[0]![0],
      hash: e.values("'ใบรับ'!B8")[0]![0],
    }));
    expect(sheet.names).toContain("ใบรับ");
    expect(sheet.title).toBe("ใบรับการส่งข้อมูล เทศบาลตำบลคลองท่อมใต้ รอบ 2568");
    expect(sheet.number).toBe(receiptNumber);
    expect(String(sheet.hash)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await onServer()).toMatchObject({ state: "submitted", version: 1 });
    await showSheet(page, "ใบรับ");
    await screenshot(page, "03-receipt");
    expect(await axeViolations(pane)).toEqual([]);
  });

  it("3b. signed in, the summary asks the server for year over year (the shipped 2568 continues no earlier round)", async () => {
    await pane.getByRole("button", { name: "สรุปผล", exact: true }).click();
    await pane.getByText("ตัวชี้วัดของรอบนี้ไม่ได้ต่อจากตัวชี้วัดของรอบก่อน จึงยังไม่มีผลปีก่อนให้เทียบ").waitFor();
    await pane.getByRole("button", { name: "ส่งข้อมูล", exact: true }).click();
  });

  it("4. shows the province's return in the pane and as a note on the cell concerned", async () => {
    await api(server.url, "POST", `/laos/${LAO}/submissions/2568/returns`, provinceToken, {
      version: 1,
      comments: { [RETURNED_ID]: "จำนวนโครงการไม่ตรงกับเทศบัญญัติ กรุณาตรวจสอบ" },
      note: "แก้ไขแล้วส่งใหม่ภายในสัปดาห์นี้",
    });
    await pane.getByRole("button", { name: "ดูสถานะล่าสุดอีกครั้ง" }).click();
    const notice = pane.getByTestId("returned");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain("จำนวนโครงการไม่ตรงกับเทศบัญญัติ");
    await pane.getByRole("button", { name: /ส่งข้อมูล \(ถูกส่งกลับ\)/ }).waitFor();
    const row = rows.get(RETURNED_ID)!;
    await pane.waitForFunction(
      () => (window as unknown as { __excel: ExcelHooks }).__excel.model.comments.length > 0,
    );
    const notes = await excel(pane, (e) => e.model.comments.map((c) => c.content));
    expect(notes).toEqual([expect.stringContaining("จำนวนโครงการไม่ตรงกับเทศบัญญัติ กรุณาตรวจสอบ")]);
    // On the indicator's input cell, where the fix goes; and the comment's link in the pane selects that cell.
    const input = parseCell(row.value ?? row.base!)!;
    expect(await excel(pane, (e) => e.model.comments.map((c) => [c.row, c.col]))).toEqual([
      [input.row - 1, input.col - 1],
    ]);
    await pane.locator(`[data-comment="${RETURNED_ID}"]`).getByRole("button").click();
    await pane.waitForFunction(
      (expected) => (window as unknown as { __excel: ExcelHooks }).__excel.selection() === expected,
      at(row.sheet, row.value ?? row.base!),
    );
    await showSheet(page, row.sheet);
    await screenshot(page, "04-returned");
    expect(await axeViolations(pane)).toEqual([]);
  });

  it("5. after the fix, the preview shows the change and the resubmission is version 2; the note goes", async () => {
    const row = rows.get(RETURNED_ID)!;
    await typeInto(pane, at(row.sheet, row.value ?? row.served!), "5");
    await pane.locator(`[data-change^="values.${RETURNED_ID}"]`).waitFor();
    await screenshot(page, "05-fixed");
    await pane.getByRole("button", { name: "ส่งฉบับแก้ไข" }).click();
    await pane.getByText("ส่งข้อมูลสำเร็จ — เครื่องแม่ข่ายรับแล้ว").waitFor();
    await pane.locator('[data-version="2"]').waitFor();
    expect(await onServer()).toMatchObject({ state: "submitted", version: 2 });
    await pane.waitForFunction(
      () => (window as unknown as { __excel: ExcelHooks }).__excel.model.comments.length === 0,
    );
    expect(await excel(pane, (e) => e.values("'ใบรับ'!B4")[0]![0])).toBe("ฉบับที่ 2 (แทนฉบับที่ 1)");
    await showSheet(page, "ใบรับ");
    await screenshot(page, "06-version-2");
    expect(await axeViolations(pane)).toEqual([]);
  });

  it("6. a submit whose answer is lost, with the pane closed before it is known, is sent on the next open — once", async () => {
    const row = rows.get("2568-1-02")!;
    await typeInto(pane, at(row.sheet, row.base!), "250");
    let reachedServer!: () => void;
    const reached = new Promise<void>((resolve) => (reachedServer = resolve));
    // The request reaches the server, which stores it; the answer never comes back.
    await page.route(`${server.url}/api/v1/submissions`, async (route) => {
      await route.fetch().catch(() => undefined);
      reachedServer();
      await route.abort("connectionreset");
    });
    await pane.getByRole("button", { name: "ส่งข้อมูล", exact: false }).last().click();
    await reached;
    await screenshot(page, "07-answer-lost");
    // Excel closes the pane (the page goes) while the client is still trying.
    await page.unroute(`${server.url}/api/v1/submissions`);
    const again = await openPane(page);
    await again.getByRole("heading", { level: 2, name: "เทศบาลตำบลคลองท่อมใต้" }).waitFor();
    // Nothing to click: the version waiting on this computer is sent on open, and the receipt sheet follows.
    await again.waitForFunction(
      () =>
        (window as unknown as { __excel: ExcelHooks }).__excel.values("'ใบรับ'!B4")[0]![0] ===
        "ฉบับที่ 3 (แทนฉบับที่ 2)",
      undefined,
      { timeout: SAFETY_NET_MS },
    );
    const record = await onServer();
    expect(record.version).toBe(3);
    expect(record.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(new Set(record.versions.map((v) => v.id)).size).toBe(3);
    await again.getByRole("button", { name: "ส่งข้อมูล", exact: true }).click();
    await again.locator('[data-version="3"]').waitFor();
    await showSheet(page, "ใบรับ");
    await screenshot(page, "08-sent-on-next-open");
    pane = again;
  });

  it("6b. reads in English too", async () => {
    await pane.getByRole("button", { name: /^English/ }).click();
    await pane.getByRole("group", { name: "View" }).getByRole("button", { name: "Submit" }).waitFor();
    await pane.getByRole("heading", { name: "Ready to submit?" }).waitFor();
    await pane.getByRole("heading", { name: "Latest receipt" }).waitFor();
    await expect(pane.locator('[data-receipt="version"]').textContent()).resolves.toBe(
      "version 3 (replaces version 2)",
    );
    await screenshot(page, "09-english");
    expect(await axeViolations(pane)).toEqual([]);
    await pane.getByRole("button", { name: /^ภาษาไทย/ }).click();
    await pane.getByRole("group", { name: "มุมมอง" }).getByRole("button", { name: "ส่งข้อมูล" }).waitFor();
  });

  it("7. the saved workbook holds neither the token nor the access code", async () => {
    const token = await pane.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.includes("minstd.v1.session"));
      return key ? (JSON.parse(localStorage.getItem(key)!) as { token: string }).token : undefined;
    });
    // The token is there, in the add-in's storage: the search below is for something real.
    expect(token).toMatch(/.{20,}/);
    const saved = await excel(pane, (e) => e.save());
    expect(saved).toContain("ใบรับการส่งข้อมูล");
    // Everything the workbook keeps (cells, formulas, names, settings, notes), and the same as an .xlsx file.
    const file = await xlsxOf(JSON.parse(saved) as SavedWorkbook);
    for (const secret of [token!, laoCode]) {
      expect(saved).not.toContain(secret);
      expect(file.includes(secret)).toBe(false);
    }
  });

  it("8. a sign-in revoked on the server is said in Thai, and the pane asks to sign in again", async () => {
    const token = await pane.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.includes("minstd.v1.session"));
      return (JSON.parse(localStorage.getItem(key!)!) as { token: string }).token;
    });
    await api(server.url, "DELETE", "/sessions/current", token);
    await pane.getByRole("button", { name: "ดูสถานะล่าสุดอีกครั้ง" }).click();
    await pane.getByText("ลงชื่อเข้าใช้ก่อนส่งข้อมูล").waitFor();
    await pane.getByText(/เครื่องแม่ข่ายไม่รับการเข้าใช้งานของเครื่องนี้แล้ว/).waitFor();
    expect(
      await pane.evaluate(() => Object.keys(localStorage).some((k) => k.includes("minstd.v1.session"))),
    ).toBe(false);
    await screenshot(page, "10-signed-out");
    expect(await axeViolations(pane)).toEqual([]);
  });

  it("logged no errors on the way", () => {
    expect(problems.filter((p) => !/ERR_CONNECTION_RESET|Failed to load resource/.test(p))).toEqual([]);
  });
});

interface SavedWorkbook {
  sheets: Array<{ name: string; cells: Array<[string, { value: unknown; formula?: string }]> }>;
  names: Array<{ name: string; formula: string; comment: string }>;
  settings: Array<[string, unknown]>;
  comments: Array<{ content: string }>;
}

/** The double's saved workbook written as an .xlsx with exceljs (every part unzipped into one text). */
async function xlsxOf(saved: SavedWorkbook): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const s of saved.sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31));
    for (const [key, cell] of s.cells) {
      const [row, col] = key.split(",").map(Number);
      if (row === undefined || col === undefined || Number.isNaN(row) || Number.isNaN(col)) continue;
      const target = sheet.getCell(row + 1, col + 1);
      const value =
        typeof cell.value === "object" && cell.value !== null ? JSON.stringify(cell.value) : cell.value;
      target.value = cell.formula
        ? { formula: cell.formula.replace(/^=/, ""), result: value as string }
        : ((value ?? null) as ExcelJS.CellValue);
    }
  }
  // Add-in settings and names travel in the file too (web extension properties, defined names).
  workbook.addWorksheet("settings").addRows(saved.settings.map(([k, v]) => [k, JSON.stringify(v)]));
  for (const n of saved.names) {
    try {
      workbook.definedNames.add(n.formula.replace(/^=/, ""), n.name);
    } catch {
      // A name exceljs cannot write as a range (a formula): its text is searched in `saved` already.
    }
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(buffer);
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async("string")));
  return parts.join("\n");
}
