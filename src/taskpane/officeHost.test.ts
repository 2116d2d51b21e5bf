import { REQUIREMENT_SETS } from "../excel/requirements";
import { detectHost, officeGlobal, type OfficeLike } from "./officeHost";

const office = (onReady: OfficeLike["onReady"]): OfficeLike => ({ onReady });

/** Excel whose requirement sets go up to these versions (none other). */
const excelWith = (sets: Record<string, number>): OfficeLike => ({
  onReady: async () => ({ host: "Excel" }),
  context: {
    requirements: {
      isSetSupported: (name, version = "1.1") => {
        const [major, minor] = version.split(".").map(Number);
        const have = sets[name];
        return have !== undefined && Math.round(have * 100) >= major! * 100 + minor!;
      },
    },
  },
});

describe("detectHost", () => {
  it("is Excel when Office.onReady says Excel", async () => {
    await expect(detectHost(office(async () => ({ host: "Excel" })))).resolves.toEqual({ kind: "excel" });
  });

  it("is an Excel lacking the required sets this Excel does not have, in the list's order", async () => {
    // Perpetual Office 2019: ExcelApi up to 1.8, no shared runtime, no custom functions.
    await expect(detectHost(excelWith({ ExcelApi: 1.08 }))).resolves.toEqual({
      kind: "excel-lacking",
      missing: [
        REQUIREMENT_SETS.sharedRuntime,
        REQUIREMENT_SETS.customFunctions,
        REQUIREMENT_SETS.workbookApi,
      ],
    });
    // Excel on iPad: everything but custom functions.
    await expect(
      detectHost(excelWith({ ExcelApi: 1.2, SharedRuntime: 1.01, CustomFunctionsRuntime: 0 })),
    ).resolves.toEqual({ kind: "excel-lacking", missing: [REQUIREMENT_SETS.customFunctions] });
  });

  it("is Excel when only optional sets are missing (notes fall back to comments)", async () => {
    await expect(
      detectHost(excelWith({ ExcelApi: 1.09, SharedRuntime: 1.01, CustomFunctionsRuntime: 1.02 })),
    ).resolves.toEqual({ kind: "excel" });
  });

  it("is outside Office when office.js did not load, or onReady gives host null (a plain browser)", async () => {
    await expect(detectHost(undefined)).resolves.toEqual({ kind: "no-office" });
    await expect(detectHost(office(async () => ({ host: null })))).resolves.toEqual({ kind: "no-office" });
  });

  it("names another Office application", async () => {
    await expect(detectHost(office(async () => ({ host: "Word" })))).resolves.toEqual({
      kind: "other-host",
      host: "Word",
    });
  });

  it("gives up waiting when onReady never resolves or fails", async () => {
    await expect(
      detectHost(
        office(() => new Promise(() => undefined)),
        10,
      ),
    ).resolves.toEqual({
      kind: "no-office",
    });
    await expect(detectHost(office(() => Promise.reject(new Error("boom"))))).resolves.toEqual({
      kind: "no-office",
    });
  });
});

describe("officeGlobal", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("finds the Office global only when it has onReady", () => {
    expect(officeGlobal()).toBeUndefined();
    (globalThis as { Office?: unknown }).Office = {};
    expect(officeGlobal()).toBeUndefined();
    const onReady = async () => ({ host: "Excel" });
    (globalThis as { Office?: unknown }).Office = { onReady };
    expect(officeGlobal()?.onReady).toBe(onReady);
  });
});
