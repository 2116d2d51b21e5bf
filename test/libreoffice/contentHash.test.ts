/**
 * The content hash depends on what was typed only: the same figures read from a workbook whose
 * formulas were never calculated (cached values from the empty template, or stale labels) and from
 * the same workbook recalculated in LibreOffice give the same document and the same hash.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  collectionLayout,
  layoutRows,
  shippedRound,
  statusLabel,
  type CollectionRead,
  type SubmissionDocument,
} from "../../src/core";
import { contentHash } from "../../src/client/hash";
import { readCollectionWorkbookFile } from "../../src/xlsx/collectionWorkbookReader";
import { writeCollectionWorkbook } from "../../src/xlsx/collectionWorkbookWriter";
import { testRegister } from "../taskpane/fixtures";
import { libreOfficeAvailable, runCalc } from "./libreoffice";

const register = testRegister();
const round = shippedRound("2568")!;
const lao = register.all.find((l) => l.type === "town")!;
const layout = collectionLayout(round, lao);
const rows = layoutRows(layout);
const STALE = statusLabel("pass", round);

/** Figures as an officer types them: every ratio below its target, a dash, counts. */
function typed(): Array<{ sheet: string; cell: string; value: number | string }> {
  const out: Array<{ sheet: string; cell: string; value: number | string }> = [];
  rows.forEach((r, i) => {
    if (r.base && r.served) {
      out.push({ sheet: r.sheet, cell: r.base, value: 200 });
      out.push({ sheet: r.sheet, cell: r.served, value: i % 3 === 0 ? "-" : 10 });
    } else if (r.value) out.push({ sheet: r.sheet, cell: r.value, value: i % 2 === 0 ? 3 : "-" });
  });
  const population = layout.inputs.get("basic.population")!;
  out.push({ sheet: population.sheet, cell: population.cell, value: 12345 });
  return out;
}

/** The template with the figures put in by a program that calculates nothing, every result saying "pass". */
async function uncalculated(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeCollectionWorkbook(layout)) as unknown as ArrayBuffer);
  for (const t of typed()) workbook.getWorksheet(t.sheet)!.getCell(t.cell).value = t.value;
  for (const r of rows) {
    const cell = workbook.getWorksheet(r.sheet)!.getCell(r.result);
    const v = cell.value as ExcelJS.CellFormulaValue;
    if (v && typeof v === "object" && "formula" in v) cell.value = { formula: v.formula, result: STALE };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readOf(data: Buffer): Promise<CollectionRead> {
  const file = await readCollectionWorkbookFile(data, {
    round: async (id) => (id === round.id ? round : undefined),
    lao: (code) => register.get(code),
  });
  if (!file.ok) throw new Error(file.message);
  expect(file.problems).toEqual([]);
  return file.read;
}

const documentOf = async (data: Buffer): Promise<SubmissionDocument> => (await readOf(data)).document;

const canRun = libreOfficeAvailable();
if (!canRun && process.env.CI) throw new Error("LibreOffice (soffice and python3-uno) is needed in CI");
const describeWithOffice = canRun ? describe : describe.skip;

describeWithOffice("the content hash of a workbook's figures", () => {
  const dir = mkdtempSync(join(tmpdir(), "minstd-hash-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is the same before and after the formulas are calculated", async () => {
    const stale = join(dir, "stale.xlsx");
    const calculated = join(dir, "calculated.xlsx");
    writeFileSync(stale, await uncalculated());
    const [shown] = await runCalc([
      {
        file: stale,
        out: calculated,
        typed: [],
        read: rows.map((r) => ({ sheet: r.sheet, cell: r.result })),
      },
    ]);
    // LibreOffice did recalculate: no ratio below its target shows the stale "pass" any more.
    expect(shown!.cells.filter((c) => c.string !== STALE).length).toBeGreaterThan(0);

    const before = await documentOf(readFileSync(stale));
    const after = await documentOf(readFileSync(calculated));
    expect(after).toEqual(before);
    expect(Object.keys(before.values).length).toBeGreaterThan(0);
    expect(await contentHash(after)).toBe(await contentHash(before));
    // The writer's own copy, with the results core computed as cached values, reads the same too.
    const written = await writeCollectionWorkbook(layout, {
      inputs: (await readOf(readFileSync(calculated))).inputs,
    });
    expect(await contentHash((await readOf(written)).document)).toBe(await contentHash(before));
  });
});
