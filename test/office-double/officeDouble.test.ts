/* eslint-disable @typescript-eslint/no-explicit-any */
import { CellError } from "./formula";
import { installOfficeDouble } from "./install";
import { mapStorage } from "./mapStorage";

function setup(options = {}) {
  const win: any = { localStorage: mapStorage() };
  const hooks = installOfficeDouble(win, {
    metadata: {
      functions: [
        {
          id: "ADD",
          name: "ADD",
          parameters: [
            { name: "a", type: "any" },
            { name: "b", type: "any" },
          ],
        },
      ],
    },
    ...options,
  });
  return { win, hooks, Excel: win.Excel, CF: win.CustomFunctions };
}

describe("the Office.js test double", () => {
  it("reports every requirement set by default, or only the sets it was given up to their versions", () => {
    expect(setup().win.Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(true);
    const { isSetSupported } = setup({ requirementSets: { ExcelApi: "1.10", SharedRuntime: "1.1" } }).win
      .Office.context.requirements;
    expect(isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(isSetSupported("excelapi", "1.10")).toBe(true);
    expect(isSetSupported("ExcelApi", "1.11")).toBe(false);
    expect(isSetSupported("SharedRuntime")).toBe(true);
    expect(isSetSupported("CustomFunctionsRuntime", "1.1")).toBe(false);
  });

  it("throws when a property is read before it is loaded and synced", async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx: any) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await ctx.sync();
      expect(range.values).toEqual([[""]]);
      expect(() => range.address).toThrow(/not available/);
    });
  });

  it("applies queued writes in order at sync and loads what they produced", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      const sheet = ctx.workbook.worksheets.add("แบบ 2-1");
      const r = sheet.getRange("A1:B2");
      r.values = [
        [1, "๑๒"],
        ["1,250", "-"],
      ];
      r.load("values, address, valueTypes");
      expect(() => hooks.values("'แบบ 2-1'!A1:B2")).toThrow(); // the sheet exists only after sync
      await ctx.sync();
      expect(r.address).toBe("'แบบ 2-1'!A1:B2");
      expect(r.values).toEqual([
        [1, "๑๒"],
        [1250, "-"],
      ]);
      expect(r.valueTypes).toEqual([
        ["Double", "String"],
        ["Double", "String"],
      ]);
    });
  });

  it("rejects the sync when an item does not exist, and gives null objects for OrNullObject", async () => {
    const { Excel } = setup();
    await expect(
      Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("ไม่มี");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await Excel.run(async (ctx: any) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("ไม่มี");
      const name = ctx.workbook.names.getItemOrNullObject("X");
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      expect(name.isNullObject).toBe(true);
    });
  });

  it("loads collection items with their properties", async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.add("A");
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s: any) => s.name)).toEqual(["Sheet1", "A"]);
    });
  });

  it("calculates custom functions, passing empty cells as 0 like Excel on the desktop", async () => {
    const { Excel, CF, hooks } = setup();
    CF.associate("ADD", (a: unknown, b: unknown) => {
      if (a === "x") throw new CF.Error(CF.ErrorCode.invalidValue, "พิมพ์ตัวเลข");
      return `${String(a)}+${String(b)}`;
    });
    await Excel.run(async (ctx: any) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      ctx.workbook.names.add("LAO_TYPE", s.getRange("D1"));
      s.getRange("D1").values = [["อบต."]];
      s.getRange("C1:C4").formulas = [
        ["=MINSTD.ADD(A1,B1)"],
        ['=MINSTD.ADD(IF(ISBLANK(A1),"",A1),LAO_TYPE)'],
        ['=MINSTD.ADD("x",1)'],
        ["=NOPE.ADD(1,2)"],
      ];
      await ctx.sync();
    });
    expect(hooks.values("Sheet1!C1:C4")).toEqual([["0+0"], ["+อบต."], ["#VALUE!"], ["#NAME?"]]);
    hooks.typeInto("Sheet1!A1", "๑๒");
    expect(hooks.values("Sheet1!C1:C2")).toEqual([["๑๒+0"], ["๑๒+อบต."]]);
  });

  it("passes empty cells as null like Excel on the web, when asked to", async () => {
    const { Excel, CF, hooks } = setup({ emptyCellMode: "web" });
    CF.associate("ADD", (a: unknown) => String(a));
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C1").formulas = [["=MINSTD.ADD(A1)"]];
      await ctx.sync();
    });
    expect(hooks.values("Sheet1!C1")).toEqual([["null"]]);
  });

  it("refuses writes to locked cells of a protected sheet, by the API and by typing", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B2").format.protection.locked = false;
      s.protection.protect({ allowFormatCells: false });
      await ctx.sync();
    });
    await expect(
      Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(hooks.typeInto("Sheet1!A1", "1")).toEqual({ ok: false, reason: "protected" });
    expect(hooks.typeInto("Sheet1!B2", "1")).toEqual({ ok: true });
  });

  it("applies data validation to what a person types, not to what the add-in writes", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      r.dataValidation.errorAlert = { showAlert: true, message: "พิมพ์ตัวเลข" };
      await ctx.sync();
      r.values = [["abc"]];
      await ctx.sync();
    });
    expect(hooks.typeInto("Sheet1!A1", "๑๒")).toEqual({ ok: false, reason: "validation: พิมพ์ตัวเลข" });
    expect(hooks.typeInto("Sheet1!A1", "12")).toEqual({ ok: true });
  });

  it("tells change handlers which cell changed", async () => {
    const { Excel, hooks } = setup();
    const seen: string[] = [];
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (e: any) => {
        seen.push(e.address);
      });
      await ctx.sync();
    });
    hooks.typeInto("Sheet1!E5", "3");
    await hooks.handled();
    expect(seen).toEqual(["E5"]);
  });

  it("waits in handled() for change handlers and the batches they run, and records which ranges were read", async () => {
    const { Excel, hooks } = setup();
    const read: unknown[] = [];
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.onChanged.add(async (e: any) => {
        await Excel.run(async (inner: any) => {
          const range = inner.workbook.worksheets.getItem(e.worksheetId).getRange(e.address);
          range.load("values");
          await inner.sync();
          read.push(range.values[0][0]);
        });
      });
      await ctx.sync();
    });
    hooks.model.rangeLoads.length = 0;
    hooks.typeInto("Sheet1!B3", "๑,๒๕๐");
    expect(read).toEqual([]); // Excel calls handlers later, not inside the edit
    await hooks.handled();
    expect(read).toEqual(["๑,๒๕๐"]);
    expect(hooks.model.rangeLoads).toEqual(["Sheet1!B3"]);
  });

  it("recalculates once, later, for several associate calls in a row, as Excel does off the page's thread", async () => {
    const { Excel, CF, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").formulas = [
        ["=MINSTD.ONE()"],
        ["=MINSTD.TWO()"],
        ["=MINSTD.THREE()"],
      ];
      await ctx.sync();
    });
    const cells = (): unknown[] =>
      [0, 1, 2].map((row) => {
        const v = hooks.model.cell(hooks.model.sheetByName("Sheet1")!, row, 0).value;
        return v instanceof CellError ? v.code : v;
      });
    expect(cells()).toEqual(["#NAME?", "#NAME?", "#NAME?"]);
    const before = hooks.model.recalculations;
    CF.associate("ONE", () => 1);
    CF.associate("TWO", () => 2);
    CF.associate({ THREE: () => 3 });
    expect(hooks.model.recalculations).toBe(before);
    expect(cells()).toEqual(["#NAME?", "#NAME?", "#NAME?"]);
    await hooks.settled();
    expect(hooks.model.recalculations).toBe(before + 1);
    expect(cells()).toEqual([1, 2, 3]);
    // Reading through the hooks (as a test looks at the sheet) calculates first what is due.
    CF.associate("ONE", () => 10);
    expect(hooks.values("Sheet1!A1")).toEqual([[10]]);
    await hooks.settled();
    expect(hooks.model.recalculations).toBe(before + 2);
  });

  it("calculates a chain of formulas in one recalculation, each after the cell it reads", async () => {
    const { Excel, hooks } = setup();
    const before = hooks.model.recalculations;
    await Excel.run(async (ctx: any) => {
      // Each cell reads the one below it: calculated in sheet order, none would be right the first time.
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A8").formulas = [
        ["=A2+1"],
        ["=A3+1"],
        ["=A4+1"],
        ["=A5+1"],
        ["=A6+1"],
        ["=A7+1"],
        ["=A8+1"],
        ["1"],
      ];
      await ctx.sync();
    });
    expect(hooks.model.recalculations).toBe(before + 1);
    expect(hooks.values("Sheet1!A1:A8").flat()).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it("recalculates after a sync that changes the workbook, not after one that only reads it", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").formulas = [["1"], ["=A1*2"]];
      await ctx.sync();
    });
    const before = hooks.model.recalculations;
    const read = await Excel.run(async (ctx: any) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      range.load("values, formulas");
      const names = ctx.workbook.names.getItemOrNullObject("Nothing");
      await ctx.sync();
      return { values: range.values, missing: names.isNullObject };
    });
    expect(read).toEqual({ values: [[1], [2]], missing: true });
    expect(hooks.model.recalculations).toBe(before);
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[5]];
      await ctx.sync();
    });
    expect(hooks.model.recalculations).toBeGreaterThan(before);
    expect(hooks.values("Sheet1!A2")).toEqual([[10]]);
  });

  it("records the calculations the add-in asks for", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
    });
    expect(hooks.model.calculateRequests).toEqual(["Full"]);
  });

  it("selects a range and keeps the workbook across a reload", async () => {
    const win: any = { localStorage: mapStorage() };
    const first = installOfficeDouble(win, { persistKey: "wb" });
    await win.Excel.run(async (ctx: any) => {
      const s = ctx.workbook.worksheets.add("แบบ 1");
      s.getRange("B3").values = [["นาย ก"]];
      ctx.workbook.settings.add("minstd", { round: "2563" });
      s.getRange("B3").select();
      await ctx.sync();
    });
    expect(first.selection()).toBe("'แบบ 1'!B3");
    const again = installOfficeDouble({ localStorage: win.localStorage }, { persistKey: "wb" });
    expect(again.values("'แบบ 1'!B3")).toEqual([["นาย ก"]]);
    expect(again.settings()).toEqual({ minstd: { round: "2563" } });
  });

  it("counts syncs", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(hooks.syncCount()).toBe(2);
  });

  it("removes an event handler through the context that added it (Excel.run(context, batch))", async () => {
    const { Excel, hooks } = setup();
    const seen: string[] = [];
    let handler: any;
    await Excel.run(async (ctx: any) => {
      handler = ctx.workbook.worksheets.onChanged.add(async (e: any) => void seen.push(e.address));
      await ctx.sync();
    });
    hooks.typeInto("Sheet1!A1", "1");
    await new Promise((r) => setTimeout(r, 5));
    await Excel.run(handler.context, async (ctx: any) => {
      expect(ctx).toBe(handler.context);
      handler.remove();
      await ctx.sync();
    });
    hooks.typeInto("Sheet1!A2", "2");
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(["A1"]);
  });

  it("loads properties of a null object as null without failing the sync", async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx: any) => {
      const name = ctx.workbook.names.getItemOrNullObject("MISSING").load("formula");
      const sheet = ctx.workbook.worksheets.getItemOrNullObject("ไม่มี").load("name");
      await ctx.sync();
      expect(name.isNullObject).toBe(true);
      expect(name.formula).toBeNull();
      expect(sheet.name).toBeNull();
    });
  });

  it("keeps a value under a Warning alert when the person continues, and drops it when they cancel", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      r.dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      r.dataValidation.errorAlert = { showAlert: true, style: "Warning", message: "พิมพ์ตัวเลข" };
      await ctx.sync();
    });
    expect(hooks.typeInto("Sheet1!A1", "๑๒")).toEqual({ ok: true, alert: "พิมพ์ตัวเลข" });
    expect(hooks.typeInto("Sheet1!A2", "๑๒", "cancel")).toEqual({
      ok: false,
      reason: "validation: พิมพ์ตัวเลข",
    });
    expect(hooks.values("Sheet1!A1:A2")).toEqual([["๑๒"], [null]]);
    expect(hooks.typeInto("Sheet1!A2", "12")).toEqual({ ok: true });
  });

  it("makes a column chart from a range: its series, titles, axis, labels and position, drawn by renderSheet", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B3").values = [
        ["ด้าน 1", 50],
        ["ด้าน 2", 100],
        ["ด้าน 3", "-"],
      ];
      const chart = s.charts.add("ColumnClustered", s.getRange("B1:B3"), "Columns");
      chart.name = "Rate";
      chart.title.text = "ร้อยละที่ผ่าน";
      chart.legend.visible = false;
      chart.axes.valueAxis.minimum = 0;
      chart.axes.valueAxis.maximum = 100;
      chart.axes.valueAxis.title.text = "ร้อยละ";
      chart.setPosition("D2", "H12");
      const series = chart.series.getItemAt(0);
      series.name = "ผ่าน";
      series.setXAxisValues(s.getRange("A1:A3"));
      series.hasDataLabels = true;
      series.dataLabels.showValue = true;
      series.dataLabels.numberFormat = "0.0";
      series.points.getItemAt(2).hasDataLabel = false;
      await ctx.sync();
      const charts = s.charts.load("items/name");
      const count = chart.series.getCount();
      await ctx.sync();
      expect(charts.items.map((c: any) => c.name)).toEqual(["Rate"]);
      expect(count.value).toBe(1);
    });
    const chart = hooks.model.sheets[0]!.charts[0]!;
    expect(chart).toMatchObject({
      type: "ColumnClustered",
      source: "Sheet1!B1:B3",
      title: "ร้อยละที่ผ่าน",
      legendVisible: false,
      valueAxis: { minimum: 0, maximum: 100, title: "ร้อยละ" },
      position: { start: "D2", end: "H12" },
      series: [{ name: "ผ่าน", values: "Sheet1!B1:B3", xValues: "Sheet1!A1:A3", pointLabels: { 2: false } }],
    });
    const html = hooks.renderSheet("Sheet1");
    expect(html).toContain('data-chart="Rate"');
    expect(html).toContain(">50.0<");
    expect(html).toContain(">100.0<");
    expect(html).toContain("ด้าน 3");
    expect(html.match(/class="label"><\/span>/g)).toHaveLength(1);
  });

  it("rejects what Excel rejects for charts: a point or series that is not there, a maximum under the minimum", async () => {
    const { Excel } = setup();
    const chartOf = (ctx: any) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:A2").values = [[1], [2]];
      return s.charts.add("ColumnClustered", s.getRange("A1:A2"), "Columns");
    };
    await expect(
      Excel.run(async (ctx: any) => {
        chartOf(ctx).series.getItemAt(0).points.getItemAt(2).hasDataLabel = false;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(
      Excel.run(async (ctx: any) => {
        chartOf(ctx).series.getItemAt(1).name = "x";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(
      Excel.run(async (ctx: any) => {
        const chart = chartOf(ctx);
        chart.axes.valueAxis.minimum = 50;
        chart.axes.valueAxis.maximum = 10;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("keeps column widths and row heights per column and row, without filling the sheet with cells", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B:C").format.columnWidth = 120;
      s.getRange("4:4").format.rowHeight = 30;
      const b = s.getRange("B2").format.load("columnWidth, rowHeight");
      const mixed = s.getRange("A1:B1").format.load("columnWidth");
      const row = s.getRange("A4:C4").format.load("rowHeight");
      await ctx.sync();
      expect([b.columnWidth, b.rowHeight, mixed.columnWidth, row.rowHeight]).toEqual([120, 15, null, 30]);
    });
    expect(hooks.model.sheets[0]!.cells.size).toBe(0);
    await expect(
      Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A:A").format.columnWidth = -1;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("opens a workbook saved with save(), as a file is opened", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.add("แบบ 1").getRange("A1").values = [["๑๒"]];
      await ctx.sync();
    });
    const again = installOfficeDouble({ localStorage: mapStorage() }, { open: hooks.save() });
    expect(again.sheetNames()).toEqual(["Sheet1", "แบบ 1"]);
    expect(again.values("'แบบ 1'!A1")).toEqual([["๑๒"]]);
  });

  it("takes a formula Excel would not take as #NAME?, whichever branch its error is in", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").formulas = [
        ["=IF(TRUE,1,(2+))"],
        ["=IF(TRUE,1,2)"],
      ];
      await ctx.sync();
    });
    expect(hooks.values("Sheet1!A1:A2")).toEqual([["#NAME?"], [1]]);
  });

  it("calculates a workbook opened from a file by the branches its formulas take", async () => {
    const { Excel, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.add("it's").getRange("A1").values = [["),"]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[1, "x"]];
      await ctx.sync();
    });
    // Formulas written into the file as another program would, never entered in this process.
    const file = JSON.parse(hooks.save());
    const sheet1 = file.sheets.find((s: any) => s.name === "Sheet1");
    const unique = `"${Math.random()}"`;
    const formulas = [
      `=IF(A1>0,"a,(b""",IF('it''s'!A1="),",1&B1,B1&")"))`,
      `=IFERROR(1/A1,"none; (")`,
      `=IF(A1>0,${unique},IF(A1<0,"below",LEN(${unique})))`,
    ];
    formulas.forEach((formula, i) =>
      sheet1.cells.push([
        `${i},2`,
        { value: null, numberFormat: "General", locked: true, format: {}, formula },
      ]),
    );
    const opened = installOfficeDouble({ localStorage: mapStorage() }, { open: JSON.stringify(file) });
    opened.model.recalculate();
    expect(opened.values("Sheet1!C1:C3")).toEqual([['a,(b"'], [1], [JSON.parse(unique)]]);
    opened.typeInto("Sheet1!A1", "0");
    expect(opened.values("Sheet1!C1:C3")).toEqual([["1x"], ["none; ("], [unique.length - 2]]);
    opened.typeInto("Sheet1!A1", "-2");
    expect(opened.values("Sheet1!C1:C3")).toEqual([["1x"], [-0.5], ["below"]]);
  });

  it("calculates again, when the add-in associates its functions, the cells that call them and what reads them, and no other", async () => {
    const { Excel, CF, hooks } = setup();
    await Excel.run(async (ctx: any) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      ctx.workbook.names.add("THE_SUM", sheet.getRange("A1"));
      sheet.getRange("B1").values = [[1]];
      sheet.getRange("A1:A5").formulas = [
        ["=minstd.ADD(1,2)"],
        ["=A1*2"],
        ["=B1+1"],
        ['=THE_SUM&"!"'],
        ["=A2+A3"],
      ];
      await ctx.sync();
    });
    expect(hooks.values("Sheet1!A1:A5").flat()).toEqual(["#NAME?", "#NAME?", 2, "#NAME?", "#NAME?"]);
    // A value no calculation would give, as a file may hold: it stays unless A3 is calculated again.
    hooks.model.cell(hooks.model.sheetByName("Sheet1")!, 2, 0).value = 99;
    CF.associate("ADD", (a: unknown, b: unknown) => Number(a) + Number(b));
    await hooks.settled();
    expect(hooks.values("Sheet1!A1:A5").flat()).toEqual([3, 6, 99, "3!", 105]);
    // A typed entry calculates everything again.
    hooks.typeInto("Sheet1!B1", "5");
    await hooks.settled();
    expect(hooks.values("Sheet1!A1:A5").flat()).toEqual([3, 6, 6, "3!", 12]);
  });
});
