/**
 * A test page that shows the task pane (an iframe of taskpane.html, as wide as Excel's pane) beside
 * a picture of the double's workbook, so that screenshots show what the officer sees in both.
 */
import type { Frame, Page } from "playwright-core";

export const HARNESS_PATH = "/__harness.html";
export const PANE_WIDTH = 360;

export const HARNESS_HTML = `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8" />
<title>MinStd — บานหน้าต่างและสมุดงาน</title>
<style>
  body { margin: 0; display: flex; height: 100vh; font-family: "Noto Sans Thai", "Garuda", "Loma", sans-serif; background: #f3f3f3; }
  #pane { width: ${PANE_WIDTH}px; height: 100vh; border: 0; border-right: 1px solid #c8c8c8; background: #fff; flex: none; }
  #workbook { flex: 1; overflow: auto; padding: 8px 12px; font-size: 13px; }
  #tabs { display: flex; gap: 2px; flex-wrap: wrap; margin-bottom: 6px; }
  #tabs span { padding: 2px 8px; background: #e1e1e1; border-radius: 3px 3px 0 0; }
  #tabs span.active { background: #fff; color: #107c41; font-weight: bold; border-bottom: 2px solid #107c41; }
  table.sheet { border-collapse: collapse; background: #fff; }
  table.sheet caption { text-align: left; font-weight: bold; padding: 4px 0; }
  table.sheet th { background: #efefef; color: #555; font-weight: normal; border: 1px solid #d4d4d4; padding: 1px 4px; }
  table.sheet td { border: 1px solid #e0e0e0; padding: 1px 4px; max-width: 170px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  ul.notes { margin: 8px 0; padding: 6px 10px 6px 24px; background: #fff8c5; border: 1px solid #d4b106; max-width: 640px; }
  figure.chart { margin: 12px 0; padding: 8px; background: #fff; border: 1px solid #c8c8c8; width: 520px; }
  figure.chart figcaption { font-weight: bold; text-align: center; }
  figure.chart .axis { color: #666; font-size: 11px; }
  figure.chart .bars { display: flex; gap: 16px; padding: 0 8px; }
  figure.chart .bar { flex: 1; display: flex; flex-direction: column; align-items: stretch; }
  figure.chart .plot { height: 180px; display: flex; flex-direction: column; justify-content: flex-end; align-items: center; border-bottom: 1px solid #888; }
  figure.chart .column { width: 60%; background: #4472c4; display: block; }
  figure.chart .label { font-size: 11px; }
  figure.chart .category { font-size: 11px; text-align: center; padding-top: 4px; }
</style>
</head>
<body>
<iframe id="pane" src="taskpane.html" title="MinStd"></iframe>
<section id="workbook" aria-label="สมุดงาน Excel (ภาพจากตัวแทน Excel ในการทดสอบ)">
  <div id="tabs"></div>
  <div id="sheet"></div>
</section>
</body>
</html>`;

/** The pane's frame inside the harness. */
export async function paneFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("#pane");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the pane's frame is not there");
  return frame;
}

/** Draws a sheet of the double's workbook beside the pane, with the sheet tabs. */
export async function showSheet(page: Page, sheet: string, rows = 30): Promise<void> {
  await page.evaluate(
    ([name, rowCount]) => {
      const pane = (document.getElementById("pane") as HTMLIFrameElement).contentWindow as unknown as {
        __excel: {
          renderSheet(n: string, rows?: number, cols?: number): string;
          sheetNames(): string[];
          model: { sheets: Array<{ name: string; visibility: string }> };
        };
      };
      const excel = pane.__excel;
      const tabs = excel.model.sheets
        .filter((s) => s.visibility === "Visible")
        .map((s) => `<span class="${s.name === name ? "active" : ""}">${s.name}</span>`)
        .join("");
      document.getElementById("tabs")!.innerHTML = tabs;
      document.getElementById("sheet")!.innerHTML = excel.renderSheet(name, rowCount, 8);
    },
    [sheet, rows] as const,
  );
}
