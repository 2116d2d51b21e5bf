/**
 * Builds the add-in with webpack (production, as shipped) into a temporary folder and checks the
 * output: the functions bundle registers every function of functions.json when loaded with a
 * stand-in CustomFunctions global, in Node and in Chromium (the page served from 127.0.0.1, with
 * office.js replaced by a stand-in), and functions.json, functions-th.json, the page and the
 * manifest are there and right.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { runInNewContext } from "node:vm";
import { chromium } from "playwright-core";
import golden from "../src/functions/functions.golden.json";
import type { FunctionsMetadata } from "../src/functions/metadata/functionsJson";
import { localiseMetadata } from "../src/functions/metadata/localise";
import { THAI_FUNCTION_TEXT } from "../src/functions/metadata/thai";
import {
  customFunctionsStandIn,
  excelErrorOf,
  StandInError,
} from "../src/functions/testing/customFunctionsStub";

const ROOT = resolve(__dirname, "..");
const PRODUCTION_URL = "https://minstd.example.test/addin/";
let out: string;

const read = (file: string): string => readFileSync(join(out, file), "utf8");

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "minstd-addin-"));
  await promisify(execFile)(
    process.execPath,
    [require.resolve("webpack/bin/webpack.js"), "--mode", "production", "--output-path", out],
    { cwd: ROOT, env: { ...process.env, MINSTD_ADDIN_URL: PRODUCTION_URL }, maxBuffer: 16 * 1024 * 1024 },
  );
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Runs the built functions.js as the shared runtime would, with only a stand-in CustomFunctions global. */
function loadBundle(): ReturnType<typeof customFunctionsStandIn> {
  const standIn = customFunctionsStandIn();
  runInNewContext(read("functions.js"), { CustomFunctions: standIn }, { filename: "functions.js" });
  return standIn;
}

describe("the built add-in", () => {
  it("emits functions.json equal to the checked-in copy", () => {
    expect(JSON.parse(read("functions.json"))).toEqual(golden);
  });

  it("emits functions-th.json: the same functions with Thai descriptions", () => {
    const metadata = JSON.parse(read("functions.json")) as FunctionsMetadata;
    expect(JSON.parse(read("functions-th.json"))).toEqual(localiseMetadata(metadata, THAI_FUNCTION_TEXT));
  });

  it("associates every id of functions.json, once, when the bundle loads", () => {
    const standIn = loadBundle();
    const ids = (JSON.parse(read("functions.json")) as FunctionsMetadata).functions.map((f) => f.id);
    expect([...standIn.associated.keys()].sort()).toEqual([...ids].sort());
  });

  it("runs the bundled functions offline with the bundled rounds and LAO register", () => {
    const fns = loadBundle().associated;
    const call = (id: string, ...args: unknown[]): unknown => fns.get(id)!(...args);
    expect(call("CHECK", "2563-1-01", 85, 100, "เทศบาลนคร")).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(call("CHECK", "2563-1-01", 80, 100, "3110102")).toBe("การพัฒนาในอนาคต");
    expect(call("PASS", "2563-1-01", 80, 100, "6130408")).toBe(true);
    expect(call("TARGET", "2563-1-01", "อบต.")).toBe(75);
    expect(call("NAME", "2564-1-01", "อบต.")).toContain("อบต.");
    expect(call("PERCENT", 25, 100)).toBe(25);
    expect(call("GAP", "2568-1-01", 1)).toBe(1);
    const error = excelErrorOf(() => call("CHECK", "2563-9-99", 1));
    expect(error).toBeInstanceOf(StandInError);
    expect(error.code).toBe("#N/A");
  });

  it("serves one page that loads office.js from the CDN first, then the pane and the functions", () => {
    const html = read("taskpane.html");
    const office = html.indexOf("src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(office).toBeGreaterThan(-1);
    expect(office).toBeLessThan(html.indexOf("</head>"));
    expect(html.indexOf("taskpane.js")).toBeGreaterThan(office);
    expect(html.indexOf("functions.js")).toBeGreaterThan(office);
  });

  it("rewrites the manifest's URLs to MINSTD_ADDIN_URL and ships the icons", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("https://localhost:3000/");
    expect(manifest).toContain(`${PRODUCTION_URL}taskpane.html`);
    expect(manifest).toContain(`${PRODUCTION_URL}functions-th.json`);
    for (const size of [16, 32, 64, 80]) expect(read(`assets/icon-${size}.png`).length).toBeGreaterThan(0);
  });
});

/** What office.js provides in Excel's shared runtime, as far as the page uses it. */
const OFFICE_STAND_IN = `
  window.__startup = null;
  window.__associated = {};
  window.Office = {
    HostType: { Excel: "Excel" },
    StartupBehavior: { load: "Load", none: "None" },
    context: { requirements: { isSetSupported: (name) => name === "SharedRuntime" } },
    addin: { setStartupBehavior: async (b) => { window.__startup = b; } },
    onReady: (cb) => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }).then((info) => { if (cb) cb(info); return info; }),
  };
  window.CustomFunctions = {
    associate: (id, fn) => { window.__associated[id] = fn; },
    Error: class { constructor(code, message) { this.code = code; this.message = message; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
`;

describe("the built page in Chromium", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      try {
        const body = readFileSync(join(out, path.replace(/^\/+/, "")));
        const type = path.endsWith(".html")
          ? "text/html; charset=utf-8"
          : "application/javascript; charset=utf-8";
        res.writeHead(200, { "content-type": type }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("loads office.js first, names the product, registers every function and asks to load with the workbook", async () => {
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")) {
          return route.fulfill({ contentType: "application/javascript", body: OFFICE_STAND_IN });
        }
        return url.startsWith(base) ? route.continue() : route.abort();
      });
      await page.goto(`${base}taskpane.html`);
      await page.waitForFunction(() => (window as unknown as { __startup: unknown }).__startup !== null);
      expect(await page.textContent("#root")).toBe("MinStd — มาตรฐานขั้นต่ำการจัดบริการสาธารณะ");
      expect(await page.evaluate(() => (window as unknown as { __startup: string }).__startup)).toBe("Load");
      const ids = (JSON.parse(read("functions.json")) as FunctionsMetadata).functions.map((f) => f.id);
      const results = await page.evaluate(() => {
        const fns = (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> })
          .__associated;
        let unknownId: unknown;
        try {
          fns.CHECK!("2563-9-99", 1);
        } catch (e) {
          unknownId = { code: (e as { code: string }).code, message: (e as Error).message };
        }
        return {
          ids: Object.keys(fns),
          check: fns.CHECK!("2563-1-01", "๘๕", "๑๐๐", "เทศบาลนคร"),
          byCode: fns.TARGET!("2563-1-02", "6130408"),
          unknownId,
        };
      });
      expect(results.ids.sort()).toEqual([...ids].sort());
      expect(results.check).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
      expect(results.byCode).toBe(85);
      expect(results.unknownId).toEqual({
        code: "#N/A",
        message: "ไม่มีตัวชี้วัดรหัส “2563-9-99” ในรอบการประเมิน 2563 — ตรวจสอบรหัสตัวชี้วัดอีกครั้ง",
      });
      expect(problems).toEqual([]);
      mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
      await page.setViewportSize({ width: 350, height: 200 });
      await page.screenshot({ path: join(ROOT, "test-artifacts/taskpane.png") });
    } finally {
      await browser.close();
    }
  });
});
