/**
 * The Office.js double's hooks as the page has them (window.__excel), and the ways the browser
 * tests use them: to act as the officer typing, and to look inside the workbook.
 */
import type { Frame } from "playwright-core";

export interface ExcelHooks {
  typeInto(address: string, text: string): { ok: boolean; alert?: string; reason?: string };
  values(address: string): unknown[][];
  formula(address: string): string | undefined;
  selection(): string | undefined;
  sheetNames(): string[];
  settings(): Record<string, unknown>;
  syncCount(): number;
  save(): string;
  model: {
    functions: Map<string, unknown>;
    comments: Array<{ content: string; row: number; col: number }>;
    sheetByName(name: string): { charts: Array<{ name: string; type: string; title: string }> } | undefined;
  };
}

/** "'แบบเทศบาล 2-1'!F7" */
export const at = (sheet: string, cell: string): string => `'${sheet}'!${cell}`;

/** Runs fn on the page's hooks; fn is sent as source, so it may use only its argument. */
export async function excel<T>(pane: Frame, fn: (excel: ExcelHooks) => T): Promise<T> {
  return pane.evaluate((source) => {
    const hooks = (window as unknown as { __excel: ExcelHooks }).__excel;
    return (new Function("excel", `return (${source})(excel)`) as (e: ExcelHooks) => T)(hooks);
  }, fn.toString());
}

/** Types into a cell as the officer would (validation and change events apply); fails the test when refused. */
export async function typeInto(pane: Frame, address: string, text: string): Promise<void> {
  const result = await pane.evaluate(
    ([a, t]) => (window as unknown as { __excel: ExcelHooks }).__excel.typeInto(a!, t!),
    [address, text] as const,
  );
  expect(result).toMatchObject({ ok: true });
}
