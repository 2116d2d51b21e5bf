/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The receipt sheet and the province's comments as cell notes, written through Office.js over the
 * test double (real load/sync semantics): written again in place, never touching an officer's own
 * sheet or note, and notes or comments whichever the running Excel has.
 */
import { receiptSheet, type Receipt } from "../../src/client";
import { writeReceiptSheet, RECEIPT_NAME } from "../../src/excel/receiptSheet";
import { RETURN_NOTE_MARK, showReturnNotes } from "../../src/excel/returnNotes";
import { doubleHost } from "../office-double/host";
import { installOfficeDouble } from "../office-double/install";
import { mapStorage } from "../office-double/mapStorage";

function setup(supported: (set: string, version: string) => boolean = () => true) {
  const win: any = { localStorage: mapStorage() };
  const hooks = installOfficeDouble(win, {});
  win.Office.context.requirements.isSetSupported = supported;
  const previous = (globalThis as any).Office;
  (globalThis as any).Office = win.Office;
  const host = doubleHost(win);
  const sheet = (name: string) => hooks.model.sheetByName(name);
  const add = async (name: string) =>
    win.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.add(name);
      await ctx.sync();
    });
  return { win, hooks, host, sheet, add, restore: () => ((globalThis as any).Office = previous) };
}

const receipt = (version: number): Receipt => ({
  receiptNumber: `2568-5810401-${version}`,
  id: `id-${version}`,
  replaces: version > 1 ? `id-${version - 1}` : null,
  version,
  round: "2568",
  lao: "5810401",
  receivedAt: "2026-08-31T14:30:00+07:00",
  receivedAtTh: "31 ส.ค. 2569 14.30 น.",
  contentHash: `sha256:${String(version).repeat(64).slice(0, 64)}`,
  summary: {
    overall: { total: 10, counts: { pass: 8, below: 2 }, assessed: 10, passRate: 0.8, complete: true },
    areas: [],
  } as unknown as Receipt["summary"],
});

describe("the receipt sheet", () => {
  it("holds the latest receipt and the history, and is written again in place", async () => {
    const { hooks, host, restore } = setup();
    try {
      const first = await writeReceiptSheet(
        receiptSheet([receipt(1)], { laoName: "เทศบาลตำบลคลองท่อมใต้" }),
        host,
      );
      expect(first).toBe("ใบรับ");
      const again = await writeReceiptSheet(receiptSheet([receipt(1), receipt(2)]), host);
      expect(again).toBe("ใบรับ");
      expect(hooks.sheetNames().filter((n: string) => n.startsWith("ใบรับ"))).toEqual(["ใบรับ"]);
      expect(hooks.values("'ใบรับ'!A3:B4")).toEqual([
        ["เลขที่ใบรับ", "2568-5810401-2"],
        ["ฉบับ", "ฉบับที่ 2 (แทนฉบับที่ 1)"],
      ]);
      // The history, newest first, as text (receipt numbers are never turned into numbers).
      expect(hooks.values("'ใบรับ'!A14:B15")).toEqual([
        ["2", "2568-5810401-2"],
        ["1", "2568-5810401-1"],
      ]);
      expect(hooks.model.names.get(RECEIPT_NAME.toLowerCase())?.formula).toBe("='ใบรับ'!$A$1");
    } finally {
      restore();
    }
  });

  it("never replaces an officer's own sheet of that name: it takes the next free name", async () => {
    const { hooks, host, add, restore } = setup();
    try {
      await add("ใบรับ");
      await expect(writeReceiptSheet(receiptSheet([receipt(1)]), host)).resolves.toBe("ใบรับ (2)");
      await expect(writeReceiptSheet(receiptSheet([receipt(1), receipt(2)]), host)).resolves.toBe("ใบรับ (2)");
      expect(hooks.sheetNames()).toEqual(expect.arrayContaining(["ใบรับ", "ใบรับ (2)"]));
      expect(hooks.values("'ใบรับ'!A1")).toEqual([[null]]);
    } finally {
      restore();
    }
  });
});

describe("the province's comments as notes", () => {
  const notesOf = (hooks: any, kind: "note" | "comment") =>
    hooks.model.comments.filter((c: any) => c.kind === kind).map((c: any) => c.content);

  it("adds notes, keeps an officer's own note, and takes only MinStd's part away", async () => {
    const { win, hooks, host, add, restore } = setup();
    try {
      await add("แบบ 2");
      await win.Excel.run(async (ctx: any) => {
        ctx.workbook.notes.add("'แบบ 2'!E7", "ตรวจกับกองคลังแล้ว");
        await ctx.sync();
      });
      await showReturnNotes(
        [
          { sheet: "แบบ 2", cell: "E6", text: "2568-2-01: ตัวเลขไม่ตรง" },
          { sheet: "แบบ 2", cell: "E7", text: "2568-2-02: ขาดเอกสาร" },
        ],
        host,
      );
      expect(notesOf(hooks, "note").sort()).toEqual(
        [
          `${RETURN_NOTE_MARK}\n2568-2-01: ตัวเลขไม่ตรง`,
          `ตรวจกับกองคลังแล้ว\n\n${RETURN_NOTE_MARK}\n2568-2-02: ขาดเอกสาร`,
        ].sort(),
      );
      // Shown again (the same return): nothing doubles.
      await showReturnNotes([{ sheet: "แบบ 2", cell: "E6", text: "2568-2-01: ตัวเลขไม่ตรง" }], host);
      expect(notesOf(hooks, "note").sort()).toEqual(
        [`${RETURN_NOTE_MARK}\n2568-2-01: ตัวเลขไม่ตรง`, "ตรวจกับกองคลังแล้ว"].sort(),
      );
      await showReturnNotes([], host);
      expect(notesOf(hooks, "note")).toEqual(["ตรวจกับกองคลังแล้ว"]);
    } finally {
      restore();
    }
  });

  it("uses comments where Excel has no notes API", async () => {
    const { hooks, host, add, restore } = setup(
      (set, version) => !(set === "ExcelApi" && version === "1.18"),
    );
    try {
      await add("แบบ 2");
      await showReturnNotes([{ sheet: "แบบ 2", cell: "E6", text: "2568-2-01: ตัวเลขไม่ตรง" }], host);
      expect(notesOf(hooks, "comment")).toEqual([`${RETURN_NOTE_MARK}\n2568-2-01: ตัวเลขไม่ตรง`]);
      expect(notesOf(hooks, "note")).toEqual([]);
    } finally {
      restore();
    }
  });
});
