/**
 * How long the built task pane takes, in headless Chromium, from the start of the page load to the
 * indicator list shown for a 214-indicator round (core's generatedRound, which does not ship: the
 * pane knows it as a round kept in OfficeRuntime.storage, as it would know a round received from
 * the collection server), next to a blank page measured the same way in the same run, and to a
 * blank page that loads office.js first: the double opens and calculates the same workbook as it
 * loads, as Excel has before the pane starts, which a page in Excel waits for.
 *
 * The workbook is built beforehand by the real writer (src/excel) in the Office.js test double,
 * in Node, and opened by the page's double; the round is kept in OfficeRuntime.storage (the page's
 * localStorage under the double) as the pane keeps it. Each load opens the set-up workbook as Excel
 * would reopen the file.
 */
import { collectionLayout, layoutRows, LaoRegister, parseRegisterCsv, type Lao } from "../src/core";
import { generatedRound } from "../src/core/rules/generatedRound";
import { createWorkbook } from "../src/excel/create";
import type { ExcelHost } from "../src/excel/host";
import * as functions from "../src/functions/functions";
import { keepRound, type RoundStorage } from "../src/taskpane/rounds/storedRounds";
import { installOfficeDouble } from "../test/office-double/install";
import { launchChromium, OFFICE_JS, officeDoubleScript, routeOffice } from "../test/browser/support/browser";
import { serveAddin } from "../test/browser/support/server";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { printTable } from "./harness";
import { mapStorage } from "../test/office-double/mapStorage";

const RUNS = 7;
const INDICATORS = 214;

export interface PaneLoadFigures {
  /** Median ms from navigation start to the 214 indicators shown. */
  readonly paneMs: number;
  /** Median ms from navigation start to a blank page's marker. */
  readonly blankMs: number;
  /**
   * The same for a blank page that loads office.js first: Excel's part (here the double, which opens
   * and calculates the 214-indicator workbook when it loads) without anything of the pane's.
   */
  readonly blankInExcelMs: number;
}

/** The page's storage after the round was kept, and the workbook built, as in an earlier session. */
async function seeded(
  root: string,
  metadata: unknown,
): Promise<{ entries: Record<string, string>; workbook: string; lao: Lao }> {
  const register = new LaoRegister(
    parseRegisterCsv(readFileSync(join(root, "data/lao-registry.csv"), "utf8")),
  );
  const lao = register.get("6810403")!; // อบต.คลองท่อมเหนือ
  const storage = mapStorage();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const win: any = { localStorage: storage };
  const excel = installOfficeDouble(win, { metadata: metadata as never });
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = win.CustomFunctions;
  win.CustomFunctions.associate({
    CHECK: functions.check,
    TARGET: functions.target,
    PERCENT: functions.percent,
  });
  const round = await keepRound(
    win.OfficeRuntime.storage as RoundStorage,
    JSON.parse(JSON.stringify(generatedRound())),
  );
  const host: ExcelHost = { run: (b) => win.Excel.run(b), runIn: (c, b) => win.Excel.run(c, b) };
  await createWorkbook(round, lao, host);
  if (layoutRows(collectionLayout(round, lao)).length !== INDICATORS)
    throw new Error("not a 214-indicator workbook");
  return { entries: storage.entries(), workbook: excel.save(), lao };
}

/** Records in the page when `ready` first holds: ms since navigation start (performance.now()). */
const WATCH_SCRIPT = (selector: string, count: number): string => `
  (() => {
    const check = () => {
      if (window.__shownAt === undefined && document.querySelectorAll(${JSON.stringify(selector)}).length >= ${count}) {
        window.__shownAt = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();
`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchPaneLoad(root: string, addinDir: string): Promise<PaneLoadFigures> {
  const metadata = JSON.parse(readFileSync(join(addinDir, "functions.json"), "utf8")) as unknown;
  const { entries, workbook } = await seeded(root, metadata);
  const blank = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>blank</title></head><body><div data-ready></div></body></html>`;
  const blankInExcel = blank.replace("</title>", `</title><script src="${OFFICE_JS}"></script>`);
  const server = await serveAddin(addinDir, { "/__blank.html": blank, "/__blank-excel.html": blankInExcel });
  const browser = await launchChromium();
  const double = await officeDoubleScript();
  // The double's options (the add-in's metadata and the workbook Excel has open) come with office.js,
  // so only the pages that load Office.js carry them, as only those talk to Excel.
  const doubleWithWorkbook = `window.__officeDoubleOptions = ${JSON.stringify({ metadata, open: workbook })};\n${double}`;
  const timeLoad = async (path: string, selector: string, count: number): Promise<number> => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await routeOffice(page, server.base, doubleWithWorkbook);
      // The storage of an earlier session (the kept round), written before the timed load as Excel
      // keeps it between starts: writing megabytes took a fresh context up to half a second.
      await page.goto(`${server.base}__blank.html`);
      await page.evaluate((items) => {
        for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
      }, entries);
      await page.addInitScript(WATCH_SCRIPT(selector, count));
      await page.goto(`${server.base}${path}`);
      await page.waitForFunction(
        () => (window as { __shownAt?: number }).__shownAt !== undefined,
        undefined,
        {
          timeout: 60_000,
        },
      );
      return await page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt);
    } finally {
      await context.close();
    }
  };
  try {
    // One warm-up of each, then alternate so both see the same machine load.
    await timeLoad("taskpane.html", "[data-indicator]", INDICATORS);
    await timeLoad("__blank.html", "[data-ready]", 1);
    await timeLoad("__blank-excel.html", "[data-ready]", 1);
    const pane: number[] = [];
    const blankTimes: number[] = [];
    const blankInExcelTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      pane.push(await timeLoad("taskpane.html", "[data-indicator]", INDICATORS));
      blankTimes.push(await timeLoad("__blank.html", "[data-ready]", 1));
      blankInExcelTimes.push(await timeLoad("__blank-excel.html", "[data-ready]", 1));
    }
    const paneMs = median(pane);
    const blankMs = median(blankTimes);
    const blankInExcelMs = median(blankInExcelTimes);
    const range = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
    printTable(`Task pane load in headless Chromium (median of ${RUNS}, fresh browser context each)`, [
      ["page", "to shown", "range"],
      [
        `pane: ${INDICATORS} indicators listed (stored round, workbook set up)`,
        `${paneMs.toFixed(0)} ms`,
        range(pane),
      ],
      ["blank page: its one element", `${blankMs.toFixed(0)} ms`, range(blankTimes)],
      [
        "blank page after office.js (the double opens the same workbook)",
        `${blankInExcelMs.toFixed(0)} ms`,
        range(blankInExcelTimes),
      ],
      ["pane ÷ blank page", `${(paneMs / blankMs).toFixed(1)}×`, "goal ≤ 3×"],
      ["pane ÷ blank page after office.js", `${(paneMs / blankInExcelMs).toFixed(1)}×`, ""],
    ]);
    return { paneMs, blankMs, blankInExcelMs };
  } finally {
    await browser.close();
    await server.close();
  }
}
