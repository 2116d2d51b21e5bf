import { detectHost, officeGlobal, type OfficeLike } from "./officeHost";

const office = (onReady: OfficeLike["onReady"]): OfficeLike => ({ onReady });

describe("detectHost", () => {
  it("is Excel when Office.onReady says Excel", async () => {
    await expect(detectHost(office(async () => ({ host: "Excel" })))).resolves.toEqual({ kind: "excel" });
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
