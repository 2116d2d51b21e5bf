/**
 * functions.js, which this page loads right after taskpane.js, registers the MINSTD.* functions with
 * CustomFunctions.associate. In Excel, office.js (loaded first, in <head>) provides CustomFunctions.
 * Outside Excel (a plain browser, Word, PowerPoint) it does not, and the registration would throw
 * "CustomFunctions is not defined". An inert stand-in, set only when office.js gave none, lets the
 * page show its "open in Excel" message without an error. Imported first by the pane's entry.
 */
const page = globalThis as { CustomFunctions?: unknown };

if (page.CustomFunctions === undefined) {
  page.CustomFunctions = {
    associate: (): void => undefined,
    Error: class extends Error {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
}

export {};
