import { inBothLanguages } from "../i18n/issues";
import { problemEn } from "../i18n/problems";
import ExcelJS from "exceljs";
import {
  checkAgainstLayout,
  collectionLayout,
  isMetaProblem,
  LayoutError,
  META_SHEET,
  missingSheet,
  parseMeta,
  readCollection,
  type CellProblem,
  type CollectionLayout,
  type CollectionRead,
  type Lao,
  type Round,
} from "../core";
import { cellPlainValue } from "./cells";
import { checkUnpack, XLSX_LIMITS } from "./zipSize";

/**
 * Reads a collection workbook (.xlsx) filled in Excel with or without the add-in, e.g. one an LAO
 * sent by email: the metadata names its round and LAO, core builds the same layout, and every
 * input is read from its cell. Nothing here decides where a cell is.
 */

export interface Resolvers {
  readonly round: (id: string) => Promise<Round | undefined>;
  /** The register here (the CLI), or the server's database. */
  readonly lao: (code: string) => Lao | undefined | Promise<Lao | undefined>;
}

/** Why a file could not be read as a collection workbook. */
export type UnreadableReason =
  "not-xlsx" | "too-large" | "not-collection" | "unknown-round" | "unknown-lao" | "layout";

export type CollectionFile =
  | {
      readonly ok: true;
      readonly layout: CollectionLayout;
      readonly read: CollectionRead;
      /** The workbook does not match its layout (sheets renamed, rows moved, the round changed). */
      readonly problems: readonly CellProblem[];
    }
  | {
      readonly ok: false;
      readonly reason: UnreadableReason;
      readonly message: string;
      readonly messageEn: string;
    };

const fail = (reason: UnreadableReason, message: string, messageEn: string): CollectionFile => ({
  ok: false,
  reason,
  message,
  messageEn,
});

const ROUND_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{1,15}$/;

const NOT_XLSX = [
  "เปิดไฟล์นี้เป็นไฟล์ Excel (.xlsx) ไม่ได้ — ไฟล์อาจเสียหรือไม่ใช่ .xlsx (ถ้าเป็น .xls ให้เปิดใน Excel แล้วบันทึกเป็น .xlsx ก่อน)",
  "cannot open this file as an Excel workbook (.xlsx) — it may be damaged or another format",
] as const;

export async function readCollectionWorkbookFile(data: Buffer, resolve: Resolvers): Promise<CollectionFile> {
  // Checked before exceljs unpacks the whole file in memory.
  const unpack = checkUnpack(data);
  if (!unpack.ok && unpack.reason === "too-large") {
    return fail(
      "too-large",
      `ไฟล์นี้ขยายออกมาใหญ่เกิน ${XLSX_LIMITS.maxUnpackedBytes / 1024 / 1024} MB ซึ่งแบบรวบรวมข้อมูลไม่เคยใหญ่ขนาดนี้ — ใช้แบบที่สร้างจาก MinStd และลบแผ่นงานหรือรูปภาพที่เพิ่มเข้าไปออก`,
      `this file unpacks to more than ${XLSX_LIMITS.maxUnpackedBytes / 1024 / 1024} MB, which no collection workbook does`,
    );
  }
  if (!unpack.ok) return fail("not-xlsx", ...NOT_XLSX);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return fail("not-xlsx", ...NOT_XLSX);
  }
  const metaSheet = workbook.getWorksheet(META_SHEET);
  const meta = metaSheet
    ? parseMeta((address) => cellPlainValue(metaSheet.getCell(address)))
    : parseMeta(() => undefined);
  if (isMetaProblem(meta)) return fail("not-collection", meta.problem.th, problemEn(meta.problem));
  if (!ROUND_ID.test(meta.round)) {
    return fail(
      "not-collection",
      `รหัสรอบในแฟ้ม “${meta.round}” ไม่ถูกต้อง`,
      `the workbook names an invalid round “${meta.round}”`,
    );
  }
  const round = await resolve.round(meta.round);
  if (!round) {
    return fail(
      "unknown-round",
      `แฟ้มนี้เป็นของรอบการประเมิน ${meta.round} ซึ่งไม่มีในระบบ — ดูรอบที่มีด้วย minstd round list`,
      `this workbook is for round ${meta.round}, which is not known here`,
    );
  }
  const lao = await resolve.lao(meta.lao);
  if (!lao) {
    return fail(
      "unknown-lao",
      `ไม่พบรหัส อปท. ${meta.lao} ของแฟ้มนี้ในทะเบียน อปท.`,
      `the LAO code ${meta.lao} of this workbook is not in the register`,
    );
  }
  let layout: CollectionLayout;
  try {
    layout = collectionLayout(round, lao);
  } catch (e) {
    if (e instanceof LayoutError)
      return fail("layout", inBothLanguages(e.problem), inBothLanguages(e.problem));
    throw e;
  }
  const sheets = new Map<string, ExcelJS.Worksheet>();
  const missing: CellProblem[] = [];
  for (const spec of layout.sheets) {
    const ws = workbook.getWorksheet(spec.name);
    if (ws) sheets.set(spec.name, ws);
    else missing.push(missingSheet(spec.name));
  }
  const read = (sheet: string, address: string) => {
    const ws = sheets.get(sheet);
    return ws ? cellPlainValue(ws.getCell(address)) : undefined;
  };
  const problems = missing.length > 0 ? missing : checkAgainstLayout(layout, meta, read);
  return { ok: true, layout, read: readCollection(layout, read), problems };
}
