/* eslint-disable @typescript-eslint/no-explicit-any */
import { nodeWorkbook } from "./nodeWorkbook";

/** Writes a value to a cell through the API, as the add-in does. */
const write = (book: ReturnType<typeof nodeWorkbook>, sheet: string, address: string, value: unknown) =>
  book.win.Excel.run(async (ctx: any) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await ctx.sync();
  });

/** Reads a cell's value through the API, as the add-in does. */
const read = (book: ReturnType<typeof nodeWorkbook>, sheet: string, address: string) =>
  book.win.Excel.run(async (ctx: any) => {
    const range = ctx.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await ctx.sync();
    return range.values[0][0];
  });

describe("failures planned in the Office.js double", () => {
  it("fails the next sync with an OfficeExtension.Error-shaped error, applying nothing of its batch, then works", async () => {
    const book = nodeWorkbook();
    book.excel.faults.fail("sync");
    const error = await write(book, "Sheet1", "A1", 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(book.win.OfficeExtension.Error);
    expect(error).toMatchObject({
      name: "RichApi.Error",
      code: "GeneralException",
      message: "An internal error has occurred.",
      debugInfo: { code: "GeneralException" },
    });
    expect(book.content("Sheet1", "A1")).toBeNull();
    await write(book, "Sheet1", "A1", 5);
    expect(book.content("Sheet1", "A1")).toBe(5);
    expect(book.excel.faults.pending()).toBe(0);
  });

  it("fails the next N range reads with the code given, then reads again", async () => {
    const book = nodeWorkbook();
    await write(book, "Sheet1", "A1", "x");
    book.excel.faults.fail("range-read", { code: "ItemNotFound", times: 2 });
    await expect(read(book, "Sheet1", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(book.excel.faults.pending("range-read")).toBe(1);
    await expect(read(book, "Sheet1", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(read(book, "Sheet1", "A1")).resolves.toBe("x");
    expect(book.excel.faults.raised.map((e) => e.code)).toEqual(["ItemNotFound", "ItemNotFound"]);
  });

  it("fails a range write where the sync applies it: the requests before it stay applied", async () => {
    const book = nodeWorkbook();
    book.excel.faults.fail("range-write", { code: "InvalidArgument", message: "bad value" });
    const error = await book.win.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.add("Other");
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument", message: "bad value" });
    expect(book.excel.sheetNames()).toEqual(["Sheet1", "Other"]);
    expect(book.content("Sheet1", "A1")).toBeNull();
    expect(book.content("Sheet1", "A2")).toBeNull();
    // A read is not a write: it works while a write is still planned to fail.
    book.excel.faults.fail("range-write");
    await expect(read(book, "Sheet1", "A1")).resolves.toBe("");
    expect(book.excel.faults.pending("range-write")).toBe(1);
  });

  it("fails only ranges of the sheet named", async () => {
    const book = nodeWorkbook();
    await book.addSheet("Other");
    book.excel.faults.fail("range-write", { sheet: "Other" });
    await write(book, "Sheet1", "A1", 1);
    await expect(write(book, "Other", "A1", 2)).rejects.toMatchObject({ code: "GeneralException" });
    expect(book.content("Sheet1", "A1")).toBe(1);
    expect(book.content("Other", "A1")).toBeNull();
  });

  it("fails workbook settings and the document's settings", async () => {
    const book = nodeWorkbook();
    book.excel.faults.fail("settings", { code: "AccessDenied" });
    const add = book.win.Excel.run(async (ctx: any) => {
      ctx.workbook.settings.add("k", 1);
      await ctx.sync();
    });
    await expect(add).rejects.toMatchObject({ code: "AccessDenied" });
    expect(book.excel.settings()).toEqual({});
    book.excel.faults.fail("settings");
    const settings = book.win.Office.context.document.settings;
    expect(() => settings.set("k", 2)).toThrow(expect.objectContaining({ code: "GeneralException" }));
    settings.set("k", 2);
    book.excel.faults.fail("settings");
    const result = await new Promise<any>((resolve) => settings.saveAsync(resolve));
    expect(result).toMatchObject({ status: "failed", error: { code: "GeneralException" } });
    expect(settings.get("k")).toBe(2);
  });

  it("fails OfficeRuntime.storage calls, then stores", async () => {
    const book = nodeWorkbook();
    const { storage } = book.win.OfficeRuntime;
    book.excel.faults.fail("storage", { times: 2 });
    await expect(storage.setItem("k", "v")).rejects.toMatchObject({ code: "GeneralException" });
    await expect(storage.getItem("k")).rejects.toMatchObject({ code: "GeneralException" });
    await storage.setItem("k", "v");
    await expect(storage.getItem("k")).resolves.toBe("v");
  });

  it("forgets what was planned when cleared", async () => {
    const book = nodeWorkbook();
    book.excel.faults.fail("sync", { times: 3 });
    book.excel.faults.clear();
    await write(book, "Sheet1", "A1", 1);
    expect(book.content("Sheet1", "A1")).toBe(1);
  });
});
