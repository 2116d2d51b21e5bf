/**
 * Chromium (Debian's, driven by playwright-core) with the built add-in: office.js answered by the
 * Office.js test double (or by a stand-in for a page outside Excel), every other outside address
 * refused, and axe-core at hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Frame, Page } from "playwright-core";
import { ROOT } from "./build";

/** The URL taskpane.html loads office.js from (the Office CDN). */
/**
 * How long a page waits for what a test looks for before giving up: a safety net only (every wait
 * is for an element, an event or a value), generous so that a busy machine never fails a test.
 */
export const SAFETY_NET_MS = 120_000;

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export { collectProblems, launchChromium } from "../../support/chromium";

let doubleScript: Promise<string> | undefined;

/** The Office.js test double bundled for the browser (once per process). */
export function officeDoubleScript(): Promise<string> {
  doubleScript ??= build({
    entryPoints: [join(ROOT, "test/browser/support/doubleEntry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    write: false,
    logLevel: "warning",
  }).then((result) => result.outputFiles[0]!.text);
  return doubleScript;
}

/** office.js as it answers outside Excel: onReady with no host (a browser) or another Office host. */
export function outsideExcelScript(host: string | null): string {
  return `window.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint" },
    context: { requirements: { isSetSupported: () => false } },
    onReady: (cb) => Promise.resolve({ host: ${JSON.stringify(host)}, platform: ${host ? '"PC"' : "null"} }).then((info) => { if (cb) cb(info); return info; }),
  };`;
}

/**
 * Answers office.js with `script`, lets through what the add-in server serves and refuses every
 * other address (the tests never reach outside 127.0.0.1).
 */
export async function routeOffice(
  page: Page,
  base: string,
  script: string,
  /** Other addresses the page may reach (a collection server the test runs). */
  also: readonly string[] = [],
): Promise<void> {
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_JS)) {
      return route.fulfill({ contentType: "application/javascript; charset=utf-8", body: script });
    }
    return [base, ...also].some((allowed) => url.startsWith(allowed)) ? route.continue() : route.abort();
  });
}

const axeSource = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/** Waits for the frame's finite animations and transitions (a toggled button's colours) to end. */
export async function settled(frame: Frame): Promise<void> {
  await frame.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** Each offending element: its selector and its HTML. */
  readonly nodes: readonly string[];
}

/** Runs axe-core in a frame (WCAG 2 A/AA and best practices) and returns its violations. */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  if (!(await frame.evaluate(() => "axe" in window))) await frame.addScriptTag({ content: axeSource });
  // Judge the settled screen: a button caught halfway through its colour transition has no real contrast.
  await settled(frame);
  return frame.evaluate(async () => {
    interface Result {
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: string[]; html: string }>;
    }
    const axe = (
      window as unknown as {
        axe: { run: (c: Document, o: object) => Promise<{ violations: Result[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")} ${n.html}`),
    }));
  });
}
