import ExcelJS from "exceljs";
import { rmSync } from "node:fs";
import { collectionLayout, shippedRound, type SubmissionDocument } from "../../src/core";
import { main } from "../../src/cli/main";
import { loadRegister } from "../../src/dataFiles";

/**
 * Collection workbooks as an officer makes them: `minstd template`, then values typed into the
 * cells the layout names (with exceljs, as Excel stores them).
 */

/** Runs `minstd …` in this process and collects what it prints. */
export async function cli(
  args: string[],
  env?: Record<string, string | undefined>,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env ?? {})) if (v === undefined) delete process.env[k];
  try {
    const code = await main(["node", "minstd", ...args], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

/** Writes the LAO's workbook and types a document's values into it (only the values given). */
export async function filledWorkbook(file: string, document: SubmissionDocument): Promise<void> {
  rmSync(file, { force: true });
  const made = await cli(["template", "--round", document.round, "--lao", document.lao, "-o", file]);
  if (made.code !== 0) throw new Error(`template failed: ${made.err}`);
  const layout = collectionLayout(shippedRound(document.round)!, loadRegister().get(document.lao)!);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const set = (path: string, value: unknown): void => {
    const at = layout.inputs.get(path);
    if (!at) throw new Error(`no cell for ${path}`);
    if (value !== undefined && value !== null)
      workbook.getWorksheet(at.sheet)!.getCell(at.cell).value = value as string | number;
  };
  for (const [id, v] of Object.entries(document.values))
    for (const [field, value] of Object.entries(v)) set(`values.${id}.${field}`, value);
  const basic = document.basic ?? {};
  for (const key of ["population", "households", "villages", "budget"] as const)
    set(`basic.${key}`, basic[key]);
  for (const key of ["name", "position", "phone"] as const)
    set(`basic.preparer.${key}`, basic.preparer?.[key]);
  await workbook.xlsx.writeFile(file);
}
