import * as functions from "../../src/functions/functions";

/**
 * Associates the add-in's MINSTD.* functions with a page's double, as Excel does from the
 * functions' metadata when the add-in loads. The functions throw CustomFunctions.Error, which they
 * find as a global where Excel runs them, so the page's CustomFunctions becomes the global one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function associateAddinFunctions(win: any): void {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = win.CustomFunctions;
  win.CustomFunctions.associate({
    CHECK: functions.check,
    PASS: functions.pass,
    TARGET: functions.target,
    NAME: functions.name,
    PERCENT: functions.percent,
    GAP: functions.gap,
  });
}
