/**
 * The web dashboard's browser tests' setting: the built dashboard on a real `minstd serve` with
 * seeded data (seededServer.ts), and Chromium, started before a file's tests and stopped after.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { buildDashboard } from "../../tools/dashboard/build";
import { collectProblems, launchChromium } from "./browser";
import { adminCode, seed, serve, type Seeded, type ServeProcess } from "./seededServer";

export interface SeededDashboard {
  /** A folder of the test's own (the server's data is in it), removed at the end. */
  readonly dir: string;
  readonly server: ServeProcess;
  readonly seeded: Seeded;
  readonly browser: Browser;
  /** Stops the browser and the server, and removes the data. */
  stop(): Promise<void>;
}

/** Builds the dashboard, then starts and seeds a server in a fresh data folder, and Chromium. */
export async function startSeededDashboard(name: string): Promise<SeededDashboard> {
  const dir = mkdtempSync(join(tmpdir(), `minstd-${name}-`));
  let server: ServeProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await buildDashboard();
    const data = join(dir, "db");
    const code = adminCode(data);
    server = await serve(data);
    const seeded = await seed(server.url, code);
    browser = await launchChromium();
    return { dir, server, seeded, browser, stop };
  } catch (e) {
    // What started stops here: the test file's afterAll has nothing to stop it with.
    await stop();
    throw e;
  }
}

/** A page in a context of its own that reaches nothing but the server (nothing leaves 127.0.0.1). */
export async function openPage(
  { browser, server }: SeededDashboard,
  options: BrowserContextOptions,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  await context.route("**/*", (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  return { context, page, problems: collectProblems(page) };
}

/** Signs in on the dashboard's page with a one-time code, as an officer types it. */
export async function signInWithCode({ server }: SeededDashboard, page: Page, code: string): Promise<void> {
  await page.goto(`${server.url}/dashboard/`);
  await page.getByLabel("รหัสเข้าใช้งาน").fill(code);
  await page.getByRole("button", { name: "ลงชื่อเข้าใช้" }).click();
}
