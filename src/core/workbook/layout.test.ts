import { readFileSync } from "node:fs";
import { join } from "node:path";
import { absoluteCell, parseCell, parseRange } from "./a1";
import { compileRound } from "../rules/compiledRound";
import { generatedRound } from "../rules/generatedRound";
import { LAO_TYPES } from "../rules/laoTypes";
import { AREA_COL } from "./sheets/areaColumns";
import { formulaText, namedItemReference } from "./formulaText";
import { collectionLayout, LayoutError, layoutRows } from "./layout";
import { META_CELLS } from "./sheets/metaSheet";
import type { AddinFormulaSpec, CollectionLayout } from "./spec";
import { STYLES } from "./styles";
import { META_SHEET, NAME_LAO_TYPE } from "./workbookNames";
import { LaoRegister, parseRegisterCsv, type Lao } from "../rules/register";
import { parseRound } from "../rules/round";
import { shippedRound, shippedRounds } from "../rules/shippedRounds";

const register = new LaoRegister(
  parseRegisterCsv(readFileSync(join(__dirname, "../../../data/lao-registry.csv"), "utf8")),
);
const sao = register.get("6810403")!;
const town = register.all.find((l) => l.type === "subdistrict")!;
const r2568 = shippedRound("2568")!;

function cellsOf(layout: CollectionLayout, sheet: string) {
  return new Map(layout.sheets.find((s) => s.name === sheet)!.cells.map((c) => [c.address, c]));
}

describe("the collection workbook layout", () => {
  it("names the sheets like the official forms: แบบ 1, one แบบ 2-x per area, then the hidden metadata", () => {
    expect(collectionLayout(shippedRound("2563")!, sao).sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["แบบ อบต. 1", "visible"],
      ["แบบ อบต. 2-1", "visible"],
      [META_SHEET, "veryHidden"],
    ]);
    expect(collectionLayout(r2568, town).sheets.map((s) => s.name)).toEqual([
      "แบบเทศบาล 1",
      "แบบเทศบาล 2-1",
      "แบบเทศบาล 2-2",
      "แบบเทศบาล 2-3",
      META_SHEET,
    ]);
  });

  it("keeps every sheet name within Excel's 31 characters for every shipped round and LAO type", () => {
    for (const round of [...shippedRounds(), generatedRound()]) {
      for (const type of round.laoTypes) {
        const lao: Lao = { ...sao, type };
        for (const sheet of collectionLayout(round, lao).sheets) {
          expect(sheet.name.length).toBeLessThanOrEqual(31);
          expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
        }
      }
    }
  });

  it("refuses an LAO whose type the round does not assess, in Thai", () => {
    expect(() => collectionLayout(r2568, sao)).toThrow(LayoutError);
    expect(() => collectionLayout(r2568, sao)).toThrow(/ไม่ได้ประเมิน อบต\./);
  });

  it("puts the official columns in the official order on every area sheet", () => {
    const layout = collectionLayout(r2568, town);
    const cells = cellsOf(layout, "แบบเทศบาล 2-2");
    expect(["A4", "B4", "C4", "D4", "E4", "F4", "G4", "H4"].map((a) => cells.get(a)?.value)).toEqual([
      "ลำดับ/รหัสตัวชี้วัด",
      "ตัวชี้วัด",
      "ค่าเป้าหมาย",
      "(1) กรอบการประเมิน",
      "(2) การจัดบริการสาธารณะ",
      "(2) เทียบกับ (1) %",
      "ผลการประเมิน",
      "หมายเหตุ",
    ]);
    expect(layout.sheets[2]!.table).toEqual(
      expect.objectContaining({ name: "MinStd_Area_2", address: "A4:H11" }),
    );
  });

  it("gives ratio indicators (1), (2) and a %, and count and yes/no indicators one value cell in (2)", () => {
    const round = generatedRound(12, "G12");
    const layout = collectionLayout(round, sao);
    const byKind = new Map(layoutRows(layout).map((r) => [r.kind, r]));
    const ratio = byKind.get("ratio")!;
    expect(parseCell(ratio.base!)!.col).toBe(AREA_COL.base);
    expect(parseCell(ratio.served!)!.col).toBe(AREA_COL.served);
    expect(ratio.value).toBeUndefined();
    expect(ratio.percent).toBeDefined();
    for (const kind of ["count", "yesno"] as const) {
      const row = byKind.get(kind)!;
      expect(row.base).toBeUndefined();
      expect(row.served).toBeUndefined();
      expect(parseCell(row.value!)!.col).toBe(AREA_COL.served);
      expect(row.percent).toBeUndefined();
    }
    const yesno = byKind.get("yesno")!;
    expect(cellsOf(layout, yesno.sheet).get(yesno.value!)!.input!.validation).toEqual(
      expect.objectContaining({ type: "list", list: ["มี", "ไม่มี"] }),
    );
  });

  it("writes the formulas with the indicator id, (2) then (1), and the LAO type from the named cell", () => {
    const layout = collectionLayout(r2568, town);
    const rows = layoutRows(layout);
    const ratio = rows.find((r) => r.id === "2568-2-01")!;
    const count = rows.find((r) => r.id === "2568-2-02")!;
    const cells = cellsOf(layout, ratio.sheet);
    const f = (address: string, form: "excel" | "file") => formulaText(cells.get(address)!.formula!, form);
    const portable = (address: string) => (cells.get(address)!.formula as AddinFormulaSpec).portable!;
    // The add-in's answer where it answers; the portable formula where it does not.
    const either = (address: string, call: string) =>
      `IF(ISERROR(MinStd_AddIn),${portable(address)},${call})`;
    expect(f(ratio.result, "excel")).toBe(
      `=${either(ratio.result, 'MINSTD.CHECK("2568-2-01",IF(ISBLANK(E6),"",E6),IF(ISBLANK(D6),"",D6),MinStd_LaoType)')}`,
    );
    expect(f(ratio.target, "excel")).toBe(
      `=${either(ratio.target, 'MINSTD.TARGET("2568-2-01",MinStd_LaoType)')}`,
    );
    expect(portable(ratio.target)).toBe(
      String(compileRound(r2568).byId.get("2568-2-01")!.targets.subdistrict!.value),
    );
    expect(f(ratio.percent!, "excel")).toBe(
      `=${either(ratio.percent!, 'IFERROR(MINSTD.PERCENT(IF(ISBLANK(E6),"",E6),IF(ISBLANK(D6),"",D6)),"-")')}`,
    );
    expect(f(count.result, "excel")).toBe(
      `=${either(count.result, 'MINSTD.CHECK("2568-2-02",IF(ISBLANK(E8),"",E8),,MinStd_LaoType)')}`,
    );
    expect(f(ratio.result, "file")).toBe(
      either(
        ratio.result,
        '_xldudf_MINSTD_CHECK("2568-2-01",IF(ISBLANK(E6),"",E6),IF(ISBLANK(D6),"",D6),MinStd_LaoType)',
      ),
    );
    // The portable formulas read the inputs through the metadata sheet's reading cells, never an add-in function.
    expect(portable(ratio.result)).not.toMatch(/MINSTD/);
    const readings = layout.readings.filter((r) => r.indicatorId === "2568-2-01");
    expect(readings.map((r) => r.field)).toEqual(["base", "served"]);
    for (const r of readings) expect(portable(ratio.result)).toContain(`MinStd!${absoluteCell(r.cell)}`);
  });

  it("names the LAO-type cell, which holds a type name the functions accept", () => {
    const layout = collectionLayout(shippedRound("2563")!, sao);
    const item = layout.names.find((n) => n.name === NAME_LAO_TYPE)!;
    expect(namedItemReference(item)).toBe("'แบบ อบต. 1'!$B$7");
    expect(cellsOf(layout, item.sheet).get(item.address)!.value).toBe("อบต.");
  });

  it("unlocks exactly the input cells, and keeps Excel's limits on every input message", () => {
    const layout = collectionLayout(generatedRound(), sao);
    let inputs = 0;
    for (const sheet of layout.sheets) {
      const seen = new Set<string>();
      for (const cell of sheet.cells) {
        expect(seen.has(cell.address)).toBe(false);
        seen.add(cell.address);
        expect(STYLES[cell.style].locked).toBe(cell.input === undefined);
        if (!cell.input) continue;
        inputs += 1;
        const v = cell.input.validation;
        expect(v.promptTitle.length).toBeLessThanOrEqual(32);
        expect(v.errorTitle.length).toBeLessThanOrEqual(32);
        expect(v.prompt.length).toBeLessThanOrEqual(255);
        expect(v.error.length).toBeLessThanOrEqual(225);
      }
    }
    // 214 indicators: 4 of every 6 have two inputs, all have a note; 7 inputs on แบบ 1.
    const twoInputs = layoutRows(layout).filter((r) => r.base).length;
    expect(layoutRows(layout)).toHaveLength(214);
    expect(inputs).toBe(214 + twoInputs + 214 + 7);
    expect(layout.inputs.size).toBe(inputs);
  });

  it("keeps every indicator row inside its sheet's table and the result formats on the result column", () => {
    const layout = collectionLayout(generatedRound(), sao);
    for (const sheet of layout.sheets.filter((s) => s.role === "area")) {
      const table = parseRange(sheet.table!.address)!;
      const formats = parseRange(sheet.conditionalFormats[0]!.address)!;
      for (const row of sheet.rows) {
        expect(row.row).toBeGreaterThan(table.start.row);
        expect(row.row).toBeLessThanOrEqual(table.end.row);
        expect(parseCell(row.result)!.col).toBe(formats.start.col);
      }
    }
  });

  it("holds only the workbook's identity in the metadata, never a credential", () => {
    const layout = collectionLayout(r2568, town);
    const meta = layout.sheets.find((s) => s.name === META_SHEET)!;
    const values = new Map(meta.cells.map((c) => [c.address, c.value]));
    expect(Object.fromEntries(Object.entries(META_CELLS).map(([k, a]) => [k, values.get(a)]))).toEqual({
      format: "minstd-collection-workbook",
      version: "1",
      round: "2568",
      lao: town.code,
      laoType: "subdistrict",
      fingerprint: layout.fingerprint,
    });
    // Besides the identity: the cell that asks for the add-in, and the working cells that read inputs.
    const identity = meta.cells.filter((c) => c.address.startsWith("B") && !c.formula);
    expect(identity).toHaveLength(6);
    const probe = meta.cells.find((c) => c.address === "B9")!.formula!;
    expect(formulaText(probe, "excel")).toBe('=MINSTD.TARGET("2568-1-01",MinStd_LaoType)');
    expect(layout.names.find((n) => n.name === "MinStd_AddIn")).toEqual(
      expect.objectContaining({ sheet: META_SHEET, address: "B9" }),
    );
    const texts = meta.cells.flatMap((c) => [
      String(c.value ?? ""),
      c.formula ? formulaText(c.formula, "file") : "",
    ]);
    expect(texts.join("\n")).not.toMatch(/token|secret|password|code:/i);
  });

  it("fingerprints where cells are, not the texts: a new indicator changes it, a reworded one does not", () => {
    const base = generatedRound(12, "G12");
    const reworded = parseRound({
      ...base,
      areas: base.areas.map((a) => ({
        ...a,
        missions: a.missions.map((m) => ({
          ...m,
          indicators: m.indicators.map((i) => ({ ...i, text: `${i.text} (แก้คำ)` })),
        })),
      })),
    });
    const fp = collectionLayout(base, sao).fingerprint;
    expect(collectionLayout(reworded, sao).fingerprint).toBe(fp);
    expect(collectionLayout(generatedRound(13, "G12"), sao).fingerprint).not.toBe(fp);
  });

  it("builds a layout for every LAO type of the generated round", () => {
    const round = generatedRound();
    for (const type of LAO_TYPES) {
      const layout = collectionLayout(round, { ...sao, type });
      expect(layoutRows(layout)).toHaveLength(214);
    }
  });
});
