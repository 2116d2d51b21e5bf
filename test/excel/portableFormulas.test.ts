/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The collection workbook built through Office.js over the test double, in an Excel with the add-in
 * and in one without it: with the add-in, the result cells show MINSTD.CHECK's answers (its Thai
 * error messages included); without it, the same cells show core's result through the portable
 * formulas, and never #NAME?.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  collectionLayout,
  compileRound,
  layoutRows,
  resultDisplay,
  scoreIndicator,
  shippedRound,
  statusLabel,
} from "../../src/core";
import { createWorkbook } from "../../src/excel/create";
import { associateAddinFunctions } from "../office-double/addinFunctions";
import { parseRange } from "../office-double/address";
import { doubleHost } from "../office-double/host";
import { installOfficeDouble, type FunctionsMetadata } from "../office-double/install";
import { mapStorage } from "../office-double/mapStorage";
import { testRegister } from "../taskpane/fixtures";

const register = testRegister();
const metadata = JSON.parse(
  readFileSync(join(__dirname, "../../src/functions/functions.golden.json"), "utf8"),
) as FunctionsMetadata;
const round = shippedRound("2563")!;
const compiled = compileRound(round);

async function built(type: "city" | "sao", withAddin: boolean) {
  const win: any = { localStorage: mapStorage() };
  const hooks = installOfficeDouble(win, { metadata });
  const host = doubleHost(win);
  const lao = register.all.find((l) => l.type === type)!;
  await createWorkbook(round, lao, host);
  if (withAddin) {
    associateAddinFunctions(win);
  }
  return { hooks, lao, rows: layoutRows(collectionLayout(round, lao)) };
}

/** (1) and (2) as typed, one pair per indicator row in order. */
const TYPED: Array<[string, string]> = [
  ["๑๒๐", "๑๑๐"],
  ["50", "-"],
  ["0", ""],
  ["1,000", "12 กม."],
];

describe("the collection workbook in Excel, with and without the add-in", () => {
  afterEach(() => delete (globalThis as any).CustomFunctions);

  it("shows core's result through the portable formulas where the add-in does not answer", async () => {
    for (const type of ["city", "sao"] as const) {
      const { hooks, lao, rows } = await built(type, false);
      expect(rows.length).toBe(TYPED.length);
      rows.forEach((row, i) => {
        const [base, served] = TYPED[i]!;
        hooks.typeInto(`'${row.sheet}'!${row.base}`, base);
        if (served) hooks.typeInto(`'${row.sheet}'!${row.served}`, served);
      });
      for (const [i, row] of rows.entries()) {
        const ind = compiled.byId.get(row.id)!;
        const [base, served] = TYPED[i]!;
        const score = scoreIndicator(ind, { base, served: served || null }, lao.type);
        expect(shownAt(hooks, row.sheet, row.result)).toBe(
          resultDisplay(score.status, score.problem !== undefined, round),
        );
        expect(shownAt(hooks, row.sheet, row.target)).toBe(ind.targets[lao.type]!.value);
      }
      const shown = rows.map((r) => shownAt(hooks, r.sheet, r.result));
      expect(shown).toEqual([
        statusLabel("pass", round),
        statusLabel("not-done", round),
        statusLabel("no-service", round),
        statusLabel("invalid", round),
      ]);
    }
  });

  it("shows MINSTD.CHECK's answers, with its Thai error message, where the add-in answers", async () => {
    const { hooks, rows } = await built("sao", true);
    rows.forEach((row, i) => {
      const [base, served] = TYPED[i]!;
      hooks.typeInto(`'${row.sheet}'!${row.base}`, base);
      if (served) hooks.typeInto(`'${row.sheet}'!${row.served}`, served);
    });
    const calls = hooks.model.calls;
    hooks.typeInto(`'${rows[0]!.sheet}'!${rows[0]!.served}`, "๙๐");
    await hooks.settled(); // Excel recalculates after the entry
    expect(hooks.model.calls).toBeGreaterThan(calls); // the add-in's functions computed the cells
    expect(shownAt(hooks, rows[0]!.sheet, rows[0]!.result)).toBe(statusLabel("pass", round));
    expect(shownAt(hooks, rows[1]!.sheet, rows[1]!.result)).toBe(statusLabel("not-done", round));
    // Where the portable formula can only say ข้อมูลไม่ถูกต้อง, the add-in says what is wrong.
    const ref = parseRange(`'${rows[3]!.sheet}'!${rows[3]!.result}`)!;
    const sheet = hooks.model.sheetByName(rows[3]!.sheet)!;
    const invalid = hooks.model.cell(sheet, ref.top, ref.left).value as { code: string; message?: string };
    expect(invalid.code).toBe("#VALUE!");
    expect(invalid.message).toMatch(/[ก-๙]/);
    expect(invalid.message).toContain("12 กม.");
  });
});

function shownAt(hooks: any, sheet: string, cell: string): unknown {
  return hooks.values(`'${sheet}'!${cell}`)[0][0];
}
