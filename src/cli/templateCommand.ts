import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import {
  cellReference,
  collectionLayout,
  describeLao,
  LayoutError,
  layoutRows,
  type CollectionLayout,
} from "../core";
import { allRounds, loadRegister, resolveRound } from "../dataFiles";
import { inBothLanguages } from "../i18n";
import { readCollectionWorkbookFile } from "../xlsx/collectionWorkbookReader";
import { writeCollectionWorkbook } from "../xlsx/collectionWorkbookWriter";
import { UsageError, type Output } from "./output";
import { dataResolvers } from "./xlsxSubmissionReader";

export interface TemplateOptions {
  readonly round?: string;
  readonly lao?: string;
  readonly output?: string;
  readonly refresh?: boolean;
}

async function layoutFor(opts: TemplateOptions): Promise<CollectionLayout> {
  if (!opts.round || !opts.lao) {
    throw new UsageError(
      "ระบุรอบและรหัส อปท. เช่น minstd template --round 2568 --lao 5110104 -o แบบ.xlsx / give --round and --lao",
    );
  }
  const round = await resolveRound(opts.round).catch(() => undefined);
  if (!round) {
    const ids = (await allRounds()).map((r) => r.id).join(", ");
    throw new UsageError(
      `ไม่มีรอบการประเมิน “${opts.round}” — รอบที่มี: ${ids} / no such round; known rounds: ${ids}`,
    );
  }
  const lao = loadRegister().get(opts.lao);
  if (!lao) {
    throw new UsageError(
      `ไม่พบรหัส อปท. “${opts.lao}” ในทะเบียน — ค้นรหัสด้วย minstd lao find ชื่อ อปท. / LAO code not in the register`,
    );
  }
  try {
    return collectionLayout(round, lao);
  } catch (e) {
    if (e instanceof LayoutError) throw new UsageError(`${inBothLanguages(e.problem)} (${describeLao(lao)})`);
    throw e;
  }
}

/** Writes next to the target and renames, so a failed write never leaves half a workbook in its place. */
function writeAtomically(path: string, data: Buffer): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/**
 * `minstd template --round ROUND --lao CODE -o FILE.xlsx`: the collection workbook of one LAO.
 * With --refresh, an existing workbook of the same round and LAO is rewritten from the current
 * template, keeping every value typed into it.
 */
export async function template(opts: TemplateOptions, io: Output): Promise<number> {
  const layout = await layoutFor(opts);
  const output = opts.output ?? `แบบรวบรวมข้อมูล-${layout.round.id}-${layout.lao.code}.xlsx`;
  let inputs = new Map<string, string | number>();
  if (existsSync(output)) {
    if (!opts.refresh) {
      throw new UsageError(
        `มีไฟล์ ${output} อยู่แล้ว — ใช้ --refresh เพื่อปรับแบบโดยคงค่าที่กรอกไว้ หรือระบุชื่อไฟล์อื่นด้วย -o / the file exists; use --refresh or another name`,
      );
    }
    const existing = await readCollectionWorkbookFile(readFileSync(output), dataResolvers);
    if (!existing.ok) {
      io.err(`ปรับแบบ ${output} ไม่ได้: ${existing.message} / cannot refresh: ${existing.messageEn}`);
      return 1;
    }
    const problems = [
      ...(existing.layout.round.id !== layout.round.id || existing.layout.lao.code !== layout.lao.code
        ? [
            {
              message: `ไฟล์นี้เป็นของรอบ ${existing.layout.round.id} รหัส อปท. ${existing.layout.lao.code} ไม่ใช่ที่ระบุ`,
              sheet: undefined,
              cell: undefined,
            },
          ]
        : []),
      ...existing.problems
        .filter((p) => p.severity === "error")
        .map((p) => ({ message: p.problem.th, sheet: p.sheet, cell: p.cell })),
    ];
    if (problems.length > 0) {
      io.err(`ปรับแบบ ${output} ไม่ได้ ไม่ได้แก้ไขไฟล์ / cannot refresh; the file was not changed:`);
      for (const p of problems) io.err(`- ${p.message}${cellReference(p)}`);
      return 1;
    }
    inputs = new Map(existing.read.inputs);
  }
  writeAtomically(output, await writeCollectionWorkbook(layout, { inputs }));
  const areas = layout.sheets.filter((s) => s.role === "area").length;
  io.err(
    `เขียนแบบรวบรวมข้อมูล ${describeLao(layout.lao)} รอบ ${layout.round.id} → ${output}` +
      ` (${areas} ด้าน ${layoutRows(layout).length} ตัวชี้วัด${inputs.size > 0 ? ` คงค่าที่กรอกไว้ ${inputs.size} ช่อง` : ""})`,
  );
  return 0;
}
