/**
 * The public results pages in Chromium, without signing in, from a real `minstd serve`: an LAO's
 * page and its province's render in Thai; the LAO page's embed code works in a page of another
 * origin; printed on A4 the LAO page has pages and the results table. Screenshots go to
 * test-artifacts/public-pages/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { collectProblems, launchChromium } from "./browser";
import { adminCode, seed, serve, type Seeded, type ServeProcess } from "./seededServer";

jest.setTimeout(300_000);

const SHOTS = join(__dirname, "../../test-artifacts/public-pages");

describe("public results pages", () => {
  const data = mkdtempSync(join(tmpdir(), "minstd-public-"));
  let server: ServeProcess;
  let seeded: Seeded;
  let browser: Browser;
  let host: Server;
  let hostUrl: string;
  let page: Page;
  let problems: string[];
  let lao: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const code = adminCode(data);
    server = await serve(data);
    seeded = await seed(server.url, code);
    // The first LAO of province 22 that submitted 2568 and was not returned: public since the close.
    lao = seeded.submitted2568[0]!;
    browser = await launchChromium();
    // "Another site": a page on localhost (the server is 127.0.0.1, another origin) that frames it.
    let snippet = "";
    host = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="th"><head><meta charset="utf-8"><title>เว็บไซต์ อปท.</title></head>
<body><h1>เว็บไซต์ของเทศบาล</h1>${snippet}</body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "th-TH" });
    page = await context.newPage();
    problems = collectProblems(page);
    await page.goto(`${server.url}/public/rounds/2568/laos/${lao}`);
    snippet = await page.locator("textarea").inputValue();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await server?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  it("renders an LAO's results in Thai without signing in", async () => {
    await page.goto(`${server.url}/public/rounds/2568/laos/${lao}`);
    expect(await page.getAttribute("html", "lang")).toBe("th");
    await expect(page.locator("h1").textContent()).resolves.toContain("สรุปผลประเมินการจัดบริการสาธารณะ");
    expect(await page.locator("table.results tbody tr").count()).toBeGreaterThan(10);
    expect(await page.locator("table.areas").textContent()).toContain("ร้อยละที่ผ่าน");
    expect(await page.locator("textarea").inputValue()).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/public\//,
    );
    await page.screenshot({ path: join(SHOTS, "lao-page.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  it("renders a province's LAOs and pass rate by area, linking to each public LAO", async () => {
    await page.goto(`${server.url}/public/rounds/2568/provinces/22`);
    await expect(page.locator("h1").textContent()).resolves.toBe("ผลการประเมินของ อปท. ในจังหวัดจันทบุรี");
    const links = page.locator(`table.laos a[href="/public/rounds/2568/laos/${lao}"]`);
    expect(await links.count()).toBe(1);
    // 12 submitted, one returned for correction: 11 public.
    expect(await page.locator("table.laos a").count()).toBe(11);
    expect(await page.locator("table.completeness").textContent()).toContain("เผยแพร่ผลแล้ว11");
    await page.screenshot({ path: join(SHOTS, "province-page.png"), fullPage: true });
    await links.click();
    await page.waitForURL(`**/laos/${lao}`);
    expect(problems).toEqual([]);
  });

  it("shows a Thai page for results that are not public", async () => {
    const res = await page.goto(`${server.url}/public/rounds/2569/laos/${seeded.submitted2569[1]}`);
    expect(res!.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("ยังไม่มีผลที่เผยแพร่");
    await page.screenshot({ path: join(SHOTS, "not-public.png") });
  });

  it("works framed in another site's page through the embed code", async () => {
    const other = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
    const otherProblems = collectProblems(other);
    await other.goto(hostUrl);
    const frame = other.frameLocator("iframe");
    await expect(frame.locator("h1").textContent()).resolves.toContain("สรุปผลประเมินการจัดบริการสาธารณะ");
    expect(await frame.locator("table.results tbody tr").count()).toBeGreaterThan(10);
    // Embedded: no embed code and no links out.
    expect(await frame.locator("textarea").count()).toBe(0);
    await other.locator("iframe").scrollIntoViewIfNeeded();
    await other.waitForFunction(
      () => document.querySelector("iframe")?.getBoundingClientRect().height === 900,
    );
    await other.screenshot({ path: join(SHOTS, "embedded.png") });
    expect(otherProblems).toEqual([]);
    await other.close();
  });

  it("prints on A4 with the results table", async () => {
    await page.goto(`${server.url}/public/rounds/2568/laos/${lao}`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".share").isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const file = join(SHOTS, "lao-page.pdf");
    writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(1);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 84\d\.\d+ pts \(A4\)/);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("ผลการประเมินรายตัวชี้วัด");
    expect(text).toContain("เกณฑ์ชี้วัด");
    expect(text).not.toContain("iframe");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, join(SHOTS, "lao-page-print")]);
    await page.emulateMedia({ media: "screen" });
  });
});
