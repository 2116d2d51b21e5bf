import { writeFileSync } from "node:fs";
import {
  bangkokStartOfDay,
  isoDateSchema,
  laoCodeSchema,
  compileRound,
  evaluateSubmission,
  parseRound,
  parseSubmission,
  type CheckReport,
  type CompiledRound,
  type Lao,
  type SubmissionDocument,
} from "../core";
import { buildMemo } from "../core/reports/memo";
import { buildSummarySheet } from "../core/reports/summarySheet";
import { memoDocx } from "../docx/memoDocx";
import { EmblemError, type Emblem } from "../docx/emblem";
import { configuredEmblem } from "../dataFiles/garudaImage";
import { loadRegister, resolveRound } from "../dataFiles";
import {
  configFromEnv,
  DataDirInUseError,
  DEFAULT_DATA_DIR,
  getLao,
  getRoundDefinition,
  listVersions,
  openDatabase,
} from "../server";
import { summarySheetXlsx } from "../xlsx/summarySheetWriter";
import { checkFile, printCheck, readDocument } from "./checkCommand";
import { checkedFlag } from "./flags";
import { UsageError, type Lang, type Output } from "./output";

/**
 * `minstd report memo|summary`: an LAO's own report from a filled collection workbook or submission
 * file, or from what it submitted to the server's database (--lao and --round): the memo to its
 * executives as .docx, and the summary sheet of the official printout as .xlsx.
 */

export interface ReportOptions {
  lao?: string;
  round?: string;
  output?: string;
  data?: string;
  date?: string;
  reference?: string;
  department?: string;
  to?: string;
  signer?: string;
  position?: string;
  /** The Garuda image file (else MINSTD_GARUDA_IMAGE, else MinStd's drawing). */
  garuda?: string;
}

interface Scored {
  compiled: CompiledRound;
  lao: Lao;
  document: SubmissionDocument;
  report: CheckReport;
  receipt?: { number: string; receivedAt: Date };
}

/** From a file: scored as `minstd check` scores it; problems are printed as check prints them. */
async function fromFile(file: string, lang: Lang, io: Output): Promise<Scored | undefined> {
  const check = await checkFile(file);
  if (!check.lao || check.summary === null || !check.round) {
    printCheck(check, lang, io);
    return undefined;
  }
  const parsed = parseSubmission(await readDocument(file));
  const round = await resolveRound(check.round);
  const lao = loadRegister().get(check.lao.code);
  if (!parsed.ok || !round || !lao) {
    printCheck(check, lang, io);
    return undefined;
  }
  const compiled = compileRound(round);
  return {
    compiled,
    lao,
    document: parsed.document,
    report: evaluateSubmission(parsed.document, compiled, lao),
  };
}

/** From the server's database: the LAO's current version in the round. */
async function fromDatabase(opts: ReportOptions, io: Output): Promise<Scored | undefined> {
  const env = configFromEnv();
  const db = await openDatabase(
    env.databaseUrl ? { databaseUrl: env.databaseUrl } : { dataDir: opts.data ?? DEFAULT_DATA_DIR },
  ).catch((e: unknown) => {
    throw e instanceof DataDirInUseError ? new UsageError(e.message) : e;
  });
  try {
    const lao = await getLao(db, opts.lao!);
    if (!lao) throw new UsageError(`ไม่มี อปท. รหัส ${opts.lao} ในทะเบียน / no LAO ${opts.lao} in the register`);
    const def = await getRoundDefinition(db, opts.round!);
    if (!def) throw new UsageError(`ไม่มีรอบ ${opts.round} ในฐานข้อมูล / no round ${opts.round} in the database`);
    const [current] = await listVersions(db, { laoCode: lao.code, roundId: opts.round! }, true);
    if (!current) {
      io.err(
        `อปท. ${lao.code} ยังไม่ได้ส่งข้อมูลรอบ ${opts.round} / LAO ${lao.code} has not submitted in round ${opts.round}`,
      );
      return undefined;
    }
    const compiled = compileRound(parseRound(def.definition));
    const document = current.document as SubmissionDocument;
    return {
      compiled,
      lao,
      document,
      report: evaluateSubmission(document, compiled, lao),
      receipt: { number: current.receiptNumber, receivedAt: current.receivedAt },
    };
  } finally {
    await db.close();
  }
}

async function load(file: string | undefined, opts: ReportOptions, lang: Lang, io: Output) {
  if (file && (opts.lao || opts.round))
    throw new UsageError("ใช้ไฟล์ หรือ --lao กับ --round อย่างใดอย่างหนึ่ง / give a file, or --lao and --round");
  if (file) return fromFile(file, lang, io);
  if (!opts.lao || !opts.round)
    throw new UsageError(
      "ระบุไฟล์ (.xlsx หรือ .json) หรือ --lao รหัส อปท. และ --round รหัสรอบ / give a file, or --lao and --round",
    );
  checkedFlag("--lao", opts.lao, laoCodeSchema);
  return fromDatabase(opts, io);
}

function day(text: string | undefined): Date {
  if (text === undefined) return new Date();
  return bangkokStartOfDay(checkedFlag("--date", text, isoDateSchema));
}

/** The configured Garuda; a file that cannot be used is the caller's mistake, said in Thai first. */
function garudaOrUsage(file: string | undefined): Emblem | undefined {
  try {
    return configuredEmblem(file);
  } catch (e) {
    throw e instanceof EmblemError ? new UsageError(e.message) : e;
  }
}

export async function reportMemo(
  file: string | undefined,
  opts: ReportOptions,
  lang: Lang,
  io: Output,
): Promise<number> {
  const date = day(opts.date);
  const scored = await load(file, opts, lang, io);
  if (!scored) return 1;
  const memo = buildMemo(scored.compiled, scored.lao, scored.report, {
    date,
    ...(scored.receipt && { receipt: scored.receipt }),
    ...(opts.reference && { reference: opts.reference }),
    ...(opts.department && { department: opts.department }),
    ...(opts.to && { to: opts.to }),
    ...((opts.signer || opts.position) && {
      signer: { name: opts.signer ?? "", position: opts.position ?? "" },
    }),
  });
  const output = opts.output ?? `memo-${scored.compiled.round.id}-${scored.lao.code}.docx`;
  const emblem = garudaOrUsage(opts.garuda);
  writeFileSync(output, await memoDocx(memo, emblem && { emblem }));
  io.out(`เขียนร่างบันทึกข้อความแล้ว → ${output} / memo written`);
  if (!scored.report.complete)
    io.out(
      "หมายเหตุ: ข้อมูลยังไม่ครบ ผลในบันทึกยังไม่ใช่ผลสุดท้าย / note: the data is incomplete, the results are not final",
    );
  return 0;
}

export async function reportSummary(
  file: string | undefined,
  opts: ReportOptions,
  lang: Lang,
  io: Output,
): Promise<number> {
  const scored = await load(file, opts, lang, io);
  if (!scored) return 1;
  const model = buildSummarySheet(
    scored.compiled,
    scored.lao,
    scored.document,
    scored.report,
    scored.receipt?.receivedAt ?? new Date(),
  );
  const output = opts.output ?? `summary-${scored.compiled.round.id}-${scored.lao.code}.xlsx`;
  writeFileSync(output, await summarySheetXlsx(model));
  io.out(`เขียนสรุปผลแล้ว → ${output} / summary sheet written`);
  return 0;
}
