/** Chromium (Debian's, driven by playwright-core) for the dashboard's tests and benchmark, and axe-core. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

export { collectProblems, launchChromium } from "../support/chromium";

const axeSource = readFileSync(join(__dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/**
 * axe-core's violations on the page as it is (WCAG 2 A/AA and best practices). axe is evaluated
 * through the DevTools protocol, so the page's CSP (scripts from the server only) stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface Result {
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: string[] }>;
    }
    const axe = (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Result[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}
