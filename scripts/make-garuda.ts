/**
 * Renders MinStd's drawing of the Garuda (assets/garuda.svg) to the PNG the memo embeds
 * (assets/garuda.png, and src/docx/garudaPng.ts, its bytes for the task pane's bundle), in headless
 * Chromium. Run `npx tsx scripts/make-garuda.ts` after changing the drawing; the outputs are committed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";

/** Pixels high: 1.5 cm printed at about 500 dpi, sharp on paper. */
const HEIGHT = 300;
const WIDTH = (HEIGHT * 200) / 240;

async function main(): Promise<void> {
  const root = resolve(__dirname, "..");
  const svg = readFileSync(resolve(root, "assets/garuda.svg"), "utf8");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
    const sized = svg.replace(/width="200" height="240"/, `width="${WIDTH}" height="${HEIGHT}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const png = await page.locator("svg").screenshot({ omitBackground: true });
    writeFileSync(resolve(root, "assets/garuda.png"), png);
    writeFileSync(
      resolve(root, "src/docx/garudaPng.ts"),
      `/** assets/garuda.png (MinStd's drawing, not the official artwork), written by scripts/make-garuda.ts. */\n` +
        `export const GARUDA_PNG_BASE64 =\n  "${png.toString("base64")}";\n` +
        `export const GARUDA_PNG_SIZE = { width: ${WIDTH}, height: ${HEIGHT} } as const;\n`,
    );
    console.log(`assets/garuda.png: ${png.length} bytes`);
  } finally {
    await browser.close();
  }
}

void main();
